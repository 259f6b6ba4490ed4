/**
 * «… và N đơn vị khác» said once (core/unit-names.ts namesAndRest): the CLI summary, the narrative
 * report, a task's printed note and the pane list names the same way, each with its own length.
 */
import { unitList } from '../../src/cli/summary';
import { namesAndRest } from '../../src/core/unit-names';
import { shortTaskNote } from '../../src/core/task-note';
import { unitsPhrase } from '../../src/taskpane/findings-view';

const names = (n: number) => Array.from({ length: n }, (_, i) => `xã ${i + 1}`);

it('every name up to the limit; past it the first ones and the rest counted; never «và 1 đơn vị khác»', () => {
  expect(namesAndRest(names(3), 2)).toBe('xã 1, xã 2, xã 3');
  expect(namesAndRest(names(4), 2)).toBe('xã 1, xã 2 và 2 đơn vị khác');
  expect(namesAndRest(names(5), 3, { upTo: 5 })).toBe('xã 1, xã 2, xã 3, xã 4, xã 5');
  expect(namesAndRest(names(6), 3, { upTo: 5 })).toBe('xã 1, xã 2, xã 3 và 3 đơn vị khác');
  expect(namesAndRest([], 2)).toBe('');
  for (let n = 0; n < 30; n++) {
    for (const said of [namesAndRest(names(n), 2), namesAndRest(names(n), 8), namesAndRest(names(n), 6, { upTo: 8 }), unitList(names(n)), unitsPhrase(names(n))]) {
      expect(said).not.toContain('và 1 đơn vị khác');
      const shown = said.split(' và ')[0].split(', ').filter(Boolean).length;
      const rest = Number(/và (\d+) đơn vị khác$/.exec(said)?.[1] ?? 0);
      expect(shown + rest).toBe(n); // nobody lost, nobody counted twice
    }
  }
});

it('the command line names eight (nine whole), the pane two, a task note six of more than eight with the count', () => {
  expect(unitList(names(9))).toBe(names(9).join(', '));
  expect(unitList(names(10))).toBe(`${names(8).join(', ')} và 2 đơn vị khác`);
  expect(unitsPhrase(names(120))).toBe('xã 1, xã 2 và 118 đơn vị khác');
  expect(shortTaskNote(`Chưa hoàn thành: ${names(9).map((n) => `UBND ${n}`).join(', ')}.`))
    .toBe(`Chưa hoàn thành (9 đơn vị): ${names(6).join(', ')} và 3 đơn vị khác.`);
  expect(shortTaskNote(`Chưa hoàn thành: ${names(8).join(', ')}.`)).toBe(`Chưa hoàn thành: ${names(8).join(', ')}.`);
});

it('the pane\'s messages list sheets and files the same way, as «mục»', () => {
  expect(namesAndRest(names(7), 5, { what: 'mục' })).toBe('xã 1, xã 2, xã 3, xã 4, xã 5 và 2 mục khác');
  expect(namesAndRest(names(6), 5, { what: 'mục' })).toBe(names(6).join(', '));
});
