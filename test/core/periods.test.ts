import { afterTwoTierReform, communesPhrase, daysInSpan, deadlineFor, defaultSpan, isCumulative, parsePeriod, periodSpan, spanPhrase, workingDaysAfter } from '../../src/core/periods';

describe('periods: spans cut off on the 14th (spec §11)', () => {
  test('a quarter runs from the 15th of the month before it to the 14th of its last month; Quý I starts in December', () => {
    expect(defaultSpan('Quý I', 2026)).toEqual({ from: '2025-12-15', to: '2026-03-14' });
    expect(defaultSpan('Quý II', 2026)).toEqual({ from: '2026-03-15', to: '2026-06-14' });
    expect(defaultSpan('Quý III', 2026)).toEqual({ from: '2026-06-15', to: '2026-09-14' });
    expect(defaultSpan('Quý IV', 2026)).toEqual({ from: '2026-09-15', to: '2026-12-14' });
  });

  test('6 tháng, 9 tháng and Năm are year-to-date from 15/12 of the year before; Quý III and 9 tháng differ', () => {
    expect(defaultSpan('6 tháng', 2026)).toEqual({ from: '2025-12-15', to: '2026-06-14' });
    expect(defaultSpan('9 tháng', 2026)).toEqual({ from: '2025-12-15', to: '2026-09-14' });
    expect(defaultSpan('Năm', 2026)).toEqual({ from: '2025-12-15', to: '2026-12-14' });
    expect(defaultSpan('9 tháng', 2026)).not.toEqual(defaultSpan('Quý III', 2026));
    expect(['Quý I', 'Quý IV', '6 tháng', '9 tháng', 'Năm'].map((p) => isCumulative(p as never))).toEqual([false, false, true, true, true]);
  });

  test("the plan's Từ ngày / Đến ngày override the default span", () => {
    expect(periodSpan('Quý I', 2026, { from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  test('days in a span count both ends; two quarters add up to the half year', () => {
    // 15/12/2025–14/3/2026: 17 days of December, 31 + 28 + 14.
    expect(daysInSpan(defaultSpan('Quý I', 2026))).toBe(17 + 31 + 28 + 14);
    expect(daysInSpan(defaultSpan('Quý I', 2026)) + daysInSpan(defaultSpan('Quý II', 2026))).toBe(daysInSpan(defaultSpan('6 tháng', 2026)));
  });

  test('outputs name the span in Vietnamese', () => {
    expect(spanPhrase(defaultSpan('Quý I', 2026))).toBe('số liệu từ 15/12/2025 đến 14/03/2026');
  });

  test('the default deadline is two working days after Đến ngày, Saturday and Sunday skipped', () => {
    // 14/03/2026 is a Saturday: Monday 16, Tuesday 17.
    expect(deadlineFor('Quý I', 2026)).toBe('2026-03-17');
    // 14/06/2024 is a Friday: Monday 17, Tuesday 18.
    expect(deadlineFor('6 tháng', 2024)).toBe('2024-06-18');
    // Wednesday → Friday.
    expect(workingDaysAfter('2026-10-14')).toBe('2026-10-16');
    expect(deadlineFor('Quý I', 2026, { to: '2026-03-31' })).toBe('2026-04-02');
    // A plan written before spans existed keeps the deadline it states.
    expect(deadlineFor('Quý I', 2026, { deadline: '2026-02-25' })).toBe('2026-02-25');
  });

  test('period spellings units write', () => {
    expect(['Quý 1', 'QUÝ II', 'quy iv', '6 thang', 'Chín tháng', 'Cả năm', 'Kỳ báo cáo: quý ba'].map(parsePeriod))
      .toEqual(['Quý I', 'Quý II', 'Quý IV', '6 tháng', '9 tháng', 'Năm', 'Quý III']);
  });

  test('generated text names no «thị trấn» for figures after the two-tier reform of 1 July 2025', () => {
    expect(afterTwoTierReform('Quý II', 2025)).toBe(false); // 15/3–14/6/2025
    expect(afterTwoTierReform('Quý III', 2025)).toBe(true);
    expect(afterTwoTierReform('Năm', 2025)).toBe(true);
    expect(communesPhrase('Quý I', 2026)).not.toContain('thị trấn');
    expect(communesPhrase('Năm', 2022)).toContain('thị trấn');
  });
});
