/**
 * Periods, in one place (docs/spec/TEMPLATE.md §6, §11): their names and the
 * spellings units write for them, how they are worded, the span of dates
 * each covers (figures are cut off on the 14th), which are cumulative and
 * which shorter periods build them, and the default deadline.
 */
import { fold } from './text';

export type Period = 'Quý I' | 'Quý II' | 'Quý III' | 'Quý IV' | '6 tháng' | '9 tháng' | 'Năm';

export const PERIODS: readonly Period[] = ['Quý I', 'Quý II', 'Quý III', 'Quý IV', '6 tháng', '9 tháng', 'Năm'];

// ---------------------------------------------------------------- spellings

const PERIOD_QUARTER = /^(?:quy|q)\s*\.?\s*(iv|iii|ii|i|0?[1-4]|mot|hai|ba|bon|tu)\b/;
const PERIOD_6 = /^(?:0?6|sau)\s*thang\b/;
const PERIOD_9 = /^(?:0?9|chin)\s*thang\b/;
const PERIOD_YEAR = /^(?:ca |hang )?nam\b/;
const PERIOD_PREFIX = /^(?:ky bao cao|bao cao|ky)\s*:?\s*/;

/** The quarter words units write (folded): roman, digits, Vietnamese numerals. */
const QUARTER_SYNONYMS: Record<string, Period> = {
  i: 'Quý I', '1': 'Quý I', '01': 'Quý I', mot: 'Quý I',
  ii: 'Quý II', '2': 'Quý II', '02': 'Quý II', hai: 'Quý II',
  iii: 'Quý III', '3': 'Quý III', '03': 'Quý III', ba: 'Quý III',
  iv: 'Quý IV', '4': 'Quý IV', '04': 'Quý IV', bon: 'Quý IV', tu: 'Quý IV',
};

/** `Quý 1`, `QUÝ I`, `quy iv`, `6 thang`, `Năm`, `Cả năm` → the canonical Period. */
export function parsePeriod(text: string): Period | null {
  const t = fold(text).replace(PERIOD_PREFIX, '');
  const q = PERIOD_QUARTER.exec(t);
  if (q) return QUARTER_SYNONYMS[q[1]] ?? null;
  if (PERIOD_6.test(t)) return '6 tháng';
  if (PERIOD_9.test(t)) return '9 tháng';
  if (PERIOD_YEAR.test(t)) return 'Năm';
  return null;
}

// ---------------------------------------------------------------- wording

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

// ---------------------------------------------------------------- which quarters a period covers

/**
 * The quarters a period covers, first and last (1..4). Every period ends a
 * quarter; the cumulative ones (`6 tháng`, `9 tháng`, `Năm`) start at Quý I,
 * so `Quý III` and `9 tháng` are different spans.
 */
const QUARTERS_OF: Readonly<Record<Period, readonly [number, number]>> = {
  'Quý I': [1, 1], 'Quý II': [2, 2], 'Quý III': [3, 3], 'Quý IV': [4, 4],
  '6 tháng': [1, 2], '9 tháng': [1, 3], 'Năm': [1, 4],
};

export function quartersOf(period: Period): readonly [number, number] {
  return QUARTERS_OF[period];
}

/** `6 tháng`, `9 tháng`, `Năm`: year-to-date periods that shorter reports can build (§11). */
export function isCumulative(period: Period): boolean {
  const [first, last] = QUARTERS_OF[period];
  return last > first;
}

/** The period covering exactly quarters first..last, if there is one (`Quý II`, `6 tháng`; none for Quý II–III). */
export function periodOfQuarters(first: number, last: number): Period | null {
  return PERIODS.find((p) => QUARTERS_OF[p][0] === first && QUARTERS_OF[p][1] === last) ?? null;
}

// ---------------------------------------------------------------- spans

/** The dates the figures cover, ISO `yyyy-mm-dd`, both ends included. */
export interface Span {
  from: string;
  to: string;
}

/** Figures are cut off on this day of a quarter's last month; the next span starts the day after. */
const CUT_OFF_DAY = 14;

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The default span of a period (spec §11): a quarter from the 15th of the
 * month before it to the 14th of its last month; Quý I and the year-to-date
 * periods from 15/12 of the year before.
 */
export function defaultSpan(period: Period, year: number): Span {
  const [first, last] = QUARTERS_OF[period];
  const startMonth = 3 * (first - 1); // the month before the first quarter; 0 = December of the year before
  return {
    from: startMonth === 0 ? iso(year - 1, 12, CUT_OFF_DAY + 1) : iso(year, startMonth, CUT_OFF_DAY + 1),
    to: iso(year, 3 * last, CUT_OFF_DAY),
  };
}

/** The plan's `Từ ngày` / `Đến ngày` where written, else the default span. */
export function periodSpan(period: Period, year: number, plan?: { from?: string; to?: string }): Span {
  const d = defaultSpan(period, year);
  return { from: plan?.from ?? d.from, to: plan?.to ?? d.to };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const utc = (isoDate: string) => Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));

/** Days in a span, both ends counted (Quý I 2026: 15/12/2025–14/3/2026 = 90). */
export function daysInSpan(span: Span): number {
  return Math.round((utc(span.to) - utc(span.from)) / DAY_MS) + 1;
}

/** `số liệu từ 15/12/2025 đến 14/03/2026`: how outputs name the span. */
export function spanPhrase(span: Span): string {
  const vi = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  return `số liệu từ ${vi(span.from)} đến ${vi(span.to)}`;
}

// ---------------------------------------------------------------- deadline

/** Working days between `Đến ngày` and the default `Hạn nộp` (spec §6). */
const DEADLINE_WORKING_DAYS = 2;

/** Two working days after `isoDate`, Saturday and Sunday skipped (holidays are the plan's to state). */
export function workingDaysAfter(isoDate: string, days = DEADLINE_WORKING_DAYS): string {
  let t = utc(isoDate);
  for (let left = days; left > 0;) {
    t += DAY_MS;
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The deadline of a period: the plan's `Hạn nộp` (plans written before spans
 * existed keep the deadline they state), else two working days after the
 * span's `Đến ngày`.
 */
export function deadlineFor(period: Period, year: number, plan?: { deadline?: string; from?: string; to?: string }): string {
  return plan?.deadline ?? workingDaysAfter(periodSpan(period, year, plan).to);
}

// ---------------------------------------------------------------- the two-tier reform

/** Local government has two tiers from this day (docs/spec/TEMPLATE.md §9): no district, no «thị trấn». */
export const TWO_TIERS_FROM = '2025-07-01';

/** Whether a period's figures end after the reform: its generated text then names no district and no «thị trấn». */
export function afterTwoTierReform(period: Period | null, year: number | null): boolean {
  if (year === null) return true;
  return defaultSpan(period ?? 'Năm', year).to >= TWO_TIERS_FROM;
}

/**
 * How a text names the communes under a unit: `các xã, phường, thị trấn`
 * before the reform; after it `các xã, phường`, or `các xã, phường, đặc khu`
 * when one of the units (their names, when known) is a đặc khu.
 */
export function communesPhrase(period: Period | null, year: number | null, unitNames?: readonly string[]): string {
  if (!afterTwoTierReform(period, year)) return 'các xã, phường, thị trấn';
  if (!unitNames) return 'các xã, phường, đặc khu';
  return unitNames.some((u) => /^(uy ban nhan dan|ubnd)?\s*dac khu /.test(fold(u))) ? 'các xã, phường, đặc khu' : 'các xã, phường';
}
