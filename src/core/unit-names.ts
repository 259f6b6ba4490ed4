/**
 * How unit names are read and written: the one home of the people's
 * committee prefix (`UBND` / `Ủy ban nhân dân`, `Uỷ` alike) and of the
 * short forms built on it.
 *   unitKey                 matching: `UBND xã Hương Lộc` = `Xã Hương Lộc` = `xa huong loc`
 *   isPeopleCommittee       `UBND …` / `Ủy ban nhân dân …`
 *   withoutCommitteePrefix  `UBND xã Hương Lộc` → `xã Hương Lộc` (inside sentences)
 *   displayUnitName         `UBND xã Hương Lộc` → `Xã Hương Lộc` (a name starting a line)
 *   fullUnitName            `UBND huyện Nam Đông` → `Ủy ban nhân dân huyện Nam Đông`
 *   shortUnitName           `UBND huyện Nam Đông` → `Nam Đông` (sheet names)
 *   levelFromName           `UBND thị trấn Khe Tre` → `Xã` (any of the template's level words;
 *                           roster.ts inferLevel keeps to the words that leave no doubt)
 *   namesAndRest            `xã A, xã B và 118 đơn vị khác`: a long list of units in one line
 */
import { LEVELS, type Level } from './template';
import { fold, foldLoose } from './text';

/** The prefix, folded, in the order unitKey drops them (`UBND Ủy ban nhân dân …` loses both). */
const COMMITTEE = ['ubnd', 'uy ban nhan dan'];

/** Words naming the kind of unit, dropped from short names (folded, longest first). */
const LEVEL_WORDS = [
  'thanh pho truc thuoc trung uong', 'thanh pho', 'thi xa', 'thi tran', 'dac khu', 'huyen', 'quan', 'tinh', 'xa', 'phuong',
];

/** Spaces collapsed and trimmed: the written form the short names cut words from. */
const tidy = (name: string): string => name.trim().replace(/\s+/g, ' ');

/** `name` without its first words when, folded, they are one of `prefixes` followed by more words. */
function dropLeadingWords(name: string, prefixes: readonly string[]): string {
  const folded = fold(name);
  for (const p of prefixes) {
    // The folded prefix has as many words as the written one.
    if (folded.startsWith(p + ' ')) return name.split(' ').slice(p.split(' ').length).join(' ');
  }
  return name;
}

/**
 * Unit names are matched with case, spaces, punctuation, diacritics and the
 * prefixes `UBND` / `Ủy ban nhân dân` folded: `UBND xã Hương Lộc` =
 * `Xã Hương Lộc` = `xa huong loc`.
 */
export function unitKey(name: string): string {
  let k = foldLoose(name);
  for (const p of COMMITTEE) if (k.startsWith(p + ' ')) k = k.slice(p.length + 1);
  return k;
}

/** Vietnamese tone marks (grave, acute, tilde, hook above, dot below): their place in a word varies (`Hoà` / `Hòa`). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * The name as written, for telling apart two units whose names fold alike
 * (Ho Chi Minh City's Xã Thanh An and Xã Thạnh An): like unitKey, but the
 * diacritics kept; only the place of a word's tone mark (`Hoà` = `Hòa`), case,
 * spaces and the committee prefix do not count.
 */
export function exactUnitKey(name: string): string {
  const words = dropLeadingWords(tidy(name), COMMITTEE).normalize('NFD').toLowerCase().split(' ');
  return words.map((w) => w.replace(TONE_MARKS, '') + (w.match(TONE_MARKS) ?? []).join('')).join(' ').normalize('NFC');
}

/** A people's committee (`UBND …` / `Ủy ban nhân dân …`): signs "TM. ỦY BAN NHÂN DÂN", has no parent line in its header. */
export function isPeopleCommittee(unit: string): boolean {
  const f = fold(unit);
  return COMMITTEE.some((p) => f.startsWith(p + ' '));
}

/** `UBND xã Hương Lộc` → `xã Hương Lộc` (for lists inside sentences); other names only tidied. */
export function withoutCommitteePrefix(unit: string): string {
  return dropLeadingWords(tidy(unit), COMMITTEE);
}

/**
 * `xã A, xã B và 118 đơn vị khác`: a list of units said in one line, the one wording of the
 * CLI summary (cli/summary.ts), the narrative report (report/narrative.ts), a task's printed
 * note (task-note.ts) and the pane (taskpane/findings-view.ts; its messages' lists of sheets
 * and files, features/notices.tsx, say `mục` for `đơn vị`). Every name when there are at most
 * `upTo`, else the first `shown` and the rest counted; `upTo` is at least `shown + 1`, so a list
 * never ends in «và 1 đơn vị khác» where that one name would do. Names as given.
 */
export function namesAndRest(names: readonly string[], shown: number, opts: { upTo?: number; what?: string } = {}): string {
  if (names.length <= Math.max(opts.upTo ?? 0, shown + 1)) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} và ${names.length - shown} ${opts.what ?? 'đơn vị'} khác`;
}

/** `UBND xã Hương Lộc` → `Xã Hương Lộc`: a unit as named at the start of a text (prefix dropped, capital kept). */
export function displayUnitName(unit: string): string {
  const t = tidy(unit);
  const words = withoutCommitteePrefix(t);
  if (words === t) return t;
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : t;
}

/** `UBND huyện Nam Đông` → `Ủy ban nhân dân huyện Nam Đông`. */
export function fullUnitName(unit: string): string {
  return isPeopleCommittee(unit) ? `Ủy ban nhân dân ${withoutCommitteePrefix(unit)}` : unit.trim();
}

/** `UBND huyện Nam Đông` → `Nam Đông`; `Sở Nội vụ` stays `Sở Nội vụ` (output sheet names). */
export function shortUnitName(unit: string): string {
  const name = withoutCommitteePrefix(unit);
  const rest = dropLeadingWords(name, LEVEL_WORDS);
  return rest.trim() || name;
}

/** The level a unit's name implies (`xã Hương Lộc` → `Xã`, `Phòng Nội vụ` → `Phòng, ban`), or null. */
export function levelFromName(unit: string): Level | null {
  const f = fold(withoutCommitteePrefix(unit));
  let best: { level: Level; len: number } | null = null;
  for (const l of LEVELS) {
    for (const syn of l.synonyms) {
      const fs = fold(syn);
      if ((f === fs || f.startsWith(fs + ' ')) && (!best || fs.length > best.len)) best = { level: l.level, len: fs.length };
    }
  }
  return best?.level ?? null;
}

/** The code after `/BC-`: `UBND` for a committee, else the initials of the unit's name (`Phòng Văn hóa và Thông tin` → `VHTT`). */
export function documentCode(unit: string): string {
  if (isPeopleCommittee(unit)) return 'UBND';
  const words = fold(unit).split(' ').filter((w) => w && !['va', 'phong', 'so', 'ban', 'nganh'].includes(w));
  const initials = words.map((w) => w[0].toUpperCase()).join('');
  return initials || 'UBND';
}
