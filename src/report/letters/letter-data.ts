/**
 * What the review letters say, as plain data taken from one
 * compile: a letter (công văn) for each unit with findings (errors first, only
 * warnings → a shorter letter, none for a clean unit) and a Công văn đôn đốc
 * when units are missing or late. The compiling unit, place, date and
 * deadline are the narrative report's (report-data.ts fromCompileResult).
 */
import type { RuleId } from '../../core/rule-names';
import { isApprovalFinding } from '../../core/approval';
import { sortFindings, type Finding } from '../../core/findings';
import type { CompileResult, SourceRef } from '../../core/model';
import type { Level, Period } from '../../core/template';
import { unitKey } from '../../core/unit-names';
import { parseIsoDate, toIsoDate } from '../format';
import { fromCompileResult } from '../report-data';

export type DateParts = { year: number; month: number; day: number };

/** One line of a feedback letter's table. */
export interface LetterItem {
  severity: Finding['severity'];
  sheet: string;
  cell: string;
  /** What is wrong (the finding's message without its place). */
  what: string;
  /** What the unit should do. */
  todo: string;
}

export interface FeedbackLetter {
  /** The unit written to, as its report names it. */
  unit: string;
  unitCode?: string;
  /** Where its report was read. */
  source: SourceRef;
  errors: LetterItem[];
  warnings: LetterItem[];
  /** Trả lại: the officer's reason (approval). */
  returnedBecause?: string;
}

export interface ReminderLetter {
  missing: string[];
  late: string[];
  /** The deadline that passed, ISO. */
  deadline?: string;
}

export interface LettersData {
  /** The compiling unit, its parent body and level. */
  from: { unit: string; parentBody?: string; level: Level | null; place: string };
  date: DateParts;
  resendBy: DateParts;
  period: Period;
  year: number;
  feedback: FeedbackLetter[];
  reminder: ReminderLetter | null;
}

export interface LettersOptions {
  /** Date of the letters (default today). */
  date?: Date;
  /** The date by which to resend, ISO (default RESEND_DAYS after the letters' date). */
  resendBy?: string;
  /** Reasons of the reports returned (Trả lại), by unitKey. */
  returned?: Record<string, string>;
}


/**
 * Findings that are the compiling office's own to-dos, not the unit's: the
 * plan's roster or scope (a unit missing from the list is for the officer to
 * add), which copy of a resent report counts, the compiler's own outputs, the
 * plan itself, the program. A unit's letter carries only what the unit must
 * correct; these stay on the workbook's Kiểm tra sheet.
 */
const OFFICE_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  'compile.not-in-roster', 'compile.all-other-period', 'approval.foreign', 'approval.future',
  'tthc.column-missing', 'tthc.no-header', 'tthc.no-rows', 'tthc.no-unit', 'tthc.not-in-roster', 'tthc.total-mismatch', 'compile.out-of-scope', 'compile.ambiguous-unit', 'compile.parent-unknown',
  'compile.plan-duplicate', 'compile.period-mixed', 'compile.period-options',
  'compile.superseded', 'compile.compiled-superseded', 'compile.own-in-compiled',
  'input.empty-folder', 'previous.empty', 'previous.unreadable', 'read.internal',
]);

/** True when the unit must act on the finding (OFFICE_RULES and the plan's own checks are the office's). */
export function isUnitsToDo(f: Pick<Finding, 'rule'>): boolean {
  return !OFFICE_RULES.has(f.rule) && !f.rule.startsWith('plan.');
}

/** A week: what the seeds' reminders give units to resend. */
export const RESEND_DAYS = 7;

