/**
 * The writer's native charts (`OutputSheet.charts`): the package parts and
 * their wiring, the worksheet's child order, chart references and cached
 * values that agree with the cells as SheetJS reads them, the rate axis and
 * the font, the real Nam Đông summary layout, and LibreOffice opening the
 * file and drawing the charts (PDF text + a PNG under test/artifacts/ for a
 * human look; a round trip through LibreOffice's own .xlsx export keeps the
 * charts).
 *
 * The LibreOffice part needs `soffice` with Calc and poppler-utils:
 * apt-get install -y libreoffice-calc-nogui poppler-utils fonts-liberation.
 * Without them it FAILS, unless SKIP_LIBREOFFICE=1.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import type { OutCell, OutputSheet } from '../../src/core/sheet-model';
import { NUMBER_FORMATS } from '../../src/core/sheet-model';
import { parseRangeAddress } from '../../src/core/address';
import { OUTPUT_FONT, writeXlsx } from '../../src/xlsx/write';
import { layoutOutputs } from '../../src/core/layout';
import { namDongResult } from '../report/fixtures';
import { convertWithLibreOffice, requireLibreOffice, withLibreOffice } from '../helpers/libreoffice';
import { readXlsxBuffer } from '../../src/xlsx/read';

// ---------------------------------------------------------------- fixture

const header = (v: string): OutCell => ({ v, style: { bold: true, border: true } });
const count = (v: number): OutCell => ({ v, style: { border: true, numberFormat: NUMBER_FORMATS.count } });
const rate = (v: number | null): OutCell => ({ v, style: { border: true, numberFormat: NUMBER_FORMATS.percent } });

const UNITS = ['UBND xã Hương Lộc', 'UBND xã Thượng Quảng', 'UBND thị trấn Khe Tre', 'Phòng Nội vụ (tự báo cáo)'];
const CHANNELS = ['Báo in', 'Truyền hình', 'Mạng xã hội'];
const COUNTS = [[12, 40, 7], [3, 25, 0], [20, 8, 15], [5, 60, 30]];
/** The first rate is blank: the layout writes no number there, the chart must leave a gap. */
const ON_TIME = [null, 0.95, 0.998, 0.87];

/** Apostrophe and ampersand: the name must be quoted in formulas and escaped in XML. */
const SUMMARY_NAME = "TH Nam Đông & A'Lưới";
const COLUMN_TITLE = 'Số tin, bài theo kênh';
const BAR_TITLE = 'Tỷ lệ hồ sơ giải quyết đúng hạn';

function summarySheet(): OutputSheet {
  const rows: OutCell[][] = [[{ v: 'TỔNG HỢP SỐ LIỆU TUYÊN TRUYỀN', style: { bold: true, fontSize: 14 } }], []];
  rows[2] = [{ v: null }, header('Đơn vị'), ...CHANNELS.map(header)];
  UNITS.forEach((u, i) => (rows[3 + i] = [{ v: null }, { v: u, style: { border: true } }, ...COUNTS[i].map(count)]));
  rows[8] = [{ v: null }, header('Đơn vị'), header('Tỷ lệ đúng hạn')];
  UNITS.forEach((u, i) => (rows[9 + i] = [{ v: null }, { v: u, style: { border: true } }, rate(ON_TIME[i])]));
  return {
    name: SUMMARY_NAME,
    role: 'summary',
    unit: 'UBND huyện Nam Đông',
    rows,
    merges: ['A1:F1'],
    columnWidths: [4, 30, 12, 12, 12],
    freeze: { rows: 3, cols: 0 },
    print: { orientation: 'landscape', repeatRows: [3, 3] },
    validations: [{ range: 'C4:E7', type: 'wholeNumber', min: 0 }],
    protection: { unlockedRanges: ['C4:E7'] },
    charts: [
      { title: COLUMN_TITLE, type: 'columnClustered', dataRange: 'B3:E7', anchor: 'B15', width: 8, height: 16 },
      { title: BAR_TITLE, type: 'barClustered', dataRange: 'B9:C13', anchor: 'K15', width: 7, height: 16 },
    ],
  };
}

