/**
 * Native charts added to the writer's .xlsx: the package parts and their
 * wiring, the worksheet's child order, cell values unchanged for two
 * independent readers (exceljs, SheetJS), chart references and cached values
 * that agree with the cells, and LibreOffice opening the file and drawing
 * the charts (PDF text + a PNG under test/artifacts/ for a human look; a
 * round trip through LibreOffice's own .xlsx export keeps the charts).
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
import { writeXlsx } from '../../src/xlsx/write';
import { addChartsToXlsx, insertDrawingElement } from '../../src/xlsx/add-charts';
import { layoutOutputs } from '../../src/core/layout';
import { namDongResult } from '../report/fixtures';

// ---------------------------------------------------------------- fixture

const header = (v: string): OutCell => ({ v, style: { bold: true, border: true } });
const count = (v: number): OutCell => ({ v, style: { border: true, numberFormat: NUMBER_FORMATS.count } });
const rate = (v: number | null): OutCell => ({ v, style: { border: true, numberFormat: NUMBER_FORMATS.percent } });

const UNITS = ['UBND xã Hương Lộc', 'UBND xã Thượng Quảng', 'UBND thị trấn Khe Tre', 'Phòng Nội vụ (tự báo cáo)'];
const CHANNELS = ['Báo in', 'Truyền hình', 'Mạng xã hội'];
const COUNTS = [[12, 40, 7], [3, 25, 0], [20, 8, 15], [5, 60, 30]];
const RATES = [0.998, 0.95, null, 0.87];

/** Apostrophe and ampersand: the name must be quoted in formulas and escaped in XML. */
const SUMMARY_NAME = "TH Nam Đông & A'Lưới";
const COLUMN_TITLE = 'Số tin, bài theo kênh';
const BAR_TITLE = 'Tỷ lệ hồ sơ giải quyết đúng hạn';

function summarySheet(): OutputSheet {
  const rows: OutCell[][] = [[{ v: 'TỔNG HỢP SỐ LIỆU TUYÊN TRUYỀN', style: { bold: true, fontSize: 14 } }], []];
  rows[2] = [{ v: null }, header('Đơn vị'), ...CHANNELS.map(header)];
  UNITS.forEach((u, i) => (rows[3 + i] = [{ v: null }, { v: u, style: { border: true } }, ...COUNTS[i].map(count)]));
  rows[8] = [{ v: null }, header('Đơn vị'), header('Tỷ lệ đúng hạn')];
  UNITS.forEach((u, i) => (rows[9 + i] = [{ v: null }, { v: u, style: { border: true } }, rate(RATES[i])]));
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

const FINDINGS: OutputSheet = {
  name: 'Kiểm tra',
  role: 'findings',
  rows: [[{ v: 'Mức độ' }, { v: 'Ô' }], [{ v: 'Lỗi' }, { v: "'Hương Lộc'!D14" }]],
  merges: [],
  columnWidths: [10, 20],
  print: { orientation: 'portrait' },
};

/** Characters Excel refuses: the writer renames the sheet, the charts must still find it. */
const RENAMED: OutputSheet = {
  name: 'Quý I/2024: tổng hợp',
  role: 'summary',
  rows: [[{ v: 'Đơn vị' }, { v: 'Tin bài' }], [{ v: 'Xã A' }, { v: 4 }], [{ v: 'Xã B' }, { v: 9 }]],
  merges: [],
  columnWidths: [20, 10],
  print: { orientation: 'portrait' },
  charts: [{ title: 'Tin bài theo xã', type: 'columnClustered', dataRange: 'A1:B3', anchor: 'D2', width: 6, height: 12 }],
};

const withoutCharts = (sheets: OutputSheet[]): OutputSheet[] => sheets.map((s) => ({ ...s, charts: undefined }));

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

/** CT_Worksheet's child sequence (ECMA-376 Part 1, §18.3.1.99). */
const WORKSHEET_ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr',
  'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks',
  'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF',
  'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function expectSchemaOrder(children: string[]): void {
  const ranks = children.map((c) => WORKSHEET_ORDER.indexOf(c));
  expect(ranks).not.toContain(-1);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
}

/** `'It''s'!$B$4:$B$7` → sheet name and the cell values SheetJS reads there. */
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
    const count = (xml: string) => Number(/<c:ptCount val="(\d+)"\/>/.exec(xml)![1]);
    const [tx, cat, val] = ['tx', 'cat', 'val'].map(part);
    return {
      txF: all(tx, /<c:f>([^<]*)<\/c:f>/g)[0], tx: cache(tx, count(tx)),
      catF: all(cat, /<c:f>([^<]*)<\/c:f>/g)[0], cat: cache(cat, count(cat)),
      valF: all(val, /<c:f>([^<]*)<\/c:f>/g)[0], val: cache(val, count(val)).map((v) => (v === null ? null : Number(v))),
      valFormat: /<c:formatCode>([^<]*)<\/c:formatCode>/.exec(val)?.[1],
    };
  });
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`missing part ${path}`);
  return f.async('string');
}

