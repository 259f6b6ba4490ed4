/**
 * The `Kế hoạch` sheet (docs/spec/TEMPLATE.md §6) as OutputSheet data: identification rows,
 * the `Nhiệm vụ` table and the `Đơn vị` roster; labels and headers come from
 * template.ts so plan-reader.ts reads back what is written here. Used by
 * `tonghop plan`, the pane's «Tạo kế hoạch», the example generator and tests.
 */
import type { CellStyle, OutCell, OutputSheet } from '../sheet-model';
import { NUMBER_FORMATS } from '../sheet-model';
import type { PlanTask } from '../model';
import type { IndicatorCode } from '../template';
import { defaultSpan, workingDaysAfter, type Period } from '../periods';
import { PLAN_ID_LABELS, PLAN_ROSTER_HEADERS, PLAN_SHEET_NAME, PLAN_TABLE_TITLES, PLAN_TASK_HEADERS } from '../template';
import { toExcelSerial } from '../dates';
import type { Province } from '../national-units';
import { DEFAULT_PLAN_TASKS } from '../default-plan';

export interface PlanSheetSpec {
  compilingUnit: string;
  level: string;
  parent?: string;
  period: string;
  year: number | null;
  /** `Từ ngày` / `Đến ngày`: Excel date serials, or text `dd/mm/yyyy`. */
  from?: number | string;
  to?: number | string;
  /** Excel date serial, or text `dd/mm/yyyy`. */
  deadline?: number | string;
  tasks: { stt: number; name: string; indicator?: IndicatorCode | string; minimum?: number; threshold?: number }[];
  roster: { code?: string; name: string; level: string; parent: string }[];
  /** Empty rows left at the end of the roster for units the officer adds (departments); their Cấp and parent pre-filled. */
  room?: { rows: number; level: string; parent: string };
  /** Sheet name; default `Kế hoạch`. */
  name?: string;
}

const TEXT: CellStyle = { numberFormat: NUMBER_FORMATS.text };
const HEADER: CellStyle = { bold: true, border: true, align: 'center', valign: 'middle', wrap: true, fill: '#D9E1F2', numberFormat: NUMBER_FORMATS.text };
const BOX_TEXT: CellStyle = { border: true, wrap: true, valign: 'top', numberFormat: NUMBER_FORMATS.text };
const BOX_NUM: CellStyle = { border: true, valign: 'top', align: 'center', numberFormat: NUMBER_FORMATS.general };

const t = (v: string | undefined, style: CellStyle = TEXT): OutCell => ({ v: v ?? null, style });
const n = (v: number | undefined, style: CellStyle = BOX_NUM): OutCell => ({ v: v ?? null, style });

function title(period: string, year: number | null): string {
  const when = period === 'Năm' || !period ? 'NĂM' : `${period.toUpperCase()} NĂM`;
  return `KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH ${when}${year ? ` ${year}` : ''}`.replace(/\s+/g, ' ').trim();
}

