import fc from 'fast-check';
import { compileGrids, compileReads } from '../../src/core/compile';
import { makeUnitGrid } from '../helpers/unit-grid';
import { layoutOutputs, outputSheetToGrid } from '../../src/core/layout';
import { readSheet } from '../../src/core/reader';
import { toResultJson } from '../../src/core/json';
import { findingParts } from '../../src/core/findings';
import { exactUnitKey } from '../../src/core/unit-names';
import type { CompileResult, SheetRead } from '../../src/core/model';
import { DISTRICT, PROVINCE, TASKS, planRead, planTask, reportRead, unit } from './compile-fixtures';

const BALANCED = { D1: 0, D2: 10, D3: 5, D4: 10, D5: 0, D6: 0, D7: 4, D8: 4 };

function only(result: CompileResult, unit: string) {
  const s = result.summaries.find((x) => x.unit === unit);
  if (!s) throw new Error(`no summary for ${unit}: ${result.summaries.map((x) => x.unit).join(', ')}`);
  return s;
}
const rules = (result: CompileResult, severity?: 'error' | 'warning') =>
  result.findings.filter((f) => !severity || f.severity === severity).map((f) => f.rule);

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
    expect(s.level).toBe('Huyện');
    expect(s.children.map((c) => c.status)).toEqual(['Đã nộp', 'Đã nộp', 'Đã nộp']);
    expect(s.figures.A1).toBe(55);
    expect(s.figures.A6).toBe(3); // (2 + 4) / 2: the empty one is not a zero
    expect(s.emptyCounts.A6).toBe(1);
    expect(s.figures.D2).toBe(400);
    // Rates from the sums, not the mean of the communes' rates (0.9, 1, none).
    expect(s.rates.onTime).toBeCloseTo(390 / 400);
    expect(s.rates.online).toBeCloseTo(80 / 400);
    expect(s.rates.posted).toBe(1);
    expect(s.children[2].rates!.onTime).toBeNull();
    expect(result.reports.every((r) => r.counted)).toBe(true);
  });

  test('an empty cell counts as 0 in a sum and is counted; a code nobody gave stays empty, not 0', () => {
    const result = compileReads([
      reportRead('UBND xã A', { figures: { A1: 7, B1: null, E1: null } }),
      reportRead('UBND xã B', { figures: { A1: null, B1: null, E1: 3 } }),
    ], {});
    const s = only(result, DISTRICT);
    expect(s.figures.A1).toBe(7);
    expect(s.emptyCounts.A1).toBe(1);
    expect(s.figures.B1).toBeNull();
    expect(s.emptyCounts.B1).toBe(2);
    expect(s.figures.A6).toBeNull();
    expect(s.figures.E1).toBe(3);
  });

  test('zero denominators give empty rates, never 0 %', () => {
    const result = compileReads([reportRead('UBND xã A', { figures: { D1: 0, D2: 0, D3: 0, D4: 0, D5: 0, D6: 0, D7: 0, D8: 0 } })], {});
    expect(only(result, DISTRICT).rates).toEqual({ onTime: null, online: null, posted: null, overdue: null });
  });

  test('a consistency error does not remove the report: its figures count and the error is listed', () => {
    const result = compileReads([
      reportRead('UBND xã A', { figures: { ...BALANCED, D6: 99 } }),
      reportRead('UBND xã B', { figures: BALANCED }),
    ], {});
    expect(only(result, DISTRICT).figures.D6).toBe(99);
    expect(result.reports.every((r) => r.counted)).toBe(true);
    expect(result.findings.some((f) => f.severity === 'error' && f.unit === 'UBND xã A')).toBe(true);
  });
});

