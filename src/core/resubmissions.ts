/**
 * A unit that sends its report again (docs/spec/TEMPLATE.md §8): the newest report counts, and
 * what a superseded copy differs in is said in the warning about it. A date
 * is only believed inside the window a report can have been sent in (from
 * the period's start to the day of the compile): a copy dated 31/12/2099
 * never wins by its date.
 */
import type { ReportEntry, TaskRow, UnitReport } from './model';
import { formatNumber } from './numbers';
import { fold } from './text';
import { INDICATOR_CODES, taskStatusWord } from './template';

/** The days a report can have been sent on, `yyyy-mm-dd`, both ends included. */
export interface SentWindow {
  /** The period's first day (periods.ts periodSpan). */
  from: string;
  /** The day of the compile. */
  to: string;
}

/** The report's date (`Ngày gửi`, else the date of `Số, ngày văn bản`) when it is believable, else undefined. */
export function believedSentDate(r: Pick<UnitReport, 'sentDate'>, window: SentWindow | undefined): string | undefined {
  const d = r.sentDate;
  if (!d || !window) return d;
  return d >= window.from && d <= window.to ? d : undefined;
}

/** Why a report's date is not believed ('after' the compile day, 'before' the period began), or null. */
export function sentDateProblem(r: Pick<UnitReport, 'sentDate'>, window: SentWindow): 'after' | 'before' | null {
  if (!r.sentDate) return null;
  if (r.sentDate > window.to) return 'after';
  return r.sentDate < window.from ? 'before' : null;
}

/**
 * The copy that counts among a unit's reports, given in reading order: a
 * visible sheet over a hidden one, then a believed date over one not
 * believed (a copy in error on its date never beats one dated truly), then
 * the latest believed date sent (believedSentDate); when the dates tie or
 * one is missing, the later in reading order.
 */
export function pickNewest(copies: readonly ReportEntry[], window?: SentWindow): ReportEntry {
  let best = copies[0];
  for (const e of copies.slice(1)) if (!isOlder(e.report, best.report, window)) best = e;
  return best;
}

/** `a` (read later) loses to `b` (read earlier): hidden against visible, or an earlier believed date. */
function isOlder(later: UnitReport, earlier: UnitReport, window: SentWindow | undefined): boolean {
  if (!!later.source.hidden !== !!earlier.source.hidden) return !!later.source.hidden;
  const a = believedSentDate(later, window);
  const b = believedSentDate(earlier, window);
  if (a && b && a !== b) return a < b;
  return !!b && !a && !!later.sentDate;
}

/**
 * How the copy that counts won over a superseded one: `newer` by a later
 * believed date (or the superseded copy's date is not believed), `same-day` when both carry the same believed date (the
 * officer is asked to confirm), `order` when reading order decided (no
 * believable date on one of them) or a visible sheet won over a hidden one.
 */
export function howItWon(counted: UnitReport, superseded: UnitReport, window: SentWindow | undefined): 'newer' | 'same-day' | 'order' {
  if (!!counted.source.hidden !== !!superseded.source.hidden) return 'order';
  const a = believedSentDate(counted, window);
  const b = believedSentDate(superseded, window);
  // A copy whose own date is not believed loses to any truly dated one: by date, not by order.
  if (a && !b && superseded.sentDate) return 'newer';
  if (!a || !b) return 'order';
  return a === b ? 'same-day' : 'newer';
}

function shown(v: number | null | undefined): string {
  return v === null || v === undefined ? '(trống)' : formatNumber(v);
}

/** How a warning names a task: its number, else its name, else its cell. */
function taskLabel(t: TaskRow): string {
  if (t.stt !== null) return `nhiệm vụ ${t.stt}`;
  const name = t.name.trim();
  return name ? `nhiệm vụ «${name}»` : `nhiệm vụ ở ô ${t.cell}`;
}

/**
 * The tasks of two copies paired: first by number and name together, then
 * what is left by number alone, then by name alone; each task is used once
 * (several tasks without number or name pair in order, never all with the
 * first). Unpaired tasks are added or removed.
 */
function pairTasks(old: readonly TaskRow[], counted: readonly TaskRow[]): { pairs: [TaskRow, TaskRow][]; added: TaskRow[]; removed: TaskRow[] } {
  const name = (t: TaskRow) => fold(t.name).replace(/\s+/g, ' ').trim();
  const keys: ((t: TaskRow) => string | null)[] = [
    (t) => `${t.stt ?? ''}|${name(t)}`,
    (t) => (t.stt !== null ? String(t.stt) : null),
    (t) => (name(t) ? name(t) : null),
  ];
  let left = [...old];
  let right = [...counted];
  const pairs: [TaskRow, TaskRow][] = [];
  for (const key of keys) {
    const pool = new Map<string, TaskRow[]>();
    for (const t of left) {
      const k = key(t);
      if (k !== null) pool.set(k, [...(pool.get(k) ?? []), t]);
    }
    const used = new Set<TaskRow>();
    const unpaired: TaskRow[] = [];
    for (const t of right) {
      const k = key(t);
      const o = k !== null ? pool.get(k)?.shift() : undefined;
      if (o) {
        pairs.push([o, t]);
        used.add(o);
      } else unpaired.push(t);
    }
    left = left.filter((t) => !used.has(t));
    right = unpaired;
  }
  return { pairs, added: right, removed: left };
}

/**
 * What changed from a superseded copy to the one that counts, in the words a
 * warning quotes: `A1: 385 → 285`, `nhiệm vụ 3: Chưa hoàn thành → Hoàn thành`.
 * Empty when the two agree on every figure and task mark (an identical copy is silent).
 */
export function resubmissionDifferences(old: UnitReport, counted: UnitReport): string[] {
  const out: string[] = [];
  for (const code of INDICATOR_CODES) {
    const a = old.figures[code] ?? null;
    const b = counted.figures[code] ?? null;
    if (a !== b) out.push(`${code}: ${shown(a)} → ${shown(b)}`);
  }
  const { pairs, added, removed } = pairTasks(old.tasks, counted.tasks);
  const byRow = (a: TaskRow, b: TaskRow) => counted.tasks.indexOf(a) - counted.tasks.indexOf(b);
  for (const [o, t] of pairs.sort((x, y) => byRow(x[1], y[1]))) {
    if (o.done !== t.done) out.push(`${taskLabel(t)}: ${taskStatusWord(o.done)} → ${taskStatusWord(t.done)}`);
  }
  for (const t of added) out.push(`${taskLabel(t)}: thêm mới`);
  for (const t of removed) out.push(`${taskLabel(t)}: bỏ đi`);
  return out;
}
