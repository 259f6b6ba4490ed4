/**
 * The pane's one door to the other parts (core, .xlsx reader, Office.js
 * layer, report): if one of their signatures moves, only this file follows.
 */
import { returnedReasons } from '../core/approval';
import type { Finding } from '../core/findings';
import type { SheetGrid } from '../core/grid';
import type { CompileResult, Plan, PreviousPeriod, SheetRead, UnitIdentity } from '../core/model';
import { rosterIdentity } from '../core/layout/plan-templates';
import type { OutputSheet } from '../core/sheet-model';
import type { Signer } from '../report/signer';
// The files themselves, not core/layout's index: that would bring every output layout into the pane's first load.
import { layoutTemplate as coreLayoutTemplate } from '../core/layout/template-sheet';
import { isOwnOutputSheet } from '../core/layout/names';
import { readSheet } from '../core/reader';
import { readWorkbookGrids as excelRead } from '../excel/read';
import { writeOutputSheets as excelWrite } from '../excel/write';
import { clearHighlights as excelClear, highlightFindings as excelHighlight, selectCell as excelSelect, showWrittenSheet, fillKey, type OriginalFill } from '../excel/highlight';
import { describeOfficeError } from '../excel/errors';
import { sheetList } from '../excel/sheet-list';
import { insertSheetsFromFiles as excelInsert } from '../excel/insert';
import { recordApproval as excelRecordApproval, type ApprovalOutcome, type ApprovalRequest } from '../excel/approval';
import type { DossierExport } from '../core/tthc/model';
import type { PrefillOutcome } from '../core/tthc/prefill';
import type { TemplatesZip } from '../xlsx/templates-zip';
import type { ImportOutcome, TemplateForm } from './actions';
import { runCompile } from './compile-client';
import type { CompileJob, CompileJobResult } from './compile-job';
import type { Progress } from './picked-files';

export const readGrid = (g: SheetGrid): SheetRead => readSheet(g);

/**
 * The compile (the core's compile and layout, and the .xlsx reader for picked
 * files): in a Web Worker where the page can start one, else on the main
 * thread in slices (compile-client.ts); `progress` hears the files or units
 * read. Plain data in and out (compile-job.ts).
 */
export const compile = (job: CompileJob, progress?: Progress): Promise<CompileJobResult> => runCompile(job, loadXlsxReader, progress);
export { warmCompileWorker } from './compile-client';

/**
 * The output sheets of a compile already made (the page's «Tải sổ tổng hợp»
 * again), laid out on the main thread; the core's layout is loaded on demand.
 * `taken`: names of sheets that stay in the workbook; `previous`: last period, to compare with.
 */
export const layoutOutputs = async (result: CompileResult, taken: string[], previous?: PreviousPeriod): Promise<OutputSheet[]> =>
  (await import(/* webpackChunkName: "compile-job" */ '../core/layout')).layoutOutputs(result, previous ? { taken, previous } : { taken });

/**
 * The .xlsx reader (SheetJS) is loaded on demand: only Nhập báo cáo and
 * Tổng hợp từ tệp need it, and it is the largest part of the bundle.
 */
