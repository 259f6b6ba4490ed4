/**
 * Showing findings in the workbook: fill the cells they name, clear those
 * fills again, jump to a cell. Nothing is remembered between calls: a
 * highlighted cell is recognised by its colour, which nobody else uses.
 */
import { cellAddress, parseRangeAddress, rangeAddress } from '../core/address';
import type { Finding, Severity } from '../core/findings';
import { SyncBudget } from './sync-budget';

/** Unusual fills, so clearing never removes a colour a unit chose. */
export const HIGHLIGHT_FILLS: Readonly<Record<Severity, string>> = { error: '#F4A6C6', warning: '#FBE29F' };

const isHighlight = (color: string | null | undefined): boolean =>
  !!color && Object.values(HIGHLIGHT_FILLS).some((c) => c.toLowerCase() === color.toLowerCase());

export interface HighlightOptions {
  /** Largest request one sync may carry (default 4 MB; Excel on the web refuses over 5 MB). */
  maxRequestBytes?: number;
}

export interface HighlightResult {
  /** Cells filled (or cleared). */
  cells: number;
  /** Sheets skipped: not in the workbook, or protected. */
  skipped: string[];
  syncs: number;
}

/** Findings about cells of this workbook, grouped by sheet: cell → severity (errors win). */
function cellsBySheet(findings: readonly Finding[]): Map<string, Map<string, Severity>> {
  const out = new Map<string, Map<string, Severity>>();
  for (const f of findings) {
    if (f.file || !f.sheet || !f.cell || !parseRangeAddress(f.cell)) continue;
    let m = out.get(f.sheet);
    if (!m) out.set(f.sheet, (m = new Map()));
    if (m.get(f.cell) !== 'error') m.set(f.cell, f.severity);
  }
  return out;
}

/** The sheets that exist and are not protected (one sync for all). */
async function usableSheets(context: Excel.RequestContext, names: string[], budget: SyncBudget) {
  const found = names.map((name) => ({ name, ws: context.workbook.worksheets.getItemOrNullObject(name) }));
  await budget.sync();
  const present = found.filter((f) => !f.ws.isNullObject);
  for (const f of present) f.ws.protection.load('protected');
  if (present.length) await budget.sync();
  const usable = present.filter((f) => !f.ws.protection.protected);
  const skipped = names.filter((n) => !usable.some((u) => u.name === n));
  return { usable, skipped };
}

/** Fills the cell of each finding on its sheet (red-pink for errors, yellow for warnings). */
export async function highlightFindings(context: Excel.RequestContext, findings: readonly Finding[], opts: HighlightOptions = {}): Promise<HighlightResult> {
  const budget = new SyncBudget(context, opts.maxRequestBytes);
  const bySheet = cellsBySheet(findings);
  if (!bySheet.size) return { cells: 0, skipped: [], syncs: 0 };
  const { usable, skipped } = await usableSheets(context, [...bySheet.keys()], budget);
  let cells = 0;
  for (const { name, ws } of usable) {
    for (const [cell, severity] of bySheet.get(name)!) {
      await budget.reserve(cell.length + 20);
      ws.getRange(cell).format.fill.color = HIGHLIGHT_FILLS[severity];
      cells++;
    }
  }
  await budget.flush();
  return { cells, skipped, syncs: budget.syncs };
}

/**
 * Removes our fills. With findings, only their cells are looked at (cheap);
 * without, every sheet's used range is scanned: rows whose fill is uniform
 * are decided at once, cells are looked at only in rows of mixed fills.
 */
export async function clearHighlights(context: Excel.RequestContext, findings?: readonly Finding[], opts: HighlightOptions = {}): Promise<HighlightResult> {
  const budget = new SyncBudget(context, opts.maxRequestBytes);
  let candidates: { ws: Excel.Worksheet; address: string }[];
  let skipped: string[] = [];
  if (findings) {
    const bySheet = cellsBySheet(findings);
    if (!bySheet.size) return { cells: 0, skipped: [], syncs: 0 };
    const s = await usableSheets(context, [...bySheet.keys()], budget);
    skipped = s.skipped;
    candidates = s.usable.flatMap(({ name, ws }) => [...bySheet.get(name)!.keys()].map((address) => ({ ws, address })));
  } else {
    candidates = await rowsOfAllSheets(context, budget);
  }

  // Look at the fill of each candidate; a row of mixed fills is opened up into its cells.
  const toClear: { ws: Excel.Worksheet; address: string }[] = [];
  let look = candidates;
  for (let depth = 0; depth < 2 && look.length; depth++) {
    const fills: { ws: Excel.Worksheet; address: string; fill: Excel.RangeFill; range: Excel.Range }[] = [];
    for (const c of look) {
      await budget.reserve(2 * c.address.length, 2);
      const range = c.ws.getRange(c.address);
      const fill = range.format.fill.load('color');
      if (depth === 0 && !findings) range.load('rowIndex,columnIndex,columnCount');
      fills.push({ ...c, fill, range });
    }
    await budget.flush();
    const mixed: { ws: Excel.Worksheet; address: string }[] = [];
    for (const f of fills) {
      if (isHighlight(f.fill.color)) toClear.push(f);
      else if (f.fill.color === null && depth === 0 && !findings) {
        for (let c = 0; c < f.range.columnCount; c++) {
          mixed.push({ ws: f.ws, address: cellAddress(f.range.rowIndex, f.range.columnIndex + c) });
        }
      }
    }
    look = mixed;
  }
  for (const c of toClear) {
    await budget.reserve(c.address.length + 20);
    c.ws.getRange(c.address).format.fill.clear();
  }
  await budget.flush();
  return { cells: toClear.length, skipped, syncs: budget.syncs };
}

/** Every row of every unprotected sheet's used range (formats included), as addresses. */
async function rowsOfAllSheets(context: Excel.RequestContext, budget: SyncBudget): Promise<{ ws: Excel.Worksheet; address: string }[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await budget.sync();
  const used = worksheets.items.map((ws) => {
    ws.protection.load('protected');
    const r = ws.getUsedRangeOrNullObject(false);
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    return { ws, r };
  });
  await budget.sync();
  const rows: { ws: Excel.Worksheet; address: string }[] = [];
  for (const { ws, r } of used) {
    if (r.isNullObject || ws.protection.protected) continue;
    for (let i = 0; i < r.rowCount; i++) {
      const row = r.rowIndex + i;
      rows.push({ ws, address: rangeAddress(row, r.columnIndex, row, r.columnIndex + r.columnCount - 1) });
    }
  }
  return rows;
}

/** Shows a cell: activates its sheet and selects it. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  await context.sync();
  if (ws.isNullObject) throw new Error(`Không tìm thấy trang "${sheet}" trong sổ làm việc (có thể đã bị xóa hoặc đổi tên).`);
  ws.activate();
  ws.getRange(cell && parseRangeAddress(cell) ? cell : 'A1').select();
  await context.sync();
}
