/**
 * Approval of a unit's report, the part that is pure: the
 * fingerprint of a sheet's values and the check that an approved sheet has
 * not changed since. The add-in keeps the records in a hidden sheet of the
 * compiling workbook (APPROVAL_SHEET_NAME, one row per record, the columns
 * of APPROVAL_HEADERS) and protects the approved sheet; this module only
 * reads and writes those rows as a grid.
 *
 * The compile (compile.ts) meets the record as one more sheet: readSheet
 * recognises it (isApprovalSheet) and hands its rows over instead of reading
 * it as a report, and gives each report's fingerprint; applyApprovals then
 * says which reports are approved, returned, or approved and changed since.
 *
 * The fingerprint covers what the compile reads, the values at their
 * addresses, not formatting: recolouring a cell (Tô màu) keeps an approval,
 * changing a figure or moving it to another row voids it.
 */
import { formatDateVi } from './dates';
import { makeFinding, type Finding } from './findings';
import type { CellValue, SheetGrid } from './grid';
import type { ChildRow, ReportEntry } from './model';
import { STATUS_MISSING } from './template';
import { fold } from './text';
import { unitKey } from './unit-names';

export const APPROVAL_SHEET_NAME = 'Phê duyệt';
export const APPROVED = 'Đã duyệt';
export const RETURNED = 'Trả lại';
export type ApprovalState = typeof APPROVED | typeof RETURNED;

export const APPROVAL_HEADERS = ['Đơn vị', 'Mã đơn vị', 'Trang', 'Trạng thái', 'Thời điểm', 'Lý do', 'Dấu vân tay'] as const;
/** The rule of the compile's warning for a report left out by «Chỉ tổng hợp báo cáo đã duyệt» (CompileOptions.approvedOnly). */
export const NOT_APPROVED_RULE = 'approval.not-approved';
/**
 * A finding of the reviewer's own bookkeeping (an approval voided, a report
 * left out by «Chỉ tổng hợp báo cáo đã duyệt»): not the unit's to correct,
 * so never in its Phiếu phản hồi.
 */
export function isApprovalFinding(f: Pick<Finding, 'rule'>): boolean {
  return f.rule.startsWith('approval.');
}
/** What the tasks sheet and the pane say of a report with no record (or an approval made void). */
export const NOT_APPROVED = 'Chưa duyệt';

export interface ApprovalRecord {
  unit: string;
  unitCode?: string;
  sheet: string;
  /** The file the record sheet came from (command line); absent for the open workbook. */
  file?: string;
  state: ApprovalState;
  /** Local date and time, `yyyy-mm-ddThh:mm:ss` (sorts as it reads). */
  time: string;
  reason?: string;
  fingerprint: string;
}

function cellText(v: CellValue): string {
  if (v === null || v === '') return '';
  if (typeof v === 'object') return `#${v.error}`;
  return `${typeof v}:${String(v)}`;
}

