import { NO_CACHED_VALUE } from '../../src/core/grid';
import { formatNumber, parseFigure } from '../../src/core/numbers';

describe('parseFigure: numbers typed by people (Vietnamese conventions)', () => {
  test.each([
    // [cell, kind, value]
    [12, 'count', 12],
    [0, 'count', 0],
    [3.0000000000000004, 'count', 3],
    ['12', 'count', 12],
    [' 12 ', 'count', 12],
    ['1.031', 'count', 1031],
    ['5.240.127', 'count', 5240127],
    ['1 031', 'count', 1031],
    ['1\u00a0031', 'count', 1031],
    ['12 345 678', 'count', 12345678],
    ['1.500', 'count', 1500],
    ['0', 'count', 0],
    ['2,5', 'hours', 2.5],
    ['2.5', 'hours', 2.5],
    [2.5, 'hours', 2.5],
    ['24', 'hours', 24],
    ['0,75', 'hours', 0.75],
    ['1.031,5', 'hours', null], // 1031.5 hours: out of range
  ] as const)('%p (%s) → %p with no warning', (cell, kind, value) => {
    const r = parseFigure(cell, kind);
    expect(r.value).toBe(value);
    if (value !== null) expect(r.issue).toBeUndefined();
  });

  test.each([
    ['33 tin, bài', 'count', 33],
    ['hơn 20', 'count', 20],
    ['khoảng 1.031 hồ sơ', 'count', 1031],
    ['3 giờ/ngày', 'hours', 3],
    ['2,5 giờ', 'hours', 2.5],
  ] as const)('%p → %p with a warning quoting the text', (cell, kind, value) => {
    const r = parseFigure(cell, kind);
    expect(r.value).toBe(value);
    expect(r.issue?.severity).toBe('warning');
    expect(r.issue?.rule).toBe('figure.text-number');
    expect(r.issue?.message).toContain(`«${cell}»`);
  });

  test.each([
    ['abc', 'count', 'figure.not-a-number'],
    ['không có', 'count', 'figure.not-a-number'],
    ['-3', 'count', 'figure.negative'],
    [-3, 'count', 'figure.negative'],
    ['− 5', 'count', 'figure.negative'],
    ['2,5', 'count', 'figure.not-integer'],
    ['2.5', 'count', 'figure.not-integer'],
    [2.5, 'count', 'figure.not-integer'],
    [25, 'hours', 'figure.hours-range'],
    ['30 giờ', 'hours', 'figure.hours-range'],
    [-1, 'hours', 'figure.negative'],
    [Number.NaN, 'count', 'figure.not-a-number'],
    [Number.POSITIVE_INFINITY, 'count', 'figure.not-a-number'],
    [1e300, 'count', 'figure.too-large'],
    [true, 'count', 'figure.not-a-number'],
    [{ error: '#N/A' }, 'count', 'figure.error-value'],
    [{ error: '#DIV/0!' }, 'hours', 'figure.error-value'],
    [{ error: NO_CACHED_VALUE }, 'count', 'figure.no-cached-value'],
  ] as const)('%p (%s) → error %s and no value', (cell, kind, rule) => {
    const r = parseFigure(cell as never, kind);
    expect(r.value).toBeNull();
    expect(r.issue?.severity).toBe('error');
    expect(r.issue?.rule).toBe(rule);
  });

  test.each(['15,000', '1,000', '10,000 nghìn đồng'])('%p in a count: read as the spec says (comma = decimal mark) but never silently: a warning quoting the text', (cell) => {
    // `15,000` in E1 (thousands of đồng) is far more likely fifteen thousand typed the English way than 15,000 = 15.
    const r = parseFigure(cell, 'count');
    expect(r.value).toBe(Number(cell.split(',')[0]));
    expect(r.issue?.severity).toBe('warning');
    expect(r.issue?.message).toContain(`«${cell}»`);
    expect(r.issue?.message).toMatch(/dấu thập phân/);
  });

  test('a formula with no cached result asks the unit to open and save the file in Excel', () => {
    expect(parseFigure({ error: NO_CACHED_VALUE }, 'count').issue?.message).toMatch(/mở tệp bằng Excel và lưu lại/);
  });

  test('an error message quotes the text typed', () => {
    expect(parseFigure('abc', 'count').issue?.message).toContain('«abc»');
    expect(parseFigure('2,5', 'count').issue?.message).toContain('«2,5»');
  });

  test.each([null, '', '   ', '\u00a0'])('empty cell %p → null, no issue (the reader lists empties once per unit)', (cell) => {
    expect(parseFigure(cell, 'count')).toEqual({ value: null });
  });
});

describe('formatNumber: how messages quote numbers', () => {
  test.each([
    [1031, '1.031'],
    [5240127, '5.240.127'],
    [2.5, '2,5'],
    [0, '0'],
    [-12, '-12'],
  ])('%p → %p', (n, s) => expect(formatNumber(n)).toBe(s));
});
