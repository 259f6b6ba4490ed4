/**
 * Output sheets as plain data. Layout code in the core builds these; the
 * .xlsx writer (src/xlsx/write.ts, hand-written SpreadsheetML) and the
 * Office.js writer only copy them out, so the two give the same sheets.
 * Everything a writer could otherwise decide is decided here: the font
 * (`font`), the paper (`print.paper`), the text cap (capCellText) and the
 * items of a dropdown list (listItem).
 */

/** Printed reports in Vietnamese offices use Times New Roman, 12 pt: cells and charts alike. */
export const OUTPUT_FONT: SheetFont = { name: 'Times New Roman', size: 12 };

/** Excel's limit on the text of one cell: longer text would damage the file. */
export const MAX_CELL_TEXT = 32767;

/** A text cut to what one cell can hold, ending with `…` when cut. Writers apply it to every text they write. */
export function capCellText(s: string): string {
  return s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT - 1) + '…' : s;
}

/**
 * An item of a dropdown list as both writers write it: a literal list is one
 * comma-separated, quoted string, so commas and quotes inside an item become
 * one space (`Phòng, ban` → `Phòng ban`, which the reader takes for the same
 * level). The layout puts items through this; writers join them with commas.
 */
export function listItem(text: string): string {
  return text.replace(/[",]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Page margins in inches, as both writers set them (Excel's own defaults are wider: layout/print-blocks.ts allows for them). */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

export interface SheetFont {
  name: string;
  /** Points; a cell's `fontSize` overrides it. */
  size: number;
}

/** The font a sheet is written in (the layout sets it; hand-made sheets get the same). */
export function sheetFont(sheet: Pick<OutputSheet, 'font'>): SheetFont {
  return sheet.font ?? OUTPUT_FONT;
}

/** Number formats are stored in Excel's invariant (en-US) syntax; Excel shows them in the user's locale (vi-VN: `1.031`, `99,8%`). */
export const NUMBER_FORMATS = {
  count: '#,##0',
  hours: '#,##0.0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  text: '@',
  general: 'General',
} as const;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** Fill colour, `#RRGGBB`. */
  fill?: string;
  /** Font colour, `#RRGGBB`. */
  color?: string;
  border?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle';
  wrap?: boolean;
  /** Excel number format; `@` marks text that must stay text. */
  numberFormat?: string;
}

export interface OutCell {
  /** Strings are always written as text (never as a formula), whatever they start with. */
  v: string | number | null;
  style?: CellStyle;
  /**
   * A formula (no leading `=`, Excel's invariant syntax) that the layout itself
   * builds from cell addresses: only the template's check block (docs/spec/TEMPLATE.md §10,
   * layout/check-block.ts). Never text from a unit (docs/spec/TEMPLATE.md §7). `v` is then the
   * cached result, or null for none (the workbook asks for a recalculation).
   */
  formula?: string;
  /** A link to a cell of this workbook (the findings sheet → the unit's cell); the sheet name may hold any character (internalLink quotes it). */
  link?: { sheet: string; cell: string };
}

/** `'Sheet name'!D14`: an internal link target, the name always quoted and its quotes doubled, as Excel writes it. */
export function internalLink(link: { sheet: string; cell: string }): string {
  return `'${link.sheet.replace(/'/g, "''")}'!${link.cell.replace(/\$/g, '')}`;
}

/** A format applied while `formula` (relative to the range's top-left cell) is true: the check block's offending cells. */
export interface ConditionalFormat {
  range: string;
  formula: string;
  style: Pick<CellStyle, 'fill' | 'color' | 'bold'>;
}

export type Validation =
  /** `values`: items as written, no comma or quote in one (listItem). */
  | { range: string; type: 'list'; values: string[]; prompt?: string; error?: string }
  | { range: string; type: 'wholeNumber'; min: number; max?: number; prompt?: string; error?: string }
  | { range: string; type: 'decimal'; min: number; max: number; prompt?: string; error?: string };

export interface ChartSpec {
  title: string;
  type: 'columnClustered' | 'barClustered';
  /** Data range with the series names in its first row and the categories in its first column. */
  dataRange: string;
  /** Where the chart sits: top-left cell and size in columns × rows. */
  anchor: string;
  width: number;
  height: number;
}

export type SheetRole = 'summary' | 'previous' | 'charts' | 'tasks' | 'appendix' | 'report' | 'findings' | 'template';

export interface OutputSheet {
  name: string;
  role: SheetRole;
  /** The unit the sheet is about (the parent for summary/appendix/report). */
  unit?: string;
  /** Row-major from A1. */
  rows: OutCell[][];
  /** `A1:F1`. */
  merges: string[];
  /** Column widths in Excel character units, from column A. */
  columnWidths: number[];
  /** 0-based row index → height in points. */
  rowHeights?: Record<number, number>;
  /**
   * 0-based rows whose height (rowHeights) is the room to start with, not a
   * fixed one: the .xlsx writer leaves out Excel's custom-height mark, so Excel
   * and LibreOffice grow the row to what a clerk types in its wrapped cells
   * (a row with a custom height keeps it and clips the text). The Office.js
   * writer cannot set a height without that mark: there the height is fixed.
   */
  growRows?: number[];
  /** Rows/columns kept in view while scrolling. */
  freeze?: { rows: number; cols: number };
  /** Font of every cell and chart (default OUTPUT_FONT; set by the layout). */
  font?: SheetFont;
  print: {
    orientation: 'landscape' | 'portrait';
    /** Paper size; A4 when absent (set by the layout). */
    paper?: 'A4';
    /** Rows repeated at the top of every printed page (1-based, inclusive). */
    repeatRows?: [number, number];
    /** Columns repeated at the left of every printed page (0-based, inclusive): the unit names of a wide table. */
    repeatCols?: [number, number];
    /**
     * Print scale in percent, chosen by the layout so that the text prints at a
     * legible size (sheet font × scale ≥ 9 pt). Absent: the sheet is fitted to
     * the paper's width (narrow sheets only).
     */
    scale?: number;
    /** Fit the whole sheet on one page (the blank template). */
    onePage?: boolean;
    /** 0-based columns that start a new printed page (column blocks of a wide table). */
    colBreaks?: number[];
    /**
     * 0-based rows that start a new printed page (a section's heading kept with its table: print-blocks.ts
     * keepWithNext). Both writers write them (Office.js: horizontalPageBreaks, ExcelApi 1.9, skipped below).
     */
    rowBreaks?: number[];
    /** The printed range (`A1:F60`), when not the whole sheet: the template's check block is for the screen. */
    area?: string;
  };
  validations?: Validation[];
  conditionalFormats?: ConditionalFormat[];
  /** Protect the sheet (no password) and leave these ranges editable. */
  protection?: { unlockedRanges: string[] };
  charts?: ChartSpec[];
}

/** Excel's own rules for sheet names. */
export const SHEET_NAME_MAX = 31;
export const SHEET_NAME_FORBIDDEN = /[\\/?*:[\]]/g;
