import type { Finding } from '../../src/core/findings';
import { HIGHLIGHT_FILLS, clearHighlights, highlightFindings, selectCell } from '../../src/excel';
import { rejection, setup, unitGrid } from './helpers';

const finding = (sheet: string, cell: string, severity: Finding['severity'] = 'error', file?: string): Finding => ({
  severity, unit: sheet, sheet, cell, rule: 'figure.not-a-number', message: `Ô ${cell} không phải là số`, file,
});

describe('highlightFindings / clearHighlights', () => {
  it('fills the cells of findings on their sheets; skips missing sheets, files and protected sheets', async () => {
    const fake = setup([unitGrid('Hương Lộc', 5), unitGrid('Thượng Lộ', 5), unitGrid('Khóa', 2)]);
    fake.state.find('Khóa')!.protected = true;
    const findings = [
      finding('Hương Lộc', 'D5'), finding('Hương Lộc', 'D6', 'warning'), finding('Hương Lộc', 'D6', 'error'),
      finding('Thượng Lộ', 'B2', 'warning'), finding('Đã xóa', 'A1'), finding('Khóa', 'A1'), finding('Tệp', 'A1', 'error', 'tep.xlsx'),
    ];
    const res = await fake.run((ctx) => highlightFindings(ctx, findings));
    expect(res.cells).toBe(3);
    expect(res.skipped.sort()).toEqual(['Khóa', 'Đã xóa']);
    expect(fake.cell('Hương Lộc', 'D5').format.fill).toBe(HIGHLIGHT_FILLS.error);
    expect(fake.cell('Hương Lộc', 'D6').format.fill).toBe(HIGHLIGHT_FILLS.error);
    expect(fake.cell('Thượng Lộ', 'B2').format.fill).toBe(HIGHLIGHT_FILLS.warning);
    expect(fake.cell('Khóa', 'A1').format.fill).toBeUndefined();
    expect(res.syncs).toBe(3);
  });

  it('clears only its own colour: with the findings, or by scanning the whole workbook', async () => {
    const fake = setup([unitGrid('Hương Lộc', 5), unitGrid('Thượng Lộ', 5)]);
    const fs = [finding('Hương Lộc', 'D5'), finding('Thượng Lộ', 'B2', 'warning'), finding('Thượng Lộ', 'C4')];
    await fake.run(async (ctx) => {
      await highlightFindings(ctx, fs);
      // A fill the unit chose itself must survive.
      ctx.workbook.worksheets.getItem('Thượng Lộ').getRange('A3:E3').format.fill.color = '#DDEBF7';
      await ctx.sync();
    });
    const withFindings = await fake.run((ctx) => clearHighlights(ctx, [fs[0]]));
    expect(withFindings.cells).toBe(1);
    expect(fake.cell('Hương Lộc', 'D5').format.fill).toBeUndefined();
    expect(fake.cell('Thượng Lộ', 'B2').format.fill).toBe(HIGHLIGHT_FILLS.warning);

    const scanned = await fake.run((ctx) => clearHighlights(ctx));
    expect(scanned.cells).toBe(2);
    expect(fake.cell('Thượng Lộ', 'B2').format.fill).toBeUndefined();
    expect(fake.cell('Thượng Lộ', 'C4').format.fill).toBeUndefined();
    expect(fake.cell('Thượng Lộ', 'C3').format.fill).toBe('#DDEBF7');
  });


  it('scans a big workbook in syncs that each stay under the payload limit', async () => {
    const fake = setup(Array.from({ length: 30 }, (_, i) => unitGrid(`Xã ${i + 1}`, 40)), { payloadLimit: 20_000 });
    const fs = Array.from({ length: 30 }, (_, i) => finding(`Xã ${i + 1}`, `D${(i % 40) + 4}`));
    await fake.run((ctx) => highlightFindings(ctx, fs));
    fake.resetStats();
    const res = await fake.run((ctx) => clearHighlights(ctx, undefined, { maxRequestBytes: 18_000 }));
    expect(res.cells).toBe(30);
    expect(res.syncs).toBeGreaterThan(4);
    expect(fake.stats.failedSyncs).toBe(0);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(20_000);
    expect(fs.every((f) => fake.cell(f.sheet, f.cell).format.fill === undefined)).toBe(true);
  });
});

describe('selectCell', () => {
  it('activates the sheet and selects the cell', async () => {
    const fake = setup([unitGrid('Hương Lộc', 5), unitGrid('Thượng Lộ', 5)]);
    await fake.run((ctx) => selectCell(ctx, 'Thượng Lộ', 'D14'));
    expect(fake.selection()).toEqual({ sheet: 'Thượng Lộ', address: 'D14' });
  });

  it('says in Vietnamese when the sheet is gone', async () => {
    const fake = setup([unitGrid('Hương Lộc', 5)]);
    const err = await rejection(fake.run((ctx) => selectCell(ctx, 'Đã xóa', 'A1')));
    expect(err.message).toBe('Không tìm thấy trang "Đã xóa" trong sổ làm việc (có thể đã bị xóa hoặc đổi tên).');
  });
});
