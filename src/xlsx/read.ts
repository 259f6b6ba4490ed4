/**
 * Workbook bytes (.xlsx and its kin, .xls, .xlsb, .ods) → SheetGrid[] with
 * SheetJS CE. No fs here: the same code runs in Node (command line, workers)
 * and in the browser (files imported in the pane).
 *
 * SheetJS is used as published; where it is wrong we repair its input
 * (repairPackage) or its output (sheetToGrid), never the library:
 * - `<si/>` in the shared strings is skipped, shifting every later string,
 *   and CDATA in a rich-text run of a shared string reads as empty;
 * - a `<sheet r:id="">` (legacy macro/dialog sheet) takes the next sheet's
 *   data, and a damaged chart sheet fails the whole workbook;
 * - a stray cell in row 0 (`A0`) moves the used range one row up (removed before it reads);
 * - relationships and content types written with a namespace prefix
 *   (`<ns0:Relationships>`, Python's ElementTree) are not found: the whole
 *   workbook is lost (the prefix is removed before it reads);
 * - a formula whose text result is empty (`<c t="str"><f>…</f><v></v></c>`)
 *   reads as a formula never calculated, an empty boolean cell as FALSE, a
 *   number cell holding `1,5` as 1, a shared string mixing a plain run and
 *   rich runs as its first run only (repairCells, repairSharedStrings);
 * - values under a merged area, not its top-left cell, are kept (cleared after it reads);
 * - it prints to console.error (thousands of lines for a damaged zip).
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue, SheetGrid } from '../core/grid';
import { NO_CACHED_VALUE } from '../core/grid';
import { ACCEPTED_FORMATS, XlsxReadError, buildGrid, clearUnderMerges, otherFormatWarning, textValue, withBookFlags, type WorkbookFormat } from './common';
import { NOT_A_NUMBER_ERROR, readPackage, unprefixPackagePart, type WorkbookPackage } from './package';
import { fileTooLarge } from './zip-limits';
import { checkZipLimits } from './zip-inflate-limits';
import { corruptFile, encryptedFile, quoted, readerError, saysEncrypted } from './reader-errors';

export { ACCEPTED_FORMATS, XlsxReadError, trimGrid, type XlsxReadErrorReason } from './common';

/**
 * Measured on 1,000 one-sheet unit files: no styles, no number formats, no
 * formatted text, no dates conversion. `cellFormula` and `sheetStubs` stay on
 * because they are the only way to tell a formula that has no cached result
 * (`<c><f>…</f></c>`) from an empty cell.
 */
const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  cellFormula: true,
  sheetStubs: true,
  cellHTML: false,
  cellText: false,
  cellDates: false,
  cellNF: false,
  cellStyles: false,
  bookDeps: false,
  bookFiles: false,
  bookProps: false,
  bookVBA: false,
};

/** Excel's error codes as stored in BIFF/xlsx (`t: 'e'`, numeric `v`). */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** An OLE container: either an encrypted .xlsx (Excel wraps those in CFB) or an old binary file. */
function cfbError(bytes: Uint8Array, fileName: string): XlsxReadError {
  let entries: string[] = [];
  try {
    const cfb = XLSX.CFB.read(bytes, { type: 'array' });
    entries = (cfb.FullPaths as string[]).map((p) => p.replace(/^.*\//, '').toLowerCase());
  } catch {
    // An OLE header with a broken body: say what covers both cases below.
  }
  if (entries.includes('encryptioninfo') || entries.includes('encryptedpackage')) return encryptedFile(fileName);
  return new XlsxReadError('old-format', fileName,
    `Tệp ${quoted(fileName)} được đặt mật khẩu hoặc ở định dạng cũ, không phải .xlsx. ${ACCEPTED_FORMATS}: hãy bỏ mật khẩu và lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".`);
}

function notXlsx(fileName: string, what: string): XlsxReadError {
  return new XlsxReadError('not-xlsx', fileName,
    `Tệp ${quoted(fileName)} không phải sổ Excel (${what}). ${ACCEPTED_FORMATS}; tệp .csv hay trang web cần mở trong Excel và lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".`);
}

/** What the first bytes look like, for the message of a file that is not a zip. */
function describeNonZip(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512));
  if (head.startsWith('%PDF')) return 'đây là tệp PDF';
  if (/^\s*</.test(head)) return 'đây là tệp HTML/XML';
  if (/[\x00-\x08\x0e-\x1f]/.test(head)) return 'nội dung không nhận ra';
  return 'đây là tệp văn bản hoặc CSV';
}

