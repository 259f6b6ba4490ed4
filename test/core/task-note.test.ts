/** The printed Phụ lục's Ghi chú: a hundred unit names become the first ones and a count. */
import { NOTE_MAX_NAMES, shortTaskNote } from '../../src/core/task-note';

const names = (n: number) => Array.from({ length: n }, (_, i) => `UBND xã Số ${i + 1}`);

test('a long list names the first units and counts the rest; a short one is kept whole, without «UBND»', () => {
  const note = `Chưa hoàn thành: ${names(40).join(', ')}. Chưa nộp báo cáo: UBND xã Số 41, UBND phường Số 42.`;
  const shown = NOTE_MAX_NAMES - 2;
  expect(shortTaskNote(note)).toBe(
    `Chưa hoàn thành (40 đơn vị): ${Array.from({ length: shown }, (_, i) => `xã Số ${i + 1}`).join(', ')} và ${40 - shown} đơn vị khác.`
    + ' Chưa nộp báo cáo: xã Số 41, phường Số 42.',
  );
});

test('a note of another shape is printed as written', () => {
  for (const note of ['', 'Đơn vị tự đánh giá.', 'Chưa hoàn thành: UBND xã A; Chưa báo cáo: UBND xã B']) expect(shortTaskNote(note)).toBe(note);
});
