/** The Office.js layer: the open workbook ↔ the core's grids and output sheets. */
export { readWorkbookGrids, readWorkbookGridsWithStats } from './read';
export type { ReadOptions, ReadStats } from './read';
export { writeOutputSheets, columnWidthPoints } from './write';
export type { SheetEntry, WriteOptions, WriteResult } from './write';
export { highlightFindings, clearHighlights, selectCell, showWrittenSheet, HIGHLIGHT_FILLS } from './highlight';
export type { HighlightOptions, HighlightResult } from './highlight';
export { insertSheetsFromFiles } from './insert';
export type { ImportFile, ImportOptions, ImportResult, FileImportResult } from './insert';
export { describeOfficeError } from './errors';
export { MIN_EXCEL_API, OPTIONAL_SETS, isExcelApiSupported } from './api-sets';
export { toCellValue, EXCEL_ERRORS } from './cell-values';
export { sheetNameProblem, SheetNameError } from './sheet-names';
export { recordApproval, readApprovalRecords, ApprovalError } from './approval';
export type { ApprovalRequest, ApprovalOutcome } from './approval';
