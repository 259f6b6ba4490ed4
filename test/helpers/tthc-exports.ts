/**
 * One-stop system exports built from the headers of docs/spec/TEMPLATE.md §12 (no real
 * system's file may be copied here): each layout drawn cell by cell with its merges, the
 * way such exports come (empty first column, 2–3 merged header rows, a row of column
 * numbers, numbers stored as text, total and group subtotal rows), written by SheetJS as
 * .xlsx or .xls (BIFF8).
 */
import * as XLSX from '@e965/xlsx';

/** One row of dossiers (a lĩnh vực of a unit, or a unit), the counts a system keeps. */
export interface DossierRow {
  name: string;
  carried: number;
  onlineFull: number;
  onlinePart: number;
  direct: number;
  early: number;
  onTime: number;
  lateApology: number;
  lateNoApology: number;
  pendingInTime: number;
  pendingLate: number;
  withdrawn: number;
  returned: number;
  stopped: number;
}

export const received = (d: DossierRow) => d.carried + d.onlineFull + d.onlinePart + d.direct;
export const late = (d: DossierRow) => d.lateApology + d.lateNoApology;
export const done = (d: DossierRow) => d.early + d.onTime + late(d);
export const pending = (d: DossierRow) => d.pendingInTime + d.pendingLate;

type Cell = string | number | null;
type Merge = [number, number, number, number];

export interface Drawn {
  rows: Cell[][];
  merges: Merge[];
}

/** Draws a header from cells placed at (row, col) spanning rows × cols. */
class Sheet {
  rows: Cell[][] = [];
  merges: Merge[] = [];
  put(r: number, c: number, v: Cell, rowSpan = 1, colSpan = 1): void {
    (this.rows[r] ??= [])[c] = v;
    if (rowSpan > 1 || colSpan > 1) this.merges.push([r, c, r + rowSpan - 1, c + colSpan - 1]);
  }
  line(r: number, c: number, values: Cell[]): void {
    values.forEach((v, i) => this.put(r, c + i, v));
  }
  drawn(): Drawn {
    for (let i = 0; i < this.rows.length; i++) this.rows[i] ??= [];
    return { rows: this.rows, merges: this.merges };
  }
}

/** `1.031`: a number stored as text the Vietnamese way, as some systems export it. */
const asText = (n: number) => n.toLocaleString('de-DE');

const sumRows = (rows: readonly DossierRow[], name: string): DossierRow => {
  const out: DossierRow = { name, carried: 0, onlineFull: 0, onlinePart: 0, direct: 0, early: 0, onTime: 0, lateApology: 0, lateNoApology: 0, pendingInTime: 0, pendingLate: 0, withdrawn: 0, returned: 0, stopped: 0 };
  for (const r of rows) for (const k of Object.keys(out) as (keyof DossierRow)[]) if (k !== 'name') (out[k] as number) += r[k] as number;
  return out;
};

/**
 * (a) Biểu số 06/VPCP/KSTT by lĩnh vực for one unit: empty column A, STT, Lĩnh vực, three
 * merged header rows, a numbering row, the `Tổng cộng` row first, numbers as text in odd rows.
 */
