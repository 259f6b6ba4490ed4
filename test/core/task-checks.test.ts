/** A unit's task rows against the plan (docs/spec/TEMPLATE.md §4). */
import type { Finding } from '../../src/core/findings';
import type { Plan, PlanTask, TaskRow, UnitReport } from '../../src/core/model';
import { readSheet } from '../../src/core/reader';
import { checkTasksAgainstPlan, matchTasks, unmatchedRows } from '../../src/core/task-checks';
import { makeUnitGrid, sampleSpec, TaskSpec } from '../helpers/unit-grid';

const PLAN_TASKS: PlanTask[] = [
  { stt: 1, name: 'Tuyên truyền trên Cổng thông tin điện tử', indicator: 'A1', minimum: 12, threshold: 1 },
  { stt: 2, name: 'Tuyên truyền qua hệ thống truyền thanh', threshold: 1 },
  { stt: 3, name: 'Tổ chức cuộc thi tìm hiểu CCHC', indicator: 'C3', minimum: 1, threshold: 0.8 },
];
const plan = (tasks = PLAN_TASKS): Plan => ({ source: { sheet: 'Kế hoạch' }, tasks, roster: [] });

function unit(tasks: TaskSpec[], figures: Record<string, unknown> = {}): UnitReport {
  const r = readSheet(makeUnitGrid(sampleSpec({ sheet: 'HuongLoc', tasks, figures: { ...sampleSpec().figures, ...figures } as never })));
  if (r.kind !== 'report') throw new Error();
  return r.report;
}
const rules = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.rule} ${f.cell}`);

const SAME: TaskSpec[] = [
  { stt: 1, name: 'Tuyên truyền trên Cổng thông tin điện tử', result: '20 tin', done: true },
  { stt: 2, name: 'Tuyên truyền qua hệ thống truyền thanh', result: '10 tin', done: true },
  { stt: 3, name: 'Tổ chức cuộc thi tìm hiểu CCHC', result: 'Chưa tổ chức', done: false },
];

describe('checkTasksAgainstPlan', () => {
  test('the same tasks: no finding', () => {
    expect(checkTasksAgainstPlan(unit(SAME), plan())).toEqual([]);
  });

  test('no plan, or a plan without tasks: nothing to check', () => {
    expect(checkTasksAgainstPlan(unit([]), undefined)).toEqual([]);
    expect(checkTasksAgainstPlan(unit([]), plan([]))).toEqual([]);
  });

  test('names matched with case, spaces, diacritics and punctuation folded', () => {
    const rows = SAME.map((t) => ({ ...t, name: String(t.name).toUpperCase().replace(/ /g, '  ') + '.' }));
    rows[1].name = 'tuyen truyen qua he thong truyen thanh';
    expect(checkTasksAgainstPlan(unit(rows), plan())).toEqual([]);
  });

  test('a plan task missing from the sheet → error at the task table, naming the task', () => {
    const fs = checkTasksAgainstPlan(unit(SAME.slice(0, 2)), plan());
    expect(rules(fs)).toEqual(['error task.missing B38']);
    expect(fs[0].message).toContain('«Tổ chức cuộc thi tìm hiểu CCHC»');
    expect(fs[0].message).toContain('HuongLoc!B38');
    expect(fs[0].unit).toBe('UBND xã Hương Lộc');
  });

  test('a row matching no plan task → warning at its row', () => {
    const fs = checkTasksAgainstPlan(unit([...SAME, { stt: 4, name: 'Việc ngoài kế hoạch', result: 'x', done: true }]), plan());
    expect(rules(fs)).toEqual(['warning task.not-in-plan A42']);
    expect(fs[0].message).toContain('«Việc ngoài kế hoạch»');
  });

  test('renumbered rows still match by name, silently', () => {
    const rows = [SAME[2], SAME[0], SAME[1]].map((t, i) => ({ ...t, stt: i + 1 }));
    const r = unit(rows);
    expect(checkTasksAgainstPlan(r, plan())).toEqual([]);
    const m = matchTasks(r.tasks, PLAN_TASKS);
    expect(m.map((x) => [x.task.stt, x.row?.stt, x.by])).toEqual([[1, 2, 'name'], [2, 3, 'name'], [3, 1, 'name']]);
  });

  test('same STT with a different name → matched, with a warning (never silently)', () => {
    const rows = [...SAME];
    rows[1] = { stt: 2, name: 'Phát thanh trên loa', result: '10 tin', done: true };
    const r = unit(rows);
    const fs = checkTasksAgainstPlan(r, plan());
    expect(rules(fs)).toEqual(['warning task.name-differs A40']);
    expect(fs[0].message).toContain('«Phát thanh trên loa»');
    expect(fs[0].message).toContain('«Tuyên truyền qua hệ thống truyền thanh»');
    expect(matchTasks(r.tasks, PLAN_TASKS)[1]).toMatchObject({ by: 'stt', row: { name: 'Phát thanh trên loa' } });
  });

  test('Hoàn thành with the target figure below the minimum → warning quoting both numbers, at the figure cell', () => {
    const fs = checkTasksAgainstPlan(unit(SAME, { A1: 8 }), plan());
    expect(rules(fs)).toEqual(['warning task.below-minimum D14']);
    expect(fs[0].message).toContain('là 8');
    expect(fs[0].message).toContain('mức tối thiểu 12');
  });

  test('at the minimum, or not claimed done: no warning', () => {
    expect(checkTasksAgainstPlan(unit(SAME, { A1: 12 }), plan())).toEqual([]);
    // Task 3 (C3 ≥ 1) is marked Chưa hoàn thành: its minimum is not checked.
    expect(checkTasksAgainstPlan(unit(SAME, { C3: 0, C4: 0 }), plan())).toEqual([]);
  });

  test('claimed done with the target figure empty → warning saying it is empty', () => {
    const fs = checkTasksAgainstPlan(unit(SAME, { A1: null }), plan());
    expect(rules(fs)).toEqual(['warning task.below-minimum D14']);
    expect(fs[0].message).toContain('để trống');
  });
});

describe('matchTasks (shared with the compile)', () => {
  const row = (stt: number | null, name: string): TaskRow => ({ stt, name, result: '', note: '', done: true, cell: 'A1' });

  test('one entry per plan task, in plan order; undefined where the sheet has no row', () => {
    const rows = [row(1, 'Tuyên truyền trên Cổng thông tin điện tử')];
    const m = matchTasks(rows, PLAN_TASKS);
    expect(m.map((x) => x.row)).toEqual([rows[0], undefined, undefined]);
    expect(m.map((x) => x.by)).toEqual(['stt+name', 'none', 'none']);
  });

  test('a row is used at most once; exact STT+name wins over a name match elsewhere', () => {
    const rows = [row(5, 'Tuyên truyền qua hệ thống truyền thanh'), row(2, 'Tuyên truyền qua hệ thống truyền thanh')];
    const m = matchTasks(rows, PLAN_TASKS);
    expect(m[1].row).toBe(rows[1]);
    expect(unmatchedRows(rows, m)).toEqual([rows[0]]);
  });

  test('rows without STT match by name only', () => {
    const rows = [row(null, 'Tổ chức cuộc thi tìm hiểu CCHC'), row(null, 'Khác')];
    const m = matchTasks(rows, PLAN_TASKS);
    expect(m[2]).toMatchObject({ row: rows[0], by: 'name' });
    expect(unmatchedRows(rows, m)).toEqual([rows[1]]);
  });
});
