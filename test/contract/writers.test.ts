/**
 * The two writers are faithful copies of one OutputSheet:
 * the same sheets — the example district's outputs (layoutOutputs) and a
 * blank form (layoutTemplate) — go through the .xlsx writer
 * (src/xlsx/write.ts, read back with ExcelJS, which we did not write) and
 * through the Office.js writer (src/excel/write.ts on Microsoft's real Excel
 * client, answered by dev/office-host), and what each gives is brought to one
 * neutral shape and compared: cells (values, number formats), formats (bold,
 * italic, font name and size, colours, fill, alignment, wrap, borders, locked),
 * merges, column widths, frozen panes, page setup (scale or fit, print titles
 * of rows and columns, column page breaks, print area), validations,
 * protection, the template's TỰ KIỂM TRA formulas and conditional formats, and
 * the findings' links to their cells — on each build of the real client.
 *
 * Where they legitimately differ, and so are not compared:
 * - number format of a TEXT cell: the Office.js writer gives every text `@`
 *   so Excel never parses it as a formula or number (a `values` write is
 *   parsed); the .xlsx writer stores text as a shared string, which Excel
 *   never parses, with the style's format. Numbers are compared.
 * - charts: the .xlsx writer writes DrawingML parts (test/xlsx/write-charts.test.ts)
 *   that ExcelJS does not read; the Office.js writer asks Excel to draw them
 *   (test/excel/write.test.ts). Only their number is compared, from the zip.
 * - row heights: the host does not model them.
 * - validation prompts and messages: ExcelJS reads them, but the host keeps
 *   them apart from the rule; the rule (type, list items, bounds) is compared.
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { layoutFindings, layoutOutputs, layoutTemplate } from '../../src/core/layout';
import { cellFinding } from '../../src/core/findings';
import { cellAddress, columnLetters, parseCellAddress, parseRangeAddress } from '../../src/core/address';
import { compileGrids } from '../../src/core/compile';
import { OUTPUT_FONT, type OutputSheet } from '../../src/core/sheet-model';
import { columnWidthPoints, writeOutputSheets } from '../../src/excel';
import { writeXlsx } from '../../src/xlsx/write';
import type { RichApiHost } from '../../dev/office-host';
import { exampleGrids } from '../helpers/district';
import { onEachClient, setup } from '../excel/helpers';

interface CellShape {
  v: string | number | null;
  /** A formula cell's formula (the check block), without `=`. */
  f?: string;
  fmt?: string;
  bold: boolean;
  italic: boolean;
  font: string;
  size: number;
  color: string | null;
  fill: string | null;
  h: string | null;
  va: string | null;
  wrap: boolean;
  border: boolean;
  locked: boolean;
}
interface ValidationShape { range: string; type: string; items?: string[]; min?: number; max?: number }
interface SheetShape {
  cells: Record<string, CellShape>;
  merges: string[];
  widths: (number | null)[];
  freeze: { rows: number; cols: number } | null;
  page: { orientation: string; paper: string; titles: string | null; titleCols: string | null; zoom: string; breaks: number[]; rowBreaks: number[]; area: string | null };
  validations: ValidationShape[];
  protected: boolean;
  charts: number;
  /** Links to cells of the workbook: cell → `'Sheet'!A1`. */
  links: Record<string, string>;
  /** Conditional formats, one per area: `D31|formula|fill|color|bold`, sorted. */
  conditional: string[];
}

