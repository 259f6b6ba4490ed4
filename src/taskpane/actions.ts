/**
 * What the pane's buttons do, without React: each action is ONE `Excel.run`
 * (Excel refuses concurrent runs and every extra sync costs a round trip),
 * returns plain data for the components to show, and turns every failure
 * into a Vietnamese message (`PaneError`). The components only call these.
 */
import { inOpenWorkbook, type Finding } from '../core/findings';
import type { SheetGrid } from '../core/grid';
import type { CompileResult, Plan, PreviousPeriod, UnitIdentity } from '../core/model';
import type { Level, Period } from '../core/template';
import { PLAN_SHEET_NAME, YEAR_RANGE, needsParent } from '../core/template';
import { isValidYear } from '../core/labels';
import { fold } from '../core/text';
import { reportFileName } from '../report/file-name';
import { isLockFileName } from '../xlsx/input-names';
import type { CompileJobResult } from './compile-job';
import { OTHER_FORMAT_RULE, looksLikePlan, readFiles, type PickedFile, type Progress } from './picked-files';
import { countResult, type Counts } from './findings-view';
import * as ports from './ports';
import { fillKey, type OriginalFill } from './ports';
import type { Signer } from '../report/signer';

export type { PickedFile, Progress } from './picked-files';

/** What Tổng hợp, Kiểm tra and Tổng hợp từ tệp give back. */
export interface CompileOutcome {
  action: 'compile' | 'check' | 'compileFiles';
  result: CompileResult;
  counts: Counts;
  /** Output sheets written, in workbook order (empty for Kiểm tra). */
  written: string[];
  /** Files that could not be read (Vietnamese, naming the file); the others still counted. */
  fileProblems: string[];
  /** What this Excel could not do (an older version: no frozen panes, no dropdowns…), in Vietnamese. */
  notes: string[];
  /** Name of the previous period's file the summary was compared with, when one was picked. */
  comparedWith?: string;
}

/** «Chỉ tổng hợp báo cáo đã duyệt» (approval-actions.ts, core/approval.ts). */
export interface ReviewOptions {
  approvedOnly?: boolean;
}

/** Kỳ trước (tuỳ chọn): last period's figures, read from the file picked for it. */
export interface PreviousPick {
  name: string;
  previous: PreviousPeriod;
}

export interface ImportOutcome {
  /** Sheets added to the workbook. */
  added: string[];
  /** Files that could not be read or inserted (Vietnamese, naming the file). */
  fileProblems: string[];
}

export interface TemplateForm {
  unit: string;
  /** Mã đơn vị: from the plan's roster when the unit was picked there, or typed. */
  unitCode?: string;
  level: Level;
  parent: string;
  period: Period;
  year: number;
}

/** A failure already worded for the user. */
export class PaneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaneError';
  }
}

/**
 * Runs `body` in one Excel.run; any Office or unexpected error becomes a
 * PaneError. `delayForCellEdit`: while the user is typing in a cell, Excel
 * waits for them to finish instead of refusing (where the host supports it;
 * elsewhere InvalidOperationInCellEditMode says to press Enter or Esc).
 */
export async function excelRun<T>(body: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await ports.excelRun(body);
  } catch (e) {
    throw asPaneError(e);
  }
}

export function asPaneError(e: unknown): PaneError {
  if (e instanceof PaneError) return e;
  return new PaneError(ports.describeError(e));
}

const isPlanName = (sheet: string): boolean => fold(sheet) === fold(PLAN_SHEET_NAME);
const isPlanGrid = (g: SheetGrid): boolean => isPlanName(g.sheet) || ports.isPlanSheet(g);

/**
 * The sheets an action needs besides the unit sheets (the plan, and the
 * earlier outputs when `withOutputs`), read without reading every unit sheet:
 * a workbook of a whole province can hold hundreds. When no sheet is named
 * like a plan, every sheet is read, since the plan is recognised by content.
 */
async function readPlanSheets(ctx: Excel.RequestContext, withOutputs: boolean): Promise<{ names: string[]; grids: SheetGrid[] }> {
  const names = await ports.sheetNames(ctx);
  const wanted = names.filter((n) => looksLikePlan(n) || (withOutputs && ports.isOwnOutputSheet(n)));
  const grids = await ports.readWorkbookGrids(ctx, names.some(looksLikePlan) ? wanted : undefined);
  return { names, grids };
}

