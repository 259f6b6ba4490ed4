/** Text folding shared by every matcher: labels, task names, unit names. */

/**
 * The same few hundred labels, task and unit names are folded for every one
 * of a province's reports (and again for every comparison): each distinct
 * string is folded once and remembered. Bounded so that a run over unusual
 * text cannot grow it without end; the functions are pure, so forgetting is
 * always safe.
 */
const MEMO_LIMIT = 50_000;
function memoised(f: (s: string) => string): (s: string) => string {
  let memo = new Map<string, string>();
  return (s: string) => {
    let r = memo.get(s);
    if (r === undefined) {
      r = f(s);
      if (memo.size >= MEMO_LIMIT) memo = new Map();
      memo.set(s, r);
    }
    return r;
  };
}

/**
 * Lower case, no diacritics (`đ` → `d`), spaces collapsed and trimmed.
 * `"  HOÀN  Thành "` → `"hoan thanh"`.
 */
export const fold: (s: string) => string = memoised((s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim(),
);

/** Like `fold`, and punctuation dropped too: for matching task names typed by people. */
export const foldLoose: (s: string) => string = memoised((s) =>
  fold(s).replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim(),
);

/** Text as a cell shows it, trimmed; '' for empty or non-text values. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}
