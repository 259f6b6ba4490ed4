/**
 * Approval of a unit's report (issue 11), the part that is pure: the
 * fingerprint of a sheet's values and the check that an approved sheet has
 * not changed since. The add-in keeps the records in a hidden sheet of the
 * compiling workbook (APPROVAL_SHEET_NAME, one row per record, the columns
 * of APPROVAL_HEADERS) and protects the approved sheet; this module only
 * reads and writes those rows as a grid.
 *
 * The fingerprint covers what the compile reads, the values at their
 * addresses, not formatting: recolouring a cell (Tô màu) keeps an approval,
 * changing a figure or moving it to another row voids it.
 */
import { makeFinding, type Finding } from './findings';
import type { CellValue, SheetGrid } from './grid';
import { unitKey } from './unit-names';

export const APPROVAL_SHEET_NAME = 'Phê duyệt';
export const APPROVED = 'Đã duyệt';
export const RETURNED = 'Trả lại';
export type ApprovalState = typeof APPROVED | typeof RETURNED;

export const APPROVAL_HEADERS = ['Đơn vị', 'Trang', 'Trạng thái', 'Thời điểm', 'Lý do', 'Dấu vân tay'] as const;

export interface ApprovalRecord {
  unit: string;
  sheet: string;
  state: ApprovalState;
  /** ISO date and time. */
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
 * changes it and an empty margin around the used range does not.
 */
export function sheetFingerprint(grid: Pick<SheetGrid, 'cells' | 'originRow' | 'originCol'>): string {
  const parts: string[] = [];
  grid.cells.forEach((row, r) => row.forEach((v, c) => {
    const t = cellText(v);
    if (t) parts.push(`${grid.originRow + r},${grid.originCol + c}=${t}`);
  }));
  const s = parts.join('\u0001');
  return fnv(s, 0x811c9dc5).toString(16).padStart(8, '0') + fnv(s, 0x01000193 ^ 0x5bd1e995).toString(16).padStart(8, '0');
}

/** The records as the hidden sheet's rows (header first). */
export function approvalsToRows(records: readonly ApprovalRecord[]): string[][] {
  return [[...APPROVAL_HEADERS], ...records.map((r) => [r.unit, r.sheet, r.state, r.time, r.reason ?? '', r.fingerprint])];
}

/** The records of the hidden sheet; rows that are not a record (blank, unknown state) are left out. */
export function readApprovals(grid: Pick<SheetGrid, 'cells'>): ApprovalRecord[] {
  const out: ApprovalRecord[] = [];
  for (const row of grid.cells.slice(1)) {
    const [unit, sheet, state, time, reason, fingerprint] = row.map((v) => (v === null || typeof v === 'object' ? '' : String(v).trim()));
    if (!unit || !sheet || !fingerprint || (state !== APPROVED && state !== RETURNED)) continue;
    out.push({ unit, sheet, state, time, fingerprint, ...(reason ? { reason } : {}) });
  }
  return out;
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

export interface ApprovalCheck {
  /** Units whose approval holds (unitKey → record). */
  approved: Map<string, ApprovalRecord>;
  /** An error for each approved sheet changed (or gone) since: its approval is void. */
  findings: Finding[];
}

/** Each approved unit's sheet against its recorded fingerprint. */
export function checkApprovals(grids: readonly SheetGrid[], records: readonly ApprovalRecord[]): ApprovalCheck {
  const approved = new Map<string, ApprovalRecord>();
  const findings: Finding[] = [];
  for (const [k, r] of latestApprovals(records)) {
    if (r.state !== APPROVED) continue;
    const grid = grids.find((g) => !g.file && g.sheet === r.sheet);
    if (!grid) {
      findings.push(makeFinding('error', { unit: r.unit, sheet: r.sheet, cell: '' }, 'approval.sheet-gone',
        `Báo cáo của ${r.unit} đã được duyệt nhưng trang "${r.sheet}" không còn trong sổ: phê duyệt không còn hiệu lực.`));
    } else if (sheetFingerprint(grid) !== r.fingerprint) {
      findings.push(makeFinding('error', { unit: r.unit, sheet: r.sheet, cell: '' }, 'approval.changed',
        `Báo cáo của ${r.unit} (trang "${r.sheet}") đã bị sửa sau khi được duyệt lúc ${r.time}: phê duyệt không còn hiệu lực, cần kiểm tra và duyệt lại.`));
    } else approved.set(k, r);
  }
  return { approved, findings };
}