/** What a compile gives the pane to show (counts from the result); also the page without Excel's (src/app). */
export function compileOutcome(
  action: CompileOutcome['action'],
  result: CompileResult,
  written: string[],
  fileProblems: string[],
  notes: string[],
  previous?: PreviousPick,
): CompileOutcome {
  const out: CompileOutcome = { action, result, counts: countResult(result), written, fileProblems, notes };
  if (previous) out.comparedWith = previous.name;
  return out;
}

/**
 * Reads the workbook once and compiles it (in the compile's worker: ports.compile);
 * the core leaves out the add-in's own earlier output (CompileResult.ownOutputs),
 * so a second Tổng hợp gives exactly the first one's sheets. With `layout`,
 * the outputs are laid out beside the sheets that stay, and `own` names the
 * sheets they replace. `progress` hears the unit sheets read.
 */
async function compileOpenWorkbook(ctx: Excel.RequestContext, options: ReviewOptions, progress: Progress | undefined, layout?: { previous?: PreviousPeriod }): Promise<CompileJobResult> {
  const grids = await ports.readWorkbookGrids(ctx);
  const job = { grids, options: { openWorkbook: true, ...(options.approvedOnly ? { approvedOnly: true } : {}) } };
  if (!layout) return ports.compile(job, progress);
  // The sheets' names came with the read (excel/sheet-list.ts): no request of their own.
  const names = await ports.sheetNames(ctx);
  return ports.compile({ ...job, names, ...(layout.previous ? { previous: layout.previous } : {}) }, progress);
}

/** Writes the laid-out outputs, replacing the sheets `own` names, and shows the summary; nothing laid out, nothing written. */
async function writeOutputs(ctx: Excel.RequestContext, out: CompileJobResult): Promise<{ written: string[]; notes: string[] }> {
  if (!out.sheets.length) return { written: [], notes: [] };
  const r = await ports.writeOutputSheets(ctx, out.sheets, new Set(out.own));
  if (r.written.length) await ports.showWritten(ctx, r.written[0]); // show the summary
  return r;
}

/**
 * Tổng hợp: the workbook's TTCCHC-1 sheets (and Kế hoạch) → output sheets,
 * replacing the previous output; compared with `previous` when one was picked.
 * Nothing read: nothing written (no empty Kiểm tra sheet in the user's workbook).
 */
export function compileWorkbook(previous?: PreviousPick, options: ReviewOptions = {}, progress?: Progress): Promise<CompileOutcome> {
  return excelRun(async (ctx) => {
    const out = await compileOpenWorkbook(ctx, options, progress, previous ? { previous: previous.previous } : {});
    const { written, notes } = await writeOutputs(ctx, out);
    return compileOutcome('compile', out.result, written, [], notes, previous);
  });
}

/** Kiểm tra: the findings alone; the workbook is not changed. */
export function checkWorkbook(options: ReviewOptions = {}, progress?: Progress): Promise<CompileOutcome> {
  return excelRun(async (ctx) => compileOutcome('check', (await compileOpenWorkbook(ctx, options, progress)).result, [], [], []));
}

/**
 * Reads picked files as the command line reads the files it is given:
 * Excel's lock files (`~$…`) are passed over, a file that is no workbook by
 * its name (.csv, .docx…) and an unreadable one become an error finding and
 * a message, a file in another format than .xlsx (.xls, .ods…) a warning;
 * the others go on (compile-job.ts readFiles, which the compile's worker runs too).
 */
export async function readPickedFiles(files: readonly PickedFile[], onProgress?: Progress): Promise<{ grids: SheetGrid[]; problems: Finding[] }> {
  return readFiles(files, {
    readWorkbook: ports.loadXlsxReader,
    // A turn of the event loop between files: the pane paints the count instead of freezing.
    ...(onProgress ? { progress: onProgress, pause: () => new Promise<void>((resolve) => setTimeout(resolve, 0)) } : {}),
  });
}

/** The picked files but Excel's lock files; none left is a PaneError. */
export function withoutLockFiles(files: readonly PickedFile[]): PickedFile[] {
  const kept = files.filter((f) => !isLockFileName(f.name));
  if (kept.length === 0) {
    throw new PaneError(files.length ? 'Các tệp đã chọn chỉ là tệp khoá của Excel (tên bắt đầu bằng ~$), không phải báo cáo: hãy chọn chính các tệp báo cáo.' : 'Chưa chọn tệp nào.');
  }
  return kept;
}

/**
 * Tổng hợp từ tệp: compiles the picked files with the workbook's plan sheet,
 * without copying the files in; only the output sheets are written. The
 * files are read in the compile's worker, as the command line reads them: a
 * file with neither a report nor a plan is said (the core's noReportFinding).
 */
