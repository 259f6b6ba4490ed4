/** Header words are never broken inside: a column as wide as its widest word keeps it on one line. */
import { unbrokenWidth, wrappedLines } from '../../src/core/layout/text-fit';
import { INDICATORS } from '../../src/core/template';

test('«Cổng/Trang» fits whole in the width unbrokenWidth gives, and not in one unit less', () => {
  const w = unbrokenWidth(['Cổng/Trang'], { bold: true });
  expect(wrappedLines('Cổng/Trang', w, { bold: true })).toBe(1);
  expect(wrappedLines('Cổng/Trang', w - 1.5, { bold: true })).toBe(2);
});

test('every indicator label\'s words fit the width unbrokenWidth gives for it', () => {
  for (const ind of INDICATORS) {
    const label = `${ind.label} (${ind.unit})`;
    const w = unbrokenWidth([label], { bold: true });
    for (const word of label.split(/\s+/)) expect({ word, lines: wrappedLines(word, w, { bold: true }) }).toEqual({ word, lines: 1 });
  }
});
