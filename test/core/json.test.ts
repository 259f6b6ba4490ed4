import { compileReads } from '../../src/core/compile';
import { toResultJson } from '../../src/core/json';
import { INDICATOR_CODES } from '../../src/core/template';
import { DISTRICT, PROVINCE, planRead, planTask, reportRead } from './compile-fixtures';

test('the --json shape: period, reports, summaries with every code, rates, children, tasks, findings', () => {
  const result = compileReads([
    planRead({ compilingUnit: DISTRICT, level: 'Huyện', parent: PROVINCE, tasks: [planTask(1, 'Nhiệm vụ một')], roster: [
      { name: 'UBND xã Hương Lộc', level: 'Xã', parent: DISTRICT }, { name: 'UBND xã Vắng', level: 'Xã', parent: DISTRICT }] }),
    reportRead('UBND xã Hương Lộc', { file: 'huong-loc.xlsx', sheet: 'Hương Lộc', figures: { A1: 12, D2: 0, D4: 0, D5: 0, D3: 0, D7: 4, D8: 3 },
      tasks: [{ stt: 1, name: 'Nhiệm vụ một', result: 'Xong', done: true }] }),
    reportRead('UBND xã Khác Kỳ', { year: 2019, figures: { A1: 1 } }),
  ], {});
  const json = JSON.parse(JSON.stringify(toResultJson(result)));
  expect(Object.keys(json)).toEqual(['period', 'year', 'reports', 'summaries', 'findings']);
  expect([json.period, json.year]).toEqual(['Năm', 2020]);
  expect(json.reports[0]).toEqual(expect.objectContaining({
    unit: 'UBND xã Hương Lộc', level: 'Xã', parent: DISTRICT, file: 'huong-loc.xlsx', sheet: 'Hương Lộc', counted: true }));
  expect(Object.keys(json.reports[0].figures)).toEqual([...INDICATOR_CODES]);
  expect(json.reports[0].figures.A1).toBe(12);
  expect(json.reports[0].figures.A6).toBeNull();
  expect(json.reports[1].counted).toBe(false);
  expect(Object.keys(json.reports[1])).toEqual(['unit', 'level', 'parent', 'file', 'sheet', 'counted', 'figures']);
  const s = json.summaries[0];
  expect(Object.keys(s)).toEqual(['unit', 'level', 'figures', 'rates', 'children', 'tasks']);
  expect([s.unit, s.level]).toEqual([DISTRICT, 'Huyện']);
  expect(Object.keys(s.figures)).toEqual([...INDICATOR_CODES]);
  expect(s.figures.A6).toBeNull(); // nobody reported it
  expect(s.rates).toEqual({ onTime: null, online: null, posted: 0.75, overdue: null });
  expect(s.children).toEqual([{ unit: 'UBND xã Hương Lộc', status: 'Đã nộp' }, { unit: 'UBND xã Vắng', status: 'Chưa nộp' }]);
  expect(s.tasks).toEqual([{ stt: 1, name: 'Nhiệm vụ một', done: 1, expected: 2, status: 'Chưa hoàn thành', notDone: ['UBND xã Vắng'] }]);
  const err = json.findings.find((f: { rule: string }) => f.rule === 'compile.other-period');
  expect(Object.keys(err)).toEqual(['severity', 'unit', 'file', 'sheet', 'cell', 'rule', 'message']);
  expect(err.severity).toBe('error');
  expect(json.findings[0].severity).toBe('error');
});
