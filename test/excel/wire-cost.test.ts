/**
 * The wire-cost model (src/excel/wire-cost.ts) held against the bytes
 * Microsoft's real client sends, for every kind of operation the add-in
 * queues: the model may over-estimate (more syncs than needed) but never
 * under-estimate (a request over 5 MB), and not by more than 1.6×.
 */
import { WIRE, bordersCost, gridWriteCost, rangeCallCost, rangeLoadCost, rangeSetCost, rangeSetsCost, sheetCost, sheetPartCost, untrackedRange } from '../../src/excel/wire-cost';
import { jsonBytes } from '../../src/excel/cell-values';
import { RichApiHost, loadClient, attachHost } from '../../dev/office-host';

const N = 100;
type Kind = { name: string; model: (i: number) => number; queue: (ctx: Excel.RequestContext, ws: Excel.Worksheet, i: number) => void };

const cell = (i: number) => `D${i + 10}`;
const row = (i: number) => `A${i + 1}:E${i + 1}`;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as Excel.BorderIndex[];
const FORMATS = [['General', '@', '@', '#,##0', 'General']];
const values = (i: number) => [[i, 'Chỉ tiêu số ' + i, 'tin, bài', i * 3, null]];

const KINDS: Kind[] = [
  { name: 'fill colour', model: (i) => rangeSetCost(cell(i), 2, '#F4A6C6'), queue: (c, ws, i) => void (ws.getRange(cell(i)).format.fill.color = '#F4A6C6') },
  { name: 'fill clear', model: (i) => rangeCallCost(cell(i), 2), queue: (c, ws, i) => ws.getRange(cell(i)).format.fill.clear() },
  { name: 'load fill colour', model: (i) => rangeLoadCost(cell(i), 2, 'color'), queue: (c, ws, i) => void ws.getRange(cell(i)).format.fill.load('color') },
  { name: 'load a row (fill, place)', model: (i) => rangeLoadCost(row(i), 2, 'color') + WIRE.load + 40, queue: (c, ws, i) => { const r = ws.getRange(row(i)); r.format.fill.load('color'); r.load('rowIndex,columnIndex,columnCount'); } },
  { name: 'bold', model: (i) => rangeSetCost(row(i), 2, true), queue: (c, ws, i) => void (ws.getRange(row(i)).format.font.bold = true) },
  { name: 'font size', model: (i) => rangeSetCost(row(i), 2, 14), queue: (c, ws, i) => void (ws.getRange(row(i)).format.font.size = 14) },
  {
    name: 'sheet font (name and size)', model: (i) => rangeSetsCost(row(i), 2, ['Times New Roman', 12]),
    queue: (c, ws, i) => { const f = ws.getRange(row(i)).format.font; f.name = 'Times New Roman'; f.size = 12; },
  },
  {
    // Each on its own sheet, as the writer sets a page layout once per sheet.
    name: 'page layout (orientation, A4, print titles)',
    model: (i) => sheetCost(`Xã số ${i}`) + sheetPartCost(1, ['Landscape', 'A4'], [['$1:$2']]),
    queue: (c, ws, i) => { const p = c.workbook.worksheets.getItem(`Xã số ${i}`).pageLayout; p.orientation = 'Landscape'; p.paperSize = 'A4'; p.setPrintTitleRows('$1:$2'); },
  },
  { name: 'alignment', model: (i) => rangeSetCost(row(i), 1, 'Center'), queue: (c, ws, i) => void (ws.getRange(row(i)).format.horizontalAlignment = 'Center') },
  { name: 'wrap', model: (i) => rangeSetCost(row(i), 1, true), queue: (c, ws, i) => void (ws.getRange(row(i)).format.wrapText = true) },
  { name: 'six-edge border', model: (i) => bordersCost(`A${i + 1}:C${i + 2}`, 6), queue: (c, ws, i) => { const f = ws.getRange(`A${i + 1}:C${i + 2}`).format; for (const e of EDGES) f.borders.getItem(e).style = 'Continuous'; } },
  { name: 'merge', model: (i) => rangeCallCost(row(i), 0, [false]), queue: (c, ws, i) => ws.getRange(row(i)).merge(false) },
  { name: 'column width', model: () => rangeSetCost('A:B', 1, 52.5), queue: (c, ws) => void (ws.getRange('A:B').format.columnWidth = 52.5) },
  { name: 'unlock cells', model: (i) => rangeSetCost(row(i), 2, false), queue: (c, ws, i) => void (ws.getRange(row(i)).format.protection.locked = false) },
  {
    name: 'values + number formats of a row', model: (i) => gridWriteCost(row(i), jsonBytes(values(i)) + jsonBytes(FORMATS), 5),
    queue: (c, ws, i) => { const r = ws.getRange(row(i)); r.numberFormat = FORMATS; r.values = values(i) as unknown as string[][]; },
  },
  { name: 'sheet by name, protection loaded', model: (i) => sheetCost(`Xã số ${i}`, WIRE.nav + WIRE.load + 20), queue: (c, ws, i) => void c.workbook.worksheets.getItemOrNullObject(`Xã số ${i}`).protection.load('protected') },
];

/** Bytes per operation: the request of N + 1 operations less that of 1, after `warm` ids were used. */
async function bytesPerOp(kind: Kind, warm: number): Promise<{ real: number; model: number }> {
  const host = attachHost(new RichApiHost({ requestLimit: 1e9, responseLimit: 1e9 }));
  host.addSheet('Xã Hương Lộc', [[1]]);
  for (let i = 0; i <= N; i++) host.addSheet(`Xã số ${i}`);
  let model = 0;
  await host.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Xã Hương Lộc');
    ws.load('name');
    for (let k = 0; k < warm; k++) ws.load('name'); // ids of more digits, as late in a long run
    await ctx.sync();
    for (const n of [1, N + 1]) {
      for (let i = 0; i < n; i++) {
        kind.queue(ctx, ws, i);
        if (n > 1 && i > 0) model += kind.model(i);
      }
      await ctx.sync();
    }
  });
  const reqs = host.stats.perSync.filter((r) => !r.cleanup).map((r) => r.requestBytes);
  return { real: (reqs[2] - reqs[1]) / N, model: model / N };
}

// The three builds send the same bytes (test/e2e/differential.test.ts): measured on the web one.
describe('wire cost of each kind of operation (real client, web build)', () => {
  beforeAll(() => loadClient('web'));
  it.each(KINDS.map((k) => [k.name, k] as const))('%s: the model is never below the real bytes, and within 1.6×', async (_n, kind) => {
    const late = await bytesPerOp(kind, 100_000);
    const early = await bytesPerOp(kind, 0);
    expect({ kind: kind.name, atLeastReal: late.model >= late.real, real: late.real, model: late.model }).toMatchObject({ atLeastReal: true });
    expect({ kind: kind.name, notMoreThan16x: early.model <= 1.6 * early.real, real: early.real, model: early.model }).toMatchObject({ notMoreThan16x: true });
  });

  it('an untracked range costs less than a tracked one, and leaves nothing for the clean-up request', async () => {
    const host = attachHost(new RichApiHost());
    host.addSheet('S', [[1]]);
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      for (let i = 0; i < 50; i++) untrackedRange(ws, cell(i)).format.fill.color = '#F4A6C6';
      await ctx.sync();
    });
    expect(host.stats.perSync.filter((r) => r.cleanup)).toEqual([]);
    expect(host.cell('S', 'D59').format.fill).toBe('#F4A6C6');
  });
});
