/**
 * Native Excel charts added to a finished .xlsx. Opens the zip and adds, for
 * every ChartSpec of a sheet, a DrawingML chart part, a drawing anchoring it
 * over the cells, the relationships that tie sheet → drawing → chart, the
 * worksheet's `<drawing>` element and the content types. The Office.js
 * writer makes the same charts with `worksheet.charts.add`.
 *
 * The .xlsx writer (write.ts) now draws the charts itself; this is for files
 * written without them (exceljs, an older writer): a chart already anchored
 * at a spec's cell counts as present, so on the writer's own output this
 * changes nothing.
 *
 * Charts carry cached values taken from the OutputSheet, so viewers that do
 * not recalculate (previewers, LibreOffice before a refresh) show the bars.
 * Unchanged parts keep their compressed bytes (jszip passes them through);
 * the sheets that get a chart are inflated and deflated again.
 */
import JSZip from 'jszip';
import { columnLetters, parseRangeAddress } from '../core/address';
import type { ChartSpec, OutCell, OutputSheet } from '../core/sheet-model';

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const REL_DRAWING = `${NS_REL}/drawing`;
const REL_CHART = `${NS_REL}/chart`;
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Same font as the cells (write.ts): Vietnamese offices print in Times New Roman. */
const CHART_FONT = 'Times New Roman';
/** Office's default series colours, given explicitly: the workbook has no theme part to take them from. */
const SERIES_COLOURS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E', '636363', '997300'];

// ---------------------------------------------------------------- XML text

function escapeXml(s: string): string {
  return s
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '');
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[\da-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** Attributes of one start tag, entity-decoded. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[3] ?? m[4] ?? '');
  return out;
}

/** Start tags `<prefix:local …>` of any namespace prefix. */
function startTags(xml: string, local: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*>`, 'g'))].map((m) => m[0]);
}

// ---------------------------------------------------------------- package paths

/** `xl/worksheets/sheet1.xml` + `../drawings/drawing1.xml` → `xl/drawings/drawing1.xml`. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

interface Relationship { id: string; type: string; target: string }

function parseRels(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return startTags(xml, 'Relationship').map((t) => {
    const a = attributes(t);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '' };
  });
}

/** Writes a part; no folder entries, which jszip adds by default and the writer's packages never have. */
function put(zip: JSZip, path: string, xml: string): void {
  zip.file(path, xml, { createFolders: false });
}

/** A relationship id not used yet in this rels part. */
function freeRelId(rels: Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Adds relationships to a rels part (creating it), returning the new ids in order. */
function addRels(zip: JSZip, relsPath: string, current: string | undefined, add: { type: string; target: string }[]): { xml: string; ids: string[] } {
  const rels = parseRels(current);
  const ids: string[] = [];
  const xmlOf = (r: { id: string; type: string; target: string }) =>
    `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`;
  const added: string[] = [];
  for (const r of add) {
    const id = freeRelId(rels);
    rels.push({ id, ...r });
    ids.push(id);
    added.push(xmlOf({ id, ...r }));
  }
  const xml = current && /<\/(?:[\w.-]+:)?Relationships\s*>/.test(current)
    ? current.replace(/<\/((?:[\w.-]+:)?)Relationships\s*>/, (m) => added.join('') + m)
    : XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}">${added.join('')}</Relationships>`;
  put(zip, relsPath, xml);
  return { xml, ids };
}

/** The next free `prefixN.xml` number in a folder of the package. */
function nextPartNumber(zip: JSZip, folder: string, prefix: string): () => number {
  const re = new RegExp(`^${folder}/${prefix}(\\d+)\\.xml$`);
  let n = 0;
  zip.forEach((path) => {
    const m = re.exec(path);
    if (m) n = Math.max(n, Number(m[1]));
  });
  return () => ++n;
}

// ---------------------------------------------------------------- worksheet XML

