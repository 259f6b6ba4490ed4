/**
 * OutputSheet[] → a styled .xlsx (Node and the pane's browser: no Node
 * builtin here, the zip container is zip-write.ts). The layout is decided in the
 * core; this only copies it out, so the file matches what the add-in writes
 * into the open workbook.
 *
 * SpreadsheetML is written directly and zipped (zip-write.ts; the command
 * line passes Node's zlib, write-node.ts): exceljs,
 * which the first version used, took about a second for a district's
 * output (50,000 cells) plus half a second to load, which alone broke the
 * benchmark target; this takes tens of milliseconds. The tests read the
 * files back with exceljs and SheetJS, two independent parsers.
 */
import { zipEntries, type DeflateRaw, type ZipEntry } from './zip-write';
import { cellAddress, columnLetters, parseRangeAddress } from '../core/address';
import type { CellStyle, ChartSpec, ConditionalFormat, OutputSheet, SheetFont, Validation } from '../core/sheet-model';
import { OUTPUT_FONT as CORE_FONT, PAGE_MARGINS, capCellText, internalLink, listItem, sheetFont } from '../core/sheet-model';
import { uniqueSheetNames } from '../core/layout/names';
import { SHEET_ROW_HEIGHT } from '../core/layout/text-fit';

/** The core's font name (core/sheet-model.ts decides it), kept under its old name for callers. */
export const OUTPUT_FONT = CORE_FONT.name;
/** SpreadsheetML's paper size codes, for `print.paper`. */
const PAPER_CODES: Record<NonNullable<OutputSheet['print']['paper']>, number> = { A4: 9 };
/** Excel's paper size code for A4. */
export const PAPER_A4 = PAPER_CODES.A4;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ---------------------------------------------------------------- text

/** Characters XML 1.0 cannot hold, and a literal `_xHHHH_`, are written as Excel's `_xHHHH_` escapes. */
function escapeText(s: string): string {
  return s
    .replace(/_x([\da-fA-F]{4})_/g, '_x005F_x$1_')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

// ---------------------------------------------------------------- styles

/** Excel's built-in number formats we use; others get custom ids from 164. */
const BUILTIN_NUMFMT: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49,
};