export function circularByField(unit: string, fields: readonly DossierRow[], opts: { totalOverride?: Partial<DossierRow> } = {}): Drawn {
  const s = new Sheet();
  s.put(0, 1, 'Biểu số 06/VPCP/KSTT');
  s.put(1, 1, 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC', 1, 12);
  s.put(2, 1, 'Kỳ báo cáo: Quý I năm 2026 (từ ngày 15/12/2025 đến ngày 14/03/2026)', 1, 12);
  s.put(3, 1, `Đơn vị báo cáo: ${unit}`, 1, 12);
  const h = 5;
  s.put(h, 1, 'STT', 3);
  s.put(h, 2, 'Lĩnh vực, công việc giải quyết theo cấp', 3);
  s.put(h, 3, 'Số hồ sơ nhận giải quyết', 1, 4);
  s.put(h + 1, 3, 'Tổng số', 2);
  s.put(h + 1, 4, 'Trong đó', 1, 3);
  s.line(h + 2, 4, ['Số hồ sơ trực tuyến', 'Trực tiếp, dịch vụ bưu chính', 'Từ kỳ trước']);
  s.put(h, 7, 'Kết quả giải quyết\nSố hồ sơ đã giải quyết', 1, 4);
  s.put(h + 1, 7, 'Tổng số', 2);
  s.put(h + 1, 8, 'Trước hạn', 2);
  s.put(h + 1, 9, 'Đúng hạn', 2);
  s.put(h + 1, 10, 'Quá hạn', 2);
  s.put(h, 11, 'Số hồ sơ đang giải quyết', 1, 3);
  s.put(h + 1, 11, 'Tổng số', 2);
  s.put(h + 1, 12, 'Trong hạn', 2);
  s.put(h + 1, 13, 'Quá hạn', 2);
  s.line(h + 3, 1, ['(1)', '(2)', '(3)=(4)+(5)+(6)', '(4)', '(5)', '(6)', '(7)=(8)+(9)+(10)', '(8)', '(9)', '(10)', '(11)=(12)+(13)', '(12)', '(13)']);
  const row = (d: DossierRow, text: boolean): Cell[] => {
    const n = (x: number) => (text ? asText(x) : x);
    return [n(received(d)), n(d.onlineFull + d.onlinePart), n(d.direct), n(d.carried), n(done(d)), n(d.early), n(d.onTime), n(late(d)), n(pending(d)), n(d.pendingInTime), n(d.pendingLate)];
  };
  const total = { ...sumRows(fields, 'Tổng cộng'), ...opts.totalOverride };
  let r = h + 4;
  s.line(r++, 1, [null, 'Tổng cộng', ...row(total, false)]);
  fields.forEach((d, i) => s.line(r++, 1, [i + 1, d.name, ...row(d, i % 2 === 1)]));
  s.put(r + 1, 10, 'NGƯỜI LẬP BIỂU');
  return s.drawn();
}

/**
 * (b) A province-wide export, one row per unit: other wordings (`Kỳ trước chuyển qua`,
 * `Đúng và trước hạn`, `Chưa đến hạn`), two header rows, group rows `I`/`II` carrying their
 * subtotals, the `Tổng số` row last, the withdrawn column named `Số hồ sơ rút`.
 */
export function provinceByUnit(groups: readonly { name: string; units: readonly DossierRow[] }[]): Drawn {
  const s = new Sheet();
  s.put(0, 1, 'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH', 1, 12);
  s.put(1, 1, 'Từ ngày 15/12/2025 đến ngày 14/03/2026', 1, 12);
  const h = 3;
  s.put(h, 1, 'STT', 2);
  s.put(h, 2, 'Tên đơn vị', 2);
  s.put(h, 3, 'Số hồ sơ nhận giải quyết', 1, 4);
  s.line(h + 1, 3, ['Tổng số', 'Kỳ trước chuyển qua', 'Tiếp nhận trực tuyến', 'Tiếp nhận trực tiếp']);
  s.put(h, 7, 'Số hồ sơ đã giải quyết', 1, 3);
  s.line(h + 1, 7, ['Tổng số', 'Đúng và trước hạn', 'Quá hạn']);
  s.put(h, 10, 'Số hồ sơ đang giải quyết', 1, 3);
  s.line(h + 1, 10, ['Tổng số', 'Chưa đến hạn', 'Quá hạn']);
  s.put(h, 13, 'Số hồ sơ rút', 2);
  const row = (d: DossierRow): Cell[] => [received(d), d.carried, d.onlineFull + d.onlinePart, d.direct, done(d), d.early + d.onTime, late(d), pending(d), d.pendingInTime, d.pendingLate, d.withdrawn];
  let r = h + 2;
  const roman = ['I', 'II', 'III', 'IV'];
  let k = 1;
  groups.forEach((g, gi) => {
    s.line(r++, 1, [roman[gi], g.name, ...row(sumRows(g.units, g.name))]);
    for (const u of g.units) s.line(r++, 1, [k++, u.name, ...row(u).map((v, i) => (i % 3 === 1 ? asText(v as number) : v))]);
  });
  s.line(r++, 1, [null, 'Tổng số', ...row(sumRows(groups.flatMap((g) => g.units), 'Tổng số'))]);
  return s.drawn();
}

/**
 * (c) A newer layout: Trực tuyến split into toàn trình / một phần, Quá hạn split by apology
 * letter, `Rút hồ sơ` / `Trả lại` / `Dừng xử lý` columns, three header rows, by unit,
 * no total row, a `Cộng khối xã` subtotal row under its units.
 */
export function newerByUnit(units: readonly DossierRow[], subtotalAfter: number): Drawn {
  const s = new Sheet();
  s.put(0, 0, 'THỐNG KÊ KẾT QUẢ GIẢI QUYẾT TTHC', 1, 10);
  s.put(1, 0, 'Tính đến ngày 14/03/2026', 1, 10);
  const h = 3;
  s.put(h, 0, 'TT', 3);
  s.put(h, 1, 'Đơn vị', 3);
  s.put(h, 2, 'SỐ HỒ SƠ NHẬN GIẢI QUYẾT', 1, 5);
  s.put(h + 1, 2, 'Tổng số', 2);
  s.put(h + 1, 3, 'Trực tuyến', 1, 2);
  s.line(h + 2, 3, ['Toàn trình', 'Một phần']);
  s.put(h + 1, 5, 'Trực tiếp, BCCI', 2);
  s.put(h + 1, 6, 'Từ kỳ trước', 2);
  s.put(h, 7, 'SỐ HỒ SƠ ĐÃ GIẢI QUYẾT', 1, 5);
  s.put(h + 1, 7, 'Tổng số', 2);
  s.put(h + 1, 8, 'Trước hạn', 2);
  s.put(h + 1, 9, 'Đúng hạn', 2);
  s.put(h + 1, 10, 'Quá hạn', 1, 2);
  s.line(h + 2, 10, ['Đã có thư xin lỗi', 'Chưa có thư xin lỗi']);
  s.put(h, 12, 'SỐ HỒ SƠ ĐANG GIẢI QUYẾT', 1, 3);
  s.put(h + 1, 12, 'Tổng số', 2);
  s.put(h + 1, 13, 'Trong hạn', 2);
  s.put(h + 1, 14, 'Quá hạn', 2);
  s.put(h, 15, 'Rút hồ sơ', 3);
  s.put(h, 16, 'Trả lại', 3);
  s.put(h, 17, 'Dừng xử lý', 3);
  const row = (d: DossierRow): Cell[] => [received(d), d.onlineFull, d.onlinePart, d.direct, d.carried, done(d), d.early, d.onTime, d.lateApology, d.lateNoApology, pending(d), d.pendingInTime, d.pendingLate, d.withdrawn, d.returned, d.stopped];
  let r = h + 3;
  units.forEach((u, i) => {
    s.line(r++, 0, [i + 1, u.name, ...row(u)]);
    if (i + 1 === subtotalAfter) s.line(r++, 0, [null, 'Cộng khối xã', ...row(sumRows(units.slice(0, subtotalAfter), 'Cộng khối xã'))]);
  });
  return s.drawn();
}

/**
 * (d) A layout the reader was not designed around: one flat header row whose cells each say
 * the whole thing (`Tiếp nhận trong kỳ`, `Đã giải quyết trễ hạn`, `Đang giải quyết trễ hạn`),
 * figures in another order, rate and note columns between them, the unit in column A.
 */
export function flatOneRow(units: readonly DossierRow[]): Drawn {
  const s = new Sheet();
  s.put(0, 0, 'Danh sách đơn vị - kết quả xử lý hồ sơ');
  s.line(2, 0, ['Xã, phường', 'Kỳ trước chuyển sang', 'Tiếp nhận trong kỳ', 'Trong đó trực tuyến', 'Đã giải quyết trước hạn', 'Đã giải quyết đúng hạn',
    'Tỷ lệ đúng hạn (%)', 'Đã giải quyết trễ hạn', 'Đang giải quyết', 'Đang giải quyết trễ hạn', 'Công dân rút hồ sơ', 'Ghi chú']);
  units.forEach((u, i) => {
    const d = done(u);
    s.line(3 + i, 0, [u.name, u.carried, u.onlineFull + u.onlinePart + u.direct, u.onlineFull + u.onlinePart, u.early, u.onTime,
      d ? Math.round(((u.early + u.onTime) / d) * 1000) / 10 : null, late(u), pending(u), u.pendingLate, u.withdrawn, null]);
  });
  return s.drawn();
}

/** The drawn sheet as file bytes: `.xlsx`, or `.xls` (BIFF8, as older one-stop systems export). */
export function exportBytes(drawn: Drawn, bookType: 'xlsx' | 'biff8', sheet = 'Sheet1'): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(drawn.rows.map((r) => Array.from(r, (v) => (v === null || v === undefined ? undefined : v))));
  ws['!merges'] = drawn.merges.map(([r1, c1, r2, c2]) => ({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  return new Uint8Array(XLSX.write(wb, { bookType, type: 'buffer' }) as Buffer);
}

/** Units of a small province (names written as a one-stop system writes them: no `UBND`). */
export function sampleUnits(): DossierRow[] {
  const mk = (name: string, base: number, extra: Partial<DossierRow> = {}): DossierRow => ({
    name, carried: base % 17, onlineFull: base * 3, onlinePart: base + 4, direct: base * 2 + 1,
    early: base * 2, onTime: base * 3 + 2, lateApology: base % 3, lateNoApology: (base + 1) % 2, pendingInTime: 0, pendingLate: base % 4,
    withdrawn: base % 5 === 0 ? 2 : 0, returned: base % 7 === 0 ? 1 : 0, stopped: 0, ...extra,
  });
  // pendingInTime balances each row: received = done + pending + withdrawn/returned/stopped.
  const units = [mk('Xã Hương Lộc', 35), mk('Xã Thượng Quảng', 21), mk('Phường Phú Xuân', 140, { stopped: 3 }), mk('Xã Lộc Bổn', 12)];
  for (const u of units) u.pendingInTime = received(u) - done(u) - u.pendingLate - u.withdrawn - u.returned - u.stopped;
  return units;
}

/** Lĩnh vực rows of one unit. */
export function sampleFields(): DossierRow[] {
  return sampleUnits().map((u, i) => ({ ...u, name: ['Hộ tịch', 'Chứng thực', 'Đất đai', 'Bảo trợ xã hội'][i] }));
}
