/**
 * Approval in the open workbook: «Duyệt» protects the unit's
 * sheet (worksheet protection, no password unless the user gives one) and
 * appends a record row to the very hidden sheet `Phê duyệt`
 * (core/approval.ts: its columns, the fingerprint of the sheet's values);
 * «Trả lại» appends a record with the reason and takes away the protection
 * an approval put on the sheet.
 *
 * The fingerprint is taken from the sheet as read.ts reads it for Tổng hợp,
 * so the next compile compares like with like. Everything a unit or the user
 * typed (unit name, sheet name, reason) is written as text (`@` before the
 * values), never as a formula.
 *
 * A refused request leaves the workbook as it was. The record sheet, when
 * there is none yet, is made (very hidden, with its header row) in a request
 * of its own; the record row is then written in the same batch as the
 * protection change. When Excel refuses a batch part-way (it stops at the
 * first failing command, what ran before it stays: dev/office-host
 * RequestFailure), what ran is undone: the row cleared, the sheet's protection
 * put back, a record sheet made by this call deleted, after it is made merely
 * hidden: Excel refuses to delete a very hidden sheet (Worksheet.delete,
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)).
 */
import { rangeAddress } from '../core/address';
import {
  APPROVAL_HEADERS, APPROVAL_SHEET_NAME, APPROVED, RETURNED, approvalRow, approvalTime, isApprovalSheet, latestApprovals, readApprovals,
  sheetFingerprint, type ApprovalRecord, type ApprovalState,
} from '../core/approval';
import { unitKey } from '../core/unit-names';
import { isExcelApiSupported } from './api-sets';
import { ExcelActionError } from './errors';
import { toCellValue } from './cell-values';
import { readWorkbookGrids } from './read';
import { forgetSheetList } from './sheet-list';

export interface ApprovalRequest {
  /** The unit's sheet in the open workbook. */
  sheet: string;
  /** The unit as its report names it, and its Mã đơn vị. */
  unit: string;
  unitCode?: string;
  state: ApprovalState;
  /** Why the report is returned (required for Trả lại). */
  reason?: string;
  /** A protection password, only when the user gives one (ExcelApi 1.7). */
  password?: string;
  /** For Duyệt: the fingerprint of the sheet as the reviewer saw it (the last Tổng hợp); a sheet changed since is not approved. */
  expected?: string;
  /** The clock (tests). */
  now?: Date;
}

export interface ApprovalOutcome {
  record: ApprovalRecord;
  /** The unit's sheet is protected now. */
  protected: boolean;
}

/** Said to the user in Vietnamese; describeOfficeError passes it through. */
export class ApprovalError extends ExcelActionError {}

/** ExcelApi set of `unprotect` and of `protect(options, password)` (the 1.4 reference has `protect(options)` only). */
const UNPROTECT_API = '1.7';

/** The records kept in the open workbook (none when it has no record sheet). */
export async function readApprovalRecords(context: Excel.RequestContext): Promise<ApprovalRecord[]> {
  const store = context.workbook.worksheets.getItemOrNullObject(APPROVAL_SHEET_NAME);
  await context.sync();
  if (store.isNullObject) return [];
  const used = store.getUsedRangeOrNullObject(true);
  used.load('values');
  await context.sync();
  return used.isNullObject ? [] : readApprovals({ cells: used.values.map((row) => row.map(toCellValue)) });
}