const rgb = (hex: string): string => 'FF' + hex.replace(/^#/, '').toUpperCase().padStart(6, '0').slice(-6);

class Styles {
  private readonly fonts = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly numFmts = new Map<string, number>();
  /**
   * cellXfs indexes by a style's parts, one level per part: looking them up
   * one by one is quicker than building and hashing a key of them all, which
   * every cell with a style object of its own would do.
   */
  private readonly xfs = new Map<unknown, unknown>();
  private readonly fontXml: string[] = [];
  private readonly fillXml: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly xfXml: string[] = [];

  constructor() {
    this.font({}, CORE_FONT);
    this.xf(undefined, false, CORE_FONT);
  }

  private font(s: CellStyle, font: SheetFont): number {
    const size = s.fontSize ?? font.size;
    const key = `${s.bold ? 1 : 0}|${s.italic ? 1 : 0}|${size}|${s.color ?? ''}|${font.name}`;
    let id = this.fonts.get(key);
    if (id === undefined) {
      id = this.fontXml.length;
      this.fonts.set(key, id);
      this.fontXml.push(`<font>${s.bold ? '<b/>' : ''}${s.italic ? '<i/>' : ''}<sz val="${size}"/>${s.color ? `<color rgb="${rgb(s.color)}"/>` : ''}<name val="${escapeAttr(font.name)}"/><family val="1"/></font>`);
    }
    return id;
  }

  private fill(hex: string | undefined): number {
    if (!hex) return 0;
    let id = this.fills.get(hex);
    if (id === undefined) {
      id = this.fillXml.length;
      this.fills.set(hex, id);
      this.fillXml.push(`<fill><patternFill patternType="solid"><fgColor rgb="${rgb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`);
    }
    return id;
  }

  private numFmt(code: string | undefined): number {
    if (!code) return 0;
    if (code in BUILTIN_NUMFMT) return BUILTIN_NUMFMT[code];
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  /**
   * Layouts share style objects between cells (a bordered table's cells
   * share one object per look: core/layout/styles.ts SheetBuilder.border):
   * each object's index (locked cells only), per sheet font. A Map, not a
   * WeakMap: the styles live as long as the sheets being written anyway, and
   * a WeakMap's entries cost far more to add.
   */
  private readonly byObject = new Map<string, Map<CellStyle, number>>();
  /** The last font asked for, its key and its map: a sheet asks for one font, cell after cell. */
  private lastFont: SheetFont | undefined;
  private lastFontKey = '';
  private lastByObject = new Map<CellStyle, number>();

  /** The cellXfs index of a style (and lock state) in a sheet's font, registered on first use. */
  xf(style: CellStyle | undefined, unlocked: boolean, font: SheetFont): number {
    if (font !== this.lastFont) {
      this.lastFont = font;
      this.lastFontKey = `${font.name}|${font.size}`;
      let map = this.byObject.get(this.lastFontKey);
      if (!map) this.byObject.set(this.lastFontKey, (map = new Map()));
      this.lastByObject = map;
    }
    const fontKey = this.lastFontKey;
    const byObject = this.lastByObject;
    if (style && !unlocked) {
      const known = byObject.get(style);
      if (known !== undefined) return known;
    }
    const s = style ?? {};
    const bits = (s.bold ? 1 : 0) | (s.italic ? 2 : 0) | (s.border ? 4 : 0) | (s.wrap ? 8 : 0) | (unlocked ? 16 : 0);
    let node = this.xfs;
    for (const part of [bits, s.fontSize ?? '', s.fill ?? '', s.color ?? '', s.align ?? '', s.valign ?? '', s.numberFormat ?? '']) {
      let next = node.get(part) as Map<unknown, unknown> | undefined;
      if (!next) node.set(part, (next = new Map()));
      node = next;
    }
    let id = node.get(fontKey) as number | undefined;
    if (id !== undefined) {
      if (style && !unlocked) byObject.set(style, id);
      return id;
    }
    const fontId = this.font(s, font);
    const fillId = this.fill(s.fill);
    const borderId = s.border ? 1 : 0;
    const numFmtId = this.numFmt(s.numberFormat);
    const align = [
      s.align ? ` horizontal="${s.align}"` : '',
      s.valign ? ` vertical="${s.valign === 'middle' ? 'center' : 'top'}"` : '',
      s.wrap ? ' wrapText="1"' : '',
    ].join('');
    let xml = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    xml += `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}`;
    xml += `${align ? ' applyAlignment="1"' : ''}${unlocked ? ' applyProtection="1"' : ''}`;
    const children = `${align ? `<alignment${align}/>` : ''}${unlocked ? '<protection locked="0"/>' : ''}`;
    xml += children ? `>${children}</xf>` : '/>';
    id = this.xfXml.length;
    node.set(fontKey, id);
    if (style && !unlocked) byObject.set(style, id);
    this.xfXml.push(xml);
    return id;
  }

  private readonly dxfXml: string[] = [];
  private readonly dxfs = new Map<string, number>();

  /** The dxfs index of a conditional format's look, registered on first use. */
  dxf(s: ConditionalFormat['style']): number {
    const key = `${s.bold ? 1 : 0}|${s.color ?? ''}|${s.fill ?? ''}`;
    let id = this.dxfs.get(key);
    if (id === undefined) {
      id = this.dxfXml.length;
      this.dxfs.set(key, id);
      const font = s.bold || s.color ? `<font>${s.bold ? '<b/>' : ''}${s.color ? `<color rgb="${rgb(s.color)}"/>` : ''}</font>` : '';
      // A conditional format's solid fill takes its colour from bgColor.
      const fill = s.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${rgb(s.fill)}"/></patternFill></fill>` : '';
      this.dxfXml.push(`<dxf>${font}${fill}</dxf>`);
    }
    return id;
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    const thin = '<left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right><top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/>';
    return XML_HEAD + `<styleSheet xmlns="${NS_MAIN}">`
      + (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '')
      + `<fonts count="${this.fontXml.length}">${this.fontXml.join('')}</fonts>`
      + `<fills count="${this.fillXml.length}">${this.fillXml.join('')}</fills>`
      + `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>`
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `<cellXfs count="${this.xfXml.length}">${this.xfXml.join('')}</cellXfs>`
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
      + (this.dxfXml.length ? `<dxfs count="${this.dxfXml.length}">${this.dxfXml.join('')}</dxfs>` : '<dxfs count="0"/>') + `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>`
      + '</styleSheet>';
  }
}

/** Shared strings: every text cell is one, so it can never be read as a formula. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => {
      const space = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '';
      return `<si><t${space}>${escapeText(s)}</t></si>`;
    });
    return XML_HEAD + `<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}

// ---------------------------------------------------------------- sheets

/** Every cell of `A1:C3`-style ranges, as `row,col` (0-based) keys. */
function cellsOfRanges(ranges: string[]): Set<string> {
  const out = new Set<string>();
  for (const r of ranges) {
    const p = parseRangeAddress(r);
    if (!p) continue;
    for (let row = p.r1; row <= p.r2; row++) for (let col = p.c1; col <= p.c2; col++) out.add(`${row},${col}`);
  }
  return out;
}

function validationXml(v: Validation): string {
  const msgs = `${v.prompt ? ` showInputMessage="1" prompt="${escapeAttr(v.prompt)}"` : ''}${v.error ? ` errorTitle="Giá trị không hợp lệ" error="${escapeAttr(v.error)}"` : ''}`;
  const head = (type: string, operator: string) =>
    `<dataValidation type="${type}"${operator ? ` operator="${operator}"` : ''} allowBlank="1" showErrorMessage="1"${msgs} sqref="${escapeAttr(v.range.replace(/\$/g, ''))}">`;
  switch (v.type) {
    case 'list': {
      // A literal list is one quoted formula; the items come without commas or quotes (core sheet-model.ts listItem),
      // which is applied again here for hand-made sheets (a no-op on the layout's).
      const items = v.values.map(listItem).join(',');
      return `${head('list', '')}<formula1>${escapeText(`"${items}"`)}</formula1></dataValidation>`;
    }
    case 'wholeNumber':
      return v.max === undefined
        ? `${head('whole', 'greaterThanOrEqual')}<formula1>${v.min}</formula1></dataValidation>`
        : `${head('whole', 'between')}<formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`;
    case 'decimal':
      return `${head('decimal', 'between')}<formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`;
  }
}

function paneXml(freeze: OutputSheet['freeze']): string {
  if (!freeze || (freeze.rows <= 0 && freeze.cols <= 0)) return '';
  const { rows, cols } = freeze;
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const topLeft = cellAddress(Math.max(rows, 0), Math.max(cols, 0));
  return `<pane${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>`
    + `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

/**
 * The worksheet children this writer uses, in the order CT_Worksheet
 * requires (ECMA-376 Part 1 §18.3.1.99): Excel calls a sheet whose children
 * are out of order damaged, so the sheet is assembled by this list.
 */
const WORKSHEET_CHILDREN = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetProtection',
  'mergeCells', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'rowBreaks', 'colBreaks', 'drawing'] as const;
type WorksheetChild = (typeof WORKSHEET_CHILDREN)[number];

function sheetXml(sheet: OutputSheet, first: boolean, styles: Styles, sst: SharedStrings, hasDrawing = false): string {
  const unlocked = sheet.protection ? cellsOfRanges(sheet.protection.unlockedRanges) : new Set<string>();
  const unlockedByRow = new Map<number, number[]>();
  for (const key of unlocked) {
    const [r, c] = key.split(',').map(Number);
    const list = unlockedByRow.get(r);
    if (list) list.push(c);
    else unlockedByRow.set(r, [c]);
  }
  const font = sheetFont(sheet);
  const heights = sheet.rowHeights ?? {};
  const grow = new Set(sheet.growRows ?? []);
  const lastRow = Math.max(sheet.rows.length - 1, ...Object.keys(heights).map(Number), ...unlockedByRow.keys());
  let maxCol = 0;
  const links: string[] = [];

  const rowsXml: string[] = [];
  for (let r = 0; r <= lastRow; r++) {
    const row = sheet.rows[r] ?? [];
    const extra = unlockedByRow.get(r);
    const cols = extra ? [...new Set([...row.keys(), ...extra])].sort((a, b) => a - b) : [...row.keys()];
    const cellsXml: string[] = [];
    for (const c of cols) {
      const cell = row[c];
      const isUnlocked = unlocked.size > 0 && unlocked.has(`${r},${c}`);
      if (!cell && !isUnlocked) continue;
      const s = styles.xf(cell?.style, isUnlocked, font);
      const ref = `${columnLetters(c)}${r + 1}`;
      const v = cell?.v;
      const sAttr = s ? ` s="${s}"` : '';
      // A link inside the workbook: `location` only, no relationship (ECMA-376 §18.3.1.47).
      if (cell?.link) links.push(`<hyperlink ref="${ref}" location="${escapeAttr(internalLink(cell.link))}" display="${escapeAttr(typeof v === 'string' ? v : internalLink(cell.link))}"/>`);
      // The layout's own formulas only (sheet-model.ts OutCell.formula); no cached value: the workbook asks for a recalculation.
      if (cell?.formula) cellsXml.push(`<c r="${ref}"${sAttr}><f>${escapeText(cell.formula)}</f></c>`);
      // Excel refuses (and calls the file damaged) a cell longer than 32,767 characters.
      else if (typeof v === 'string' && v !== '') cellsXml.push(`<c r="${ref}"${sAttr} t="s"><v>${sst.id(capCellText(v))}</v></c>`);
      else if (typeof v === 'number' && Number.isFinite(v)) cellsXml.push(`<c r="${ref}"${sAttr}><v>${v}</v></c>`);
      else if (s) cellsXml.push(`<c r="${ref}"${sAttr}/>`);
      else continue;
      if (c > maxCol) maxCol = c;
    }
    const ht = heights[r];
    if (!cellsXml.length && ht === undefined) continue;
    // A grown row (sheet-model.ts growRows): its height without the custom mark, so Excel fits it to what is typed.
    rowsXml.push(`<row r="${r + 1}"${ht !== undefined ? ` ht="${ht}"${grow.has(r) ? '' : ' customHeight="1"'}` : ''}>${cellsXml.join('')}</row>`);
  }

  const colsXml = sheet.columnWidths
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ''))
    .join('');
  const dim = rowsXml.length ? `A1:${cellAddress(Math.max(lastRow, 0), maxCol)}` : 'A1';
  const merges = sheet.merges.filter((m) => {
    const p = parseRangeAddress(m);
    return p && (p.r1 !== p.r2 || p.c1 !== p.c2);
  });
  const validations = sheet.validations ?? [];
  const print = sheet.print;
  // A fixed scale (the layout's choice for legible text) or, without one, fitted: to the width, or to one page.
  const fit = print.scale === undefined;
  const breaks = print.colBreaks ?? [];
  const rowBreaks = print.rowBreaks ?? [];
  const m = PAGE_MARGINS;

  const children: Partial<Record<WorksheetChild, string>> = {
    sheetPr: fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '',
    dimension: `<dimension ref="${dim}"/>`,
    sheetViews: `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0">${paneXml(sheet.freeze)}</sheetView></sheetViews>`,
    sheetFormatPr: `<sheetFormatPr defaultRowHeight="${SHEET_ROW_HEIGHT}"/>`,
    cols: colsXml && `<cols>${colsXml}</cols>`,
    sheetData: `<sheetData>${rowsXml.join('')}</sheetData>`,
    sheetProtection: sheet.protection && '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>',
    mergeCells: merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m.replace(/\$/g, '')}"/>`).join('')}</mergeCells>` : '',
    conditionalFormatting: (sheet.conditionalFormats ?? []).map((f, i) =>
      `<conditionalFormatting sqref="${escapeAttr(f.range)}"><cfRule type="expression" dxfId="${styles.dxf(f.style)}" priority="${i + 1}"><formula>${escapeText(f.formula)}</formula></cfRule></conditionalFormatting>`).join(''),
    dataValidations: validations.length ? `<dataValidations count="${validations.length}">${validations.map(validationXml).join('')}</dataValidations>` : '',
    hyperlinks: links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '',
    printOptions: '<printOptions horizontalCentered="1"/>',
    pageMargins: `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
    pageSetup: `<pageSetup paperSize="${PAPER_CODES[print.paper ?? 'A4']}"${fit ? '' : ` scale="${Math.round(print.scale!)}"`} orientation="${print.orientation}"`
      + `${fit ? ` fitToWidth="1" fitToHeight="${print.onePage ? 1 : 0}"` : ''}/>`,
    rowBreaks: rowBreaks.length ? `<rowBreaks count="${rowBreaks.length}" manualBreakCount="${rowBreaks.length}">${rowBreaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>` : '',
    colBreaks: breaks.length ? `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join('')}</colBreaks>` : '',
    drawing: hasDrawing ? '<drawing r:id="rId1"/>' : '',
  };
  return XML_HEAD + `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`
    + WORKSHEET_CHILDREN.map((name) => children[name] ?? '').join('')
    + '</worksheet>';
}

// ---------------------------------------------------------------- charts

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/** Office's default series fills, given explicitly: the workbook carries no theme for Excel to take them from. */
const SERIES_COLORS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E', '636363', '997300'];

/** `'TH Nam Đông'!$C$10:$C$20`: always quoted, quotes doubled, so any sheet name works in a formula. */
function absRef(sheetName: string, r1: number, c1: number, r2: number, c2: number): string {
  const q = `'${sheetName.replace(/'/g, "''")}'`;
  const a = `$${columnLetters(c1)}$${r1 + 1}`;
  return r1 === r2 && c1 === c2 ? `${q}!${a}` : `${q}!${a}:$${columnLetters(c2)}$${r2 + 1}`;
}