/**
 * Elements that come after `<drawing>` in CT_Worksheet (ECMA-376 §18.3.1.99).
 * Everything before it (sheetData … pageSetup, headerFooter, breaks,
 * ignoredErrors …) stays before; Excel refuses a sheet whose children are
 * out of order.
 */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** Inserts `<drawing r:id="…"/>` at its place among the worksheet's children (the sheet must not have one yet). */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  const root = /<((?:([\w.-]+):)?worksheet)\b[^>]*>/.exec(sheetXml);
  if (!root) throw new Error('Tệp Excel hỏng: không đọc được một trang tính để thêm biểu đồ.');
  const prefix = root[2] ? `${root[2]}:` : '';
  // The relationships prefix is declared on the element itself, whatever the root declares.
  const el = `<${prefix}drawing xmlns:r="${NS_REL}" r:id="${escapeXml(relId)}"/>`;
  // Only the root's own children count (an extLst also sits inside conditional
  // formats); sheetData, the bulk of the part, always comes before the drawing.
  const dataEnd = /<\/(?:[\w.-]+:)?sheetData\s*>|<(?:[\w.-]+:)?sheetData\s*\/>/.exec(sheetXml);
  const tags = /<(\/?)(?:[\w.-]+:)?([\w.-]+)[^>]*?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  tags.lastIndex = dataEnd ? dataEnd.index + dataEnd[0].length : root.index + root[0].length;
  let depth = 1;
  let at = -1;
  for (let m = tags.exec(sheetXml); m; m = tags.exec(sheetXml)) {
    if (m[2] === undefined) continue; // comment or processing instruction
    if (m[1]) {
      depth--;
      if (depth === 0) { at = m.index; break; } // </worksheet>
      continue;
    }
    if (depth === 1 && AFTER_DRAWING.includes(m[2])) { at = m.index; break; }
    if (!m[3]) depth++;
  }
  if (at < 0) throw new Error('Tệp Excel hỏng: trang tính không có thẻ đóng.');
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}

// ---------------------------------------------------------------- chart XML

/** `'TH Nam Đông'!$B$5:$B$20`: always quoted, quotes doubled. */
function ref(sheetName: string, r1: number, c1: number, r2 = r1, c2 = c1): string {
  const a = `$${columnLetters(c1)}$${r1 + 1}`;
  const b = `$${columnLetters(c2)}$${r2 + 1}`;
  return `'${sheetName.replace(/'/g, "''")}'!${a === b ? a : `${a}:${b}`}`;
}

function cellAt(sheet: OutputSheet, r: number, c: number): OutCell | undefined {
  return sheet.rows[r]?.[c];
}

function textOf(cell: OutCell | undefined): string {
  const v = cell?.v;
  return v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '' : String(v);
}

