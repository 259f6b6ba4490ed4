import { readWorkbookGrids, readWorkbookGridsWithStats } from '../../src/excel';
import { compileGrids } from '../../src/core/compile';
import { isoToSerial } from '../../src/core/dates';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { setup, unitGrid, onEachClient } from './helpers';

onEachClient(() => {
describe('readWorkbookGrids', () => {
  it('gives each sheet\'s used range with its origin, empty cells as null and errors as {error}', async () => {
    const fake = setup([
      { sheet: 'Hương Lộc', originRow: 2, originCol: 1, cells: [['Đơn vị báo cáo', 'Xã Hương Lộc'], [{ error: '#DIV/0!' }, 12], [null, '#REF!']] },
      { sheet: 'Trống', originRow: 0, originCol: 0, cells: [] },
    ]);
    const grids = await fake.run((ctx) => readWorkbookGrids(ctx));
    expect(grids).toEqual([
      { sheet: 'Hương Lộc', originRow: 2, originCol: 1, cells: [['Đơn vị báo cáo', 'Xã Hương Lộc'], [{ error: '#DIV/0!' }, 12], [null, { error: '#REF!' }]] },
      { sheet: 'Trống', originRow: 0, originCol: 0, cells: [] },
    ]);
  });

  it('learns the workbook\'s date system (1904 on old Mac workbooks) from Excel, so a sent date reads the same in both', async () => {
    const sentDates: unknown[] = [];
    for (const date1904 of [false, true]) {
      const grid = { ...makeUnitGrid(sampleSpec({ sentDate: isoToSerial('2025-10-15', date1904) })), ...(date1904 ? { date1904 } : {}) };
      const fake = setup([grid]);
      const grids = await fake.run((ctx) => readWorkbookGrids(ctx));
      expect(grids.map((g) => !!g.date1904)).toEqual([date1904]);
      sentDates.push(compileGrids(grids, {}).summaries[0].children[0].sentDate);
    }
    expect(sentDates[0]).toBeTruthy();
    expect(sentDates[1]).toEqual(sentDates[0]);
  });

  it('uses the same number of syncs for 1, 10 and 200 sheets', async () => {
    const counts: number[] = [];
    for (const n of [1, 10, 200]) {
      const fake = setup(Array.from({ length: n }, (_, i) => unitGrid(`Đơn vị ${i + 1}`, 20)));
      const grids = await fake.run((ctx) => readWorkbookGrids(ctx));
      expect(grids).toHaveLength(n);
      expect(grids[n - 1].cells[1][1]).toBe(`Đơn vị ${n}`);
      counts.push(fake.stats.syncs);
    }
    expect(counts[0]).toBe(3);
    expect(new Set(counts).size).toBe(1);
  });

  it('reads in chunks so no response exceeds the limit, the syncs growing with the data not the sheets', async () => {
    const limit = 20_000;
    const run = async (sheets: number, rows: number) => {
      const fake = setup(Array.from({ length: sheets }, (_, i) => unitGrid(`Đơn vị ${i + 1}`, rows)), { requestLimit: limit, responseLimit: limit });
      const { grids, stats } = await fake.run((ctx) => readWorkbookGridsWithStats(ctx, { maxResponseBytes: limit * 0.8 }));
      for (const s of fake.stats.perSync.filter((p) => !p.error)) expect(s.responseBytes).toBeLessThanOrEqual(limit);
      return { fake, grids, stats };
    };
    const small = await run(3, 40);
    const big = await run(3, 400);
    expect(big.fake.stats.syncs).toBeGreaterThan(small.fake.stats.syncs);
    // Every row arrived once, in place.
    expect(big.grids[2].cells).toHaveLength(403);
    expect(big.grids[2].cells[402]).toEqual(['A399', 'Chỉ tiêu số 399 của Đơn vị 3', 'tin, bài', 399 * 3, null]);
    expect(big.grids[2].cells[8][4]).toBe('Ghi chú dài về việc tuyên truyền cải cách hành chính');
    expect(big.stats.retries).toBeLessThanOrEqual(1);
  });

  it('recovers when a response is refused as too large: smaller chunks, same result', async () => {
    // The reader's budget is bigger than what the host accepts: Excel refuses, the reader splits.
    const fake = setup([unitGrid('Lớn', 300)], { responseLimit: 8_000 });
    const { grids, stats } = await fake.run((ctx) => readWorkbookGridsWithStats(ctx, { maxResponseBytes: 60_000 }));
    expect(stats.retries).toBeGreaterThan(0);
    expect(fake.stats.failedSyncs).toBe(stats.retries);
    expect(grids[0].cells).toHaveLength(303);
    expect(grids[0].cells[302][0]).toBe('A299');
  });

  it('skips very hidden sheets and reads hidden ones', async () => {
    const fake = setup([unitGrid('A', 1), unitGrid('B', 1), unitGrid('C', 1)]);
    fake.state.sheets[1].visibility = 'Hidden';
    fake.state.sheets[2].visibility = 'VeryHidden';
    const grids = await fake.run((ctx) => readWorkbookGrids(ctx));
    expect(grids.map((g) => g.sheet)).toEqual(['A', 'B']);
  });
});
});