function cellValue(sheet: OutputSheet, r: number, c: number): string | number | null {
  const v = sheet.rows[r]?.[c]?.v;
  return v === undefined ? null : v;
}

function strCache(values: (string | number | null)[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`)).join('')}</c:strCache>`;
}

/** Blank or text cells get no point: Excel leaves a gap there, not a zero. */
function numCache(values: (string | number | null)[], format: string): string {
  return `<c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('')}</c:numCache>`;
}

/** Size, weight and typeface of chart text, inside an `a:defRPr`/`a:rPr`: the cells' font, so chart and table print alike. */
function runProps(size: number, bold: boolean, font: SheetFont): string {
  const face = escapeAttr(font.name);
  return `sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="${face}"/><a:cs typeface="${face}"/>`;
}

/** Text properties of an axis, the legend or the whole chart. */
function txPr(size: number, font: SheetFont): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${runProps(size, false, font)}</a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
}

/** The format of a data column's first number; the text format `@` would show no number on the axis. */
function columnFormat(sheet: OutputSheet, r1: number, r2: number, c: number): string {
  for (let r = r1; r <= r2; r++) {
    const cell = sheet.rows[r]?.[c];
    if (typeof cell?.v === 'number') {
      const f = cell.style?.numberFormat ?? 'General';
      return f === '@' ? 'General' : f;
    }
  }
  return 'General';
}

