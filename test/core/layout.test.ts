import { compileReads } from '../../src/core/compile';
import { readSheet } from '../../src/core/reader';
import { layoutOutputs, outputSheetToGrid } from '../../src/core/layout';
import { DISTRICT, PROVINCE, planRead, reportRead } from './compile-fixtures';

const NOW = new Date(2020, 9, 18);

function district() {
  return compileReads([
    planRead({ compilingUnit: DISTRICT, level: 'Huyện', parent: PROVINCE }),
    reportRead('UBND xã Hương Lộc', { figures: { A1: 20, A6: 2, D1: 5, D2: 100, D3: 50, D4: 90, D5: 10, D6: 5, D7: 10, D8: 10 } }),
    reportRead('UBND xã Thượng Quảng', { figures: { A1: 30, A6: 4, D1: 0, D2: 300, D3: 30, D4: 300, D5: 0, D6: 0, D7: 0, D8: 0 } }),
  ], {});
}

describe('layoutOutputs', () => {
  test('the compiled report reads back with the same figures and tasks, and no error', () => {
    const result = district();
    const sheets = layoutOutputs(result, { now: NOW });
    expect(sheets.map((s) => s.name)).toEqual(['TH Nam Đông', 'PL Nam Đông', 'BC Nam Đông', 'Kiểm tra']);
    const bc = sheets.find((s) => s.role === 'report')!;
    const back = readSheet(outputSheetToGrid(bc));
    expect(back.kind).toBe('report');
    if (back.kind !== 'report') return;
    expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(back.report.unit).toBe(DISTRICT);
    expect(back.report.parent).toBe(PROVINCE);
    expect(back.report.level).toBe('Huyện');
    expect(back.report.compiled).toBe(true);
    expect(back.report.period).toBe('Năm');
    expect(back.report.year).toBe(2020);
    expect(back.report.sentDate).toBe('2020-10-18');
    expect(back.report.figures).toEqual(result.summaries[0].figures);
    expect(back.report.tasks.map((t) => [t.stt, t.name, t.done])).toEqual(result.summaries[0].tasks.map((t) => [t.stt, t.name, t.status === 'Hoàn thành']));
  });
});
