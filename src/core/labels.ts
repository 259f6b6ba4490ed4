/**
 * Finding things by labels: a grid whose cells are folded at most once, the
 * key/value rows, table headers and section titles. Shared by the unit
 * reader and the plan reader.
 */
import { cellAddress } from './address';
import { CellValue, SheetGrid, isCellError } from './grid';
import { fold, foldLoose } from './text';
import { LEVELS, Level, YEAR_RANGE } from './template';

/**
 * How labels and headers are compared: folded (case, spaces, diacritics) and
 * punctuation dropped, so `Đơn vị báo cáo:`, `DON VI BAO CAO` and
 * `đơn vị  báo cáo` are one label, and `Số, ngày văn bản` = `So ngay van ban`.
 */
export function labelKey(s: string): string {
  return foldLoose(s);
}

/** A section title such as `II. PHỤ LỤC NHIỆM VỤ` (roman numeral, then a dot or bracket). */
const SECTION_TITLE = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x)\s*[.)/:-]\s*\S/;
/** Enough of a cell's start to tell a section title. */
const TITLE_PREFIX_CHARS = 16;

// ---------------------------------------------------------------- fast folding
//
// Folding (Unicode NFD) is the reader's main cost, and thousands of unit
// sheets repeat the same labels: `fold` and `foldLoose` remember each
// distinct string (text.ts, bounded). Here ASCII text also skips the
// normalisation, and text too long to be any label or header is never
// folded for matching.

const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const SPACE_RUNS = / {2,}/g;
/** No label or header of the template is near this long; longer text is free text. */
export const MAX_LABEL_CHARS = 80;
/** The key of text too long to be a label: equal to no label. */
const LONG_TEXT_KEY = '\u0000';

/** Same result as `fold`, faster: plain ASCII needs no Unicode normalisation. */
export function foldFast(s: string): string {
  if (PLAIN_ASCII.test(s)) return s.toLowerCase().replace(SPACE_RUNS, ' ').trim();
  return fold(s);
}

/** Same result as `foldLoose` (memoised there: task names repeat across thousands of units). */
export const foldLooseFast = foldLoose;

/** Same result as `labelKey`; text longer than any label gets a key equal to none. */
export function labelKeyFast(s: string): string {
  if (s.length > MAX_LABEL_CHARS) return LONG_TEXT_KEY;
  return foldLoose(s);
}

/**
 * Read-only view of a SheetGrid that folds each cell at most once. All row
 * and column numbers are grid-relative (0-based); `address` turns them into
 * real worksheet addresses using the grid's origin.
 */
export class FoldedGrid {
  readonly rowCount: number;
  private readonly folded: (string | undefined)[][] = [];
  private readonly keys: (string | undefined)[][] = [];

  constructor(readonly grid: SheetGrid) {
    this.rowCount = Array.isArray(grid.cells) ? grid.cells.length : 0;
  }

  width(r: number): number {
    const row = this.grid.cells[r];
    return Array.isArray(row) ? row.length : 0;
  }

  value(r: number, c: number): CellValue {
    const row = this.grid.cells[r];
    if (!Array.isArray(row)) return null;
    const v = row[c];
    return v === undefined ? null : v;
  }

  /** Text as shown, trimmed ('' for empty and error cells). */
  text(r: number, c: number): string {
    const v = this.value(r, c);
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return '';
  }

  isEmpty(r: number, c: number): boolean {
    const v = this.value(r, c);
    if (v === null) return true;
    if (typeof v === 'string') return v.trim() === '';
    if (typeof v === 'number' || typeof v === 'boolean') return false;
    return !isCellError(v);
  }

  /** `fold` of the cell's text, computed once. */
  fold(r: number, c: number): string {
    let row = this.folded[r];
    if (!row) row = this.folded[r] = [];
    let f = row[c];
    if (f === undefined) f = row[c] = foldFast(this.text(r, c));
    return f;
  }

  /**
   * `labelKey` of the cell's text, computed once. Text longer than any
   * label is never folded (it matches no label).
   */
  key(r: number, c: number): string {
    let row = this.keys[r];
    if (!row) row = this.keys[r] = [];
    let k = row[c];
    if (k === undefined) {
      const t = this.text(r, c);
      k = row[c] = t === '' ? '' : labelKeyFast(t);
    }
    return k;
  }