const AXIS_LINE = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>';

/**
 * A clustered column or bar chart of `dataRange`: series names in its first
 * row, categories in its first column, one series per further column. The
 * caches hold the cells' values, so viewers that do not recalculate
 * (previewers, LibreOffice) draw the bars too.
 */
function chartXml(sheet: OutputSheet, sheetName: string, spec: ChartSpec): string | null {
  const p = parseRangeAddress(spec.dataRange);
  if (!p || p.r2 <= p.r1 || p.c2 <= p.c1) return null;
  const font = sheetFont(sheet);
  const cats = [];
  for (let r = p.r1 + 1; r <= p.r2; r++) cats.push(cellValue(sheet, r, p.c1));
  const series = [];
  const numbers: number[] = [];
  for (let c = p.c1 + 1; c <= p.c2; c++) {
    const vals = [];
    for (let r = p.r1 + 1; r <= p.r2; r++) {
      const v = cellValue(sheet, r, c);
      vals.push(v);
      if (typeof v === 'number' && Number.isFinite(v)) numbers.push(v);
    }
    const i = c - p.c1 - 1;
    series.push(`<c:ser><c:idx val="${i}"/><c:order val="${i}"/>`
      + `<c:tx><c:strRef><c:f>${escapeText(absRef(sheetName, p.r1, c, p.r1, c))}</c:f>${strCache([cellValue(sheet, p.r1, c)])}</c:strRef></c:tx>`
      + `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLORS[i % SERIES_COLORS.length]}"/></a:solidFill></c:spPr>`
      + '<c:invertIfNegative val="0"/>'
      + `<c:cat><c:strRef><c:f>${escapeText(absRef(sheetName, p.r1 + 1, p.c1, p.r2, p.c1))}</c:f>${strCache(cats)}</c:strRef></c:cat>`
      + `<c:val><c:numRef><c:f>${escapeText(absRef(sheetName, p.r1 + 1, c, p.r2, c))}</c:f>${numCache(vals, columnFormat(sheet, p.r1 + 1, p.r2, c))}</c:numRef></c:val>`
      + '</c:ser>');
  }
  const horizontal = spec.type === 'barClustered';
  const valFormat = columnFormat(sheet, p.r1 + 1, p.r2, p.c1 + 1);
  // Counts and rates start at zero (Excel would start a 95–100 % axis at 90 %);
  // a rate axis runs to 100 %, ticks every 20 % without decimals.
  const nonNegative = numbers.every((v) => v >= 0);
  const rateAxis = valFormat.includes('%') && nonNegative && numbers.every((v) => v <= 1);
  // CT_Scaling: orientation, max, min.
  const scaling = `<c:scaling><c:orientation val="minMax"/>${rateAxis ? '<c:max val="1"/>' : ''}${nonNegative ? '<c:min val="0"/>' : ''}</c:scaling>`;
  const title = '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>'
    + `<a:pPr><a:defRPr ${runProps(1200, true, font)}</a:defRPr></a:pPr>`
    + `<a:r><a:rPr lang="vi-VN" ${runProps(1200, true, font)}</a:rPr><a:t>${escapeText(spec.title)}</a:t></a:r>`
    + '</a:p></c:rich></c:tx><c:overlay val="0"/></c:title>';
  // A horizontal bar chart lists the units top-down like the table: categories
  // in reverse order, the value axis then crossing at the far end (the bottom).
  const catAx = `<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>`
    + `<c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/>`
    + `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${AXIS_LINE}${txPr(900, font)}`
    + '<c:crossAx val="222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valAx = `<c:valAx><c:axId val="222"/>${scaling}<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/>`
    + '<c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
    + (rateAxis ? '<c:numFmt formatCode="0%" sourceLinked="0"/>' : `<c:numFmt formatCode="${escapeAttr(valFormat)}" sourceLinked="1"/>`)
    + `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${AXIS_LINE}${txPr(900, font)}`
    + `<c:crossAx val="111"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>${rateAxis ? '<c:majorUnit val="0.2"/>' : ''}</c:valAx>`;
  return XML_HEAD + `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_REL}">`
    + '<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>'
    + `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>`
    + `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join('')}`
    + '<c:gapWidth val="80"/><c:axId val="111"/><c:axId val="222"/></c:barChart>'
    + catAx + valAx
    + '</c:plotArea>'
    // One series is named by the title already: no legend.
    + `${series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(900, font)}</c:legend>` : ''}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`
    + '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>'
    + txPr(1000, font)
    + '</c:chartSpace>';
}

/** The drawing that places a sheet's charts: each spans `width` columns × `height` rows from its anchor cell. */
function drawingXml(anchors: { spec: ChartSpec; at: { r1: number; c1: number }; rid: string }[]): string {
  const parts = anchors.map(({ spec, at, rid }, i) => {
    const marker = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return '<xdr:twoCellAnchor editAs="oneCell">'
      + marker('from', at.c1, at.r1) + marker('to', at.c1 + Math.max(1, Math.round(spec.width)), at.r1 + Math.max(1, Math.round(spec.height)))
      + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`Biểu đồ ${i + 1}`)}" descr="${escapeAttr(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
      + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
      + `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${rid}"/></a:graphicData></a:graphic>`
      + '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
  });
  return XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_REL}">${parts.join('')}</xdr:wsDr>`;
}