describe('which reports count', () => {
  test('the same unit twice counts once: the newest by Ngày gửi, even read first; the other copy is a warning naming both and what changed', () => {
    const newer = reportRead('Xã Hương Lộc', { figures: { A1: 285, D2: 512 }, sentDate: '20/04/2020', sheet: 'HL (2)', file: 'huong-loc-ban-sua.xlsx' });
    const older = reportRead('UBND xã Hương Lộc', { figures: { A1: 385, D2: 1512 }, sentDate: '10/04/2020', sheet: 'Hương Lộc', file: 'huong-loc.xlsx' });
    const result = compileReads([newer, older, reportRead('UBND xã B', { figures: { A1: 1 } })], {});
    expect(only(result, DISTRICT).figures.A1).toBe(286);
    expect(only(result, DISTRICT).children).toHaveLength(2);
    expect(rules(result, 'error')).not.toContain('compile.duplicate');
    const sup = result.findings.filter((f) => f.rule === 'compile.superseded');
    expect(sup).toHaveLength(1);
    expect(sup[0].severity).toBe('warning');
    expect(sup[0].file).toBe('huong-loc.xlsx');
    expect(sup[0].message).toContain('huong-loc-ban-sua.xlsx › HL (2)');
    expect(sup[0].message).toContain('A1: 385 → 285; D2: 1.512 → 512');
    expect(result.reports.map((r) => r.counted)).toEqual([true, false, true]);
    expect(result.reports[1].supersededBy).toEqual({ file: 'huong-loc-ban-sua.xlsx', sheet: 'HL (2)' });
    const json = toResultJson(result).reports;
    expect(json.map((r) => [r.counted, r.supersededBy ?? null])).toEqual([
      [true, null], [false, { file: 'huong-loc-ban-sua.xlsx', sheet: 'HL (2)' }], [true, null]]);
  });

  test('without Ngày gửi the date in Số, ngày văn bản decides; with no dates the later in reading order counts', () => {
    const byDoc = compileReads([
      reportRead('UBND xã A', { figures: { A1: 2 }, docRef: '12/BC-UBND ngày 20/01/2021' }),
      reportRead('UBND xã A', { figures: { A1: 1 }, docRef: '9/BC-UBND ngày 15/01/2021' }),
    ], {});
    expect(only(byDoc, DISTRICT).figures.A1).toBe(2);
    expect(byDoc.reports.map((r) => r.counted)).toEqual([true, false]);
    const byOrder = compileReads([
      reportRead('UBND xã A', { figures: { A1: 1 } }),
      reportRead('UBND xã A', { figures: { A1: 2 } }),
      reportRead('UBND xã A', { figures: { A1: 3 } }),
    ], {});
    expect(only(byOrder, DISTRICT).figures.A1).toBe(3);
    expect(byOrder.reports.map((r) => r.counted)).toEqual([false, false, true]);
    // Each copy left out names the one that counts, not the one read just before it.
    const sup = byOrder.findings.filter((f) => f.rule === 'compile.superseded');
    expect(sup.map((f) => f.message.match(/A1: \d+ → \d+/)?.[0])).toEqual(['A1: 1 → 3', 'A1: 2 → 3']);
  });

  test('an identical copy is silent', () => {
    const result = compileReads([reportRead('UBND xã A', { figures: { A1: 7 } }), reportRead('UBND xã A', { figures: { A1: 7 }, sheet: 'A (2)' })], {});
    expect(only(result, DISTRICT).figures.A1).toBe(7);
    expect(result.findings.filter((f) => f.rule.startsWith('compile.') && f.unit === 'UBND xã A')).toEqual([]);
    expect(result.findings.filter((f) => f.sheet === 'xã A')).toEqual([]); // the copy left out says nothing of its own
    expect(result.reports.map((r) => r.counted)).toEqual([false, true]);
  });

  test('a hidden sheet never wins over a visible report of the same unit, even when newer, and is called hidden', () => {
    const visible = makeUnitGrid(unit('UBND xã A', { figures: { A1: 5 }, sentDate: '01/03/2020' }));
    const hidden = { ...makeUnitGrid(unit('UBND xã A', { figures: { A1: 9 }, sentDate: '01/04/2020', sheet: 'A cũ' })), hidden: true };
    const result = compileGrids([visible, hidden], {});
    expect(only(result, DISTRICT).figures.A1).toBe(5);
    expect(result.reports.map((r) => r.counted)).toEqual([true, false]);
    const sup = result.findings.find((f) => f.rule === 'compile.superseded')!;
    expect(sup.hidden).toBe(true);
    expect(sup.message).toContain('A cũ (trang ẩn)');
    // The views print the place with the same word (cli/summary.ts, the pane's list).
    expect(findingParts(sup).place).toBe(`'A cũ'!${sup.cell} (trang ẩn)`);
    expect(sup.message).toContain('A1: 9 → 5');
  });

  test('a report of another period is an error and is left out of every total', () => {
    const result = compileReads([
      // A quarter: in a cumulative compile a shorter period is one it is built from (test/core/cumulative.test.ts).
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, period: 'Quý IV', year: 2020 }),
      reportRead('UBND xã A', { figures: { A1: 10 }, period: 'Quý IV' }),
      reportRead('UBND xã B', { figures: { A1: 500 }, period: 'Quý I' }),
      reportRead('UBND xã C', { figures: { A1: 700 }, period: 'Quý IV', year: 2019 }),
    ], {});
    const s = only(result, DISTRICT);
    expect(s.figures.A1).toBe(10);
    // Left out of the totals, but still expected: shown as Chưa nộp (docs/spec/TEMPLATE.md §8), not dropped from the list.
    expect(s.children.map((c) => [c.unit, c.status])).toEqual([['UBND xã A', 'Đã nộp'], ['UBND xã B', 'Chưa nộp'], ['UBND xã C', 'Chưa nộp']]);
    const errs = result.findings.filter((f) => f.rule === 'compile.other-period');
    expect(errs.map((f) => [f.severity, f.unit])).toEqual([['error', 'UBND xã B'], ['error', 'UBND xã C']]);
    expect(errs[0].cell).toMatch(/^B\d+$/);
  });

  test('without a roster, a unit whose only report is of another period or has an unreadable period is Chưa nộp and counts as not done', () => {
    const result = compileReads([
      reportRead('UBND xã A', { figures: { A1: 10 } }),
      reportRead('UBND xã B', { figures: { A1: 500 }, period: 'Quý I' }),
      reportRead('UBND xã C', { figures: { A1: 700 }, period: 'Quý V' as never }),
    ], {});
    const s = only(result, DISTRICT);
    expect(s.figures.A1).toBe(10);
    expect(s.children.map((c) => [c.unit, c.status])).toEqual([['UBND xã A', 'Đã nộp'], ['UBND xã B', 'Chưa nộp'], ['UBND xã C', 'Chưa nộp']]);
    // Every task: 1 of the 3 expected communes reported it done.
    expect(s.tasks[0].result).toBe('1/3 đơn vị hoàn thành (yêu cầu 100%)');
    expect(s.tasks[0].notReported).toEqual(['UBND xã B', 'UBND xã C']);
    expect(result.reports.map((r) => r.counted)).toEqual([true, false, false]);
  });

  test('with a roster, a unit whose report is of another period is Chưa nộp', () => {
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, roster: [
        { name: 'UBND xã A', level: 'Xã', parent: DISTRICT }, { name: 'UBND xã B', level: 'Xã', parent: DISTRICT }] }),
      reportRead('UBND xã A', { figures: { A1: 10 } }),
      reportRead('UBND xã B', { figures: { A1: 500 }, period: 'Quý I' }),
    ], {});
    expect(only(result, DISTRICT).children.map((c) => c.status)).toEqual(['Đã nộp', 'Chưa nộp']);
  });

  test('period and year: the plan, else the options, else the most common among reports with a warning', () => {
    const reads = [
      reportRead('UBND xã A', { period: 'Quý I', year: 2024 }),
      reportRead('UBND xã B', { period: 'Quý I', year: 2024 }),
      reportRead('UBND xã C', { period: 'Năm', year: 2023 }),
    ];
    const byReports = compileReads(reads, {});
    expect([byReports.period, byReports.year]).toEqual(['Quý I', 2024]);
    expect(rules(byReports, 'warning')).toContain('compile.period-mixed');
    expect(byReports.reports.map((r) => r.counted)).toEqual([true, true, false]);
    const byOptions = compileReads(reads, { period: 'Năm', year: 2023 });
    expect([byOptions.period, byOptions.year]).toEqual(['Năm', 2023]);
    expect(byOptions.reports.map((r) => r.counted)).toEqual([false, false, true]);
    const byPlan = compileReads([planRead({ compilingUnit: DISTRICT, parent: PROVINCE, period: 'Năm', year: 2023 }), ...reads], { period: 'Quý I', year: 2024 });
    expect([byPlan.period, byPlan.year]).toEqual(['Năm', 2023]);
  });

  test('an unreadable identification block leaves the report out (Chưa nộp)', () => {
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, roster: [
        { name: 'UBND xã A', level: 'Xã', parent: DISTRICT }, { name: 'UBND xã B', level: 'Xã', parent: DISTRICT }] }),
      reportRead('UBND xã A', { figures: { A1: 1 } }),
      reportRead('UBND xã B', { figures: { A1: 2 }, period: null }),
    ], {});
    expect(only(result, DISTRICT).children.map((c) => c.status)).toEqual(['Đã nộp', 'Chưa nộp']);
    expect(only(result, DISTRICT).figures.A1).toBe(1);
    expect(result.reports[1].counted).toBe(false);
  });
});

