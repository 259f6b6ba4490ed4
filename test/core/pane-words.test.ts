/**
 * The words the pane shows are Vietnamese: a worksheet is a «trang», never
 * «sheet». The compile's own findings about the plan, which the
 * pane lists as they are, are checked here.
 */
import { compileReads } from '../../src/core/compile';
import { DISTRICT, planRead, reportRead } from './compile-fixtures';

describe('findings about the plan say «trang», not «sheet»', () => {
  it('two plans, a plan of another period, a unit without a parent', () => {
    const reads = [
      planRead({ compilingUnit: DISTRICT, period: 'Năm', year: 2020 }),
      planRead({ compilingUnit: DISTRICT }),
      reportRead('UBND xã Hương Lộc', { parent: DISTRICT }),
    ];
    const result = compileReads(reads, { period: 'Quý I', year: 2020 });
    const messages = result.findings.map((f) => f.message);
    expect(messages.some((m) => m.startsWith('Có nhiều trang Kế hoạch'))).toBe(true);
    expect(messages.some((m) => m.startsWith('Kỳ báo cáo trong trang Kế hoạch'))).toBe(true);
    expect(messages.filter((m) => /\bsheet\b/i.test(m))).toEqual([]);
  });
});