/** The charts of a sheet that can be drawn: a data range with data, an anchor cell. */
function sheetCharts(sheet: OutputSheet, sheetName: string): { spec: ChartSpec; at: { r1: number; c1: number }; xml: string }[] {
  return (sheet.charts ?? []).flatMap((spec) => {
    const at = parseRangeAddress(spec.anchor);
    const xml = at ? chartXml(sheet, sheetName, spec) : null;
    return at && xml ? [{ spec, at, xml }] : [];
  });
}

const relsXml = (rels: { id: string; type: string; target: string }[]) =>
  XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${NS_REL}/${r.type}" Target="${r.target}"/>`).join('')}</Relationships>`;

/** Excel refuses some names and any case-insensitive duplicate: each made valid and unique by the core's one sanitiser. */
export { uniqueSheetNames };

/** `A1:F20` → `$A$1:$F$20`. */
function absoluteRange(range: string): string {
  return range.replace(/\$/g, '').replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

function workbookXml(names: string[], sheets: OutputSheet[]): string {
  const defined = sheets.flatMap((s, i) => {
    const { repeatRows: rows, repeatCols: cols, area } = s.print;
    const quoted = `'${names[i].replace(/'/g, "''")}'`;
    const out: string[] = [];
    if (area) out.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeText(`${quoted}!${absoluteRange(area)}`)}</definedName>`);
    // Columns first, then rows, as Excel writes print titles.
    const titles = [
      ...(cols ? [`${quoted}!$${columnLetters(cols[0])}:$${columnLetters(cols[1])}`] : []),
      ...(rows ? [`${quoted}!$${rows[0]}:$${rows[1]}`] : []),
    ];
    if (titles.length) out.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(titles.join(','))}</definedName>`);
    return out;
  });
  return XML_HEAD + `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`
    + '<bookViews><workbookView activeTab="0"/></bookViews>'
    + `<sheets>${names.map((n, i) => `<sheet name="${escapeAttr(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>`
    + (defined.length ? `<definedNames>${defined.join('')}</definedNames>` : '')
    // Formula cells are written without a cached value (the check block): have them computed on opening.
    + `<calcPr calcId="191029"${sheets.some((s) => s.rows.some((row) => row.some((c) => c?.formula))) ? ' fullCalcOnLoad="1"' : ''}/>`
    + '</workbook>';
}