/** Zip entry names are stored as plain bytes: enough to tell a Word/PowerPoint/ODF file from a broken workbook. */
function hasName(bytes: Uint8Array, name: string): boolean {
  const needle = new TextEncoder().encode(name);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** When a zip is not a workbook: what it is instead, or null when it looks like a damaged workbook. */
function otherOfficeZip(bytes: Uint8Array): string | null {
  // No end-of-central-directory record: the zip is cut short, a damaged download.
  if (!hasName(bytes.subarray(Math.max(0, bytes.length - 66000)), 'PK\x05\x06')) return null;
  if (hasName(bytes, 'xl/workbook')) return null;
  if (hasName(bytes, 'word/document')) return 'đây là tệp Word .docx đổi tên';
  if (hasName(bytes, 'ppt/presentation')) return 'đây là tệp PowerPoint .pptx đổi tên';
  if (hasName(bytes, 'content.xml')) return 'đây là tệp OpenDocument (.ods/.odt)';
  return 'tệp nén không chứa sổ làm việc Excel';
}

function toCellValue(cell: XLSX.CellObject | undefined | null): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
      if (cell.v === ODS_NO_VALUE) return { error: NO_CACHED_VALUE };
      return typeof cell.v === 'string' ? textValue(cell.v) : null;
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'e':
      return { error: ERROR_TEXT[cell.v as number] ?? (typeof cell.w === 'string' ? cell.w : '#ERROR') };
    case 'd':
      // Only with cellDates, which we do not set; keep the serial-number contract anyway.
      return cell.v instanceof Date ? dateToSerial(cell.v) : null;
    case 'z':
      // A stub: empty, unless it is a formula whose result was never saved.
      return cell.f ? { error: NO_CACHED_VALUE } : null;
    default:
      return null;
  }
}

function dateToSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

/**
 * One worksheet's used range as a grid. The range starts at the sheet's `!ref`
 * (its declared dimension) or the first cell present, whichever is first,
 * and ends at the last value: some programs write a wrong dimension, and a
 * value outside it must not be lost; a dimension of a million empty rows
 * must not be walked. Row 0 does not exist (`A0`): not part of the range.
 */
function sheetToGrid(ws: XLSX.WorkSheet | undefined, sheet: string, fileName: string): SheetGrid {
  const merges = ((ws && ws['!merges']) ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
  const data = ((ws && ws['!data']) ?? []) as (XLSX.CellObject[] | undefined)[];
  let r0 = Infinity; let c0 = Infinity; let r1 = -1;
  const ref = ws && ws['!ref'];
  if (ref) {
    const range = XLSX.utils.decode_range(ref);
    r0 = Math.max(0, range.s.r); c0 = Math.max(0, range.s.c);
  }
  const rows: CellValue[][] = [];
  data.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell) return;
      if (r < r0) r0 = r;
      if (c < c0) c0 = c;
      const v = toCellValue(cell);
      if (v === null) return;
      if (r > r1) r1 = r;
      (rows[r] ??= [])[c] = v;
    });
  });
  clearUnderMerges(rows, merges);
  return buildGrid(rows, r0, c0, r1, sheet, fileName);
}

/** Runs SheetJS with its console output swallowed: its notes are English and meant for developers. */
function quietly<T>(run: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const mute = () => undefined;
  console.error = mute; console.warn = mute; console.log = mute;
  try {
    return run();
  } finally {
    console.error = saved.error; console.warn = saved.warn; console.log = saved.log;
  }
}

interface ZipContainer { FileIndex: { name: string; content?: Uint8Array | number[] }[]; FullPaths: string[] }
const utf8 = new TextDecoder('utf-8');

function zipFile(zip: ZipContainer, path: string): { content?: Uint8Array | number[] } | null {
  return (XLSX.CFB.find(zip, `/${path}`) as { content?: Uint8Array | number[] } | null) ?? null;
}

function zipText(zip: ZipContainer, path: string): string | null {
  const f = zipFile(zip, path);
  if (!f || !f.content) return null;
  return utf8.decode(f.content instanceof Uint8Array ? f.content : Uint8Array.from(f.content));
}

function setZipText(zip: ZipContainer, path: string, text: string): void {
  const f = zipFile(zip, path);
  if (f) f.content = new TextEncoder().encode(text);
}

/**
 * What an .ods formula cell with no stored result becomes before SheetJS
 * reads it (SheetJS drops such a cell, which would read as "not reported"):
 * text that toCellValue turns into the error an .xlsx formula without a
 * cached value gives (docs/spec/TEMPLATE.md §3).
 */
