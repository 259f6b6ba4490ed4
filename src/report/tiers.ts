/**
 * How the report names the units under the issuing body, before and after
 * local government went to two tiers on 1 July 2025 (docs/spec/TEMPLATE.md
 * §9): since then there are no districts and no «thị trấn»; communes are
 * «xã, phường» and, in a few provinces, «đặc khu».
 */
import type { Level, Period } from '../core/template';
import { fold } from '../core/text';
import { withoutCommitteePrefix } from '../core/unit-names';

/** The month (1–12) a period's figures end in (cut-off on the 14th, TEMPLATE.md §11). */
const END_MONTH: Record<Period, number> = {
  'Quý I': 3, 'Quý II': 6, 'Quý III': 9, 'Quý IV': 12, '6 tháng': 6, '9 tháng': 9, 'Năm': 12,
};

/** True when the period ends on or after 1 July 2025: the two-tier wording applies. */
export function isTwoTierPeriod(period: Period | null, year: number): boolean {
  if (year !== 2025) return year > 2025;
  return (period ? END_MONTH[period] : 12) >= 7;
}

export interface UnderUnit {
  unit: string;
  level: Level | null;
}

const isSpecialZone = (unit: string) => fold(withoutCommitteePrefix(unit)).startsWith('dac khu ');

/**
 * `các xã, phường, thị trấn` before the reform; after it `các xã, phường`,
 * or `các xã, phường, đặc khu` when one of the units is a đặc khu.
 */
export function communesPhrase(period: Period | null, year: number, units: UnderUnit[]): string {
  if (!isTwoTierPeriod(period, year)) return 'các xã, phường, thị trấn';
  return units.some((u) => isSpecialZone(u.unit)) ? 'các xã, phường, đặc khu' : 'các xã, phường';
}

/**
 * The groups of units under the issuing body, as the seeds name them:
 * `các phòng, ban`, `các sở, ngành`, `các huyện, thị xã, thành phố`, the communes.
 */
export function subordinateGroups(period: Period | null, year: number, units: UnderUnit[]): string[] {
  const levels = new Set(units.map((u) => u.level));
  const parts: string[] = [];
  if (levels.has('Phòng, ban')) parts.push('các phòng, ban');
  if (levels.has('Sở, ngành')) parts.push('các sở, ngành');
  if (levels.has('Huyện')) parts.push('các huyện, thị xã, thành phố');
  if (levels.has('Xã')) parts.push(communesPhrase(period, year, units.filter((u) => u.level === 'Xã')));
  return parts;
}
