import { compileReads } from '../../src/core/compile';
import { reportUsed } from '../../src/core/cumulative';
import { layoutOutputs, outputSheetToGrid } from '../../src/core/layout';
import { readCompiledWorkbook } from '../../src/core/layout/read-back';
import { daysInSpan, defaultSpan, type Period } from '../../src/core/periods';
import type { CompileResult, SheetRead } from '../../src/core/model';
import type { IndicatorCode } from '../../src/core/template';
import type { CellValue } from '../../src/core/grid';
import { DISTRICT, PROVINCE, TASKS, planRead, reportRead } from './compile-fixtures';
import { quarterFigures } from '../helpers/quarter-figures';

const YEAR = 2026;
const A = 'UBND xã Hương Lộc';
const B = 'UBND xã Thượng Quảng';
const ROSTER = [A, B].map((name) => ({ name, level: 'Xã' as const, parent: DISTRICT }));

function report(unit: string, period: Period, seed: number, over: Record<string, unknown> = {}): SheetRead {
  return reportRead(unit, { period, year: YEAR, figures: quarterFigures(seed), sheet: `${unit.slice(5, 20)} ${period}`.slice(0, 31), ...over });
}

function compile(period: Period, reads: SheetRead[]): CompileResult {
  return compileReads([planRead({ compilingUnit: DISTRICT, parent: PROVINCE, period, year: YEAR, roster: ROSTER }), ...reads], {});
}

const row = (r: CompileResult, unit: string) => r.summaries.find((s) => s.unit === DISTRICT)!.children.find((c) => c.unit === unit)!;
const rules = (r: CompileResult) => r.findings.map((f) => f.rule);

