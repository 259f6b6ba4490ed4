/**
 * The blank TTCCHC-1 sheet a unit fills (role 'template'): the same form as
 * a compiled report (layoutUnitReport), with the plan's tasks listed, lists
 * and number checks on the cells a unit types in, and the labels protected.
 */
import { rangeAddress } from '../address';
import type { Plan, UnitIdentity } from '../model';
import { listItem, type OutputSheet, type Validation } from '../sheet-model';
import {
  INDICATORS, LEVEL_NAMES, MARK, MAX_HOURS, PERIODS, type IdField,
} from '../template';
import { OUTPUT_PREFIXES, safeSheetName } from './names';
import { shortUnitName } from '../unit-names';
import { layoutUnitReport, type UnitReportCells } from './unit-report-sheet';
import { withCheckBlock } from './check-block';

export interface TemplateOptions extends UnitIdentity {
  plan?: Plan;
  /** Sheet name; default `Mẫu <short unit name>`. */
  name?: string;
  /** Names already in the workbook, to keep the name unique. */
  taken?: Iterable<string>;
  /**
   * The check block (docs/spec/TEMPLATE.md §10, check-block.ts); default true. The Office.js
   * writer (src/excel/write.ts) writes no formulas or conditional formats yet,
   * so the pane asks for none rather than an empty block.
   */
  checkBlock?: boolean;
}

const BLANK_TASK_ROWS = 8;

/** Identification fields a unit types (the rest are fixed by the template or the compiler). */
const EDITABLE_ID: IdField[] = ['unit', 'unitCode', 'level', 'parent', 'period', 'year', 'docRef', 'preparer', 'phone', 'sentDate'];

export function layoutTemplate(opts: TemplateOptions): OutputSheet {
  const name = opts.name ?? safeSheetName(`${OUTPUT_PREFIXES.template} ${shortUnitName(opts.unit) || 'đơn vị'}`, opts.taken ?? []);
  const planTasks = opts.plan?.tasks ?? [];
  // Without a plan the unit lists its own tasks: blank rows, STT and name left editable.
  const tasks = planTasks.length
    ? planTasks.map((t) => ({ stt: t.stt as number | null, name: t.name }))
    : Array.from({ length: BLANK_TASK_ROWS }, () => ({ stt: null, name: '' }));
  const { sheet, cells } = layoutUnitReport({
    name,
    role: 'template',
    unit: opts.unit,
    unitCode: opts.unitCode,
    level: opts.level,
    parent: opts.parent,
    period: opts.period,
    year: opts.year,
    compiled: false,
    figures: null,
    tasks,
  });
  const template: OutputSheet = { ...sheet, validations: templateValidations(cells), protection: { unlockedRanges: unlockedRanges(cells, planTasks.length === 0) } };
  return opts.checkBlock === false ? template : withCheckBlock(template, cells);
}

function templateValidations(cells: UnitReportCells): Validation[] {
  const v: Validation[] = [];
  const at = (f: IdField) => cells.id[f];
  const level = at('level');
  if (level) v.push({ range: rangeAddress(level.row, level.col, level.row, level.col), type: 'list', values: LEVEL_NAMES.map(listItem), prompt: 'Chọn cấp của đơn vị', error: 'Cấp phải là một trong danh sách' });
  const period = at('period');
  if (period) v.push({ range: rangeAddress(period.row, period.col, period.row, period.col), type: 'list', values: PERIODS.map(listItem), prompt: 'Chọn kỳ báo cáo', error: 'Kỳ báo cáo phải là một trong danh sách' });
  const year = at('year');
  if (year) v.push({ range: rangeAddress(year.row, year.col, year.row, year.col), type: 'wholeNumber', min: 2000, max: 2100, prompt: 'Năm, 4 chữ số', error: 'Năm phải là số có 4 chữ số' });
  for (const ind of INDICATORS) {
    const r = cells.figureRows[ind.code];
    const range = rangeAddress(r, cells.valueCol, r, cells.valueCol);
    if (ind.kind === 'hours') v.push({ range, type: 'decimal', min: 0, max: MAX_HOURS, prompt: 'Số giờ mỗi ngày (0–24), được dùng số thập phân', error: 'Số giờ phải từ 0 đến 24' });
    else v.push({ range, type: 'wholeNumber', min: 0, prompt: `Số nguyên ≥ 0 (${ind.unit})`, error: 'Phải là số nguyên không âm' });
  }
  if (cells.taskRows.length) {
    const first = cells.taskRows[0];
    const last = cells.taskRows[cells.taskRows.length - 1];
    v.push({ range: rangeAddress(first, cells.taskDoneCol, last, cells.taskNotDoneCol), type: 'list', values: [listItem(MARK)], prompt: `Đánh dấu ${MARK} vào đúng một ô`, error: `Chỉ đánh dấu ${MARK}` });
  }
  return v;
}

/** The cells a unit fills; everything else (labels, codes, task names) stays protected. */
function unlockedRanges(cells: UnitReportCells, ownTasks: boolean): string[] {
  const out: string[] = [];
  for (const f of EDITABLE_ID) {
    const p = cells.id[f];
    if (p) out.push(rangeAddress(p.row, p.col, p.row, cells.lastCol));
  }
  const rows = INDICATORS.map((i) => cells.figureRows[i.code]);
  out.push(rangeAddress(Math.min(...rows), cells.valueCol, Math.max(...rows), cells.figureNoteCol));
  if (cells.taskRows.length) {
    const first = cells.taskRows[0];
    const last = cells.taskRows[cells.taskRows.length - 1];
    out.push(rangeAddress(first, ownTasks ? 0 : cells.taskResultCol, last, cells.taskNoteCol));
  }
  for (const r of Object.values(cells.assessmentRows)) out.push(rangeAddress(r!, cells.textCol, r!, cells.lastCol));
  return out;
}