/** FNV-1a, 32 bits, over UTF-16 code units: small, dependency-free, and two independent seeds make 64 bits. */
function fnv(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * The fingerprint of a sheet's values: every non-empty cell with its
 * absolute address (originRow/originCol), so a value moved to another row
 * changes it and an empty margin around the used range does not. It covers
 * too what changes the reading without changing a cell (docs/spec/TEMPLATE.md §13):
 * the workbook's 1904 date system (it moves every date four years) and
 * whether the sheet is hidden (a hidden copy never wins over a visible one).
 * Both are added only when set, so a visible sheet of a 1900 workbook keeps
 * the fingerprint it always had.
 */
export function sheetFingerprint(grid: Pick<SheetGrid, 'cells' | 'originRow' | 'originCol' | 'date1904' | 'hidden'>): string {
  const parts: string[] = [];
  grid.cells.forEach((row, r) => row?.forEach((v, c) => {
    const t = cellText(v);
    if (t) parts.push(`${grid.originRow + r},${grid.originCol + c}=${t}`);
  }));
  if (grid.date1904) parts.push('date1904');
  if (grid.hidden) parts.push('hidden');
  const s = parts.join('\u0001');
  return fnv(s, 0x811c9dc5).toString(16).padStart(8, '0') + fnv(s, 0x01000193 ^ 0x5bd1e995).toString(16).padStart(8, '0');
}

/** The time of a record as written in the sheet: the local clock, to the second. */
export function approvalTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** `09:05 ngày 05/11/2025`, as messages say a record's time. */
export function approvalTimeVi(time: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(time);
  if (!m) return time;
  return `${m[4] ? `${m[4]}:${m[5]} ` : ''}ngày ${m[3]}/${m[2]}/${m[1]}`;
}

/** One record as the hidden sheet's row (APPROVAL_HEADERS order). */
export function approvalRow(r: ApprovalRecord): string[] {
  return [r.unit, r.unitCode ?? '', r.sheet, r.state, r.time, r.reason ?? '', r.fingerprint];
}

/** The records as the hidden sheet's rows (header first). */
export function approvalsToRows(records: readonly ApprovalRecord[]): string[][] {
  return [[...APPROVAL_HEADERS], ...records.map(approvalRow)];
}

const HEADER_KEYS = APPROVAL_HEADERS.map((h) => fold(h));
const textOf = (v: CellValue | undefined): string => (v === null || v === undefined || typeof v === 'object' ? '' : String(v).trim());

/** Column of each header in the first row; null when the row is not the record's header. */
function headerColumns(row: readonly CellValue[] | undefined): number[] | null {
  if (!row) return null;
  const keys = row.map((v) => fold(textOf(v)));
  const cols = HEADER_KEYS.map((k) => keys.indexOf(k));
  // Unit, sheet, state and fingerprint are what a record cannot do without.
  return [0, 2, 3, 6].every((i) => cols[i] >= 0) ? cols : null;
}

/** The hidden record sheet of the compiling workbook: its name, and the header the add-in writes. */
export function isApprovalSheet(grid: Pick<SheetGrid, 'sheet' | 'cells'>): boolean {
  return fold(grid.sheet ?? '') === fold(APPROVAL_SHEET_NAME) && headerColumns(grid.cells[0]) !== null;
}

/** The records of the hidden sheet; rows that are not a record (blank, unknown state) are left out. */
export function readApprovals(grid: Pick<SheetGrid, 'cells'> & { file?: string }): ApprovalRecord[] {
  const cols = headerColumns(grid.cells[0]) ?? [0, 1, 2, 3, 4, 5, 6];
  const out: ApprovalRecord[] = [];
  for (const row of grid.cells.slice(1)) {
    if (!row) continue;
    const [unit, unitCode, sheet, state, time, reason, fingerprint] = cols.map((c) => (c >= 0 ? textOf(row[c]) : ''));
    if (!unit || !sheet || !fingerprint || (state !== APPROVED && state !== RETURNED)) continue;
    out.push({
      unit, ...(unitCode ? { unitCode } : {}), sheet, ...(grid.file ? { file: grid.file } : {}), state, time, fingerprint, ...(reason ? { reason } : {}),
    });
  }
  return out;
}

/** The day of a record's time (`yyyy-mm-dd`), as the compile's day is compared with it. */
const recordDay = (r: Pick<ApprovalRecord, 'time'>): string => r.time.slice(0, 10);

/** The records the compile believes, and why the others are not. */
export interface BelievedApprovals {
  records: ApprovalRecord[];
  findings: Finding[];
}

/**
 * The records only the compiling officer can have written (docs/spec/TEMPLATE.md §13).
 * A record is believed when it comes from the compiling workbook: the sheets
 * read without a file (the open workbook, or one workbook read in memory)
 * or a file in `compilingFiles` (the one holding the plan, or the compiling
 * unit's own earlier output). A `Phê duyệt` sheet of any other file is a
 * unit's or anyone's: ignored, one warning naming the file. A record whose
 * time is after `today` (`yyyy-mm-dd`, the day of the compile) cannot have
 * been made yet: an error, and ignored (else it would outlast every true one).
 */
export function believedApprovals(records: readonly ApprovalRecord[], compilingFiles: ReadonlySet<string>, today: string): BelievedApprovals {
  const out: ApprovalRecord[] = [];
  const findings: Finding[] = [];
  const foreign = new Map<string, string[]>();
  for (const r of records) {
    if (r.file !== undefined && !compilingFiles.has(r.file)) {
      const units = foreign.get(r.file) ?? [];
      if (!units.includes(r.unit)) units.push(r.unit);
      foreign.set(r.file, units);
      continue;
    }
    if (recordDay(r) > today) {
      findings.push(makeFinding('error', { unit: r.unit, ...(r.file ? { file: r.file } : {}), sheet: APPROVAL_SHEET_NAME, cell: '' }, 'approval.future',
        `Ghi nhận «${r.state}» báo cáo của ${r.unit} (trang '${r.sheet}') ghi thời điểm ${approvalTimeVi(r.time)}, sau ngày tổng hợp (${formatDateVi(today)}): ghi nhận này không được tính.`));
      continue;
    }
    out.push(r);
  }
  for (const [file, units] of foreign) {
    findings.push(makeFinding('warning', { unit: '', file, sheet: APPROVAL_SHEET_NAME, cell: '' }, 'approval.foreign',
      `Tệp '${file}' có trang '${APPROVAL_SHEET_NAME}' (ghi nhận cho ${units.join(', ')}) nhưng không phải sổ tổng hợp (không có trang Kế hoạch hay kết quả tổng hợp trước của đơn vị tổng hợp): các ghi nhận duyệt, trả lại trong đó không được tính. Chỉ người tổng hợp duyệt hoặc trả lại báo cáo, trong sổ tổng hợp.`));
  }
  return { records: out, findings };
}

/** The latest record of each unit (a unit approved, then returned, is returned). */
export function latestApprovals(records: readonly ApprovalRecord[]): Map<string, ApprovalRecord> {
  const out = new Map<string, ApprovalRecord>();
  for (const r of records) {
    const k = unitKey(r.unit);
    const was = out.get(k);
    if (!was || was.time <= r.time) out.set(k, r);
  }
  return out;
}

/** A sheet as the check needs it: where it is and its fingerprint. */
export interface SheetPrint {
  file?: string;
  sheet: string;
  fingerprint: string;
}

export interface ApprovalCheck {
  /** Units whose approval holds (unitKey → record). */
  approved: Map<string, ApprovalRecord>;
  /** Units returned (Trả lại) by their latest record (unitKey → record). */
  returned: Map<string, ApprovalRecord>;
  /** An error for each approved sheet changed (or gone) since: its approval is void. */
  findings: Finding[];
}

/** The record's sheet among `sheets`: same workbook (file) and name (compared as Excel does, ignoring case). */
export function sheetOfRecord<T extends Pick<SheetPrint, 'file' | 'sheet'>>(sheets: readonly T[], r: Pick<ApprovalRecord, 'file' | 'sheet'>): T | undefined {
  return sheets.find((g) => (g.file ?? '') === (r.file ?? '') && g.sheet.toLowerCase() === r.sheet.toLowerCase());
}

/** Each approved unit's sheet against its recorded fingerprint; the returned units. */
export function checkApprovalPrints(sheets: readonly SheetPrint[], records: readonly ApprovalRecord[]): ApprovalCheck {
  const approved = new Map<string, ApprovalRecord>();
  const returned = new Map<string, ApprovalRecord>();
  const findings: Finding[] = [];
  for (const [k, r] of latestApprovals(records)) {
    if (r.state === RETURNED) {
      returned.set(k, r);
      continue;
    }
    const at = { unit: r.unit, ...(r.file ? { file: r.file } : {}), sheet: r.sheet, cell: '' };
    const sheet = sheetOfRecord(sheets, r);
    if (!sheet) {
      findings.push(makeFinding('error', at, 'approval.sheet-gone',
        `Báo cáo của ${r.unit} đã được duyệt lúc ${approvalTimeVi(r.time)} nhưng trang '${r.sheet}' không còn trong sổ: việc duyệt không còn giá trị.`));
    } else if (sheet.fingerprint !== r.fingerprint) {
      findings.push(makeFinding('error', at, 'approval.changed',
        `Báo cáo của ${r.unit} (trang '${r.sheet}') đã được duyệt lúc ${approvalTimeVi(r.time)} nhưng đã bị sửa sau đó: việc duyệt không còn giá trị. Hãy kiểm tra lại báo cáo rồi duyệt lại.`));
    } else approved.set(k, r);
  }
  return { approved, returned, findings };
}

/** The same check on grids (the sheets as read). */
export function checkApprovals(grids: readonly SheetGrid[], records: readonly ApprovalRecord[]): ApprovalCheck {
  return checkApprovalPrints(grids.map((g) => ({ file: g.file, sheet: g.sheet, fingerprint: sheetFingerprint(g) })), records);
}

/** The reasons of the units returned (latest record Trả lại), by unitKey: what the Phiếu phản hồi quotes (LettersOptions.returned). */
export function returnedReasons(records: readonly ApprovalRecord[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, r] of latestApprovals(records)) if (r.state === RETURNED) out[k] = r.reason ?? '';
  return out;
}

