/**
 * Node's fast path for reading .xlsx: native zlib and a plain scan of the
 * worksheet XML, about ten times quicker than SheetJS on the small files units
 * send (the benchmark reads 1,000 of them). It reads what Excel and the
 * other programs units use write (test/xlsx/real-producers.test.ts): shared
 * and inline strings, rich text, CDATA, numbers, booleans, errors, ISO date
 * cells, formulas, cells and rows without `r=`, Strict and prefixed XML,
 * hidden sheets, the 1904 date system; chart, dialog and macro sheets are
 * skipped. On anything else (ZIP64, .xlsb, a damaged file) it returns null
 * and the caller uses SheetJS (readXlsxBuffer), which also gives the
 * Vietnamese error messages. Tests check both give the same grids.
 */
import * as zlib from 'zlib';
import type { CellValue, SheetGrid } from '../core/grid';
import { NO_CACHED_VALUE } from '../core/grid';
import { columnIndex } from '../core/address';
import { XlsxReadError, buildGrid, clearUnderMerges, textValue, withBookFlags } from './common';
import { InflateBudget, checkedZipDirectory, type ZipDirEntry } from './zip-limits';
import { NOT_A_NUMBER_ERROR, attr, mergedAreas, readPackage, unescapeXml, unprefixMain } from './package';
import { isoToSerial } from '../core/dates';

export { unescapeXml } from './package';

const decoder = new TextDecoder('utf-8');

/** A part's text, inflated within the workbook's budget (zip-limits.ts): a bomb stops at the limit. */
function entryText(buf: Buffer, e: ZipDirEntry, budget: InflateBudget): string | null {
  const data = buf.subarray(e.dataStart, e.dataStart + e.compSize);
  let out: Buffer;
  if (e.method === 0) out = data;
  else if (e.method === 8) {
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: budget.allowance() });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw budget.exceeded(e.name);
      throw err;
    }
  } else return null;
  budget.spend(e.name, out.length);
  return decoder.decode(out);
}

// ---------------------------------------------------------------- the package, read once per kind of file
//
// A province's reports come from one template saved by a handful of
// programs, so their package's relationship parts (`_rels/.rels`,
// `xl/_rels/workbook.xml.rels`) are mostly the same bytes from file to file
// (the workbook part is not: it names the unit's sheet). Each small part is
// inflated once per distinct compressed bytes: inflating is deterministic, so
// equal compressed bytes are equal text. Bounded; forgetting is always safe.

/** Relationship parts at most this big (compressed) are remembered. */
const SMALL_PART_BYTES = 2048;
const PART_MEMO_LIMIT = 256;
let partMemo = new Map<string, { text: string | null; bytes: number }>();

/** A package part's text; a small relationship part's from the memo when the same compressed bytes were inflated before. */
function packagePartText(buf: Buffer, e: ZipDirEntry, budget: InflateBudget): string | null {
  if (e.compSize > SMALL_PART_BYTES || !e.name.endsWith('.rels')) return entryText(buf, e, budget);
  const key = `${e.method}:${buf.toString('latin1', e.dataStart, e.dataStart + e.compSize)}`;
  const known = partMemo.get(key);
  if (known) {
    budget.spend(e.name, known.bytes);
    return known.text;
  }
  const before = budget.spent();
  const text = entryText(buf, e, budget);
  if (partMemo.size >= PART_MEMO_LIMIT) partMemo = new Map();
  partMemo.set(key, { text, bytes: budget.spent() - before });
  return text;
}

/** The text of a `<si>` or `<is>`: its `<t>` runs, phonetic guides left out. */
function richText(inner: string): string {
  const body = inner.indexOf('<rPh') >= 0 ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : inner;
  let out = '';
  const re = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += m[1] ?? '';
  return unescapeXml(out);
}

/**
 * Each shared string's value by its XML (`<si>`'s content), across the files
 * one thread reads: a province's reports repeat the same labels, so most
 * strings are read once for all files, and every file's cells then hold the
 * same string, which the label folding (core/text.ts) finds in its memo
 * without comparing texts. Bounded like that memo; forgetting is always safe.
 */
const SHARED_LIMIT = 50_000;
let sharedMemo = new Map<string, string | null>();

/** The same text in a string of its own (a slice of a longer string keeps all of it alive). */
const ownCopy = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

/** The shared strings as the cells that use them read (textValue applied once per string, not per cell). */
function sharedStrings(raw: string | null): (string | null)[] {
  if (!raw) return [];
  const xml = unprefixMain(raw);
  const out: (string | null)[] = [];
  // `<si/>` is an empty string and keeps its index (SheetJS skips it: read.ts works around that).
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const inner = m[1];
    if (!inner) { out.push(null); continue; }
    let v = sharedMemo.get(inner);
    if (v === undefined) {
      // Copies, so that the memo keeps these few characters and not the whole part they were cut from.
      const text = textValue(richText(inner));
      v = text === null ? null : ownCopy(text);
      if (sharedMemo.size >= SHARED_LIMIT) sharedMemo = new Map();
      sharedMemo.set(ownCopy(inner), v);
    }
    out.push(v);
  }
  return out;
}

