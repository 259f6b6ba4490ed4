import { columnWidthPoints, writeOutputSheets } from '../../src/excel';
import { readWorkbookGrids } from '../../src/excel';
import { compileGrids } from '../../src/core/compile';
import { ownOutputSheetNames } from '../../src/core/own-outputs';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { onEachClient, rejection, outputSheet, setup, unitGrid } from './helpers';

/** The compiler's own earlier outputs as the core names them (ownOutputSheetNames: lower-cased). */
const own = (...names: string[]) => new Set(names.map((n) => n.toLowerCase()));

onEachClient(() => describe('writeOutputSheets', () => {
  it('writes values, number formats, styles, the sheet font, merges, widths, freeze panes and print settings (A4)', async () => {
    const fake = setup([unitGrid('Hương Lộc', 3)]);
    const res = await fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('TH Nam Đông', 3)]));
    expect(res.written).toEqual(['TH Nam Đông']);
    expect(fake.sheetNames()).toEqual(['Hương Lộc', 'TH Nam Đông']);
    const s = fake.sheet('TH Nam Đông')!;
    expect(s.values[0][0]).toBe('Bảng tổng hợp TH Nam Đông');
    expect(s.values[4]).toEqual(['A3', 'Chỉ tiêu 3', 1002]);
    expect(s.numberFormats[4]).toEqual(['@', '@', '#,##0']);
    expect(s.merges).toEqual(['A1:C1']);
    expect(s.columnWidths).toEqual([columnWidthPoints(8), columnWidthPoints(40), columnWidthPoints(12)]);
    expect(s.freeze).toEqual({ rows: 2, cols: 0 });
    expect(s.pageLayout).toEqual({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: '$1:$2' });
    // The sheet's font (core sheetFont) everywhere; a cell's own size wins.
    expect(fake.cell('TH Nam Đông', 'A1').format).toMatchObject({ bold: true, size: 14, fontName: 'Times New Roman', horizontalAlignment: 'Center' });
    expect(fake.cell('TH Nam Đông', 'C5').format).toMatchObject({ size: 12, fontName: 'Times New Roman' });
    expect(fake.cell('TH Nam Đông', 'B2').format).toMatchObject({ bold: true, fill: '#DDEBF7', borders: { EdgeTop: 'Continuous', EdgeLeft: 'Continuous' } });
    expect(fake.cell('TH Nam Đông', 'B5').format).toMatchObject({ wrapText: true });
    expect(fake.cell('TH Nam Đông', 'B5').format.bold).toBeUndefined();
    // The unit sheet is untouched.
    expect(fake.sheet('Hương Lộc')!.values[1].slice(0, 2)).toEqual(['Đơn vị báo cáo', 'Hương Lộc']);
  });

  it('keeps text from units as text: a note "=SUM(A1)" or "- Phát 10 tin" never becomes a formula', async () => {
    const fake = setup([unitGrid('Hương Lộc', 1)]);
    const sheet = outputSheet('TH Nam Đông', 1);
    sheet.rows.push([{ v: '=SUM(A1)' }, { v: '- Phát 10 tin' }, { v: '+84 234 3876' }], [{ v: '0123' }, { v: 12 }, { v: null }]);
    await fake.run((ctx) => writeOutputSheets(ctx, [sheet]));
    const s = fake.sheet('TH Nam Đông')!;
    expect(s.formulas.flat().every((f) => f === null)).toBe(true);
    expect(s.values[3]).toEqual(['=SUM(A1)', '- Phát 10 tin', '+84 234 3876']);
    expect(s.values[4]).toEqual(['0123', 12, null]);
    // And read back through the API, they are still the strings.
    const grids = await fake.run((ctx) => readWorkbookGrids(ctx));
    expect(grids.find((g) => g.sheet === 'TH Nam Đông')!.cells[3]).toEqual(['=SUM(A1)', '- Phát 10 tin', '+84 234 3876']);
  });

  it('caps a text longer than a cell can hold, ending it with …, as the .xlsx writer does', async () => {
    const fake = setup([unitGrid('Hương Lộc', 1)]);
    const sheet = outputSheet('TH Nam Đông', 1);
    sheet.rows.push([{ v: 'x'.repeat(40_000) }]);
    await fake.run((ctx) => writeOutputSheets(ctx, [sheet]));
    const written = fake.sheet('TH Nam Đông')!.values[3][0] as string;
    expect([written.length, written.endsWith('…')]).toEqual([32_767, true]);
  });

  it('uses the same number of syncs for 1 and for 30 output sheets', async () => {
    const syncs: number[] = [];
    for (const n of [1, 30]) {
      const fake = setup([unitGrid('Hương Lộc', 3)]);
      const sheets = Array.from({ length: n }, (_, i) => outputSheet(`TH Đơn vị ${i + 1}`, 20));
      const res = await fake.run((ctx) => writeOutputSheets(ctx, sheets));
      expect(res.written).toHaveLength(n);
      expect(fake.sheet(`TH Đơn vị ${n}`)!.values[21]).toEqual(['A20', 'Chỉ tiêu 20', 1019]);
      expect(res.syncs).toBe(fake.stats.syncs);
      syncs.push(fake.stats.syncs);
    }
    // Names; the new sheets (their own sync, so their content can be sent again after a refusal); content; swap.
    expect(syncs).toEqual([4, 4]);
  });

  it('splits writes so no request exceeds the limit; the syncs grow with the data', async () => {
    const limit = 30_000;
    const run = async (rows: number) => {
      const fake = setup([unitGrid('Hương Lộc', 3)], { requestLimit: limit, responseLimit: limit });
      const res = await fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('TH A', rows), outputSheet('TH B', rows)], { maxRequestBytes: limit * 0.9 }));
      expect(fake.stats.failedSyncs).toBe(0);
      expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(limit);
      expect(fake.sheet('TH B')!.values[rows + 1]).toEqual([`A${rows}`, `Chỉ tiêu ${rows}`, 999 + rows]);
      return res.syncs;
    };
    const few = await run(10);
    const many = await run(1000);
    expect(many).toBeGreaterThan(few);
  });

  it('replaces its own earlier output, deletes stale own outputs, leaves other sheets alone', async () => {
    const fake = setup([unitGrid('Hương Lộc', 2)]);
    await fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('TH Nam Đông', 2), outputSheet('TH Cũ', 2)]));
    fake.addSheet('Ghi chú riêng', [['của người dùng']]);
    const res = await fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('TH Nam Đông', 4)], { replace: own('TH Nam Đông', 'TH Cũ') }));
    expect(fake.sheetNames()).toEqual(['Hương Lộc', 'Ghi chú riêng', 'TH Nam Đông']);
    expect(res.deleted.sort()).toEqual(['TH Cũ', 'TH Nam Đông']);
    expect(fake.sheet('TH Nam Đông')!.values).toHaveLength(6);
    expect(fake.sheet('Ghi chú riêng')!.values).toEqual([['của người dùng']]);
  });

  it('removes sheets left half-made by an interrupted run', async () => {
    const fake = setup([unitGrid('Hương Lộc', 2)]);
    fake.addSheet('~tam TH A', [['dở dang']]);
    fake.addSheet('~cu TH A', [['bản cũ']]);
    await fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('TH A', 2)]));
    expect(fake.sheetNames()).toEqual(['Hương Lộc', 'TH A']);
  });

  it('never overwrites a sheet that is not its own: the output gets a free name', async () => {
    const fake = setup([unitGrid('Kiểm tra', 2)]);
    const res = await fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('Kiểm tra', 2)], { replace: own('TH Cũ') }));
    expect(res.renamed).toEqual([{ wanted: 'Kiểm tra', actual: 'Kiểm tra (2)' }]);
    expect(fake.sheetNames()).toEqual(['Kiểm tra', 'Kiểm tra (2)']);
    expect(fake.sheet('Kiểm tra')!.values[1].slice(0, 2)).toEqual(['Đơn vị báo cáo', 'Kiểm tra']);
  });

  it('never replaces or deletes a unit report that is merely named like an output (the core leaves it out of ownOutputs)', async () => {
    const unitReport = { ...makeUnitGrid(sampleSpec()), sheet: 'BC Hương Lộc' };
    const ownReport = { ...makeUnitGrid(sampleSpec({ unit: 'UBND huyện Nam Đông', compiled: true })), sheet: 'BC Nam Đông' };
    const fake = setup([unitReport, ownReport]);
    const replace = ownOutputSheetNames(compileGrids([unitReport, ownReport], { openWorkbook: true }).ownOutputs);
    expect([...replace]).toEqual(['bc nam đông']);
    const res = await fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('BC Hương Lộc', 2)], { replace }));
    expect(res.renamed).toEqual([{ wanted: 'BC Hương Lộc', actual: 'BC Hương Lộc (2)' }]);
    expect(res.deleted).toEqual(['BC Nam Đông']);
    expect(fake.sheetNames()).toEqual(['BC Hương Lộc', 'BC Hương Lộc (2)']);
    expect(fake.sheet('BC Hương Lộc')!.values.flat()).toContain('UBND xã Hương Lộc');
  });

  it('keeps the old output intact when a failure happens midway, and leaves no half-built sheet', async () => {
    const fake = setup([unitGrid('Hương Lộc', 2)]);
    await fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('TH A', 2), outputSheet('TH B', 2)]));
    const before = fake.sheets().map((s) => ({ name: s.name, values: s.values }));
    // Excel fails while the second new sheet is being filled, every time it is tried.
    fake.injectFailure({ match: (op) => op.action === 'set values' && JSON.stringify(op.args).includes('Bảng tổng hợp TH B'), code: 'GeneralException', persistent: true });
    const err = await rejection(fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('TH A', 9), outputSheet('TH B', 9)], { replace: own('TH A', 'TH B') })));
    expect(err.code).toBe('GeneralException');
    expect(fake.sheets().map((s) => ({ name: s.name, values: s.values }))).toEqual(before);
  });

  it('sends the content again in halves after "An internal error has occurred", and the write completes', async () => {
    const fake = setup([unitGrid('Hương Lộc', 2)]);
    fake.injectFailure({ match: (op) => op.action === 'set values' && JSON.stringify(op.args).includes('Bảng tổng hợp TH B'), code: 'GeneralException' });
    const res = await fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('TH A', 5), outputSheet('TH B', 5)]));
    expect(res.written).toEqual(['TH A', 'TH B']);
    expect(fake.stats.failedSyncs).toBe(1);
    expect(fake.sheet('TH B')!.values[6]).toEqual(['A5', 'Chỉ tiêu 5', 1004]);
    expect(fake.cell('TH B', 'B2').format).toMatchObject({ bold: true, fill: '#DDEBF7' });
  });

  it('puts the old output back when the final swap fails', async () => {
    const fake = setup([unitGrid('Hương Lộc', 2)]);
    await fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('TH A', 2), outputSheet('TH B', 2), outputSheet('TH Cũ', 1)]));
    const before = fake.sheets().map((s) => ({ name: s.name, values: s.values }));
    // The second new sheet cannot take its final name: the old sheets are already renamed aside.
    fake.injectFailure({ match: (op) => op.action === 'set name' && op.args === 'TH B', code: 'GeneralException' });
    const err = await rejection(fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('TH A', 7), outputSheet('TH B', 7)], { replace: own('TH A', 'TH B', 'TH Cũ') })));
    expect(err.code).toBe('GeneralException');
    expect(fake.sheets().map((s) => ({ name: s.name, values: s.values }))).toEqual(before);
  });

  it('refuses an illegal sheet name in Vietnamese before changing anything', async () => {
    const fake = setup([unitGrid('Hương Lộc', 1)]);
    const err = await rejection(fake.run((ctx) => writeOutputSheets(ctx, [outputSheet('TH a/b', 1)])));
    expect(err.message).toMatch(/Tên trang "TH a\/b" không dùng được/);
    expect(fake.stats.syncs).toBe(0);
  });

  it('adds validations (list items through the core\'s listItem: `Phòng, ban` → `Phòng ban`, as in the .xlsx writer), protection with unlocked cells, and charts', async () => {
    const fake = setup([unitGrid('Hương Lộc', 1)]);
    const sheet = outputSheet('Mẫu Hương Lộc', 3, {
      validations: [
        { range: 'C3', type: 'list', values: ['Xã', 'Phòng, ban', 'Huyện'], prompt: 'Chọn cấp', error: 'Cấp phải là một trong danh sách' },
        { range: 'C4:C5', type: 'wholeNumber', min: 0, error: 'Nhập số nguyên không âm' },
        { range: 'B3', type: 'list', values: ['x'] },
      ],
      protection: { unlockedRanges: ['C3:C5'] },
      charts: [{ title: 'Tin, bài theo kênh', type: 'columnClustered', dataRange: 'A2:C5', anchor: 'E2', width: 8, height: 15 }],
    });
    await fake.run((ctx) => writeOutputSheets(ctx, [sheet]));
    const s = fake.sheet('Mẫu Hương Lộc')!;
    expect(s.validations).toEqual([
      { address: 'C3', rule: { list: { inCellDropDown: true, source: 'Xã,Phòng ban,Huyện' } }, prompt: { showPrompt: true, title: '', message: 'Chọn cấp' }, errorAlert: { showAlert: true, style: 'Stop', title: 'Giá trị không hợp lệ', message: 'Cấp phải là một trong danh sách' } },
      { address: 'C4:C5', rule: { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } }, errorAlert: expect.objectContaining({ message: 'Nhập số nguyên không âm' }) },
      { address: 'B3', rule: { list: { inCellDropDown: true, source: 'x' } } },
    ]);
    expect(s.values.every((r) => r.length === 3)).toBe(true); // nothing written beside the content
    expect(s.protected).toBe(true);
    expect(fake.cell('Mẫu Hương Lộc', 'C4').format.locked).toBe(false);
    expect(fake.cell('Mẫu Hương Lộc', 'B4').format.locked).toBeUndefined();
    expect(s.charts).toEqual([{ name: 'Chart 1', type: 'ColumnClustered', title: 'Tin, bài theo kênh', source: 'A2:C5', seriesBy: 'Auto', position: { start: 'E2', end: 'L16' } }]);
  });

  it('on ExcelApi 1.4 writes what 1.4 allows and says what it left out', async () => {
    const fake = setup([unitGrid('Hương Lộc', 1)], { apiVersion: '1.4' });
    const sheet = outputSheet('TH Nam Đông', 2, { validations: [{ range: 'C3', type: 'wholeNumber', min: 0 }], protection: { unlockedRanges: ['C3'] } });
    const res = await fake.run((ctx) => writeOutputSheets(ctx, [sheet]));
    const s = fake.sheet('TH Nam Đông')!;
    expect(s.values[3]).toEqual(['A2', 'Chỉ tiêu 2', 1001]);
    expect(s.freeze).toBeUndefined();
    expect(s.validations).toEqual([]);
    expect(s.protected).toBe(true);
    expect(res.notes.join('\n')).toMatch(/cố định dòng tiêu đề/);
    expect(res.notes.join('\n')).toMatch(/kiểm tra dữ liệu nhập/);
  });
}));
