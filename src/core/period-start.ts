/**
 * The first day of a period's span (docs/spec/TEMPLATE.md §11): figures are cut off on
 * the 14th, so a quarter starts on the 15th of the month before it, and
 * `6 tháng`, `9 tháng` and `Năm` start on 15/12 of the year before. The
 * plan's `Từ ngày`, when it has one, overrides the default. A report cannot
 * have been sent before its period began (resubmissions.ts sentDateWindow).
 */
import type { Period } from './template';

const START: Readonly<Record<Period, { month: number; yearBefore: boolean }>> = {
  'Quý I': { month: 12, yearBefore: true },
  'Quý II': { month: 3, yearBefore: false },
  'Quý III': { month: 6, yearBefore: false },
  'Quý IV': { month: 9, yearBefore: false },
  '6 tháng': { month: 12, yearBefore: true },
  '9 tháng': { month: 12, yearBefore: true },
  'Năm': { month: 12, yearBefore: true },
};

/** `yyyy-mm-dd` of the period's first day: the plan's `Từ ngày` (`from`) when given, else the default span's. */
export function periodStart(period: Period, year: number, plan?: { from?: string }): string {
  if (plan?.from) return plan.from;
  const s = START[period];
  return `${s.yearBefore ? year - 1 : year}-${String(s.month).padStart(2, '0')}-15`;
}
