/** Page breaks that keep a heading with its table, as a printer fills pages row by row. */
import { keepWithNext } from '../../src/core/layout/print-blocks';

test('a heading that would sit at the foot of a page starts the next page', () => {
  // Page of 100 pt: rows 0–7 of 12 pt fill 96 pt; a heading at row 7 with its two rows would cross the foot.
  const heights = Array.from({ length: 20 }, () => 12);
  expect(keepWithNext(heights, [{ row: 7, rows: 3 }], 100)).toEqual([7]);
  // One at row 8 starts page 2 by itself: no break needed.
  expect(keepWithNext(heights, [{ row: 8, rows: 3 }], 100)).toEqual([]);
  // With room for the heading and its rows, no break.
  expect(keepWithNext(heights, [{ row: 4, rows: 3 }], 100)).toEqual([]);
});

test('the count restarts on each page the rows themselves fill', () => {
  const heights = Array.from({ length: 30 }, () => 12);
  // Page 2 starts at row 8 (8 × 12 = 96 pt); its foot is after row 15: a heading at 16 fits, one at 15 does not.
  expect(keepWithNext(heights, [{ row: 16, rows: 3 }], 100)).toEqual([]);
  expect(keepWithNext(heights, [{ row: 14, rows: 3 }], 100)).toEqual([14]);
});

test('repeated header rows take their room on every later page; every page can be a break of its own', () => {
  // Rows 0–1 (20 pt each) repeat: page 1 holds them and 5 rows of 12 pt (100 pt), later pages 20 + 20 + 5 × 12.
  const heights = [20, 20, ...Array.from({ length: 18 }, () => 12)];
  expect(keepWithNext(heights, [], 100, { repeatRows: [0, 1], everyPage: true })).toEqual([7, 12, 17]);
  // Without them counted, a page would seem to hold 8 rows: the breaks would come late and the printer's own come first.
  expect(keepWithNext(heights, [], 100, { everyPage: true })).toEqual([7, 15]);
  // The last two rows kept with the one before them: they start the last page together.
  expect(keepWithNext(heights, [{ row: 16, rows: 4 }], 100, { repeatRows: [0, 1], everyPage: true })).toEqual([7, 12, 16]);
});
