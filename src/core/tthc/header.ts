/**
 * The header of a one-stop export (docs/spec/TEMPLATE.md §12): found by its text over
 * two or three merged header rows, never by position. A merged cell's text sits in its
 * top-left cell only, so a group heading is carried right over the columns under it.
 */
import { cellAt, isCellError, type SheetGrid } from '../grid';
import { cellText, foldLoose } from '../text';

/** What a column holds. Parts (`onlinePart`, `latePart`) are summed when their total is absent. */
export type ColumnRole =
  | 'received' | 'receivedNew' | 'carried' | 'online' | 'onlinePart' | 'direct'
  | 'done' | 'early' | 'onTime' | 'earlyOrOnTime' | 'late' | 'latePart'
  | 'pending' | 'pendingInTime' | 'pendingLate'
  | 'withdrawn' | 'returned' | 'stopped'
  | 'unit' | 'field' | 'stt';

export interface ExportColumn {
  col: number;
  role: ColumnRole;
  /** The header texts over it, top to bottom (`Số hồ sơ đã giải quyết › Quá hạn › đã có thư xin lỗi`). */
  header: string;
}

export interface ExportHeader {
  /** 0-based grid rows of the header (first and last). */
  top: number;
  bottom: number;
  /** First data row (after the header and an optional row of column numbers). */
  firstData: number;
  columns: ExportColumn[];
}

type Group = 'received' | 'done' | 'pending';

/** Group headings, folded (foldLoose) and padded with spaces so that whole words match. */
const GROUPS: readonly [Group, RegExp][] = [
  ['pending', / (dang giai quyet|dang xu ly|dang thu ly|chua giai quyet xong) /],
  ['done', / (da giai quyet|da xu ly|giai quyet xong|da tra ket qua) /],
  ['received', / (nhan giai quyet|tiep nhan|can giai quyet|phai giai quyet) /],
];

const has = (text: string, re: RegExp) => re.test(` ${text} `);

