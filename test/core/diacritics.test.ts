/** References typed without diacritics (src/core/diacritics.ts) and the warning the reader gives (id.no-diacritics). */
import { withoutDiacritics } from '../../src/core/diacritics';
import { readSheet } from '../../src/core/reader';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';

test('a reference typed bare is recognized and given back with its marks; one with diacritics, or a bare name, is not', () => {
  expect(withoutDiacritics('Ke hoach so 12/KH-UBND')).toEqual({ suggestion: 'Kế hoạch số 12/KH-UBND' });
  expect(withoutDiacritics('36/BC-UBND ngay 13/10/2022')).toEqual({ suggestion: '36/BC-UBND ngày 13/10/2022' });
  expect(withoutDiacritics('BAO CAO SO 5/BC-UBND NGAY 1/2/2024')).toEqual({ suggestion: 'BÁO CÁO SỐ 5/BC-UBND NGÀY 1/2/2024' });
  expect(withoutDiacritics('45/BC-UBND ngày 14/10/2022')).toBeNull();
  expect(withoutDiacritics('45/BC-UBND')).toBeNull();
  expect(withoutDiacritics('Bao cao cua UBND huyen Nam Dong')).toEqual({}); // flagged, but no half-marked example
  expect(withoutDiacritics('UBND huyen Nam Dong')).toBeNull(); // «Nam» before no number is a name
});

test('the reader warns at the Số, ngày văn bản cell of the sheet, with what to write', () => {
  const read = readSheet(makeUnitGrid(sampleSpec({ docRef: 'Ke hoach so 12/KH-UBND' })));
  if (read.kind !== 'report') throw new Error(read.kind);
  const f = read.findings.filter((x) => x.rule === 'id.no-diacritics');
  expect(f).toHaveLength(1);
  expect(f[0].severity).toBe('warning');
  expect(f[0].cell).toMatch(/^[A-Z]+\d+$/);
  expect(f[0].message).toContain('«Số, ngày văn bản» ghi «Ke hoach so 12/KH-UBND», không có dấu tiếng Việt');
  expect(f[0].message).toContain('cần ghi lại có dấu: «Kế hoạch số 12/KH-UBND»');
  const fine = readSheet(makeUnitGrid(sampleSpec()));
  expect(fine.kind === 'report' && fine.findings.some((x) => x.rule === 'id.no-diacritics')).toBe(false);
});
