/**
 * Nhập báo cáo: copies the unit sheets of picked files into the open
 * workbook. With ExcelApi 1.13 Excel inserts the sheets of an .xlsx itself
 * (formats kept); when that is not supported, the file is in another format
 * (no bytes given), or Excel refuses a file (charts, comments… on the web,
 * or a policy), the values read in the pane are written instead. An existing sheet is never overwritten: a taken name
 * gets ` (2)`.
 *
 * Requests do not grow with the number of files beyond what the 5 MB limit
 * of a request forces: the sheet names are loaded once; the files go to
 * Excel several to a request (their base64 packed up to the request budget,
 * with the load of the new sheets' names in the same request); the renames
 * ride on the next request. A file too large for one request is never sent
 * to Excel's insert: its values are written (in chunks) instead. When Excel
 * refuses a request of several files part-way, whatever of it got in is
 * removed and the files are sent again in halves, down to one file; a file
 * Excel still refuses is written as values, all such files in one write.
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
import { ExcelActionError, describeOfficeError } from './errors';
import { forgetSheetList, sheetList } from './sheet-list';
import { DEFAULT_MAX_REQUEST_BYTES, officeErrorCode } from './sync-budget';
import { WIRE } from './wire-cost';
import { writeOutputSheets, type SheetEntry } from './write';

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
  /** Largest request one sync may carry (default 4 MB; Excel on the web refuses over 5 MB). */
  maxRequestBytes?: number;
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

/** What a file's insert costs on the wire besides its base64: the method, its options (sheet names), the result. */
const insertCost = (base64: string, sheets: string[]): number => base64.length + WIRE.call + WIRE.load + 200 + sheets.reduce((n, s) => n + s.length * 3 + 3, 0);

interface ToInsert {
  file: ImportFile;
  units: SheetGrid[];
  base64: string;
  bytes: number;
}

export async function insertSheetsFromFiles(
  context: Excel.RequestContext,
  files: readonly ImportFile[],
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const isUnit = opts.isUnitSheet ?? defaultIsUnitSheet;
  const nameFor = opts.sheetNameFor ?? defaultSheetName;
  const maxBytes = opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const byFile = new Map<ImportFile, FileImportResult>();
  const book = new Workbook(context);
  await book.load();

  const toInsert: ToInsert[] = [];
  const asValues: { file: ImportFile; units: SheetGrid[]; reason?: string }[] = [];
  const canInsert = !opts.valuesOnly && isExcelApiSupported(OPTIONAL_SETS.insertFromBase64);
  for (const f of files) {
    const units = f.grids.filter(isUnit);
    if (!units.length) {
      byFile.set(f, { file: f.name, method: 'none', sheets: [], message: `Tệp "${f.name}" không có trang báo cáo theo mẫu TTCCHC-1 nên không nhập.` });
      continue;
    }
    // Older Excel, or no file to hand over (the pane read another format than .xlsx): values, as said to the user already.
    if (!canInsert || (f.base64 === undefined && f.bytes === undefined)) {
      asValues.push({ file: f, units });
      continue;
    }
    const base64 = f.base64 ?? toBase64(f.bytes!);
    const bytes = insertCost(base64, units.map((g) => g.sheet));
    // The size check before sending: a file that alone would make a request over the limit goes in as values.
    if (bytes > maxBytes) {
      asValues.push({ file: f, units, reason: `tệp lớn (${(base64.length / 1024 / 1024).toFixed(1)} MB khi gửi), quá giới hạn 5 MB của một lần gửi vào Excel.` });
      continue;
    }
    toInsert.push({ file: f, units, base64, bytes });
  }

  // Files packed into requests within the budget.
  const batches: ToInsert[][] = [];
  let used = 0;
  for (const t of toInsert) {
    const last = batches[batches.length - 1];
    if (last && used + t.bytes <= maxBytes) {
      last.push(t);
      used += t.bytes;
    } else {
      batches.push([t]);
      used = t.bytes;
    }
  }
  const insertBatch = async (batch: ToInsert[]): Promise<void> => {
    const outcome = await book.insert(batch.map((t) => ({ name: t.file.name, base64: t.base64, sheets: t.units.map((g) => g.sheet) })));
    if (outcome.ok) {
      batch.forEach((t, i) => {
        const names = book.nameNew(outcome.ids[i], t.units, nameFor);
        byFile.set(t.file, { file: t.file.name, method: 'insert', sheets: names });
      });
      return;
    }
    if (batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      await insertBatch(batch.slice(0, half));
      await insertBatch(batch.slice(half));
      return;
    }
    asValues.push({ file: batch[0].file, units: batch[0].units, reason: outcome.reason });
  };
  for (const batch of batches) await insertBatch(batch);
  await book.flushRenames();

  // Values written by us, every such file in one write: new names only, nothing replaced.
  if (asValues.length) {
    const sheets = asValues.map((v) => v.units.map((g) => gridAsSheet(g, book.freeName(nameFor(g)))));
    try {
      await writeOutputSheets(context, sheets.flat(), { replace: new Set(), sheets: book.entries(), ...(opts.maxRequestBytes ? { maxRequestBytes: opts.maxRequestBytes } : {}) });
      asValues.forEach((v, i) => {
        const message = v.reason ? `Tệp "${v.file.name}": ${v.reason} Đã chép giá trị của trang vào thay (không giữ định dạng).` : undefined;
        byFile.set(v.file, { file: v.file.name, method: 'values', sheets: sheets[i].map((s) => s.name), ...(message ? { message } : {}) });
      });
    } catch (e) {
      for (const v of asValues) byFile.set(v.file, { file: v.file.name, method: 'none', sheets: [], message: `Tệp "${v.file.name}": ${describeOfficeError(e)}` });
    }
  }

  const result: ImportResult = { added: [], problems: [], files: [] };
  for (const f of files) {
    const r = byFile.get(f)!;
    result.files.push(r);
    result.added.push(...r.sheets);
    if (r.message) result.problems.push(r.message);
  }
  return result;
}


