/**
 * How much room a text needs in a cell, decided in the core so both writers
 * write the same row heights (Excel and LibreOffice keep a row's height as
 * written and clip wrapped text that does not fit). One home for
 * the estimate every layout uses: wrappedLines / rowHeightFor / fitRowHeight.
 *
 * Widths are in Excel's column units: one unit is the width of a digit of the
 * workbook's font (core/sheet-model.ts OUTPUT_FONT, Times New Roman, where a
 * digit is half an em). Glyph widths below are Times New Roman's, rounded up
 * a little, so the estimate errs on the side of one line too many, never too
 * few: test/xlsx/print-layout.test.ts holds it against the heights LibreOffice
 * itself computes for the same cells.
 */
import { OUTPUT_FONT } from '../sheet-model';

/** Widths in digit units (half an em) of Times New Roman's glyphs, by class. */
const NARROW = new Set(Array.from("iljtfrI.,;:'!|()[]-/ "));
const WIDE = new Set(Array.from('mwMW%@'));

/** Each character's width, worked out once: the same few dozen characters make every text of a run. */
const GLYPH_WIDTHS = new Map<string, number>();

function glyphWidth(ch: string): number {
  let w = GLYPH_WIDTHS.get(ch);
  if (w === undefined) {
    w = glyphClassWidth(ch);
    // Bounded like the folding memo (core/text.ts): forgetting is always safe.
    if (GLYPH_WIDTHS.size >= 10_000) GLYPH_WIDTHS.clear();
    GLYPH_WIDTHS.set(ch, w);
  }
  return w;
}

function glyphClassWidth(ch: string): number {
  const base = ch.normalize('NFD')[0] ?? ch;
  if (base === ' ') return 0.5;
  if (NARROW.has(base)) return 0.56;
  if (WIDE.has(base)) return 1.5;
  if (/\p{Lu}/u.test(base)) return 1.3;
  if (base === '…' || base === '—' || base === '–') return 1.6;
  return 1.0;
}

/** Width of a text in digit units at the workbook font's size (bold ~8 % wider). */
export function textWidth(s: string, bold = false): number {
  let w = 0;
  for (const ch of s) w += glyphWidth(ch);
  return bold ? w * 1.08 : w;
}

export interface FitOptions {
  bold?: boolean;
  /** Points; default OUTPUT_FONT.size. */
  fontSize?: number;
}

/**
 * Lines a text takes wrapped in a column `width` units wide (or the summed
 * width of merged columns): greedy by words as Excel wraps, a word longer
 * than the line broken by characters; `\n` starts a line.
 */
export function wrappedLines(s: string, width: number, opts: FitOptions = {}): number {
  const scale = (opts.fontSize ?? OUTPUT_FONT.size) / OUTPUT_FONT.size;
  // Cell padding: about half a digit each side.
  const room = Math.max(1, width - 1) / scale;
  let lines = 0;
  for (const para of s.split('\n')) {
    lines++;
    let used = 0;
    for (const word of para.split(/ +/).filter(Boolean)) {
      const w = textWidth(word, opts.bold);
      const space = used > 0 ? textWidth(' ', opts.bold) : 0;
      if (used > 0 && used + space + w <= room) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      if (w <= room) {
        used = w;
        continue;
      }
      // A word wider than the line: broken across lines.
      const extra = Math.ceil(w / room) - 1;
      lines += extra;
      used = w - extra * room;
    }
  }
  return Math.max(1, lines);
}

/** Excel's tallest row. */
export const MAX_ROW_HEIGHT = 409;

/** Height in points of `lines` lines of text (line pitch 1.25 × the font size, as Times New Roman sets in Excel and LibreOffice, plus padding). */
export function rowHeightFor(lines: number, fontSize = OUTPUT_FONT.size): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * fontSize * 1.25 + 3));
}

/**
 * The height a row without one of its own prints at: Excel's for Times New
 * Roman 12, which the .xlsx writer writes as the sheet's default
 * (src/xlsx/write.ts); paging counts it (print-blocks.ts keepWithNext).
 */
export const SHEET_ROW_HEIGHT = 15.75;

