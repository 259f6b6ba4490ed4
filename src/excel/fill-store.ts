/**
 * Where the cells' own fills from before «Tô màu ô lỗi» are kept: in the
 * workbook itself, on a very hidden sheet, so that «Xoá tô màu» gives every
 * cell its colour back even after the pane was closed, reloaded or the file
 * was saved and opened elsewhere (the pane's memory alone lost them).
 *
 * One row per coloured cell: sheet name, cell address, own colour ('' for
 * none), all written as text (`@`). Very hidden sheets are not read by
 * Tổng hợp (read.ts skips them) and users cannot unhide them by accident.
 */
import type { OriginalFill } from './highlight';
import { fillKey } from './highlight';
import type { SyncBudget } from './sync-budget';
import { gridWriteCost, untrackedRange } from './wire-cost';
import { jsonBytes } from './cell-values';
import { rangeAddress } from '../core/address';

/** Not a name a unit or the compiler would use; `~` keeps it apart from outputs (see write.ts TEMP_PREFIX). */
export const FILL_STORE_SHEET = '~to mau goc';


/** The store's rows → originals (rows without a sheet or cell are skipped). */
export function parseStore(values: unknown[][] | null | undefined): OriginalFill[] {
  const out: OriginalFill[] = [];
  for (const row of values ?? []) {
    const [sheet, cell, color] = row.map((v) => (v === null || v === undefined ? '' : String(v)));
    if (sheet && cell) out.push({ sheet, cell: cell.toUpperCase(), color: color ? color : null });
  }
  return out;
}

/** Queued on the store sheet (when it exists): its used range's values, read by `parseStore` after the sync. */
export function queueStoreRead(store: Excel.Worksheet): Excel.Range {
  const used = store.getUsedRangeOrNullObject(true);
  used.load('values');
  return used;
}

/**
 * Queues the store's new contents: `rows` replace what it held (`heldRows`
 * rows from A1). Rows beyond the new ones are emptied.
 */
export async function queueStoreWrite(store: Excel.Worksheet, rows: OriginalFill[], heldRows: number, budget: SyncBudget): Promise<void> {
  const grid = rows.map((o) => [o.sheet, o.cell, o.color ?? '']);
  // Rows per write: a quarter of a request each (a row is its three texts and formats).
  const widest = grid.reduce((m, r) => Math.max(m, jsonBytes(r) + 20), 40);
  const perWrite = Math.max(1, Math.floor(budget.maxBytes / 4 / widest));
  for (let start = 0; start < grid.length; start += perWrite) {
    const part = grid.slice(start, start + perWrite);
    const address = rangeAddress(start, 0, start + part.length - 1, 2);
    const formats = part.map(() => ['@', '@', '@']);
    await budget.add(gridWriteCost(address, jsonBytes(part) + jsonBytes(formats), part.length * 3), () => {
      const range = untrackedRange(store, address);
      range.numberFormat = formats;
      range.values = part;
    }, 'danh sách màu gốc của các ô đã tô');
  }
  if (heldRows > grid.length) {
    const address = rangeAddress(grid.length, 0, heldRows - 1, 2);
    await budget.add(gridWriteCost(address, 20, 0), () => untrackedRange(store, address).clear('Contents'));
  }
}

/** `a` with `b`'s originals added where `a` has none for the cell (the older record wins: it saw the cell's own colour). */
export function mergeOriginals(a: Iterable<OriginalFill>, b: Iterable<OriginalFill>): OriginalFill[] {
  const out = new Map<string, OriginalFill>();
  for (const o of a) out.set(fillKey(o.sheet, o.cell), o);
  for (const o of b) if (!out.has(fillKey(o.sheet, o.cell))) out.set(fillKey(o.sheet, o.cell), o);
  return [...out.values()];
}