// ---------------------------------------------------------------- zip

/** An entry of the package (zip-write.ts, the container both Node and the pane use). */
type ZipFile = ZipEntry;

// ---------------------------------------------------------------- workbook

/**
 * fflate's deflater, loaded when a caller gives none (the pane, app.html):
 * the command line gives Node's and never loads fflate. Eager for webpack:
 * no chunk of its own (app.html opens from file://, where none could load).
 */
async function fflateDeflater(): Promise<DeflateRaw> {
  return (await import(/* webpackMode: "eager" */ './deflate-fflate')).fflateDeflateRaw;
}

export interface WriteOptions {
  /** Creation date stamped in the file (default now): fixed for committed example files. */
  date?: Date;
  /** The DEFLATE of the package (default fflate, deflate-fflate.ts); the command line passes Node's (write-node.ts). */
  deflateRaw?: DeflateRaw;
  /** The CRC-32 of the package's entries (default JavaScript; Node's zlib.crc32 in write-node.ts). */
  crc32?: (data: Uint8Array) => number;
}

/**
 * Writes the sheets into a new workbook. Strings are always shared strings
 * (text, never a formula, whatever they start with); cells the layout marks
 * `@` also get the Text number format. Charts (`OutputSheet.charts`) are
 * written as native Excel charts reading their data range in the sheet, in
 * the cells' font; a chart whose range holds no data column or whose anchor
 * is no cell is left out.
 */
