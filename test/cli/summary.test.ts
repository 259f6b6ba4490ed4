/** How the command line prints one finding: unit — place: message, with no empty parts. */
import type { Finding } from '../../src/core/findings';
import type { CompileResult } from '../../src/core/model';
import { checkReport, findingLine } from '../../src/cli/summary';

const finding = (over: Partial<Finding>): Finding => ({
  severity: 'warning', unit: '', sheet: '', cell: '', rule: 'x', message: 'Thông báo.', ...over,
});

describe('findingLine', () => {
  test('a finding on a cell names unit, file, sheet and cell once', () => {
    expect(findingLine(finding({ severity: 'error', unit: 'UBND xã C', file: 'b.xlsx', sheet: 'Xã C', cell: 'B5', message: 'Sai kỳ.' })))
      .toBe("[Lỗi] UBND xã C — b.xlsx › 'Xã C'!B5: Sai kỳ.");
  });

  test('a finding about the whole compile has no unit and no place: no dangling dash or colon', () => {
    expect(findingLine(finding({ message: 'Các báo cáo thuộc nhiều kỳ khác nhau.' })))
      .toBe('[Cảnh báo] Các báo cáo thuộc nhiều kỳ khác nhau.');
  });

  test('a finding about a unit with no sheet does not repeat the unit as its place', () => {
    expect(findingLine(finding({ unit: 'UBND huyện Một', message: 'Chưa biết đơn vị cấp trên.' })))
      .toBe('[Cảnh báo] UBND huyện Một — Chưa biết đơn vị cấp trên.');
    expect(findingLine(finding({ unit: 'ke-hoach.xlsx', file: 'ke-hoach.xlsx', message: 'Không có trang Kế hoạch.' })))
      .toBe('[Cảnh báo] ke-hoach.xlsx — Không có trang Kế hoạch.');
  });
});

describe('checkReport', () => {
  test('findings about the whole compile get a heading of their own, not an empty unit name', () => {
    const result = {
      period: 'Năm', year: 2024, reports: [], summaries: [], skipped: [],
      findings: [finding({ message: 'Các báo cáo thuộc nhiều kỳ khác nhau.' }), finding({ unit: 'UBND xã A', sheet: 'A', cell: 'B5', message: 'Sai.' })],
    } as unknown as CompileResult;
    const lines = checkReport(result, 2).split('\n');
    expect(lines).toContain('Chung cho cả đợt tổng hợp (0 lỗi, 1 cảnh báo)');
    expect(lines).toContain('UBND xã A (0 lỗi, 1 cảnh báo)');
    expect(lines.some((l) => l.startsWith(' ('))).toBe(false);
  });
});
