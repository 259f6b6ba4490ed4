/**
 * One valid year (core/template.ts YEAR_RANGE, core/labels.ts isValidYear): the
 * reader, the command line's --year, the template's own validation and the
 * pane's forms accept the same years, so no template refuses its own year.
 */
import { isValidYear, parseYear } from '../../src/core/labels';
import { layoutTemplate } from '../../src/core/layout';
import { YEAR_RANGE } from '../../src/core/template';
import { templateFormProblem } from '../../src/taskpane/actions';

const ID = { unit: 'UBND xã Vĩnh Linh', level: 'Xã' as const, parent: 'UBND tỉnh Quảng Trị', period: 'Quý I' as const };

test('the template validates its year cell with the range the reader and the forms accept', () => {
  const sheet = layoutTemplate({ ...ID, year: 2026 });
  const found = sheet.validations!.find((v) => v.type === 'wholeNumber' && v.prompt?.startsWith('Năm'));
  if (found?.type !== 'wholeNumber') throw new Error('the template has no validation of its year');
  const rule = { min: found.min, max: found.max ?? Infinity };
  expect([rule.min, rule.max]).toEqual([YEAR_RANGE.min, YEAR_RANGE.max]);
  for (const year of [YEAR_RANGE.min - 1, YEAR_RANGE.min, 2026, YEAR_RANGE.max, YEAR_RANGE.max + 1, 1950]) {
    const inTemplate = year >= rule.min && year <= rule.max;
    expect([year, parseYear(String(year)) !== null]).toEqual([year, inTemplate]);
    expect([year, isValidYear(year)]).toEqual([year, inTemplate]);
    expect([year, templateFormProblem({ ...ID, year }) === null]).toEqual([year, inTemplate]);
  }
});