/** Characters Excel refuses: the writer renames the sheet, the chart formulas must use the new name. */
const RENAMED: OutputSheet = {
  name: 'Quý I/2024: tổng hợp',
  role: 'summary',
  rows: [[{ v: 'Đơn vị' }, { v: 'Tin bài' }], [{ v: 'Xã A' }, { v: 4 }], [{ v: 'Xã B' }, { v: 9 }]],
  merges: [],
  columnWidths: [20, 10],
  print: { orientation: 'portrait' },
  charts: [
    { title: 'Tin bài theo xã', type: 'columnClustered', dataRange: 'A1:B3', anchor: 'D2', width: 6, height: 12 },
    // No chart can be drawn from these: a range without data columns, an anchor that is no cell.
    { title: 'Không có dữ liệu', type: 'columnClustered', dataRange: 'A1:A3', anchor: 'D20', width: 6, height: 12 },
    { title: 'Không có chỗ', type: 'columnClustered', dataRange: 'A1:B3', anchor: 'ô lạ', width: 6, height: 12 },
  ],
};

const withoutCharts = (sheets: OutputSheet[]): OutputSheet[] => sheets.map((s) => ({ ...s, charts: undefined }));

/** A sheet without charts between two with charts: it must get no drawing. */
const PLAIN: OutputSheet = { ...withoutCharts([RENAMED])[0], name: 'Không biểu đồ' };

// ---------------------------------------------------------------- XML helpers for the checks

const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => unescape(m[1]));

/** Names of the worksheet root's own children, in order. */
function topLevelChildren(sheetXml: string): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const m of sheetXml.matchAll(/<(\/?)(?:[\w.-]+:)?([\w.-]+)[^>]*?(\/?)>/g)) {
    if (m[0].startsWith('<?')) continue;
    if (m[1]) { depth--; continue; }
    if (depth === 1) out.push(m[2]);
    if (!m[3]) depth++;
  }
  return out;
}

/** CT_Worksheet's child sequence (ECMA-376 Part 1, §18.3.1.99), copied from the standard, not from the writer. */
const WORKSHEET_ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr',
  'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks',
  'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF',
  'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function expectSchemaOrder(children: string[]): void {
  const ranks = children.map((c) => WORKSHEET_ORDER.indexOf(c));
  expect(ranks).not.toContain(-1);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(new Set(children).size).toBe(children.length);
}

/** `'It''s'!$B$4:$B$7` → the cell values SheetJS reads there. */
function valuesAt(book: XLSX.WorkBook, f: string): unknown[] {
  const m = /^'((?:[^']|'')+)'!(.+)$/.exec(f);
  expect(m).not.toBeNull();
  const sheet = book.Sheets[m![1].replace(/''/g, "'")];
  expect(sheet).toBeDefined();
  const p = parseRangeAddress(m![2])!;
  const out: unknown[] = [];
  for (let r = p.r1; r <= p.r2; r++) for (let c = p.c1; c <= p.c2; c++) out.push(sheet[XLSX.utils.encode_cell({ r, c })]?.v ?? null);
  return out;
}

