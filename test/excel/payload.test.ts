/**
 * Excel on the web refuses a request over 5 MB. On Microsoft's real client
 * (whose wire is 2.5–9× what our stand-in counted), the two cases that
 * failed before stay under it: Xoá tô màu over a province of 150 communes
 * with findings in every sheet, and a styled output sheet of 12,000 rows.
 * One operation that can never fit is refused in Vietnamese before anything
 * is sent, and the workbook stays as it was.
 */
import type { OutCell, OutputSheet } from '../../src/core/sheet-model';
import { writeOutputSheets } from '../../src/excel';
import { describeOfficeError } from '../../src/excel/errors';
import * as actions from '../../src/taskpane/actions';
import { WEB_PAYLOAD_LIMIT } from '../../dev/office-host';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { onEachClient, rejection, setup, unitGrid } from './helpers';

onEachClient(() => {
  it('Tô màu then Xoá tô màu on 150 commune sheets with findings in every sheet: every request under 5 MB, every cell back', async () => {
    const communes = Array.from({ length: 150 }, (_, i) =>
      makeUnitGrid(sampleSpec({ unit: `UBND xã Số ${i + 1}`, unitCode: `X${String(i + 1).padStart(3, '0')}`, figures: { ...sampleSpec().figures, D5: 9, A1: 'nhiều' } })),
    );
    const host = setup(communes);
    const checked = await actions.checkWorkbook();
    const sheetsWithFindings = new Set(checked.result.findings.filter((f) => f.cell && !f.file).map((f) => f.sheet));
    expect(sheetsWithFindings.size).toBe(150);
    const before = host.sheets().map((s) => s.values);
    const unitSheets = () => host.sheets().filter((s) => s.visibility !== 'VeryHidden').map((s) => s.values);

    const { saved } = await actions.highlight(checked.result.findings);
    const first = checked.result.findings.find((f) => f.cell && f.severity === 'error')!;
    expect(host.cell(first.sheet, first.cell).format.fill).toBe('#F4A6C6');
    host.resetStats();
    await actions.clearHighlight(saved);

    expect(host.stats.failedSyncs).toBe(0);
    expect(host.stats.maxRequestBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(host.stats.maxResponseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(host.cell(first.sheet, first.cell).format.fill).toBeUndefined();
    expect(unitSheets()).toEqual(before);
  });

  it('writes a styled output sheet of 12,000 rows × 12 columns with every request under 5 MB', async () => {
    const cols = 12;
    const rows: OutCell[][] = [Array.from({ length: cols }, (_, c) => ({ v: `Cột ${c + 1}`, style: { bold: true, border: true, fill: '#DDEBF7', align: 'center' as const } }))];
    for (let r = 1; r <= 12_000; r++) {
      rows.push(Array.from({ length: cols }, (_, c): OutCell => (c < 2
        ? { v: `Đơn vị ${r} – chỉ tiêu ${c}`, style: { border: true, wrap: c === 1, bold: r % 50 === 0 } }
        : { v: r * 10 + c, style: { border: true, numberFormat: '#,##0', fill: r % 2 ? '#F2F2F2' : undefined } })));
    }
    const sheet: OutputSheet = { name: 'TH Tỉnh', role: 'summary', rows, merges: [], columnWidths: [30, 40], print: { orientation: 'landscape' } };
    const host = setup([unitGrid('Hương Lộc', 3)]);
    const res = await host.run((ctx) => writeOutputSheets(ctx, [sheet]));
    expect(res.written).toEqual(['TH Tỉnh']);
    expect(host.stats.failedSyncs).toBe(0);
    expect(host.stats.maxRequestBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
    const s = host.sheet('TH Tỉnh')!;
    expect(s.values).toHaveLength(12_001);
    expect(s.values[12_000].slice(0, 3)).toEqual(['Đơn vị 12000 – chỉ tiêu 0', 'Đơn vị 12000 – chỉ tiêu 1', 120_002]);
    expect(host.cell('TH Tỉnh', 'C12001').format).toMatchObject({ borders: { EdgeTop: 'Continuous' } });
    expect(host.cell('TH Tỉnh', 'C12000').format.fill).toBe('#F2F2F2');
    expect(host.cell('TH Tỉnh', 'A12001').format.bold).toBe(true);
  }, 120_000);

  it('refuses one row that can never fit in a request, in Vietnamese, and leaves the workbook as it was', async () => {
    const host = setup([unitGrid('Hương Lộc', 3)]);
    await host.run((ctx) => writeOutputSheets(ctx, [{ name: 'TH Cũ', role: 'summary', rows: [[{ v: 'bản cũ' }]], merges: [], columnWidths: [], print: { orientation: 'portrait' } }]));
    const before = host.sheets().map((s) => ({ name: s.name, values: s.values }));
    // One row of 200 cells each as full as a cell can be (capCellText): ≈ 8 MB of UTF-8.
    const full = 'Ghi chú rất dài. '.repeat(1_900);
    const sheet: OutputSheet = { name: 'TH Cũ', role: 'summary', rows: [[{ v: 'Tiêu đề' }], Array.from({ length: 200 }, () => ({ v: full }))], merges: [], columnWidths: [], print: { orientation: 'portrait' } };
    host.resetStats();
    const err = await rejection(host.run((ctx) => writeOutputSheets(ctx, [sheet], { replace: new Set(['th cũ']) })));
    expect(describeOfficeError(err)).toMatch(/^Không gửi được dòng 2 của trang "TH Cũ" vào Excel: riêng phần này đã cần khoảng \d+\.\d MB, quá giới hạn 5 MB.*sổ làm việc không bị thay đổi\.$/);
    expect(host.stats.failedSyncs).toBe(0);
    expect(host.sheets().map((s) => ({ name: s.name, values: s.values }))).toEqual(before);
  });
});
