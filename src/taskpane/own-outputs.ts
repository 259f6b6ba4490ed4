/**
 * Which sheets of the open workbook are this add-in's own earlier output,
 * to be left out of the compile and replaced. A name like `BC Vĩnh Linh`
 * alone is not enough: a district's compiled report imported into the
 * province's workbook carries that name too, and it is a child to count.
 */
import type { SheetGrid } from '../core/grid';
import { isOwnOutputSheet } from '../core/layout';
import type { CompileResult } from '../core/model';
import { readSheet } from '../core/reader';
import { unitKey } from '../core/text';

/**
 * Own earlier outputs (lower-cased names): sheets named as outputs that did
 * not count as a child's report, and that are either not a report at all
 * (`TH …`, `PL …`, `Kiểm tra`) or a compiled report (`Loại báo cáo: Tổng hợp`)
 * of a unit this compile summarises.
 */
export function earlierOutputs(grids: readonly SheetGrid[], result: CompileResult): Set<string> {
  const counted = new Set(result.reports.filter((r) => r.counted && !r.report.source.file).map((r) => r.report.source.sheet.toLowerCase()));
  const parents = new Set(result.summaries.map((s) => unitKey(s.unit)));
  if (result.plan?.compilingUnit) parents.add(unitKey(result.plan.compilingUnit));
  const own = new Set<string>();
  for (const g of grids) {
    if (g.file || !isOwnOutputSheet(g.sheet) || counted.has(g.sheet.toLowerCase())) continue;
    const read = readSheet(g);
    const mine = read.kind === 'report' ? read.report.compiled && parents.has(unitKey(read.report.unit)) : read.kind === 'skipped';
    if (mine) own.add(g.sheet.toLowerCase());
  }
  return own;
}
