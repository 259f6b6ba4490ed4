/**
 * The `Kế hoạch` sheet (spec §6) as OutputSheet data: identification rows,
 * the `Nhiệm vụ` table and the `Đơn vị` roster. Used by the example generator
 * and the tests; labels and headers come from template.ts.
 */
import type { CellStyle, OutCell, OutputSheet } from '../../src/core/sheet-model';
import { NUMBER_FORMATS } from '../../src/core/sheet-model';
import type { IndicatorCode } from '../../src/core/template';
import { PLAN_ID_LABELS, PLAN_ROSTER_HEADERS, PLAN_SHEET_NAME, PLAN_TABLE_TITLES, PLAN_TASK_HEADERS } from '../../src/core/template';

export interface PlanSheetSpec {
  compilingUnit: string;
  level: string;
  parent?: string;
  period: string;
  year: number;
  /** Excel date serial, or text `dd/mm/yyyy`. */
  deadline?: number | string;
  tasks: { stt: number; name: string; indicator?: IndicatorCode | string; minimum?: number; threshold?: number }[];
  roster: { code?: string; name: string; level: string; parent: string }[];
}

const TEXT: CellStyle = { numberFormat: NUMBER_FORMATS.text };
const HEADER: CellStyle = { bold: true, border: true, align: 'center', valign: 'middle', wrap: true, fill: '#D9E1F2', numberFormat: NUMBER_FORMATS.text };
const BOX_TEXT: CellStyle = { border: true, wrap: true, valign: 'top', numberFormat: NUMBER_FORMATS.text };
const BOX_NUM: CellStyle = { border: true, valign: 'top', align: 'center', numberFormat: NUMBER_FORMATS.general };

const t = (v: string | undefined, style: CellStyle = TEXT): OutCell => ({ v: v ?? null, style });
const n = (v: number | undefined, style: CellStyle = BOX_NUM): OutCell => ({ v: v ?? null, style });

export function planSheet(spec: PlanSheetSpec): OutputSheet {
  const rows: OutCell[][] = [];
  const merges: string[] = [];
  rows.push([t(`KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH ${spec.period === 'Năm' ? 'NĂM' : spec.period.toUpperCase() + ' NĂM'} ${spec.year}`, { bold: true, fontSize: 14, align: 'center' })]);
  merges.push('A1:E1');
  rows.push([]);
  const label = (s: string) => t(s, { bold: true });
  rows.push([label(PLAN_ID_LABELS.compilingUnit), t(spec.compilingUnit)]);
  rows.push([label(PLAN_ID_LABELS.level), t(spec.level)]);
  if (spec.parent) rows.push([label(PLAN_ID_LABELS.parent), t(spec.parent)]);
  rows.push([label(PLAN_ID_LABELS.period), t(spec.period)]);
  rows.push([label(PLAN_ID_LABELS.year), { v: spec.year, style: { align: 'left' } }]);
  if (spec.deadline !== undefined) {
    rows.push([label(PLAN_ID_LABELS.deadline), typeof spec.deadline === 'number'
      ? { v: spec.deadline, style: { numberFormat: NUMBER_FORMATS.date, align: 'left' } }
      : t(spec.deadline)]);
  }
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

  return {
    name: PLAN_SHEET_NAME,
    role: 'template',
    rows,
    merges,
    columnWidths: [14, 60, 24, 26, 16],
    freeze: undefined,
    print: { orientation: 'portrait' },
  };
}