describe('statuses and deadlines', () => {
  test('late counts in full with a warning; no readable date is on time; missing is Chưa nộp', () => {
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, deadline: '2020-10-20', roster: [
        { name: 'UBND xã Sớm', level: 'Xã', parent: DISTRICT },
        { name: 'UBND xã Muộn', level: 'Xã', parent: DISTRICT },
        { name: 'UBND xã Không Ngày', level: 'Xã', parent: DISTRICT },
        { name: 'UBND xã Vắng', level: 'Xã', parent: DISTRICT }] }),
      reportRead('UBND xã Sớm', { figures: { A1: 1 }, sentDate: '15/10/2020' }),
      reportRead('UBND xã Muộn', { figures: { A1: 2 }, sentDate: '21/10/2020' }),
      reportRead('UBND xã Không Ngày', { figures: { A1: 4 } }),
    ], {});
    const s = only(result, DISTRICT);
    expect(s.deadline).toBe('2020-10-20');
    expect(s.children.map((c) => [c.unit, c.status])).toEqual([
      ['UBND xã Sớm', 'Đã nộp'], ['UBND xã Muộn', 'Nộp muộn'], ['UBND xã Không Ngày', 'Đã nộp'], ['UBND xã Vắng', 'Chưa nộp']]);
    expect(s.figures.A1).toBe(7);
    const late = result.findings.filter((f) => f.rule === 'compile.late');
    expect(late.map((f) => [f.severity, f.unit])).toEqual([['warning', 'UBND xã Muộn']]);
    expect(late[0].message).toContain('21/10/2020');
    expect(late[0].message).toContain('20/10/2020');
    expect(rules(result, 'error')).not.toContain('compile.late');
  });

  test("the plan's Hạn nộp wins over the default (default deadlines: test/core/periods.test.ts)", () => {
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, deadline: '2020-10-10' }),
      reportRead('UBND xã A', { sentDate: '15/10/2020' }),
    ], {});
    expect(only(result, DISTRICT).children[0].status).toBe('Nộp muộn');
  });
});

