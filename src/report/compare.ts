/**
 * Comparing with a previous period, worded right: the same period of the
 * previous year is "cùng kỳ", the period just before is "kỳ trước"; other
 * pairs are named explicitly (`so với quý I năm 2024`).
 */
import type { Period } from '../core/template';
import { formatNumberVi, formatPercentVi } from './format';
import { periodPhrase } from '../core/period-words';

/** Last month each period covers: orders periods in time. */
const END_MONTH: Record<Period, number> = {
  'Quý I': 3, 'Quý II': 6, '6 tháng': 6, 'Quý III': 9, '9 tháng': 9, 'Quý IV': 12, 'Năm': 12,
};

/** Quarters follow quarters; cumulative periods (6 tháng, 9 tháng, Năm) are compared with the same span. */
const QUARTERS: Period[] = ['Quý I', 'Quý II', 'Quý III', 'Quý IV'];

export type ComparisonKind = 'cùng kỳ' | 'kỳ trước' | 'khác';

export interface ComparisonRef {
  kind: ComparisonKind;
  /** What follows `so với` / `bằng`: `cùng kỳ năm 2023`, `năm 2023`, `kỳ trước (quý I năm 2024)`, `6 tháng đầu năm 2023`. */
  label: string;
}

/**
 * How the current period relates to the previous one, or null when they
 * cannot be compared (the "previous" is the same period or a later one).
 */
export function comparisonRef(
  cur: { period: Period; year: number },
  prev: { period: Period | null; year: number | null },
): ComparisonRef | null {
  if (!prev.period || !prev.year) return { kind: 'kỳ trước', label: 'kỳ trước' };
  const curOrd = cur.year * 12 + END_MONTH[cur.period];
  const prevOrd = prev.year * 12 + END_MONTH[prev.period];
  if (prevOrd >= curOrd) return null;
  if (prev.period === cur.period && prev.year === cur.year - 1) {
    return cur.period === 'Năm'
      ? { kind: 'cùng kỳ', label: `năm ${prev.year}` }
      : { kind: 'cùng kỳ', label: `cùng kỳ năm ${prev.year}` };
  }
  const qi = QUARTERS.indexOf(cur.period);
  const pi = QUARTERS.indexOf(prev.period);
  const justBefore = qi >= 0 && pi >= 0 && curOrd - prevOrd === 3;
  if (justBefore) return { kind: 'kỳ trước', label: `kỳ trước (${periodPhrase(prev.period, prev.year)})` };
  return { kind: 'khác', label: periodPhrase(prev.period, prev.year) };
}

/**
 * `tăng 12% so với cùng kỳ năm 2023`, `giảm 5% so với năm 2023`,
 * `bằng cùng kỳ năm 2023`; from 0, the absolute change (`tăng 12 tin, bài so với …`).
 * '' when either value is unknown.
 */
export function changePhrase(cur: number | null, prev: number | null | undefined, ref: ComparisonRef, unit: string): string {
  if (cur === null || prev === null || prev === undefined) return '';
  if (cur === prev) return `bằng ${ref.label}`;
  const verb = cur > prev ? 'tăng' : 'giảm';
  if (prev === 0) return `${verb} ${formatNumberVi(Math.abs(cur - prev))} ${unit} so với ${ref.label}`;
  return `${verb} ${formatPercentVi(Math.abs(cur - prev) / prev)} so với ${ref.label}`;
}
