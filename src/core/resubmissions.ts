/**
 * A unit that sends its report again (docs/spec/TEMPLATE.md §8): the newest report counts, and
 * what a superseded copy differs in is said in the warning about it.
 */
import type { ReportEntry, UnitReport } from './model';
import { formatNumber } from './numbers';
import { INDICATOR_CODES } from './template';

/**
 * The copy that counts among a unit's reports, given in reading order: a
 * visible sheet over a hidden one, then the latest date sent (`sentDate`: the
 * reader takes `Ngày gửi`, else the date of `Số, ngày văn bản`); when the
 * dates tie or one is missing, the later in reading order.
 */
export function pickNewest(copies: readonly ReportEntry[]): ReportEntry {
  let best = copies[0];
  for (const e of copies.slice(1)) if (!isOlder(e.report, best.report)) best = e;
  return best;
}

/** `a` (read later) loses to `b` (read earlier): hidden against visible, or an earlier date. */
function isOlder(later: UnitReport, earlier: UnitReport): boolean {
  if (!!later.source.hidden !== !!earlier.source.hidden) return !!later.source.hidden;
  if (later.sentDate && earlier.sentDate && later.sentDate !== earlier.sentDate) return later.sentDate < earlier.sentDate;
  return false;
}

const MARK_WORDS = { true: 'Hoàn thành', false: 'Chưa hoàn thành', null: 'chưa đánh dấu' } as const;

function shown(v: number | null | undefined): string {
  return v === null || v === undefined ? '(trống)' : formatNumber(v);
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
  const key = (t: UnitReport['tasks'][number]) => (t.stt !== null ? `#${t.stt}` : t.name.trim().toLowerCase());
  const before = new Map(old.tasks.map((t) => [key(t), t]));
  for (const t of counted.tasks) {
    const o = before.get(key(t));
    before.delete(key(t));
    const label = t.stt !== null ? `nhiệm vụ ${t.stt}` : `nhiệm vụ «${t.name.trim()}»`;
    if (!o) out.push(`${label}: thêm mới`);
    else if (o.done !== t.done) out.push(`${label}: ${MARK_WORDS[String(o.done) as keyof typeof MARK_WORDS]} → ${MARK_WORDS[String(t.done) as keyof typeof MARK_WORDS]}`);
  }
  for (const t of before.values()) out.push(`${t.stt !== null ? `nhiệm vụ ${t.stt}` : `nhiệm vụ «${t.name.trim()}»`}: bỏ đi`);
  return out;
}