/**
 * The records against the compile's reports: each report whose unit's latest
 * record is about its sheet gets that record (`entry.approval`), unless it
 * was approved and has changed since (then an error, and no approval).
 */
export function applyApprovals(entries: readonly ReportEntry[], records: readonly ApprovalRecord[]): Finding[] {
  if (!records.length) return [];
  const sheets = entries.map((e) => ({ file: e.report.source.file, sheet: e.report.source.sheet, fingerprint: e.fingerprint ?? '' }));
  const check = checkApprovalPrints(sheets, records);
  for (const entry of entries) {
    const k = unitKey(entry.report.unit);
    const rec = check.approved.get(k) ?? check.returned.get(k);
    if (rec && sheetOfRecord([entry.report.source], rec)) entry.approval = rec;
  }
  return check.findings;
}

/** What a report's approval state is called (the tasks sheet, the pane). */
export function approvalLabel(approval: Pick<ApprovalRecord, 'state'> | ApprovalState | undefined): string {
  if (!approval) return NOT_APPROVED;
  return typeof approval === 'string' ? approval : approval.state;
}

/**
 * A child's approval state as a compiled view says it: a unit that sent no
 * report has nothing waiting for the officer, so it reads Chưa nộp (its
 * status, template.ts STATUS_MISSING), never Chưa duyệt. A unit whose report
 * is not counted (Không tính) did send one: its approval state stands.
 */
export function childApprovalLabel(c: Pick<ChildRow, 'status' | 'approval'>): string {
  return c.status === STATUS_MISSING ? STATUS_MISSING : approvalLabel(c.approval);
}