describe('the parent itself and its own earlier output', () => {
  test("the parent's own sheet is one of its children, shown as its own row", () => {
    const result = compileReads([
      reportRead('UBND xã A', { figures: { A1: 1 } }),
      reportRead(DISTRICT, { level: 'Huyện', parent: PROVINCE, figures: { A1: 100 } }),
      reportRead('UBND xã B', { figures: { A1: 10 } }),
    ], {});
    expect(result.summaries.map((s) => s.unit)).toEqual([DISTRICT]);
    const s = only(result, DISTRICT);
    expect(s.children.map((c) => [c.unit, c.isSelf])).toEqual([[DISTRICT, true], ['UBND xã A', false], ['UBND xã B', false]]);
    expect(s.figures.A1).toBe(111);
    expect(s.parent).toBe(PROVINCE);
  });

  test('compiling again with last run\'s compiled report present gives the same totals, silently', () => {
    const reads: SheetRead[] = [
      planRead({ compilingUnit: DISTRICT, level: 'Huyện', parent: PROVINCE }),
      reportRead('UBND xã A', { figures: { A1: 3, A6: 2, ...BALANCED } }),
      reportRead('UBND xã B', { figures: { A1: 4, A6: 3, ...BALANCED } }),
    ];
    const first = compileReads(reads, {});
    const bc = layoutOutputs(first, { now: new Date(2020, 9, 18) }).find((s) => s.role === 'report')!;
    const again = compileReads([...reads, readSheet(outputSheetToGrid(bc))], {});
    expect(again.summaries.map((s) => s.figures)).toEqual(first.summaries.map((s) => s.figures));
    expect(again.summaries.map((s) => s.children.length)).toEqual([2]);
    expect(again.findings.map((f) => f.rule)).toEqual(first.findings.map((f) => f.rule));
    expect(again.reports[2].counted).toBe(false);
    expect(again.reports[2].reason).toMatch(/lần chạy trước/);
  });

  test('the same without a plan: the output names the province as parent but adds no province summary', () => {
    const reads: SheetRead[] = [
      reportRead('UBND xã A', { figures: { A1: 3 } }),
      reportRead('UBND xã B', { figures: { A1: 4 } }),
    ];
    const first = compileReads(reads, {});
    const bc = layoutOutputs(first).find((s) => s.role === 'report')!;
    const grid = outputSheetToGrid(bc);
    // The user filled the parent before sending it up (the compile warned it was unknown).
    const parentRow = grid.cells.findIndex((r) => r[0] === 'Đơn vị cấp trên');
    grid.cells[parentRow][1] = PROVINCE;
    const again = compileReads([...reads, readSheet(grid)], {});
    expect(again.summaries.map((s) => [s.unit, s.figures.A1])).toEqual([[DISTRICT, 7]]);
    expect(rules(again, 'warning')).not.toContain('compile.compiled-superseded');
  });
});