export async function writeXlsx(sheets: OutputSheet[], options: WriteOptions = {}): Promise<Buffer> {
  const when = options.date ?? new Date();
  if (sheets.length === 0) throw new Error('Không có trang nào để ghi.');
  const styles = new Styles();
  const sst = new SharedStrings();
  const names = uniqueSheetNames(sheets);
  const n = sheets.length;
  // Native charts: per sheet with charts, one drawing holding them, one part per chart.
  const chartFiles: ZipFile[] = [];
  const chartOverrides: string[] = [];
  let chartCount = 0;
  let drawingCount = 0;
  const hasDrawing = sheets.map((s, i) => {
    const charts = sheetCharts(s, names[i]);
    if (!charts.length) return false;
    const d = ++drawingCount;
    const anchors = charts.map((c, k) => {
      const id = ++chartCount;
      chartFiles.push({ name: `xl/charts/chart${id}.xml`, data: Buffer.from(c.xml, 'utf8') });
      chartOverrides.push(`<Override PartName="/xl/charts/chart${id}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
      return { spec: c.spec, at: c.at, rid: `rId${k + 1}`, target: `../charts/chart${id}.xml` };
    });
    chartFiles.push({ name: `xl/drawings/drawing${d}.xml`, data: Buffer.from(drawingXml(anchors), 'utf8') });
    chartFiles.push({ name: `xl/drawings/_rels/drawing${d}.xml.rels`, data: Buffer.from(relsXml(anchors.map((a) => ({ id: a.rid, type: 'chart', target: a.target }))), 'utf8') });
    chartFiles.push({ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: Buffer.from(relsXml([{ id: 'rId1', type: 'drawing', target: `../drawings/drawing${d}.xml` }]), 'utf8') });
    chartOverrides.push(`<Override PartName="/xl/drawings/drawing${d}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    return true;
  });
  const sheetFiles = sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(sheetXml(s, i === 0, styles, sst, hasDrawing[i]), 'utf8') }));
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') + chartOverrides.join('');
  const contentTypes = XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + overrides
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    + '</Types>';
  const rootRels = XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}">`
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    + '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    + '</Relationships>';
  const wbRels = XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}">`
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`
    + `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`
    + '</Relationships>';
  const now = when.toISOString().replace(/\.\d+Z$/, 'Z');
  const core = XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + '<dc:creator>Tổng hợp CCHC</dc:creator>'
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified>`
    + '</cp:coreProperties>';
  const app = XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>';

  const text = (name: string, s: string): ZipFile => ({ name, data: Buffer.from(s, 'utf8') });
  // Shared strings and styles are complete only after every sheet is written.
  const zipped = zipEntries([
    text('[Content_Types].xml', contentTypes),
    text('_rels/.rels', rootRels),
    text('docProps/core.xml', core),
    text('docProps/app.xml', app),
    text('xl/workbook.xml', workbookXml(names, sheets)),
    text('xl/_rels/workbook.xml.rels', wbRels),
    text('xl/styles.xml', styles.xml()),
    text('xl/sharedStrings.xml', sst.xml()),
    ...sheetFiles,
    ...chartFiles,
  ], { when, deflateRaw: options.deflateRaw ?? (await fflateDeflater()), ...(options.crc32 ? { crc32: options.crc32 } : {}) });
  // A Buffer for the command line's callers; in the pane webpack's ProvidePlugin gives `Buffer` (webpack.config.js).
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