/** Marks a unit's sheet Đã duyệt or Trả lại (see the module comment). */
export async function recordApproval(context: Excel.RequestContext, req: ApprovalRequest): Promise<ApprovalOutcome> {
  const reason = req.reason?.trim() ?? '';
  if (req.state === RETURNED && !reason) throw new ApprovalError('Hãy ghi lý do trả lại báo cáo: lý do được đưa vào Phiếu phản hồi gửi đơn vị.');
  if (req.password && !isExcelApiSupported(UNPROTECT_API)) {
    throw new ApprovalError('Phiên bản Excel này chưa đặt được mật khẩu bảo vệ trang (cần ExcelApi 1.7): hãy duyệt không đặt mật khẩu, hoặc cập nhật Excel.');
  }

  // What is there now: the unit's sheet and its protection, the record sheet and its rows.
  const sheets = context.workbook.worksheets;
  const ws = sheets.getItemOrNullObject(req.sheet);
  ws.load('name');
  const store = sheets.getItemOrNullObject(APPROVAL_SHEET_NAME);
  await context.sync();
  if (ws.isNullObject) throw new ApprovalError(`Không tìm thấy trang '${req.sheet}' trong sổ làm việc: có thể trang đã bị xoá hoặc đổi tên. Hãy Tổng hợp lại.`);
  const hadStore = !store.isNullObject;
  ws.protection.load('protected');
  const used = hadStore ? store.getUsedRangeOrNullObject(true) : null;
  used?.load('values,rowIndex,rowCount');
  await context.sync();
  const rowsHeld = used && !used.isNullObject ? used : null;
  const heldCells = rowsHeld ? rowsHeld.values.map((row) => row.map(toCellValue)) : [];
  // A sheet of that name that is not our record (its first row is not the record's header, or it does not start at A1): never written into.
  if (rowsHeld && (rowsHeld.rowIndex !== 0 || !isApprovalSheet({ sheet: APPROVAL_SHEET_NAME, cells: heldCells }))) {
    throw new ApprovalError(`Sổ làm việc đã có trang tên '${APPROVAL_SHEET_NAME}' không phải trang ghi nhận duyệt của Tổng hợp CCHC: hãy đổi tên trang đó rồi thử lại.`);
  }
  const held = rowsHeld ? readApprovals({ cells: heldCells }) : [];
  const nextRow = rowsHeld ? rowsHeld.rowIndex + rowsHeld.rowCount : 0;
  const wasProtected = ws.protection.protected;
  // Trả lại takes away only the protection an approval put on (a unit's template may come protected).
  const last = latestApprovals(held).get(unitKey(req.unit));
  const approvedBefore = !!last && last.state === APPROVED && last.sheet.toLowerCase() === ws.name.toLowerCase();

  const [grid] = await readWorkbookGrids(context, { sheets: [ws.name] });
  const fingerprint = sheetFingerprint(grid);
  if (req.state === APPROVED && req.expected && req.expected !== fingerprint) {
    throw new ApprovalError(`Trang '${ws.name}' đã thay đổi sau lần Tổng hợp vừa rồi: hãy bấm Tổng hợp lại, xem lại báo cáo rồi mới duyệt.`);
  }
  const record: ApprovalRecord = {
    unit: req.unit, ...(req.unitCode ? { unitCode: req.unitCode } : {}), sheet: ws.name, state: req.state,
    time: approvalTime(req.now ?? new Date()), ...(reason ? { reason } : {}), fingerprint,
  };

  // The record sheet first, in its own request: an undo that must delete it knows it is there.
  const undoWas = { hadStore, nextRow, rows: 1, sheet: ws.name, wasProtected, password: req.password };
  if (!hadStore) {
    forgetSheetList(context);
    try {
      const made = sheets.add(APPROVAL_SHEET_NAME);
      const header = made.getRange(rangeAddress(0, 0, 0, APPROVAL_HEADERS.length - 1));
      header.numberFormat = [APPROVAL_HEADERS.map(() => '@')];
      header.values = [[...APPROVAL_HEADERS]];
      made.visibility = 'VeryHidden';
      await context.sync();
    } catch (e) {
      await undo(context, undoWas);
      throw e;
    }
  }
  // Then one batch: the record row first, then the protection.
  const rowAt = hadStore ? nextRow : 1;
  // A record sheet of ours emptied by hand gets its header back.
  const rows = rowAt === 0 ? [[...APPROVAL_HEADERS], approvalRow(record)] : [approvalRow(record)];
  undoWas.nextRow = rowAt;
  undoWas.rows = rows.length;
  const rowRange = sheets.getItem(APPROVAL_SHEET_NAME).getRange(rangeAddress(rowAt, 0, rowAt + rows.length - 1, APPROVAL_HEADERS.length - 1));
  rowRange.numberFormat = rows.map((r) => r.map(() => '@'));
  rowRange.values = rows;
  let protectedNow = wasProtected;
  const canUnprotect = isExcelApiSupported(UNPROTECT_API);
  if (req.state === APPROVED && (!wasProtected || canUnprotect)) {
    // A sheet protected already (a template's, with its cells to fill unlocked) is protected again with every cell locked.
    if (wasProtected && canUnprotect) unprotect(ws, req.password);
    ws.getUsedRange().format.protection.locked = true;
    if (req.password && isExcelApiSupported(UNPROTECT_API)) ws.protection.protect(undefined, req.password);
    else ws.protection.protect();
    protectedNow = true;
  } else if (req.state === RETURNED && wasProtected && approvedBefore && canUnprotect) {
    unprotect(ws, req.password);
    protectedNow = false;
  }
  try {
    await context.sync();
  } catch (e) {
    await undo(context, undoWas);
    // Excel refuses unprotect with a missing or wrong password as a bare InvalidArgument: say what the officer can do.
    if (wasProtected && refusedAt(e, 'protection.unprotect')) {
      throw new ApprovalError(req.password
        ? `Mật khẩu không đúng: trang '${ws.name}' được khoá bằng mật khẩu khác. Hãy ghi đúng mật khẩu vào ô «Mật khẩu khoá trang» rồi thử lại.`
        : `Trang '${ws.name}' được khoá bằng mật khẩu: hãy ghi mật khẩu đó vào ô «Mật khẩu khoá trang» rồi thử lại.`);
    }
    throw e;
  }
  return { record, protected: protectedNow };
}

