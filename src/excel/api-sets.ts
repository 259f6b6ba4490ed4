/**
 * Excel JavaScript API requirement sets. The manifest asks for
 * MIN_EXCEL_API; anything newer is used only behind `isExcelApiSupported`
 * (checked by test/excel/api-set.test.ts).
 */

/** Must equal `<Set Name="ExcelApi" MinVersion="…"/>` in manifest.xml. */
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
