/**
 * The one home of a file name built from text a user or a unit typed (a
 * unit's name in a template's or a letter's name): a name every system the
 * users have takes, Windows, macOS and Linux alike.
 *
 * - No `\ / : * ? " < > |` nor control characters (Windows refuses them, `/`
 *   is a folder everywhere); no right-to-left or zero-width characters,
 *   which make a name read other than it is (`‮xslx.exe`).
 * - Not one of Windows' device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9,
 *   whatever follows the first dot): Windows opens the device instead.
 * - No leading dot (a hidden file on macOS and Linux, and our temporary
 *   files start with one), no trailing dot or space (Windows drops them).
 * - At most MAX_FILE_NAME_BYTES bytes of UTF-8: Linux counts a name's 255 in
 *   bytes, and a Vietnamese letter is two or three; the room left is for the
 *   temporary name written beside it (cli/output-files.ts) and a ` (12)`.
 *   A long name is cut, so it costs only its own file.
 * - Compared without case (uniqueFileName): NTFS and APFS do, so
 *   `Hương Sơn.xlsx` and `HƯƠNG SƠN.xlsx` would be one file there.
 */

/** Bytes a name may take: 255 less the temporary name's additions (`.` + `.<pid>.<6>.tmp`, 24 bytes at most) and a ` (NN)`. */
export const MAX_FILE_NAME_BYTES = 200;

const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
/** Bidi controls, zero-width characters, the byte-order mark, the soft hyphen. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** `s` cut to at most `bytes` bytes of UTF-8, never inside a character. */
function cutToBytes(s: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = utf8Length(ch);
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/** The stem (name without extension) made safe, `fallback` when nothing is left. */
function cleanStem(stem: string, fallback: string): string {
  let s = stem.normalize('NFC').replace(INVISIBLE, '').replace(FORBIDDEN, '-').replace(/\s+/g, ' ').trim();
  s = s.replace(/^[. ]+/, '').replace(/[. ]+$/, '');
  if (!s) s = fallback;
  if (RESERVED.test(s.split('.')[0].trim())) s = `_${s}`;
  return s;
}

/** `stem` + `ext` (`.xlsx`, with its dot) as a safe name of at most MAX_FILE_NAME_BYTES bytes. */
export function safeFileName(stem: string, ext: string, fallback = 'tep'): string {
  return fit(cleanStem(stem, fallback), '', ext);
}

function fit(stem: string, suffix: string, ext: string): string {
  const room = MAX_FILE_NAME_BYTES - utf8Length(suffix) - utf8Length(ext);
  const cut = cutToBytes(stem, room).replace(/[. ]+$/, '');
  return `${cut}${suffix}${ext}`;
}

/** How two names are the same file on a disk that ignores case (and, as APFS, the Unicode form). */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * A safe name not yet in `taken` (keys of fileNameKey), added to it:
 * `stem.ext`, else `stem (2).ext`, `stem (3).ext`… (two units with one
 * short name keep a file each).
 */
export function uniqueFileName(stem: string, ext: string, taken: Set<string>, fallback = 'tep'): string {
  const clean = cleanStem(stem, fallback);
  let name = fit(clean, '', ext);
  for (let i = 2; taken.has(fileNameKey(name)); i++) name = fit(clean, ` (${i})`, ext);
  taken.add(fileNameKey(name));
  return name;
}
