/**
 * Names of the output sheets.
 *
 * Naming: a fixed prefix and the unit's short name (`UBND huyện Nam Đông` →
 * `Nam Đông`):
 *   `TH Nam Đông`  bảng tổng hợp (summary)
 *   `BĐ Nam Đông`  biểu đồ (charts) and the data they read, apart from the summary so they never print with it
 *   `SS Nam Đông`  so sánh với kỳ trước (only with a previous period), apart from the summary for the same reason
 *   `NV Nam Đông`  nhiệm vụ: the child × task matrix and the approval states, apart from the summary for the same reason
 *   `PL Nam Đông`  phụ lục nhiệm vụ (appendix)
 *   `BC Nam Đông`  the parent's own TTCCHC-1 report, to send one level up
 *   `Kiểm tra`     the findings of the whole compile
 *   `Mẫu …`        a blank template (not output: units fill it, never replaced)
 * Clashes get ` (2)`, ` (3)`… and everything is cut to Excel's 31 characters,
 * at a word boundary. safeSheetName is the one sanitiser of sheet names: both
 * writers (xlsx/write.ts, excel/write.ts) take their names from here.
 * `isOwnOutputSheet` recognises exactly these names, so the add-in can replace
 * its earlier output when compiling again. A unit sheet that happens to be
 * named like that (`BC Hương Lộc`) would match too: before deleting a `BC …`
 * sheet the add-in should check it reads as `Loại báo cáo: Tổng hợp`.
 */
import { SHEET_NAME_FORBIDDEN, SHEET_NAME_MAX, type SheetRole } from '../sheet-model';
import { shortUnitName } from '../unit-names';
import { withoutControlCharacters } from '../safe-text';

/** The prefix of each kind of sheet (every SheetRole but the findings sheet, which has a name of its own). */
export const OUTPUT_PREFIXES = {
  summary: 'TH', previous: 'SS', charts: 'BĐ', tasks: 'NV', appendix: 'PL', report: 'BC', template: 'Mẫu',
} as const satisfies Record<Exclude<SheetRole, 'findings'>, string>;

/** The kinds a compile writes (a template is the units' to fill, never replaced): the one list isOwnOutputSheet knows. */
const COMPILED_PREFIXES: readonly string[] = Object.entries(OUTPUT_PREFIXES).filter(([role]) => role !== 'template').map(([, p]) => p);
export const FINDINGS_SHEET_NAME = 'Kiểm tra';

function lower(s: string): string {
  return s.toLocaleLowerCase('vi');
}

/**
 * Cut to `max` characters at a word boundary (`Mẫu Văn phòng HĐND và UBND`,
 * never `… UBN`), without splitting a surrogate pair, then tidy the end. A
 * first word longer than `max` is cut where it must be.
 */
function cut(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return tidy(s);
  let end = max;
  if (!/\s/.test(chars[max])) {
    let i = max - 1;
    while (i > 0 && !/\s/.test(chars[i])) i--;
    if (i > 0) end = i;
  }
  return tidy(chars.slice(0, end).join('').replace(/[\s,;.(–-]+$/u, ''));
}

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
}

/**
 * A legal, unused sheet name from `base`: forbidden characters (`/ \ ? * : [ ]`)
 * and control characters (src/core/safe-text.ts) become spaces, no leading/trailing `'`, at most 31 characters, never
 * `History`, unique among `taken` ignoring case (` (2)`, ` (3)`… appended).
 * The chosen name is added to `taken` when it is a Set.
 */
export function safeSheetName(base: string, taken: Iterable<string> = []): string {
  const used = new Set(Array.from(taken, lower));
  let name = tidy(withoutControlCharacters(base).replace(SHEET_NAME_FORBIDDEN, ' '));
  if (!name) name = 'Trang';
  if (lower(name) === 'history') name = 'History 1';
  name = cut(name, SHEET_NAME_MAX);
  let candidate = name;
  for (let n = 2; used.has(lower(candidate)); n++) {
    const suffix = ` (${n})`;
    candidate = cut(name, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  if (taken instanceof Set) taken.add(candidate);
  return candidate;
}

/**
 * Why Excel would refuse `name` as a sheet name (Vietnamese), or null: the same rules
 * safeSheetName makes a name keep (the Excel adapter asks before writing: excel/sheet-names.ts).
 */
export function sheetNameProblem(name: string): string | null {
  if (!name) return 'tên trống';
  if (Array.from(name).length > SHEET_NAME_MAX) return `dài quá ${SHEET_NAME_MAX} ký tự`;
  if (new RegExp(SHEET_NAME_FORBIDDEN.source).test(name)) return 'có ký tự không được dùng (/ \\ ? * : [ ])';
  if (name.startsWith("'") || name.endsWith("'")) return "bắt đầu hoặc kết thúc bằng dấu '";
  if (lower(name) === 'history') return '"History" là tên Excel giữ riêng';
  return null;
}

/** Each name made legal and unique (case-insensitive) in turn, as safeSheetName does: what a writer writes. */
export function uniqueSheetNames(sheets: readonly { name: string }[]): string[] {
  const taken = new Set<string>();
  return sheets.map((s) => safeSheetName(s.name, taken));
}

/** The output sheet name of a role for a unit, e.g. `TH Nam Đông`. */
export function outputSheetBase(role: Exclude<SheetRole, 'findings'>, unit: string): string {
  return `${OUTPUT_PREFIXES[role]} ${shortUnitName(unit)}`;
}

const OWN_OUTPUT = new RegExp(`^(?:(?:${COMPILED_PREFIXES.join('|')}) .+|${FINDINGS_SHEET_NAME}(?: \\(\\d+\\))?)$`);

/** A sheet a compile wrote (`TH …`, `SS …`, `BĐ …`, `NV …`, `PL …`, `BC …`, `Kiểm tra`), to be replaced by the next compile. */
export function isOwnOutputSheet(name: string): boolean {
  return OWN_OUTPUT.test(name.trim());
}