const ODS_NO_VALUE = '\uE000#NO_CACHED_VALUE';

function markUncalculatedOds(zip: ZipContainer): void {
  const xml = zipText(zip, 'content.xml');
  if (!xml || xml.indexOf('table:formula=') < 0) return;
  const fixed = xml.replace(/<table:table-cell\b([^>]*?)(\/>|>([\s\S]*?)<\/table:table-cell>)/g, (cell, attrs: string, _end: string, inner?: string) => {
    if (attrs.indexOf('table:formula=') < 0 || /office:value-type=/.test(attrs) || /<text:p\b[^>]*>[^<]/.test(inner ?? '')) return cell;
    return `<table:table-cell${attrs} office:value-type="string"><text:p>${ODS_NO_VALUE}</text:p></table:table-cell>`;
  });
  setZipText(zip, 'content.xml', fixed);
}

/** The start of a cell in row 0 (`<c r="A0"`), which no program can show. */
const ROW0_CELL = /<(?:[\w.-]+:)?c\b[^>]*?\sr="\$?[A-Z]{1,3}\$?0"/;

/**
 * Fixes in the unzipped package what SheetJS would misread (see the top of
 * this file): `<si/>` becomes an explicit empty string, CDATA escaped text, and every `<sheet>`
 * that is not a readable worksheet (legacy `r:id=""`, chart, dialog, macro
 * sheet, a worksheet whose part is missing) is taken out of the workbook:
 * none of them can hold a report. Returns the names of worksheets whose part
 * is missing, for a warning.
 */
