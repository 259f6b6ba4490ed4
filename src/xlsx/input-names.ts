/**
 * Which files are read as workbooks, by name alone: the same for the command
 * line (read-file.ts expandInputs) and the pane's picked files
 * (src/taskpane/actions.ts readPickedFiles). No Node built-in: the pane uses it.
 */
import { ACCEPTED_FORMATS, WORKBOOK_EXT } from './common';

/** Excel's lock file while a workbook is open: `~$tong-hop.xlsx`. Never a report. */
const LOCK_FILE = /^~\$/;

export const isLockFileName = (name: string): boolean => LOCK_FILE.test(name);

/** A workbook the readers take (.xlsx and its kin, .xls, .xlsb, .ods: common.ts WORKBOOK_EXT). */
export const isWorkbookName = (name: string): boolean => WORKBOOK_EXT.test(name);

/** Why a file named on its own (not found in a folder) is not read: `name` is the file's name as the user knows it. */
export const notWorkbookMessage = (name: string): string =>
  `Tệp "${name}" không phải sổ Excel. ${ACCEPTED_FORMATS}; tệp .csv cần mở trong Excel và lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".`;
