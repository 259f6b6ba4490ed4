/**
 * The seam between the core and the adapters (Office.js, .xlsx files):
 * a worksheet's used range as a plain grid of values. The core never sees a
 * file or a workbook object, only these.
 */

/** An error value shown by Excel (`#N/A`, `#DIV/0!`…), or a formula with no cached result. */
export interface CellError {
  error: string;
}

/** A formula in an .xlsx file that has no cached result (never opened and saved in Excel). */
export const NO_CACHED_VALUE = '#NO_CACHED_VALUE';

/**
 * A cell's value as Excel shows it (a formula counts by its computed value).
 * Dates are Excel serial numbers (as Office.js `values` gives them).
 * Empty cells are `null` (Office.js gives `""`: adapters turn that into `null`).
 */
export type CellValue = string | number | boolean | null | CellError;

export interface SheetGrid {
  /** File the sheet came from (command line, imported files); absent for sheets of the open workbook. */
  file?: string;
  /** Worksheet name as in the workbook. */
  sheet: string;
  /** 0-based row of `cells[0][0]` in the worksheet (a used range may not start at A1). */
  originRow: number;
  /** 0-based column of `cells[0][0]`. */
  originCol: number;
  /** Row-major values; rows may be ragged (missing trailing cells are empty). */
  cells: CellValue[][];
  /** The sheet is hidden in its workbook (`state="hidden"`/`"veryHidden"`); absent when visible. */
  hidden?: boolean;
  /**
   * The workbook counts dates from 1 January 1904 (old Mac Excel's default):
   * date serials in `cells` are in that system (see dates.ts). Absent for the 1900 system.
   */
  date1904?: boolean;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  const r = grid.cells[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}