/** Every series of a chart part: its formulas and cached points. */
function seriesOf(chartXml: string) {
  return [...chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
    const part = (tag: string) => new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`).exec(ser)![1];
    const cache = (xml: string, n: number) => {
      const pts: (string | null)[] = Array(n).fill(null);
      for (const p of xml.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)) pts[Number(p[1])] = unescape(p[2]);
      return pts;
    };
    const n = (xml: string) => Number(/<c:ptCount val="(\d+)"\/>/.exec(xml)![1]);
    const [tx, cat, val] = ['tx', 'cat', 'val'].map(part);
    return {
      txF: all(tx, /<c:f>([^<]*)<\/c:f>/g)[0], tx: cache(tx, n(tx)),
      catF: all(cat, /<c:f>([^<]*)<\/c:f>/g)[0], cat: cache(cat, n(cat)),
      valF: all(val, /<c:f>([^<]*)<\/c:f>/g)[0], val: cache(val, n(val)).map((v) => (v === null ? null : Number(v))),
      valFormat: /<c:formatCode>([^<]*)<\/c:formatCode>/.exec(val)?.[1],
    };
  });
}

/** The value axis's scaling, e.g. `{ orientation: 'minMax', max: '1', min: '0' }` in document order. */
function valueScaling(chartXml: string): [string, string][] {
  const scaling = /<c:valAx>[\s\S]*?<c:scaling>([\s\S]*?)<\/c:scaling>/.exec(chartXml)![1];
  return [...scaling.matchAll(/<c:(\w+) val="([^"]*)"\/>/g)].map((m) => [m[1], m[2]]);
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`missing part ${path}`);
  return f.async('string');
}

const chartParts = (zip: JSZip) => Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();

// ---------------------------------------------------------------- tests

describe('writeXlsx: native charts', () => {
  const sheets = [summarySheet(), PLAIN, RENAMED];
  let buf: Buffer;
  let zip: JSZip;

  beforeAll(async () => {
    buf = await writeXlsx(sheets, { date: new Date(2024, 10, 5) });
    zip = await JSZip.loadAsync(buf);
  });

  it('writes one chart part per drawable ChartSpec and one drawing per sheet with charts', () => {
    const parts = Object.keys(zip.files).filter((p) => /^xl\/(charts|drawings)\//.test(p)).sort();
    expect(parts).toEqual([
      'xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml',
      'xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/_rels/drawing2.xml.rels',
      'xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml',
    ]);
    expect(Object.keys(zip.files).filter((p) => zip.files[p].dir)).toEqual([]); // no folder entries
    // The sheet without charts has no drawing.
    expect(zip.file('xl/worksheets/_rels/sheet2.xml.rels')).toBeNull();
  });

  it('wires sheet → drawing → chart through relationships and declares every content type once', async () => {
    for (const [sheet, drawing, charts] of [[1, 1, ['chart1', 'chart2']], [3, 2, ['chart3']]] as const) {
      const sheetXml = await text(zip, `xl/worksheets/sheet${sheet}.xml`);
      const drawingId = /<drawing [^>]*r:id="([^"]+)"/.exec(sheetXml)![1];
      const sheetRels = await text(zip, `xl/worksheets/_rels/sheet${sheet}.xml.rels`);
      expect(sheetRels).toContain(`Id="${drawingId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing${drawing}.xml"`);

      const drawingXml = await text(zip, `xl/drawings/drawing${drawing}.xml`);
      const chartIds = all(drawingXml, /<c:chart [^>]*r:id="([^"]+)"/g);
      const drawingRels = await text(zip, `xl/drawings/_rels/drawing${drawing}.xml.rels`);
      const targets = chartIds.map((id) => new RegExp(`Id="${id}" Type="[^"]+/chart" Target="([^"]+)"`).exec(drawingRels)?.[1]);
      expect(targets).toEqual(charts.map((c) => `../charts/${c}.xml`));
    }

    const types = await text(zip, '[Content_Types].xml');
    for (const n of [1, 2, 3]) expect(types).toContain(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    for (const n of [1, 2]) expect(types).toContain(`<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    const overrides = all(types, /PartName="([^"]+)"/g);
    expect(new Set(overrides).size).toBe(overrides.length);
    for (const p of Object.keys(zip.files).filter((f) => !f.endsWith('.rels') && f !== '[Content_Types].xml')) {
      expect(overrides).toContain(`/${p}`);
    }
  });

  it('puts the <drawing> element where the schema wants it: after pageSetup, every sheet in order', async () => {
    const children = topLevelChildren(await text(zip, 'xl/worksheets/sheet1.xml'));
    expect(children.filter((c) => c === 'drawing')).toHaveLength(1);
    expect(children.indexOf('drawing')).toBeGreaterThan(children.indexOf('pageSetup'));
    // The sheet uses the elements around it, so their order is really tested.
    for (const c of ['sheetProtection', 'mergeCells', 'dataValidations', 'printOptions']) expect(children).toContain(c);
    expectSchemaOrder(children);
    expect(topLevelChildren(await text(zip, 'xl/worksheets/sheet2.xml'))).not.toContain('drawing');
    for (const n of [2, 3]) expectSchemaOrder(topLevelChildren(await text(zip, `xl/worksheets/sheet${n}.xml`)));
  });

  it('anchors each chart at its cell spanning width × height, with unique shape ids', async () => {
    const drawing = await text(zip, 'xl/drawings/drawing1.xml');
    const corners = [...drawing.matchAll(/<xdr:(from|to)><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)]
      .map((m) => `${m[1]} ${m[2]},${m[3]}`);
    // B15 = col 1,row 14 → +8 columns, +16 rows; K15 = col 10,row 14 → +7, +16.
    expect(corners).toEqual(['from 1,14', 'to 9,30', 'from 10,14', 'to 17,30']);
    expect(all(drawing, /<xdr:cNvPr id="([^"]+)"/g)).toEqual(['2', '3']);
    expect(all(drawing, /descr="([^"]*)"/g)).toEqual([COLUMN_TITLE, BAR_TITLE]);
  });

  it('writes clustered column and bar charts with one series per data column, titled in Vietnamese', async () => {
    const col = await text(zip, 'xl/charts/chart1.xml');
    expect(col).toContain('<c:barDir val="col"/>');
    expect(col).toContain('<c:grouping val="clustered"/>');
    expect(col).toMatch(/<c:catAx>[\s\S]*<c:valAx>/);
    expect(col).toContain('<c:legend>');
    expect(all(col, /<a:t>([^<]*)<\/a:t>/g)).toEqual([COLUMN_TITLE]);
    expect(seriesOf(col).map((s) => s.tx[0])).toEqual(CHANNELS);
    expect(seriesOf(col).map((s) => s.valFormat)).toEqual(['#,##0', '#,##0', '#,##0']);

    const bar = await text(zip, 'xl/charts/chart2.xml');
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(bar).not.toContain('<c:legend>'); // one series: the title names it
    expect(all(bar, /<a:t>([^<]*)<\/a:t>/g)).toEqual([BAR_TITLE]);
    const [rates] = seriesOf(bar);
    expect(rates.valFormat).toBe('0.0%'); // taken from the first number, not the blank first cell
    expect(rates.val).toEqual(ON_TIME); // the blank rate stays a gap, not a zero
  });

  it('runs the rate axis from 0 to 100 % and counts from 0 with Excel choosing the top', async () => {
    const bar = await text(zip, 'xl/charts/chart2.xml');
    // CT_Scaling order: orientation, max, min.
    expect(valueScaling(bar)).toEqual([['orientation', 'minMax'], ['max', '1'], ['min', '0']]);
    expect(bar).toMatch(/<c:valAx>[\s\S]*<c:numFmt formatCode="0%" sourceLinked="0"\/>[\s\S]*<c:majorUnit val="0.2"\/><\/c:valAx>/);
    const col = await text(zip, 'xl/charts/chart1.xml');
    expect(valueScaling(col)).toEqual([['orientation', 'minMax'], ['min', '0']]);
  });

  it('writes all chart text in the cells\' font, Times New Roman', async () => {
    expect(OUTPUT_FONT).toBe('Times New Roman');
    for (const p of chartParts(zip)) {
      const xml = await text(zip, p);
      // Title run, title default, axes, legend, chart default: each names the font.
      const runs = [...xml.matchAll(/<a:(defRPr|rPr)\b[^>]*>([\s\S]*?)<\/a:\1>/g)];
      expect(runs.length).toBeGreaterThanOrEqual(p.endsWith('chart1.xml') ? 6 : 5);
      for (const [, , inner] of runs) expect(inner).toContain('<a:latin typeface="Times New Roman"/>');
      expect(all(xml, /typeface="([^"]*)"/g).every((f) => f === 'Times New Roman')).toBe(true);
      // No run without properties (a bare <a:defRPr/> would fall back to Calibri).
      expect(xml).not.toMatch(/<a:(defRPr|rPr)\b[^>]*\/>/);
    }
  });

  it('points every series at the cells that hold it, with caches equal to what SheetJS reads there', async () => {
    const book = XLSX.read(buf, { type: 'buffer' });
    const sheetNames = book.SheetNames;
    expect(sheetNames).toEqual([SUMMARY_NAME, 'Không biểu đồ', 'Quý I 2024 tổng hợp']);
    const expected: Record<number, { sheet: string; series: number }> = {
      1: { sheet: SUMMARY_NAME, series: 3 }, 2: { sheet: SUMMARY_NAME, series: 1 }, 3: { sheet: sheetNames[2], series: 1 },
    };
    for (const [n, want] of Object.entries(expected)) {
      const series = seriesOf(await text(zip, `xl/charts/chart${n}.xml`));
      expect(series).toHaveLength(want.series);
      for (const s of series) {
        for (const f of [s.txF, s.catF, s.valF]) expect(f.startsWith(`'${want.sheet.replace(/'/g, "''")}'!$`)).toBe(true);
        expect(valuesAt(book, s.txF)).toEqual(s.tx);
        expect(valuesAt(book, s.catF)).toEqual(s.cat);
        expect(valuesAt(book, s.valF)).toEqual(s.val);
      }
    }
    expect(seriesOf(await text(zip, 'xl/charts/chart1.xml'))[1]).toMatchObject({
      txF: `'TH Nam Đông & A''Lưới'!$D$3`, catF: `'TH Nam Đông & A''Lưới'!$B$4:$B$7`, valF: `'TH Nam Đông & A''Lưới'!$D$4:$D$7`,
      cat: UNITS, val: COUNTS.map((c) => c[1]),
    });
  });

  it('leaves the cells as they are without charts, for exceljs, SheetJS and our reader', async () => {
    const plain = await writeXlsx(withoutCharts(sheets), { date: new Date(2024, 10, 5) });
    const before = XLSX.read(plain, { type: 'buffer' });
    const after = XLSX.read(buf, { type: 'buffer' });
    expect(after.SheetNames).toEqual(before.SheetNames);
    for (const name of before.SheetNames) {
      expect(XLSX.utils.sheet_to_json(after.Sheets[name], { header: 1 })).toEqual(XLSX.utils.sheet_to_json(before.Sheets[name], { header: 1 }));
    }
    const load = async (b: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(b as unknown as ArrayBuffer);
      return wb.worksheets.map((ws) => ({ name: ws.name, values: ws.getSheetValues() }));
    };
    const [x, y] = await Promise.all([load(plain), load(buf)]);
    expect(y).toEqual(x);
    expect(y[0].values[4]).toEqual([undefined, undefined, 'UBND xã Hương Lộc', 12, 40, 7]);
    // And our own reader, which the add-in uses on files one level down.
    expect(readXlsxBuffer(buf, 'c.xlsx')[2].cells).toEqual([['Đơn vị', 'Tin bài'], ['Xã A', 4], ['Xã B', 9]]);
  });
});