const REF_RE = /^\$?([A-Z]{1,3})\$?(\d+)$/;

/** Is `<name` at `at` a start tag of exactly that element (not `<col` for `<c`)? */
function isTag(xml: string, at: number, name: string): boolean {
  const ch = xml.charCodeAt(at + name.length + 1);
  // space, tab, CR, LF, '>' or '/'
  return ch === 32 || ch === 9 || ch === 13 || ch === 10 || ch === 62 || ch === 47;
}

/** The next `<name` start tag at or after `from` and before `until`, or -1. */
function nextTag(xml: string, name: string, from: number, until: number): number {
  let at = xml.indexOf(`<${name}`, from);
  while (at >= 0 && at < until) {
    if (isTag(xml, at, name)) return at;
    at = xml.indexOf(`<${name}`, at + 1);
  }
  return -1;
}

/** The text inside `<v …>…</v>`: '' for `<v/>` and `<v></v>`, null when there is no `<v>`. */
function valueText(inner: string): string | null {
  const at = nextTag(inner, 'v', 0, inner.length);
  if (at < 0) return null;
  const gt = inner.indexOf('>', at);
  if (gt < 0) return null;
  if (inner.charCodeAt(gt - 1) === 47) return '';
  const end = inner.indexOf('</v>', gt);
  return end < 0 ? null : inner.slice(gt + 1, end);
}


/**
 * One cell's value as Excel shows it, `undefined` when this path cannot say
 * (the file then goes to SheetJS). `date1904` only matters for `t="d"` cells.
 */
function cellValue(t: string, inner: string, sst: (string | null)[], date1904: boolean): CellValue | undefined {
  if (t === 'inlineStr') {
    const at = nextTag(inner, 'is', 0, inner.length);
    const end = inner.indexOf('</is>', at);
    return at >= 0 && end >= 0 ? textValue(richText(inner.slice(at, end))) : null;
  }
  return rawValue(t, valueText(inner), nextTag(inner, 'f', 0, inner.length) >= 0, sst, date1904);
}

