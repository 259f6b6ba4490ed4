/**
 * Issue 9, property: random combinations of real producers' features
 * (test/helpers/plant-xlsx.ts) planted into random unit sheets give the same
 * grids in both readers and the same compile as the plain sheet; nothing throws.
 */
import fc from 'fast-check';
import { compileGrids } from '../../src/core/compile';
import type { SheetGrid } from '../../src/core/grid';
import { INDICATOR_CODES } from '../../src/core/template';
import { readXlsxFast } from '../../src/xlsx/fast-read';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { whatUsersSee } from '../helpers/district';
import { FEATURES, plantedWorkbook } from '../helpers/plant-xlsx';
import { unitWorkbook } from '../helpers/xlsx-files';

const figure = fc.oneof(
  { weight: 6, arbitrary: fc.nat(5000) },
  { weight: 1, arbitrary: fc.constantFrom('hơn 20', '1.031', '2,5', '33 tin, bài', 'không có', '') },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const unitSheet = fc.record({
  sheetName: fc.constantFrom('Hương Lộc', 'Báo cáo', 'Sheet1', 'Xã A & B'),
  unit: fc.constantFrom('UBND xã Hương Lộc', 'UBND phường Phú Hội', 'UBND xã Thượng Quảng', 'Phòng Nội vụ'),
  level: fc.constantFrom('Xã', 'Phường', 'Phòng, ban'),
  parent: fc.constantFrom('UBND huyện Nam Đông', 'UBND thành phố Huế'),
  period: fc.constantFrom('Năm', 'Quý I', '6 tháng'),
  year: fc.constantFrom(2022, 2024),
  docRef: fc.constantFrom('45/BC-UBND ngày 15/10/2022', undefined),
  sentDate: fc.option(fc.integer({ min: 44500, max: 45600 }), { nil: undefined }),
  figures: fc.record(Object.fromEntries(INDICATOR_CODES.map((c) => [c, figure])) as Record<string, typeof figure>),
});

const usersSee = (grids: SheetGrid[]) => whatUsersSee(compileGrids(grids.filter((g) => g.sheet !== 'DanhMuc')));

test('random features in random unit sheets: both readers equal, same compile as the plain sheet, never a throw', async () => {
  await fc.assert(
    fc.asyncProperty(unitSheet, fc.subarray([...FEATURES]), fc.nat(100), async (spec, features, seed) => {
      const plain = await unitWorkbook(spec);
      const bytes = await plantedWorkbook(plain, features, seed);
      const fast = readXlsxFast(bytes, 'u.xlsx');
      expect(fast).not.toBeNull();
      const sheetjs = readXlsxBuffer(bytes, 'u.xlsx');
      expect(fast).toEqual(sheetjs);
      expect(usersSee(sheetjs)).toEqual(usersSee(readXlsxBuffer(plain, 'u.xlsx')));
    }),
    { numRuns: 60 },
  );
}, 120_000);