describe('several levels', () => {
  const roster = [
    { name: 'UBND huyện Nam Đông', level: 'Huyện' as const, parent: PROVINCE },
    { name: 'UBND huyện Phú Lộc', level: 'Huyện' as const, parent: PROVINCE },
    { name: 'UBND xã Hương Lộc', level: 'Xã' as const, parent: 'UBND huyện Nam Đông' },
    { name: 'UBND xã Thượng Quảng', level: 'Xã' as const, parent: 'UBND huyện Nam Đông' },
    { name: 'UBND xã Lộc Bình', level: 'Xã' as const, parent: 'UBND huyện Phú Lộc' },
    { name: 'UBND xã Lộc Trì', level: 'Xã' as const, parent: 'UBND huyện Phú Lộc' },
  ];

  test('commune → district → province: districts first, then the province from the districts', () => {
    const result = compileReads([
      planRead({ compilingUnit: PROVINCE, level: 'Tỉnh', roster }),
      reportRead('UBND xã Hương Lộc', { figures: { A1: 1, ...BALANCED } }),
      reportRead('UBND xã Thượng Quảng', { figures: { A1: 2, ...BALANCED } }),
      reportRead('UBND xã Lộc Bình', { parent: 'UBND huyện Phú Lộc', figures: { A1: 4, ...BALANCED } }),
    ], {});
    expect(result.summaries.map((s) => s.unit)).toEqual(['UBND huyện Nam Đông', 'UBND huyện Phú Lộc', PROVINCE]);
    expect(result.summaries.map((s) => s.depth)).toEqual([1, 1, 0]);
    expect(layoutOutputs(result).filter((s) => s.role === 'summary').map((s) => s.name)).toEqual(['TH Thừa Thiên Huế', 'TH Nam Đông', 'TH Phú Lộc']);
    expect(only(result, 'UBND huyện Nam Đông').figures.A1).toBe(3);
    expect(only(result, 'UBND huyện Phú Lộc').children.map((c) => c.status)).toEqual(['Đã nộp', 'Chưa nộp']);
    const p = only(result, PROVINCE);
    expect(p.figures.A1).toBe(7);
    expect(p.figures.D2).toBe(30);
    expect(p.children.map((c) => c.unit)).toEqual(['UBND huyện Nam Đông', 'UBND huyện Phú Lộc']);
    expect(p.parent).toBeUndefined();
    // Tasks roll up level by level: Phú Lộc's missing commune makes its tasks not done.
    expect(only(result, 'UBND huyện Nam Đông').tasks[0].complete).toBe(true);
    expect(only(result, 'UBND huyện Phú Lộc').tasks[0].complete).toBe(false);
    expect(p.tasks[0].result).toBe('1/2 đơn vị hoàn thành (yêu cầu 100%)');
  });

  test('commune → province directly (two-tier model)', () => {
    const result = compileReads([
      planRead({ compilingUnit: PROVINCE, level: 'Tỉnh', roster: [
        { name: 'UBND phường Thuận Hóa', level: 'Xã', parent: PROVINCE },
        { name: 'UBND xã Nam Đông', level: 'Xã', parent: PROVINCE },
        { name: 'Sở Nội vụ', level: 'Sở, ngành', parent: PROVINCE }] }),
      reportRead('UBND phường Thuận Hóa', { parent: PROVINCE, figures: { A1: 10 } }),
      reportRead('Xã Nam Đông', { parent: 'UBND tinh Thua Thien Hue', figures: { A1: 20 } }),
    ], {});
    expect(result.summaries.map((s) => s.unit)).toEqual([PROVINCE]);
    const p = only(result, PROVINCE);
    expect(p.figures.A1).toBe(30);
    expect(p.children.map((c) => [c.unit, c.status])).toEqual([
      ['UBND phường Thuận Hóa', 'Đã nộp'], ['UBND xã Nam Đông', 'Đã nộp'], ['Sở Nội vụ', 'Chưa nộp']]);
  });

  test("the province compiles the districts' compiled reports", () => {
    const namDong = compileReads([
      planRead({ compilingUnit: 'UBND huyện Nam Đông', level: 'Huyện', parent: PROVINCE }),
      reportRead('UBND xã Hương Lộc', { figures: { A1: 1, A6: 2, ...BALANCED } }),
      reportRead('UBND xã Thượng Quảng', { figures: { A1: 2, A6: 4, ...BALANCED } }),
    ], {});
    const phuLoc = compileReads([
      planRead({ compilingUnit: 'UBND huyện Phú Lộc', level: 'Huyện', parent: PROVINCE }),
      reportRead('UBND xã Lộc Bình', { parent: 'UBND huyện Phú Lộc', figures: { A1: 4, A6: 6, ...BALANCED } }),
    ], {});
    const bc = (r: CompileResult) => readSheet(outputSheetToGrid(layoutOutputs(r, { now: new Date(2020, 9, 15) }).find((s) => s.role === 'report')!));
    const province = compileReads([planRead({ compilingUnit: PROVINCE, level: 'Tỉnh', roster: roster.slice(0, 2) }), bc(namDong), bc(phuLoc)], {});
    expect(province.summaries.map((s) => s.unit)).toEqual([PROVINCE]);
    const p = only(province, PROVINCE);
    expect(p.figures.A1).toBe(7);
    expect(p.figures.A6).toBe(4.5); // mean of the two districts' A6 (3 and 6)
    expect(p.children.map((c) => c.status)).toEqual(['Đã nộp', 'Đã nộp']);
    expect(province.reports.every((r) => r.counted)).toBe(true);
    expect(rules(province, 'error')).toEqual([]);
    const outputs = layoutOutputs(province, { now: new Date(2020, 9, 19) });
    expect(outputs.map((s) => s.name)).toEqual(['TH Thừa Thiên Huế', 'NV Thừa Thiên Huế', 'BĐ Thừa Thiên Huế', 'PL Thừa Thiên Huế', 'BC Thừa Thiên Huế', 'Kiểm tra']);
    // Compiling the province again, its own report of last run lying beside the districts' reports.
    const own = readSheet(outputSheetToGrid(outputs.find((s) => s.role === 'report')!));
    const again = compileReads([own, planRead({ compilingUnit: PROVINCE, level: 'Tỉnh', roster: roster.slice(0, 2) }), bc(namDong), bc(phuLoc)], {});
    expect(again.summaries.map((s) => [s.unit, s.figures])).toEqual([[PROVINCE, p.figures]]);
    expect(again.reports.map((r) => r.counted)).toEqual([false, true, true]);
    expect(again.findings.map((f) => f.rule)).toEqual(province.findings.map((f) => f.rule));
  });

  test("a district's compiled report and its communes' reports: the fresh roll-up wins, with a warning", () => {
    const namDong = compileReads([
      planRead({ compilingUnit: 'UBND huyện Nam Đông', level: 'Huyện', parent: PROVINCE }),
      reportRead('UBND xã Hương Lộc', { figures: { A1: 1 } }),
    ], {});
    const bc = readSheet(outputSheetToGrid(layoutOutputs(namDong).find((s) => s.role === 'report')!));
    const result = compileReads([
      planRead({ compilingUnit: PROVINCE, level: 'Tỉnh', roster }),
      bc,
      reportRead('UBND xã Hương Lộc', { figures: { A1: 1 } }),
      reportRead('UBND xã Thượng Quảng', { figures: { A1: 2 } }),
    ], {});
    expect(only(result, 'UBND huyện Nam Đông').figures.A1).toBe(3);
    expect(only(result, PROVINCE).figures.A1).toBe(3);
    expect(result.reports[0].counted).toBe(false);
    const w = result.findings.find((f) => f.rule === 'compile.compiled-superseded')!;
    expect(w.severity).toBe('warning');
    expect(w.unit).toBe('UBND huyện Nam Đông');
  });
});