/** A cell's value from the text of its `<v>` (null: none) and whether it has a formula. */
function rawValue(t: string, raw: string | null, hasFormula: boolean, sst: (string | null)[], date1904: boolean): CellValue | undefined {
  // A text result that is empty (`=IF(…;"";…)`: Excel saves `<v></v>` or `<v/>`): an empty cell, as Excel shows it.
  if (t === 'str' && raw === '') return null;
  // No stored value: a formula Excel never calculated (docs/spec/TEMPLATE.md §3), or a styled empty cell.
  if (raw === null || raw === '') return hasFormula ? { error: NO_CACHED_VALUE } : null;
  switch (t) {
    case 'n': {
      const n = Number(raw.trim());
      return Number.isFinite(n) && raw.trim() !== '' ? n : { error: NOT_A_NUMBER_ERROR };
    }
    case 's':
      return sst[Number(raw)];
    case 'str':
      return textValue(unescapeXml(raw));
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return { error: unescapeXml(raw).trim() };
    case 'd': {
      const serial = isoToSerial(unescapeXml(raw).trim(), date1904);
      return serial === null ? undefined : serial;
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- start tags, scanned in place
//
// The worksheet's rows and cells are read where they lie in the XML: their
// `r=` and `t=` attributes are found by walking the tag once (no slice, no
// regular expression per cell), and a cell's `<v>` is read in place when it
// is the cell's only content (what every producer writes for a plain value).
// Tags this walk cannot follow (an attribute without quotes…) are read by
// `attr`, as before.

/** Where the last scanAttrs found `r=` and `t=` (start, end in the XML; -1: absent). */
let refStart = -1; let refEnd = -1; let typeStart = -1; let typeEnd = -1;

const isSpace = (ch: number) => ch === 32 || ch === 9 || ch === 13 || ch === 10;

/**
 * Walks the attributes of the start tag between `from` (after its name) and
 * `to` (its `>`, or the `/` of `/>`), noting `r=` and `t=`; false when the tag
 * is not plain `name="value"` pairs (the caller then uses `attr`).
 */
function scanAttrs(xml: string, from: number, to: number): boolean {
  refStart = refEnd = typeStart = typeEnd = -1;
  let p = from;
  for (;;) {
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    if (p >= to) return true;
    const nameStart = p;
    while (p < to) {
      const ch = xml.charCodeAt(p);
      if (ch === 61 /* = */ || isSpace(ch)) break;
      p++;
    }
    const nameEnd = p;
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    if (p >= to || xml.charCodeAt(p) !== 61 || nameEnd === nameStart) return false;
    p++;
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    const quote = xml.charCodeAt(p);
    if (quote !== 34 && quote !== 39) return false;
    const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", p + 1);
    if (valueEnd < 0 || valueEnd >= to) return false;
    // The first of each, as `attr` finds it.
    if (nameEnd - nameStart === 1) {
      const n = xml.charCodeAt(nameStart);
      if (n === 114 /* r */ && refStart < 0) { refStart = p + 1; refEnd = valueEnd; }
      else if (n === 116 /* t */ && typeStart < 0) { typeStart = p + 1; typeEnd = valueEnd; }
    }
    p = valueEnd + 1;
  }
}

/** Where the last cellRef put the reference: 0-based row and column. */
let refRow = -1; let refCol = -1;

/** `A1`, `$B$12` between `from` and `to` → refRow, refCol; false when it is no reference (REF_RE). */
function cellRef(xml: string, from: number, to: number): boolean {
  let p = from;
  if (xml.charCodeAt(p) === 36 /* $ */) p++;
  let col = 0; let letters = 0;
  for (; p < to; p++) {
    const ch = xml.charCodeAt(p);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    letters++;
  }
  if (letters < 1 || letters > 3) return false;
  if (xml.charCodeAt(p) === 36) p++;
  let row = 0; let digits = 0;
  for (; p < to; p++) {
    const ch = xml.charCodeAt(p);
    if (ch < 48 || ch > 57) return false;
    row = row * 10 + (ch - 48);
    digits++;
  }
  if (digits === 0) return false;
  refRow = row - 1;
  refCol = col - 1;
  return true;
}

/** A row's `r=` between `from` and `to` as a number, or -1 when it is not digits only. */
function rowNumber(xml: string, from: number, to: number): number {
  if (to <= from) return -1;
  let n = 0;
  for (let p = from; p < to; p++) {
    const ch = xml.charCodeAt(p);
    if (ch < 48 || ch > 57) return -1;
    n = n * 10 + (ch - 48);
  }
  return n;
}

/**
 * One worksheet's XML → grid, or null when it holds something this path does
 * not read or looks damaged (an unclosed `<c>`: SheetJS then decides).
 * A cell without `r=` is the one after the previous cell of its row, a row
 * without `r=` the one after the previous row, as Excel reads them. A cell
 * in row 0 (`A0`, which no program can show) is left out.
 */
function sheetGrid(rawXml: string, sst: (string | null)[], sheet: string, fileName: string, date1904: boolean): SheetGrid | null {
  const xml = unprefixMain(rawXml);
  const sdStart = nextTag(xml, 'sheetData', 0, xml.length);
  if (sdStart < 0) return { file: fileName, sheet, originRow: 0, originCol: 0, cells: [] };
  const sdEnd = xml.indexOf('</sheetData>', sdStart);
  // The rows are scanned in the part's own text up to `</sheetData>` (a slice is slower to scan).
  const limit = sdEnd < 0 ? sdStart : sdEnd;

  const rows: CellValue[][] = [];
  // Start of the used range: every cell present, stubs included (as SheetJS's !ref grows);
  // its end needs only cells with a value (trailing empties are trimmed anyway).
  let r0 = Infinity; let c0 = Infinity; let r1 = -1;
  let row = -1; let col = -1;
  let pos = sdStart;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0 || lt >= limit) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 114 /* r */ && xml.charCodeAt(lt + 2) === 111 && xml.charCodeAt(lt + 3) === 119 && isTag(xml, lt, 'row')) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0 || gt >= limit) break;
      let n: number;
      if (scanAttrs(xml, lt + 4, xml.charCodeAt(gt - 1) === 47 ? gt - 1 : gt)) n = refStart < 0 ? -1 : rowNumber(xml, refStart, refEnd);
      else {
        const r = attr(xml.slice(lt, gt), 'r');
        n = r !== undefined && /^\d+$/.test(r) ? Number(r) : -1;
      }
      row = n >= 0 ? n - 1 : row + 1;
      col = -1;
      pos = gt + 1;
      continue;
    }
    if (!(next === 99 /* c */ && isTag(xml, lt, 'c'))) { pos = lt + 1; continue; }
    const gt = xml.indexOf('>', lt);
    if (gt < 0 || gt >= limit) return null;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    // The cell's `<v>` read in place when it is all the cell holds (-1: read `inner` instead).
    let vStart = -1; let vEnd = -1;
    let inner = '';
    if (selfClosing) {
      pos = gt + 1;
    } else {
      let end = -1;
      // `<v>…</v></c>` with no markup in the value: what every producer writes for a plain value.
      if (xml.charCodeAt(gt + 1) === 60 && xml.charCodeAt(gt + 2) === 118 && xml.charCodeAt(gt + 3) === 62) {
        let q = gt + 4;
        while (q < limit && xml.charCodeAt(q) !== 60) q++;
        if (q > gt + 4 && q + 8 <= limit && xml.startsWith('</v></c>', q)) {
          vStart = gt + 4; vEnd = q; end = q + 4;
        }
      }
      if (vStart < 0) {
        end = xml.indexOf('</c>', gt);
        // Damaged XML: one more scan here, never one per cell (unclosed cells made this quadratic).
        if (end < 0 || end + 4 > limit || nextTag(xml, 'c', gt, end) >= 0) return null;
        inner = xml.slice(gt + 1, end);
      }
      pos = end + 4;
    }
    let t = 'n';
    let cellRow = row;
    if (scanAttrs(xml, lt + 2, selfClosing ? gt - 1 : gt)) {
      if (refStart >= 0) {
        if (!cellRef(xml, refStart, refEnd)) return null;
        cellRow = refRow;
        col = refCol;
      } else col++;
      if (typeStart >= 0) t = xml.slice(typeStart, typeEnd);
    } else {
      const attrs = xml.slice(lt + 2, gt);
      const ref = attr(attrs, 'r');
      if (ref !== undefined) {
        const rm = REF_RE.exec(ref);
        if (!rm) return null;
        cellRow = Number(rm[2]) - 1;
        col = columnIndex(rm[1]);
      } else {
        col++;
      }
      t = attr(attrs, 't') ?? 'n';
    }
    if (cellRow < 0 || col < 0) continue; // row 0 does not exist (read.ts removes it before SheetJS reads)
    if (cellRow < r0) r0 = cellRow;
    if (col < c0) c0 = col;
    let v: CellValue | undefined;
    if (vStart >= 0 && t !== 'inlineStr') v = rawValue(t, xml.slice(vStart, vEnd), false, sst, date1904);
    else if (vStart >= 0) v = cellValue(t, xml.slice(gt + 1, vEnd + 4), sst, date1904);
    else if (!inner) continue; // a styled empty cell
    else v = cellValue(t, inner, sst, date1904);
    if (v === undefined) return null;
    if (v === null) continue;
    if (cellRow > r1) r1 = cellRow;
    const r = rows[cellRow] ?? (rows[cellRow] = []);
    r[col] = v;
  }
  // The used range: the declared dimension, grown to every cell present.
  clearUnderMerges(rows, mergedAreas(xml.slice(sdEnd < 0 ? sdStart : sdEnd)));
  const dim = /<dimension\s+ref="\$?([A-Z]+)\$?(\d+)/.exec(xml.slice(0, sdStart));
  if (dim && Number(dim[2]) >= 1) {
    r0 = Math.min(r0, Number(dim[2]) - 1);
    c0 = Math.min(c0, columnIndex(dim[1]));
  }
  return buildGrid(rows, r0, c0, r1, sheet, fileName);
}

