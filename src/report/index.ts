/** The narrative report (.docx, NĐ 30/2020) and the previous-period comparison: the public API. */
export { fromCompileResult, topSummary, type ReportData, type ReportOptions, type ReportChild, type ReportTask, type ReportAssessment, type ReportFinding, type ReportPrevious } from './report-data';
export { fromCompiledWorkbook } from './compiled-workbook';
export { buildReportDocx, buildReportDocument, reportFileName } from './docx-report';
export { readPreviousPeriod } from './previous';
export { formatNumberVi, formatPercentVi, formatDocDateVi, formatPlaceDateVi } from './format';
export { comparisonRef, changePhrase, type ComparisonRef } from './compare';
export { narrativeBlocks, subjectLine, type Block } from './narrative';
