/** Findings: what the reader and the checks found, each addressed to a cell. */
import type { RuleId } from './rule-names';

export type Severity = 'error' | 'warning';

/** Vietnamese names of the severities, as shown in output sheets and the pane. */
export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo' };

export interface Finding {
  severity: Severity;
  /** Unit name as read (or the file/sheet name when the unit could not be read). */
  unit: string;
  /** Source file (command line); absent for sheets of the open workbook. */
  file?: string;
  /** Worksheet name ('' when the whole file could not be read). */
  sheet: string;
  /** Cell address such as `D14` ('' when the finding is about the whole sheet or file). */
  cell: string;
  /** The sheet is hidden in its workbook (docs/spec/TEMPLATE.md §8: findings call it hidden); absent when visible. */
  hidden?: true;
  /** Stable rule id, e.g. `figure.not-a-number`, `dossier.balance` (each has its name in rule-names.ts). */
  rule: RuleId;
  /** Plain Vietnamese message naming what is wrong and what to do. */
  message: string;
}

/** Where a finding points: the unit, and the file, sheet and cell (`''` for a whole sheet or file). */
export interface FindingPlace {
  unit: string;
  file?: string;
  sheet: string;
  cell: string;
  /** The sheet is hidden in its workbook (SourceRef.hidden). */
  hidden?: boolean;
}

/** The one way to build a finding (no `file` key for a sheet of the open workbook, no `hidden` key for a visible one). */
export function makeFinding(severity: Severity, at: FindingPlace, rule: RuleId, message: string): Finding {
  return {
    severity, unit: at.unit, ...(at.file ? { file: at.file } : {}), sheet: at.sheet, cell: at.cell,
    ...(at.hidden ? { hidden: true as const } : {}), rule, message,
  };
}

/** What follows a hidden sheet's name wherever it is named (docs/spec/TEMPLATE.md §8: «trang ẩn»); '' for a visible one. */
export function hiddenNote(hidden: boolean | undefined): string {
  return hidden ? ' (trang ẩn)' : '';
}

/**
 * A finding about a cell that a unit typed (the readers and the checks): its
 * message starts with the place, `'Hương Lộc'!D14: …`, so it reads on its own
 * wherever it is copied. The views (cli/summary.ts, the pane's list, the
 * report) print a place only when the message does not start with it.
 */
export function cellFinding(severity: Severity, at: FindingPlace, rule: RuleId, text: string): Finding {
  return makeFinding(severity, at, rule, `${cellRef(at.sheet, at.cell)}: ${text}`);
}

/**
 * What a view prints of a finding, so the place is said once: `place` is
 * `file › 'Sheet'!D14` (the file alone for a whole file, '' for the whole
 * compile) and `text` the message without the place cellFinding put in front.
 */
export function findingParts(f: Pick<Finding, 'file' | 'sheet' | 'cell' | 'message' | 'hidden'>): { place: string; text: string } {
  const ref = f.sheet ? cellRef(f.sheet, f.cell) : '';
  const shown = ref + (ref ? hiddenNote(f.hidden) : '');
  const place = f.file && ref ? `${f.file} › ${shown}` : shown || f.file || '';
  const text = ref && f.message.startsWith(`${ref}: `) ? f.message.slice(ref.length + 2) : f.message;
  return { place, text };
}

/**
 * A finding about a sheet of the open workbook, one the pane can go to: it
 * has a sheet and no file. A finding in a file (Tổng hợp từ tệp, a previous
 * period's file) names a sheet that is not in the workbook, even when one of
 * the workbook's sheets has the same name.
 */
export function inOpenWorkbook(f: Pick<Finding, 'file' | 'sheet'>): boolean {
  return !!f.sheet && !f.file;
}

/**
 * Where a finding in a file points, in words, for a place nobody can reach
 * with a click (the web page, src/app; in the pane a file not open in Excel):
 * `tệp H01-X001.xlsx, trang "Báo cáo", ô C12`, the sheet and cell only when
 * it has them, the hidden sheet called so (hiddenNote).
 */
export function placeInWords(f: Pick<Finding, 'unit' | 'file' | 'sheet' | 'cell' | 'hidden'>): string {
  const sheet = f.sheet ? `trang "${f.sheet}"${hiddenNote(f.hidden)}` : '';
  return [`tệp ${f.file || f.unit}`, sheet, f.sheet && f.cell ? `ô ${f.cell}` : ''].filter(Boolean).join(', ');
}

/** A sheet name as a view wrote it, without the hiddenNote after it. */
export function withoutHiddenNote(shown: string): string {
  const note = hiddenNote(true);
  return shown.endsWith(note) ? shown.slice(0, -note.length) : shown;
}

/** Errors first; inside a severity the order given (the compile's reading order). */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return 0;
}

/** Errors first, then warnings, each in the order given: the order of every full list (result, Kiểm tra sheet). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => compareFindings(a.f, b.f) || a.i - b.i).map((x) => x.f);
}

/** Rules that say "left empty": worth knowing, but listed after the warnings that point at a wrong value. */
const LOW_PRIORITY_RULES = new Set(['figure.empty']);

/**
 * A short list to act on (the command line's top findings): like sortFindings,
 * with "left empty" warnings after the warnings that point at a wrong value.
 */
export function sortForAttention(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : LOW_PRIORITY_RULES.has(f.rule) ? 2 : 1);
  return findings.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
}

/** `Hương Lộc!D14`: how a message names a cell. */
export function cellRef(sheet: string, cell: string): string {
  if (!cell) return sheet;
  const quoted = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${cell}`;
}
