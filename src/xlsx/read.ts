/**
 * .xlsx bytes → SheetGrid[] with SheetJS CE. No fs here: the same code runs
 * in Node (command line, workers) and in the browser (files imported in the pane).
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue, SheetGrid } from '../core/grid';
import { NO_CACHED_VALUE } from '../core/grid';
import { ACCEPTED_FORMATS, XlsxReadError, trimGrid } from './common';

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

function quoted(fileName: string): string {
  return `"${fileName}"`;
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
  if (entries.includes('encryptioninfo') || entries.includes('encryptedpackage')) {
    return new XlsxReadError('encrypted', fileName,
      `Tệp ${quoted(fileName)} được đặt mật khẩu, hãy bỏ mật khẩu (mở trong Excel: Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại.`);
  }
  if (entries.includes('workbook') || entries.includes('book')) {
    return new XlsxReadError('old-format', fileName,
      `Tệp ${quoted(fileName)} là sổ Excel định dạng cũ (.xls). ${ACCEPTED_FORMATS}: hãy mở tệp trong Excel và lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".`);
  }
  return new XlsxReadError('old-format', fileName,
    `Tệp ${quoted(fileName)} được đặt mật khẩu hoặc ở định dạng cũ, không phải .xlsx. ${ACCEPTED_FORMATS}: hãy bỏ mật khẩu và lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".`);
}

function notXlsx(fileName: string, what: string): XlsxReadError {
  return new XlsxReadError('not-xlsx', fileName,
    `Tệp ${quoted(fileName)} không phải sổ Excel .xlsx (${what}). ${ACCEPTED_FORMATS}; tệp .xls, .csv, .ods cần mở trong Excel và lưu lại dưới dạng .xlsx.`);
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
      return typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
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
 * One worksheet's used range as a grid. The range is the sheet's `!ref`
 * (its declared dimension) grown to every cell actually present: some
 * programs write a wrong dimension, and a value outside it must not be lost.
 */
function sheetToGrid(ws: XLSX.WorkSheet, sheet: string, fileName: string): SheetGrid {
  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  let r0 = Infinity; let c0 = Infinity; let r1 = -1; let c1 = -1;
  const ref = ws['!ref'];
  if (ref) {
    const range = XLSX.utils.decode_range(ref);
    r0 = range.s.r; c0 = range.s.c; r1 = range.e.r; c1 = range.e.c;
  }
  data.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell) return;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    });
  });
  if (r1 < 0 || c1 < 0) return { file: fileName, sheet, originRow: 0, originCol: 0, cells: [] };
  const cells: CellValue[][] = [];
  for (let r = r0; r <= r1; r++) {
    const src = data[r];
    const row: CellValue[] = [];
    if (src) for (let c = c0; c <= c1 && c < src.length; c++) row.push(toCellValue(src[c]));
    cells.push(row);
  }
  return trimGrid({ file: fileName, sheet, originRow: r0, originCol: c0, cells });
}

/**
 * Reads every worksheet of an .xlsx file. Empty cells are `null`, error cells
 * `{error:'#N/A'}`, a formula without a cached result `{error: NO_CACHED_VALUE}`,
 * dates Excel serial numbers. A merged area's value sits in its top-left cell only.
 * Throws `XlsxReadError` (Vietnamese message) when the bytes are not a readable .xlsx.
 */
export function readXlsxBuffer(bytes: Uint8Array, fileName: string): SheetGrid[] {
  if (bytes.length === 0) {
    throw new XlsxReadError('empty', fileName, `Tệp ${quoted(fileName)} rỗng (0 byte). ${ACCEPTED_FORMATS}.`);
  }
  if (startsWith(bytes, CFB_MAGIC)) throw cfbError(bytes, fileName);
  if (!startsWith(bytes, ZIP_MAGIC)) throw notXlsx(fileName, describeNonZip(bytes));

  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, READ_OPTIONS);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password/i.test(msg)) throw cfbError(bytes, fileName);
    const other = otherOfficeZip(bytes);
    if (other) throw notXlsx(fileName, other);
    throw new XlsxReadError('corrupt', fileName,
      `Tệp ${quoted(fileName)} bị hỏng, không đọc được (${msg}). Hãy mở tệp trong Excel, lưu lại, hoặc xin đơn vị gửi lại.`);
  }
  const bookType = (wb as { bookType?: string }).bookType;
  if (bookType && !['xlsx', 'xlsm', 'xlsb'].includes(bookType)) {
    throw notXlsx(fileName, `định dạng .${bookType}`);
  }
  return wb.SheetNames.map((name) => sheetToGrid(wb.Sheets[name], name, fileName));
}
