/**
 * The stand-in's workbook contents: plain data changed only by queued
 * operations when `context.sync()` runs (see context.ts).
 */
import { columnIndex, columnLetters } from '../../src/core/address';
import { officeError } from './errors';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
export const MAX_ADDRESS_LENGTH = 8192;

/**
 * Value the stand-in shows for a formula cell: it does not compute formulas.
 * `#NAME?` makes a string that turned into a formula by mistake visible to
 * any reader of the values.
 */
export const FORMULA_VALUE = '#NAME?';

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fontName?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Record<string, string>;
  /** Cells are locked unless unlocked, as in Excel. */
  locked?: boolean;
}

export interface CellState {
  value: string | number | boolean;
  /** Set when the cell holds a formula; `value` is then FORMULA_VALUE. */
  formula?: string;
  numberFormat?: string;
  format?: CellFormat;
  /** Range.hyperlink (ExcelApi 1.7): a link inside the workbook (`documentReference`) or to an address. */
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
}

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  /** `A:C` (whole columns) or `1:3` (whole rows): values read as null. */
  whole?: 'columns' | 'rows' | 'sheet';
}

export interface ChartState {
  name: string;
  type: string;
  title?: string;
  source: string;
  seriesBy?: string;
  position?: { start: string; end?: string };
}

export interface ValidationState {
  address: string;
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<number, CellState>;
  merges: Rect[];
  /** Column widths in points. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freeze?: { rows: number; cols: number };
  protected: boolean;
  protectionOptions?: unknown;
  /** Set when protected with a password (unprotect needs it). */
  protectionPassword?: string;
  charts: ChartState[];
  validations: ValidationState[];
  /** Range.conditionalFormats (conditional-formats.ts). */
  conditionalFormats?: import('./conditional-formats').ConditionalFormatState[];
  pageLayout: {
    orientation?: string; paperSize?: string; printTitleRows?: string; printTitleColumns?: string; printArea?: string;
    zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
    /** Vertical page breaks: the address of the cell each starts at. */
    colBreaks?: string[];
    /** Horizontal page breaks (Worksheet.horizontalPageBreaks): the address of the cell each starts at. */
    rowBreaks?: string[];
  };
  deleted?: boolean;
}

export const key = (row: number, col: number): number => row * MAX_COLS + col;

export function emptySheet(id: string, name: string): SheetState {
  return {
    id, name, visibility: 'Visible', cells: new Map(), merges: [], columnWidths: new Map(), rowHeights: new Map(),
    protected: false, charts: [], validations: [], pageLayout: {},
  };
}

export class WorkbookState {
  sheets: SheetState[] = [];
  activeSheetId: string | undefined;
  /** The workbook counts dates from 1904 (what `functions.date` answers in). */
  date1904 = false;
  selection: { sheetId: string; rect: Rect } | undefined;
  private nextId = 1;

  newId(): string {
    return `{FAKE-${String(this.nextId++).padStart(4, '0')}}`;
  }

  find(nameOrId: string): SheetState | undefined {
    const k = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k || s.id === nameOrId);
  }

  addSheet(name: string, at?: number): SheetState {
    const err = sheetNameProblem(name);
    if (err) throw officeError('InvalidArgument', err);
    if (this.find(name)) throw officeError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
    const s = emptySheet(this.newId(), name);
    if (at === undefined || at >= this.sheets.length) this.sheets.push(s);
    else this.sheets.splice(Math.max(0, at), 0, s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  /** `Sheet1`, `Sheet2`…: the first free default name, as `worksheets.add()` picks. */
  defaultName(): string {
    for (let i = 1; ; i++) if (!this.find(`Sheet${i}`)) return `Sheet${i}`;
  }

  /** `Name (2)`: how Excel renames an inserted sheet whose name is taken. */
  freeName(name: string): string {
    if (!this.find(name)) return name;
    for (let i = 2; ; i++) {
      const suffix = ` (${i})`;
      const cand = name.slice(0, 31 - suffix.length) + suffix;
      if (!this.find(cand)) return cand;
    }
  }

  removeSheet(s: SheetState): void {
    const visible = this.sheets.filter((x) => x.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === s) {
      throw officeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    this.sheets = this.sheets.filter((x) => x !== s);
    s.deleted = true;
    if (this.activeSheetId === s.id) this.activeSheetId = this.sheets.find((x) => x.visibility === 'Visible')?.id;
    if (this.selection?.sheetId === s.id) this.selection = undefined;
  }
}

/** Excel's sheet-name rules; the message for a bad name, or null. */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'The sheet name cannot be empty.';
  if (name.length > 31) return 'The sheet name cannot be longer than 31 characters.';
  if (/[\\/?*:[\]]/.test(name)) return 'The sheet name contains invalid characters: / \\ ? * : [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return "The sheet name cannot begin or end with an apostrophe (').";
  if (name.toLowerCase() === 'history') return "'History' is a reserved sheet name.";
  return null;
}

