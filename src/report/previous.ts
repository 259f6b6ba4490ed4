/**
 * Last period's figures, for "tăng 12% so với cùng kỳ": read from last
 * period's compiled workbook (its `BC …` reports and `TH …` summary rows)
 * or from a plain TTCCHC-1 report, keyed by unitKey.
 */
import type { SheetGrid } from '../core/grid';
import type { PreviousPeriod, UnitReport } from '../core/model';
import { readSheet } from '../core/reader';
import { INDICATOR_CODES, type Period } from '../core/template';
import { unitKey } from '../core/unit-names';
import { readSummaryTable } from '../core/layout/read-back';

/** The period the workbook is about: its compiled reports' (the top first), else the most common among its reports. */
function mainPeriod(reports: UnitReport[]): { period: Period | null; year: number | null } {
  const dated = reports.filter((r) => r.period && r.year);
  const pool = dated.some((r) => r.compiled) ? dated.filter((r) => r.compiled) : dated;
  const counts = new Map<string, { period: Period; year: number; n: number }>();
  for (const r of pool) {
    const k = `${r.period}|${r.year}`;
    const e = counts.get(k) ?? { period: r.period!, year: r.year!, n: 0 };
    e.n++;
    counts.set(k, e);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best ? { period: best.period, year: best.year } : { period: null, year: null };
}

/**
 * Figures by unit from last period's workbook. A unit's own report sheet
 * wins over its row in a summary; compiled reports (`BC …`) give the
 * parents' totals. Reports of another period than the workbook's are left out.
 */
export function readPreviousPeriod(grids: SheetGrid[]): PreviousPeriod {
  const reports = grids.flatMap((g) => {
    const r = readSheet(g);
    return r.kind === 'report' ? [r.report] : [];
  });
  const { period, year } = mainPeriod(reports);
  const byUnit: PreviousPeriod['byUnit'] = {};
  // Compiled reports first (a parent's total), then the units' own sheets.
  const ordered = [...reports.filter((r) => r.compiled), ...reports.filter((r) => !r.compiled)];
  for (const r of ordered) {
    if (period && (r.period !== period || r.year !== year)) continue;
    const k = unitKey(r.unit);
    if (k && !byUnit[k]) byUnit[k] = r.figures;
  }
  // Children that only appear as rows of a summary sheet.
  for (const g of grids) {
    const table = readSummaryTable(g);
    if (!table) continue;
    for (const row of table.children) {
      const k = unitKey(row.unit);
      if (!k || byUnit[k]) continue;
      if (INDICATOR_CODES.some((c) => row.figures[c] !== null)) byUnit[k] = row.figures;
    }
  }
  return { period, year, byUnit };
}