describe('roster matching', () => {
  test('units match the roster by code first, else by folded name; parents by folded name', () => {
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, roster: [
        { code: 'X001', name: 'UBND xã Hương Lộc', level: 'Xã', parent: 'Huyện Nam Đông' },
        { code: 'X002', name: 'UBND xã Thượng Quảng', level: 'Xã', parent: 'huyen nam dong' }] }),
      reportRead('Ủy ban nhân dân xã Hương Lộc', { figures: { A1: 1 } }),
      reportRead('Xã Thượng Quảng (đã sáp nhập)', { unitCode: 'x002', figures: { A1: 2 } }),
    ], {});
    const s = only(result, DISTRICT);
    expect(s.children.map((c) => [c.unit, c.status])).toEqual([['UBND xã Hương Lộc', 'Đã nộp'], ['UBND xã Thượng Quảng', 'Đã nộp']]);
    expect(s.figures.A1).toBe(3);
  });

  test('a code copied from a neighbour (the name is another roster unit\'s) is a warning naming both units at the code cell', () => {
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, roster: [
        { code: 'X01', name: 'UBND xã A', level: 'Xã', parent: DISTRICT }, { code: 'X02', name: 'UBND xã B', level: 'Xã', parent: DISTRICT }] }),
      reportRead('UBND xã B', { unitCode: 'X01', figures: { A1: 500 } }),
      reportRead('UBND xã A', { unitCode: 'X01', figures: { A1: 10 } }),
    ], {});
    const w = result.findings.filter((f) => f.rule === 'compile.code-name-mismatch');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', unit: 'UBND xã B' });
    expect(w[0].cell).toMatch(/^B\d+$/);
    expect(w[0].message).toContain('X01');
    expect(w[0].message).toContain('UBND xã A');
    // The roster's code still decides (docs/spec/TEMPLATE.md §8): both reports are X01's, and the later in reading order counts.
    expect(only(result, DISTRICT).figures.A1).toBe(10);
    expect(result.reports.map((r) => r.counted)).toEqual([false, true]);
  });

  test('a unit outside the roster under a known parent counts, with a warning; under an unknown parent it does not', () => {
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, roster: [{ name: 'UBND xã A', level: 'Xã', parent: DISTRICT }] }),
      reportRead('UBND xã A', { figures: { A1: 1 } }),
      reportRead('UBND xã Mới', { figures: { A1: 2 } }),
      reportRead('UBND xã Lạ', { parent: 'UBND huyện Khác', figures: { A1: 40 } }),
    ], {});
    const s = only(result, DISTRICT);
    expect(s.figures.A1).toBe(3);
    expect(s.children.map((c) => c.unit)).toEqual(['UBND xã A', 'UBND xã Mới']);
    expect(result.findings.filter((f) => f.rule.startsWith('compile.not-in-roster') || f.rule === 'compile.out-of-scope')
      .map((f) => [f.rule, f.severity, f.unit])).toEqual([
      ['compile.not-in-roster', 'warning', 'UBND xã Mới'], ['compile.out-of-scope', 'warning', 'UBND xã Lạ']]);
    expect(result.reports.map((r) => r.counted)).toEqual([true, true, false]);
  });
});

describe('tasks', () => {
  const five = ['A', 'B', 'C', 'D', 'E'].map((x) => `UBND xã ${x}`);
  const withDone = (doneCount: number) => five.map((name, i) =>
    reportRead(name, { tasks: [{ stt: 1, name: 'Nhiệm vụ một', result: 'Đã làm', done: i < doneCount }] }));

  test("the parent's task is Hoàn thành when done ÷ expected reaches the plan's Tỷ lệ đạt (80 %)", () => {
    const plan = planRead({ compilingUnit: DISTRICT, parent: PROVINCE, tasks: [planTask(1, 'Nhiệm vụ một', 0.8)] });
    const four = only(compileReads([plan, ...withDone(4)], {}), DISTRICT).tasks[0];
    expect([four.done, four.expected, four.complete, four.result]).toEqual([4, 5, true, '4/5 đơn vị hoàn thành']);
    const three = only(compileReads([plan, ...withDone(3)], {}), DISTRICT).tasks[0];
    expect([three.done, three.complete]).toEqual([3, false]);
    expect(three.notDone).toEqual(['UBND xã D', 'UBND xã E']);
    expect(three.note).toContain('UBND xã D, UBND xã E');
  });

  test('a child that has not reported counts as not done and is named in the note', () => {
    const plan = planRead({ compilingUnit: DISTRICT, parent: PROVINCE, tasks: [planTask(1, 'Nhiệm vụ một', 1)],
      roster: five.map((name) => ({ name, level: 'Xã' as const, parent: DISTRICT })) });
    const t = only(compileReads([plan, ...withDone(5).slice(0, 4)], {}), DISTRICT).tasks[0];
    expect([t.done, t.expected, t.complete]).toEqual([4, 5, false]);
    expect(t.notReported).toEqual(['UBND xã E']);
    expect(t.note).toMatch(/Chưa nộp báo cáo: UBND xã E/);
  });

  test('without a plan the tasks are the union of the units\' rows (same task by STT and folded name)', () => {
    const result = compileReads([
      reportRead('UBND xã A', { tasks: [{ stt: 1, name: 'Tuyên truyền trên Cổng TTĐT', result: 'x', done: true }, { stt: 2, name: 'Phát thanh', result: 'x', done: true }] }),
      reportRead('UBND xã B', { tasks: [{ stt: 1, name: 'TUYÊN TRUYỀN TRÊN CỔNG TTĐT', result: 'x', done: true }, { stt: 3, name: 'Cuộc thi', result: 'x', done: true }] }),
    ], {});
    const s = only(result, DISTRICT);
    expect(s.tasks.map((t) => [t.stt, t.name, t.done, t.expected])).toEqual([
      [1, 'Tuyên truyền trên Cổng TTĐT', 2, 2], [2, 'Phát thanh', 1, 2], [3, 'Cuộc thi', 1, 2]]);
  });

  test('the plan task checks run on every counted report', () => {
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, tasks: [...TASKS.map((t) => planTask(t.stt as number, t.name as string)), planTask(4, 'Nhiệm vụ không ai làm')] }),
      reportRead('UBND xã A'),
    ], {});
    expect(result.findings.some((f) => f.severity === 'error' && f.unit === 'UBND xã A' && /Nhiệm vụ không ai làm/.test(f.message))).toBe(true);
  });
});