// ---------------------------------------------------------------- addresses

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Parses `A1`, `A1:C3`, `A:C`, `2:5` (an optional `Sheet!` prefix is stripped by the caller). */
export function parseAddress(address: string): Rect {
  if (typeof address !== 'string' || address.length === 0 || address.length > MAX_ADDRESS_LENGTH) {
    throw officeError('InvalidArgument');
  }
  const parts = address.split(':');
  if (parts.length > 2) throw officeError('InvalidArgument');
  const [a, b = parts[0]] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  let rect: Rect | null = null;
  if (ca && cb) {
    const r1 = Number(ca[2]) - 1, r2 = Number(cb[2]) - 1, c1 = columnIndex(ca[1]), c2 = columnIndex(cb[1]);
    rect = { r1: Math.min(r1, r2), r2: Math.max(r1, r2), c1: Math.min(c1, c2), c2: Math.max(c1, c2) };
  } else if (parts.length === 2 && COL.test(a) && COL.test(b)) {
    const c1 = columnIndex(COL.exec(a)![1]), c2 = columnIndex(COL.exec(b)![1]);
    rect = { r1: 0, r2: MAX_ROWS - 1, c1: Math.min(c1, c2), c2: Math.max(c1, c2), whole: 'columns' };
  } else if (parts.length === 2 && ROW.test(a) && ROW.test(b)) {
    const r1 = Number(ROW.exec(a)![1]) - 1, r2 = Number(ROW.exec(b)![1]) - 1;
    rect = { r1: Math.min(r1, r2), r2: Math.max(r1, r2), c1: 0, c2: MAX_COLS - 1, whole: 'rows' };
  }
  if (!rect || rect.r1 < 0 || rect.c1 < 0 || rect.r2 >= MAX_ROWS || rect.c2 >= MAX_COLS) throw officeError('InvalidArgument');
  return rect;
}

export function rectAddress(rect: Rect): string {
  if (rect.whole === 'columns') return `${columnLetters(rect.c1)}:${columnLetters(rect.c2)}`;
  if (rect.whole === 'rows') return `${rect.r1 + 1}:${rect.r2 + 1}`;
  const a = `${columnLetters(rect.c1)}${rect.r1 + 1}`;
  const b = `${columnLetters(rect.c2)}${rect.r2 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** `'Tổng hợp'!A1:B2` as Excel writes a range address. */
export function qualifiedAddress(sheetName: string, rect: Rect): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) && !CELL.test(sheetName);
  const q = plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${q}!${rectAddress(rect)}`;
}

export const rectRows = (r: Rect) => r.r2 - r.r1 + 1;
export const rectCols = (r: Rect) => r.c2 - r.c1 + 1;

// ---------------------------------------------------------------- cells

/**
 * What Excel stores when a value is written through `range.values`:
 * on a cell formatted as text (`@`) a string stays text; otherwise a numeric
 * string becomes a number, TRUE/FALSE a boolean, and a string starting with
 * `=` (or `+`/`-` not followed by a number) a formula — Microsoft: "If the
 * value starts with a plus, minus, or equal sign, Excel interprets this
 * value as a formula."
 */
export function storeWrittenValue(cell: CellState, v: unknown): void {
  delete cell.formula;
  if (typeof v === 'number' || typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  const s = String(v);
  if (cell.numberFormat === '@') {
    cell.value = s;
    return;
  }
  const t = s.trim();
  if (t !== '' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    cell.value = Number(t);
  } else if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === 'true';
  } else if (s.length > 1 && (s[0] === '=' || s[0] === '+' || s[0] === '-')) {
    cell.formula = s[0] === '=' ? s : `=${s}`;
    cell.value = FORMULA_VALUE;
  } else {
    cell.value = s;
  }
}

export function isEmptyCell(c: CellState | undefined): boolean {
  return !c || (c.value === '' && !c.formula);
}

function hasFormatting(c: CellState): boolean {
  return (c.numberFormat !== undefined && c.numberFormat !== 'General') || (c.format !== undefined && Object.keys(c.format).length > 0);
}

/** Bounding box of non-empty cells (valuesOnly) or also formatted cells; null when none. */
export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let r1 = Infinity, c1 = Infinity, r2 = -1, c2 = -1;
  for (const [k, c] of sheet.cells) {
    if (isEmptyCell(c) && (valuesOnly || !hasFormatting(c))) continue;
    const r = Math.floor(k / MAX_COLS), col = k % MAX_COLS;
    if (r < r1) r1 = r;
    if (r > r2) r2 = r;
    if (col < c1) c1 = col;
    if (col > c2) c2 = col;
  }
  return r2 < 0 ? null : { r1, c1, r2, c2 };
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}
