/**
 * Test helper: last period's compiled workbook, made from this period's
 * unit sheets as a user would have made it a year ago: each unit's report
 * with the year one less and every figure multiplied by `factor`, compiled
 * and written by the same code as the command line's output. Picked as
 * "Kỳ trước" in the pane.
 */
import { parseCellAddress } from '../../src/core/address';
import { compileGrids } from '../../src/core/compile';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { layoutOutputs } from '../../src/core/layout';
import type { CompileResult, UnitReport } from '../../src/core/model';
import { readSheet } from '../../src/core/reader';
import { INDICATOR_CODES } from '../../src/core/template';
import { writeXlsx } from '../../src/xlsx/write';

/** The unit's sheet a year earlier: year − 1, figures × factor (the other cells as they are). */
function yearBefore(g: SheetGrid, report: UnitReport, factor: number): SheetGrid {
  const cells: CellValue[][] = g.cells.map((r) => [...r]);
  const edit = (address: string | undefined, fn: (v: CellValue) => CellValue) => {
    const at = address && parseCellAddress(address);
    if (!at) return;
    const row = (cells[at.row - g.originRow] ??= []);
    row[at.col - g.originCol] = fn(row[at.col - g.originCol] ?? null);
  };
  for (const code of INDICATOR_CODES) {
    const v = report.figures[code];
    if (v !== null) edit(report.figureCells[code], () => v * factor);
  }
  const year = report.year!;
  edit(report.idCells.year, (v) => (typeof v === 'number' ? v - 1 : typeof v === 'string' ? v.replace(String(year), String(year - 1)) : v));
  return { ...g, cells };
}

/**
 * The previous period's compile (no plan: a plan names this period) and its
 * workbook's bytes. Throws when a sheet's year could not be moved back.
 */
export async function previousWorkbook(grids: SheetGrid[], factor = 2): Promise<{ result: CompileResult; bytes: Buffer }> {
  const earlier = grids.flatMap((g) => {
    const r = readSheet(g);
    return r.kind === 'report' ? [yearBefore(g, r.report, factor)] : [];
  });
  const result = compileGrids(earlier, {});
  const years = new Set(result.reports.map((e) => e.report.year));
  if (years.size !== 1) throw new Error(`previousWorkbook: reports of several years ${[...years].join(', ')}`);
  return { result, bytes: await writeXlsx(layoutOutputs(result, {})) };
}
