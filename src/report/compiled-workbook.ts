/**
 * The report of a workbook the compiler wrote (`tonghop report
 * tong-hop.xlsx`): the workbook read back beside the layout that wrote it
 * (core/layout/read-back.ts), then the report's one constructor from
 * compiled data (report-data.ts fromCompileResult).
 */
import type { SheetGrid } from '../core/grid';
import { readCompiledWorkbook } from '../core/layout/read-back';
import { fromCompileResult, type ReportData, type ReportOptions } from './report-data';

/** ReportData of a compiled workbook's unit (`opts.unit`, else the top one); throws a Vietnamese message when it holds no compiled report. */
export function fromCompiledWorkbook(grids: SheetGrid[], opts: ReportOptions = {}): ReportData {
  return fromCompileResult(readCompiledWorkbook(grids, opts.unit), opts);
}
