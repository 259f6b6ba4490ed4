/**
 * The same host over HTTP: Microsoft's client with its own fetch executor
 * (no custom send function) POSTs to a local server, as it would from a
 * browser page pointed at it, and gets the same answers and byte counts as
 * in-process.
 */
import { RichApiHost, loadClient, startHostServer, attachHost, type HostServer } from '../../dev/office-host';
import { unitGrid } from './helpers';

let server: HostServer;
const overHttp = attachHost(new RichApiHost());
beforeAll(async () => {
  loadClient('web');
  server = await startHostServer(overHttp);
});
afterAll(() => server.close());

async function readAndColour(ctx: Excel.RequestContext) {
  const r = ctx.workbook.worksheets.getItem('Hương Lộc').getRange('A1:B3').load('values');
  await ctx.sync();
  ctx.workbook.worksheets.getItem('Hương Lộc').getRange('B2').format.fill.color = '#F4A6C6';
  await ctx.sync();
  return r.values;
}

describe('the host over HTTP', () => {
  it('answers the real client over HTTP as in-process, with the same bytes', async () => {
    const g = globalThis as Record<string, any>;
    overHttp.loadGrids([unitGrid('Hương Lộc', 2)]);
    attachHost(overHttp);
    g.OfficeExtension.HttpUtility.setCustomSendRequestFunc(null); // the client's own fetch
    // A context given a URL posts every batch to <url>/ProcessQuery with the client's own fetch.
    const values = await readAndColour(new Excel.RequestContext(server.url));
    expect(values).toEqual([['Mã mẫu', 'TTCCHC-1'], ['Đơn vị báo cáo', 'Hương Lộc'], ['Mã', 'Chỉ tiêu']]);
    expect(overHttp.cell('Hương Lộc', 'B2').format.fill).toBe('#F4A6C6');
    const viaHttp = overHttp.stats.perSync.filter((r) => !r.cleanup).map((r) => r.requestBytes);
    expect(viaHttp.length).toBeGreaterThanOrEqual(2);

    loadClient('web'); // back to the in-process transport
    const inProcess = attachHost(new RichApiHost()).loadGrids([unitGrid('Hương Lộc', 2)]);
    await readAndColour(new Excel.RequestContext());
    expect(inProcess.stats.perSync.filter((r) => !r.cleanup).map((r) => r.requestBytes)).toEqual(viaHttp);
  });

  it('serves the client files of the npm package', async () => {
    const r = await fetch(`${server.url}/office-js/excel-web-16.00.js`);
    expect(r.status).toBe(200);
    expect((await r.text()).length).toBeGreaterThan(1_000_000);
    expect((await fetch(`${server.url}/office-js/../package.json`)).status).toBe(404);
  });
});
