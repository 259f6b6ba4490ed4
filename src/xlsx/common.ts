/** What the SheetJS reader and the fast reader share, kept free of SheetJS so Node can skip loading it. */
import type { SheetGrid } from '../core/grid';

export type XlsxReadErrorReason = 'not-xlsx' | 'encrypted' | 'old-format' | 'corrupt' | 'empty';

/** The file could not be read as a workbook; `message` is Vietnamese and says what to do. */
export class XlsxReadError extends Error {
  /** `not-xlsx`, `encrypted`, `old-format`, `corrupt`, `empty`. */
  readonly reason: XlsxReadErrorReason;
  readonly fileName: string;
  constructor(reason: XlsxReadErrorReason, fileName: string, message: string) {
    super(message);
    this.name = 'XlsxReadError';
    this.reason = reason;
    this.fileName = fileName;
  }
}

export const ACCEPTED_FORMATS = 'Chỉ nhận tệp Excel .xlsx (hoặc .xlsm)';

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