export function layoutPlan(spec: PlanSheetSpec): OutputSheet {
  const rows: OutCell[][] = [];
  const merges: string[] = [];
  rows.push([t(title(spec.period, spec.year), { bold: true, fontSize: 14, align: 'center' })]);
  merges.push('A1:E1');
  rows.push([]);
  const label = (s: string) => t(s, { bold: true });
  rows.push([label(PLAN_ID_LABELS.compilingUnit), t(spec.compilingUnit)]);
  rows.push([label(PLAN_ID_LABELS.level), t(spec.level)]);
  if (spec.parent !== undefined) rows.push([label(PLAN_ID_LABELS.parent), t(spec.parent)]);
  rows.push([label(PLAN_ID_LABELS.period), t(spec.period)]);
  rows.push([label(PLAN_ID_LABELS.year), { v: spec.year, style: { align: 'left' } }]);
  const dateRow = (name: string, d: number | string | undefined) => {
    if (d !== undefined) rows.push([label(name), typeof d === 'number' ? { v: d, style: { numberFormat: NUMBER_FORMATS.date, align: 'left' } } : t(d)]);
  };
  dateRow(PLAN_ID_LABELS.from, spec.from);
  dateRow(PLAN_ID_LABELS.to, spec.to);
  dateRow(PLAN_ID_LABELS.deadline, spec.deadline);
  rows.push([]);

  rows.push([t(PLAN_TABLE_TITLES.tasks, { bold: true, fontSize: 13 })]);
  rows.push([PLAN_TASK_HEADERS.stt, PLAN_TASK_HEADERS.name, PLAN_TASK_HEADERS.indicator, PLAN_TASK_HEADERS.minimum, PLAN_TASK_HEADERS.threshold].map((h) => t(h, HEADER)));
  for (const task of spec.tasks) {
    rows.push([n(task.stt), t(task.name, BOX_TEXT), t(task.indicator, { ...BOX_TEXT, align: 'center' }), n(task.minimum), n(task.threshold)]);
  }
  rows.push([]);

  rows.push([t(PLAN_TABLE_TITLES.roster, { bold: true, fontSize: 13 })]);
  rows.push([PLAN_ROSTER_HEADERS.code, PLAN_ROSTER_HEADERS.name, PLAN_ROSTER_HEADERS.level, PLAN_ROSTER_HEADERS.parent].map((h) => t(h, HEADER)));
  for (const u of spec.roster) {
    rows.push([t(u.code, { ...BOX_TEXT, align: 'center' }), t(u.name, BOX_TEXT), t(u.level, BOX_TEXT), t(u.parent, BOX_TEXT)]);
  }
  // A row without a name is not a unit (plan-reader.ts), so the room can stay as it is until the officer types.
  for (let i = 0; i < (spec.room?.rows ?? 0); i++) {
    rows.push([t('', { ...BOX_TEXT, align: 'center' }), t('', BOX_TEXT), t(spec.room!.level, BOX_TEXT), t(spec.room!.parent, BOX_TEXT)]);
  }

  return {
    name: spec.name ?? PLAN_SHEET_NAME,
    role: 'template',
    rows,
    merges,
    columnWidths: [14, 60, 24, 26, 16],
    freeze: undefined,
    print: { orientation: 'portrait' },
  };
}

/** Rows left for the province's departments (`Sở, ngành`) in a new plan. */
export const DEPARTMENT_ROOM_ROWS = 30;

/** The period's default span and deadline (docs/spec/TEMPLATE.md §6, §11) as Excel dates, for a new plan. */
export function defaultSpanSerials(period: Period, year: number): { from?: number; to?: number; deadline?: number } {
  const span = defaultSpan(period, year);
  return {
    from: toExcelSerial(span.from) ?? undefined,
    to: toExcelSerial(span.to) ?? undefined,
    deadline: toExcelSerial(workingDaysAfter(span.to)) ?? undefined,
  };
}

/** Plan tasks as the sheet writes them (`Tỷ lệ đạt (%)` in percent). */
export function planTaskRows(tasks: readonly PlanTask[]): PlanSheetSpec['tasks'] {
  return tasks.map((x) => ({ stt: x.stt, name: x.name, indicator: x.indicator, minimum: x.minimum, threshold: Math.round(x.threshold * 100) }));
}

/**
 * A new period's plan (`tonghop plan`, «Tạo kế hoạch»): for a province of
 * the national list, the province compiles (level Tỉnh) every one of its
 * communes by official code, with room for its departments; without one, a
 * blank plan for any compiling unit (a commune and its offices).
 */
export function newPlanSpec(opts: { province?: Province; period: Period | null; year: number | null; tasks?: readonly PlanTask[] }): PlanSheetSpec {
  const { province, period, year } = opts;
  const tasks = planTaskRows(opts.tasks ?? DEFAULT_PLAN_TASKS);
  const dates = period && year ? defaultSpanSerials(period, year) : {};
  if (!province) {
    return { compilingUnit: '', level: '', parent: '', period: period ?? '', year, ...dates, tasks, roster: [], room: { rows: DEPARTMENT_ROOM_ROWS, level: '', parent: '' } };
  }
  return {
    compilingUnit: province.unitName,
    level: 'Tỉnh',
    period: period ?? '',
    year,
    ...dates,
    tasks,
    roster: province.communes.map((c) => ({ code: c.code, name: c.unitName, level: c.kind, parent: province.unitName })),
    room: { rows: DEPARTMENT_ROOM_ROWS, level: 'Sở, ngành', parent: province.unitName },
  };
}