export async function compileFromFiles(picked: readonly PickedFile[], previous?: PreviousPick, onProgress?: Progress): Promise<CompileOutcome> {
  const files = withoutLockFiles(picked);
  return excelRun(async (ctx) => {
    const { names, grids: beside } = await readPlanSheets(ctx, true);
    const out = await ports.compile({ files, beside, names, ...(previous ? { previous: previous.previous } : {}) }, onProgress);
    const { written, notes } = await writeOutputs(ctx, out);
    return compileOutcome('compileFiles', out.result, written, out.problems.map((p) => p.message), notes, previous);
  });
}

/**
 * Kỳ trước (tuỳ chọn): reads last period's compiled workbook (or a unit's
 * report) as the command line's --previous does. A file that cannot be read,
 * or holds nothing to compare with, is a PaneError naming it.
 */
export async function readPreviousFile(file: PickedFile): Promise<PreviousPick> {
  const { grids, problems } = await readPickedFiles([file]);
  const unreadable = problems.filter((p) => p.severity === 'error');
  if (unreadable.length) throw new PaneError(unreadable[0].message);
  const previous = await ports.readPreviousPeriod(grids);
  if (Object.keys(previous.byUnit).length === 0) {
    throw new PaneError(`Tệp kỳ trước "${file.name}" không có báo cáo TTCCHC-1 hay bảng tổng hợp nào đọc được: không so sánh với kỳ trước.`);
  }
  return { name: file.name, previous };
}

/** Nhập báo cáo: the files' unit sheets become sheets of this workbook, never overwriting one. */
export async function importReports(picked: readonly PickedFile[], onProgress?: Progress): Promise<ImportOutcome> {
  const files = withoutLockFiles(picked);
  // The pane reads each file (src/xlsx); the Office.js layer gets grids, never parses a file.
  // A file read with only warnings (.xls, .ods… : «lần sau hãy lưu dưới dạng .xlsx») is brought in, and the warning shown.
  const read: (PickedFile & { grids: SheetGrid[]; problems: Finding[] })[] = [];
  for (const [i, f] of files.entries()) {
    read.push({ ...f, ...(await readPickedFiles([f], onProgress && ((done) => onProgress(i + done, files.length)))) });
  }
  const readable = read.filter((f) => !f.problems.some((p) => p.severity === 'error'));
  // Excel's own insert takes .xlsx workbooks: another format goes in as the values the pane read.
  const toInsert = readable.map((f) => (f.problems.some((p) => p.rule === OTHER_FORMAT_RULE) ? { name: f.name, grids: f.grids } : f));
  const outcome = await excelRun(async (ctx) => ports.insertSheetsFromFiles(ctx, toInsert));
  const said = read.flatMap((f) => f.problems.map((p) => p.message));
  return { ...outcome, fileProblems: [...said, ...outcome.fileProblems] };
}

/** Tạo mẫu: a blank TTCCHC-1 sheet for one unit, with the plan's tasks when the workbook has a plan, activated. */
export function createTemplate(form: TemplateForm): Promise<string> {
  const problem = templateFormProblem(form);
  if (problem) return Promise.reject(new PaneError(problem));
  return excelRun(async (ctx) => {
    const { names: taken, grids: read } = await readPlanSheets(ctx, false);
    const grids = read.filter(isPlanGrid);
    const name = await ports.addTemplateSheet(ctx, ports.layoutTemplate(form, grids, taken));
    await ports.showWritten(ctx, name); // shown at once: the user fills it next
    return name;
  });
}

/** The workbook's Kế hoạch (the first sheet read as a plan), or null. */
export function readWorkbookPlan(): Promise<Plan | null> {
  return excelRun(async (ctx) => (await readPlanSheets(ctx, false)).grids.filter(isPlanGrid).map(ports.readPlan).find((p) => p !== null) ?? null);
}

/** What the Tạo mẫu form starts with, and the plan's roster to pick the unit from. */
export interface TemplateDefaults extends Partial<TemplateForm> {
  /** The plan's units as their templates name them (core/layout/plan-templates.ts rosterIdentity); empty without a plan. */
  roster: UnitIdentity[];
}

/**
 * What the Tạo mẫu form starts with: the plan's period and year, and its
 * compiling unit as the parent (units report to whoever compiles), when the
 * workbook has a Kế hoạch sheet; its roster for the unit picker.
 */
export async function templateDefaults(): Promise<TemplateDefaults> {
  const plan = await readWorkbookPlan();
  if (!plan) return { roster: [] };
  const out: TemplateDefaults = { roster: ports.rosterForms(plan) };
  if (plan.compilingUnit) out.parent = plan.compilingUnit;
  if (plan.period) out.period = plan.period;
  if (plan.year) out.year = plan.year;
  return out;
}

