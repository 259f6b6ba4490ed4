/** Text folding shared by every matcher: labels, task names, unit names. */

/**
 * Lower case, no diacritics (`đ` → `d`), spaces collapsed and trimmed.
 * `"  HOÀN  Thành "` → `"hoan thanh"`.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Like `fold`, and punctuation dropped too: for matching task names typed by people. */
export function foldLoose(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** Text as a cell shows it, trimmed; '' for empty or non-text values. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}
