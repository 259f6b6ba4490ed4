/**
 * The whole pane flow on Microsoft's real Excel client (dev/office-host) with the real core: read the
 * workbook, compile, write the outputs; then what Excel holds is exactly
 * what the layout asked for, and compiling again gives the same sheets.
 */
import { compileGrids } from '../../src/core/compile';
import { layoutOutputs, layoutTemplate } from '../../src/core/layout';
import { ownOutputSheetNames } from '../../src/core/own-outputs';
import type { OutputSheet } from '../../src/core/sheet-model';
import { readWorkbookGrids, writeOutputSheets } from '../../src/excel';
import type { RichApiHost } from '../../dev/office-host';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { onEachClient, setup } from './helpers';

const communes = ['Hương Lộc', 'Thượng Lộ', 'Hương Phú', 'Thượng Quảng'].map((name, i) => ({
  ...makeUnitGrid(sampleSpec({ unit: `UBND xã ${name}`, unitCode: `X00${i + 1}`, figures: { ...sampleSpec().figures, A1: 10 + i, D2: 1000 + i * 100, D3: 500 + i } })),
  sheet: name,
}));

type Cell = string | number | boolean | null;
/** Rows with trailing empty cells and trailing empty rows dropped. */
function trimmed(rows: Cell[][]): Cell[][] {
  const out = rows.map((r) => {
    const x = [...r];
    while (x.length && (x[x.length - 1] === null || x[x.length - 1] === '')) x.pop();
    return x.map((v) => (v === '' ? null : v));
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}
const expectedValues = (s: OutputSheet) => trimmed(s.rows.map((r) => Array.from(r, (c) => c?.v ?? null)));

async function compileInExcel(fake: RichApiHost) {
  return fake.run(async (ctx) => {
    const grids = await readWorkbookGrids(ctx);
    const result = compileGrids(grids, { openWorkbook: true });
    const sheets = layoutOutputs(result, { now: new Date('2025-10-20T08:00:00Z') });
    const res = await writeOutputSheets(ctx, sheets, { replace: ownOutputSheetNames(result.ownOutputs) });
    return { sheets, res };
  });
}

onEachClient(() => {
describe('read → compile → write on the real client', () => {
  it('writes exactly the layout\'s values, as values (no formulas), and leaves the unit sheets as they were', async () => {
    const fake = setup(communes);
    const unitsBefore = communes.map((c) => fake.sheet(c.sheet)!.values);
    const { sheets, res } = await compileInExcel(fake);
    expect(res.written).toEqual(sheets.map((s) => s.name));
    expect(fake.sheetNames()).toEqual([...communes.map((c) => c.sheet), ...sheets.map((s) => s.name)]);
    for (const s of sheets) {
      const got = fake.sheet(s.name)!;
      expect(trimmed(got.values)).toEqual(expectedValues(s));
      expect(got.formulas.flat().filter((f) => f !== null)).toEqual([]);
      expect(got.merges.sort()).toEqual([...s.merges].sort());
      expect(got.charts.map((c) => c.title)).toEqual((s.charts ?? []).map((c) => c.title));
    }
    expect(communes.map((c) => fake.sheet(c.sheet)!.values)).toEqual(unitsBefore);
  });

  it('compiling again replaces the output with the same sheets, nothing added twice', async () => {
    const fake = setup(communes);
    const first = await compileInExcel(fake);
    const namesAfterFirst = fake.sheetNames();
    const second = await compileInExcel(fake);
    expect(fake.sheetNames().sort()).toEqual(namesAfterFirst.sort());
    expect(second.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
    for (const s of second.sheets) expect(trimmed(fake.sheet(s.name)!.values)).toEqual(expectedValues(s));
  });

  it('writes the blank template with its lists and protection (ExcelApi 1.8+) or without them on 1.4', async () => {
    const template = layoutTemplate({ unit: 'UBND xã Hương Lộc', level: 'Xã', parent: 'UBND huyện Nam Đông', period: 'Năm', year: 2025 });
    const modern = setup(communes.slice(0, 1));
    await modern.run((ctx) => writeOutputSheets(ctx, [template], { replace: new Set() }));
    const m = modern.sheet(template.name)!;
    expect(trimmed(m.values).slice(0, 8)).toEqual(expectedValues(template).slice(0, 8));
    expect(m.validations).toHaveLength(template.validations!.length);
    expect(m.protected).toBe(!!template.protection);

    const old = setup(communes.slice(0, 1), { apiVersion: '1.4' });
    const res = await old.run((ctx) => writeOutputSheets(ctx, [template], { replace: new Set() }));
    expect(trimmed(old.sheet(template.name)!.values)).toEqual(trimmed(m.values));
    expect(old.sheet(template.name)!.validations).toEqual([]);
    expect(res.notes.some((n) => n.includes(template.name))).toBe(true);
  });
});
});
