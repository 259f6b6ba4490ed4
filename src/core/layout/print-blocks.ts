/**
 * Column blocks of a wide table printed on A4: which columns start
 * a new page, so each page holds whole groups of columns beside the repeated
 * name columns, instead of a table fitted to one width and printed at 5 pt.
 */
import { PAGE_MARGINS } from '../sheet-model';

const A4_POINTS = { short: 595.3, long: 841.9 };
/**
 * Printable width in points of A4 between the margins: ours (sheet-model.ts
 * PAGE_MARGINS), or Excel's default 0.7 in when wider, so a block also fits
 * a sheet whose margins Excel reset.
 */
const side = Math.max(PAGE_MARGINS.left, 0.7) + Math.max(PAGE_MARGINS.right, 0.7);
export const PRINTABLE_WIDTH = { landscape: A4_POINTS.long - side * 72, portrait: A4_POINTS.short - side * 72 } as const;

/**
 * Width in points of a column `w` Excel units wide: a unit is a digit of the
 * workbook font (Times New Roman 12: 8 px at 96 dpi) plus 5 px of padding.
 */
export function columnPoints(w: number): number {
  return (w * 8 + 5) * 0.75;
}

/**
 * The 0-based columns that start a printed page: groups (`[first, last]`
 * inclusive, in order) are packed greedily into pages `pageWidth` points wide
 * (at the print scale: the width divided by it), each page also holding the
 * repeated columns `repeat`. A group wider than a page gets a page of its own.
 */
export function printBlocks(widths: readonly number[], repeat: [number, number], groups: readonly [number, number][], pageWidth: number): number[] {
  const width = (a: number, b: number) => {
    let w = 0;
    for (let c = a; c <= b; c++) w += columnPoints(widths[c] ?? 9);
    return w;
  };
  const titles = width(repeat[0], repeat[1]);
  const breaks: number[] = [];
  let used = titles;
  for (const [a, b] of groups) {
    const w = width(a, b);
    if (used > titles && used + w > pageWidth) {
      breaks.push(a);
      used = titles;
    }
    used += w;
  }
  return breaks;
}

/** Printable height in points of A4 between the top and bottom margins (sheet-model.ts PAGE_MARGINS). */
export const PRINTABLE_HEIGHT = {
  portrait: A4_POINTS.long - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72,
  landscape: A4_POINTS.short - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72,
} as const;

/** The scale a sheet fitted to the page's width prints at (1 when it is narrower). */
export function fitWidthScale(widths: readonly number[], orientation: 'portrait' | 'landscape'): number {
  const total = widths.reduce((s, w) => s + columnPoints(w), 0);
  return Math.min(1, PRINTABLE_WIDTH[orientation] / total);
}

export interface PagingOptions {
  /** 0-based rows printed atop every page after the one they are on (print titles): they take room on each later page. */
  repeatRows?: [number, number];
  /**
   * Every page's first row is a break, not only those the groups force: the
   * pages are then where this reckons them whatever Excel or LibreOffice
   * would round, so a group's break never lands on a page they filled
   * differently (a long table printed down many pages).
   */
  everyPage?: boolean;
}

/**
 * Rows that must start a new page so that no heading is left alone at a
 * page's foot: `heights` are the rows' heights in points (at 100 %), `keep`
 * the groups (first row, rows kept together with it) that must not be split,
 * `pageHeight` the room of a page in the same points (printable height / scale).
 * Pages are filled row by row as the printer does; a group that would cross a
 * page's foot starts the next page instead.
 */
export function keepWithNext(heights: readonly number[], keep: readonly { row: number; rows: number }[], pageHeight: number, opts: PagingOptions = {}): number[] {
  const starts = new Map(keep.map((k) => [k.row, k.rows]));
  const repeat = opts.repeatRows;
  const repeatHeight = repeat ? heights.slice(repeat[0], repeat[1] + 1).reduce((s, h) => s + h, 0) : 0;
  const breaks: number[] = [];
  // Room taken on a fresh page before its first row: the repeated rows, once they are behind.
  const top = (r: number) => (repeat && r > repeat[1] ? repeatHeight : 0);
  let used = 0;
  let fresh = true;
  const newPage = (r: number, forced: boolean) => {
    if (forced || opts.everyPage) breaks.push(r);
    used = top(r);
    fresh = true;
  };
  for (let r = 0; r < heights.length; r++) {
    if (!fresh && used + heights[r] > pageHeight) newPage(r, false);
    const group = starts.get(r);
    if (group && !fresh) {
      const need = heights.slice(r, r + group).reduce((s, h) => s + h, 0);
      if (used + need > pageHeight && top(r) + need <= pageHeight) newPage(r, true);
    }
    used += heights[r];
    fresh = false;
  }
  return breaks;
}
