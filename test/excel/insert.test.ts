import * as XLSX from '@e965/xlsx';
import type { SheetGrid } from '../../src/core/grid';
import { insertSheetsFromFiles, type ImportFile } from '../../src/excel';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { makeUnitGrid } from '../helpers/unit-grid';
import { setup, unitGrid, onEachClient } from './helpers';

/** A real .xlsx of these sheets, with its grids as the pane reads them (the Office.js layer never parses files). */
function xlsxFile(name: string, sheets: SheetGrid[]): ImportFile {
  const wb = XLSX.utils.book_new();
  for (const g of sheets) {
    const aoa = g.cells.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? null : v)));
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), g.sheet);
  }
  const base64 = XLSX.write(wb, { type: 'base64', bookType: 'xlsx' }) as string;
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  return { name, base64, bytes, grids: readXlsxBuffer(bytes, name) };
}

const huongLoc = () => ({
  ...makeUnitGrid({ unit: 'UBND xã Hương Lộc', level: 'Xã', parent: 'UBND huyện Nam Đông', period: 'Năm', year: 2020, figures: { A1: 20, D2: 1031 } }),
  sheet: 'Báo cáo',
});
const notes = (): SheetGrid => ({ sheet: 'Ghi chú', originRow: 0, originCol: 0, cells: [['Ghi chú riêng của xã']] });

onEachClient(() => {
describe('insertSheetsFromFiles', () => {
  it('with ExcelApi 1.13 lets Excel insert the unit sheets only, named after the unit', async () => {
    const fake = setup([unitGrid('Tổng hợp', 2)], { apiVersion: '1.13' });
    const file = xlsxFile('huong-loc.xlsx', [huongLoc(), notes()]);
    const res = await fake.run((ctx) => insertSheetsFromFiles(ctx, [file]));
    expect(res.files).toEqual([{ file: 'huong-loc.xlsx', method: 'insert', sheets: ['UBND xã Hương Lộc'] }]);
    expect(res.added).toEqual(['UBND xã Hương Lộc']);
    expect(res.problems).toEqual([]);
    expect(fake.sheetNames()).toEqual(['Tổng hợp', 'UBND xã Hương Lộc']);
    expect(fake.sheet('UBND xã Hương Lộc')!.values[1].slice(0, 2)).toEqual(['Đơn vị báo cáo', 'UBND xã Hương Lộc']);
  });

  it('never overwrites: a second import of the same unit gets a free name', async () => {
    const fake = setup([unitGrid('Tổng hợp', 2)]);
    const file = xlsxFile('huong-loc.xlsx', [huongLoc()]);
    await fake.run((ctx) => insertSheetsFromFiles(ctx, [file]));
    const again = await fake.run((ctx) => insertSheetsFromFiles(ctx, [file]));
    expect(again.added).toEqual(['UBND xã Hương Lộc (2)']);
    expect(fake.sheetNames()).toEqual(['Tổng hợp', 'UBND xã Hương Lộc', 'UBND xã Hương Lộc (2)']);
  });

  it('falls back to writing values when Excel refuses the file, and says so', async () => {
    const fake = setup([unitGrid('Tổng hợp', 2)], { insertFromBase64Failure: 'UnsupportedFeature' });
    const grid = huongLoc();
    grid.cells.push(['=SUM(A1)']); // a note that must stay text
    const file = xlsxFile('huong-loc.xlsx', [grid, notes()]);
    const res = await fake.run((ctx) => insertSheetsFromFiles(ctx, [file]));
    expect(res.files[0].method).toBe('values');
    expect(res.added).toEqual(['UBND xã Hương Lộc']);
    expect(res.problems[0]).toBe(
      'Tệp "huong-loc.xlsx": Excel không chèn được trang này vì trang có biểu đồ, chú thích, PivotTable hoặc slicer. Đã chép giá trị của trang vào thay (không giữ định dạng).',
    );
    const s = fake.sheet('UBND xã Hương Lộc')!;
    expect(s.values[1].slice(0, 2)).toEqual(['Đơn vị báo cáo', 'UBND xã Hương Lộc']);
    expect(s.values[s.values.length - 1][0]).toBe('=SUM(A1)');
    expect(s.formulas.flat().every((f) => f === null)).toBe(true);
    expect(fake.sheetNames()).toEqual(['Tổng hợp', 'UBND xã Hương Lộc']);
  });

  it('does not add a sheet twice when Excel inserts it and still reports an error', async () => {
    const fake = setup([unitGrid('Tổng hợp', 2)], { insertFromBase64Failure: 'GeneralException', insertFromBase64FailsAfterInserting: true });
    const res = await fake.run((ctx) => insertSheetsFromFiles(ctx, [xlsxFile('huong-loc.xlsx', [huongLoc(), notes()])]));
    expect(res.files[0]).toEqual({ file: 'huong-loc.xlsx', method: 'insert', sheets: ['UBND xã Hương Lộc'] });
    expect(fake.sheetNames()).toEqual(['Tổng hợp', 'UBND xã Hương Lộc']);
  });

  it('on ExcelApi 1.4 writes values without trying to insert', async () => {
    const fake = setup([unitGrid('Tổng hợp', 2)], { apiVersion: '1.4' });
    const res = await fake.run((ctx) => insertSheetsFromFiles(ctx, [xlsxFile('huong-loc.xlsx', [huongLoc()])]));
    expect(res.files[0]).toEqual({ file: 'huong-loc.xlsx', method: 'values', sheets: ['UBND xã Hương Lộc'] });
    expect(res.problems).toEqual([]);
    expect(fake.stats.perSync.every((s) => s.error === undefined)).toBe(true);
    expect(fake.sheet('UBND xã Hương Lộc')!.values[1].slice(0, 2)).toEqual(['Đơn vị báo cáo', 'UBND xã Hương Lộc']);
  });

  it('reports a file with no TTCCHC-1 sheet, and goes on with the others', async () => {
    const fake = setup([unitGrid('Tổng hợp', 2)]);
    const res = await fake.run((ctx) =>
      insertSheetsFromFiles(ctx, [
        xlsxFile('ghi-chu.xlsx', [notes()]),
        xlsxFile('huong-loc.xlsx', [huongLoc()]),
      ]),
    );
    expect(res.added).toEqual(['UBND xã Hương Lộc']);
    expect(res.problems).toEqual(['Tệp "ghi-chu.xlsx" không có trang báo cáo theo mẫu TTCCHC-1 nên không nhập.']);
  });
});
});
