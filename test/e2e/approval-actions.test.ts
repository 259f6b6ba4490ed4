/**
 * «Duyệt» / «Trả lại» and «Chỉ tổng hợp báo cáo đã duyệt» as the pane does
 * them (src/taskpane/approval-actions.ts, actions.ts), on Microsoft's real
 * Excel client: the review list, the sheet locked, the state shown at once,
 * the next Tổng hợp catching an approved sheet edited since, only approved
 * reports counted, the return reason in the Phiếu phản hồi.
 */
import JSZip from 'jszip';
import type { RichApiHost } from '../../dev/office-host';
import { APPROVAL_SHEET_NAME, APPROVED, RETURNED } from '../../src/core/approval';
import * as actions from '../../src/taskpane/actions';
import { reviewItems, reviewReport, withReview } from '../../src/taskpane/approval-actions';
import { missingUnits } from '../../src/taskpane/findings-view';
import { onEachClient, rejection, setup } from '../excel/helpers';

import { COMMUNES, commune } from './three-communes';
let fake: RichApiHost;

onEachClient(() => {
  describe('review in the pane', () => {
    it('lists each unit report of the workbook, Chưa duyệt at first; Duyệt locks the sheet and shows Đã duyệt', async () => {
      fake = setup(COMMUNES.map(commune), { apiVersion: '1.13' });
      const o = await actions.compileWorkbook();
      const items = reviewItems(o);
      expect(items.map((i) => [i.unit, i.state])).toEqual([['UBND xã Hương Lộc', null], ['UBND xã Thượng Quảng', null], ['UBND thị trấn Khe Tre', null]]);
      // The outputs just written are not reports to review.
      expect(items.map((i) => i.sheet)).not.toContain(o.written[0]);
      const r = await reviewReport(items[0], APPROVED);
      expect(r.protected).toBe(true);
      expect(fake.sheet(items[0].sheet)!.protected).toBe(true);
      expect(reviewItems(withReview(o, r.record))[0].state).toBe(APPROVED);
      // Once more Tổng hợp: the record is read back; the tasks sheet `NV …` (not the summary) names each state.
      const again = await actions.compileWorkbook();
      expect(reviewItems(again).map((i) => i.state)).toEqual([APPROVED, null, null]);
      expect(again.result.summaries[0].children.map((c) => c.approval)).toEqual([APPROVED, undefined, undefined]);
      expect(fake.sheetNames()).toContain(APPROVAL_SHEET_NAME);
      expect(fake.sheet(again.written[0])!.values.flat()).not.toContain('Chưa duyệt');
      const summary = fake.sheet(again.written.find((n) => n.startsWith('NV '))!)!.values.flat();
      expect(summary).toContain('Phê duyệt');
      expect(summary).toContain('Đã duyệt');
      expect(summary).toContain('Chưa duyệt');
    });

    it('Duyệt approves what the last Tổng hợp showed: a sheet changed since is refused, nothing written', async () => {
      fake = setup(COMMUNES.map(commune), { apiVersion: '1.13' });
      const first = reviewItems(await actions.compileWorkbook())[0];
      const row = fake.sheet(first.sheet)!.values.findIndex((r) => r[0] === 'A1');
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(first.sheet).getCell(row, 3).values = [[99]];
        await ctx.sync();
      });
      const err = await rejection(reviewReport(first, APPROVED));
      expect(err.message).toContain('đã thay đổi sau lần Tổng hợp vừa rồi');
      expect(fake.sheetNames()).not.toContain(APPROVAL_SHEET_NAME);
      expect(fake.sheet(first.sheet)!.protected).toBe(false);
    });

    it('an approved sheet edited after unprotecting it: Tổng hợp reports it as an error naming the unit; the approval is void', async () => {
      fake = setup(COMMUNES.map(commune), { apiVersion: '1.13' });
      const o = await actions.compileWorkbook();
      const first = reviewItems(o)[0];
      await reviewReport(first, APPROVED);
      const row = fake.sheet(first.sheet)!.values.findIndex((r) => r[0] === 'A1');
      await fake.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(first.sheet);
        ws.protection.unprotect();
        ws.getCell(row, 3).values = [[21]];
        await ctx.sync();
      });
      const after = await actions.compileWorkbook();
      const changed = after.result.findings.filter((f) => f.rule === 'approval.changed');
      expect(changed.map((f) => [f.severity, f.unit, f.sheet])).toEqual([['error', 'UBND xã Hương Lộc', first.sheet]]);
      expect(reviewItems(after)[0].state).toBeNull();
    });

    it('Trả lại needs a reason; the reason is in the unit\'s Phiếu phản hồi; only approved counts only the approved report', async () => {
      fake = setup(COMMUNES.map(commune), { apiVersion: '1.13' });
      const o = await actions.compileWorkbook();
      const [loc, quang] = reviewItems(o);
      expect((await rejection(reviewReport(quang, RETURNED, ' '))).message).toContain('Hãy ghi lý do trả lại');
      await reviewReport(loc, APPROVED);
      const back = await reviewReport(quang, RETURNED, 'Thiếu minh chứng cho số liệu A1');
      const shown = withReview(o, back.record);
      expect(reviewItems(shown)[1]).toMatchObject({ state: RETURNED, reason: 'Thiếu minh chứng cho số liệu A1' });

      const letters = (await actions.exportFeedback(shown))!;
      const zip = await JSZip.loadAsync(letters.bytes);
      expect(letters.names).toContain('Phan-hoi X002 xã Thượng Quảng.docx');
      const docx = await JSZip.loadAsync(await zip.file('Phan-hoi X002 xã Thượng Quảng.docx')!.async('uint8array'));
      expect((await docx.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')).toContain('Thiếu minh chứng cho số liệu A1');

      const only = await actions.compileWorkbook(undefined, { approvedOnly: true });
      expect(only.result.reports.filter((e) => e.counted).map((e) => e.report.unit)).toEqual(['UBND xã Hương Lộc']);
      expect(only.result.summaries[0].figures.A1).toBe(20);
      expect(only.result.findings.filter((f) => f.rule === 'approval.not-approved').map((f) => f.unit)).toEqual(['UBND xã Thượng Quảng', 'UBND thị trấn Khe Tre']);
      // Sent, only not approved: not counted, and not «Chưa nộp» in the pane either.
      expect(only.counts).toMatchObject({ reports: 1, missing: 0 });
      expect(missingUnits(only.result)).toEqual([]);
    });

    it('the password the officer types in the review list locks the sheet; Trả lại needs it back, said in Vietnamese', async () => {
      fake = setup(COMMUNES.map(commune), { apiVersion: '1.13' });
      const [loc] = reviewItems(await actions.compileWorkbook());
      await reviewReport(loc, APPROVED, undefined, 'khoá-2026');
      expect(fake.sheet(loc.sheet)!.protected).toBe(true);
      // Without the password, nothing changes and the officer is told why.
      const err = await rejection(reviewReport(loc, RETURNED, 'Sai D4', undefined));
      expect(err.message).toMatch(/mật khẩu/i);
      expect(fake.sheet(loc.sheet)!.protected).toBe(true);
      const back = await reviewReport(loc, RETURNED, 'Sai D4', 'khoá-2026');
      expect(back.protected).toBe(false);
      expect(fake.sheet(loc.sheet)!.protected).toBe(false);
    });
  });
});
