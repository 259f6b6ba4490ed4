import fc from 'fast-check';
import { matchTasks } from '../../src/core/task-checks';
import { joinAssessments, markTasks, rollupFigures, summarizeTasks, taskUnion } from '../../src/core/rollup';
import { displayUnitName } from '../../src/core/unit-names';
import type { ChildRow, TaskRow } from '../../src/core/model';
import { emptyFigures, type Figures } from '../../src/core/template';

const fig = (over: Partial<Figures>): Figures => ({ ...emptyFigures(), ...over });
const row = (stt: number | null, name: string, done: boolean | null): TaskRow => ({ stt, name, result: '', note: '', done, cell: 'A1' });
const child = (unit: string, tasks: Record<number, boolean | null> | null): ChildRow => ({
  unit, level: 'Xã', status: tasks ? 'Đã nộp' : 'Chưa nộp', figures: tasks ? emptyFigures() : null, rates: null, isSelf: false, tasks: tasks ?? {},
});

describe('rollupFigures', () => {
  test('sums, A6 is the mean of the reporters, empties counted, nobody reported → null', () => {
    const { figures, emptyCounts } = rollupFigures([fig({ A1: 3, A6: 1.5, B1: 0 }), fig({ A1: 4 }), fig({ A1: null, A6: 2.5 })]);
    expect(figures.A1).toBe(7);
    expect(figures.A6).toBe(2);
    expect(figures.B1).toBe(0); // one reported 0: a measured zero
    expect(figures.B2).toBeNull();
    expect(emptyCounts).toEqual(expect.objectContaining({ A1: 1, A6: 1, B1: 2, B2: 3 }));
  });
  test('no children: everything null', () => {
    expect(Object.values(rollupFigures([]).figures).every((v) => v === null)).toBe(true);
  });
});

describe('tasks', () => {
  test('taskUnion merges folded names, keeps free STTs, numbers the rest', () => {
    const union = taskUnion([[row(1, 'Tuyên truyền', true), row(2, 'Cuộc thi', true)], [row(1, 'TUYEN TRUYEN', true), row(2, 'Hội nghị', true), row(null, 'Khác', true)]]);
    expect(union.map((t) => [t.stt, t.name, t.threshold])).toEqual([[1, 'Tuyên truyền', 1], [2, 'Cuộc thi', 1], [3, 'Hội nghị', 1], [4, 'Khác', 1]]);
  });

  test('markTasks: by STT and name, by name when renumbered, missing → null', () => {
    const tasks = [{ stt: 1, name: 'Một', threshold: 1 }, { stt: 2, name: 'Hai', threshold: 1 }, { stt: 3, name: 'Ba', threshold: 1 }];
    expect(markTasks([row(5, 'hai', true), row(1, 'Một', false)], tasks)).toEqual({ 1: false, 2: true, 3: null });
  });

  test('summarizeTasks: threshold reached or not, not done and not reported named', () => {
    const tasks = [{ stt: 1, name: 'Một', threshold: 0.5 }, { stt: 2, name: 'Hai', threshold: 1 }];
    const [a, b] = summarizeTasks(tasks, [child('Xã A', { 1: true, 2: true }), child('Xã B', { 1: false, 2: null }), child('Xã C', null)]);
    expect([a.done, a.expected, a.complete, a.result]).toEqual([1, 3, false, '1/3 đơn vị hoàn thành (yêu cầu 50%)']);
    expect([a.notDone, a.notReported]).toEqual([['Xã B'], ['Xã C']]);
    expect(a.note).toBe('Chưa hoàn thành: Xã B. Chưa nộp báo cáo: Xã C.');
    expect(b.complete).toBe(false);
    const [half] = summarizeTasks(tasks, [child('Xã A', { 1: true }), child('Xã B', { 1: false })]);
    expect(half.complete).toBe(true); // 1/2 = 50 % reaches 50 %
    expect(half.result).toBe('1/2 đơn vị hoàn thành'); // reached: no required share said
  });

  test('summarizeTasks counts the units directed, not the compiling unit\'s own sheet (unless it is the only one)', () => {
    const tasks = [{ stt: 1, name: 'Một', threshold: 1 }];
    const self = { ...child('UBND huyện A', { 1: false }), isSelf: true };
    const [t] = summarizeTasks(tasks, [self, child('Xã A', { 1: true }), child('Xã B', { 1: true })]);
    expect([t.done, t.expected, t.complete, t.notDone]).toEqual([2, 2, true, []]);
    const [alone] = summarizeTasks(tasks, [self]);
    expect([alone.done, alone.expected, alone.notDone]).toEqual([0, 1, ['UBND huyện A']]);
  });
});

test('assessments are attributed one line per unit', () => {
  expect(displayUnitName('UBND xã Hương Lộc')).toBe('Xã Hương Lộc');
  expect(displayUnitName('Ủy ban nhân dân phường An Cựu')).toBe('Phường An Cựu');
  expect(displayUnitName('Sở Nội vụ')).toBe('Sở Nội vụ');
  expect(joinAssessments([
    { unit: 'UBND xã A', key: 'strengths', text: 'Tốt' }, { unit: 'UBND xã B', key: 'strengths', text: ' Khá ' }, { unit: 'UBND xã C', key: 'proposals', text: '' },
  ], displayUnitName)).toEqual({ strengths: 'Xã A: Tốt\nXã B: Khá' });
});

test('markTasks agrees with matchTasks (the task checks) whatever the rows, fast path or not', () => {
  const names = ['Một', 'Hai', 'Ba', 'MỘT', 'hai '];
  const arbRow = fc.record({ stt: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), name: fc.constantFrom(...names), done: fc.constantFrom(true, false, null) });
  const tasks = [{ stt: 1, name: 'Một', threshold: 1 }, { stt: 2, name: 'Hai', threshold: 1 }, { stt: 3, name: 'Ba', threshold: 1 }];
  fc.assert(fc.property(fc.array(arbRow, { maxLength: 6 }), fc.boolean(), (rawRows, asTemplate) => {
    const rows = (asTemplate ? [...tasks.map((t, i) => ({ stt: t.stt, name: t.name, done: i % 2 === 0 })), ...rawRows] : rawRows)
      .map((r) => row(r.stt, r.name, r.done));
    const expected = Object.fromEntries(matchTasks(rows, tasks).map((m) => [m.task.stt, m.row ? m.row.done : null]));
    expect(markTasks(rows, tasks)).toEqual(expected);
  }));
});

test('rollupFigures on random children: sums of the given values, A6 their mean, empties counted', () => {
  const value = fc.option(fc.integer({ min: 0, max: 100000 }), { nil: null });
  const hours = fc.option(fc.double({ min: 0, max: 24, noNaN: true }), { nil: null });
  fc.assert(fc.property(fc.array(fc.record({ A1: value, D2: value, A6: hours }), { maxLength: 12 }), (kids) => {
    const { figures, emptyCounts } = rollupFigures(kids.map((k) => fig(k)));
    const given = (code: 'A1' | 'D2' | 'A6') => kids.map((k) => k[code]).filter((v): v is number => v !== null);
    expect(figures.A1).toBe(given('A1').length ? given('A1').reduce((a, b) => a + b, 0) : null);
    expect(emptyCounts.D2).toBe(kids.length - given('D2').length);
    const h = given('A6');
    if (h.length) expect(figures.A6).toBeCloseTo(h.reduce((a, b) => a + b, 0) / h.length, 9);
    else expect(figures.A6).toBeNull();
  }));
});