const hex = (c: string | undefined | null): string | null => (c ? c.replace(/^#/, '').slice(-6).toUpperCase() : null);
const lower = (s: string | undefined | null): string | null => (s ? s.toLowerCase().replace('middle', 'center') : null);
const numFmt = (v: unknown, fmt: string | undefined): string | undefined => (typeof v === 'number' ? (fmt && fmt !== 'General' ? fmt : 'General') : undefined);
const titleRows = (t: string | undefined | null): string | null => (t ? t.replace(/\$/g, '') : null);
/** One entry per cell (ExcelJS lists a validation cell by cell, Excel by range), in address order. */
function perCell(v: ValidationShape[]): ValidationShape[] {
  const out: ValidationShape[] = [];
  for (const x of v) {
    const r = parseRangeAddress(x.range) ?? (() => { const p = parseCellAddress(x.range)!; return { r1: p.row, c1: p.col, r2: p.row, c2: p.col }; })();
    for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) out.push({ ...x, range: cellAddress(row, col) });
  }
  return out.sort((a, b) => a.range.localeCompare(b.range));
}
/** ExcelJS turns a number with a date format into a Date; Excel keeps the serial (1900 system). */
const serial = (v: unknown): unknown => (v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : v);

/** Addresses of the cells the sheet defines. */
function definedCells(sheet: OutputSheet): string[] {
  const out: string[] = [];
  sheet.rows.forEach((row, r) => row.forEach((cell, c) => cell && out.push(`${columnLetters(c)}${r + 1}`)));
  return out;
}

async function viaXlsx(sheets: OutputSheet[]): Promise<SheetShape[]> {
  const buf = await writeXlsx(sheets);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const zipped = XLSX.read(buf, { type: 'buffer', bookFiles: true }) as unknown as { files: Record<string, unknown> };
  return sheets.map((sheet, i) => {
    const ws = wb.worksheets[i];
    const cells: Record<string, CellShape> = {};
    for (const a of definedCells(sheet)) {
      const c = ws.getCell(a);
      // ExcelJS shows a merged cell's master value in every cell of the merge; the file holds it once.
      const merged = c.type === ExcelJS.ValueType.Merge;
      // A linked cell: ExcelJS gives { text, hyperlink }; the value is the text. A formula: { formula }, no value (none cached).
      const formula = !merged && c.value && typeof c.value === 'object' && 'formula' in c.value ? (c.value as { formula: string }).formula : undefined;
      const raw = formula !== undefined ? null : c.value && typeof c.value === 'object' && 'text' in c.value ? (c.value as { text: string }).text : c.value;
      const v = merged || raw === undefined || raw === '' ? null : (serial(raw) as string | number | null);
      const fill = c.fill && c.fill.type === 'pattern' && c.fill.pattern === 'solid' ? hex(c.fill.fgColor?.argb) : null;
      cells[a] = {
        v, ...(formula !== undefined ? { f: formula } : {}), fmt: numFmt(v, c.numFmt),
                // A cell written without a style has the file's first font, which is the core's OUTPUT_FONT (src/xlsx/write.ts).
        bold: !!c.font?.bold, italic: !!c.font?.italic, font: c.font?.name ?? OUTPUT_FONT.name, size: c.font?.size ?? OUTPUT_FONT.size,
        color: hex(c.font?.color?.argb), fill,
        h: lower(c.alignment?.horizontal), va: lower(c.alignment?.vertical), wrap: !!c.alignment?.wrapText,
        border: !!(c.border?.top && c.border?.bottom && c.border?.left && c.border?.right),
        locked: c.protection?.locked !== false,
      };
    }
    const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
    const validations = Object.entries(dv).map(([range, m]): ValidationShape => (m.type === 'list'
      ? { range, type: 'list', items: String(m.formulae[0]).replace(/^"|"$/g, '').split(',') }
      : { range, type: m.type === 'whole' ? 'wholeNumber' : m.type, min: Number(m.formulae[0]), ...(m.formulae[1] !== undefined ? { max: Number(m.formulae[1]) } : {}) }));
    return {
      cells,
      merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
      widths: sheet.columnWidths.map((_, c) => { const w = ws.getColumn(c + 1).width; return w ? columnWidthPoints(w) : null; }),
      freeze: view?.state === 'frozen' ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : null,
      page: {
        orientation: String(ws.pageSetup.orientation),
        paper: ws.pageSetup.paperSize === 9 ? 'A4' : String(ws.pageSetup.paperSize),
        titles: titleRows(ws.pageSetup.printTitlesRow),
        titleCols: titleRows(ws.pageSetup.printTitlesColumn),
        zoom: !ws.pageSetup.fitToPage ? String(ws.pageSetup.scale) : ws.pageSetup.fitToHeight === 1 ? 'one page' : 'fit width',
        breaks: colBreaksOf(zipped.files, i),
        rowBreaks: breaksOf(zipped.files, i, 'rowBreaks'),
        area: titleRows((ws.pageSetup.printArea as string | undefined)?.replace(/^.*!/, '')),
      },
      links: linksOf(zipped.files, i),
      conditional: ((ws as unknown as { conditionalFormattings?: { ref: string; rules: { formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string }; bold?: boolean } } }[] }[] }).conditionalFormattings ?? [])
        .flatMap((cf) => cf.ref.split(/\s+/).flatMap((area) => cf.rules.map((r) => [area, r.formulae?.[0], hex(r.style?.fill?.bgColor?.argb), hex(r.style?.font?.color?.argb), !!r.style?.font?.bold].join('|'))))
        .sort(),
      validations: perCell(validations),
      protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
      charts: Object.keys(zipped.files).filter((f) => new RegExp(`^xl/charts/chart\\d+\\.xml$`).test(f)).length ? chartsOfSheet(zipped.files, i) : 0,
    };
  });
}