describe('assessments and documents', () => {
  test('are collected from the counted children, attributed', () => {
    const result = compileReads([
      reportRead('UBND xã A', { docRef: '12/BC-UBND ngày 10/10/2020', assessment: { strengths: 'Tốt' } }),
      reportRead('UBND xã B', { assessment: { weaknesses: 'Thiếu kinh phí' } }),
    ], {});
    const s = only(result, DISTRICT);
    expect(s.assessments).toEqual([
      { unit: 'UBND xã A', key: 'strengths', text: 'Tốt' }, { unit: 'UBND xã B', key: 'weaknesses', text: 'Thiếu kinh phí' }]);
    expect(s.documents).toEqual([{ unit: 'UBND xã A', docRef: '12/BC-UBND ngày 10/10/2020' }]);
  });
});

describe('inputs that are not reports', () => {
  test('file-level findings are carried, skipped sheets listed', () => {
    const extra = [{ severity: 'error' as const, unit: 'hong.xlsx', file: 'hong.xlsx', sheet: '', cell: '', rule: 'file.unreadable' as const, message: 'Không đọc được tệp' }];
    const result = compileReads([
      { kind: 'skipped', source: { sheet: 'Ghi chú', file: 'a.xlsx' } },
      reportRead('UBND xã A', { figures: { A1: 1 } }),
    ], {}, extra);
    expect(result.findings[0]).toEqual(extra[0]);
    expect(result.skipped).toEqual([{ sheet: 'Ghi chú', file: 'a.xlsx' }]);
  });

  test('nothing to compile: no summaries, no crash', () => {
    const result = compileReads([], { period: 'Quý I', year: 2025 });
    expect(result.summaries).toEqual([]);
    expect([result.period, result.year]).toEqual(['Quý I', 2025]);
  });
});

describe('inputs are never changed', () => {
  test('compileReads leaves the reads as they were; compileGrids reads then compiles', () => {
    const reads = [
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, roster: [{ name: 'UBND xã A', level: 'Xã', parent: DISTRICT }] }),
      reportRead('UBND xã A', { figures: { A1: 1 } }),
      reportRead('UBND xã B', { figures: { A1: 2 } }),
    ];
    const before = JSON.stringify(reads);
    compileReads(reads, {});
    expect(JSON.stringify(reads)).toBe(before);
  });

  test('compileGrids', () => {
    const grids = [makeUnitGrid(unit('UBND xã A', { figures: { A1: 5 } })), makeUnitGrid(unit('UBND xã B', { figures: { A1: 6 } }))];
    const before = JSON.stringify(grids);
    const result = compileGrids(grids, {});
    expect(only(result, DISTRICT).figures.A1).toBe(11);
    expect(JSON.stringify(grids)).toBe(before);
  });
});

describe('run twice, property', () => {
  test('any set of communes: last run\'s compiled report beside them, anywhere, changes no total', () => {
    const value = fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null });
    const commune = fc.record({ A1: value, A3: value, E1: value, A6: fc.option(fc.integer({ min: 0, max: 24 }), { nil: null }) });
    fc.assert(fc.property(fc.array(commune, { minLength: 1, maxLength: 5 }), fc.nat(), fc.boolean(), (kids, at, withPlan) => {
      const reads: SheetRead[] = kids.map((f, i) => reportRead(`UBND xã Số ${i + 1}`, { figures: f }));
      if (withPlan) reads.unshift(planRead({ compilingUnit: DISTRICT, level: 'Huyện', parent: PROVINCE }));
      const first = compileReads(reads, {});
      const bc = layoutOutputs(first, { now: new Date(2020, 9, 1) }).find((s) => s.role === 'report')!;
      const again = reads.slice();
      again.splice(at % (reads.length + 1), 0, readSheet(outputSheetToGrid(bc)));
      const second = compileReads(again, {});
      expect(second.summaries.map((s) => [s.unit, s.figures, s.children.length])).toEqual(first.summaries.map((s) => [s.unit, s.figures, s.children.length]));
      expect(second.findings.map((f) => f.rule)).toEqual(first.findings.map((f) => f.rule));
    }), { numRuns: 25 });
  });
});

describe('more roster shapes', () => {
  test('a province plan listing only communes with their districts\' names: the districts sit under the province', () => {
    const result = compileReads([
      planRead({ compilingUnit: PROVINCE, level: 'Tỉnh', roster: [
        { name: 'UBND xã Hương Lộc', level: 'Xã', parent: 'UBND huyện Nam Đông' },
        { name: 'UBND xã Lộc Bình', level: 'Xã', parent: 'UBND huyện Phú Lộc' }] }),
      reportRead('UBND xã Hương Lộc', { figures: { A1: 1 } }),
      reportRead('UBND xã Lộc Bình', { parent: 'UBND huyện Phú Lộc', figures: { A1: 2 } }),
    ], {});
    expect(result.summaries.map((s) => [s.unit, s.level, s.parent, s.figures.A1])).toEqual([
      ['UBND huyện Nam Đông', 'Huyện', PROVINCE, 1], ['UBND huyện Phú Lộc', 'Huyện', PROVINCE, 2], [PROVINCE, 'Tỉnh', undefined, 3]]);
  });

  test('a parent on the report that differs from the plan: the plan wins, with a warning', () => {
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, roster: [{ name: 'UBND xã A', level: 'Xã', parent: DISTRICT }] }),
      reportRead('UBND xã A', { parent: 'UBND huyện Phú Lộc', figures: { A1: 1 } }),
    ], {});
    expect(only(result, DISTRICT).figures.A1).toBe(1);
    expect(result.findings.filter((f) => f.rule === 'compile.parent-mismatch').map((f) => [f.severity, f.unit])).toEqual([['warning', 'UBND xã A']]);
  });

  test("a district's own sheet beside its compiled report (no communes): the compiled one counts, once", () => {
    const namDong = compileReads([
      planRead({ compilingUnit: DISTRICT, level: 'Huyện', parent: PROVINCE }),
      reportRead(DISTRICT, { level: 'Huyện', parent: PROVINCE, figures: { A1: 100 } }),
      reportRead('UBND xã A', { figures: { A1: 1 } }),
    ], {});
    const bc = readSheet(outputSheetToGrid(layoutOutputs(namDong, { now: new Date(2020, 9, 1) }).find((s) => s.role === 'report')!));
    const province = compileReads([
      planRead({ compilingUnit: PROVINCE, level: 'Tỉnh', roster: [{ name: DISTRICT, level: 'Huyện', parent: PROVINCE }] }),
      reportRead(DISTRICT, { level: 'Huyện', parent: PROVINCE, figures: { A1: 100 } }),
      bc,
    ], {});
    expect(only(province, PROVINCE).figures.A1).toBe(101);
    expect(province.reports.map((r) => r.counted)).toEqual([false, true]);
    expect(province.findings.filter((f) => f.rule === 'compile.own-in-compiled').map((f) => f.severity)).toEqual(['warning']);
  });

  test('a second plan sheet is ignored with a warning', () => {
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE }),
      planRead({ compilingUnit: 'UBND huyện Khác', parent: PROVINCE, year: 2019 }),
      reportRead('UBND xã A'),
    ], {});
    expect(result.plan?.compilingUnit).toBe(DISTRICT);
    expect(result.year).toBe(2020);
    expect(rules(result, 'warning')).toContain('compile.plan-duplicate');
  });
});

