/** What the SheetJS reader and the fast reader share, kept free of SheetJS so Node can skip loading it. */
import type { CellValue, SheetGrid } from '../core/grid';

/** `too-large`: refused by the reading limits (zip-limits.ts; overlapping or duplicated parts are `corrupt`), `not-regular`: a device, a pipe. */
export type XlsxReadErrorReason = 'not-xlsx' | 'encrypted' | 'old-format' | 'corrupt' | 'empty' | 'too-large' | 'not-regular';

/** The file could not be read as a workbook; `message` is Vietnamese and says what to do. */
export class XlsxReadError extends Error {
  readonly reason: XlsxReadErrorReason;
  readonly fileName: string;
  constructor(reason: XlsxReadErrorReason, fileName: string, message: string) {
    super(message);
    this.name = 'XlsxReadError';
    this.reason = reason;
    this.fileName = fileName;
  }
}

export const ACCEPTED_FORMATS = 'Nhận tệp Excel .xlsx (đọc được cả .xlsm, .xltx, .xltm, .xls, .xlsb, .ods)';

/** What a workbook file really is, by its content (zip of XML parts, old binary, OpenDocument…). */
export type WorkbookFormat = 'xlsx' | 'xls' | 'xlsb' | 'ods';

/** File names the readers take; anything else is refused (.csv) or not looked at. */
export const WORKBOOK_EXT = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods)$/i;

const FORMAT_NAMES: Record<string, string> = {
  xls: 'Excel 97–2003 (.xls)',
  xlsb: 'Excel nhị phân (.xlsb)',
  ods: 'OpenDocument (.ods)',
  xlsm: 'Excel có macro (.xlsm)',
  xltx: 'mẫu Excel (.xltx)',
  xltm: 'mẫu Excel có macro (.xltm)',
};

/**
 * The warning for a workbook read in a format other than .xlsx (by content,
 * else by the name's extension for the .xlsx kin); null for a plain .xlsx.
 * Those formats are read by SheetJS alone (slower, less tested: README,
 * «Định dạng tệp»), so units are asked to save as .xlsx next time.
 */
export function otherFormatWarning(fileName: string, format: WorkbookFormat): string | null {
  const ext = /\.(\w+)$/.exec(fileName)?.[1].toLowerCase() ?? '';
  const kind = format !== 'xlsx' ? format : ext in FORMAT_NAMES ? ext : null;
  if (!kind) return null;
  return `Tệp "${fileName}" ở định dạng ${FORMAT_NAMES[kind]}: đã đọc được, nhưng lần sau hãy lưu dưới dạng "Sổ làm việc Excel (.xlsx)" (Tệp → Lưu thành) để đọc nhanh và chắc chắn hơn.`;
}

/** Combining marks: text typed in decomposed form (NFD, as macOS and some web forms send it). */
const COMBINING = /[\u0300-\u036f]/;

/**
 * A text cell's value: empty text is an empty cell, and decomposed
 * Vietnamese (NFD) is composed (NFC) so that `Hương Lộc` typed either way is
 * the same unit; Excel shows both the same.
 */
export function textValue(s: string): string | null {
  if (s === '') return null;
  return COMBINING.test(s) ? s.normalize('NFC') : s;
}

/** Trailing empty cells of each row, and trailing empty rows, carry nothing: drop them (in place). */
export function trimGrid(grid: SheetGrid): SheetGrid {
  for (const row of grid.cells) {
    let n = row.length;
    while (n > 0 && row[n - 1] === null) n--;
    row.length = n;
  }
  while (grid.cells.length > 0 && grid.cells[grid.cells.length - 1].length === 0) grid.cells.pop();
  return grid;
}

/** The workbook-wide facts a grid carries, set only when they differ from the usual (visible, 1900 dates). */
export function withBookFlags(grid: SheetGrid, hidden: boolean, date1904: boolean): SheetGrid {
  if (hidden) grid.hidden = true;
  if (date1904) grid.date1904 = true;
  return grid;
}

/**
 * A value under a merged area but not in its top-left cell is not shown by
 * Excel (LibreOffice keeps such values when it merges): cleared in place, so
 * it is neither counted nor read. Walks only the cells present, never a
 * merged area's whole size.
 */
export function clearUnderMerges(rows: CellValue[][], merges: readonly { r0: number; c0: number; r1: number; c1: number }[]): void {
  for (const m of merges) {
    for (let r = m.r0; r <= m.r1 && r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.c0; c <= m.c1 && c < row.length; c++) if (r !== m.r0 || c !== m.c0) row[c] = null;
    }
  }
}

/** Sparse rows → the grid from (r0, c0) to the last value (the same for both readers: their grids must be equal). */
export function buildGrid(rows: CellValue[][], r0: number, c0: number, r1: number, sheet: string, fileName: string): SheetGrid {
  const originRow = Number.isFinite(r0) ? r0 : 0;
  const originCol = Number.isFinite(c0) ? c0 : 0;
  const cells: CellValue[][] = [];
  for (let r = originRow; r <= r1; r++) {
    const src = rows[r];
    const out: CellValue[] = [];
    if (src) for (let c = originCol; c < src.length; c++) out.push(src[c] ?? null);
    cells.push(out);
  }
  return trimGrid({ file: fileName, sheet, originRow, originCol, cells });
}