/** What to do about a finding, by its rule (core/findings.ts names rules `group.what`). */
export function todoFor(f: Pick<Finding, 'rule' | 'severity'>): string {
  const r = f.rule;
  if (r === 'figure.outlier') return 'Kiểm tra lại số liệu; nếu đúng, ghi rõ lý do khi gửi lại.';
  if (r === 'compile.late') return 'Gửi báo cáo đúng hạn ở các kỳ sau.';
  if (/^(figure|dossier|training|contest|section\.figures)/.test(r)) return 'Sửa số liệu ở ô này theo mẫu TTCCHC-1.';
  if (r.startsWith('id.')) return 'Ghi đúng thông tin định danh của báo cáo theo mẫu TTCCHC-1.';
  if (/^(task|section\.tasks)/.test(r)) return 'Bổ sung, sửa bảng nhiệm vụ theo Kế hoạch.';
  if (r.startsWith('compile.')) return 'Đối chiếu tên, mã đơn vị, kỳ và năm báo cáo với Kế hoạch; sửa cho đúng.';
  return f.severity === 'error' ? 'Sửa theo mẫu TTCCHC-1.' : 'Kiểm tra lại; sửa nếu cần.';
}

function item(f: Finding): LetterItem {
  const ref = f.sheet && f.cell ? `${f.sheet}!${f.cell}` : '';
  let what = f.message;
  // cellFinding puts `'Sheet'!D14: ` or `Sheet!D14: ` in front; the letter has its own columns for it.
  const colon = what.indexOf(': ');
  if (colon > 0 && f.cell && what.slice(0, colon).replace(/'/g, '') === ref) what = what.slice(colon + 2);
  return { severity: f.severity, sheet: f.sheet, cell: f.cell, what, todo: todoFor(f) };
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
}

/** The letters of one compile. */
export function lettersFromCompile(result: CompileResult, opts: LettersOptions = {}): LettersData {
  const today = opts.date ?? new Date();
  const report = fromCompileResult(result, { date: today });
  const returned = opts.returned ?? {};
  const resendIso = opts.resendBy ?? toIsoDate(addDays(today, RESEND_DAYS));

  // Each unit's findings: those on its report's sheet, and those naming it with no sheet.
  const byUnit = new Map<string, FeedbackLetter>();
  const own = new Set(result.ownOutputs.map((s) => `${s.file ?? ''}\u0000${s.sheet}`));
  for (const e of result.reports) {
    const r = e.report;
    if (own.has(`${r.source.file ?? ''}\u0000${r.source.sheet}`) || unitKey(r.unit) === unitKey(report.unit)) continue;
    const key = unitKey(r.unit);
    if (!key) continue;
    // The reviewer's own bookkeeping is not the unit's to correct (a return reason is in the letter by itself),
    // nor are the office's to-dos (isUnitsToDo).
    const findings = sortFindings(result.findings.filter((f) => !isApprovalFinding(f) && isUnitsToDo(f) &&
      ((f.sheet === r.source.sheet && (f.file ?? '') === (r.source.file ?? '')) || (!f.sheet && unitKey(f.unit) === key))));
    const letter = byUnit.get(key) ?? { unit: r.unit, unitCode: r.unitCode, source: r.source, errors: [], warnings: [] };
    for (const f of findings) (f.severity === 'error' ? letter.errors : letter.warnings).push(item(f));
    if (returned[key]) letter.returnedBecause = returned[key];
    byUnit.set(key, letter);
  }
  // Every report of another period (core/period-mismatch.ts): the plan's Kỳ báo cáo / Năm is the mistake,
  // so no unit is asked to correct or resend anything (the command and the pane say otherPeriodStop instead).
  const wrongPeriod = !!result.allOtherPeriod;
  const feedback = wrongPeriod ? [] : [...byUnit.values()].filter((l) => l.errors.length || l.warnings.length || l.returnedBecause);
  // The compile's own answer (ChildRow.status): a report that came in but is not counted is not missing.
  const missing = report.missingUnits;
  const reminder = !wrongPeriod && (missing.length || report.lateUnits.length)
    ? { missing, late: report.lateUnits, deadline: report.deadline }
    : null;
  return {
    from: { unit: report.unit, parentBody: report.parentBody, level: report.level, place: report.place },
    date: parseIsoDate(report.date) ?? { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() },
    resendBy: parseIsoDate(resendIso) ?? parseIsoDate(toIsoDate(addDays(today, RESEND_DAYS)))!,
    period: result.period,
    year: result.year,
    feedback,
    reminder,
  };
}
