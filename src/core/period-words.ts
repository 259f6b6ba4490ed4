/**
 * How a period is worded, in one place:
 *   periodTitle   a heading or a label: `Năm 2024`, `Quý I năm 2024`, `6 tháng năm 2024`
 *   periodPhrase  inside a sentence: `năm 2022`, `quý I năm 2024`, `6 tháng đầu năm 2024`
 * (The reader's accepted spellings are template.ts's PERIOD synonyms.)
 */
import type { Period } from './template';

/** `Năm 2024`, `Quý I năm 2024`; `unknown` stands for a missing period or year. */
export function periodTitle(period: Period | null, year: number | null, unknown = '?'): string {
  return period === 'Năm' ? `Năm ${year ?? unknown}` : `${period ?? unknown} năm ${year ?? unknown}`;
}

/** `năm 2022`, `quý I năm 2024`, `6 tháng đầu năm 2024`, `9 tháng đầu năm 2024`; a missing period reads as the year. */
export function periodPhrase(period: Period | null, year: number | null): string {
  const y = year ?? '…';
  switch (period) {
    case 'Năm': return `năm ${y}`;
    case '6 tháng': return `6 tháng đầu năm ${y}`;
    case '9 tháng': return `9 tháng đầu năm ${y}`;
    case null: return `năm ${y}`;
    default: return `${period.replace('Quý', 'quý')} năm ${y}`;
  }
}
