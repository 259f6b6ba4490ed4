/**
 * Consistency rules between a unit's figures (docs/spec/TEMPLATE.md §3, "Consistency rules").
 * The reader runs these on every report it reads; a consistency error does
 * not remove the report from the totals (docs/spec/TEMPLATE.md §8).
 */
import type { Finding, Severity } from './findings';
import { cellFinding } from './findings';
import type { UnitReport } from './model';
import { formatNumber } from './numbers';
import { IndicatorCode, INDICATOR_BY_CODE, RATES } from './template';

/** D4 + D5 + D6 = D1 + D2: every dossier to handle is resolved or in progress. */
export const BALANCE = { resolved: ['D4', 'D5', 'D6'] as IndicatorCode[], toHandle: ['D1', 'D2'] as IndicatorCode[] };

/** A part may not exceed its whole: the numerator of these rates ≤ their denominator. */
export const PART_OF_WHOLE: readonly { rule: string; part: IndicatorCode; whole: IndicatorCode }[] = [
  { rule: 'dossier.online', ...rateParts('online') },
  { rule: 'dossier.posted', ...rateParts('posted') },
];

/** Participants without an event to take part in (warnings). */
const NEEDS_EVENT: readonly { rule: string; people: IndicatorCode; events: IndicatorCode }[] = [
  { rule: 'training.participants', people: 'C2', events: 'C1' },
  { rule: 'contest.participants', people: 'C4', events: 'C3' },
];

function rateParts(key: 'online' | 'posted'): { part: IndicatorCode; whole: IndicatorCode } {
  const r = RATES.find((x) => x.key === key)!;
  return { part: r.numerator[0], whole: r.denominator[0] };
}

/**
 * Check one report's figures. `unreadable` lists codes whose cell could not be
 * read (already an error): a rule involving one of them is skipped rather
 * than reported twice. Empty cells count as 0; a rule whose figures are all
 * empty is skipped (a department that handles no dossiers).
 */
export function checkFigures(report: UnitReport, unreadable?: ReadonlySet<IndicatorCode>): Finding[] {
  const out: Finding[] = [];
  const f = report.figures;
  const skip = (codes: IndicatorCode[]) =>
    codes.some((c) => unreadable?.has(c)) || codes.every((c) => f[c] === null || f[c] === undefined);
  const val = (c: IndicatorCode) => f[c] ?? 0;
  /** At the rule's main cell; when that row is missing from the sheet, at the next row of the rule that is there. */
  const add = (severity: Severity, codes: IndicatorCode[], rule: string, text: string) => {
    const cell = codes.map((c) => report.figureCells[c]).find((x) => x) ?? '';
    out.push(cellFinding(severity, { unit: report.unit || report.source.sheet, file: report.source.file, sheet: report.source.sheet, cell, hidden: report.source.hidden }, rule, text));
  };

  const all = [...BALANCE.resolved, ...BALANCE.toHandle];
  if (!skip(all)) {
    const left = BALANCE.resolved.reduce((s, c) => s + val(c), 0);
    const right = BALANCE.toHandle.reduce((s, c) => s + val(c), 0);
    if (Math.abs(left - right) > 1e-9) {
      add(
        'error',
        all,
        'dossier.balance',
        `${sumText(BALANCE.resolved, val)} khác ${sumText(BALANCE.toHandle, val)}` +
          ` (chênh ${formatNumber(Math.abs(left - right))}). Hồ sơ đã giải quyết và đang giải quyết` +
          ` (${BALANCE.resolved.join(', ')}) phải bằng hồ sơ chuyển sang và tiếp nhận (${BALANCE.toHandle.join(', ')}).`,
      );
    }
  }

  for (const p of PART_OF_WHOLE) {
    if (skip([p.part, p.whole]) || f[p.part] === null) continue;
    if (val(p.part) > val(p.whole)) {
      add(
        'error',
        [p.part, p.whole],
        p.rule,
        `${p.part} (${lower(p.part)}) = ${formatNumber(val(p.part))} lớn hơn ${p.whole} (${lower(p.whole)}) = ${formatNumber(val(p.whole))}; ${p.part} không được lớn hơn ${p.whole}.`,
      );
    }
  }

  for (const n of NEEDS_EVENT) {
    if (skip([n.people, n.events])) continue;
    if (val(n.people) > 0 && !(val(n.events) > 0)) {
      add(
        'warning',
        [n.events, n.people],
        n.rule,
        `${n.people} (${lower(n.people)}) = ${formatNumber(val(n.people))} nhưng ${n.events} (${lower(n.events)})` +
          ` = ${f[n.events] === null ? 'để trống' : formatNumber(val(n.events))}; cần ghi số ${lower(n.events)} đã tổ chức.`,
      );
    }
  }
  return out;
}

function sumText(codes: IndicatorCode[], val: (c: IndicatorCode) => number): string {
  const total = codes.reduce((s, c) => s + val(c), 0);
  return `${codes.join(' + ')} = ${codes.map((c) => formatNumber(val(c))).join(' + ')} = ${formatNumber(total)}`;
}

function lower(c: IndicatorCode): string {
  const l = INDICATOR_BY_CODE[c].label;
  return l.charAt(0).toLowerCase() + l.slice(1);
}