/** Whether Excel's refusal points at this statement (OfficeExtension.Error debugInfo.errorLocation). */
function refusedAt(e: unknown, statement: string): boolean {
  const at = (e as { debugInfo?: { errorLocation?: string } } | null)?.debugInfo?.errorLocation;
  return typeof at === 'string' && at.includes(statement);
}

/** Callers check UNPROTECT_API first. */
function unprotect(ws: Excel.Worksheet, password: string | undefined): void {
  if (!isExcelApiSupported(UNPROTECT_API)) return;
  if (password) ws.protection.unprotect(password);
  else ws.protection.unprotect();
}

/** After a refused batch: the workbook as it was (the row cleared or the new record sheet deleted, the protection back). */
async function undo(
  context: Excel.RequestContext,
  was: { hadStore: boolean; nextRow: number; rows: number; sheet: string; wasProtected: boolean; password?: string },
): Promise<void> {
  try {
    const sheets = context.workbook.worksheets;
    const store = sheets.getItemOrNullObject(APPROVAL_SHEET_NAME);
    const ws = sheets.getItemOrNullObject(was.sheet);
    await context.sync();
    if (!ws.isNullObject) {
      ws.protection.load('protected');
      await context.sync();
    }
    if (!store.isNullObject) {
      if (!was.hadStore) {
        // Excel refuses to delete a very hidden sheet (see the module comment): hidden first.
        store.visibility = 'Hidden';
        store.delete();
      } else store.getRange(rangeAddress(was.nextRow, 0, was.nextRow + was.rows - 1, APPROVAL_HEADERS.length - 1)).clear('All');
    }
    if (!ws.isNullObject && ws.protection.protected !== was.wasProtected) {
      if (!was.wasProtected) {
        if (isExcelApiSupported(UNPROTECT_API)) unprotect(ws, was.password);
      } else if (was.password && isExcelApiSupported(UNPROTECT_API)) ws.protection.protect(undefined, was.password);
      else ws.protection.protect();
    }
    await context.sync();
  } catch {
    // The first error is the one to tell the user; this one adds nothing they can act on.
  }
}
