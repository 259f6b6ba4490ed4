/**
 * A task's `Ghi chú` as the printed reports show it: the .docx's Phụ lục
 * (src/report/docx-report.ts) and the compiled `BC …` sheet
 * (layout/unit-report-sheet.ts). The compile writes every unit that is not
 * done (rollup.ts: `Chưa hoàn thành: UBND xã A, UBND xã B.`); at a
 * province's scale that is a hundred names, pages of a narrow column, and
 * in a sheet more than Excel's tallest row (409 pt) shows: the text was cut
 * in print. Both name the first ones and count the rest (the compiled
 * workbook's NV sheet keeps who did what, unit by unit).
 */
import { namesAndRest, withoutCommitteePrefix } from './unit-names';

/** Names shown per group before `và N đơn vị khác`. */
export const NOTE_MAX_NAMES = 8;

const GROUP = /(Chưa hoàn thành|Chưa nộp báo cáo): (.*?)\.(?=\s+Chưa |\s*$)/g;

/** `Chưa hoàn thành (12 đơn vị): xã A, xã B, … và 6 đơn vị khác.`; `UBND` dropped from the names; a note of another shape is left as it is. */
export function shortTaskNote(note: string): string {
  const groups = [...note.trim().matchAll(GROUP)];
  if (groups.length === 0 || groups.map((g) => g[0]).join(' ') !== note.trim().replace(/\s+(?=Chưa )/g, ' ')) return note;
  const lists = groups.map((g) => g[2].split(', ').map((n) => n.trim()).filter(Boolean));
  // Every parsed note drops «UBND»: the column then reads the same from row to row.
  return groups.map((g, i) => {
    const names = lists[i].map(withoutCommitteePrefix);
    const counted = names.length > NOTE_MAX_NAMES ? ` (${names.length} đơn vị)` : '';
    return `${g[1]}${counted}: ${namesAndRest(names, NOTE_MAX_NAMES - 2, { upTo: NOTE_MAX_NAMES })}.`;
  }).join(' ');
}
