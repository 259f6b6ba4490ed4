/**
 * The pure part of approval (src/core/approval.ts): a sheet's fingerprint
 * changes with its values and their places, not with nothing; the hidden
 * sheet's rows read back; a changed approved sheet voids its approval with
 * an error naming the unit.
 */
import {
  APPROVED, RETURNED, approvalsToRows, checkApprovals, readApprovals, sheetFingerprint, type ApprovalRecord,
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
});
