/** Findings arranged for the pane: grouped by unit, errors first. Plain data, no React. */
import { compareFindings, findingParts, type Finding } from '../core/findings';
import type { CompileResult } from '../core/model';
import { missingUnitsOf, reportsCounted } from '../core/rollup';
import { namesAndRest, unitKey } from '../core/unit-names';

export interface FindingGroup {
  unit: string;
  errors: number;
  warnings: number;
  findings: Finding[];
}

/**
 * One group per unit (units matched with `unitKey`, so `UBND xã A` and
 * `Xã A` share a group), groups holding errors before groups holding only
 * warnings, each group's errors before its warnings; otherwise reading order.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const unit = f.unit || f.file || f.sheet || 'Không rõ đơn vị';
    const k = unitKey(unit) || unit;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { unit, errors: 0, warnings: 0, findings: [] }));
    g.findings.push(f);
    if (f.severity === 'error') g.errors++;
    else g.warnings++;
  }
  const list = [...groups.values()];
  for (const g of list) g.findings.sort(compareFindings); // stable: reading order within a severity
  return list.sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0));
}

export interface Counts {
  /**
   * Reports that went into the figures: the CLI's «Báo cáo được tính» (core/rollup.ts reportsCounted);
   * for a cumulative period, each sub-period report a unit's figures were built from.
   */
  reports: number;
  errors: number;
  warnings: number;
  /** Expected units with no counted report (`Chưa nộp`), each once. */
  missing: number;
}

export function countResult(result: CompileResult): Counts {
  return {
    reports: reportsCounted(result).counted,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    missing: missingUnitsOf(result).length,
  };
}

/** Names of the units that have not reported, for the pane's summary line (the compile's answer: core/rollup.ts missingUnitsOf). */
export function missingUnits(result: CompileResult): string[] {
  return missingUnitsOf(result);
}

/** Which findings the list shows: the tiles Lỗi / Cảnh báo set it, pressing again shows all. */
export type SeverityFilter = 'all' | Finding['severity'];

export function filterFindings(findings: readonly Finding[], filter: SeverityFilter): Finding[] {
  return filter === 'all' ? [...findings] : findings.filter((f) => f.severity === filter);
}

/** One message said the same way in several units: shown once, with the units under it. */
export interface RepeatedFinding {
  severity: Finding['severity'];
  rule: string;
  /** The message without its place (findingParts), the same in every unit. */
  text: string;
  findings: Finding[];
}

/**
 * Messages that recur word for word (after the place) in at least `min`
 * units are folded into one line each, so 120 units missing the same date
 * read as one line «… và 119 đơn vị khác» instead of 120; the rest stays
 * grouped by unit (groupFindings).
 */
export function foldRepeated(findings: readonly Finding[], min = 3): { repeated: RepeatedFinding[]; rest: Finding[] } {
  const byText = new Map<string, RepeatedFinding>();
  for (const f of findings) {
    const text = findingParts(f).text;
    const k = `${f.severity}\u0000${f.rule}\u0000${text}`;
    let r = byText.get(k);
    if (!r) byText.set(k, (r = { severity: f.severity, rule: f.rule, text, findings: [] }));
    r.findings.push(f);
  }
  const unitsOf = (r: RepeatedFinding) => new Set(r.findings.map((f) => unitKey(f.unit) || f.unit)).size;
  const repeated = [...byText.values()].filter((r) => unitsOf(r) >= min);
  const folded = new Set(repeated.flatMap((r) => r.findings));
  repeated.sort((a, b) => compareFindings(a.findings[0], b.findings[0]) || b.findings.length - a.findings.length);
  return { repeated, rest: findings.filter((f) => !folded.has(f)) };
}

/** `UBND xã A, UBND xã B và 119 đơn vị khác`: a long list of units in one short line (core/unit-names.ts namesAndRest), two names by default. */
export function unitsPhrase(names: readonly string[], shown = 2): string {
  return namesAndRest(names, shown);
}
