/**
 * Dates that cannot win by lying (docs/spec/TEMPLATE.md §8): a `Ngày gửi` after the day
 * of the compile or before the period began is an error on that copy, which
 * never wins by it; two differing copies sent the same day ask the officer
 * to confirm; the changed-cells list pairs tasks by number and name.
 */
import { compileReads } from '../../src/core/compile';
import type { CompileResult, TaskRow, UnitReport } from '../../src/core/model';
import { resubmissionDifferences } from '../../src/core/resubmissions';
import { DISTRICT, reportRead } from './compile-fixtures';

/** The fixtures' reports are of Năm 2020: the period began on 15/12/2019. */
const TODAY = '2021-01-10';
const a1Of = (r: CompileResult) => r.summaries.find((s) => s.unit === DISTRICT)!.figures.A1;
const byRule = (r: CompileResult, rule: string) => r.findings.filter((f) => f.rule === rule);

describe('which copy counts when dates lie', () => {
  it('a copy dated after the day of the compile is an error and loses to the true one, read first or last', () => {
    const real = reportRead('UBND xã A', { figures: { A1: 10 }, sentDate: '15/10/2020', sheet: 'A', file: 'a.xlsx' });
    const forged = reportRead('UBND xã A', { figures: { A1: 99 }, sentDate: '31/12/2099', sheet: 'A', file: 'a-2099.xlsx' });
    for (const reads of [[real, forged], [forged, real]]) {
      const r = compileReads(reads, { today: TODAY });
      expect(a1Of(r)).toBe(10);
      const err = byRule(r, 'compile.sent-date');
      expect(err.map((f) => [f.severity, f.unit, f.file])).toEqual([['error', 'UBND xã A', 'a-2099.xlsx']]);
      expect(err[0].message).toContain('31/12/2099');
      expect(err[0].message).toContain('10/01/2021');
      expect(err[0].cell).not.toBe('');
      expect(r.summaries[0].children[0].status).toBe('Đã nộp');
    }
    // Alone, it counts (its figures are the unit's) but is not late by a date nobody believes.
    const alone = compileReads([forged], { today: TODAY });
    expect(a1Of(alone)).toBe(99);
    expect(alone.summaries[0].children[0].status).toBe('Đã nộp');
    expect(byRule(alone, 'compile.late')).toEqual([]);
  });

  it('a copy dated before the period began is an error and never wins by its date', () => {
    const r = compileReads([
      reportRead('UBND xã A', { figures: { A1: 10 }, sentDate: '20/12/2020', sheet: 'A' }),
      reportRead('UBND xã A', { figures: { A1: 5 }, sentDate: '01/12/2019', sheet: 'A cũ' }),
    ], { today: TODAY });
    expect(a1Of(r)).toBe(10);
    const err = byRule(r, 'compile.sent-date');
    expect(err.map((f) => f.sheet)).toEqual(['A cũ']);
    expect(err[0].message).toContain('15/12/2019');
    expect(byRule(r, 'compile.superseded').map((f) => f.sheet)).toEqual(['A cũ']);
  });

  it('between copies with no date to believe, reading order decides and the warning does not call it the newest', () => {
    const r = compileReads([
      reportRead('UBND xã A', { figures: { A1: 10 }, sheet: 'A' }),
      reportRead('UBND xã A', { figures: { A1: 5 }, sentDate: '01/12/2019', sheet: 'A cũ' }),
    ], { today: TODAY });
    expect(a1Of(r)).toBe(5);
    const sup = byRule(r, 'compile.superseded');
    expect(sup.map((f) => f.sheet)).toEqual(['A']);
    expect(sup[0].message).not.toContain('mới nhất');
    expect(sup[0].message).toContain('không có ngày gửi tin được');
  });

  it('two differing copies sent the same day: the later read counts and the warning asks the officer to confirm', () => {
    const r = compileReads([
      reportRead('UBND xã A', { figures: { A1: 10 }, sentDate: '05/01/2021', sheet: 'A', file: 'z.xlsx' }),
      reportRead('UBND xã A', { figures: { A1: 12 }, sentDate: '05/01/2021', sheet: 'A', file: 'a.xlsx' }),
    ], { today: TODAY });
    expect(a1Of(r)).toBe(12);
    const [sup] = byRule(r, 'compile.superseded');
    expect(sup.file).toBe('z.xlsx');
    expect(sup.message).toContain('cùng ngày 05/01/2021');
    expect(sup.message).toContain('kiểm tra với đơn vị bản nào đúng');
    expect(sup.message).not.toContain('mới nhất');
    expect(sup.message).toContain('A1: 10 → 12');
  });

  it('a true later date still wins, called the newest', () => {
    const r = compileReads([
      reportRead('UBND xã A', { figures: { A1: 12 }, sentDate: '06/01/2021', sheet: 'A', file: 'moi.xlsx' }),
      reportRead('UBND xã A', { figures: { A1: 10 }, sentDate: '05/01/2021', sheet: 'A', file: 'cu.xlsx' }),
    ], { today: TODAY });
    expect(a1Of(r)).toBe(12);
    expect(byRule(r, 'compile.sent-date')).toEqual([]);
    expect(byRule(r, 'compile.superseded')[0].message).toContain('tính bản mới nhất ở moi.xlsx');
  });
});

describe('what changed between two copies', () => {
  const report = (tasks: TaskRow[]): UnitReport => {
    const r = reportRead('UBND xã A', {});
    if (r.kind !== 'report') throw new Error('not a report');
    return { ...r.report, tasks };
  };
  const task = (stt: number | null, name: string, done: boolean | null, row: number): TaskRow => ({ stt, name, result: '', note: '', done, cell: `A${row}` });

  it('the same eight tasks without number or name in both copies: nothing added, the one mark changed named by its cell', () => {
    const eight = (flip: boolean) => Array.from({ length: 8 }, (_, i) => task(null, '', i === 3 ? flip : true, 30 + i));
    expect(resubmissionDifferences(report(eight(false)), report(eight(false)))).toEqual([]);
    expect(resubmissionDifferences(report(eight(false)), report(eight(true)))).toEqual(['nhiệm vụ ở ô A33: Chưa hoàn thành → Hoàn thành']);
  });

  it('pairs by number and name: a task renumbered is the same task, a new one is added, a dropped one removed', () => {
    const old = [task(1, 'Tuyên truyền', true, 30), task(2, 'Niêm yết TTHC', false, 31), task(3, 'Hội nghị', true, 32)];
    const now = [task(1, 'Tuyên truyền', true, 30), task(5, 'Niêm yết TTHC', true, 31), task(4, 'Cuộc thi', true, 32)];
    expect(resubmissionDifferences(report(old), report(now))).toEqual([
      'nhiệm vụ 5: Chưa hoàn thành → Hoàn thành', 'nhiệm vụ 4: thêm mới', 'nhiệm vụ 3: bỏ đi',
    ]);
  });
});
