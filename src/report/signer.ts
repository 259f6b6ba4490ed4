/**
 * Who signs the report, as the officer chooses (NĐ 30/2020 Phụ lục I, «quyền
 * hạn, chức vụ, họ tên người ký»): the lines above the signature
 * (`TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`) and the name
 * below it. The one home of the signer's wording: the .docx, the command
 * line's options (--signer-authority, --signer-title, --signer-name) and the
 * pane's SignerFields all go through signerLines.
 */
import type { Level } from '../core/template';
import { isPeopleCommittee } from '../core/unit-names';
import { upperVi } from './format';

export interface Signer {
  /**
   * Quyền hạn ký, one or more lines: `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`,
   * `TM. UBND`; several given as `TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH` (or on
   * separate lines). Absent: from the unit and the chức vụ (signerLines).
   */
  authority?: string;
  /** Chức vụ: `PHÓ CHỦ TỊCH`, `CHỦ TỊCH`, `GIÁM ĐỐC`. Absent: the unit's usual signer (a deputy). */
  title?: string;
  /** Họ và tên; absent: `[Họ và tên]`, to fill before signing. */
  name?: string;
}

/** What an unnamed signer's line says: the officer fills it before signing. */
export const NAME_PLACEHOLDER = '[Họ và tên]';

/** The usual signer of a unit (the report's default): a deputy signing for the head. */
function defaultTitles(unit: string, level: Level | null): string[] {
  if (isPeopleCommittee(unit)) return ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'];
  if (level === 'Sở, ngành') return ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'];
  if (level === 'Phòng, ban') return ['KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG'];
  return ['THỦ TRƯỞNG ĐƠN VỊ'];
}

const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * The quyền hạn lines for a chức vụ when the officer gives none: a committee
 * signs `TM. ỦY BAN NHÂN DÂN`; a deputy (`PHÓ …`) signs `KT.` for the head
 * (`PHÓ CHỦ TỊCH` → `KT. CHỦ TỊCH`), the head signs without `KT.`.
 */
function authorityFor(unit: string, title: string): string[] {
  const lines = isPeopleCommittee(unit) ? ['TM. ỦY BAN NHÂN DÂN'] : [];
  const head = /^PHÓ\s+(.+)$/u.exec(title);
  if (head) lines.push(`KT. ${head[1]}`);
  return lines;
}

/** The titles above the signature (capitals, bold) and the name below it. */
export function signerLines(unit: string, level: Level | null, signer: Signer = {}): { titles: string[]; name: string } {
  const title = upperVi(clean(signer.title));
  const authority = clean(signer.authority) ? signer.authority!.split(/\s+\/\s+|\s*[\n;]\s*/).map((l) => upperVi(clean(l))).filter(Boolean) : null;
  const name = clean(signer.name) || NAME_PLACEHOLDER;
  if (!title && !authority) return { titles: defaultTitles(unit, level), name };
  if (!title) {
    // Only the quyền hạn given: keep the usual chức vụ under it when it says KT. (a deputy), none otherwise.
    const usual = defaultTitles(unit, level);
    const deputy = authority!.some((l) => /^KT\./u.test(l));
    return { titles: [...authority!, ...(deputy ? [usual[usual.length - 1]] : [])], name };
  }
  return { titles: [...(authority ?? authorityFor(unit, title)), title], name };
}
