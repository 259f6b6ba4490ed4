/**
 * The checker of the consistency rules (core/consistency-rules.ts, the one
 * table of docs/spec/TEMPLATE.md §3). The reader runs it on every report it
 * reads; a consistency error does not remove the report from the totals
 * (docs/spec/TEMPLATE.md §8).
 */
import { CONSISTENCY_RULES, TOLERANCE, codesOf, type ConsistencyRule } from './consistency-rules';
import type { Finding } from './findings';
import { cellFinding } from './findings';
import type { UnitReport } from './model';
import { formatNumber } from './numbers';
import type { RuleId } from './rule-names';
import { IndicatorCode, INDICATOR_BY_CODE } from './template';

/**
 * Check one report's figures. `unreadable` lists codes whose cell could not be
 * read (already an error): a rule involving one of them is skipped rather
 * than reported twice. Empty cells, and rows a sheet made before a code
 * existed lacks (D9), count as 0; a rule whose figures are all empty is
 * skipped (a department that handles no dossiers).
 */
export function checkFigures(
  report: UnitReport,
  unreadable?: ReadonlySet<IndicatorCode>,
  rules: readonly ConsistencyRule<RuleId>[] = CONSISTENCY_RULES,
): Finding[] {
  const out: Finding[] = [];
  const f = report.figures;
  const val = (c: IndicatorCode) => f[c] ?? 0;
  const shown = (c: IndicatorCode) => (f[c] === null || f[c] === undefined ? 'để trống' : formatNumber(val(c)));
  const lower = (c: IndicatorCode) => {
    const l = INDICATOR_BY_CODE[c].label;
    return l.charAt(0).toLowerCase() + l.slice(1);
  };
  const sumText = (codes: readonly IndicatorCode[]) =>
    `${codes.join(' + ')} = ${codes.map((c) => formatNumber(val(c))).join(' + ')} = ${formatNumber(total(codes))}`;
  const total = (codes: readonly IndicatorCode[]) => codes.reduce((s, c) => s + val(c), 0);

  for (const r of rules) {
    const codes = codesOf(r);
    if (codes.some((c) => unreadable?.has(c)) || codes.every((c) => f[c] === null || f[c] === undefined)) continue;
    const message = breach(r);
    if (message === null) continue;
    // At the rule's main cell; when that row is missing from the sheet, at the next row of the rule that is there.
    const cell = codes.map((c) => report.figureCells[c]).find((x) => x) ?? '';
    out.push(cellFinding(r.severity, { unit: report.unit || report.source.sheet, file: report.source.file, sheet: report.source.sheet, cell, hidden: report.source.hidden }, r.rule, message));
  }
  return out;

  /** The message of a breach of `r`, or null when the figures keep it. */
  function breach(r: ConsistencyRule<RuleId>): string | null {
    switch (r.shape) {
      case 'sum': {
        const gap = total(r.right) - total(r.left);
        if (Math.abs(gap) <= TOLERANCE) return null;
        const hint = r.hintWhenGapIs && val(r.hintWhenGapIs) > 0 && Math.abs(gap - val(r.hintWhenGapIs)) <= TOLERANCE ? `; ${r.hint}` : '';
        return `${sumText(r.left)} khác ${sumText(r.right)} (chênh ${formatNumber(Math.abs(gap))}${hint}).` +
          ` ${r.meaning}.`;
      }
      case 'part':
        if (f[r.part] === null || f[r.part] === undefined || !(val(r.part) > val(r.whole))) return null;
        return `${r.part} (${lower(r.part)}) = ${formatNumber(val(r.part))} lớn hơn ${r.whole} (${lower(r.whole)}) = ${formatNumber(val(r.whole))}; ${r.part} không được lớn hơn ${r.whole}.`;
      case 'needs':
        if (!(val(r.people) > 0) || val(r.events) > 0) return null;
        return `${r.people} (${lower(r.people)}) = ${formatNumber(val(r.people))} nhưng ${r.events} (${lower(r.events)})` +
          ` = ${shown(r.events)}; cần ghi số ${lower(r.events)} đã tổ chức.`;
    }
  }
}
