import { compileReads } from '../../src/core/compile';
import { DISTRICT, reportRead } from './compile-fixtures';

describe('compileReads: a district from its communes', () => {
  test('sums the counts, averages A6 over the communes that gave it, computes rates from the sums', () => {
    const result = compileReads([
      reportRead('UBND xã Hương Lộc', { figures: { A1: 20, A6: 2, D2: 100, D3: 50, D4: 90, D5: 10, D6: 5, D1: 5, D7: 10, D8: 10 } }),
      reportRead('UBND xã Thượng Quảng', { figures: { A1: 30, A6: null, D2: 300, D3: 30, D4: 300, D5: 0, D6: 0, D1: 0, D7: 0, D8: 0 } }),
      reportRead('UBND xã Hương Phú', { figures: { A1: 5, A6: 4, D2: 0, D3: 0, D4: 0, D5: 0, D6: 0, D1: 0, D7: 0, D8: 0 } }),
    ], {});
    expect(result.period).toBe('Năm');
    expect(result.year).toBe(2020);
    expect(result.summaries).toHaveLength(1);
    const s = result.summaries[0];
    expect(s.unit).toBe(DISTRICT);
    expect(s.children.map((c) => c.status)).toEqual(['Đã nộp', 'Đã nộp', 'Đã nộp']);
    expect(s.figures.A1).toBe(55);
    expect(s.figures.A6).toBe(3); // (2 + 4) / 2: the empty one is not a zero
    expect(s.emptyCounts.A6).toBe(1);
    expect(s.figures.D2).toBe(400);
    expect(s.rates.onTime).toBeCloseTo(390 / 400);
    expect(s.rates.online).toBeCloseTo(80 / 400);
    expect(s.rates.posted).toBe(1);
    expect(result.reports.every((r) => r.counted)).toBe(true);
  });
});
