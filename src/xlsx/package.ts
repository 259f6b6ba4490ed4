/**
 * The structure of an .xlsx/.xlsm/.xltx package as both readers need it
 * (fast-read.ts on Node's zlib, read.ts on SheetJS's zip container): which
 * parts are worksheets, which sheets are hidden, where the shared strings
 * are, which date system the workbook uses. Plain text in, plain data out:
 * no zip, no SheetJS, no Node.
 */
import { columnIndex } from '../core/address';

const ENTITY: Record<string, string> = { quot: '"', apos: "'", gt: '>', lt: '<', amp: '&' };

/** XML text → string, with `_xHHHH_` escapes as Excel writes them (as SheetJS does), CDATA kept verbatim. */
export function unescapeXml(raw: string): string {
  if (raw.indexOf('<![CDATA[') >= 0) {
    // CDATA content is literal text: neither entities nor line-break folding apply inside it.
    return raw.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((part) =>
      part.startsWith('<![CDATA[') ? part.slice(9, -3) : unescapeXml(part)).join('');
  }
  // XML reads a raw line break (CR LF or CR) as LF; an escaped `&#13;` stays CR.
  const s = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(?:(quot|apos|gt|lt|amp)|#x([\da-fA-F]+)|#(\d+));/g, (m, name: string, hex: string, dec: string) => {
      if (name) return ENTITY[name];
      const code = hex ? parseInt(hex, 16) : parseInt(dec, 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .replace(/_x([\da-fA-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const ATTR_RE = new Map<string, RegExp>();

/** An attribute of a start tag (any namespace prefix on the attribute is not matched: pass it in `name`). */
export function attr(tag: string, name: string): string | undefined {
  let re = ATTR_RE.get(name);
  if (!re) ATTR_RE.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The spreadsheet namespaces: transitional (what Excel writes) and Strict ISO 29500. */
const MAIN_NS = /^http:\/\/(?:schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main|purl\.oclc\.org\/ooxml\/spreadsheetml\/main)$/;

/**
 * `<x:worksheet xmlns:x="…main">…<x:c>` (written by some libraries and
 * by .NET's XmlWriter) → the same XML without the prefix, so that one
 * scanner reads both. Unprefixed XML is returned as it is.
 */
export function unprefixMain(xml: string): string {
  const decls = xml.slice(0, 2000).matchAll(/xmlns:([\w.-]+)\s*=\s*"([^"]*)"/g);
  for (const [, prefix, ns] of decls) {
    if (!MAIN_NS.test(ns)) continue;
    return xml.replace(new RegExp(`<(/?)${prefix.replace(/[.-]/g, '\\$&')}:`, 'g'), '<$1');
  }
  return xml;
}

/** `<ns0:Relationships>`, `<ns0:Types>` … → the same without the prefix (package parts: relationships, content types), for SheetJS. */
export function unprefixPackagePart(xml: string): string {
  return /<[\w.-]+:(?:Relationships|Types)\b/.test(xml) ? xml.replace(/<(\/?)[\w.-]+:(Relationships?|Types|Default|Override)\b/g, '<$1$2') : xml;
}

/**
 * What a number cell whose stored text is not a number (`<v>1,5</v>`, a
 * comma for the decimal point written by a script) reads as, in both
 * readers: Excel shows no number there (it repairs the file), so the unit's
 * figure is an error to correct, never the 1 that parseFloat would make of it.
 */
export const NOT_A_NUMBER_ERROR = '#VALUE!';

/** A merged area of a sheet, 0-based, both corners included. */
export interface MergedArea { r0: number; c0: number; r1: number; c1: number }

/** The merged areas (`<mergeCell ref="C29:D29"/>`) of a worksheet's XML, prefix removed. */
export function mergedAreas(xml: string): MergedArea[] {
  const out: MergedArea[] = [];
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\sref\s*=\s*"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?"/g)) {
    const r0 = Number(m[2]) - 1; const c0 = columnIndex(m[1]);
    out.push({ r0, c0, r1: m[4] ? Number(m[4]) - 1 : r0, c1: m[3] ? columnIndex(m[3]) : c0 });
  }
  return out;
}

/** What a `<sheet>` of the workbook is; only worksheets can hold a report. */
export type SheetKind = 'worksheet' | 'chart' | 'dialog' | 'macro' | 'none' | 'missing';

export interface PackageSheet {
  name: string;
  kind: SheetKind;
  /** The part's path inside the zip (worksheets, charts…), when it has one. */
  part?: string;
  /** `state="hidden"` or `"veryHidden"`. */
  hidden: boolean;
  /** The `<sheet …>` tag as written, for the SheetJS workaround that removes it. */
  tag: string;
}

export interface WorkbookPackage {
  workbookPath: string;
  /** The workbook part's XML, prefix removed. */
  workbookXml: string;
  sheets: PackageSheet[];
  sharedStringsPath?: string;
  /** `<workbookPr date1904="1">`: serial 0 is 1 January 1904 (old Mac Excel's default). */
  date1904: boolean;
}

function kindOf(type: string): SheetKind {
  if (/\/worksheet$/.test(type)) return 'worksheet';
  if (/\/chartsheet$/.test(type)) return 'chart';
  if (/\/dialogsheet$/.test(type)) return 'dialog';
  if (/\/xl(?:Intl)?Macrosheet$/i.test(type)) return 'macro';
  return 'none';
}

interface WorkbookTargets {
  /** Relationship id → the part's type and path. */
  targets: ReadonlyMap<string, { type: string; path: string }>;
  sharedStringsPath?: string;
}

/**
 * The workbook's relationships, read once per distinct text: the files of a
 * province's reports mostly carry the very same part (fast-read.ts reads a
 * thousand of them in one run). Bounded; forgetting is always safe.
 */
const TARGETS_MEMO_LIMIT = 64;
let targetsMemo = new Map<string, WorkbookTargets>();

function workbookTargets(workbookPath: string, rels: string): WorkbookTargets {
  const key = `${workbookPath}\u0000${rels}`;
  const known = targetsMemo.get(key);
  if (known) return known;
  const targets = new Map<string, { type: string; path: string }>();
  let sharedStringsPath: string | undefined;
  for (const rel of rels.match(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g) ?? []) {
    const type = attr(rel, 'Type') ?? '';
    const path = resolveTarget(workbookPath, attr(rel, 'Target') ?? '');
    const id = attr(rel, 'Id');
    if (id) targets.set(id, { type, path });
    if (/\/sharedStrings$/.test(type)) sharedStringsPath = path;
  }
  if (targetsMemo.size >= TARGETS_MEMO_LIMIT) targetsMemo = new Map();
  const read = { targets, sharedStringsPath };
  targetsMemo.set(key, read);
  return read;
}

/**
 * The workbook's sheets and parts, or null when the package has no XML
 * workbook (an .xlsb, an .ods, not a workbook at all). `text` gives a part's
 * text, `has` whether a part exists (without inflating it).
 */
export function readPackage(text: (path: string) => string | null, has: (path: string) => boolean): WorkbookPackage | null {
  const rootRels = text('_rels/.rels');
  // `<ns0:Relationship …>`: Python's ElementTree writes the package namespace with a prefix; Excel reads it.
  const officeDoc = rootRels ? /<(?:[\w.-]+:)?Relationship\b[^>]*\/officeDocument"[^>]*>/.exec(rootRels) : null;
  const workbookPath = officeDoc ? resolveTarget('', attr(officeDoc[0], 'Target') ?? '') : 'xl/workbook.xml';
  if (!/\.xml$/i.test(workbookPath)) return null;
  const rawWb = text(workbookPath);
  if (rawWb === null) return null;
  const workbookXml = unprefixMain(rawWb);
  const rels = text(workbookPath.replace(/[^/]*$/, (f) => `_rels/${f}.rels`)) ?? '';
  const { targets, sharedStringsPath } = workbookTargets(workbookPath, rels);
  const sheets: PackageSheet[] = [];
  for (const tag of workbookXml.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = unescapeXml(attr(tag, 'name') ?? '');
    const state = attr(tag, 'state');
    const hidden = state === 'hidden' || state === 'veryHidden';
    const rid = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const rel = rid ? targets.get(rid) : undefined;
    // `<sheet r:id="">`: a legacy macro or dialog sheet Excel keeps without a part.
    if (!rel) { sheets.push({ name, kind: 'none', hidden, tag }); continue; }
    const kind = kindOf(rel.type);
    sheets.push({ name, kind: kind === 'worksheet' && !has(rel.path) ? 'missing' : kind, part: rel.path, hidden, tag });
  }
  const pr = /<workbookPr\b[^>]*>/.exec(workbookXml);
  const d1904 = pr ? attr(pr[0], 'date1904') : undefined;
  return { workbookPath, workbookXml, sheets, sharedStringsPath, date1904: d1904 === '1' || d1904 === 'true' };
}
