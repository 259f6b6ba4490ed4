/**
 * Excel JavaScript API requirement sets. Two levels:
 * - MANIFEST_EXCEL_API, what manifest.xml asks: 1.1, so that Excel 2016
 *   bought outright (ExcelApi 1.1 only) still lists and opens the pane,
 *   which then explains and offers the page without Excel (app.html);
 * - MIN_EXCEL_API, what the pane's buttons need; the pane checks it when it
 *   opens (components/ExcelTooOld.tsx). Anything newer is used only behind
 *   `isExcelApiSupported` (checked by test/excel/api-set.test.ts).
 */

/** Must equal `<Set Name="ExcelApi" MinVersion="…"/>` in manifest.xml. */
export const MANIFEST_EXCEL_API = '1.1';

/** What the buttons need (Worksheet.getUsedRangeOrNullObject is 1.4). */
export const MIN_EXCEL_API = '1.4';

/** Newer members the adapter uses when the host has them. */
export const OPTIONAL_SETS = {
  /** `freezePanes` */
  freezePanes: '1.7',
  /** `Range.conditionalFormats` (the template's check block marks) */
  conditionalFormats: '1.6',
  /** `Range.hyperlink` (the findings' links to their cells) */
  hyperlink: '1.7',
  /** `Range.dataValidation` */
  dataValidation: '1.8',
  /** `Worksheet.pageLayout` (orientation, print titles) */
  pageLayout: '1.9',
  /** `Workbook.insertWorksheetsFromBase64` */
  insertFromBase64: '1.13',
} as const;

/** `Office.context.requirements.isSetSupported('ExcelApi', v)`; false outside Office. */
export function isExcelApiSupported(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}
