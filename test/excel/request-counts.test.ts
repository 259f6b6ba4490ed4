/**
 * How many requests each button sends to Excel (Microsoft's real client, web
 * build, against dev/office-host): a round trip is tens of milliseconds on
 * the desktop and a few hundred on the web, so the count must not grow with
 * the number of units beyond what the 5 MB limit of a request forces.
 * Counts, not times: they do not depend on the machine (speed is `npm run bench`'s).
 */
import type { SheetGrid } from '../../src/core/grid';
import type { RichApiHost } from '../../dev/office-host';
import { loadClient } from '../../dev/office-host';
import * as actions from '../../src/taskpane/actions';
import { insertSheetsFromFiles } from '../../src/excel';
import { DEFAULT_MAX_REQUEST_BYTES } from '../../src/excel/sync-budget';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { setup } from './helpers';
import { gridXlsx } from '../helpers/xlsx-files';

const communeGrid = (i: number): SheetGrid =>
  makeUnitGrid(sampleSpec({ unit: `UBND xã Số ${i + 1}`, unitCode: `X${String(i + 1).padStart(3, '0')}`, figures: { ...sampleSpec().figures, A1: i } }));

/** Requests the code sent (the client's clean-up at the end of Excel.run not counted), and the largest one. */
const sent = (host: RichApiHost) => ({ requests: host.stats.syncs, largest: host.stats.maxRequestBytes, failed: host.stats.failedSyncs });

beforeAll(() => loadClient('web'));

describe('Nhập báo cáo', () => {
  const files = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `xa-${i + 1}.xlsx`, bytes: gridXlsx(communeGrid(i)) }));

  it.each([1, 20, 150])('of %i files: a few requests, more only as the 5 MB limit forces, every file in', async (n) => {
    const picked = files(n);
    const host = setup([communeGrid(1000)]);
    host.resetStats();
    const r = await actions.importReports(picked);
    expect(r.added).toHaveLength(n);
    expect(r.fileProblems).toEqual([]);
    expect(host.sheetNames()).toHaveLength(n + 1);
    // The sheet names; the files, packed up to the budget (with the new sheets' names); the renames.
    const base64 = picked.reduce((sum, f) => sum + Math.ceil(f.bytes.length / 3) * 4, 0);
    expect(sent(host)).toMatchObject({ requests: 2 + Math.ceil(base64 / DEFAULT_MAX_REQUEST_BYTES), failed: 0 });
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(DEFAULT_MAX_REQUEST_BYTES + 100_000);
  });

  it('packs files up to the request budget: more requests only as the bytes force them', async () => {
    const picked = files(12).map((f) => ({ name: f.name, bytes: f.bytes, grids: [] as SheetGrid[] }));
    const read = await actions.readPickedFiles(picked);
    const withGrids = picked.map((f) => ({ ...f, grids: read.grids.filter((g) => g.file === f.name) }));
    const one = Math.ceil((withGrids[0].bytes.length * 4) / 3);
    const budget = one * 4 + 4000; // four files to a request
    const host = setup([communeGrid(1000)], { requestLimit: budget + 1000 });
    host.resetStats();
    const r = await host.run((ctx) => insertSheetsFromFiles(ctx, withGrids, { maxRequestBytes: budget }));
    expect(r.files.every((f) => f.method === 'insert')).toBe(true);
    expect(sent(host)).toMatchObject({ requests: 1 + 3 + 1, failed: 0 });
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(budget + 1000);
  });

  it('never sends a file larger than a request may be: it goes in as values, in requests under the limit, and says so', async () => {
    const big = communeGrid(0);
    for (let i = 0; i < 400; i++) big.cells.push([`Ghi chú ${i}`, 'Nội dung dài '.repeat(20) + i]);
    const bytes = gridXlsx(big);
    const file = { name: 'lon.xlsx', bytes, grids: (await actions.readPickedFiles([{ name: 'lon.xlsx', bytes }])).grids };
    const budget = Math.floor((bytes.length * 4) / 3 / 2); // the file's base64 is twice a request
    const host = setup([communeGrid(1000)], { requestLimit: budget + 1000 });
    host.resetStats();
    const r = await host.run((ctx) => insertSheetsFromFiles(ctx, [file], { maxRequestBytes: budget }));
    expect(r.files[0]).toMatchObject({ method: 'values', sheets: ['UBND xã Số 1'] });
    expect(r.problems[0]).toMatch(/^Tệp "lon\.xlsx": tệp lớn .*quá giới hạn 5 MB.*Đã chép giá trị/);
    expect(host.stats.failedSyncs).toBe(0);
    expect(host.stats.maxRequestBytes).toBeLessThanOrEqual(budget + 1000);
    expect(host.sheet('UBND xã Số 1')!.values.flat()).toContain('Ghi chú 399');
  });
});

describe('Tổng hợp', () => {
  it('sends as many requests for 40 units as for 3, the sheet names loaded once (read, layout and write share them)', async () => {
    const requests: number[] = [];
    for (const n of [3, 40]) {
      const host = setup(Array.from({ length: n }, (_, i) => communeGrid(i)));
      host.resetStats();
      const o = await actions.compileWorkbook();
      expect(o.counts.reports).toBe(n);
      expect(host.stats.failedSyncs).toBe(0);
      requests.push(host.stats.syncs);
    }
    // Sheet names with the date system; used ranges; values; the new sheets; their content; swap; show the summary.
    expect(requests).toEqual([7, 7]);
  });
});