/** Internal links of the i-th sheet in the .xlsx, from its `<hyperlinks>` (cell → location). */
function linksOf(files: Record<string, unknown>, i: number): Record<string, string> {
  const e = files[`xl/worksheets/sheet${i + 1}.xml`] as { content?: Uint8Array } | undefined;
  const xml = e?.content ? Buffer.from(e.content).toString('utf8') : '';
  const un = (x: string) => x.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return Object.fromEntries([...xml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]*)"/g)].map((m) => [m[1], un(m[2])]));
}

/** Vertical page breaks of the i-th sheet in the .xlsx (ExcelJS does not read them): the columns that start a page. */
function colBreaksOf(files: Record<string, unknown>, i: number): number[] {
  return breaksOf(files, i, 'colBreaks');
}

/** Page breaks of the i-th sheet in the .xlsx: the 0-based columns (`colBreaks`) or rows (`rowBreaks`) that start a page. */
function breaksOf(files: Record<string, unknown>, i: number, kind: 'colBreaks' | 'rowBreaks'): number[] {
  const e = files[`xl/worksheets/sheet${i + 1}.xml`] as { content?: Uint8Array } | undefined;
  const xml = e?.content ? Buffer.from(e.content).toString('utf8') : '';
  const block = new RegExp(`<${kind}[^>]*>([\\s\\S]*?)</${kind}>`).exec(xml)?.[1] ?? '';
  return [...block.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
}

/** Charts of the i-th sheet in the .xlsx: the chart parts its drawing names. */
function chartsOfSheet(files: Record<string, unknown>, i: number): number {
  const text = (f: string) => { const e = files[f] as { content?: Uint8Array } | undefined; return e?.content ? Buffer.from(e.content).toString('utf8') : ''; };
  const rels = text(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`);
  const drawing = /Target="\.\.\/drawings\/(drawing\d+\.xml)"/.exec(rels)?.[1];
  return drawing ? (text(`xl/drawings/_rels/${drawing}.rels`).match(/\/chart"/g) ?? []).length : 0;
}

async function viaOfficeJs(host: RichApiHost, sheets: OutputSheet[]): Promise<SheetShape[]> {
  const res = await host.run((ctx) => writeOutputSheets(ctx, sheets));
  expect(res.written).toEqual(sheets.map((s) => s.name));
  return sheets.map((sheet) => {
    const s = host.sheet(sheet.name)!;
    const cells: Record<string, CellShape> = {};
    for (const a of definedCells(sheet)) {
      const p = parseCellAddress(a)!;
      const raw = s.values[p.row]?.[p.col];
      const snap = host.cell(sheet.name, a);
      const formula = snap.formula?.replace(/^=/, '');
      const v = formula !== undefined || raw === undefined || raw === '' ? null : (raw as string | number | null);
      const f = snap.format;
      cells[a] = {
        v, ...(formula !== undefined ? { f: formula } : {}), fmt: numFmt(v, s.numberFormats[p.row]?.[p.col]),
        bold: !!f.bold, italic: !!f.italic, font: f.fontName ?? '', size: f.size ?? 0,
        color: hex(f.color), fill: hex(f.fill),
        h: lower(f.horizontalAlignment), va: lower(f.verticalAlignment), wrap: !!f.wrapText,
        border: ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'].every((e) => f.borders?.[e] === 'Continuous'),
        locked: f.locked !== false,
      };
    }
    const validations = s.validations.map((x): ValidationShape => {
      const r = x.rule as { list?: { source: string }; wholeNumber?: { formula1: number; formula2?: number }; decimal?: { formula1: number; formula2?: number } };
      if (r.list) return { range: x.address, type: 'list', items: r.list.source.split(',') };
      const [type, b] = r.wholeNumber ? ['wholeNumber', r.wholeNumber] as const : ['decimal', r.decimal!] as const;
      return { range: x.address, type, min: Number(b.formula1), ...(b.formula2 !== undefined ? { max: Number(b.formula2) } : {}) };
    });
    return {
      cells,
      merges: [...s.merges].sort(),
      widths: sheet.columnWidths.map((_, c) => s.columnWidths[c] ?? null),
      freeze: s.freeze && (s.freeze.rows || s.freeze.cols) ? s.freeze : null,
      page: {
        orientation: lower(s.pageLayout.orientation) ?? '', paper: s.pageLayout.paperSize ?? '', titles: titleRows(s.pageLayout.printTitleRows),
        titleCols: titleRows(s.pageLayout.printTitleColumns),
        // A sheet fitted to the width keeps Excel's own zoom in the Office.js writer (src/excel/write.ts says why).
        zoom: s.pageLayout.zoom?.scale !== undefined ? String(s.pageLayout.zoom.scale) : s.pageLayout.zoom?.verticalFitToPages === 1 ? 'one page' : 'fit width',
        breaks: (s.pageLayout.colBreaks ?? []).map((a) => parseCellAddress(a.split(':')[0])!.col),
        rowBreaks: (s.pageLayout.rowBreaks ?? []).map((a) => parseCellAddress(a.split(':')[0])!.row),
        area: titleRows(s.pageLayout.printArea),
      },
      validations: perCell(validations),
      protected: s.protected,
      charts: s.charts.length,
      conditional: s.conditionalFormats.map((c) => [c.range, c.formula?.replace(/^=/, ''), hex(c.fill), hex(c.fontColor), !!c.bold].join('|')).sort(),
      links: Object.fromEntries(definedCells(sheet).flatMap((a) => {
        const l = host.cell(sheet.name, a).hyperlink?.documentReference;
        return l ? [[a, l]] : [];
      })),
    };
  });
}

function theSheets(): OutputSheet[] {
  const grids = [...exampleGrids().values()].flat();
  const outputs = layoutOutputs(compileGrids(grids, {}), { now: new Date('2025-10-20T08:00:00Z') });
  // As the pane asks for it (src/taskpane/ports.ts layoutTemplate): with the TỰ KIỂM TRA block, its formulas and conditional formats.
  const template = layoutTemplate({ unit: 'UBND xã Hương Lộc', level: 'Xã', parent: 'UBND huyện Nam Đông', period: 'Năm', year: 2025 });
  // Findings of the open workbook's own sheets (no file): linked to their cells, one sheet name with a quote.
  const linked = layoutFindings([
    cellFinding('error', { unit: 'UBND xã A Lưới', sheet: "Xã A'Lưới", cell: 'D14' }, 'dossier.balance', 'D4 + D5 + D6 khác D1 + D2'),
    cellFinding('warning', { unit: 'UBND xã Hương Lộc', sheet: 'Hương Lộc', cell: 'D20' }, 'figure.empty', 'để trống'),
  ], { name: 'Kiểm tra liên kết', period: 'Năm', year: 2025 });
  return [...outputs, template, linked];
}

// On each build of Microsoft's client (web, Windows, Mac): onEachClient loads it.
onEachClient(() => describe('the .xlsx writer and the Office.js writer give the same sheets', () => {
  const sheets = theSheets();
  let fromFile: SheetShape[];
  let fromExcel: SheetShape[];
  beforeAll(async () => {
    fromFile = await viaXlsx(sheets);
    fromExcel = await viaOfficeJs(setup([]), sheets);
  }, 120_000);

  it('covers what the layout uses: several sheets, merges, validations, protection, a list with a comma-free item', () => {
    expect(sheets.length).toBeGreaterThan(3);
    expect(sheets.some((s) => s.merges.length)).toBe(true);
    expect(sheets.some((s) => s.validations?.some((v) => v.type === 'list'))).toBe(true);
    expect(sheets.some((s) => s.protection)).toBe(true);
    expect(fromExcel.some((s) => s.charts > 0)).toBe(sheets.some((s) => s.charts?.length));
    // The summary's print blocks: a scale, repeated name columns, page breaks between column blocks.
    const th = fromFile[sheets.findIndex((s) => s.role === 'summary')].page;
    expect(th).toEqual(expect.objectContaining({ titleCols: 'A:B', zoom: '80' }));
    expect(th.breaks.length).toBeGreaterThanOrEqual(2);
    // Row breaks (a heading kept with its table, NV's pages): in some sheet, the same from both writers (compared below).
    expect(fromFile.some((s) => s.page.rowBreaks.length > 0)).toBe(true);
    // The template's check block: formulas and conditional formats on both.
    const mau = sheets.findIndex((x) => x.role === 'template');
    expect(Object.values(fromExcel[mau].cells).filter((c) => c.f).length).toBeGreaterThanOrEqual(12);
    expect(fromExcel[mau].conditional.length).toBeGreaterThanOrEqual(8);
    // Links from findings to their cells, the quote in a sheet name doubled.
    expect(Object.values(fromFile[fromFile.length - 1].links)).toEqual(["'Xã A''Lưới'!D14", "'Hương Lộc'!D20"]);
  });

  it.each(sheets.map((s, i) => [s.name, i] as const))('%s: same cells and formats', (_name, i) => {
    const a = fromFile[i].cells;
    const b = fromExcel[i].cells;
    expect(Object.keys(a).length).toBeGreaterThan(0);
    const differing = Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).slice(0, 5);
    expect(differing.map((k) => ({ cell: k, xlsx: a[k], officeJs: b[k] }))).toEqual([]);
  });

  it.each(sheets.map((s, i) => [s.name, i] as const))('%s: same merges, widths, frozen panes, page setup, validations, protection and number of charts', (_name, i) => {
    const { cells: _a, ...file } = fromFile[i];
    const { cells: _b, ...excel } = fromExcel[i];
    expect(excel).toEqual(file);
  });
}));
