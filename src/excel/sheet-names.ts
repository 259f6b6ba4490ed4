/**
 * Checking sheet names before asking Excel, so a bad name is reported in
 * Vietnamese before anything in the workbook changes. The rule and the free
 * names are the core's (core/layout/names.ts sheetNameProblem, safeSheetName).
 */
import { sheetNameProblem } from '../core/layout/names';

/** Why Excel would refuse a name (Vietnamese), or null: the core's rule (core/layout/names.ts). */
export { sheetNameProblem };

export class SheetNameError extends Error {
  constructor(readonly sheetName: string, readonly problem: string) {
    super(`Tên trang "${sheetName}" không dùng được: ${problem}.`);
    this.name = 'SheetNameError';
  }
}
