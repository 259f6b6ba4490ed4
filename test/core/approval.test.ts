/**
 * The pure part of approval (src/core/approval.ts): a sheet's fingerprint
 * changes with its values and their places, not with nothing; the hidden
 * sheet's rows read back; a changed approved sheet voids its approval with
 * an error naming the unit.
 */
import {
  APPROVED, RETURNED, approvalsToRows, believedApprovals, checkApprovals, readApprovals, sheetFingerprint, type ApprovalRecord,
} from '../../src/core/approval';
import type { SheetGrid } from '../../src/core/grid';
import { unitKey } from '../../src/core/unit-names';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';

const grid = makeUnitGrid(sampleSpec({ unit: 'UBND xã Hương Lộc' }));
const edit = (g: SheetGrid, r: number, c: number, v: SheetGrid['cells'][number][number]): SheetGrid =>
  ({ ...g, cells: g.cells.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : [...row])) });
const firstNumber = (g: SheetGrid) => {
  for (let r = 0; r < g.cells.length; r++) for (let c = 0; c < g.cells[r].length; c++) if (typeof g.cells[r][c] === 'number') return { r, c };
  throw new Error('no number');
};

describe('approval', () => {
  it('fingerprints values at their addresses: same values same print; a figure changed or moved, another', () => {
    const fp = sheetFingerprint(grid);
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(sheetFingerprint({ ...grid, cells: grid.cells.map((r) => [...r, null]) })).toBe(fp);
    const { r, c } = firstNumber(grid);
    const v = grid.cells[r][c] as number;
    expect(sheetFingerprint(edit(grid, r, c, v + 1))).not.toBe(fp);
    expect(sheetFingerprint(edit(grid, r, c, String(v)))).not.toBe(fp); // typed as text
    expect(sheetFingerprint({ ...grid, originRow: grid.originRow + 1 })).not.toBe(fp); // every value one row down
  });

  it('the hidden sheet rows read back as the records, blank and unknown rows left out', () => {
    const records: ApprovalRecord[] = [
      { unit: 'UBND xã Hương Lộc', sheet: 'Hương Lộc', state: APPROVED, time: '2025-11-05T09:00', fingerprint: sheetFingerprint(grid) },
      { unit: 'UBND xã Hương Phú', sheet: 'Hương Phú', state: RETURNED, time: '2025-11-05T09:05', reason: 'Thiếu số liệu D1–D8', fingerprint: 'ab' },
    ];
    const rows = approvalsToRows(records);
    expect(rows[0]).toEqual(['Đơn vị', 'Mã đơn vị', 'Trang', 'Trạng thái', 'Thời điểm', 'Lý do', 'Dấu vân tay']);
    expect(readApprovals({ cells: [...rows, [], ['x', '', 'y', 'Chờ', 't', '', 'f']] })).toEqual(records);
  });

  it('an approved sheet changed since is an error naming the unit, and its approval is void; an unchanged one holds', () => {
    const sheet = { ...grid, sheet: 'Hương Lộc' };
    const rec: ApprovalRecord = { unit: 'UBND xã Hương Lộc', sheet: 'Hương Lộc', state: APPROVED, time: '2025-11-05T09:00', fingerprint: sheetFingerprint(sheet) };
    const ok = checkApprovals([sheet], [rec]);
    expect(ok.findings).toEqual([]);
    expect([...ok.approved.values()]).toEqual([rec]);

    const { r, c } = firstNumber(sheet);
    const changed = checkApprovals([edit(sheet, r, c, 99999)], [rec]);
    expect(changed.approved.size).toBe(0);
    expect(changed.findings).toHaveLength(1);
    expect(changed.findings[0]).toMatchObject({ severity: 'error', unit: 'UBND xã Hương Lộc', sheet: 'Hương Lộc', rule: 'approval.changed' });
    expect(changed.findings[0].message).toBe(
      "Báo cáo của UBND xã Hương Lộc (trang 'Hương Lộc') đã được duyệt lúc 09:00 ngày 05/11/2025 nhưng đã bị sửa sau đó: việc duyệt không còn giá trị. Hãy kiểm tra lại báo cáo rồi duyệt lại.");

    // Returned later: no longer approved, nothing to check.
    const back = checkApprovals([sheet], [rec, { ...rec, state: RETURNED, time: '2025-11-06T08:00', reason: 'Sai D4' }]);
    expect(back.approved.size).toBe(0);
    expect(back.findings).toEqual([]);
    expect(back.returned.get(unitKey('UBND xã Hương Lộc'))?.reason).toBe('Sai D4');
    expect(checkApprovals([], [rec]).findings[0].rule).toBe('approval.sheet-gone');
  });

  it('the fingerprint covers the 1904 date system and whether the sheet is hidden (docs/spec/TEMPLATE.md §13)', () => {
    const plain = sheetFingerprint(grid);
    expect(sheetFingerprint({ ...grid, date1904: true })).not.toBe(plain);
    expect(sheetFingerprint({ ...grid, hidden: true })).not.toBe(plain);
    expect(sheetFingerprint({ ...grid, hidden: true, date1904: true })).not.toBe(sheetFingerprint({ ...grid, hidden: true }));
  });

  it('believes records of the compiling workbook only, and none dated after the day of the compile', () => {
    const rec = (file: string | undefined, time: string, unit = 'UBND xã Hương Lộc'): ApprovalRecord =>
      ({ unit, sheet: 'Hương Lộc', state: APPROVED, time, fingerprint: 'x', ...(file ? { file } : {}) });
    const records = [
      rec(undefined, '2025-11-05T09:00:00'), rec('so-tong-hop.xlsx', '2025-11-06T09:00:00'),
      rec('xa-a.xlsx', '2025-11-05T09:00:00'), rec('xa-a.xlsx', '2025-11-05T09:00:00', 'UBND xã Hương Phú'),
      rec('so-tong-hop.xlsx', '2025-11-07T00:00:01'),
    ];
    const b = believedApprovals(records, new Set(['so-tong-hop.xlsx']), '2025-11-06');
    expect(b.records).toEqual([records[0], records[1]]);
    expect(b.findings.map((f) => [f.severity, f.rule, f.file])).toEqual([
      ['error', 'approval.future', 'so-tong-hop.xlsx'], ['warning', 'approval.foreign', 'xa-a.xlsx'],
    ]);
    expect(b.findings[1].message).toMatch(/xa-a\.xlsx.*UBND xã Hương Lộc, UBND xã Hương Phú/);
  });
});