describe('codes without a roster', () => {
  test('two communes giving the same code (a copied file) stay two units, with a warning', () => {
    const result = compileReads([
      reportRead('UBND xã A', { unitCode: 'X001', figures: { A1: 1 } }),
      reportRead('UBND xã B', { unitCode: 'X001', figures: { A1: 2 } }),
    ], {});
    expect(only(result, DISTRICT).figures.A1).toBe(3);
    expect(rules(result, 'error')).not.toContain('compile.duplicate');
    expect(result.findings.filter((f) => f.rule === 'compile.code-shared').map((f) => f.unit)).toEqual(['UBND xã B']);
  });
});

describe('roster names that fold alike', () => {
  test('two roster units whose names differ only by diacritics but have their own codes stay two units, each counted by its code', () => {
    const PROVINCE_HCM = 'UBND thành phố Hồ Chí Minh';
    const result = compileReads([
      planRead({ compilingUnit: PROVINCE_HCM, level: 'Tỉnh', roster: [
        { code: '25807', name: 'UBND xã Thanh An', level: 'Xã', parent: PROVINCE_HCM },
        { code: '27676', name: 'UBND xã Thạnh An', level: 'Xã', parent: PROVINCE_HCM }] }),
      reportRead('UBND xã Thanh An', { unitCode: '25807', parent: PROVINCE_HCM, figures: { A1: 1 } }),
      reportRead('UBND xã Thạnh An', { unitCode: '27676', parent: PROVINCE_HCM, figures: { A1: 2 } }),
    ], {});
    const s = only(result, PROVINCE_HCM);
    expect(s.children.map((c) => [c.unitCode, c.status])).toEqual([['25807', 'Đã nộp'], ['27676', 'Đã nộp']]);
    expect(s.figures.A1).toBe(3);
    expect(result.reports.every((r) => r.counted)).toBe(true);
  });
  test('without Mã đơn vị: the name written with the same diacritics is the unit; a name like neither is flagged, not given to the first', () => {
    const PROVINCE_HCM = 'UBND thành phố Hồ Chí Minh';
    const plan = planRead({ compilingUnit: PROVINCE_HCM, level: 'Tỉnh', roster: [
      { code: '25807', name: 'UBND xã Thanh An', level: 'Xã', parent: PROVINCE_HCM },
      { code: '27676', name: 'UBND xã Thạnh An', level: 'Xã', parent: PROVINCE_HCM }] });
    // Thạnh An typed in capitals, its tone mark where old spelling puts it does not matter; no code.
    const exact = compileReads([plan, reportRead('UBND XÃ THẠNH AN', { parent: PROVINCE_HCM, figures: { A1: 2 } })], {});
    expect(only(exact, PROVINCE_HCM).children.map((c) => [c.unitCode, c.status])).toEqual([['25807', 'Chưa nộp'], ['27676', 'Đã nộp']]);
    // «Thành An»: folds like both, written like neither.
    const unclear = compileReads([plan, reportRead('UBND xã Thành An', { parent: PROVINCE_HCM, figures: { A1: 2 } })], {});
    expect(unclear.summaries.flatMap((x) => x.children).filter((c) => c.status !== 'Chưa nộp')).toEqual([]);
    expect(unclear.reports[0].counted).toBe(false);
    const f = unclear.findings.find((x) => x.rule === 'compile.ambiguous-unit')!;
    expect(f).toMatchObject({ severity: 'error', unit: 'UBND xã Thành An' });
    expect(f.message).toContain('UBND xã Thanh An (mã 25807), UBND xã Thạnh An (mã 27676)');
    // Where a word's tone mark sits, case and the committee prefix do not make another name; a mark does.
    expect(exactUnitKey('UBND xã Hương Hoà')).toBe(exactUnitKey('Xã HƯƠNG HÒA'));
    expect(exactUnitKey('UBND xã Thanh An')).not.toBe(exactUnitKey('UBND xã Thạnh An'));
  });
});
