/**
 * Nhập báo cáo: copies the unit sheets of picked files into the open
 * workbook. With ExcelApi 1.13 Excel inserts the sheets of an .xlsx itself
 * (formats kept); when that is not supported, the file is in another format
 * (no bytes given), or Excel refuses a file (charts, comments… on the web,
 * or a policy), the values read in the pane are written instead. An existing sheet is never overwritten: a taken name
 * gets ` (2)`.
 *
 * This layer never parses a file: the pane reads each file with src/xlsx and
 * passes its grids (the file's bytes go to Excel untouched, for Excel's own
 * insert). eslint.config.js keeps src/xlsx out of src/excel.
 */
import type { SheetGrid } from '../core/grid';
import { safeSheetName } from '../core/layout/names';
import type { OutCell, OutputSheet } from '../core/sheet-model';
import { readSheet } from '../core/reader';
import { OPTIONAL_SETS, isExcelApiSupported } from './api-sets';
import { describeOfficeError } from './errors';
import { writeOutputSheets } from './write';

export interface ImportFile {
  name: string;
  /** The file in base64 (made from `bytes` when absent), handed to Excel as it is; with neither, the values of `grids` are written. */
  base64?: string;
  bytes?: Uint8Array;
  /** The file's sheets as read in the pane. */
  grids: SheetGrid[];
}

export interface ImportOptions {
  /** Which sheets to bring in; default: TTCCHC-1 reports (also of an unsupported version). */
  isUnitSheet?: (grid: SheetGrid) => boolean;
  /** Name wanted for a sheet in the workbook; default: the unit's name, else the sheet's. */
  sheetNameFor?: (grid: SheetGrid) => string;
  /** Never try `insertWorksheetsFromBase64` (tests, or a policy known to block it). */
  valuesOnly?: boolean;
}

export interface FileImportResult {
  file: string;
  /** `insert`: Excel copied the sheets; `values`: values written by the add-in; `none`: nothing added. */
  method: 'insert' | 'values' | 'none';
  sheets: string[];
  /** Vietnamese, when something went wrong or was done the slower way. */
  message?: string;
}

export interface ImportResult {
  added: string[];
  /** One Vietnamese line per file that could not be brought in fully. */
  problems: string[];
  files: FileImportResult[];
}

function defaultIsUnitSheet(g: SheetGrid): boolean {
  const k = readSheet(g).kind;
  return k === 'report' || k === 'unsupported';
}

function defaultSheetName(g: SheetGrid): string {
  const r = readSheet(g);
  return r.kind === 'report' && r.report.unit.trim() ? r.report.unit : g.sheet;
}

function toBase64(bytes: Uint8Array): string {
  if (typeof Buffer !== 'undefined') return Buffer.from(bytes).toString('base64');
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A grid as a plain output sheet at the same cells; text stays text (`@`). */
function gridAsSheet(g: SheetGrid, name: string): OutputSheet {
  const rows: OutCell[][] = [];
  g.cells.forEach((row, i) => {
    rows[g.originRow + i] = [];
    row.forEach((v, j) => {
      const out: OutCell['v'] = v === null ? null : typeof v === 'object' ? v.error : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
      rows[g.originRow + i][g.originCol + j] = { v: out };
    });
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name, role: 'report', rows, merges: [], columnWidths: [], print: { orientation: 'portrait' } };
}

export async function insertSheetsFromFiles(
  context: Excel.RequestContext,
  files: readonly ImportFile[],
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const isUnit = opts.isUnitSheet ?? defaultIsUnitSheet;
  const nameFor = opts.sheetNameFor ?? defaultSheetName;
  const result: ImportResult = { added: [], problems: [], files: [] };

  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const taken = new Set(worksheets.items.map((w) => w.name));

  for (const f of files) {
    const units = f.grids.filter(isUnit);
    if (!units.length) {
      const message = `Tệp "${f.name}" không có trang báo cáo theo mẫu TTCCHC-1 nên không nhập.`;
      result.problems.push(message);
      result.files.push({ file: f.name, method: 'none', sheets: [], message });
      continue;
    }
    let fallbackReason: string | undefined;
    if (!opts.valuesOnly) {
      const inserted = await tryInsert(context, f, units, nameFor, taken);
      if (inserted.ok) {
        result.added.push(...inserted.sheets);
        result.files.push({ file: f.name, method: 'insert', sheets: inserted.sheets });
        continue;
      }
      fallbackReason = inserted.reason;
    }
    // Values written by us: new names only, nothing replaced.
    const sheets = units.map((g) => gridAsSheet(g, safeSheetName(nameFor(g), taken)));
    try {
      await writeOutputSheets(context, sheets, { replace: new Set() });
      const names = sheets.map((s) => s.name);
      result.added.push(...names);
      const message = fallbackReason
        ? `Tệp "${f.name}": ${fallbackReason} Đã chép giá trị của trang vào thay (không giữ định dạng).`
        : undefined;
      if (message) result.problems.push(message);
      result.files.push({ file: f.name, method: 'values', sheets: names, message });
    } catch (e) {
      for (const s of sheets) taken.delete(s.name);
      const message = `Tệp "${f.name}": ${describeOfficeError(e)}`;
      result.problems.push(message);
      result.files.push({ file: f.name, method: 'none', sheets: [], message });
    }
  }
  return result;
}

/**
 * ExcelApi 1.13: Excel inserts the unit sheets, then they are renamed to
 * free names. Excel may report an error although it inserted the sheets:
 * the workbook is looked at again before falling back, so nothing is added twice.
 */
async function tryInsert(
  context: Excel.RequestContext,
  f: ImportFile,
  units: SheetGrid[],
  nameFor: (g: SheetGrid) => string,
  taken: Set<string>,
): Promise<{ ok: true; sheets: string[] } | { ok: false; reason?: string }> {
  // Older Excel: values are written instead, without a word to the user.
  if (!isExcelApiSupported(OPTIONAL_SETS.insertFromBase64)) return { ok: false };
  // No file to hand over (the pane read another format than .xlsx): values, as said to the user already.
  if (f.base64 === undefined && f.bytes === undefined) return { ok: false };
  const base64 = f.base64 ?? toBase64(f.bytes!);
  const worksheets = context.workbook.worksheets;
  let ids: string[] | undefined;
  let reason = '';
  try {
    const res = context.workbook.insertWorksheetsFromBase64(base64, {
      sheetNamesToInsert: units.map((g) => g.sheet),
      positionType: 'End',
    });
    await context.sync();
    ids = res.value;
  } catch (e) {
    reason = describeOfficeError(e);
  }
  // Which sheets are new (by id when Excel said, else by name).
  worksheets.load('items/name,items/id');
  await context.sync();
  const before = new Set([...taken].map((n) => n.toLowerCase()));
  const fresh = worksheets.items.filter((w) => (ids ? ids.includes(w.id) : !before.has(w.name.toLowerCase())));
  if (!ids && fresh.length !== units.length) {
    // Nothing (or not all) inserted: remove partial sheets and let values be written.
    for (const w of fresh) w.delete();
    if (fresh.length) await context.sync();
    return { ok: false, reason: reason || 'không rõ lý do' };
  }
  const names: string[] = [];
  for (const w of fresh) taken.add(w.name);
  fresh.forEach((w, i) => {
    const g = units.find((u) => u.sheet.toLowerCase() === w.name.toLowerCase()) ?? units[i];
    const wanted = g ? nameFor(g) : w.name;
    taken.delete(w.name);
    const name = safeSheetName(wanted, taken);
    if (name !== w.name) w.name = name;
    names.push(name);
  });
  await context.sync();
  return { ok: true, sheets: names };
}
