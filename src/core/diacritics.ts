/**
 * Text typed without Vietnamese diacritics where the compiled report quotes
 * it as it is (a unit's `Số, ngày văn bản`: «36/BC-UBND ngay 13/10/2022»,
 * «Ke hoach so 12/KH-UBND»). Recognized by the words such references are
 * made of, typed bare, in a text holding no diacritic at all; the words
 * are given back with their marks so the finding can say what to write.
 * The one home of this rule: the reader's identification checks use it.
 */

/**
 * Words of document references, bare → as written (longest first). The
 * short ones count only before a number (`ngay 13/10`, `so 12/KH`, `nam
 * 2022`): `Nam` in `huyen Nam Dong` is a name, not `năm`.
 */
const REFERENCE_WORDS: readonly [string, string][] = [
  ['quyet dinh', 'quyết định'], ['ke hoach', 'kế hoạch'], ['bao cao', 'báo cáo'], ['cong van', 'công văn'],
  ['thong bao', 'thông báo'], ['huong dan', 'hướng dẫn'], ['chi thi', 'chỉ thị'], ['van ban', 'văn bản'],
  ['ngay', 'ngày'], ['thang', 'tháng'], ['nam', 'năm'], ['so', 'số'],
];
const BEFORE_NUMBER = new Set(['ngay', 'thang', 'nam', 'so']);

const WORD_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${REFERENCE_WORDS.map(([bare]) =>
  bare.replace(' ', '\\s+') + (BEFORE_NUMBER.has(bare) ? '(?=\\s*:?\\s*\\d)' : '(?![\\p{L}\\p{N}])')).join('|')})`, 'giu');

/** Any letter carrying a Vietnamese mark (or đ): the text was typed with diacritics. */
const MARKED = /[\u00C0-\u1EF9]/u;

/**
 * When `text` is a reference typed without diacritics: `{ suggestion }`, the
 * same text with its reference words marked (`36/BC-UBND ngày 13/10/2022`),
 * when those were its only words (codes such as `BC-UBND` aside); `{}` when
 * other bare words remain (`cua UBND huyen`), which this does not guess.
 * Null when the text has diacritics or no reference word.
 */
export function withoutDiacritics(text: string): { suggestion?: string } | null {
  if (MARKED.test(text.normalize('NFC'))) return null;
  let found = false;
  const fixed = text.replace(WORD_RE, (word: string) => {
    const bare = word.toLowerCase().replace(/\s+/g, ' ');
    const marked = REFERENCE_WORDS.find(([b]) => b === bare)?.[1];
    if (!marked) return word;
    found = true;
    if (word === word.toUpperCase()) return marked.toLocaleUpperCase('vi-VN');
    return /^\p{Lu}/u.test(word) ? marked.charAt(0).toLocaleUpperCase('vi-VN') + marked.slice(1) : marked;
  });
  if (!found) return null;
  // Words left bare: letters only, not a code in capitals (`UBND`, `KH`).
  const rest = fixed.split(/[^\p{L}]+/u).filter((w) => w && !MARKED.test(w) && w !== w.toUpperCase());
  return rest.length ? {} : { suggestion: fixed };
}