/**
 * The workbook's sheets as this import knows them (loaded once, then kept
 * up to date from what each request brings back), the inserts and the
 * renames that follow them.
 */
class Workbook {
  /** Sheet id → name, in the workbook now (renames queued included). */
  private sheets = new Map<string, string>();
  private taken = new Set<string>();
  private renames: { id: string; name: string; was: string }[] = [];

  constructor(private readonly context: Excel.RequestContext) {}

  async load(): Promise<void> {
    this.know(await sheetList(this.context));
    // Sheets come in from here on: whoever needs them next loads them again.
    forgetSheetList(this.context);
  }

  private know(items: { id: string; name: string }[]): void {
    this.sheets = new Map(items.map((w) => [w.id, w.name]));
    for (const r of this.renames) if (this.sheets.has(r.id)) this.sheets.set(r.id, r.name);
    this.taken = new Set(this.sheets.values());
  }

  entries(): SheetEntry[] {
    return [...this.sheets].map(([id, name]) => ({ id, name }));
  }

  freeName(wanted: string): string {
    const name = safeSheetName(wanted, this.taken);
    this.taken.add(name);
    return name;
  }

  /** The renames queued so far go with the next request (setting a name again is harmless). */
  private queueRenames(): void {
    for (const r of this.renames) this.context.workbook.worksheets.getItem(r.id).name = r.name;
  }

  /**
   * Sends the files in one request, with the renames still due and the load
   * of the sheets after it. When Excel refuses it, the workbook is looked at
   * again: a single file whose sheets all got in counts as inserted (Excel on
   * the web may report an error although it inserted them); otherwise
   * whatever got in is deleted, so nothing is ever added twice.
   */
  async insert(files: { name: string; base64: string; sheets: string[] }[]): Promise<{ ok: true; ids: string[][] } | { ok: false; reason: string }> {
    // Callers send files here only where Excel has its insert (ExcelApi 1.13).
    if (!isExcelApiSupported(OPTIONAL_SETS.insertFromBase64)) return { ok: false, reason: '' };
    const worksheets = this.context.workbook.worksheets;
    const before = new Set(this.sheets.keys());
    this.queueRenames();
    const results: OfficeExtension.ClientResult<string[]>[] = [];
    for (const f of files) results.push(this.context.workbook.insertWorksheetsFromBase64(f.base64, { sheetNamesToInsert: f.sheets, positionType: 'End' }));
    worksheets.load('items/name,items/id');
    try {
      await this.context.sync();
      this.renames = [];
      this.know(worksheets.items);
      return { ok: true, ids: results.map((r) => r.value) };
    } catch (e) {
      const reason = describeOfficeError(e);
      const again = this.context.workbook.worksheets;
      this.queueRenames();
      again.load('items/name,items/id');
      try {
        await this.context.sync();
      } catch {
        throw new ExcelActionError(`${reason} Excel ngừng trả lời khi đang chèn ${files.map((f) => `«${f.name}»`).join(', ')}: `
          + 'có thể một số trang của các tệp ấy đã vào cuối sổ làm việc (mang tên trang trong tệp). Hãy xem các trang cuối, xoá những trang đó rồi nhập lại. Các trang có từ trước không bị thay đổi.');
      }
      this.renames = [];
      const fresh = again.items.filter((w) => !before.has(w.id));
      if (files.length === 1 && fresh.length === files[0].sheets.length && officeErrorCode(e) !== 'RequestPayloadSizeLimitExceeded') {
        this.know(again.items);
        return { ok: true, ids: [fresh.map((w) => w.id)] };
      }
      if (fresh.length) {
        // Excel refuses to delete a very hidden sheet (Worksheet.delete reference): visible first, then gone.
        for (const w of fresh) {
          w.visibility = 'Visible';
          w.delete();
        }
        await this.context.sync();
      }
      this.know(again.items.filter((w) => before.has(w.id)));
      return { ok: false, reason };
    }
  }

  /** The new sheets of one file get the names wanted for them (queued: they go with the next request). */
  nameNew(ids: string[], units: SheetGrid[], nameFor: (g: SheetGrid) => string): string[] {
    return ids.map((id, i) => {
      const now = this.sheets.get(id) ?? '';
      const g = units.find((u) => u.sheet.toLowerCase() === now.toLowerCase()) ?? units[i];
      this.taken.delete(now);
      const name = safeSheetName(g ? nameFor(g) : now, this.taken);
      this.taken.add(name);
      if (name !== now) {
        this.renames.push({ id, name, was: now });
        this.sheets.set(id, name);
      }
      return name;
    });
  }

  /** The renames still due, in a request of their own (none when there is none). */
  async flushRenames(): Promise<void> {
    if (!this.renames.length) return;
    this.queueRenames();
    try {
      await this.context.sync();
    } catch {
      // Part of it may have run: the same names set again, once (a name set twice is the same name).
      this.queueRenames();
      try {
        await this.context.sync();
      } catch (e) {
        const names = this.renames.map((r) => `«${r.was}» (tên định đặt «${r.name}»)`).join(', ');
        throw new ExcelActionError(`${describeOfficeError(e)} Các trang đã được nhập nhưng Excel chưa đổi được tên: ${names}. Hãy tự đổi tên nếu cần; các trang có từ trước không bị thay đổi.`);
      }
    }
    this.renames = [];
  }
}
