/** Findings arranged for the pane: grouped by unit, errors first. Plain data, no React. */
import { compareFindings, type Finding } from '../core/findings';
import type { CompileResult } from '../core/model';
import { STATUS_MISSING } from '../core/template';
import { unitKey } from '../core/unit-names';

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
  /** Reports that count in the totals. */
  units: number;
  errors: number;
  warnings: number;
  /** Expected units with no counted report (`Chưa nộp`), each once. */
  missing: number;
}

export function countResult(result: CompileResult): Counts {
  const missing = new Set<string>();
  for (const s of result.summaries) {
    for (const c of s.children) if (c.status === STATUS_MISSING) missing.add(c.unitCode || unitKey(c.unit));
  }
  return {
    units: result.reports.filter((r) => r.counted).length,
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    missing: missing.size,
  };
}

/** Names of the units that have not reported, for the pane's summary line. */
export function missingUnits(result: CompileResult): string[] {
  const seen = new Map<string, string>();
  for (const s of result.summaries) {
    for (const c of s.children) if (c.status === STATUS_MISSING) seen.set(c.unitCode || unitKey(c.unit), c.unit);
  }
  return [...seen.values()];
}