// ---------------------------------------------------------------- tests

describe('addChartsToXlsx', () => {
  const sheets = [summarySheet(), FINDINGS, RENAMED];
  let plain: Buffer;
  let charted: Buffer;
  let zip: JSZip;

  beforeAll(async () => {
    // The writer draws charts itself; here it writes none, so these come from addChartsToXlsx alone.
    plain = await writeXlsx(withoutCharts(sheets), { date: new Date(2024, 10, 5) });
    charted = await addChartsToXlsx(plain, sheets);
    zip = await JSZip.loadAsync(charted);
  });

  it('adds one chart part per ChartSpec and one drawing per sheet with charts', () => {
    const parts = Object.keys(zip.files).filter((p) => /^xl\/(charts|drawings)\//.test(p)).sort();
    expect(parts).toEqual([
      'xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml',
      'xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/_rels/drawing2.xml.rels',
      'xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml',
    ]);
    expect(Object.keys(zip.files).filter((p) => zip.files[p].dir)).toEqual([]); // no folder entries
    // The findings sheet is untouched.
    expect(zip.file('xl/worksheets/_rels/sheet2.xml.rels')).toBeNull();
  });

  it('wires sheet → drawing → chart through relationships and declares the content types', async () => {
    const sheetXml = await text(zip, 'xl/worksheets/sheet1.xml');
    const drawingId = /<drawing [^>]*r:id="([^"]+)"/.exec(sheetXml)![1];
    const sheetRels = await text(zip, 'xl/worksheets/_rels/sheet1.xml.rels');
    expect(sheetRels).toContain(`Id="${drawingId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`);

    const drawing = await text(zip, 'xl/drawings/drawing1.xml');
    const chartIds = all(drawing, /<c:chart [^>]*r:id="([^"]+)"/g);
    expect(chartIds).toHaveLength(2);
    const drawingRels = await text(zip, 'xl/drawings/_rels/drawing1.xml.rels');
    const targets = chartIds.map((id) => new RegExp(`Id="${id}" Type="[^"]+/chart" Target="([^"]+)"`).exec(drawingRels)?.[1]);
    expect(targets).toEqual(['../charts/chart1.xml', '../charts/chart2.xml']);

    const types = await text(zip, '[Content_Types].xml');
    for (const n of [1, 2, 3]) expect(types).toContain(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    for (const n of [1, 2]) expect(types).toContain(`<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    // Every part in the package has a content type, none twice.
    const overrides = all(types, /PartName="([^"]+)"/g);
    expect(new Set(overrides).size).toBe(overrides.length);
    for (const p of Object.keys(zip.files).filter((f) => !zip.files[f].dir && !f.endsWith('.rels') && f !== '[Content_Types].xml')) {
      expect(overrides).toContain(`/${p}`);
    }
  });

  it('puts the <drawing> element where the schema wants it: after pageSetup, nothing out of order', async () => {
    const children = topLevelChildren(await text(zip, 'xl/worksheets/sheet1.xml'));
    expect(children.filter((c) => c === 'drawing')).toHaveLength(1);
    expect(children.indexOf('drawing')).toBeGreaterThan(children.indexOf('pageSetup'));
    expect(children).toContain('sheetProtection');
    expect(children).toContain('dataValidations');
    expectSchemaOrder(children);
    expectSchemaOrder(topLevelChildren(await text(zip, 'xl/worksheets/sheet3.xml')));
  });

  it('anchors each chart at its cell spanning width × height', async () => {
    const drawing = await text(zip, 'xl/drawings/drawing1.xml');
    const corners = [...drawing.matchAll(/<xdr:(from|to)><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)]
      .map((m) => `${m[1]} ${m[2]},${m[3]}`);
    // B15 = col 1,row 14 → +8 columns, +16 rows; K15 = col 10,row 14 → +7, +16.
    expect(corners).toEqual(['from 1,14', 'to 9,30', 'from 10,14', 'to 17,30']);
    expect(all(drawing, /<xdr:cNvPr id="([^"]+)"/g)).toEqual(['2', '3']); // unique shape ids
  });

  it('writes clustered column and bar charts with one series per data column, titled in Vietnamese', async () => {
    const col = await text(zip, 'xl/charts/chart1.xml');
    expect(col).toContain('<c:barDir val="col"/>');
    expect(col).toContain('<c:grouping val="clustered"/>');
    expect(col).toMatch(/<c:catAx>[\s\S]*<c:valAx>/);
    expect(col).toContain('<c:legend>');
    expect(all(col, /<a:t>([^<]*)<\/a:t>/g)).toEqual([COLUMN_TITLE]);
    expect(seriesOf(col).map((s) => s.tx[0])).toEqual(CHANNELS);

    const bar = await text(zip, 'xl/charts/chart2.xml');
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(all(bar, /<a:t>([^<]*)<\/a:t>/g)).toEqual([BAR_TITLE]);
    const [rates] = seriesOf(bar);
    expect(rates.valFormat).toBe('0.0%');
    expect(rates.val).toEqual(RATES); // the blank rate stays a gap, not a zero
    expect(bar).toContain('<c:max val="1"/>'); // a rate axis ends at 100 %
  });

  it('points every series at the cells that hold it, with caches equal to those cells', async () => {
    const book = XLSX.read(charted, { type: 'buffer' });
    const sheetNames = book.SheetNames;
    expect(sheetNames).toEqual([SUMMARY_NAME, 'Kiểm tra', 'Quý I 2024  tổng hợp']);
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

  it('leaves every cell value as it was, for exceljs and for SheetJS', async () => {
    const before = XLSX.read(plain, { type: 'buffer' });
    const after = XLSX.read(charted, { type: 'buffer' });
    expect(after.SheetNames).toEqual(before.SheetNames);
    for (const name of before.SheetNames) {
      expect(XLSX.utils.sheet_to_json(after.Sheets[name], { header: 1 })).toEqual(XLSX.utils.sheet_to_json(before.Sheets[name], { header: 1 }));
    }

    const load = async (buf: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      return wb.worksheets.map((ws) => ({ name: ws.name, values: ws.getSheetValues() }));
    };
    const [x, y] = await Promise.all([load(plain), load(charted)]);
    expect(y).toEqual(x);
    expect(y[0].values[4]).toEqual([undefined, undefined, 'UBND xã Hương Lộc', 12, 40, 7]);
  });

  it('adds nothing the second time, nor to a file the writer already charted', async () => {
    expect(Buffer.compare(await addChartsToXlsx(charted, sheets), charted)).toBe(0);
    const native = await writeXlsx(sheets);
    expect(Object.keys((await JSZip.loadAsync(native)).files).filter((p) => p.startsWith('xl/charts/'))).toHaveLength(3);
    expect(Buffer.compare(await addChartsToXlsx(native, sheets), native)).toBe(0);
  });

  it('adds only the missing chart when one of a sheet\'s charts is already there', async () => {
    const [summary] = sheets;
    const half = await addChartsToXlsx(plain, [{ ...summary, charts: summary.charts!.slice(0, 1) }, FINDINGS, { ...RENAMED, charts: undefined }]);
    const full = await JSZip.loadAsync(await addChartsToXlsx(half, sheets));
    expect(Object.keys(full.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort()).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml']);
    const drawing = await text(full, 'xl/drawings/drawing1.xml');
    expect(all(drawing, /<xdr:cNvPr id="([^"]+)"/g)).toEqual(['2', '3']);
    expect(all(await text(full, 'xl/charts/chart2.xml'), /<a:t>([^<]*)<\/a:t>/g)).toEqual([BAR_TITLE]);
    expect(topLevelChildren(await text(full, 'xl/worksheets/sheet1.xml')).filter((c) => c === 'drawing')).toHaveLength(1);
  });

  it('returns the same bytes when no sheet has a chart', async () => {
    const noCharts = [FINDINGS];
    const buf = await writeXlsx(noCharts);
    expect(Buffer.compare(await addChartsToXlsx(buf, noCharts), buf)).toBe(0);
  });

  it('fails in Vietnamese when a sheet with charts is not in the file', async () => {
    const other = await writeXlsx([FINDINGS, { ...FINDINGS, name: 'Khác' }]);
    await expect(addChartsToXlsx(other, [RENAMED])).rejects.toThrow(/Không tìm thấy trang "Quý I\/2024: tổng hợp"/);
  });

  it('adds the charts to a drawing the sheet already has (a picture written by exceljs)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(RENAMED.name.replace(/[/:]/g, ' '));
    ws.addRows([['Đơn vị', 'Tin bài'], ['Xã A', 4], ['Xã B', 9]]);
    // 1×1 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'H1:I2');
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const out = await JSZip.loadAsync(await addChartsToXlsx(buf, [{ ...RENAMED, name: ws.name }]));
    const sheetXml = await text(out, 'xl/worksheets/sheet1.xml');
    expect(topLevelChildren(sheetXml).filter((c) => c === 'drawing')).toHaveLength(1);
    expectSchemaOrder(topLevelChildren(sheetXml));
    const drawing = await text(out, 'xl/drawings/drawing1.xml');
    expect(drawing).toMatch(/<xdr:pic>[\s\S]*<c:chart /);
    expect(Object.keys(out.files).filter((p) => p.startsWith('xl/drawings/drawing'))).toEqual(['xl/drawings/drawing1.xml']);
    const rels = await text(out, 'xl/drawings/_rels/drawing1.xml.rels');
    expect(rels).toMatch(/relationships\/image"/);
    expect(rels).toMatch(/relationships\/chart" Target="\.\.\/charts\/chart1\.xml"/);
    const ids = all(rels, /Id="([^"]+)"/g);
    expect(new Set(ids).size).toBe(ids.length);
    // exceljs still reads its picture and the cells.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await out.generateAsync({ type: 'nodebuffer' })) as unknown as ArrayBuffer);
    expect(back.worksheets[0].getImages()).toHaveLength(1);
    expect(back.worksheets[0].getCell('B3').value).toBe(9);
  });
});

/**
 * The writer now draws charts itself; the same package checks, run on its
 * output, tell whether the two agree on what a valid chart package is.
 */
describe('the writer\'s own charts pass the same package checks', () => {
  const sheets = [summarySheet(), FINDINGS, RENAMED];
  let buf: Buffer;
  let zip: JSZip;
  beforeAll(async () => {
    buf = await writeXlsx(sheets);
    zip = await JSZip.loadAsync(buf);
  });

  it('declares a content type for every part and keeps each worksheet in schema order', async () => {
    const types = await text(zip, '[Content_Types].xml');
    const overrides = all(types, /PartName="([^"]+)"/g);
    for (const p of Object.keys(zip.files).filter((f) => !zip.files[f].dir && !f.endsWith('.rels') && f !== '[Content_Types].xml')) {
      expect(overrides).toContain(`/${p}`);
    }
    for (const n of [1, 2, 3]) expectSchemaOrder(topLevelChildren(await text(zip, `xl/worksheets/sheet${n}.xml`)));
  });

  it('points every series at the cells that hold it, with caches equal to those cells', async () => {
    const book = XLSX.read(buf, { type: 'buffer' });
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(3);
    for (const p of charts) {
      const series = seriesOf(await text(zip, p));
      expect(series.length).toBeGreaterThan(0);
      for (const s of series) {
        expect(valuesAt(book, s.txF)).toEqual(s.tx);
        expect(valuesAt(book, s.catF)).toEqual(s.cat);
        expect(valuesAt(book, s.valF)).toEqual(s.val);
      }
    }
  });
});

describe('charts of the real summary layout (Nam Đông example)', () => {
  it('get one chart part each, over data blocks whose cells match the caches', async () => {
    const sheets = layoutOutputs(namDongResult(), { now: new Date(2024, 10, 5) });
    const specs = sheets.flatMap((s) => s.charts ?? []);
    expect(specs.length).toBeGreaterThanOrEqual(2);
    const buf = await addChartsToXlsx(await writeXlsx(withoutCharts(sheets)), sheets);
    const zip = await JSZip.loadAsync(buf);
    const book = XLSX.read(buf, { type: 'buffer' });
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(specs.length);
    const titles: string[] = [];
    for (const p of charts) {
      const xml = await text(zip, p);
      titles.push(...all(xml, /<a:t>([^<]*)<\/a:t>/g));
      for (const s of seriesOf(xml)) {
        expect(s.cat.every((c) => c)).toBe(true); // every unit named
        expect(valuesAt(book, s.catF)).toEqual(s.cat);
        expect(valuesAt(book, s.valF)).toEqual(s.val);
        expect(s.val.some((v) => v !== null)).toBe(true);
      }
    }
    expect(titles.sort()).toEqual(specs.map((c) => c.title).sort());
  });
});

describe('insertDrawingElement', () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

  it('goes before legacyDrawing/tableParts/extLst, not before an extLst nested in a conditional format', () => {
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`
      + '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&gt;0</formula></cfRule><extLst><ext uri="x"/></extLst></conditionalFormatting>'
      + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9"/><headerFooter><oddHeader>&amp;C</oddHeader></headerFooter>'
      + '<legacyDrawing r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/><tableParts count="0"/><extLst><ext uri="y"/></extLst></worksheet>';
    const out = insertDrawingElement(xml, 'rId7');
    expect(topLevelChildren(out)).toEqual(['sheetData', 'conditionalFormatting', 'pageMargins', 'pageSetup', 'headerFooter', 'drawing', 'legacyDrawing', 'tableParts', 'extLst']);
    expect(out).toContain('<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId7"/><legacyDrawing');
  });

  it('goes before a top-level extLst when that is all that follows', () => {
    const xml = `<worksheet ${NS}><sheetData/><conditionalFormatting sqref="A1"><cfRule type="dataBar" priority="1"><extLst><ext uri="x"/></extLst></cfRule></conditionalFormatting>`
      + '<pageSetup paperSize="9"/><rowBreaks count="1"><brk id="5" max="16383" man="1"/></rowBreaks><extLst><ext uri="y"/></extLst></worksheet>';
    expect(topLevelChildren(insertDrawingElement(xml, 'rId2'))).toEqual(['sheetData', 'conditionalFormatting', 'pageSetup', 'rowBreaks', 'drawing', 'extLst']);
  });

  it('goes last when nothing follows it, and keeps a prefixed root\'s prefix', () => {
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/><x:pageSetup paperSize="9"/></x:worksheet>';
    expect(insertDrawingElement(xml, 'rId1')).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/><x:pageSetup paperSize="9"/>'
      + '<x:drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></x:worksheet>');
  });
});