function strRef(f: string, values: string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${escapeXml(f)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(f: string, cells: (OutCell | undefined)[], formatCode: string): string {
  // Blank or text cells have no point: Excel leaves a gap there.
  const pts = cells
    .map((c, i) => (typeof c?.v === 'number' && Number.isFinite(c.v) ? `<c:pt idx="${i}"><c:v>${c.v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numRef><c:f>${escapeXml(f)}</c:f><c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache></c:numRef>`;
}

function runProps(size: number, bold: boolean): string {
  return `sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="${CHART_FONT}"/><a:cs typeface="${CHART_FONT}"/>`;
}

/** Text properties for an axis or legend: the chart font at a readable size. */
function txPr(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${runProps(size, false)}</a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
}

/** The data block of a chart: where it is and what the OutputSheet holds there. */
export interface ChartData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/** Reads a ChartSpec's range from the sheet: series by column, categories down the first column. Null when the range has no data cell. */
export function chartData(sheet: OutputSheet, spec: ChartSpec): ChartData | null {
  const p = parseRangeAddress(spec.dataRange);
  if (!p || p.r2 <= p.r1 || p.c2 <= p.c1) return null;
  const categories: string[] = [];
  for (let r = p.r1 + 1; r <= p.r2; r++) categories.push(textOf(cellAt(sheet, r, p.c1)));
  const series = [];
  for (let c = p.c1 + 1; c <= p.c2; c++) {
    const values: (number | null)[] = [];
    for (let r = p.r1 + 1; r <= p.r2; r++) {
      const v = cellAt(sheet, r, c)?.v;
      values.push(typeof v === 'number' && Number.isFinite(v) ? v : null);
    }
    series.push({ name: textOf(cellAt(sheet, p.r1, c)) || `Chuỗi ${c - p.c1}`, values });
  }
  return { categories, series };
}

/** The `xl/charts/chartN.xml` part for one spec; null when the range holds no data. */
export function chartXml(sheet: OutputSheet, sheetName: string, spec: ChartSpec): string | null {
  const p = parseRangeAddress(spec.dataRange);
  const data = chartData(sheet, spec);
  if (!p || !data) return null;
  const horizontal = spec.type === 'barClustered';
  const catRange = ref(sheetName, p.r1 + 1, p.c1, p.r2, p.c1);

  const sers: string[] = [];
  let valueFormat = 'General';
  for (let c = p.c1 + 1; c <= p.c2; c++) {
    const i = c - p.c1 - 1;
    const cells: (OutCell | undefined)[] = [];
    for (let r = p.r1 + 1; r <= p.r2; r++) cells.push(cellAt(sheet, r, c));
    const format = cells.find((x) => typeof x?.v === 'number')?.style?.numberFormat ?? 'General';
    if (i === 0) valueFormat = format === '@' ? 'General' : format;
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
    sers.push('<c:ser>'
      + `<c:idx val="${i}"/><c:order val="${i}"/>`
      + `<c:tx>${strRef(ref(sheetName, p.r1, c), [data.series[i].name])}</c:tx>`
      + `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>`
      + '<c:invertIfNegative val="0"/>'
      + `<c:cat>${strRef(catRange, data.categories)}</c:cat>`
      + `<c:val>${numRef(ref(sheetName, p.r1 + 1, c, p.r2, c), cells, format === '@' ? 'General' : format)}</c:val>`
      + '</c:ser>');
  }

  // Counts and rates start at zero (Excel would start a 95–100 % axis at 90 %);
  // a rate axis ends at 100 %.
  const all = data.series.flatMap((x) => x.values).filter((v): v is number => v !== null);
  const nonNegative = all.every((v) => v >= 0);
  const rateAxis = valueFormat.includes('%') && nonNegative && all.every((v) => v <= 1);
  const scale = `${rateAxis ? '<c:max val="1"/>' : ''}${nonNegative ? '<c:min val="0"/>' : ''}`;

  // A horizontal bar chart lists the units top-down like the table above it:
  // categories in reverse order, the value axis then crossing at the far end (bottom).
  const catAx = '<c:catAx><c:axId val="500000001"/>'
    + `<c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>`
    + `<c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/>`
    + '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
    + `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>${txPr(900)}`
    + '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valAx = '<c:valAx><c:axId val="500000002"/>'
    + `<c:scaling><c:orientation val="minMax"/>${scale}</c:scaling><c:delete val="0"/>`
    + `<c:axPos val="${horizontal ? 'b' : 'l'}"/>`
    + '<c:majorGridlines><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
    // Rate ticks every 20 % without decimals: 0.0 % on eleven ticks crowd the axis.
    + (rateAxis ? '<c:numFmt formatCode="0%" sourceLinked="0"/>' : `<c:numFmt formatCode="${escapeXml(valueFormat)}" sourceLinked="1"/>`)
    + '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
    + `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="808080"/></a:solidFill></a:ln></c:spPr>${txPr(900)}`
    + `<c:crossAx val="500000001"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>${rateAxis ? '<c:majorUnit val="0.2"/>' : ''}</c:valAx>`;

  const title = '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>'
    + `<a:pPr><a:defRPr ${runProps(1200, true)}</a:defRPr></a:pPr>`
    + `<a:r><a:rPr lang="vi-VN" ${runProps(1200, true)}</a:rPr><a:t>${escapeXml(spec.title)}</a:t></a:r>`
    + '</a:p></c:rich></c:tx><c:overlay val="0"/></c:title>';

  return XML_HEAD
    + `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_A}" xmlns:r="${NS_REL}">`
    + '<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>'
    + '<c:chart>' + title + '<c:autoTitleDeleted val="0"/>'
    + '<c:plotArea><c:layout/>'
    + `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>`
    + sers.join('')
    + '<c:gapWidth val="80"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>'
    + catAx + valAx
    + '</c:plotArea>'
    + `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(900)}</c:legend>`
    + '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>'
    + '</c:chart>'
    + '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>'
    + `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${runProps(1000, false)}</a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`
    + '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>'
    + '</c:chartSpace>';
}

// ---------------------------------------------------------------- drawing XML

/** One `xdr:twoCellAnchor`: from the anchor cell's corner over width columns × height rows. */
export function chartAnchorXml(spec: ChartSpec, shapeId: number, chartRelId: string): string | null {
  const a = parseRangeAddress(spec.anchor);
  if (!a) return null;
  const w = Math.max(1, Math.round(spec.width));
  const h = Math.max(1, Math.round(spec.height));
  const corner = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return '<xdr:twoCellAnchor>'
    + corner('from', a.c1, a.r1) + corner('to', a.c1 + w, a.r1 + h)
    + `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="Biểu đồ ${shapeId - 1}" descr="${escapeXml(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`
    + '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
    + `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_REL}" r:id="${escapeXml(chartRelId)}"/></a:graphicData></a:graphic>`
    + '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
}

/** `row,col` of the top-left cell of every chart already in a drawing part. */
function chartAnchorCells(drawingXml: string): Set<string> {
  const out = new Set<string>();
  for (const m of drawingXml.matchAll(/<((?:[\w.-]+:)?)(twoCellAnchor|oneCellAnchor)\b[\s\S]*?<\/\1\2\s*>/g)) {
    if (!m[0].includes(`uri="${NS_CHART}"`)) continue;
    const col = /<(?:[\w.-]+:)?col>\s*(\d+)/.exec(m[0]);
    const row = /<(?:[\w.-]+:)?row>\s*(\d+)/.exec(m[0]);
    if (col && row) out.add(`${row[1]},${col[1]}`);
  }
  return out;
}

// ---------------------------------------------------------------- workbook

interface SheetPart { name: string; path: string }

/** Sheets of the workbook in tab order, with the part each one is stored in. */
async function sheetParts(zip: JSZip): Promise<SheetPart[]> {
  const wb = await zip.file('xl/workbook.xml')?.async('string');
  const rels = parseRels(await zip.file('xl/_rels/workbook.xml.rels')?.async('string'));
  if (!wb) throw new Error('Tệp Excel hỏng: không có xl/workbook.xml.');
  return startTags(wb, 'sheet').flatMap((t) => {
    const a = attributes(t);
    const rid = Object.entries(a).find(([k]) => k === 'r:id' || /:id$/.test(k))?.[1];
    const rel = rels.find((r) => r.id === rid);
    return rel && a.name !== undefined ? [{ name: a.name, path: resolveTarget('xl/workbook.xml', rel.target) }] : [];
  });
}

/**
 * Which workbook sheet holds each OutputSheet: by name, else (the writer
 * shortens or de-duplicates names Excel refuses) by position when the
 * workbook has exactly these sheets.
 */
function matchSheets(sheets: OutputSheet[], parts: SheetPart[]): (SheetPart | undefined)[] {
  return sheets.map((s, i) => {
    const exact = parts.find((p) => p.name === s.name) ?? parts.find((p) => p.name.toLowerCase() === s.name.toLowerCase());
    if (exact) return exact;
    return parts.length === sheets.length ? parts[i] : undefined;
  });
}

/**
 * Adds a native clustered column/bar chart for every `ChartSpec` of the
 * sheets to an .xlsx and returns the new file. Sheets without charts, and
 * specs whose range has no data, are left as they are; a file with no chart
 * to add comes back byte for byte.
 */
export async function addChartsToXlsx(xlsx: Uint8Array | Buffer, sheets: OutputSheet[]): Promise<Buffer> {
  if (!sheets.some((s) => s.charts?.length)) return Buffer.from(xlsx);
  const zip = await JSZip.loadAsync(xlsx);
  const parts = matchSheets(sheets, await sheetParts(zip));
  const nextChart = nextPartNumber(zip, 'xl/charts', 'chart');
  const nextDrawing = nextPartNumber(zip, 'xl/drawings', 'drawing');
  const overrides: string[] = [];
  let changed = false;

  for (const [i, sheet] of sheets.entries()) {
    if (!sheet.charts?.length) continue;
    const part = parts[i];
    if (!part) throw new Error(`Không tìm thấy trang "${sheet.name}" trong tệp Excel để vẽ biểu đồ.`);
    const sheetFile = zip.file(part.path);
    if (!sheetFile) throw new Error(`Tệp Excel hỏng: thiếu ${part.path} của trang "${part.name}".`);

    let sheetXml = await sheetFile.async('string');
    const sheetRelsPath = relsPathOf(part.path);
    const sheetRels = await zip.file(sheetRelsPath)?.async('string');
    // A sheet has at most one drawing: reuse the one it has (pictures, or charts
    // the writer made itself) or make one.
    const drawingTag = startTags(sheetXml, 'drawing')[0];
    const existingId = drawingTag ? Object.entries(attributes(drawingTag)).find(([k]) => /(^|:)id$/.test(k))?.[1] : undefined;
    const existingRel = parseRels(sheetRels).find((r) => r.id === existingId && r.type === REL_DRAWING);
    const existingPath = existingRel && resolveTarget(part.path, existingRel.target);
    let drawingXml = existingPath ? (await zip.file(existingPath)?.async('string')) ?? '' : '';
    if (existingPath && !/<\/(?:[\w.-]+:)?wsDr\s*>\s*$/.test(drawingXml)) throw new Error(`Tệp Excel hỏng: không đọc được hình vẽ của trang "${part.name}".`);

    // A chart already anchored at a spec's cell is that spec's chart: adding the
    // charts twice (or to a file the writer already charted) changes nothing.
    const taken = chartAnchorCells(drawingXml);
    const charts: { spec: ChartSpec; xml: string }[] = [];
    for (const spec of sheet.charts) {
      const a = parseRangeAddress(spec.anchor);
      const xml = a && !taken.has(`${a.r1},${a.c1}`) ? chartXml(sheet, part.name, spec) : null;
      if (xml) charts.push({ spec, xml });
    }
    if (!charts.length) continue;
    changed = true;

    let drawingPath: string;
    if (existingPath) {
      drawingPath = existingPath;
    } else {
      const n = nextDrawing();
      drawingPath = `xl/drawings/drawing${n}.xml`;
      drawingXml = XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS_DRAWING}" xmlns:a="${NS_A}"></xdr:wsDr>`;
      overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`);
      const { ids } = addRels(zip, sheetRelsPath, sheetRels, [{ type: REL_DRAWING, target: `../drawings/drawing${n}.xml` }]);
      sheetXml = insertDrawingElement(sheetXml, ids[0]);
      put(zip, part.path, sheetXml);
    }

    const chartPaths = charts.map((c) => {
      const n = nextChart();
      const path = `xl/charts/chart${n}.xml`;
      put(zip, path, c.xml);
      overrides.push(`<Override PartName="/${path}" ContentType="${CT_CHART}"/>`);
      return `../charts/chart${n}.xml`;
    });
    const drawingRelsPath = relsPathOf(drawingPath);
    const { ids } = addRels(zip, drawingRelsPath, await zip.file(drawingRelsPath)?.async('string'),
      chartPaths.map((target) => ({ type: REL_CHART, target })));
    // Shape ids must be unique within the drawing.
    let shapeId = Math.max(1, ...startTags(drawingXml, 'cNvPr').map((t) => Number(attributes(t).id) || 0));
    // The anchors declare xdr and a themselves: the drawing may use other prefixes.
    const anchors = charts.map((c, k) => chartAnchorXml(c.spec, ++shapeId, ids[k])!
      .replace('<xdr:twoCellAnchor>', `<xdr:twoCellAnchor xmlns:xdr="${NS_DRAWING}" xmlns:a="${NS_A}">`)).join('');
    const close = drawingXml.lastIndexOf('</'); // the root's end tag (checked above to be </wsDr>)
    put(zip, drawingPath, drawingXml.slice(0, close) + anchors + drawingXml.slice(close));
  }

  if (!changed) return Buffer.from(xlsx);
  const types = await zip.file('[Content_Types].xml')?.async('string');
  if (!types) throw new Error('Tệp Excel hỏng: không có [Content_Types].xml.');
  put(zip, '[Content_Types].xml', types.replace(/<\/((?:[\w.-]+:)?)Types\s*>/, (m) => overrides.join('') + m));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