/**
 * The grids of every worksheet (chart, dialog and macro sheets hold no
 * report: left out), or null when the file needs SheetJS (not a plain zip of
 * XML parts, a worksheet part missing, or holding what this path does not read).
 */
export function readXlsxFast(bytes: Uint8Array, fileName: string): SheetGrid[] | null {
  try {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) return null;
    const dir = checkedZipDirectory(buf, fileName);
    if (!dir || dir.zip64) return null;
    const entries = new Map(dir.entries.map((e) => [e.name, e]));
    const budget = new InflateBudget(fileName);
    const text = (name: string) => {
      const e = entries.get(name);
      return e ? entryText(buf, e, budget) : null;
    };
    const pkg = readPackage((name) => {
      const e = entries.get(name);
      return e ? packagePartText(buf, e, budget) : null;
    }, (name) => entries.has(name));
    if (!pkg) return null; // .xlsb, .ods, not a workbook
    const sst = pkg.sharedStringsPath ? sharedStrings(text(pkg.sharedStringsPath)) : [];

    const grids: SheetGrid[] = [];
    for (const s of pkg.sheets) {
      if (s.kind === 'missing') return null;
      if (s.kind !== 'worksheet' || !s.part) continue;
      const xml = text(s.part);
      if (xml === null) return null;
      const grid = sheetGrid(xml, sst, s.name, fileName, pkg.date1904);
      if (!grid) return null;
      grids.push(withBookFlags(grid, s.hidden, pkg.date1904));
    }
    return grids.length ? grids : null;
  } catch (e) {
    // A refusal by the reading limits is final: SheetJS must not inflate the bomb again.
    if (e instanceof XlsxReadError) throw e;
    return null;
  }
}
