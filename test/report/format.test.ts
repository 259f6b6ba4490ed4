/** Vietnamese numbers, percents, dates and names as the report writes them. */
import fc from 'fast-check';
import { changePhrase, comparisonRef } from '../../src/report/compare';
import { formatDocDateVi, formatNumberVi, formatPercentVi, twoDigits } from '../../src/report/format';
import { documentCode, headerNames, placeName, signatureTitles } from '../../src/report/names';
import { periodPhrase } from '../../src/core/period-words';
import { levelFromName, withoutCommitteePrefix } from '../../src/core/unit-names';
import { taskTotalLine } from '../../src/report/docx-report';

describe('numbers and percents', () => {
  test.each([
    [1031, '1.031'], [5240127, '5.240.127'], [0, '0'], [33, '33'], [2.5, '2,5'], [1000000, '1.000.000'], [12.345, '12,35'],
  ])('%p → %s', (n, s) => expect(formatNumberVi(n)).toBe(s));

  test('percents: one decimal at most, comma, no trailing ,0; empty for no rate', () => {
    expect(formatPercentVi(1029 / 1031)).toBe('99,8%');
    expect(formatPercentVi(1)).toBe('100%');
    expect(formatPercentVi(0.17)).toBe('17%');
    expect(formatPercentVi(0)).toBe('0%');
    expect(formatPercentVi(null)).toBe('');
  });

  test('any whole number reads back to itself once the dots are removed', () => {
    fc.assert(fc.property(fc.nat(1e12), (n) => {
      const s = formatNumberVi(n);
      expect(s).toMatch(/^\d{1,3}(\.\d{3})*$/);
      expect(Number(s.replace(/\./g, ''))).toBe(n);
    }));
  });

  test('counts under 10 get a leading zero: `Tổng số: 08 nhiệm vụ./.`', () => {
    expect(twoDigits(8)).toBe('08');
    expect(twoDigits(12)).toBe('12');
    expect(taskTotalLine(8)).toBe('Tổng số: 08 nhiệm vụ./.');
    expect(taskTotalLine(15)).toBe('Tổng số: 15 nhiệm vụ./.');
  });
});

describe('dates (NĐ 30/2020: leading zero for days 1–9 and months 1, 2 only)', () => {
  test.each([
    [{ year: 2024, month: 11, day: 5 }, 'ngày 05 tháng 11 năm 2024'],
    [{ year: 2025, month: 1, day: 5 }, 'ngày 05 tháng 01 năm 2025'],
    [{ year: 2024, month: 3, day: 15 }, 'ngày 15 tháng 3 năm 2024'],
    [{ year: 2024, month: 2, day: 29 }, 'ngày 29 tháng 02 năm 2024'],
    [{ year: 2024, month: 12, day: 31 }, 'ngày 31 tháng 12 năm 2024'],
  ])('%p → %s', (d, s) => expect(formatDocDateVi(d)).toBe(s));
});

