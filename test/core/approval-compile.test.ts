/**
 * Approval at Tổng hợp: the compiling workbook's hidden record
 * sheet is read like any sheet, recognised, never taken for a report nor a
 * skipped sheet; an approved sheet edited since is an error naming the unit
 * and its approval is void; «Chỉ tổng hợp báo cáo đã duyệt» counts only the
 * approved reports and names the others.
 */
import {
  APPROVAL_SHEET_NAME, APPROVED, RETURNED, approvalsToRows, returnedReasons, sheetFingerprint, type ApprovalRecord,
} from '../../src/core/approval';
import { compileGrids } from '../../src/core/compile';
import type { SheetGrid } from '../../src/core/grid';
import { unitKey } from '../../src/core/unit-names';
import { layoutOutputs, outputSheetToGrid } from '../../src/core/layout';
import { layoutPlan } from '../../src/core/layout/plan-sheet';
import { STATUS_MISSING } from '../../src/core/template';
import { readCompiledWorkbook } from '../../src/core/layout/read-back';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';

const PARENT = 'UBND huyện Nam Đông';
const commune = (name: string, sheet: string, a1: number): SheetGrid =>
  ({ ...makeUnitGrid(sampleSpec({ unit: `UBND xã ${name}`, parent: PARENT, figures: { ...sampleSpec().figures, A1: a1 } })), sheet });
const LOC = commune('Hương Lộc', 'Hương Lộc', 20);
const PHU = commune('Hương Phú', 'Hương Phú', 30);
const QUANG = commune('Thượng Quảng', 'Thượng Quảng', 40);

function record(g: SheetGrid, state: typeof APPROVED | typeof RETURNED, extra: Partial<ApprovalRecord> = {}): ApprovalRecord {
  return { unit: `UBND xã ${g.sheet}`, sheet: g.sheet, state, time: '2025-11-05T09:00:00', fingerprint: sheetFingerprint(g), ...extra };
}
const recordSheet = (records: ApprovalRecord[]): SheetGrid =>
  ({ sheet: APPROVAL_SHEET_NAME, originRow: 0, originCol: 0, cells: approvalsToRows(records), hidden: true });
const edit = (g: SheetGrid, value: number): SheetGrid => {
  const cells = g.cells.map((r) => [...r]);
  const r = cells.findIndex((row) => row[0] === 'A1');
  cells[r][3] = value;
  return { ...g, cells };
};