  /** First non-empty column at or after `from`, or -1. */
  nextNonEmpty(r: number, from: number): number {
    const w = this.width(r);
    for (let c = Math.max(0, from); c < w; c++) if (!this.isEmpty(r, c)) return c;
    return -1;
  }

  rowIsEmpty(r: number): boolean {
    return this.nextNonEmpty(r, 0) < 0;
  }

  /** Real worksheet address (origin applied) of a grid cell. */
  address(r: number, c: number): string {
    const or = safeInt(this.grid.originRow);
    const oc = safeInt(this.grid.originCol);
    return cellAddress(or + r, oc + c);
  }

  /** True when the row's first non-empty cell is a section title (`II. …`). */
  isSectionTitle(r: number): boolean {
    const c = this.nextNonEmpty(r, 0);
    if (c < 0) return false;
    const v = this.value(r, c);
    return typeof v === 'string' && SECTION_TITLE.test(foldFast(v.trim().slice(0, TITLE_PREFIX_CHARS)));
  }
}

function safeInt(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
}

// ---------------------------------------------------------------- key/value rows

export interface KeyValueRow<F extends string> {
  field: F;
  row: number;
  labelCol: number;
  /** Column of the value cell: the next non-empty cell right of the label, or -1 (the label cell itself when the value is inline). */
  valueCol: number;
  /** The value when label and value share one cell (`Kỳ báo cáo: Quý I`). */
  inlineValue?: string;
}

/**
 * The label of a key/value row is the row's first non-empty cell (a cell
 * further right is a value, never a label: `Kỳ báo cáo | Năm` is a period,
 * not the year row). A leading row number (`1.`) left of the label column is
 * stepped over. A cell `Label: value` with nothing to its right holds both.
 */
export function keyValueLabelAt<F extends string>(
  fg: FoldedGrid,
  r: number,
  labels: ReadonlyMap<string, F>,
  labelCol: number,
): KeyValueRow<F> | null {
  let c = fg.nextNonEmpty(r, 0);
  if (c < 0) return null;
  let field = labels.get(fg.key(r, c));
  if (field === undefined) {
    const inline = inlineKeyValue(fg, r, c, labels);
    if (inline) return inline;
  }
  if (field === undefined && c < labelCol) {
    c = fg.nextNonEmpty(r, c + 1);
    if (c < 0 || c > labelCol) return null;
    field = labels.get(fg.key(r, c));
  }
  if (field === undefined) return null;
  return { field, row: r, labelCol: c, valueCol: fg.nextNonEmpty(r, c + 1) };
}

/** `Đơn vị báo cáo: UBND xã A` in one cell. */
function inlineKeyValue<F extends string>(fg: FoldedGrid, r: number, c: number, labels: ReadonlyMap<string, F>): KeyValueRow<F> | null {
  const v = fg.value(r, c);
  if (typeof v !== 'string') return null;
  const i = v.indexOf(':');
  if (i <= 0 || i > MAX_LABEL_CHARS) return null;
  const field = labels.get(labelKeyFast(v.slice(0, i)));
  if (field === undefined) return null;
  const rest = v.slice(i + 1).trim();
  const right = fg.nextNonEmpty(r, c + 1);
  if (rest === '') return { field, row: r, labelCol: c, valueCol: right };
  return { field, row: r, labelCol: c, valueCol: c, inlineValue: rest };
}

/** Map of label keys → field, built once per label table. */
export function labelMap<F extends string>(entries: readonly (readonly [F, string | readonly string[]])[]): Map<string, F> {
  const m = new Map<string, F>();
  for (const [field, labels] of entries) {
    for (const l of typeof labels === 'string' ? [labels] : labels) m.set(labelKey(l), field);
  }
  return m;
}

// ---------------------------------------------------------------- table headers

export interface HeaderSpec<F extends string> {
  field: F;
  /** Header texts accepted (the template's first). */
  labels: readonly string[];
  required: boolean;
}

export interface HeaderFound<F extends string> {
  /** First header row. */
  row: number;
  /** Last header row (a two-row header puts sub-headers under a merged cell). */
  lastRow: number;
  cols: Partial<Record<F, number>>;
}

/**
 * Find a header row between `from` and `to` (exclusive): a row where every
 * required header is found by equality of label keys (never `includes`:
 * `hoan thanh` is inside `chua hoan thanh`). Headers missing from the row may
 * sit in the row below (a merged group header over sub-headers).
 */