function groupOf(text: string): { group: Group; rest: string } | null {
  const padded = ` ${text} `;
  for (const [group, re] of GROUPS) {
    const m = re.exec(padded);
    if (m) return { group, rest: (padded.slice(0, m.index) + ' ' + padded.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim() };
  }
  return null;
}

const LATE = / (qua han|tre han|tre hen) /;
const APOLOGY = / (thu xin loi|xin loi) /;

/** The role of a column from its header path (folded), or null for a column the figures do not use. */
export function roleOf(path: string): ColumnRole | null {
  // Withdrawn / returned / stopped: wherever they stand (a group of their own, or none).
  if (has(path, / rut /)) return 'withdrawn';
  if (has(path, / tra lai /) && !has(path, / tra lai ket qua /)) return 'returned';
  if (has(path, / (dung xu ly|tam dung|dung giai quyet|dung thu ly) /)) return 'stopped';
  if (has(path, / ky truoc /)) return 'carried';
  const g = groupOf(path);
  if (!g) {
    if (has(path, / (stt|so thu tu|tt) /)) return 'stt';
    if (has(path, / linh vuc /)) return 'field';
    // `Trong đó trực tuyến` standing alone in a flat header: only received dossiers are counted online.
    if (has(path, / truc tuyen /) && !has(path, / ty le /)) return has(path, / (toan trinh|mot phan) /) ? 'onlinePart' : 'online';
    if (has(path, / (don vi|co quan|dia phuong|xa phuong|ten xa) /)) return 'unit';
    return null;
  }
  const r = g.rest;
  switch (g.group) {
    case 'received':
      if (has(r, / truc tuyen /)) return has(r, / (toan trinh|mot phan) /) ? 'onlinePart' : 'online';
      if (has(r, / (truc tiep|buu chinh) /)) return 'direct';
      if (has(r, / (trong ky|moi) /)) return 'receivedNew';
      if (r === '' || has(r, / (tong so|tong cong|tong) /) || r === 'so ho so' || r === 'so luong') return 'received';
      return null;
    case 'done':
      if (has(r, LATE)) return has(r, APOLOGY) ? 'latePart' : 'late';
      // `Đúng và trước hạn`, `Trước và đúng hạn`, `Trong hạn`: one column for both.
      if ((has(r, / truoc han /) && has(r, / dung /)) || (has(r, / dung han /) && has(r, / truoc /)) || has(r, / trong han /)) return 'earlyOrOnTime';
      if (has(r, / truoc han /)) return 'early';
      if (has(r, / dung han /)) return 'onTime';
      if (r === '' || has(r, / (tong so|tong cong|tong) /) || r === 'so ho so' || r === 'so luong') return 'done';
      return null;
    case 'pending':
      if (has(r, LATE)) return 'pendingLate';
      if (has(r, / (trong han|chua den han|chua qua han) /)) return 'pendingInTime';
      if (r === '' || has(r, / (tong so|tong cong|tong) /) || r === 'so ho so' || r === 'so luong') return 'pending';
      return null;
  }
}

const folded = (grid: SheetGrid, r: number, c: number) => foldLoose(cellText(cellAt(grid, r, c)));

function isNumberLike(v: unknown): boolean {
  if (typeof v === 'number') return true;
  return typeof v === 'string' && /^\s*[\d.,\s]+\s*$/.test(v) && /\d/.test(v);
}

/** A row of column numbers under the header: `1 2 3 …` or `(1) (2) (3)=(4)+(5) …`. */
function isNumberingRow(grid: SheetGrid, r: number, width: number): boolean {
  const vals: string[] = [];
  for (let c = 0; c < width; c++) {
    const t = cellText(cellAt(grid, r, c));
    if (t) vals.push(t);
  }
  if (vals.length < 3) return false;
  if (vals.every((t) => /^[\d()=+\-–−*/.,\s]+$/.test(t)) && vals.some((t) => t.includes('('))) return true;
  const ints = vals.map(Number);
  return ints.every((n, i) => Number.isInteger(n) && (i === 0 || n === ints[i - 1] + 1)) && ints[0] <= 2;
}

/** A header row: text with letters, and no number where the figures would be. */
function isHeaderRow(grid: SheetGrid, r: number, width: number): boolean {
  let words = false;
  for (let c = 0; c < width; c++) {
    const v = cellAt(grid, r, c);
    if (v === null || isCellError(v)) continue;
    if (isNumberLike(v)) return false;
    if (/\p{L}/u.test(cellText(v))) words = true;
  }
  return words;
}

const SCAN_ROWS = 40;
const MAX_HEADER_ROWS = 4;
/** A row above the group row that belongs to the header (a heading over every group, or STT / unit cells merged down from it). */
const SUPER_HEADER = / (so luong ho so|ho so tthc|ket qua giai quyet|stt|ten don vi|linh vuc) /;

/** The export's header, or null when the grid has none (no row naming two of the groups). */
export function findHeader(grid: SheetGrid): ExportHeader | null {
  const width = Math.max(0, ...grid.cells.map((r) => r.length));
  let top = -1;
  for (let r = 0; r < Math.min(grid.cells.length, SCAN_ROWS) && top < 0; r++) {
    const groups = new Set<Group>();
    for (let c = 0; c < width; c++) {
      const g = groupOf(folded(grid, r, c));
      if (g) groups.add(g.group);
    }
    if (groups.size >= 2) top = r;
  }
  if (top < 0) return null;
  for (let k = 0; k < 2 && top > 0; k++) {
    let above = false;
    for (let c = 0; c < width; c++) if (has(folded(grid, top - 1, c), SUPER_HEADER)) above = true;
    if (!above) break;
    top--;
  }
  let bottom = top;
  while (bottom + 1 < grid.cells.length && bottom + 1 - top < MAX_HEADER_ROWS && isHeaderRow(grid, bottom + 1, width) && !isNumberingRow(grid, bottom + 1, width)) bottom++;
  let firstData = bottom + 1;
  while (firstData < grid.cells.length && isNumberingRow(grid, firstData, width)) firstData++;

  // Each header row's text per column, a heading carried right over the columns under it:
  // an empty cell takes its left neighbour's text when the row above is the same over both
  // (same parent) and something stands under it (else it is the lower part of a cell merged down).
  const filled: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: string[] = [];
    for (let c = 0; c < width; c++) {
      let t = cellText(cellAt(grid, r, c));
      if (!t && c > 0 && row[c - 1]) {
        const sameParent = r === top || filled[r - top - 1][c] === filled[r - top - 1][c - 1];
        let below = false;
        for (let rr = r + 1; rr <= bottom; rr++) if (cellText(cellAt(grid, rr, c))) below = true;
        if (sameParent && below) t = row[c - 1];
      }
      row.push(t);
    }
    filled.push(row);
  }
  const columns: ExportColumn[] = [];
  for (let c = 0; c < width; c++) {
    const parts = filled.map((row) => row[c]).filter((t, i, all) => t && t !== all[i - 1]);
    const role = roleOf(foldLoose(parts.join(' ')));
    if (role) columns.push({ col: c, role, header: parts.map((p) => p.replace(/\s+/g, ' ')).join(' › ') });
  }
  return { top, bottom, firstData, columns };
}