// ---------------------------------------------------------------- LibreOffice

const INSTALL_HINT =
  'LibreOffice Calc and poppler-utils are needed for this test: apt-get install -y libreoffice-calc-nogui poppler-utils fonts-liberation ' +
  '(or set SKIP_LIBREOFFICE=1 to skip it explicitly).';

function onPath(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const maybe = process.env.SKIP_LIBREOFFICE === '1' ? test.skip : test;

maybe('LibreOffice opens the charted workbook, draws the charts and keeps them when it saves .xlsx', async () => {
  const office = onPath('libreoffice') ?? onPath('soffice');
  if (!office || !(onPath('pdftotext') && onPath('pdftoppm'))) throw new Error(INSTALL_HINT);
  const sheets = [summarySheet(), FINDINGS];
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-charts-'));
  try {
    const file = join(dir, 'tong-hop.xlsx');
    writeFileSync(file, await addChartsToXlsx(await writeXlsx(withoutCharts(sheets)), sheets));
    const convert = (to: string, outdir: string) => {
      mkdirSync(outdir, { recursive: true });
      // Own profile directory: parallel runs must not share LibreOffice's profile lock.
      return spawnSync(office, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', outdir, file],
        { encoding: 'utf8', timeout: 180_000 });
    };

    const conv = convert('pdf', dir);
    const pdf = join(dir, 'tong-hop.pdf');
    expect({ exists: existsSync(pdf), stderr: existsSync(pdf) ? '' : conv.stderr }).toEqual({ exists: true, stderr: '' });
    // The titles are in no cell: they are in the PDF only if the charts were drawn.
    const pdfText = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const t of [COLUMN_TITLE, BAR_TITLE, ...CHANNELS]) expect(pdfText).toContain(t);
    const artifacts = join(__dirname, '..', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    const png = spawnSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, join(artifacts, 'xlsx-charts-page1')], { encoding: 'utf8' });
    expect(png.status).toBe(0);

    // LibreOffice read the series from our parts: its own export has the same charts.
    convert('xlsx', join(dir, 'lo'));
    const lo = await JSZip.loadAsync(readFileSync(join(dir, 'lo', 'tong-hop.xlsx')));
    const charts = await Promise.all(Object.keys(lo.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort().map((p) => text(lo, p)));
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
    writeFileSync(file, await addChartsToXlsx(await writeXlsx(withoutCharts(real)), real));
    convert('pdf', join(dir, 'real'));
    const realPdf = join(dir, 'real', 'tong-hop.pdf');
    expect(existsSync(realPdf)).toBe(true);
    const realText = spawnSync('pdftotext', [realPdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const c of real.flatMap((s) => s.charts!)) expect(realText).toContain(c.title);
    const pages = spawnSync('pdftotext', ['-layout', realPdf, '-'], { encoding: 'utf8' }).stdout.split('\f');
    const chartPage = pages.findIndex((p) => p.includes(real[0].charts![0].title)) + 1;
    expect(chartPage).toBeGreaterThan(0);
    expect(spawnSync('pdftoppm', ['-png', '-r', '70', '-f', String(chartPage), '-l', String(chartPage), '-singlefile', realPdf,
      join(artifacts, 'xlsx-charts-nam-dong')]).status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
