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

/** The text of a `<si>` or `<is>`: its `<t>` runs, phonetic guides left out. */
function richText(inner: string): string {
  const body = inner.indexOf('<rPh') >= 0 ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : inner;
  let out = '';
  const re = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += m[1] ?? '';
  return unescapeXml(out);
}

function sharedStrings(raw: string | null): string[] {
  if (!raw) return [];
  const xml = unprefixMain(raw);
  const out: string[] = [];
  // `<si/>` is an empty string and keeps its index (SheetJS skips it: read.ts works around that).
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] ? richText(m[1]) : '');
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
function cellValue(t: string, inner: string, sst: string[], date1904: boolean): CellValue | undefined {
  if (t === 'inlineStr') {
    const at = nextTag(inner, 'is', 0, inner.length);
    const end = inner.indexOf('</is>', at);
    return at >= 0 && end >= 0 ? textValue(richText(inner.slice(at, end))) : null;
  }
  const hasFormula = nextTag(inner, 'f', 0, inner.length) >= 0;
  const raw = valueText(inner);
  // A text result that is empty (`=IF(…;"";…)`: Excel saves `<v></v>` or `<v/>`): an empty cell, as Excel shows it.
  if (t === 'str' && raw === '') return null;
  // No stored value: a formula Excel never calculated (docs/spec/TEMPLATE.md §3), or a styled empty cell.
  if (raw === null || raw === '') return hasFormula ? { error: NO_CACHED_VALUE } : null;
  switch (t) {
    case 'n': {
      const n = Number(raw.trim());
      return Number.isFinite(n) && raw.trim() !== '' ? n : { error: NOT_A_NUMBER_ERROR };
    }
    case 's': {
      const s = sst[Number(raw)];
      return s === undefined ? undefined : textValue(s);
    }
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

/**
 * One worksheet's XML → grid, or null when it holds something this path does
 * not read or looks damaged (an unclosed `<c>`: SheetJS then decides).
 * A cell without `r=` is the one after the previous cell of its row, a row
 * without `r=` the one after the previous row, as Excel reads them. A cell
 * in row 0 (`A0`, which no program can show) is left out.
 */
function sheetGrid(rawXml: string, sst: string[], sheet: string, fileName: string, date1904: boolean): SheetGrid | null {
  const xml = unprefixMain(rawXml);
  const sdStart = nextTag(xml, 'sheetData', 0, xml.length);
  if (sdStart < 0) return { file: fileName, sheet, originRow: 0, originCol: 0, cells: [] };
  const sdEnd = xml.indexOf('</sheetData>', sdStart);
  const data = sdEnd < 0 ? '' : xml.slice(sdStart, sdEnd);

  const rows: CellValue[][] = [];
  // Start of the used range: every cell present, stubs included (as SheetJS's !ref grows);
  // its end needs only cells with a value (trailing empties are trimmed anyway).
  let r0 = Infinity; let c0 = Infinity; let r1 = -1;
  let row = -1; let col = -1;
  let pos = 0;
  for (;;) {
    const lt = data.indexOf('<', pos);
    if (lt < 0) break;
    if (data.startsWith('<row', lt) && isTag(data, lt, 'row')) {
      const gt = data.indexOf('>', lt);
      if (gt < 0) break;
      const r = attr(data.slice(lt, gt), 'r');
      row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : row + 1;
      col = -1;
      pos = gt + 1;
      continue;
    }
    if (!(data.startsWith('<c', lt) && isTag(data, lt, 'c'))) { pos = lt + 1; continue; }
    const gt = data.indexOf('>', lt);
    if (gt < 0) return null;
    const attrs = data.slice(lt + 2, gt);
    let inner = '';
    if (data.charCodeAt(gt - 1) === 47) {
      pos = gt + 1;
    } else {
      const end = data.indexOf('</c>', gt);
      // Damaged XML: one more scan here, never one per cell (unclosed cells made this quadratic).
      if (end < 0 || nextTag(data, 'c', gt, end) >= 0) return null;
      inner = data.slice(gt + 1, end);
      pos = end + 4;
    }
    const ref = attr(attrs, 'r');
    let cellRow = row;
    if (ref !== undefined) {
      const rm = REF_RE.exec(ref);
      if (!rm) return null;
      cellRow = Number(rm[2]) - 1;
      col = columnIndex(rm[1]);
    } else {
      col++;
    }
    if (cellRow < 0 || col < 0) continue; // row 0 does not exist (read.ts removes it before SheetJS reads)
    if (cellRow < r0) r0 = cellRow;
    if (col < c0) c0 = col;
    if (!inner) continue; // a styled empty cell
    const v = cellValue(attr(attrs, 't') ?? 'n', inner, sst, date1904);
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
    const pkg = readPackage(text, (name) => entries.has(name));
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