export function findHeader<F extends string>(
  fg: FoldedGrid,
  specs: readonly HeaderSpec<F>[],
  from: number,
  to: number,
  minInRow = 2,
): HeaderFound<F> | null {
  const wanted = headerKeys(specs);
  const end = Math.min(to, fg.rowCount);
  // Headers found in the row itself before it counts as a header row.
  const need = Math.min(minInRow, specs.length);
  for (let r = Math.max(0, from); r < end; r++) {
    const cols = headerCells(fg, r, wanted);
    let found = 0;
    for (const s of specs) if (cols[s.field] !== undefined) found++;
    if (found < need) continue;
    let lastRow = r;
    if (specs.some((s) => cols[s.field] === undefined) && r + 1 < end) {
      const below = headerCells(fg, r + 1, wanted);
      let used = false;
      for (const s of specs) {
        if (cols[s.field] === undefined && below[s.field] !== undefined) {
          cols[s.field] = below[s.field];
          used = true;
        }
      }
      if (used) lastRow = r + 1;
    }
    if (specs.every((s) => !s.required || cols[s.field] !== undefined)) return { row: r, lastRow, cols };
  }
  return null;
}

const headerKeyCache = new WeakMap<readonly HeaderSpec<string>[], Map<string, string>>();

/** Label key → field of a header spec list, built once per list. */
function headerKeys<F extends string>(specs: readonly HeaderSpec<F>[]): Map<string, F> {
  let m = headerKeyCache.get(specs) as Map<string, F> | undefined;
  if (!m) {
    m = new Map<string, F>();
    for (const s of specs) for (const l of s.labels) m.set(labelKey(l), s.field);
    headerKeyCache.set(specs, m);
  }
  return m;
}

function headerCells<F extends string>(fg: FoldedGrid, r: number, wanted: ReadonlyMap<string, F>): Partial<Record<F, number>> {
  const cols: Partial<Record<F, number>> = {};
  const w = fg.width(r);
  for (let c = 0; c < w; c++) {
    if (fg.isEmpty(r, c)) continue;
    const f = wanted.get(fg.key(r, c));
    if (f !== undefined && cols[f] === undefined) cols[f] = c;
  }
  return cols;
}

// ---------------------------------------------------------------- identification values

const LEVEL_BY_KEY: ReadonlyMap<string, Level> = new Map(
  LEVELS.flatMap((l) => l.synonyms.map((s) => [foldLoose(s), l.level] as [string, Level])),
);
const LEADING_INT = /^(\d{1,4})(?:[.)]|\s|$)/;
const YEAR_TEXT = /^(?:nam\s*)?(\d{4})$/;
const LEVEL_PREFIX = /^(?:cap|ubnd|uy ban nhan dan)\s+/;


/** `Phường` → `Xã`, `cấp huyện` → `Huyện`, `PHONG BAN` → `Phòng, ban`. */
export function parseLevel(text: string): Level | null {
  let k = foldLoose(text);
  const direct = LEVEL_BY_KEY.get(k);
  if (direct) return direct;
  // `Cấp huyện`, `UBND xã`: the level word after a prefix.
  k = k.replace(LEVEL_PREFIX, '');
  return LEVEL_BY_KEY.get(k) ?? null;
}

/** Period spellings are periods.ts's. */
export { parsePeriod } from './periods';

/** A whole year within YEAR_RANGE (template.ts). */
export function isValidYear(n: number): boolean {
  return Number.isInteger(n) && n >= YEAR_RANGE.min && n <= YEAR_RANGE.max;
}

/** A four-digit year within YEAR_RANGE, as a number cell or text (`2024`, `năm 2024`). */
export function parseYear(v: unknown): number | null {
  let n: number | null = null;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const m = YEAR_TEXT.exec(fold(v));
    if (m) n = Number(m[1]);
  }
  if (n === null || !isValidYear(n)) return null;
  return n;
}

/** STT as a number: `3`, `3.`, `03` → 3; anything else → null. */
export function parseStt(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 && v < 1e6 ? v : null;
  if (typeof v !== 'string') return null;
  const m = LEADING_INT.exec(v.trim());
  return m && Number(m[1]) > 0 ? Number(m[1]) : null;
}