describe('charts of the real summary layout (Nam Đông example)', () => {
  it('get one chart part each, on the charts sheet, over data blocks whose cells match the caches', async () => {
    const sheets = layoutOutputs(namDongResult(), { now: new Date(2024, 10, 5) });
    const specs = sheets.flatMap((s) => s.charts ?? []);
    // News by channel and news by unit, on the `BĐ …` sheet: the on-time chart was dropped (charts-sheet.ts says why).
    expect(specs.map((c) => c.type)).toEqual(['columnClustered', 'barClustered']);
    expect(sheets.filter((s) => s.charts?.length).map((s) => s.role)).toEqual(['charts']);
    const buf = await writeXlsx(sheets);
    const zip = await JSZip.loadAsync(buf);
    const book = XLSX.read(buf, { type: 'buffer' });
    const charts = chartParts(zip);
    expect(charts).toHaveLength(specs.length);
    const byTitle = new Map<string, string>();
    for (const p of charts) {
      const xml = await text(zip, p);
      const [title] = all(xml, /<a:t>([^<]*)<\/a:t>/g);
      byTitle.set(title, xml);
      for (const s of seriesOf(xml)) {
        expect(s.cat.every((c) => c)).toBe(true); // every unit named
        expect(valuesAt(book, s.catF)).toEqual(s.cat);
        expect(valuesAt(book, s.valF)).toEqual(s.val);
        expect(s.val.some((v) => v !== null)).toBe(true);
      }
    }
    expect([...byTitle.keys()].sort()).toEqual(specs.map((c) => c.title).sort());
  });
});