/** The height above which a row needs one of its own: a line of text and its padding (rowHeightFor(1)). */
export const DEFAULT_ROW_HEIGHT = rowHeightFor(1);

/**
 * The height a row needs for its tallest wrapped cell, or undefined when
 * every text fits on one line (the default height is then right).
 * Each entry: the text, the width of its column (merged columns summed), its look.
 */
export function fitRowHeight(cells: { text: string | null | undefined; width: number; bold?: boolean; fontSize?: number }[], minLines = 1): number | undefined {
  let best = 0;
  for (const c of cells) {
    if (!c.text) continue;
    const size = c.fontSize ?? OUTPUT_FONT.size;
    best = Math.max(best, rowHeightFor(wrappedLines(c.text, c.width, c), size));
  }
  const min = minLines > 1 ? rowHeightFor(minLines) : 0;
  const h = Math.max(best, min);
  return h > DEFAULT_ROW_HEIGHT ? h : undefined;
}

/**
 * The least column width (Excel units) in which no word of these texts is
 * broken inside when wrapped (`Cổng/Trang` printed as `Cổng/Tra|ng`): the
 * widest word, plus the cell's padding.
 */
export function unbrokenWidth(texts: readonly string[], opts: FitOptions = {}): number {
  const scale = (opts.fontSize ?? OUTPUT_FONT.size) / OUTPUT_FONT.size;
  const widest = Math.max(0, ...texts.flatMap((t) => t.split(/\s+/)).map((w) => textWidth(w, opts.bold)));
  return Math.ceil(widest * scale + 1);
}

/**
 * A text too tall for one row (Excel's tallest is MAX_ROW_HEIGHT: beyond it
 * the text is cut in print) as the texts of consecutive rows, each at most
 * `maxLines` lines wrapped in `width`. A row starts at a line of the text
 * (a unit's line of a compiled assessment, rollup.ts joinAssessments), so
 * the rows joined with `\n` give the text back exactly (reader.ts
 * readAssessment joins them); only where a line has no whitespace at its
 * edges and is no blank line, since a cell's text is read trimmed. A line
 * taller than `maxLines` alone is cut between sentences (else between
 * words): read back, a line break stands where the space was.
 */
export function rowPieces(s: string, width: number, maxLines: number, opts: FitOptions = {}): string[] {
  const fits = (t: string) => wrappedLines(t, width, opts) <= maxLines;
  const edgeFree = (l: string) => l !== '' && l.trim() === l;
  const groups: string[] = [];
  for (const line of s.split('\n')) {
    const prev = groups.length ? groups[groups.length - 1] : null;
    if (prev !== null && edgeFree(line) && edgeFree(prev.slice(prev.lastIndexOf('\n') + 1))) groups.push(line);
    else if (prev !== null) groups[groups.length - 1] = `${prev}\n${line}`;
    else groups.push(line);
  }
  // Greedy: as many tokens in a piece as fit; a token too tall alone is cut finer.
  const pack = (tokens: string[], finer: (t: string) => string[] | null): string[] => {
    const out: string[] = [];
    let cur = '';
    for (const t of tokens) {
      const joined = cur ? `${cur} ${t}` : t;
      if (fits(joined)) {
        cur = joined;
        continue;
      }
      if (cur) out.push(cur);
      cur = '';
      if (fits(t)) cur = t;
      else {
        const parts = finer(t);
        if (!parts) out.push(t);
        else {
          out.push(...parts.slice(0, -1));
          cur = parts[parts.length - 1] ?? '';
        }
      }
    }
    if (cur) out.push(cur);
    return out;
  };
  const byChars = (w: string): string[] => {
    const out: string[] = [];
    let cur = '';
    for (const ch of w) {
      if (cur && !fits(cur + ch)) {
        out.push(cur);
        cur = '';
      }
      cur += ch;
    }
    return cur ? [...out, cur] : out;
  };
  const byWords = (t: string) => pack(t.split(/\s+/).filter(Boolean), byChars);
  const bySentences = (t: string) => pack(t.trim().split(/(?<=[.!?;])\s+/).filter(Boolean), byWords);
  return groups.flatMap((g) => (fits(g) ? [g] : bySentences(g)));
}
