/**
 * How the report names units, places and periods: the issuing body's
 * header lines, the place of the date line, `quý I năm 2024`.
 */
import { signerLines } from './signer';
import { LEVELS, type Level } from '../core/template';
import { fold } from '../core/text';
import { isPeopleCommittee, withoutCommitteePrefix } from '../core/unit-names';
import { upperVi } from './format';

/** Territorial level words (`xã`, `phường`, `huyện`, `thành phố`…), longest first, from the template's level synonyms. */
const PLACE_WORDS: string[] = LEVELS.filter((l) => l.level === 'Xã' || l.level === 'Huyện' || l.level === 'Tỉnh')
  .flatMap((l) => l.synonyms)
  .filter((w) => !/trung ương/i.test(w))
  .sort((a, b) => b.length - a.length);

/** `xã Hương Lộc` → `Hương Lộc`; `null` when the name does not start with a territorial level word. */
function stripPlaceWord(name: string): string | null {
  const f = fold(name);
  for (const w of PLACE_WORDS) {
    const fw = fold(w);
    if (f.startsWith(fw + ' ')) return name.trim().split(/\s+/).slice(fw.split(' ').length).join(' ');
  }
  return null;
}

/**
 * The place written before the date: `UBND huyện Nam Đông` → `Nam Đông`.
 * A department takes its parent's place (`Phòng Nội vụ` under `UBND huyện
 * Nam Đông` → `Nam Đông`).
 */
export function placeName(unit: string, parent?: string): string {
  const own = stripPlaceWord(withoutCommitteePrefix(unit));
  if (own) return own;
  if (parent) {
    const p = stripPlaceWord(withoutCommitteePrefix(parent));
    if (p) return p;
  }
  return '…';
}

export interface HeaderNames {
  /** Cơ quan chủ quản (capitals, not bold); absent for a people's committee, as NĐ 30 and the seeds write it. */
  parentLine?: string;
  /** Tên cơ quan ban hành (capitals, bold), one entry per line. */
  bodyLines: string[];
}

/** The left header block: `ỦY BAN NHÂN DÂN` / `HUYỆN NAM ĐÔNG`, or `UBND HUYỆN NAM ĐÔNG` / `PHÒNG NỘI VỤ`. */
export function headerNames(unit: string, parent?: string): HeaderNames {
  if (isPeopleCommittee(unit)) {
    return { bodyLines: ['ỦY BAN NHÂN DÂN', upperVi(withoutCommitteePrefix(unit))] };
  }
  return {
    parentLine: parent ? upperVi(parent.trim()) : undefined,
    bodyLines: [upperVi(unit.trim())],
  };
}

/** The code after `/BC-` (core/unit-names.ts: the Phụ lục sheet writes it too). */
export { documentCode } from '../core/unit-names';

/** The signer's titles by default: `TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH` for a committee (signer.ts). */
export function signatureTitles(unit: string, level: Level | null): string[] {
  return signerLines(unit, level).titles;
}

/** `huyện`, `xã`, `tỉnh`: the word the unit uses for its own area (`trên địa bàn huyện`). */
export function areaWord(unit: string): string {
  const short = withoutCommitteePrefix(unit);
  const f = fold(short);
  for (const w of PLACE_WORDS) if (f.startsWith(fold(w) + ' ')) return short.split(/\s+/).slice(0, w.split(' ').length).join(' ').toLocaleLowerCase('vi-VN');
  return 'đơn vị';
}
