/**
 * Vietnamese number, percent and date wording for the narrative report.
 * Administrative documents write `1.031` (dot groups thousands), `99,8%`
 * (comma decimal mark) and dates by the NĐ 30/2020 rule.
 */
import { formatNumber } from '../core/numbers';

/** `1031` → `1.031`, `2.5` → `2,5`, `5240127` → `5.240.127`. Trailing decimal zeros dropped. */
export function formatNumberVi(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return '';
  const factor = 10 ** Math.min(maxDecimals, 2);
  const rounded = Math.round(n * factor) / factor;
  // The core's message formatter already writes Vietnamese numbers (2 decimals at most).
  return formatNumber(rounded === 0 ? 0 : rounded);
}

/** A rate 0..1 as `99,8%` (one decimal at most, `100%` not `100,0%`); '' for null (denominator 0). */
export function formatPercentVi(rate: number | null | undefined, maxDecimals = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '';
  return `${formatNumberVi(rate * 100, maxDecimals)}%`;
}

/** Whole numbers under 10 with a leading zero, as the seeds write counts (`08 nhiệm vụ`). */
export function twoDigits(n: number): string {
  return n >= 0 && n < 10 ? `0${n}` : String(n);
}

/**
 * `ngày 05 tháng 11 năm 2024`. NĐ 30/2020: a leading zero for days 1–9 and
 * for months 1 and 2 only (`tháng 01`, `tháng 02`, but `tháng 3`).
 */
export function formatDocDateVi(d: { year: number; month: number; day: number }): string {
  const day = d.day < 10 ? `0${d.day}` : String(d.day);
  const month = d.month <= 2 ? `0${d.month}` : String(d.month);
  return `ngày ${day} tháng ${month} năm ${d.year}`;
}

/** `Nam Đông, ngày 05 tháng 11 năm 2024`. */
export function formatPlaceDateVi(place: string, d: { year: number; month: number; day: number }): string {
  return `${place}, ${formatDocDateVi(d)}`;
}

/** An ISO `yyyy-mm-dd` as `dd/mm/yyyy` (how the seeds cite dates inside sentences). */
export function formatIsoDateShort(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Date parts of an ISO `yyyy-mm-dd`, or null. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Local calendar date of a Date as ISO `yyyy-mm-dd`. */
export function toIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Vietnamese upper case that keeps diacritics (`Nam Đông` → `NAM ĐÔNG`). */
export function upperVi(s: string): string {
  return s.toLocaleUpperCase('vi-VN');
}
