/**
 * Cell styles of the output sheets and a small builder for OutputSheet data.
 * Every string that may come from a unit sheet goes through `text()`, which
 * sets the `@` number format: the writers then store it as text, so a note
 * like `=SUM(A1)` never becomes a formula.
 */
import { rangeAddress } from '../address';
import { toExcelSerial } from '../dates';
import { MAX_CELL_TEXT, NUMBER_FORMATS, OUTPUT_FONT, capCellText, type CellStyle, type OutCell, type OutputSheet, type SheetRole } from '../sheet-model';
import { periodTitle } from '../period-words';
import type { Period, ValueKind } from '../template';

export const COLORS = {
  headerFill: '#D9E1F2',
  totalFill: '#FFF2CC',
  missingFill: '#F2F2F2',
  errorColor: '#C00000',
  warningColor: '#9C5700',
  titleColor: '#1F3864',
  /** The cells a unit types in, on a blank template: light enough to print as white on a mono printer. */
  inputFill: '#FFF8DC',
} as const;

export const STYLE = {
  title: { bold: true, fontSize: 14, align: 'center', color: COLORS.titleColor } as CellStyle,
  subtitle: { bold: true, fontSize: 12, align: 'center' } as CellStyle,
  note: { italic: true, align: 'center' } as CellStyle,
  section: { bold: true, fontSize: 12 } as CellStyle,
  header: { bold: true, fill: COLORS.headerFill, border: true, align: 'center', valign: 'middle', wrap: true, numberFormat: NUMBER_FORMATS.text } as CellStyle,
};

/** Text from a unit sheet (or any label): always stored as text. */
export function text(v: string | null | undefined, style: CellStyle = {}): OutCell {
  return { v: v ?? '', style: { numberFormat: NUMBER_FORMATS.text, ...style } };
}

/** A figure: `#,##0` for counts, `#,##0.0` for hours; null stays an empty cell. */
export function figure(v: number | null | undefined, kind: ValueKind, style: CellStyle = {}): OutCell {
  return { v: v ?? null, style: { numberFormat: kind === 'hours' ? NUMBER_FORMATS.hours : NUMBER_FORMATS.count, align: 'right', ...style } };
}

export function count(v: number | null | undefined, style: CellStyle = {}): OutCell {
  return figure(v, 'count', style);
}

/** A rate in 0..1 as `0.0%`; null (zero denominator) stays empty, never 0 %. */
export function percent(v: number | null | undefined, style: CellStyle = {}): OutCell {
  return { v: v ?? null, style: { numberFormat: NUMBER_FORMATS.percent, align: 'right', ...style } };
}

/** An ISO date as a real date cell (`dd/mm/yyyy`); empty when absent. */
export function date(iso: string | undefined, style: CellStyle = {}): OutCell {
  const serial = iso ? toExcelSerial(iso) : null;
  return { v: serial, style: { numberFormat: NUMBER_FORMATS.date, align: 'center', ...style } };
}

const NO_STYLE: CellStyle = {};
/**
 * The parts of a CellStyle that SheetBuilder's interned looks are keyed on, or set (border), in `bordered` below. A part
 * added to CellStyle (sheet-model.ts) and not keyed there would let two different looks share one
 * object: listing it here is required for this file to compile.
 */
type KeyedPart = 'bold' | 'italic' | 'wrap' | 'fontSize' | 'fill' | 'color' | 'align' | 'valign' | 'numberFormat' | 'border';
type NothingLeft<T extends never> = T;
type _EveryPartKeyed = NothingLeft<Exclude<keyof CellStyle, KeyedPart>>;
/** A boolean part of a style in two bits: absent 0, true 1, false 2. */
const flag = (b: boolean | undefined): number => (b === undefined ? 0 : b ? 1 : 2);