function repairPackage(zip: ZipContainer, pkg: WorkbookPackage): string[] {
  for (const part of ['[Content_Types].xml', '_rels/.rels', pkg.workbookPath.replace(/[^/]*$/, (f) => `_rels/${f}.rels`)]) {
    const xml = zipText(zip, part);
    if (xml !== null && unprefixPackagePart(xml) !== xml) setZipText(zip, part, unprefixPackagePart(xml));
  }
  if (pkg.sharedStringsPath) repairSharedStrings(zip, pkg.sharedStringsPath);
  for (const s of pkg.sheets) {
    if (s.kind !== 'worksheet' || !s.part) continue;
    const xml = zipText(zip, s.part);
    const fixed = xml === null ? null : repairCells(xml);
    if (fixed !== null && fixed !== xml) setZipText(zip, s.part, fixed);
  }
  if (pkg.sharedStringsPath) {
    const sst = zipText(zip, pkg.sharedStringsPath);
    if (sst && (/<(?:[\w.-]+:)?si\s*\/>/.test(sst) || sst.indexOf('<![CDATA[') >= 0)) {
      setZipText(zip, pkg.sharedStringsPath, sst
        .replace(/<([\w.-]+:)?si\s*\/>/g, '<$1si><$1t></$1t></$1si>')
        // CDATA inside a rich-text run reads as empty: spell it as escaped text.
        .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')));
    }
  }
  for (const s of pkg.sheets) {
    if (s.kind !== 'worksheet' || !s.part) continue;
    const xml = zipText(zip, s.part);
    if (!xml || !ROW0_CELL.test(xml)) continue;
    // A cell in row 0 exists for no program; SheetJS would start the used range there.
    setZipText(zip, s.part, xml
      .replace(new RegExp(ROW0_CELL.source + /[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?c>)/.source, 'g'), '')
      .replace(/<([\w.-]+:)?row\b[^>]*\sr="0"[^>]*?(?:\/>|>\s*<\/\1row>)/g, ''));
  }
  const drop = pkg.sheets.filter((s) => s.kind !== 'worksheet');
  if (drop.length) {
    const raw = zipText(zip, pkg.workbookPath) ?? '';
    const tags = new Set(drop.map((s) => s.tag));
    // The tags were found in the unprefixed XML: match them with any prefix.
    const fixed = raw.replace(/<([\w.-]+:)?sheet\b[^>]*>/g, (tag, prefix?: string) =>
      tags.has(prefix ? tag.replace(`<${prefix}`, '<') : tag) ? '' : tag);
    setZipText(zip, pkg.workbookPath, fixed);
  }
  return drop.filter((s) => s.kind === 'missing').map((s) => s.name);
}

/** A `<si>` holding a plain `<t>` beside rich `<r>` runs: SheetJS keeps only the first; each plain `<t>` becomes a run of its own. */
function repairSharedStrings(zip: ZipContainer, part: string): void {
  const sst = zipText(zip, part);
  if (!sst || !/<(?:[\w.-]+:)?r\b/.test(sst)) return;
  const fixed = sst.replace(/<([\w.-]+:)?si\b([^>]*?)(?<!\/)>([\s\S]*?)<\/\1si>/g, (si, p: string | undefined, attrs: string, inner: string) => {
    const pre = p ?? '';
    if (inner.indexOf(`<${pre}r>`) < 0 && inner.indexOf(`<${pre}r `) < 0) return si;
    // Top-level `<t>` only: those inside a run or a phonetic guide are already where SheetJS reads them.
    const parts = inner.split(new RegExp(`(<${pre}(?:r|rPh)\\b[\\s\\S]*?</${pre}(?:r|rPh)>)`));
    const body = parts.map((x, i) => (i % 2 ? x : x.replace(new RegExp(`<${pre}t\\b[^>]*?(?:/>|>[\\s\\S]*?</${pre}t>)`, 'g'), (t) => `<${pre}r>${t}</${pre}r>`))).join('');
    return `<${pre}si${attrs}>${body}</${pre}si>`;
  });
  if (fixed !== sst) setZipText(zip, part, fixed);
}

/** A `<v>` that may be misread: empty, or not a plain number (seen only then, so most sheets are not rewritten). */
const SUSPECT_VALUE = /<(?:[\w.-]+:)?v\s*\/>|<(?:[\w.-]+:)?v>(?:<|[^<]*[^<\d.eE+\-\s][^<]*<)/;

/**
 * The cells SheetJS reads other than Excel shows them, rewritten as fast-read.ts reads them:
 * a text formula result that is empty → an empty cell; an empty boolean → an
 * empty cell; a number cell whose text is not a number → the error NOT_A_NUMBER_ERROR.
 */
function repairCells(raw: string): string {
  // `<c r="B2" t="b"/>`: a boolean cell with no value at all.
  const xml = /\st="b"[^>]*\/>/.test(raw) ? raw.replace(/(<(?:[\w.-]+:)?c\b[^>]*?)\st="b"([^>]*\/>)/g, '$1$2') : raw;
  if (!SUSPECT_VALUE.test(xml)) return xml;
  return xml.replace(/<([\w.-]+:)?c\b([^>]*?)(?<!\/)>([\s\S]*?)<\/\1c>/g, (cell, p: string | undefined, attrs: string, inner: string) => {
    const pre = p ?? '';
    const t = /\st\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? 'n';
    const v = new RegExp(`<${pre}v\\s*/>|<${pre}v>([^<]*)</${pre}v>`).exec(inner);
    if (!v) return cell;
    const text = v[1] ?? '';
    const bare = attrs.replace(/\st\s*=\s*"[^"]*"/, '');
    if (text === '' && (t === 'str' || t === 'b')) return `<${pre}c${bare}/>`;
    if (t === 'n' && text.trim() !== '' && !Number.isFinite(Number(text.trim()))) {
      return `<${pre}c${bare} t="e">${inner.replace(v[0], `<${pre}v>${NOT_A_NUMBER_ERROR}</${pre}v>`)}</${pre}c>`;
    }
    return cell;
  });
}

/** What reading a workbook gave: its worksheets, and warnings (Vietnamese) about the file. */
export interface WorkbookRead {
  grids: SheetGrid[];
  warnings: string[];
}

/**
 * Reads every worksheet of a workbook file: .xlsx, .xlsm, .xltx, .xltm,
 * and (with a warning suggesting .xlsx) .xls, .xlsb, .ods. Empty cells are
 * `null`, error cells `{error:'#N/A'}`, a formula without a cached result
 * `{error: NO_CACHED_VALUE}`, dates serial numbers in the workbook's date
 * system (`date1904` on the grid). A merged area's value sits in its
 * top-left cell only. Chart, dialog and macro sheets give no grid.
 * Throws `XlsxReadError` (Vietnamese message) when the bytes are not a
 * readable workbook; .csv and HTML saved as .xls are refused.
 */
export function readWorkbook(bytes: Uint8Array, fileName: string): WorkbookRead {
  try {
    return readAnyWorkbook(bytes, fileName);
  } catch (e) {
    // Whatever a library threw past the checks below is said in Vietnamese (reader-errors.ts), never as it is.
    throw readerError(e, fileName);
  }
}

function readAnyWorkbook(bytes: Uint8Array, fileName: string): WorkbookRead {
  if (bytes.length === 0) {
    throw new XlsxReadError('empty', fileName, `Tệp ${quoted(fileName)} rỗng (0 byte). ${ACCEPTED_FORMATS}.`);
  }
  const huge = fileTooLarge(fileName, bytes.length);
  if (huge) throw huge;
  if (startsWith(bytes, CFB_MAGIC)) return readCfb(bytes, fileName);
  if (!startsWith(bytes, ZIP_MAGIC)) throw notXlsx(fileName, describeNonZip(bytes));
  // SheetJS inflates without limit: sizes, entries, duplicates and overlaps checked first (zip-limits.ts, zip-inflate-limits.ts).
  checkZipLimits(bytes, fileName);

  let zip: ZipContainer;
  try {
    zip = quietly(() => XLSX.CFB.read(bytes, { type: 'array' }) as ZipContainer);
  } catch (e) {
    throw unreadable(bytes, fileName, e);
  }
  const warnings: string[] = [];
  let format: WorkbookFormat = 'xlsx';
  let pkg: WorkbookPackage | null = null;
  try {
    pkg = readPackage((p) => zipText(zip, p), (p) => zipFile(zip, p) !== null);
  } catch {
    pkg = null;
  }
  if (pkg) {
    for (const name of repairPackage(zip, pkg)) {
      warnings.push(`Trang ${quoted(name)} của tệp ${quoted(fileName)} bị hỏng (thiếu phần dữ liệu), không đọc được; các trang khác vẫn được đọc.`);
    }
  } else if (zipFile(zip, 'content.xml') || zipFile(zip, 'META-INF/manifest.xml')) {
    format = 'ods';
    markUncalculatedOds(zip);
  } else if (zipFile(zip, 'xl/workbook.bin')) {
    format = 'xlsb';
  } else {
    const other = otherOfficeZip(bytes);
    throw notXlsx(fileName, other ?? 'tệp nén không chứa sổ làm việc Excel');
  }
  let wb: XLSX.WorkBook;
  try {
    const parseZip = (XLSX as unknown as { parse_zip: (z: ZipContainer, o: XLSX.ParsingOptions) => XLSX.WorkBook }).parse_zip;
    wb = quietly(() => parseZip(zip, { ...READ_OPTIONS }));
  } catch (e) {
    throw unreadable(bytes, fileName, e);
  }
  const warning = otherFormatWarning(fileName, format);
  if (warning) warnings.unshift(warning);
  return { grids: workbookGrids(wb, fileName), warnings };
}

/** Reads every worksheet; see readWorkbook (its warnings are left out here). */
export function readXlsxBuffer(bytes: Uint8Array, fileName: string): SheetGrid[] {
  return readWorkbook(bytes, fileName).grids;
}

/** An OLE file: an old .xls is read (with a warning), an encrypted or unknown one explained. */
function readCfb(bytes: Uint8Array, fileName: string): WorkbookRead {
  let entries: string[] = [];
  try {
    const cfb = quietly(() => XLSX.CFB.read(bytes, { type: 'array' }));
    entries = (cfb.FullPaths as string[]).map((p) => p.replace(/\/$/, '').replace(/^.*\//, '').toLowerCase());
  } catch {
    // An OLE header with a broken body: cfbError says what covers every case.
  }
  if (!(entries.includes('workbook') || entries.includes('book')) || entries.includes('encryptedpackage')) {
    throw cfbError(bytes, fileName);
  }
  let wb: XLSX.WorkBook;
  try {
    wb = quietly(() => XLSX.read(bytes, READ_OPTIONS));
  } catch (e) {
    if (saysEncrypted(e)) throw cfbError(bytes, fileName);
    throw corruptFile(fileName);
  }
  return { grids: workbookGrids(wb, fileName), warnings: [otherFormatWarning(fileName, 'xls') ?? ''].filter(Boolean) };
}

function workbookGrids(wb: XLSX.WorkBook, fileName: string): SheetGrid[] {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const grids: SheetGrid[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    // Chart, dialog and macro sheets (of .xls, .xlsb, .ods) hold no report.
    const type = ws ? (ws as { '!type'?: string })['!type'] : undefined;
    if (type && type !== 'sheet') return;
    const hidden = Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
    grids.push(withBookFlags(sheetToGrid(ws, name, fileName), hidden, date1904));
  });
  return grids;
}

/** A zip SheetJS could not read: a password, another program's file, or damage (reader-errors.ts says it in Vietnamese). */
function unreadable(bytes: Uint8Array, fileName: string, e: unknown): XlsxReadError {
  if (saysEncrypted(e)) return startsWith(bytes, CFB_MAGIC) ? cfbError(bytes, fileName) : encryptedFile(fileName);
  const other = otherOfficeZip(bytes);
  if (other) return notXlsx(fileName, other);
  return readerError(e, fileName);
}
