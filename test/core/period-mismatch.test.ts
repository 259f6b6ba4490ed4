import { compileReads } from '../../src/core/compile';
import { readPlan } from '../../src/core/plan-reader';
import type { SheetRead } from '../../src/core/model';
import { DISTRICT, PROVINCE, planRead, reportRead } from './compile-fixtures';

const roster = ['UBND xã A', 'UBND xã B', 'UBND xã C'].map((name) => ({ name, level: 'Xã' as const, parent: DISTRICT }));

/** The plan as a sheet, so its Kỳ báo cáo / Năm cells are known. */
function planSheet(period: string, year: number): SheetRead {
  const { plan, findings } = readPlan({ sheet: 'Kế hoạch', originRow: 0, originCol: 0, cells: [
    ['Đơn vị tổng hợp', DISTRICT], ['Cấp', 'Huyện'], ['Đơn vị cấp trên', PROVINCE], ['Kỳ báo cáo', period], ['Năm', year],
    [], ['Đơn vị'], ['Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Đơn vị cấp trên'], ...roster.map((u) => [null, u.name, 'Xã', DISTRICT]),
  ] });
  return { kind: 'plan', plan, findings };
}

describe('a whole compile of the wrong period (spec §8)', () => {
  test('every report of another period: one finding at the plan\'s Kỳ báo cáo, none per unit, and the flag for letters', () => {
    const result = compileReads([
      planSheet('Quý I', 2025),
      ...roster.map((u) => reportRead(u.name, { period: 'Quý I', year: 2026 })),
    ], {});
    const wrong = result.findings.filter((f) => f.rule === 'compile.all-other-period' || f.rule === 'compile.other-period');
    expect(wrong.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([['compile.all-other-period', 'error', 'Kế hoạch', 'B4']]);
    expect(wrong[0].message).toContain('Quý I năm 2025');
    expect(wrong[0].message).toContain('Quý I năm 2026: 3 báo cáo');
    expect(result.allOtherPeriod).toBe(true);
    // Nothing counted: every unit is still expected.
    expect(result.summaries[0]?.children.every((c) => c.status === 'Chưa nộp') ?? true).toBe(true);
  });

  test('when some report is of the plan\'s period, each other one is its own error and there is no flag', () => {
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, period: 'Quý I', year: 2026, roster }),
      reportRead('UBND xã A', { period: 'Quý I', year: 2026 }),
      reportRead('UBND xã B', { period: 'Quý I', year: 2025 }),
      reportRead('UBND xã C', { period: 'Quý I', year: 2025 }),
    ], {});
    expect(result.findings.filter((f) => f.rule === 'compile.other-period').map((f) => f.unit)).toEqual(['UBND xã B', 'UBND xã C']);
    expect(result.findings.map((f) => f.rule)).not.toContain('compile.all-other-period');
    expect(result.allOtherPeriod).toBeUndefined();
  });
});
