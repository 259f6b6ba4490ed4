import { findDateInText, formatDateVi, fromExcelSerial, parseDateCell, toExcelSerial } from '../../src/core/dates';

describe('parseDateCell', () => {
  test.each([
    // Excel serials (1900 system, with the 29/02/1900 bug)
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [43831, '2020-01-01'],
    [44119, '2020-10-15'],
    [44119.75, '2020-10-15'], // a time of day is dropped
    [45658, '2025-01-01'],
    // text
    ['15/10/2020', '2020-10-15'],
    ['5/3/2024', '2024-03-05'],
    ['05/03/2024', '2024-03-05'],
    [' 15-10-2020 ', '2020-10-15'],
    ['15.10.2020', '2020-10-15'],
    ['ngày 15 tháng 10 năm 2020', '2020-10-15'],
    ['Ngày 5 tháng 3 năm 2024', '2024-03-05'],
    ['ngay 15 thang 10 nam 2020', '2020-10-15'],
    ['15 tháng 10 năm 2020', '2020-10-15'],
    ['2020-10-15', '2020-10-15'],
    ['29/02/2024', '2024-02-29'],
    ['Ngày 15/10/2020', '2020-10-15'],
    ['15/10/2020 08:30', '2020-10-15'],
    ['15/10/20', '2020-10-15'],
  ])('%p → %p', (cell, iso) => expect(parseDateCell(cell)).toBe(iso));

  test.each([
    [60], // 29/02/1900 never was
    [0],
    [-5],
    [Number.NaN],
    ['31/02/2024'],
    ['29/02/2023'],
    ['15/13/2020'],
    ['hôm qua'],
    [''],
    ['45/BC-UBND'],
    ['44120'],
    [null],
    [true],
    [{ error: '#N/A' }],
  ])('%p → null', (cell) => expect(parseDateCell(cell as never)).toBeNull());
});

describe('findDateInText: the date inside a document reference', () => {
  test.each([
    ['45/BC-UBND ngày 15/10/2020', '2020-10-15'],
    ['Số 120/BC-UBND, ngày 5/3/2024', '2024-03-05'],
    ['Báo cáo số 12/BC-UBND ngày 20 tháng 12 năm 2024', '2024-12-20'],
    ['12/BC-UBND ngay 20 thang 12 nam 2024', '2024-12-20'],
    ['45/BC-UBND', null],
    ['', null],
  ])('%p → %p', (text, iso) => expect(findDateInText(text)).toBe(iso));
});

describe('formatDateVi and serial round trip', () => {
  test('ISO → dd/mm/yyyy', () => {
    expect(formatDateVi('2020-10-15')).toBe('15/10/2020');
    expect(formatDateVi('not a date')).toBe('not a date');
  });
  test.each(['1900-01-01', '1900-02-28', '1900-03-01', '2020-10-15', '2024-02-29'])('%p survives serial and back', (iso) => {
    const s = toExcelSerial(iso)!;
    expect(fromExcelSerial(s)).toBe(iso);
  });
});