describe('cumulative periods (spec §11)', () => {
  test('6 tháng from Quý I + Quý II: flows summed, D1 from Quý I, stocks from Quý II, A6 weighted by days', () => {
    const q1 = quarterFigures(1);
    const q2 = quarterFigures(2);
    const r = compile('6 tháng', [report(A, 'Quý I', 1), report(A, 'Quý II', 2), report(B, '6 tháng', 7)]);
    const f = row(r, A).figures!;
    expect(row(r, A).status).not.toBe('Chưa nộp');
    for (const code of ['A1', 'A2', 'B3', 'C2', 'D2', 'D3', 'D4', 'E1'] as IndicatorCode[]) {
      expect(f[code]).toBe((q1[code] as number) + (q2[code] as number));
    }
    expect(f.D1).toBe(q1.D1);
    for (const code of ['D6', 'D7', 'D8'] as IndicatorCode[]) expect(f[code]).toBe(q2[code]);
    const d1 = daysInSpan(defaultSpan('Quý I', YEAR));
    const d2 = daysInSpan(defaultSpan('Quý II', YEAR));
    expect(f.A6).toBeCloseTo(((q1.A6 as number) * d1 + (q2.A6 as number) * d2) / (d1 + d2), 2);
    // The district's totals hold the built figures, and no report is called the wrong period.
    expect(r.summaries.find((s) => s.unit === DISTRICT)!.figures.A1).toBe((q1.A1 as number) + (q2.A1 as number) + (quarterFigures(7).A1 as number));
    expect(rules(r)).not.toContain('compile.other-period');
    // Building from the quarters is the normal case: no compile finding about A (its quarters' own figures are checked as ever).
    expect(r.findings.filter((x) => x.unit === A && x.rule.startsWith('compile.'))).toEqual([]);
    // Both quarters went into the figures (only Quý II, carrying the built report, is `counted`).
    expect(r.reports.filter((e) => e.report.unit === A).map((e) => [e.counted, reportUsed(e)])).toEqual([[false, true], [true, true]]);
    // What the figures stand on, for the command line, the Kiểm tra sheet and the JSON.
    expect(r.cumulative).toEqual([{ unit: A, period: '6 tháng', built: true, parts: [
      { period: 'Quý I', source: expect.objectContaining({ sheet: expect.stringContaining('Quý I') }) },
      { period: 'Quý II', source: expect.objectContaining({ sheet: expect.stringContaining('Quý II') }) },
    ] }]);
  });

  test('the Kiểm tra sheet lists each unit built and the reports used, never read back as a finding', () => {
    const r = compile('6 tháng', [report(A, 'Quý I', 1), report(A, 'Quý II', 2), report(B, '6 tháng', 7)]);
    const sheets = layoutOutputs(r);
    const check = sheets.find((s) => s.role === 'findings')!;
    const texts = check.rows.map((row) => (row ?? []).map((c) => c?.v ?? ''));
    const at = texts.findIndex((row) => row[0] === 'Số liệu lũy kế (1 đơn vị)');
    expect(at).toBeGreaterThan(0);
    const unitRow = texts.slice(at).find((row) => row[1] === A)!;
    expect(unitRow[3]).toBe('Quý I, Quý II');
    expect(String(unitRow[4]).split('\n')).toEqual([`Quý I: ${r.cumulative![0].parts[0].source.sheet}`, `Quý II: ${r.cumulative![0].parts[1].source.sheet}`]);
    const back = readCompiledWorkbook(sheets.map((s) => outputSheetToGrid(s)));
    expect(back.findings.map((f) => [f.severity, f.unit, f.rule])).toEqual(r.findings.map((f) => [f.severity, f.unit, f.rule]));
  });

  test('task marks come from the last sub-period', () => {
    const undone = TASKS.map((t) => ({ ...t, done: false }));
    const done = TASKS.map((t) => ({ ...t, done: true }));
    const r = compile('6 tháng', [report(A, 'Quý I', 1, { tasks: undone }), report(A, 'Quý II', 2, { tasks: done })]);
    expect(Object.values(row(r, A).tasks)).toEqual(TASKS.map(() => true));
  });

  test('a unit missing Quý II is Chưa nộp, with a finding naming the missing quarter', () => {
    const r = compile('6 tháng', [report(A, 'Quý I', 1), report(B, 'Quý I', 2), report(B, 'Quý II', 3)]);
    expect(row(r, A).status).toBe('Chưa nộp');
    expect(row(r, B).status).not.toBe('Chưa nộp');
    const gap = r.findings.filter((x) => x.rule === 'compile.cumulative-gap');
    expect(gap.map((x) => x.unit)).toEqual([A]);
    expect(gap[0].message).toContain('Quý II');
    expect(r.reports.find((e) => e.report.unit === A)!.reason).toContain('Quý II');
    expect(rules(r)).not.toContain('compile.other-period');
  });

  test('a cumulative report that disagrees with its quarters is warned about, quoting both figures; it still counts', () => {
    const q1 = quarterFigures(1);
    const q2 = quarterFigures(2);
    const six = { ...quarterFigures(2), A1: (q1.A1 as number) + (q2.A1 as number) + 2, D6: (q2.D6 as number) + 1 };
    const r = compile('6 tháng', [report(A, 'Quý I', 1), report(A, 'Quý II', 2), report(A, '6 tháng', 2, { figures: six })]);
    const sum = (q1.A1 as number) + (q2.A1 as number);
    const diffs = r.findings.filter((x) => x.rule === 'compile.cumulative-differs');
    expect(diffs.find((x) => x.message.includes('A1'))!.message).toContain(`6 tháng ghi A1 = ${sum + 2}; Quý I + Quý II = ${sum}`);
    expect(diffs.find((x) => x.message.includes('D6'))!.message).toContain(`6 tháng ghi D6 = ${(q2.D6 as number) + 1}; Quý II ghi ${q2.D6}`);
    expect(diffs.every((x) => x.severity === 'warning' && x.cell !== '')).toBe(true);
    expect(row(r, A).figures!.A1).toBe(sum + 2);
    expect(r.cumulative).toEqual([expect.objectContaining({ unit: A, built: false })]);
    expect(rules(r)).not.toContain('compile.other-period');
  });

  test('a cumulative report that agrees with its quarters gets no warning', () => {
    const q1 = quarterFigures(1);
    const q2 = quarterFigures(2);
    const six: Record<string, CellValue> = {};
    for (const code of Object.keys(q1)) six[code] = (q1[code as IndicatorCode] as number) + (q2[code as IndicatorCode] as number);
    const d1 = daysInSpan(defaultSpan('Quý I', YEAR));
    const d2 = daysInSpan(defaultSpan('Quý II', YEAR));
    const a6 = Math.round((((q1.A6 as number) * d1 + (q2.A6 as number) * d2) / (d1 + d2)) * 100) / 100;
    Object.assign(six, { D1: q1.D1, D6: q2.D6, D7: q2.D7, D8: q2.D8, A6: a6 });
    const r = compile('6 tháng', [report(A, 'Quý I', 1), report(A, 'Quý II', 2), report(A, '6 tháng', 0, { figures: six })]);
    expect(rules(r)).not.toContain('compile.cumulative-differs');
  });

  test('9 tháng from 6 tháng + Quý III', () => {
    const six = quarterFigures(3);
    const q3 = quarterFigures(4);
    const r = compile('9 tháng', [report(A, '6 tháng', 3), report(A, 'Quý III', 4)]);
    const f = row(r, A).figures!;
    expect(f.A1).toBe((six.A1 as number) + (q3.A1 as number));
    expect(f.D1).toBe(six.D1);
    expect(f.D7).toBe(q3.D7);
    expect(r.cumulative).toEqual([expect.objectContaining({ unit: A, built: true, parts: [expect.objectContaining({ period: '6 tháng' }), expect.objectContaining({ period: 'Quý III' })] })]);
  });

  test('Năm from four quarters; a Quý III missing is named', () => {
    const quarters: Period[] = ['Quý I', 'Quý II', 'Quý III', 'Quý IV'];
    const r = compile('Năm', [
      ...quarters.map((p, i) => report(A, p, i + 1)),
      report(B, 'Quý I', 1), report(B, 'Quý II', 1), report(B, 'Quý IV', 1),
    ]);
    const f = row(r, A).figures!;
    expect(f.E1).toBe([1, 2, 3, 4].reduce((s, i) => s + (quarterFigures(i).E1 as number), 0));
    expect(f.D1).toBe(quarterFigures(1).D1);
    expect(f.D8).toBe(quarterFigures(4).D8);
    expect(row(r, B).status).toBe('Chưa nộp');
    expect(r.findings.find((x) => x.rule === 'compile.cumulative-gap')!.message).toContain('chưa gửi báo cáo Quý III');
  });

  test('a quarter compile is untouched: another quarter is still the wrong period', () => {
    const r = compile('Quý II', [report(A, 'Quý I', 1), report(A, 'Quý II', 2)]);
    expect(row(r, A).figures!.A1).toBe(quarterFigures(2).A1);
    expect(rules(r)).toContain('compile.other-period');
    expect(r.cumulative).toBeUndefined();
  });
});
