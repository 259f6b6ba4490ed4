/**
 * The output sheets of a compile (docs/spec/TEMPLATE.md §7), as plain OutputSheet data that
 * the .xlsx writer and the Office.js writer copy out. For every parent
 * summary, top level first: `TH …` (summary), `SS …` (the comparison with
 * the previous period, when one is given), `NV …` (its child × task
 * matrix and approval states, when it has tasks or an approval record),
 * `BĐ …` (its charts, when a child reported figures), `PL …` (Phụ lục), `BC …` (its
 * own TTCCHC-1 report for the next level); then one `Kiểm tra` (findings).
 */
import type { SheetGrid } from '../grid';
import type { CompileResult, ParentSummary, PreviousPeriod } from '../model';
import type { OutputSheet } from '../sheet-model';
import { INDICATORS, type IndicatorCode } from '../template';
import { joinAssessments } from '../rollup';
import { displayUnitName } from '../unit-names';
import { layoutAppendix } from './appendix-sheet';
import { layoutCharts } from './charts-sheet';
import { layoutFindings } from './findings-sheet';
import { FINDINGS_SHEET_NAME, outputSheetBase, safeSheetName } from './names';
import { layoutSummary } from './summary-sheet';
import { layoutTasks } from './tasks-sheet';
import { layoutPrevious } from './previous-sheet';
import { layoutUnitReport, type UnitReportData } from './unit-report-sheet';

export { layoutTemplate, type TemplateOptions } from './template-sheet';
export { layoutUnitReport, type UnitReportData, type UnitReportTask } from './unit-report-sheet';
export { shortUnitName } from '../unit-names';
export { safeSheetName, isOwnOutputSheet, outputSheetBase, FINDINGS_SHEET_NAME, OUTPUT_PREFIXES } from './names';
export { layoutSummary } from './summary-sheet';
export { layoutCharts } from './charts-sheet';
export { layoutTasks } from './tasks-sheet';
export { layoutPrevious } from './previous-sheet';
export { layoutAppendix, taskCountLine } from './appendix-sheet';
export { layoutFindings } from './findings-sheet';

export interface LayoutOptions {
  previous?: PreviousPeriod;
  /** Date written as `Ngày gửi` of the compiled reports; default: today. */
  now?: Date;
  /** Sheet names already used in the target workbook (other than earlier output), kept unique against. */
  taken?: Iterable<string>;
}

/** Local calendar date as ISO (the date the user sees on their clock). */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Notes of the compiled report's figures: how A6 was made and how many children left a code empty. */
function figureNotes(s: ParentSummary): Partial<Record<IndicatorCode, string>> {
  const counted = s.children.filter((c) => c.figures).length;
  const notes: Partial<Record<IndicatorCode, string>> = {};
  for (const ind of INDICATORS) {
    const parts: string[] = [];
    const reporters = counted - s.emptyCounts[ind.code];
    if (ind.rollup === 'mean' && reporters > 0) parts.push(`Bình quân của ${reporters} đơn vị`);
    if (s.emptyCounts[ind.code] > 0) parts.push(`${s.emptyCounts[ind.code]} đơn vị để trống`);
    if (parts.length) notes[ind.code] = parts.join('; ');
  }
  return notes;
}

/** The parent's own TTCCHC-1 report data (`Loại báo cáo: Tổng hợp`). */
export function compiledReportData(result: CompileResult, s: ParentSummary, name: string, now: Date): UnitReportData {
  return {
    name,
    role: 'report',
    unit: s.unit,
    unitCode: s.unitCode,
    level: s.level,
    parent: s.parent,
    period: result.period,
    year: result.year,
    sentDate: isoDate(now),
    compiled: true,
    figures: s.figures,
    otherForms: s.otherForms,
    figureNotes: figureNotes(s),
    tasks: s.tasks.map((t) => ({ stt: t.stt, name: t.name, result: t.result, note: t.note, done: t.complete })),
    assessment: joinAssessments(s.assessments, displayUnitName),
  };
}

/**
 * The compile lists summaries deepest first (ParentSummary.depth, set once by compile.ts); a reader of the
 * workbook wants the top unit first, siblings in the compile's tree order.
 */
export function summariesTopFirst(summaries: readonly ParentSummary[]): ParentSummary[] {
  return summaries.map((s, i) => ({ s, i })).sort((a, b) => a.s.depth - b.s.depth || a.i - b.i).map((x) => x.s);
}

export function layoutOutputs(result: CompileResult, opts: LayoutOptions = {}): OutputSheet[] {
  const now = opts.now ?? new Date();
  const taken = new Set<string>(Array.from(opts.taken ?? []));
  const sheets: OutputSheet[] = [];
  const base = { period: result.period, year: result.year };
  for (const s of summariesTopFirst(result.summaries)) {
    sheets.push(layoutSummary(s, { ...base, name: safeSheetName(outputSheetBase('summary', s.unit), taken) }));
    if (opts.previous) sheets.push(layoutPrevious(s, opts.previous, { ...base, name: safeSheetName(outputSheetBase('previous', s.unit), taken) }));
    const tasks = layoutTasks(s, { ...base, name: safeSheetName(outputSheetBase('tasks', s.unit), taken), approvals: !!result.approvals });
    if (tasks) sheets.push(tasks);
    const charts = layoutCharts(s, { ...base, name: safeSheetName(outputSheetBase('charts', s.unit), taken) });
    if (charts) sheets.push(charts);
    sheets.push(layoutAppendix(s, { ...base, name: safeSheetName(outputSheetBase('appendix', s.unit), taken) }));
    const reportName = safeSheetName(outputSheetBase('report', s.unit), taken);
    sheets.push(layoutUnitReport(compiledReportData(result, s, reportName, now)).sheet);
  }
  sheets.push(layoutFindings(result.findings, { ...base, name: safeSheetName(FINDINGS_SHEET_NAME, taken), cumulative: result.cumulative }));
  return sheets;
}

/** An output sheet as the grid a reader sees (values only, from A1): for round trips and the harness. */
export function outputSheetToGrid(sheet: OutputSheet, file?: string): SheetGrid {
  return { file, sheet: sheet.name, originRow: 0, originCol: 0, cells: sheet.rows.map((r) => r.map((c) => (c ? c.v : null))) };
}
