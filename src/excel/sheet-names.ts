/**
 * Checking sheet names before asking Excel, so a bad name is reported in
 * Vietnamese before anything in the workbook changes. (Free names are made
 * by the core's `safeSheetName`.)
 */
import { SHEET_NAME_MAX } from '../core/sheet-model';

/** Why Excel would refuse `name` as a sheet name (Vietnamese), or null. */
export function sheetNameProblem(name: string): string | null {
  if (!name) return 'tên trống';
  if (Array.from(name).length > SHEET_NAME_MAX) return `dài quá ${SHEET_NAME_MAX} ký tự`;
  if (/[\\/?*:[\]]/.test(name)) return 'có ký tự không được dùng (/ \\ ? * : [ ])';
  if (name.startsWith("'") || name.endsWith("'")) return "bắt đầu hoặc kết thúc bằng dấu '";
  if (name.toLowerCase() === 'history') return '"History" là tên Excel giữ riêng';
  return null;
}

export class SheetNameError extends Error {
  constructor(readonly sheetName: string, readonly problem: string) {
    super(`Tên trang "${sheetName}" không dùng được: ${problem}.`);
    this.name = 'SheetNameError';
  }
}
