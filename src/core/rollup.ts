/**
 * The arithmetic of a roll-up (docs/spec/TEMPLATE.md §8): figures summed (A6 averaged over the
 * children that reported it), rates from the sums, tasks counted per child.
 * Pure functions on plain data so each rule is tested on its own.
 */
import type { ChildRow, CompileResult, PlanTask, TaskRow, TaskSummary } from './model';
import {
  DEFAULT_THRESHOLD, INDICATORS, INDICATOR_CODES, STATUS_LATE, STATUS_MISSING, STATUS_NOT_COUNTED, emptyFigures, taskStatusWord,
  type AssessmentKey, type ChildStatus, type Figures, type IndicatorCode,
} from './template';
import { reportUsed } from './cumulative';
import { unitKey } from './unit-names';
import { matchTasks } from './task-checks';
import { foldLoose } from './text';
import { formatNumber } from './numbers';

export interface FigureRollup {
  /** Sum (A6: mean of reporters); null when no child reported the code. */
  figures: Figures;
  /** Per code, how many of the children left it empty. */
  emptyCounts: Record<IndicatorCode, number>;
}

/**
 * Roll up the figures of the children that count. An empty value counts as 0
 * in a sum and is counted in `emptyCounts`; a code that no child reported
 * stays null (shown empty, `"A6": null` in JSON), so "nobody reported" is
 * never shown as a measured zero.
 */
export function rollupFigures(children: readonly Figures[]): FigureRollup {
  const figures = emptyFigures();
  const emptyCounts = Object.fromEntries(INDICATOR_CODES.map((c) => [c, 0])) as Record<IndicatorCode, number>;
  for (const ind of INDICATORS) {
    let sum = 0;
    let reporters = 0;
    for (const f of children) {
      const v = f[ind.code];
      if (v === null || v === undefined) {
        emptyCounts[ind.code]++;
      } else {
        sum += v;
        reporters++;
      }
    }
    if (reporters === 0) figures[ind.code] = null;
    else figures[ind.code] = ind.rollup === 'mean' ? sum / reporters : sum;
  }
  return { figures, emptyCounts };
}

/** The tasks a compile works with: the plan's, else built from the reports by `taskUnion`. */
export type CompileTask = PlanTask;

/**
 * Without a plan: the union of the units' task rows. Rows are the same task
 * when their folded names agree; a name seen for the first time is a new
 * task, under its own STT when that is still free (else the next free one).
 * Sorted by STT. Threshold: every unit (DEFAULT_THRESHOLD).
 */
export function taskUnion(rowLists: readonly TaskRow[][]): CompileTask[] {
  const byName = new Map<string, CompileTask>();
  const usedStt = new Set<number>();
  const pending: { name: string; stt: number | null }[] = [];
  // Thousands of reports repeat the same few task names: fold each distinct name once.
  const folded = new Map<string, string>();
  const keyOf = (name: string) => {
    let k = folded.get(name);
    if (k === undefined) folded.set(name, (k = foldLoose(name)));
    return k;
  };
  for (const rows of rowLists) {
    for (const row of rows) {
      const key = keyOf(row.name);
      if (!key || byName.has(key)) continue;
      const task: CompileTask = { stt: 0, name: row.name.trim(), threshold: DEFAULT_THRESHOLD };
      byName.set(key, task);
      if (row.stt !== null && Number.isInteger(row.stt) && row.stt > 0 && !usedStt.has(row.stt)) {
        task.stt = row.stt;
        usedStt.add(row.stt);
      } else {
        pending.push({ name: key, stt: row.stt });
      }
    }
  }
  let next = 1;
  for (const p of pending) {
    while (usedStt.has(next)) next++;
    const task = byName.get(p.name)!;
    task.stt = next;
    usedStt.add(next);
  }
  return [...byName.values()].sort((a, b) => a.stt - b.stt);
}

/**
 * A unit's marks per task STT: true Hoàn thành, false Chưa hoàn thành, null
 * unreadable marks or task missing from the sheet (counts as not done).
 * Rows are matched to tasks by `matchTasks`, the matching the task checks
 * use, so the counts and the findings agree.
 */
export function markTasks(rows: readonly TaskRow[], tasks: readonly CompileTask[]): Record<number, boolean | null> {
  const marks: Record<number, boolean | null> = {};
  if (sameAsTasks(rows, tasks)) {
    // The sheet lists the tasks exactly as given, in order: what matchTasks would find, without folding every name.
    tasks.forEach((t, i) => { marks[t.stt] = rows[i].done; });
    return marks;
  }
  for (const m of matchTasks(rows, tasks)) marks[m.task.stt] = m.row ? m.row.done : null;
  return marks;
}

/** Row i has task i's STT and exactly its name, for every task (the sheet came from the template). */
function sameAsTasks(rows: readonly TaskRow[], tasks: readonly CompileTask[]): boolean {
  if (rows.length < tasks.length) return false;
  for (let i = 0; i < tasks.length; i++) if (rows[i].stt !== tasks[i].stt || rows[i].name !== tasks[i].name) return false;
  return true;
}

/** `Xã A, Xã B`: names inside a note. */
function listNames(names: readonly string[]): string {
  return names.join(', ');
}

/**
 * The units a summary counts whenever it says «N/M đơn vị» (units that sent
 * their report, units that completed a task): the units it directs. The
 * compiling unit's own sheet (isSelf: its own activities) adds its figures to
 * the totals but is not one of the units reporting to it, so it is neither
 * counted nor named as not completing a task; when it is the only sheet, it
 * is counted (there is nobody else). The one home of this rule: the Phụ lục,
 * the report's body and the command line all use it.
 */