/** Vietnamese reason the Tạo mẫu form cannot be used yet, or null. */
export function templateFormProblem(form: TemplateForm): string | null {
  if (!form.unit.trim()) return 'Hãy nhập tên đơn vị báo cáo.';
  if (needsParent(form.level) && !form.parent.trim()) return 'Hãy nhập đơn vị cấp trên.';
  if (!isValidYear(form.year)) return `Năm báo cáo phải là số có bốn chữ số, từ ${YEAR_RANGE.min} đến ${YEAR_RANGE.max}, ví dụ 2025.`;
  return null;
}

/** Clicking a finding: its sheet becomes active and its cell selected. */
export function goToFinding(f: Pick<Finding, 'file' | 'sheet' | 'cell'>): Promise<void> {
  // A sheet of a picked file is not in the workbook (FindingsList shows its place in words): nothing to select.
  if (!inOpenWorkbook(f)) return Promise.resolve();
  return excelRun((ctx) => ports.selectCell(ctx, f.sheet, f.cell || 'A1'));
}

/** A link to an output sheet: activates it at A1. */
export function openSheet(sheet: string): Promise<void> {
  return excelRun((ctx) => ports.selectCell(ctx, sheet, 'A1'));
}

/** The cells' own fills from before Tô màu ô lỗi, by `fillKey(sheet, cell)`: what Xoá tô màu gives back. */
export type SavedFills = ReadonlyMap<string, OriginalFill>;

const savedFills = (list: Iterable<OriginalFill>, into = new Map<string, OriginalFill>()): Map<string, OriginalFill> => {
  for (const o of list) into.set(fillKey(o.sheet, o.cell), o);
  return into;
};

/**
 * Tô màu ô lỗi: colours the cells the findings point at; says which sheets
 * it could not colour, and gives `saved` with the coloured cells' own fills added.
 */
export function highlight(findings: readonly Finding[], saved: SavedFills = new Map()): Promise<{ cells: number; skipped: string[]; saved: SavedFills }> {
  return excelRun(async (ctx) => {
    const r = await ports.highlightFindings(ctx, findings, saved);
    return { cells: r.cells, skipped: r.skipped, saved: savedFills(r.originals, new Map(saved)) };
  });
}

/** Xoá tô màu: removes that colouring again, each cell getting its own fill back; returns what is still to give back (protected sheets). */
export function clearHighlight(saved: SavedFills = new Map()): Promise<SavedFills> {
  return excelRun(async (ctx) => savedFills(await ports.clearHighlights(ctx, saved.values())));
}

/**
 * Xuất báo cáo: the narrative report (.docx) of the last compile, as bytes
 * and a file name; with `previous` it says how each figure changed
 * (`tăng 12% so với cùng kỳ năm 2024`).
 */
export async function exportReport(outcome: CompileOutcome | null, previous?: PreviousPick, signer?: Signer): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (!outcome) throw new PaneError('Chưa có kết quả tổng hợp: hãy bấm Tổng hợp trước khi xuất báo cáo.');
  if (outcome.result.summaries.length === 0) throw new PaneError('Lần tổng hợp vừa rồi không có đơn vị nào được tính, chưa có gì để xuất báo cáo.');
  try {
    const bytes = await ports.buildReportDocx(outcome.result, previous?.previous, signer);
    return { fileName: reportFileName(outcome.result), bytes };
  } catch (e) {
    throw new PaneError(`Không tạo được báo cáo .docx: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Phản hồi: the review letters of the last compile (a Phiếu phản hồi per
 * unit with findings, a Công văn đôn đốc when units are missing or late), as
 * one .zip; null when every unit sent on time without findings.
 */
export async function exportFeedback(outcome: CompileOutcome | null): Promise<{ fileName: string; bytes: Uint8Array; names: string[] } | null> {
  if (!outcome) throw new PaneError('Chưa có kết quả tổng hợp: hãy bấm Tổng hợp trước khi tạo văn bản phản hồi.');
  if (outcome.result.summaries.length === 0) throw new PaneError('Lần tổng hợp vừa rồi không có đơn vị nào được tính, chưa có gì để phản hồi.');
  try {
    return await ports.buildLettersZip(outcome.result);
  } catch (e) {
    throw new PaneError(`Không tạo được văn bản phản hồi: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Reads browser `File`s into memory (the bytes the xlsx reader and Excel need). */
export async function readBrowserFiles(list: FileList | readonly File[]): Promise<PickedFile[]> {
  const files = Array.from(list as ArrayLike<File>);
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