describe('names', () => {
  test('place of the date line', () => {
    expect(placeName('UBND huyện Nam Đông')).toBe('Nam Đông');
    expect(placeName('Ủy ban nhân dân thành phố Đông Hà')).toBe('Đông Hà');
    expect(placeName('UBND thị trấn Khe Tre')).toBe('Khe Tre');
    expect(placeName('Phòng Nội vụ', 'UBND huyện Vĩnh Linh')).toBe('Vĩnh Linh');
    expect(placeName('Sở Nội vụ', 'UBND tỉnh Quảng Trị')).toBe('Quảng Trị');
  });

  test('header: a committee in two bold lines without parent; a department under its parent', () => {
    expect(headerNames('UBND huyện Nam Đông', 'UBND tỉnh Thừa Thiên Huế')).toEqual({ bodyLines: ['ỦY BAN NHÂN DÂN', 'HUYỆN NAM ĐÔNG'] });
    expect(headerNames('Phòng Văn hóa và Thông tin', 'UBND huyện Nam Đông')).toEqual({
      parentLine: 'UBND HUYỆN NAM ĐÔNG', bodyLines: ['PHÒNG VĂN HÓA VÀ THÔNG TIN'],
    });
    expect(documentCode('UBND huyện Nam Đông')).toBe('UBND');
    expect(documentCode('Phòng Văn hóa và Thông tin')).toBe('VHTT');
    expect(signatureTitles('UBND xã Hương Lộc', 'Xã')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });

  test('short names, levels, periods', () => {
    expect(withoutCommitteePrefix('UBND xã Hương Lộc')).toBe('xã Hương Lộc');
    expect(withoutCommitteePrefix('Uỷ ban nhân dân Phường Đông Lương')).toBe('Phường Đông Lương');
    expect(withoutCommitteePrefix('Sở Nội vụ')).toBe('Sở Nội vụ');
    expect(levelFromName('UBND thị trấn Khe Tre')).toBe('Xã');
    expect(levelFromName('Phòng Nội vụ')).toBe('Phòng, ban');
    expect(levelFromName('UBND thành phố Huế')).toBe('Huyện');
    expect(periodPhrase('Năm', 2022)).toBe('năm 2022');
    expect(periodPhrase('Quý I', 2024)).toBe('quý I năm 2024');
    expect(periodPhrase('6 tháng', 2024)).toBe('6 tháng đầu năm 2024');
    expect(periodPhrase('9 tháng', 2024)).toBe('9 tháng đầu năm 2024');
  });
});

describe('comparison wording: cùng kỳ, kỳ trước, or the period by name', () => {
  test('same period of the previous year is cùng kỳ (a year is "năm 2023")', () => {
    expect(comparisonRef({ period: 'Quý I', year: 2024 }, { period: 'Quý I', year: 2023 })).toEqual({ kind: 'cùng kỳ', label: 'cùng kỳ năm 2023' });
    expect(comparisonRef({ period: '6 tháng', year: 2024 }, { period: '6 tháng', year: 2023 })).toEqual({ kind: 'cùng kỳ', label: 'cùng kỳ năm 2023' });
    expect(comparisonRef({ period: 'Năm', year: 2024 }, { period: 'Năm', year: 2023 })).toEqual({ kind: 'cùng kỳ', label: 'năm 2023' });
  });

  test('the quarter just before is kỳ trước, across the new year too', () => {
    expect(comparisonRef({ period: 'Quý II', year: 2024 }, { period: 'Quý I', year: 2024 })).toEqual({ kind: 'kỳ trước', label: 'kỳ trước (quý I năm 2024)' });
    expect(comparisonRef({ period: 'Quý I', year: 2024 }, { period: 'Quý IV', year: 2023 })).toEqual({ kind: 'kỳ trước', label: 'kỳ trước (quý IV năm 2023)' });
  });

  test('other earlier periods are named; the same or a later period is not compared', () => {
    expect(comparisonRef({ period: '9 tháng', year: 2024 }, { period: '6 tháng', year: 2024 })).toEqual({ kind: 'khác', label: '6 tháng đầu năm 2024' });
    expect(comparisonRef({ period: 'Năm', year: 2024 }, { period: 'Năm', year: 2024 })).toBeNull();
    expect(comparisonRef({ period: 'Quý I', year: 2024 }, { period: 'Quý II', year: 2024 })).toBeNull();
    expect(comparisonRef({ period: 'Quý I', year: 2024 }, { period: null, year: null })).toEqual({ kind: 'kỳ trước', label: 'kỳ trước' });
  });

  test('tăng / giảm / bằng, and an absolute change from zero', () => {
    const ref = { kind: 'cùng kỳ' as const, label: 'cùng kỳ năm 2023' };
    expect(changePhrase(112, 100, ref, 'tin, bài')).toBe('tăng 12% so với cùng kỳ năm 2023');
    expect(changePhrase(95, 100, ref, 'tin, bài')).toBe('giảm 5% so với cùng kỳ năm 2023');
    expect(changePhrase(100, 100, ref, 'tin, bài')).toBe('bằng cùng kỳ năm 2023');
    expect(changePhrase(12, 0, ref, 'tin, bài')).toBe('tăng 12 tin, bài so với cùng kỳ năm 2023');
    expect(changePhrase(12, null, ref, 'tin, bài')).toBe('');
  });
});
