/**
 * The review letters of one compile, named as the user saves them:
 * `Phan-hoi <Mã đơn vị> <tên đơn vị>.docx` per unit with findings and
 * `Cong-van-don-doc.docx` when units are missing or late.
 */
import { zipSync } from 'fflate';
import type { CompileResult } from '../../core/model';
import { safeFileName, uniqueFileName, fileNameKey } from '../../core/file-names';
import { withoutCommitteePrefix } from '../../core/unit-names';
import { feedbackLetterDocx, reminderLetterDocx } from './letter-docx';
import { lettersFromCompile, type FeedbackLetter, type LettersOptions } from './letter-data';

export { lettersFromCompile, type LettersData, type LettersOptions } from './letter-data';

export interface LetterFile {
  name: string;
  bytes: Uint8Array;
}

export const REMINDER_FILE_NAME = 'Cong-van-don-doc.docx';

/** The stem of a unit's letter; made a safe, unique name by core/file-names.ts. */
const feedbackStem = (l: Pick<FeedbackLetter, 'unit' | 'unitCode'>): string =>
  `Phan-hoi ${[l.unitCode?.trim(), withoutCommitteePrefix(l.unit)].filter(Boolean).join(' ')}`;

/** `Phan-hoi 19000 xã Hương Lộc.docx`: the code sorts the files, the name tells whose letter it is. */
export function feedbackFileName(l: Pick<FeedbackLetter, 'unit' | 'unitCode'>): string {
  return safeFileName(feedbackStem(l), '.docx');
}

/** Every letter of the compile, the feedback letters first (in reading order), then the công văn. */
export async function buildLetters(result: CompileResult, opts: LettersOptions = {}): Promise<LetterFile[]> {
  const d = lettersFromCompile(result, opts);
  const out: LetterFile[] = [];
  const taken = new Set([fileNameKey(REMINDER_FILE_NAME)]);
  for (const l of d.feedback) {
    // Two units with one short name (xã Hương Sơn of two districts): keep both.
    const name = uniqueFileName(feedbackStem(l), '.docx', taken);
    out.push({ name, bytes: await feedbackLetterDocx(d, l) });
  }
  if (d.reminder) out.push({ name: REMINDER_FILE_NAME, bytes: await reminderLetterDocx(d, d.reminder) });
  return out;
}

/** The letters' .zip the pane downloads (`Phan-hoi <kỳ>.zip`). */
export function lettersZipName(result: Pick<CompileResult, 'period' | 'year'>): string {
  return `Phan-hoi ${result.period} ${result.year}.zip`.replace(/\s+/g, ' ');
}

/**
 * All letters in one .zip, stored (a .docx is already compressed), names in
 * UTF-8. fflate is the zip library the docx library itself ships with, so the
 * pane's bundle carries no second one.
 */
export function zipLetters(letters: readonly LetterFile[]): Uint8Array {
  return zipSync(Object.fromEntries(letters.map((l) => [l.name, l.bytes])), { level: 0 });
}