// ---------------------------------------------------------------- LibreOffice

withLibreOffice('LibreOffice opens the written workbook, draws the charts and keeps them when it saves .xlsx', async () => {
  const office = requireLibreOffice('libreoffice-calc-nogui', ['pdftotext', 'pdftoppm']);
  const sheets = [summarySheet(), PLAIN];
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-charts-'));
  try {
    const file = join(dir, 'tong-hop.xlsx');
    writeFileSync(file, await writeXlsx(sheets));
    const convert = (to: string, outdir: string) => convertWithLibreOffice(office, file, to, outdir, dir);

    const conv = convert('pdf', dir);
    const pdf = join(dir, 'tong-hop.pdf');
    expect({ exists: existsSync(pdf), stderr: existsSync(pdf) ? '' : conv.stderr }).toEqual({ exists: true, stderr: '' });
    // The titles are in no cell: they are in the PDF only if the charts were drawn.
    const pdfText = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const t of [COLUMN_TITLE, BAR_TITLE, ...CHANNELS]) expect(pdfText).toContain(t);
    // The rate axis is labelled 0 % … 100 % (LibreOffice writes the locale's percent, with or without a space).
    expect(pdfText).toMatch(/100 ?%/);
    const artifacts = join(__dirname, '..', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    const png = spawnSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, join(artifacts, 'xlsx-charts-page1')], { encoding: 'utf8' });
    expect(png.status).toBe(0);

    // LibreOffice read the series from our parts: its own export has the same charts.
    convert('xlsx', join(dir, 'lo'));
    const lo = await JSZip.loadAsync(readFileSync(join(dir, 'lo', 'tong-hop.xlsx')));
    const charts = await Promise.all(chartParts(lo).map((p) => text(lo, p)));
    expect(charts).toHaveLength(2);
    const summary = charts.map((x) => ({
      dir: /<c:barDir val="(\w+)"\/>/.exec(x)?.[1],
      series: seriesOf(x).map((s) => [s.txF, s.catF, s.valF].map((f) => f.replace(/\$/g, ''))),
    })).sort((a, b) => String(a.dir).localeCompare(String(b.dir)));
    const q = "'TH Nam Đông & A''Lưới'!";
    expect(summary).toEqual([
      { dir: 'bar', series: [[`${q}C9`, `${q}B10:B13`, `${q}C10:C13`]] },
      { dir: 'col', series: ['C', 'D', 'E'].map((c) => [`${q}${c}3`, `${q}B4:B7`, `${q}${c}4:${c}7`]) },
    ]);

    // The real summary of the example district, for a look at the charts under its data blocks.
    const real = layoutOutputs(namDongResult(), { now: new Date(2024, 10, 5) }).filter((s) => s.charts?.length);
    writeFileSync(file, await writeXlsx(real));
    convert('pdf', join(dir, 'real'));
    const realPdf = join(dir, 'real', 'tong-hop.pdf');
    expect(existsSync(realPdf)).toBe(true);
    const realText = spawnSync('pdftotext', [realPdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const c of real.flatMap((s) => s.charts!)) expect(realText).toContain(c.title);
    // Plain text per page (two charts side by side interleave their titles in -layout mode).
    const pages = spawnSync('pdftotext', [realPdf, '-'], { encoding: 'utf8' }).stdout.split('\f').map((p) => p.replace(/\s+/g, ' '));
    const chartPage = pages.findIndex((p) => p.includes(real[0].charts![0].title)) + 1;
    expect(chartPage).toBeGreaterThan(0);
    expect(spawnSync('pdftoppm', ['-png', '-r', '70', '-f', String(chartPage), '-l', String(chartPage), '-singlefile', realPdf,
      join(artifacts, 'xlsx-charts-nam-dong')]).status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
