/**
 * The open workbook's sheets → SheetGrid[] for the core.
 *
 * Syncs do not grow with the number of sheets: one sync loads the sheet
 * names, one loads every sheet's used-range position, then the values are
 * read in row chunks packed into as few syncs as the response limit allows
 * (three syncs for an ordinary workbook; more only for a lot of data).
 */
import { rangeAddress } from '../core/address';
import { APPROVAL_SHEET_NAME } from '../core/approval';
import type { CellValue, SheetGrid } from '../core/grid';
import { jsonBytes, toCellValue } from './cell-values';
import { DEFAULT_MAX_RESPONSE_BYTES, MAX_CELLS_PER_SYNC } from './sync-budget';
import { queueSheetList } from './sheet-list';
import { untrackedRange } from './wire-cost';

export interface ReadOptions {
  /** Largest response one sync may bring back (default 4 MB; Excel on the web refuses over 5 MB). */
  maxResponseBytes?: number;
  /** Only these sheets (names as in the workbook); default every sheet but very hidden ones (the approval record is read). */
  sheets?: string[];
}

/** First guess of a cell's size in the response, corrected by what each sync actually returns. */
const INITIAL_BYTES_PER_CELL = 32;
/** Refusals ("response too large") in a row before giving up. */
const MAX_SPLITS = 12;
/** Least size assumed for a cell (`"",` is 3 bytes). */
const MIN_BYTES_PER_CELL = 8;

interface Piece {
  grid: SheetGrid;
  ws: Excel.Worksheet;
  /** Absolute first row/column of the piece, its size. */
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ReadStats {
  syncs: number;
  /** Syncs Excel refused because a response was too large (each is retried with smaller chunks). */
  retries: number;
}

/** Reads every worksheet's used range; `""` becomes null and `#N/A`-style errors `{ error }`. */
export async function readWorkbookGrids(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<SheetGrid[]> {
  return (await readWorkbookGridsWithStats(context, opts)).grids;
}

export async function readWorkbookGridsWithStats(
  context: Excel.RequestContext,
  opts: ReadOptions = {},
): Promise<{ grids: SheetGrid[]; stats: ReadStats }> {
  const stats: ReadStats = { syncs: 0, retries: 0 };
  const sync = async () => {
    stats.syncs++;
    await context.sync();
  };
  const maxBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const only = opts.sheets && new Set(opts.sheets.map((s) => s.toLowerCase()));

  const listed = queueSheetList(context);
  // Office.js has no property for the date system (@types/office-js, ExcelApi up to 1.18: none), but
  // worksheet functions are evaluated in it: DATE(1904;1;1) is 0 in the 1904 system, 1462 in the 1900 one.
  const epoch = context.workbook.functions.date(1904, 1, 1);
  epoch.load('value');
  await sync();
  const date1904 = epoch.value === 0;
  // Very hidden sheets are the add-in's own stores, never reports; the approval record is read (core/approval.ts parses it).
  const worksheets = context.workbook.worksheets;
  const sheets = listed().filter((s) => (s.visibility !== 'VeryHidden' || s.name === APPROVAL_SHEET_NAME) && (!only || only.has(s.name.toLowerCase())))
    .map((s) => ({ ws: worksheets.getItem(s.id), name: s.name, hidden: s.visibility !== 'Visible' }));

  const used = sheets.map(({ ws, name, hidden }) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    return { ws, name, r, hidden };
  });
  await sync();

  const grids: SheetGrid[] = [];
  let pending: Piece[] = [];
  for (const { ws, name, r, hidden } of used) {
    // Hidden and the 1904 date system as the file readers give them: the approval fingerprint covers both (core/approval.ts).
    const flags = { ...(date1904 ? { date1904 } : {}), ...(hidden ? { hidden } : {}) };
    if (r.isNullObject) {
      grids.push({ sheet: name, originRow: 0, originCol: 0, cells: [], ...flags });
      continue;
    }
    const grid: SheetGrid = { sheet: name, originRow: r.rowIndex, originCol: r.columnIndex, cells: new Array<CellValue[]>(r.rowCount), ...flags };
    grids.push(grid);
    pending.push({ grid, ws, row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount });
  }

  let bytesPerCell = INITIAL_BYTES_PER_CELL;
  let splits = 0;
  while (pending.length) {
    // Take pieces (cut by rows where needed) until the estimated response is full.
    const batch: Piece[] = [];
    let bytes = 0;
    let cells = 0;
    while (pending.length) {
      const p = pending[0];
      const rowBytes = p.cols * bytesPerCell;
      const fitBytes = Math.floor((maxBytes - bytes) / rowBytes);
      const fitCells = Math.floor((MAX_CELLS_PER_SYNC - cells) / p.cols);
      let rows = Math.min(p.rows, fitBytes, fitCells);
      if (rows <= 0) {
        if (batch.length) break;
        rows = 1; // one row larger than the whole budget: try it alone
      }
      const piece = { ...p, rows };
      batch.push(piece);
      bytes += rows * rowBytes;
      cells += rows * p.cols;
      if (rows === p.rows) pending.shift();
      else pending[0] = { ...p, row: p.row + rows, rows: p.rows - rows };
    }

    const loads = batch.map((p) => {
      const range = untrackedRange(p.ws, rangeAddress(p.row, p.col, p.row + p.rows - 1, p.col + p.cols - 1));
      range.load('values');
      return { p, range };
    });
    try {
      await sync();
    } catch (e) {
      const code = (e as { code?: string }).code;
      const tooBig = code === 'ResponsePayloadSizeLimitExceeded';
      if (!tooBig || splits >= MAX_SPLITS || (batch.length === 1 && batch[0].rows === 1)) throw e;
      // Our guess was too low: guess higher and read the same pieces again, smaller.
      splits++;
      stats.retries++;
      bytesPerCell *= 2;
      pending = [...batch, ...pending];
      continue;
    }
    let observed = 0;
    let observedCells = 0;
    for (const { p, range } of loads) {
      const values = range.values;
      observed += jsonBytes(values);
      observedCells += p.rows * p.cols;
      const base = p.row - p.grid.originRow;
      values.forEach((row, i) => {
        p.grid.cells[base + i] = row.map(toCellValue);
      });
    }
    // Later chunks are cut with what cells really weigh here (with a margin).
    if (observedCells) bytesPerCell = Math.max(MIN_BYTES_PER_CELL, Math.ceil((observed / observedCells) * 1.5));
    splits = 0;
  }
  return { grids, stats };
}