describe('approval at Tổng hợp', () => {
  const records = [record(LOC, APPROVED), record(PHU, RETURNED, { reason: 'Thiếu số liệu D1–D8', time: '2025-11-05T09:05:00' })];

  it('reads the record sheet as the record: not a report, not a skipped sheet; each report carries its state', () => {
    const result = compileGrids([LOC, PHU, QUANG, recordSheet(records)], { openWorkbook: true });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.ownOutputs).toEqual([]);
    expect(result.reports.map((e) => [e.report.source.sheet, e.approval?.state])).toEqual([
      ['Hương Lộc', APPROVED], ['Hương Phú', RETURNED], ['Thượng Quảng', undefined],
    ]);
    expect(result.summaries[0].children.map((c) => c.approval)).toEqual([APPROVED, RETURNED, undefined]);
    expect(result.summaries[0].figures.A1).toBe(90);
    expect(returnedReasons(result.approvals ?? [])).toEqual({ [unitKey('UBND xã Hương Phú')]: 'Thiếu số liệu D1–D8' });
  });

  it('an approved sheet edited since: an error naming the unit and sheet, and its approval is void', () => {
    const result = compileGrids([edit(LOC, 21), PHU, QUANG, recordSheet(records)], { openWorkbook: true });
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ unit: 'UBND xã Hương Lộc', sheet: 'Hương Lộc', rule: 'approval.changed' });
    expect(errors[0].message).toBe("Báo cáo của UBND xã Hương Lộc (trang 'Hương Lộc') đã được duyệt lúc 09:00 ngày 05/11/2025 nhưng đã bị sửa sau đó: việc duyệt không còn giá trị. Hãy kiểm tra lại báo cáo rồi duyệt lại.");
    expect(result.reports[0].approval).toBeUndefined();
    expect(result.summaries[0].children[0].approval).toBeUndefined();
    // Only approved: the edited one no longer counts either.
    const only = compileGrids([edit(LOC, 21), PHU, QUANG, recordSheet(records)], { openWorkbook: true, approvedOnly: true });
    expect(only.reports.every((e) => !e.counted)).toBe(true);
  });

  it('only approved: the approved report counts, every other one is named in a warning, none silently dropped', () => {
    const result = compileGrids([LOC, PHU, QUANG, recordSheet(records)], { openWorkbook: true, approvedOnly: true });
    expect(result.reports.map((e) => e.counted)).toEqual([true, false, false]);
    expect(result.summaries[0].figures.A1).toBe(20);
    const named = result.findings.filter((f) => f.rule === 'approval.not-approved');
    expect(named.map((f) => [f.unit, f.sheet, f.severity])).toEqual([
      ['UBND xã Hương Phú', 'Hương Phú', 'warning'], ['UBND xã Thượng Quảng', 'Thượng Quảng', 'warning'],
    ]);
    expect(named[0].message).toContain('đã bị trả lại');
    expect(named[1].message).toContain('chưa được duyệt');
    expect(result.reports[1].reason).toContain('Thiếu số liệu D1–D8');
  });

  it('the tasks sheet `NV …` shows each child\'s approval state when the workbook keeps a record, the summary does not', () => {
    const result = compileGrids([LOC, PHU, QUANG, recordSheet(records)], { openWorkbook: true });
    const outputs = layoutOutputs(result);
    expect(outputSheetToGrid(outputs.find((s) => s.role === 'summary')!).cells.flat()).not.toContain('TÌNH TRẠNG PHÊ DUYỆT');
    const summary = outputs.find((s) => s.role === 'tasks')!;
    expect(summary.name).toBe('NV Nam Đông');
    const text = outputSheetToGrid(summary).cells.map((r) => r.map((v) => (v === null ? '' : String(v))));
    // The matrix's last column, headed «Phê duyệt» in its header (repeated on every printed page).
    const head = text.findIndex((r) => r.includes('Phê duyệt'));
    expect(text[head].slice(0, 2)).toEqual(['STT', 'Đơn vị']);
    const col = text[head].indexOf('Phê duyệt');
    expect(col).toBe(text[head + 1].map((v) => v !== '').lastIndexOf(true) + 1);
    const rows = text.slice(head + 2, head + 5).map((r) => [r[1], r[col]]);
    expect(rows).toEqual([['UBND xã Hương Lộc', 'Đã duyệt'], ['UBND xã Hương Phú', 'Trả lại'], ['UBND xã Thượng Quảng', 'Chưa duyệt']]);
    // Without a record no approval block (and without tasks either, no `NV …` sheet at all).
    const plainResult = compileGrids([LOC, PHU, QUANG], { openWorkbook: true });
    const plain = layoutOutputs(plainResult);
    expect(plain.flatMap((s) => outputSheetToGrid(s).cells.flat())).not.toContain('Phê duyệt');
    // The compiled workbook reads back the same with the block (the report, --previous).
    const back = (r: typeof result) => readCompiledWorkbook(layoutOutputs(r).map((o) => outputSheetToGrid(o))).summaries
      .map((x) => ({ unit: x.unit, figures: x.figures, children: x.children.map((c) => [c.unit, c.status, c.figures]) }));
    expect(back(result)).toEqual(back(plainResult));
  });

  const planTasks: { stt: number; name: string }[] = [{ stt: 1, name: 'Tuyên truyền trên Cổng thông tin điện tử' }];
  it.each([
    ['the matrix\'s last column', planTasks],
    ['the «TÌNH TRẠNG PHÊ DUYỆT» block (a plan without tasks)', []],
  ])('on `NV …` a roster unit that sent nothing reads Chưa nộp under «Phê duyệt» (%s), not Chưa duyệt: it has nothing to approve', (_where, tasks) => {
    const roster = ['Hương Lộc', 'Hương Phú', 'Thượng Quảng', 'Hương Sơn'].map((n) => ({ name: `UBND xã ${n}`, level: 'Xã', parent: PARENT }));
    const plan = { ...outputSheetToGrid(layoutPlan({ compilingUnit: PARENT, level: 'Huyện', period: 'Năm', year: 2020, tasks, roster })), sheet: 'Kế hoạch' };
    const result = compileGrids([plan, LOC, PHU, QUANG, recordSheet(records)], { openWorkbook: true });
    expect(result.summaries[0].children.map((c) => [c.unit, c.status])).toContainEqual(['UBND xã Hương Sơn', STATUS_MISSING]);
    const nv = outputSheetToGrid(layoutOutputs(result).find((s) => s.role === 'tasks')!).cells.map((r) => r.map((v) => (v === null ? '' : String(v))));
    const head = nv.findIndex((r) => r.includes('Phê duyệt'));
    const col = nv[head].indexOf('Phê duyệt');
    const units = nv.filter((r, i) => i > head && r[1].startsWith('UBND xã')).map((r) => [r[1], r[col]]);
    expect(units).toEqual([
      ['UBND xã Hương Lộc', 'Đã duyệt'], ['UBND xã Hương Phú', 'Trả lại'], ['UBND xã Thượng Quảng', 'Chưa duyệt'], ['UBND xã Hương Sơn', 'Chưa nộp'],
    ]);
  });
});
