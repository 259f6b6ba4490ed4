import type { Finding } from '../../src/core/findings';
import { HIGHLIGHT_FILLS, clearHighlights, highlightFindings, selectCell } from '../../src/excel';
import { fillKey, type OriginalFill } from '../../src/excel/highlight';
import { rejection, setup, unitGrid, onEachClient } from './helpers';

const finding = (sheet: string, cell: string, severity: Finding['severity'] = 'error', file?: string): Finding => ({
  severity, unit: sheet, sheet, cell, rule: 'figure.not-a-number', message: `Ô ${cell} không phải là số`, file,
});

onEachClient(() => {
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
    // Sheets; their protection and the cells' own fills; the colours. One more the first time: the record of own fills is created.
    expect(res.syncs).toBe(4);
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


  it("gives a unit's own fill back on clearing, and a cell without fill none", async () => {
    const fake = setup([unitGrid('Hương Lộc', 5), unitGrid('Thượng Lộ', 5)]);
    await fake.run(async (ctx) => {
      // The unit's own colours: a header row and one cell.
      ctx.workbook.worksheets.getItem('Thượng Lộ').getRange('A3:E3').format.fill.color = '#DDEBF7';
      ctx.workbook.worksheets.getItem('Hương Lộc').getRange('D5').format.fill.color = '#C6EFCE';
      await ctx.sync();
    });
    const fs = [finding('Thượng Lộ', 'C3'), finding('Thượng Lộ', 'D4', 'warning'), finding('Hương Lộc', 'd5')];
    const res = await fake.run((ctx) => highlightFindings(ctx, fs));
    expect(res.originals).toEqual(expect.arrayContaining<OriginalFill>([
      { sheet: 'Thượng Lộ', cell: 'C3', color: '#DDEBF7' },
      { sheet: 'Thượng Lộ', cell: 'D4', color: null },
      { sheet: 'Hương Lộc', cell: 'D5', color: '#C6EFCE' },
    ]));
    expect(res.originals).toHaveLength(3);
    expect(fake.cell('Thượng Lộ', 'C3').format.fill).toBe(HIGHLIGHT_FILLS.error);
    expect(fake.cell('Hương Lộc', 'D5').format.fill).toBe(HIGHLIGHT_FILLS.error);

    // Highlighting again must not take our colour for the cell's own.
    const known = new Map(res.originals.map((o) => [fillKey(o.sheet, o.cell), o]));
    const again = await fake.run((ctx) => highlightFindings(ctx, fs, { known }));
    expect(again.originals).toEqual(res.originals);

    const cleared = await fake.run((ctx) => clearHighlights(ctx, undefined, { originals: again.originals }));
    expect(cleared.restored).toBe(3);
    expect(cleared.kept).toEqual([]);
    expect(fake.cell('Thượng Lộ', 'C3').format.fill).toBe('#DDEBF7');
    expect(fake.cell('Thượng Lộ', 'B3').format.fill).toBe('#DDEBF7');
    expect(fake.cell('Hương Lộc', 'D5').format.fill).toBe('#C6EFCE');
    expect(fake.cell('Thượng Lộ', 'D4').format.fill).toBeUndefined();
  });

  it('with the findings, restores their cells; a cell someone filled since keeps that fill; a protected sheet keeps its originals for later', async () => {
    const fake = setup([unitGrid('Hương Lộc', 5), unitGrid('Thượng Lộ', 5)]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Hương Lộc').getRange('B2:D2').format.fill.color = '#FFC7CE';
      await ctx.sync();
    });
    const fs = [finding('Hương Lộc', 'B2'), finding('Hương Lộc', 'C2'), finding('Thượng Lộ', 'A1')];
    const { originals } = await fake.run((ctx) => highlightFindings(ctx, fs));
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Hương Lộc').getRange('C2').format.fill.color = '#00B050'; // the user's own choice since
      await ctx.sync();
    });
    fake.state.find('Thượng Lộ')!.protected = true;
    const res = await fake.run((ctx) => clearHighlights(ctx, fs, { originals }));
    expect(fake.cell('Hương Lộc', 'B2').format.fill).toBe('#FFC7CE');
    expect(fake.cell('Hương Lộc', 'C2').format.fill).toBe('#00B050');
    expect(res.skipped).toEqual(['Thượng Lộ']);
    expect(res.kept).toEqual([{ sheet: 'Thượng Lộ', cell: 'A1', color: null }]);
    fake.state.find('Thượng Lộ')!.protected = false;
    const later = await fake.run((ctx) => clearHighlights(ctx, undefined, { originals: res.kept }));
    expect(later.kept).toEqual([]);
    expect(fake.cell('Thượng Lộ', 'A1').format.fill).toBeUndefined();
  });

  it('takes the same number of syncs for 3 findings as for 600 (no sync per cell)', async () => {
    const sheets = Array.from({ length: 6 }, (_, i) => unitGrid(`Xã ${i + 1}`, 100));
    const many = sheets.flatMap((g) => Array.from({ length: 100 }, (_, r) => finding(g.sheet, `D${r + 4}`, r % 3 ? 'warning' : 'error')));
    const syncsFor = async (fs: Finding[]) => {
      const fake = setup(sheets);
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Xã 1').getRange('D4:D50').format.fill.color = '#DDEBF7';
        await ctx.sync();
      });
      fake.resetStats();
      const hl = await fake.run((ctx) => highlightFindings(ctx, fs));
      const highlightSyncs = fake.stats.syncs;
      fake.resetStats();
      const withFindings = await fake.run((ctx) => clearHighlights(ctx, fs, { originals: hl.originals }));
      const clearSyncs = fake.stats.syncs;
      expect(withFindings.restored).toBe(fs.length);
      expect(fake.cell('Xã 1', 'D4').format.fill).toBe('#DDEBF7');
      return { highlightSyncs, reported: hl.syncs, clearSyncs };
    };
    const few = await syncsFor(many.slice(0, 3));
    const all = await syncsFor(many);
    expect(few).toEqual({ highlightSyncs: 4, reported: 4, clearSyncs: 4 });
    expect(all).toEqual(few);
  });

  it('splits the reading and colouring of many cells only by payload, each request under the limit', async () => {
    const fake = setup(Array.from({ length: 10 }, (_, i) => unitGrid(`Xã ${i + 1}`, 60)), { requestLimit: 20_000, responseLimit: 20_000 });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Xã 3').getRange('D10').format.fill.color = '#DDEBF7';
      await ctx.sync();
    });
    fake.resetStats();
    const fs = Array.from({ length: 10 }, (_, i) => Array.from({ length: 60 }, (_, r) => finding(`Xã ${i + 1}`, `D${r + 4}`))).flat();
    const res = await fake.run((ctx) => highlightFindings(ctx, fs, { maxRequestBytes: 18_000 }));
    expect(res.cells).toBe(600);
    expect(res.syncs).toBeGreaterThan(3);
    expect(fake.stats.failedSyncs).toBe(0);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(20_000);
    expect(res.originals.find((o) => o.sheet === 'Xã 3' && o.cell === 'D10')!.color).toBe('#DDEBF7');
    await fake.run((ctx) => clearHighlights(ctx, undefined, { originals: res.originals, maxRequestBytes: 18_000 }));
    expect(fake.cell('Xã 3', 'D10').format.fill).toBe('#DDEBF7');
    expect(fake.cell('Xã 3', 'D11').format.fill).toBeUndefined();
  });

  it('scans a big workbook in syncs that each stay under the payload limit', async () => {
    const fake = setup(Array.from({ length: 30 }, (_, i) => unitGrid(`Xã ${i + 1}`, 40)), { requestLimit: 20_000, responseLimit: 20_000 });
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
});