export function reportingUnits<C extends { isSelf: boolean }>(children: readonly C[]): C[] {
  const others = children.filter((c) => !c.isSelf);
  return others.length ? others : [...children];
}

/** Who of the units a parent expects sent what (every «Đã nộp N/M», «chưa nộp: …» of every view). */
export interface UnitCount {
  /** The units counted: reportingUnits. */
  expected: number;
  /** Units whose report came in (counted or not). */
  sent: number;
  late: string[];
  missing: string[];
  /** Sent but not counted (ChildRow.reason says why). */
  notCounted: string[];
}

/** The one count of a parent's units: the summary sheet, the tasks sheet, the report, the letters and the command line say it alike. */
export function unitCount(children: readonly Pick<ChildRow, 'unit' | 'status' | 'isSelf'>[]): UnitCount {
  const units = reportingUnits(children);
  const named = (status: ChildStatus) => units.filter((c) => c.status === status).map((c) => c.unit);
  const missing = named(STATUS_MISSING);
  return { expected: units.length, sent: units.length - missing.length, late: named(STATUS_LATE), missing, notCounted: named(STATUS_NOT_COUNTED) };
}

/** `Đã nộp 16/17`. */
export function sentPhrase(c: UnitCount): string {
  return `Đã nộp ${c.sent}/${c.expected}`;
}

/**
 * The units not sent of a whole compile (every parent's, each unit once, by code or name):
 * what the pane counts and the reminder names. A report that came in but is not
 * counted is not missing (status `Không tính`).
 */
export function missingUnitsOf(result: Pick<CompileResult, 'summaries'>): string[] {
  const seen = new Map<string, string>();
  for (const s of result.summaries) {
    for (const c of reportingUnits(s.children)) if (c.status === STATUS_MISSING) seen.set(c.unitCode || unitKey(c.unit), c.unit);
  }
  return [...seen.values()];
}

/**
 * «Báo cáo được tính: N/M»: the reports that went into the figures (core/cumulative.ts reportUsed:
 * for `6 tháng` built from Quý I + Quý II, both quarters of a unit count) out of all reports read.
 * The command line's summary and the pane's count say this one number.
 */
export function reportsCounted(result: Pick<CompileResult, 'reports'>): { counted: number; read: number } {
  return { counted: result.reports.filter(reportUsed).length, read: result.reports.length };
}

/** `100%`, `80%`: a task's required share as the Phụ lục says it. */
export function requiredShare(threshold: number): string {
  return `${formatNumber(Math.round(threshold * 1000) / 10)}%`;
}

/**
 * The parent's task matrix (Phụ lục): per task, how many expected units
 * (reportingUnits) marked Hoàn thành. A unit that has not reported counts as
 * not done; the parent's task is Hoàn thành when done ÷ expected ≥ the task's
 * threshold, else its result says the share that was required.
 */
export function summarizeTasks(tasks: readonly CompileTask[], allChildren: readonly ChildRow[]): TaskSummary[] {
  const children = reportingUnits(allChildren);
  const expected = children.length;
  return tasks.map((t) => {
    const notDone: string[] = [];
    const notReported: string[] = [];
    const notCounted: string[] = [];
    let done = 0;
    for (const c of children) {
      if (c.status === STATUS_MISSING) notReported.push(c.unit);
      else if (c.status === STATUS_NOT_COUNTED) notCounted.push(c.unit);
      else if (!c.figures) notReported.push(c.unit);
      else if (c.tasks[t.stt] === true) done++;
      else notDone.push(c.unit);
    }
    const threshold = t.threshold ?? DEFAULT_THRESHOLD;
    // A tiny epsilon so 80% of 5 (4/5 = 0.8) is not lost to floating point.
    const reached = expected > 0 && done / expected + 1e-9 >= threshold;
    const notes: string[] = [];
    if (notDone.length) notes.push(`${taskStatusWord(false)}: ${listNames(notDone)}.`);
    if (notReported.length) notes.push(`Chưa nộp báo cáo: ${listNames(notReported)}.`);
    if (notCounted.length) notes.push(`Báo cáo không được tính: ${listNames(notCounted)}.`);
    return {
      stt: t.stt,
      name: t.name,
      done,
      expected,
      threshold,
      complete: reached,
      notDone,
      notReported,
      notCounted,
      result: `${done}/${expected} đơn vị hoàn thành${reached ? '' : ` (yêu cầu ${requiredShare(threshold)})`}`,
      note: notes.join(' '),
    } satisfies TaskSummary;
  });
}

/**
 * Assessment texts of several units joined into one text per key, each
 * attributed (`Xã Hương Lộc: …`), one line per unit: the form of section III
 * of a compiled report, so a compiled report read one level up gives the same
 * text as the fresh roll-up.
 */
export function joinAssessments(
  items: readonly { unit: string; key: AssessmentKey; text: string }[],
  displayName: (unit: string) => string,
): Partial<Record<AssessmentKey, string>> {
  const out: Partial<Record<AssessmentKey, string[]>> = {};
  for (const it of items) {
    const text = it.text.trim();
    if (!text) continue;
    (out[it.key] ??= []).push(`${displayName(it.unit)}: ${text}`);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v!.join('\n')])) as Partial<Record<AssessmentKey, string>>;
}

