/**
 * How the report names the groups of units under the issuing body; the
 * communes' wording before and after the two-tier reform of 1 July 2025 is
 * core/periods.ts communesPhrase.
 */
import type { Level } from '../core/template';
import type { Period } from '../core/periods';
import { communesPhrase } from '../core/periods';

export interface UnderUnit {
  unit: string;
  level: Level | null;
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
  if (levels.has('Xã')) parts.push(communesPhrase(period, year, units.filter((u) => u.level === 'Xã').map((u) => u.unit)));
  return parts;
}
