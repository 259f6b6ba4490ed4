/**
 * The consistency rules between a unit's figures (docs/spec/TEMPLATE.md §3,
 * "Consistency rules"), as one table. Every output is made from it:
 * the checker (figure-checks.ts), the template's `TỰ KIỂM TRA` formulas
 * (layout/check-block.ts), the rules' Vietnamese names (rule-names.ts) and the
 * template's «HƯỚNG DẪN GHI» (layout/template-guide.ts). A new rule is one
 * entry here (test/core/consistency-rules.test.ts shows all four carry it).
 */
import type { Severity } from './findings';
import type { IndicatorCode } from './template';

/** Sums closer than this are equal (the checker and the template's formulas both use it). */
export const TOLERANCE = 0.0001;

/** `left` sums to `right`; `hintWhenGapIs`: a gap equal to that figure has a likely cause, said in `hint`. */
export interface SumRule {
  shape: 'sum';
  left: readonly IndicatorCode[];
  right: readonly IndicatorCode[];
  /** The rule in words, for the finding. */
  meaning: string;
  hintWhenGapIs?: IndicatorCode;
  hint?: string;
}
/** `part` may not exceed `whole`. */
export interface PartRule { shape: 'part'; part: IndicatorCode; whole: IndicatorCode }
/** `people` > 0 needs `events` > 0 (participants without an event to take part in); `events` as words. */
export interface NeedsRule { shape: 'needs'; people: IndicatorCode; events: IndicatorCode; what: string }

/** `Id`: the rule ids allowed (the table's own literal ids; core/rule-names.ts RuleId for the checkers). */
export type ConsistencyRule<Id extends string = string> = {
  rule: Id;
  /** What a breach is called (rule-names.ts adds the statement). */
  title: string;
  severity: Severity;
} & (SumRule | PartRule | NeedsRule);

export const CONSISTENCY_RULES = [
  {
    rule: 'dossier.balance', title: 'Cân đối hồ sơ', severity: 'error', shape: 'sum',
    left: ['D4', 'D5', 'D6', 'D9'], right: ['D1', 'D2'],
    meaning: 'Hồ sơ đã giải quyết, đang giải quyết và rút, trả lại, dừng xử lý phải bằng hồ sơ kỳ trước chuyển sang và tiếp nhận trong kỳ',
    hintWhenGapIs: 'D1',
    hint: 'đúng bằng D1: có thể D2 đã ghi «Tổng số» của biểu một cửa (gồm cả hồ sơ kỳ trước chuyển sang); D2 chỉ ghi hồ sơ tiếp nhận trong kỳ',
  },
  { rule: 'dossier.online', title: 'Hồ sơ trực tuyến vượt tiếp nhận', severity: 'error', shape: 'part', part: 'D3', whole: 'D2' },
  { rule: 'dossier.posted', title: 'TTHC niêm yết vượt tổng số', severity: 'error', shape: 'part', part: 'D8', whole: 'D7' },
  { rule: 'dossier.overdue', title: 'Hồ sơ quá hạn vượt đang giải quyết', severity: 'error', shape: 'part', part: 'D10', whole: 'D6' },
  { rule: 'training.participants', title: 'Có người dự, không có hội nghị', severity: 'warning', shape: 'needs', people: 'C2', events: 'C1', what: 'hội nghị, tập huấn' },
  { rule: 'contest.participants', title: 'Có người dự thi, không có cuộc thi', severity: 'warning', shape: 'needs', people: 'C4', events: 'C3', what: 'cuộc thi' },
] as const satisfies readonly ConsistencyRule[];

export type ConsistencyRuleId = (typeof CONSISTENCY_RULES)[number]['rule'];

/** The rule as a formula people read: `D4 + D5 + D6 + D9 = D1 + D2`, `D3 ≤ D2`, `C2 > 0 thì C1 > 0`. */
export function statement(r: ConsistencyRule): string {
  switch (r.shape) {
    case 'sum': return `${r.left.join(' + ')} = ${r.right.join(' + ')}`;
    case 'part': return `${r.part} ≤ ${r.whole}`;
    case 'needs': return `${r.people} > 0 thì ${r.events} > 0`;
  }
}

/** The codes a rule reads, its main cell's first. */
export function codesOf(r: ConsistencyRule): IndicatorCode[] {
  switch (r.shape) {
    case 'sum': return [...r.left, ...r.right];
    case 'part': return [r.part, r.whole];
    case 'needs': return [r.events, r.people];
  }
}

/** The name of a rule in the findings sheet's `Quy tắc` column. */
export function consistencyRuleName(r: ConsistencyRule): string {
  return `${r.title} (${statement(r)})`;
}