export const loadXlsxReader = async (): Promise<(bytes: Uint8Array, name: string) => { grids: SheetGrid[]; warnings: string[] }> =>
  (await import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/read')).readWorkbook;

/**
 * The national list of provinces and their 3,321 communes (about 100 KB), in
 * a chunk of its own: only the plan (Tạo kế hoạch and its picker) needs it.
 */
export const loadNationalUnits = (): Promise<typeof import('../core/national-units')> =>
  import(/* webpackChunkName: "national-units" */ '../core/national-units');

/** Last period's figures by unit from its workbook's sheets (loaded with the .xlsx reader: only Kỳ trước needs it). */
export const readPreviousPeriod = async (grids: SheetGrid[]): Promise<PreviousPeriod> =>
  (await import(/* webpackChunkName: "xlsx-reader" */ '../report/previous')).readPreviousPeriod(grids);

export const isPlanSheet = (g: SheetGrid): boolean => readSheet(g).kind === 'plan';

export const readPlan = (g: SheetGrid): Plan | null => {
  const r = readSheet(g);
  return r.kind === 'plan' ? r.plan : null;
};

/** Every sheet's used range, or only the sheets named. */
export const readWorkbookGrids = (ctx: Excel.RequestContext, sheets?: string[]): Promise<SheetGrid[]> => excelRead(ctx, sheets ? { sheets } : {});

export { isOwnOutputSheet, fillKey, type OriginalFill };

/** Writes the outputs, replacing the sheets `replace` names (lower-cased: ownOutputSheetNames) and touching nothing else. */
export const writeOutputSheets = async (
  ctx: Excel.RequestContext,
  sheets: OutputSheet[],
  replace: ReadonlySet<string>,
): Promise<{ written: string[]; notes: string[] }> => {
  const r = await excelWrite(ctx, sheets, { replace });
  return { written: r.written, notes: r.notes };
};

export const selectCell = (ctx: Excel.RequestContext, sheet: string, cell: string): Promise<void> => excelSelect(ctx, sheet, cell);
/** Shows a sheet just written; never an error (the work is done). */
export const showWritten = (ctx: Excel.RequestContext, sheet: string): Promise<void> => showWrittenSheet(ctx, sheet);

/**
 * Colours the findings' cells; returns how many, the sheets it could not
 * colour (missing or protected), and the cells' own fills from before
 * (`known`: the originals of cells coloured earlier).
 */
export const highlightFindings = async (
  ctx: Excel.RequestContext,
  findings: readonly Finding[],
  known: ReadonlyMap<string, OriginalFill>,
): Promise<{ cells: number; skipped: string[]; originals: OriginalFill[] }> => {
  const r = await excelHighlight(ctx, findings, { known });
  return { cells: r.cells, skipped: r.skipped, originals: r.originals };
};

/** Takes the colouring away everywhere, giving back `originals`; returns the originals it could not reach yet. */
export const clearHighlights = async (ctx: Excel.RequestContext, originals: Iterable<OriginalFill>): Promise<OriginalFill[]> =>
  (await excelClear(ctx, undefined, { originals })).kept;

/** Copies in the unit sheets of files the pane has read (`grids`); `bytes` go to Excel's own insert untouched (without them, the values are written). */
export const insertSheetsFromFiles = async (
  ctx: Excel.RequestContext,
  files: readonly { name: string; bytes?: Uint8Array; grids: SheetGrid[] }[],
): Promise<ImportOutcome> => {
  const r = await excelInsert(ctx, files, {});
  return { added: r.added, fileProblems: r.problems };
};

/**
 * The blank sheet for the form, with the plan's tasks when the workbook has
 * a plan, named so that no existing sheet is overwritten.
 */
export const layoutTemplate = (form: TemplateForm, grids: SheetGrid[], taken: string[]): OutputSheet => {
  const plan = grids.map(readSheet).find((r) => r.kind === 'plan');
  return coreLayoutTemplate({ ...form, plan: plan && plan.kind === 'plan' ? plan.plan : undefined, taken });
};

/** The plan's units as their templates name them (Tạo mẫu's picker). */
export const rosterForms = (plan: Plan): UnitIdentity[] => plan.roster.map((u) => rosterIdentity(plan, u));

/**
 * Tạo mẫu cho mọi đơn vị: every roster unit's template as an .xlsx in one
 * .zip, as `tonghop template --plan` writes them (the .xlsx writer is loaded
 * on demand, with the check block the Office.js writer cannot write yet).
 */
export const buildTemplatesZip = async (plan: Plan, exports?: readonly DossierExport[]): Promise<TemplatesZip> =>
  (await import(/* webpackChunkName: "xlsx-writer" */ '../xlsx/templates-zip')).templatesZip(plan, new Date(), exports);

/**
 * The one-stop system's export (core/tthc): read from a picked file's sheets, and compared
 * with a compile's result. Loaded on demand (only Tạo mẫu with an export and Đối chiếu số
 * liệu TTHC need it), in the chunk of the .xlsx reader that reads the file first.
 */
export const loadTthc = async (): Promise<{
  readExport: (grids: SheetGrid[], file: string) => DossierExport[];
  compare: (result: CompileResult, exports: readonly DossierExport[]) => { findings: Finding[]; compared: number; notInExport: string[] };
  /** What a pre-fill says, in the command line's words (core/tthc/prefill.ts). */
  prefillWords: (prefill: Pick<PrefillOutcome, 'filled' | 'unmatched' | 'notInExport'>, templates: number) => { sentence: string; unmatched: string[]; notInExport: { title: string; consequence: string } };
}> => {
  const [read, compare, prefill] = await Promise.all([
    import(/* webpackChunkName: "xlsx-reader" */ '../core/tthc/read-export'),
    import(/* webpackChunkName: "xlsx-reader" */ '../core/tthc/compare'),
    import(/* webpackChunkName: "xlsx-reader" */ '../core/tthc/prefill'),
  ]);
  return {
    readExport: (grids, file) => read.readDossierWorkbook(grids, file),
    compare: (result, exports) => ({ findings: compare.compareWithExport(result, exports), ...compare.exportCoverage(result, exports) }),
    prefillWords: (p, templates) => ({ sentence: prefill.prefillSentence(p, templates), unmatched: p.unmatched.map((u) => prefill.unmatchedExportFinding(u).message), notInExport: prefill.notInExportWords(p.notInExport.length) }),
  };
};

/** Names of every sheet of the workbook (empty ones too): loaded once per action (excel/sheet-list.ts). */
export const sheetNames = async (ctx: Excel.RequestContext): Promise<string[]> => (await sheetList(ctx)).map((s) => s.name);

/** Adds the template sheet; its name is already free (layoutTemplate's `taken`). */
export const addTemplateSheet = async (ctx: Excel.RequestContext, sheet: OutputSheet): Promise<string> => {
  const r = await excelWrite(ctx, [sheet], { replace: new Set() });
  return r.written[0] ?? sheet.name;
};

/** The report of the top parent of the compile (the compiling unit), dated today; compared with `previous` when given. */
export const buildReportDocx = async (result: CompileResult, previous?: PreviousPeriod, signer?: Signer): Promise<Uint8Array> => {
  // Loaded on demand: the docx library is a large part of the bundle and only this button needs it.
  const [{ buildReportDocx: toDocx }, { fromCompileResult }] = await Promise.all([
    import(/* webpackChunkName: "docx-report" */ '../report/docx-report'),
    import(/* webpackChunkName: "docx-report" */ '../report/report-data'),
  ]);
  return toDocx(fromCompileResult(result, { ...(previous ? { previous } : {}), ...(signer ? { signer } : {}) }));
};

/** The review letters of the compile (Phiếu phản hồi, Công văn đôn đốc) in one .zip; null when there is none to send. */
export const buildLettersZip = async (result: CompileResult): Promise<{ fileName: string; bytes: Uint8Array; names: string[] } | null> => {
  const letters = await import(/* webpackChunkName: "docx-report" */ '../report/letters');
  // The reasons of the reports returned (Trả lại) go into their units' letters.
  const files = await letters.buildLetters(result, { returned: returnedReasons(result.approvals ?? []) });
  return files.length ? { fileName: letters.lettersZipName(result), bytes: letters.zipLetters(files), names: files.map((f) => f.name) } : null;
};

/**
 * Runs `body` in one Excel.run; while the user is typing in a cell, Excel
 * waits for them to finish instead of refusing (where the host supports it).
 */
export const excelRun = <T>(body: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run({ delayForCellEdit: true }, body);

/** The cell fills of Tô màu ô lỗi (the legend shows them) and the Excel API the pane needs. */
export { HIGHLIGHT_FILLS } from '../excel/highlight';
export { MIN_EXCEL_API, isExcelApiSupported } from '../excel/api-sets';

export const describeError = (e: unknown): string => describeOfficeError(e);

/** Duyệt / Trả lại: protects or frees the unit's sheet and records it in the workbook's hidden `Phê duyệt` sheet. */
export const recordApproval = (ctx: Excel.RequestContext, req: ApprovalRequest): Promise<ApprovalOutcome> => excelRecordApproval(ctx, req);