/** Rows, merges and widths of one output sheet, filled cell by cell. */
export class SheetBuilder {
  readonly rows: OutCell[][] = [];
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};

  set(row: number, col: number, cell: OutCell): void {
    while (this.rows.length <= row) this.rows.push([]);
    const r = this.rows[row];
    while (r.length < col) r.push({ v: null });
    r[col] = cell;
  }

  /** Cells in a row from `col` on. */
  put(row: number, col: number, cells: OutCell[]): void {
    cells.forEach((c, i) => this.set(row, col + i, c));
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    this.merges.push(rangeAddress(r1, c1, r2, c2));
  }

  /** A merged line across `cols` columns (titles). */
  line(row: number, cols: number, cell: OutCell): void {
    this.set(row, 0, cell);
    for (let c = 1; c < cols; c++) this.set(row, c, { v: null, style: cell.style });
    this.merge(row, 0, row, cols - 1);
  }

  /**
   * Add a border to every cell of a block (empty cells included). Each
   * distinct look gets one style object (`bordered`): a table's cells then
   * share a few objects, which the writers (xlsx/write.ts Styles.xf) look up
   * by identity instead of by their parts, cell after cell.
   */
  border(r1: number, c1: number, r2: number, c2: number): void {
    this.set(r2, c2, this.rows[r2]?.[c2] ?? { v: null });
    for (let r = r1; r <= r2; r++) {
      const row = this.rows[r] ?? [];
      this.rows[r] = row;
      for (let c = c1; c <= c2; c++) {
        const cell = row[c];
        const look = this.bordered(cell?.style ?? NO_STYLE);
        // A new cell object: cells may be shared (merged titles).
        if (!cell) row[c] = { v: null, style: look };
        else if (cell.style !== look) row[c] = { ...cell, style: look };
      }
    }
  }

  /**
   * Looks interned by their parts, one Map level per part (no key string to
   * build and hash per cell); the two-bit codes tell `false` from absent,
   * so an interned object reads exactly like the one it stands for.
   */
  private readonly looks = new Map<unknown, unknown>();

  /** The one style object of `s` with a border, made on first use. */
  private bordered(s: CellStyle): CellStyle {
    const bits = flag(s.bold) | (flag(s.italic) << 2) | (flag(s.wrap) << 4);
    let node = this.looks;
    for (const part of [bits, s.fontSize, s.fill, s.color, s.align, s.valign]) {
      let next = node.get(part) as Map<unknown, unknown> | undefined;
      if (!next) node.set(part, (next = new Map()));
      node = next;
    }
    let look = node.get(s.numberFormat) as CellStyle | undefined;
    if (!look) node.set(s.numberFormat, (look = s.border ? s : { ...s, border: true }));
    return look;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  build(base: Omit<OutputSheet, 'rows' | 'merges' | 'rowHeights'> & { role: SheetRole }): OutputSheet {
    // Every index filled, holes too: no sparse row reaches a writer.
    // Texts capped here, so both writers copy the same cells (sheet-model.ts).
    // Plain loops: a 1,000-unit summary has tens of thousands of cells, and two callbacks per cell showed in the profile.
    const rows: OutCell[][] = new Array<OutCell[]>(this.rows.length);
    for (let r = 0; r < this.rows.length; r++) {
      const src = this.rows[r] ?? [];
      const row: OutCell[] = new Array<OutCell>(src.length);
      for (let c = 0; c < src.length; c++) {
        const cell = src[c];
        row[c] = !cell ? { v: null } : typeof cell.v === 'string' && cell.v.length > MAX_CELL_TEXT ? { ...cell, v: capCellText(cell.v) } : cell;
      }
      rows[r] = row;
    }
    return {
      ...base,
      font: OUTPUT_FONT,
      print: { ...base.print, paper: 'A4' },
      rows,
      merges: this.merges,
      rowHeights: Object.keys(this.rowHeights).length ? this.rowHeights : undefined,
    };
  }
}

/** A sheet's period line: core/period-words.ts periodTitle, or `Kỳ báo cáo: …` when the period or year is unknown. */
export function periodHeading(period: Period | null, year: number | null): string {
  if (!period || !year) return 'Kỳ báo cáo: …';
  return periodTitle(period, year);
}
