/**
 * Approval in the open workbook (src/excel/approval.ts) on Microsoft's real
 * Excel client: «Duyệt» protects the unit's sheet and records the approval
 * in the very hidden `Phê duyệt` sheet; Excel then refuses a write to that
 * sheet; «Trả lại» records the reason (as text, even when it looks like a
 * formula) and takes the approval's protection away; a refused request leaves
 * the workbook as it was; the next Tổng hợp reads the record back.
 */
import { APPROVAL_SHEET_NAME, APPROVED, RETURNED, readApprovals, sheetFingerprint } from '../../src/core/approval';
import { compileGrids } from '../../src/core/compile';
import { readWorkbookGrids } from '../../src/excel';
import { readApprovalRecords, recordApproval } from '../../src/excel/approval';
import { describeOfficeError } from '../../src/excel/errors';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { onEachClient, rejection, setup } from './helpers';

const NOW = new Date(2025, 10, 5, 9, 30, 0);
const unitSheet = (name: string) => ({ ...makeUnitGrid(sampleSpec({ unit: `UBND xã ${name}`, parent: 'UBND huyện Nam Đông' })), sheet: name });
const loc = { sheet: 'Hương Lộc', unit: 'UBND xã Hương Lộc', unitCode: '19876' };

onEachClient(() => {
  describe('recordApproval', () => {
    it('Duyệt: protects the sheet, records unit, code, sheet, state, time and the fingerprint in a very hidden sheet', async () => {
      const fake = setup([unitSheet('Hương Lộc'), unitSheet('Hương Phú')]);
      const out = await fake.run((ctx) => recordApproval(ctx, { ...loc, state: APPROVED, now: NOW }));
      expect(out.protected).toBe(true);
      expect(fake.sheet('Hương Lộc')!.protected).toBe(true);
      expect(fake.sheet('Hương Phú')!.protected).toBe(false);
      const store = fake.sheet(APPROVAL_SHEET_NAME)!;
      expect(store.visibility).toBe('VeryHidden');
      expect(store.values[0]).toEqual(['Đơn vị', 'Mã đơn vị', 'Trang', 'Trạng thái', 'Thời điểm', 'Lý do', 'Dấu vân tay']);
      const grids = await fake.run((ctx) => readWorkbookGrids(ctx, { sheets: ['Hương Lộc'] }));
      expect(store.values[1]).toEqual(['UBND xã Hương Lộc', '19876', 'Hương Lộc', 'Đã duyệt', '2025-11-05T09:30:00', null, sheetFingerprint(grids[0])]);
      // Mã đơn vị stays the text the unit typed (a leading zero would be lost as a number).
      expect(store.numberFormats[1].every((f) => f === '@')).toBe(true);
    });

    it('Excel refuses a write into the approved sheet; the refusal is said in Vietnamese', async () => {
      const fake = setup([unitSheet('Hương Lộc')]);
      await fake.run((ctx) => recordApproval(ctx, { ...loc, state: APPROVED, now: NOW }));
      const before = fake.sheet('Hương Lộc')!.values;
      const err = await rejection(fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Hương Lộc').getRange('D12').values = [[999]];
        await ctx.sync();
      }));
      expect(err.code).toBe('AccessDenied');
      expect(describeOfficeError(err)).toContain('đang được bảo vệ');
      expect(fake.sheet('Hương Lộc')!.values).toEqual(before);
    });

    it('a sheet protected already (a template, cells to fill unlocked) is locked entirely', async () => {
      const fake = setup([unitSheet('Hương Lộc')]);
      await fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Hương Lộc');
        ws.getRange('D12').format.protection.locked = false;
        ws.protection.protect();
        await ctx.sync();
      });
      await fake.run((ctx) => recordApproval(ctx, { ...loc, state: APPROVED, now: NOW }));
      const err = await rejection(fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Hương Lộc').getRange('D12').values = [[999]];
        await ctx.sync();
      }));
      expect(err.code).toBe('AccessDenied');
    });

    it('Trả lại: records the reason as text, never a formula, and takes the approval\'s protection away', async () => {
      const fake = setup([unitSheet('Hương Lộc')]);
      await fake.run((ctx) => recordApproval(ctx, { ...loc, state: APPROVED, now: NOW }));
      const out = await fake.run((ctx) => recordApproval(ctx, { ...loc, state: RETURNED, reason: '=D4+D5 chưa khớp D2', now: new Date(2025, 10, 5, 10, 0, 0) }));
      expect(out.protected).toBe(false);
      expect(fake.sheet('Hương Lộc')!.protected).toBe(false);
      const store = fake.sheet(APPROVAL_SHEET_NAME)!;
      expect(store.formulas.flat().filter(Boolean)).toEqual([]);
      expect(store.values[2].slice(0, 6)).toEqual(['UBND xã Hương Lộc', '19876', 'Hương Lộc', 'Trả lại', '2025-11-05T10:00:00', '=D4+D5 chưa khớp D2']);
      const records = await fake.run((ctx) => readApprovalRecords(ctx));
      expect(records.map((r) => [r.state, r.reason])).toEqual([[APPROVED, undefined], [RETURNED, '=D4+D5 chưa khớp D2']]);
      // A reason is required, asked in Vietnamese, before anything changes.
      const err = await rejection(fake.run((ctx) => recordApproval(ctx, { ...loc, state: RETURNED, reason: '  ' })));
      expect(err.message).toContain('lý do trả lại');
      expect(fake.sheet(APPROVAL_SHEET_NAME)!.values).toHaveLength(3);
    });

    it('a refused request leaves the workbook as it was: no record, no record sheet, no protection', async () => {
      const fake = setup([unitSheet('Hương Lộc')]);
      fake.injectFailure({ match: (op) => op.action === 'protect', code: 'GeneralException', persistent: true });
      const err = await rejection(fake.run((ctx) => recordApproval(ctx, { ...loc, state: APPROVED, now: NOW })));
      expect(err.code).toBe('GeneralException');
      expect(fake.sheetNames()).toEqual(['Hương Lộc']);
      expect(fake.sheet('Hương Lộc')!.protected).toBe(false);
      fake.clearFailures();

      // With a record sheet already there: the row is cleared again, the earlier approval's protection kept.
      await fake.run((ctx) => recordApproval(ctx, { ...loc, state: APPROVED, now: NOW }));
      const before = fake.sheet(APPROVAL_SHEET_NAME)!.values;
      fake.injectFailure({ match: (op) => op.action === 'unprotect', code: 'GeneralException', persistent: true });
      await rejection(fake.run((ctx) => recordApproval(ctx, { ...loc, state: RETURNED, reason: 'Sai D4', now: NOW })));
      expect(fake.sheet(APPROVAL_SHEET_NAME)!.values).toEqual(before);
      expect(fake.sheet('Hương Lộc')!.protected).toBe(true);
    });

    it('on Excel with only the manifest\'s ExcelApi 1.4 (no unprotect): Duyệt still protects; Trả lại is recorded, the sheet stays protected', async () => {
      const fake = setup([unitSheet('Hương Lộc')], { apiVersion: '1.4' });
      expect((await fake.run((ctx) => recordApproval(ctx, { ...loc, state: APPROVED, now: NOW }))).protected).toBe(true);
      const back = await fake.run((ctx) => recordApproval(ctx, { ...loc, state: RETURNED, reason: 'Sai D4', now: new Date(2025, 10, 6) }));
      expect(back.protected).toBe(true);
      expect(fake.sheet(APPROVAL_SHEET_NAME)!.values.map((r) => r[3])).toEqual(['Trạng thái', 'Đã duyệt', 'Trả lại']);
      const err = await rejection(fake.run((ctx) => recordApproval(ctx, { ...loc, state: APPROVED, password: 'mk' })));
      expect(err.message).toContain('ExcelApi 1.7');
    });

    it('a password only when the user gives one: Trả lại without it is refused and changes nothing; with it the sheet is unprotected', async () => {
      const fake = setup([unitSheet('Hương Lộc')]);
      await fake.run((ctx) => recordApproval(ctx, { ...loc, state: APPROVED, password: 'mật khẩu', now: NOW }));
      const before = fake.sheet(APPROVAL_SHEET_NAME)!.values;
      await rejection(fake.run((ctx) => recordApproval(ctx, { ...loc, state: RETURNED, reason: 'Sai D4', now: NOW })));
      expect(fake.sheet(APPROVAL_SHEET_NAME)!.values).toEqual(before);
      expect(fake.sheet('Hương Lộc')!.protected).toBe(true);
      const back = await fake.run((ctx) => recordApproval(ctx, { ...loc, state: RETURNED, reason: 'Sai D4', password: 'mật khẩu', now: NOW }));
      expect(back.protected).toBe(false);
    });

    it('a sheet of the workbook already named Phê duyệt that is not the record: refused in Vietnamese, never written into', async () => {
      const fake = setup([unitSheet('Hương Lộc'), { sheet: APPROVAL_SHEET_NAME, originRow: 0, originCol: 0, cells: [['Ý kiến phê duyệt của lãnh đạo'], ['Đồng ý']] }]);
      const before = fake.sheets().map((s) => ({ name: s.name, values: s.values, protected: s.protected }));
      const err = await rejection(fake.run((ctx) => recordApproval(ctx, { ...loc, state: APPROVED })));
      expect(describeOfficeError(err)).toContain('không phải trang ghi nhận duyệt');
      expect(fake.sheets().map((s) => ({ name: s.name, values: s.values, protected: s.protected }))).toEqual(before);
    });

    it('a sheet no longer in the workbook: said in Vietnamese, nothing written', async () => {
      const fake = setup([unitSheet('Hương Lộc')]);
      const err = await rejection(fake.run((ctx) => recordApproval(ctx, { ...loc, sheet: 'Đã xoá', state: APPROVED })));
      expect(describeOfficeError(err)).toContain("Không tìm thấy trang 'Đã xoá'");
      expect(fake.sheetNames()).toEqual(['Hương Lộc']);
    });

    it('the next Tổng hợp reads the record back: approved holds; edited (unprotected first) is an error naming the unit', async () => {
      const fake = setup([unitSheet('Hương Lộc'), unitSheet('Hương Phú')]);
      await fake.run((ctx) => recordApproval(ctx, { ...loc, state: APPROVED, now: NOW }));
      const grids = await fake.run((ctx) => readWorkbookGrids(ctx));
      expect(grids.map((g) => g.sheet)).toContain(APPROVAL_SHEET_NAME);
      expect(readApprovals(grids.find((g) => g.sheet === APPROVAL_SHEET_NAME)!)).toHaveLength(1);
      const ok = compileGrids(grids, { openWorkbook: true });
      expect(ok.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(ok.reports.find((e) => e.report.source.sheet === 'Hương Lộc')!.approval?.state).toBe(APPROVED);

      // Someone unprotects the sheet (Review › Unprotect Sheet) and changes A1's figure.
      const row = fake.sheet('Hương Lộc')!.values.findIndex((r) => r[0] === 'A1');
      await fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Hương Lộc');
        ws.protection.unprotect();
        ws.getCell(row, 3).values = [[12345]];
        await ctx.sync();
      });
      const edited = compileGrids(await fake.run((ctx) => readWorkbookGrids(ctx)), { openWorkbook: true });
      const errors = edited.findings.filter((f) => f.rule === 'approval.changed');
      expect(errors.map((f) => [f.unit, f.sheet, f.severity])).toEqual([['UBND xã Hương Lộc', 'Hương Lộc', 'error']]);
      expect(errors[0].message).toContain('đã được duyệt lúc 09:30 ngày 05/11/2025 nhưng đã bị sửa sau đó');
      expect(edited.reports.find((e) => e.report.source.sheet === 'Hương Lộc')!.approval).toBeUndefined();
    });
  });
});
