/**
 * «Duyệt» / «Trả lại» in the pane: the reports of the last
 * result that can be reviewed, and marking one, in one Excel.run each
 * (src/excel/approval.ts protects and records). The result shown takes the
 * new state at once, and its record, so that «Phản hồi» quotes a reason
 * given a moment ago without a new Tổng hợp.
 */
import { APPROVED, RETURNED, type ApprovalRecord, type ApprovalState } from '../core/approval';
import { unitKey } from '../core/unit-names';
import { PaneError, asPaneError, excelRun, type CompileOutcome } from './actions';
import * as ports from './ports';

/** A unit's report in the open workbook, as the review list shows it. */
export interface ReviewItem {
  unit: string;
  unitCode?: string;
  sheet: string;
  /** Đã duyệt / Trả lại, or null: Chưa duyệt (or an approval voided by a later change). */
  state: ApprovalState | null;
  reason?: string;
  /** The sheet as the last Tổng hợp read it: Duyệt approves that, not a sheet changed since. */
  fingerprint?: string;
  /** The report's findings in the last result: Duyệt asks again when it still has errors. */
  errors: number;
  warnings: number;
}

/**
 * The reports a reviewer can mark: unit reports of the open workbook (not
 * files picked for Tổng hợp từ tệp, not the compiler's own outputs, not a copy
 * superseded by the unit's newer report), one per sheet, in reading order.
 */
export function reviewItems(outcome: CompileOutcome | null): ReviewItem[] {
  if (!outcome || outcome.action === 'compileFiles') return [];
  const own = new Set(outcome.result.ownOutputs.filter((s) => !s.file).map((s) => s.sheet.toLowerCase()));
  const findings = outcome.result.findings.filter((f) => !f.file);
  /** A finding is the report's when it points into its sheet, or names its unit without a sheet (not in the roster…). */
  const count = (sheet: string, unit: string, severity: 'error' | 'warning') =>
    findings.filter((f) => f.severity === severity && (f.sheet ? f.sheet.toLowerCase() === sheet.toLowerCase() : unitKey(f.unit) === unitKey(unit))).length;
  return outcome.result.reports
    .filter((e) => !e.report.source.file && !own.has(e.report.source.sheet.toLowerCase()) && !e.supersededBy && e.report.unit.trim())
    .map((e) => ({
      unit: e.report.unit, ...(e.report.unitCode ? { unitCode: e.report.unitCode } : {}), sheet: e.report.source.sheet,
      state: e.approval?.state ?? null, ...(e.approval?.reason ? { reason: e.approval.reason } : {}),
      ...(e.fingerprint ? { fingerprint: e.fingerprint } : {}),
      errors: count(e.report.source.sheet, e.report.unit, 'error'), warnings: count(e.report.source.sheet, e.report.unit, 'warning'),
    }));
}

/**
 * Marks one report; a Trả lại needs its reason. `password`, only when the
 * officer types one in the review list, locks the sheet with it (Duyệt) or is
 * needed to unlock a sheet locked with it (Trả lại); see excel/approval.ts.
 * Returns the record written and whether the sheet is protected now.
 */
export async function reviewReport(item: Pick<ReviewItem, 'unit' | 'unitCode' | 'sheet' | 'fingerprint'>, state: ApprovalState, reason?: string, password?: string): Promise<{ record: ApprovalRecord; protected: boolean }> {
  if (state === RETURNED && !reason?.trim()) throw new PaneError('Hãy ghi lý do trả lại: lý do được đưa vào văn bản phản hồi gửi đơn vị.');
  return excelRun((ctx) =>
    ports.recordApproval(ctx, { sheet: item.sheet, unit: item.unit, unitCode: item.unitCode, state, reason, expected: item.fingerprint, ...(password ? { password } : {}) }));
}

/**
 * «Duyệt các báo cáo không có lỗi»: approves each of `items` in one
 * Excel.run (one lock and one record each, as Duyệt does); returns the
 * records written and how many sheets are protected now.
 */
export async function approveReports(items: readonly Pick<ReviewItem, 'unit' | 'unitCode' | 'sheet' | 'fingerprint'>[], password?: string): Promise<{ records: ApprovalRecord[]; protectedCount: number; refused: string[] }> {
  if (!items.length) throw new PaneError('Không có báo cáo nào không lỗi đang chờ duyệt.');
  return excelRun(async (ctx) => {
    const records: ApprovalRecord[] = [];
    const refused: string[] = [];
    let protectedCount = 0;
    for (const item of items) {
      try {
        const r = await ports.recordApproval(ctx, { sheet: item.sheet, unit: item.unit, unitCode: item.unitCode, state: APPROVED, expected: item.fingerprint, ...(password ? { password } : {}) });
        records.push(r.record);
        if (r.protected) protectedCount++;
      } catch (e) {
        // One sheet changed since the compile does not stop the others; it is said by name.
        refused.push(`${item.unit}: ${asPaneError(e).message}`);
      }
    }
    return { records, protectedCount, refused };
  });
}

/** The reports «Duyệt các báo cáo không có lỗi» approves: not approved yet, no error (warnings are the officer's to judge). */
export const approvableWithoutErrors = (items: readonly ReviewItem[]): ReviewItem[] => items.filter((i) => i.state !== APPROVED && i.errors === 0);

/** The outcome with `record` applied: its report's state and the result's records (what «Phản hồi» reads). */
export function withReview(outcome: CompileOutcome, record: ApprovalRecord): CompileOutcome {
  const k = unitKey(record.unit);
  const reports = outcome.result.reports.map((e) =>
    (!e.report.source.file && unitKey(e.report.unit) === k ? { ...e, approval: e.report.source.sheet.toLowerCase() === record.sheet.toLowerCase() ? record : undefined } : e));
  return { ...outcome, result: { ...outcome.result, reports, approvals: [...(outcome.result.approvals ?? []), record] } };
}

/** What the pane says once a report is marked. */
export function reviewNotice(record: ApprovalRecord, protectedNow = record.state === APPROVED): { title: string; lines: string[] } {
  if (record.state === APPROVED) {
    return {
      title: `Đã duyệt báo cáo của ${record.unit}`,
      lines: [`Trang '${record.sheet}' đã được khoá${protectedNow ? '' : ' (Excel này không khoá được trang)'}; nếu trang bị sửa sau này, lần Tổng hợp sau sẽ báo lỗi và việc duyệt không còn giá trị.`],
    };
  }
  return {
    title: `Đã trả lại báo cáo của ${record.unit}`,
    lines: [`Lý do: ${record.reason ?? ''}. Lý do này có trong văn bản phản hồi gửi đơn vị (nút Phản hồi).`],
  };
}
