/**
 * The narrative report (.docx, NĐ 30/2020) and the previous-period comparison: the public API.
 * Node and browser safe (no fs): callers save or download the bytes.
 *
 *   const previous = readPreviousPeriod(lastPeriodGrids);                 // optional
 *   const data = fromCompileResult(result, { previous, date: new Date() }); // or fromCompiledWorkbook(grids, …)
 *   const bytes = await buildReportDocx(data);                            // Uint8Array of the .docx
 */
export { fromCompileResult, topSummary, type ReportData, type ReportOptions, type ReportChild, type ReportTask, type ReportAssessment, type ReportFinding, type ReportPrevious } from './report-data';
export { fromCompiledWorkbook } from './compiled-workbook';
export { buildReportDocx, buildReportDocument } from './docx-report';
export { reportFileName } from './file-name';
export { signerLines, type Signer } from './signer';
export { readPreviousPeriod } from './previous';
export { formatNumberVi, formatPercentVi, formatDocDateVi, formatPlaceDateVi } from './format';
export { comparisonRef, changePhrase, type ComparisonRef } from './compare';
export { narrativeBlocks, subjectLine, type Block } from './narrative';
