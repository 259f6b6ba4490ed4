import { displayUnitName, joinAssessments, markTasks, rollupFigures, summarizeTasks, taskUnion } from '../../src/core/rollup';
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
    expect([a.done, a.expected, a.status, a.result]).toEqual([1, 3, 'Chưa hoàn thành', '1/3 đơn vị hoàn thành']);
    expect([a.notDone, a.notReported]).toEqual([['Xã B'], ['Xã C']]);
    expect(a.note).toBe('Chưa hoàn thành: Xã B. Chưa nộp báo cáo: Xã C.');
    expect(b.status).toBe('Chưa hoàn thành');
    const [half] = summarizeTasks(tasks, [child('Xã A', { 1: true }), child('Xã B', { 1: false })]);
    expect(half.status).toBe('Hoàn thành'); // 1/2 = 50 % reaches 50 %
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
