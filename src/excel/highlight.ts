/**
 * Showing findings in the workbook: fill the cells they name, and take those
 * fills away again, giving each cell back the colour it had before. A unit's
 * sheet is the unit's: highlighting reads each cell's own fill first and
 * returns it (`OriginalFill`), and clearing puts exactly that back. A
 * highlighted cell is recognised by its colour, which nobody else uses, so
 * colours left from an earlier session are still found (and cleared).
 */
import { cellAddress, parseRangeAddress, rangeAddress } from '../core/address';
import { inOpenWorkbook, type Finding, type Severity } from '../core/findings';
import { FILL_STORE_SHEET, mergeOriginals, parseStore, queueStoreRead, queueStoreWrite } from './fill-store';
import { forgetSheetList } from './sheet-list';
import { SyncBudget } from './sync-budget';
import { untrackedRange, WIRE, rangeCallCost, rangeLoadCost, rangeSetCost, sheetCost } from './wire-cost';

/** Unusual fills, so clearing never removes a colour a unit chose. */
export const HIGHLIGHT_FILLS: Readonly<Record<Severity, string>> = { error: '#F4A6C6', warning: '#FBE29F' };

const isHighlight = (color: string | null | undefined): boolean =>
  !!color && Object.values(HIGHLIGHT_FILLS).some((c) => c.toLowerCase() === color.toLowerCase());

/**
 * Excel reports a cell without fill as white. ExcelApi 1.4 has no
 * `fill.pattern` to tell the two apart, so white is given back as no fill
 * (the same look, with gridlines).
 */
const NO_FILL = '#FFFFFF';

/** A cell's own fill before it was highlighted: its colour, or null when it had none. */
export interface OriginalFill {
  sheet: string;
  /** Single-cell address, upper case (`D14`). */
  cell: string;
  color: string | null;
}

/** The key an OriginalFill is kept under: sheet and cell (sheet names may hold `!`, so not `Sheet!A1`). */
export const fillKey = (sheet: string, cell: string): string => JSON.stringify([sheet, cell.toUpperCase()]);

export interface HighlightOptions {
  /** Largest request one sync may carry (default 4 MB; Excel on the web refuses over 5 MB). */
  maxRequestBytes?: number;
}

export interface HighlightResult {
  /** Cells filled (or cleared: a row whose every cell was highlighted counts once). */
  cells: number;
  /** Sheets skipped: not in the workbook, or protected. */
  skipped: string[];
  syncs: number;
}

export interface HighlightFillsResult extends HighlightResult {
  /** The own fill of every cell coloured now, to give back on clearing. */
  originals: OriginalFill[];
}

export interface ClearResult extends HighlightResult {
  /** Originals given back (their cell still held our colour). */
  restored: number;
  /** Originals not reached (sheet protected, or cell not looked at): keep them for a later clear. */
  kept: OriginalFill[];
}

/** Findings about cells of this workbook, grouped by sheet: cell → severity (errors win); a range is its cells. */
function cellsBySheet(findings: readonly Finding[]): Map<string, Map<string, Severity>> {
  const out = new Map<string, Map<string, Severity>>();
  for (const f of findings) {
    // A finding in a file (core/findings.ts inOpenWorkbook) is never coloured on a workbook sheet of the same name.
    const rect = !inOpenWorkbook(f) || !f.cell ? null : parseRangeAddress(f.cell);
    if (!rect) continue;
    let m = out.get(f.sheet);
    if (!m) out.set(f.sheet, (m = new Map()));
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const cell = cellAddress(r, c);
        if (m.get(cell) !== 'error') m.set(cell, f.severity);
      }
    }
  }
  return out;
}

type SheetRef = { name: string; ws: Excel.Worksheet };

/**
 * The sheets that exist and are not protected, in two syncs for all of them.
 * `alsoLoad` queues more loads on the existing sheets into the second sync
 * (chunked by the budget), so what an action reads costs no sync of its own.
 */
async function usableSheets(
  context: Excel.RequestContext,
  names: string[],
  budget: SyncBudget,
  alsoLoad?: (sheet: SheetRef) => Promise<void>,
): Promise<{ usable: SheetRef[]; skipped: string[]; store: Store }> {
  const found = names.map((name) => ({ name, ws: context.workbook.worksheets.getItemOrNullObject(name) }));
  const store = storeLookup(context);
  await budget.sync();
  await store.queueRead(budget);
  const present = found.filter((f) => !f.ws.isNullObject);
  for (const f of present) await budget.add(sheetCost(f.name, WIRE.nav + WIRE.load + 20), () => f.ws.protection.load('protected'));
  if (alsoLoad) for (const f of present) await alsoLoad(f);
  await budget.flush();
  const usable = present.filter((f) => !f.ws.protection.protected);
  const skipped = names.filter((n) => !usable.some((u) => u.name === n));
  return { usable, skipped, store };
}

/** The workbook's record of own fills (fill-store.ts): looked up with the first sync, read with the second. */
interface Store {
  queueRead(budget: SyncBudget): Promise<void>;
  /** After the read: the originals it holds. */
  originals(): OriginalFill[];
  /** Creates it when missing and `needed`, in a sync of its own (adding a sheet is not safe to send twice). */
  ensure(needed: boolean, budget: SyncBudget): Promise<void>;
  /** Replaces its contents (nothing when it does not exist). */
  write(rows: OriginalFill[], budget: SyncBudget): Promise<void>;
}

function storeLookup(context: Excel.RequestContext): Store {
  const worksheets = context.workbook.worksheets;
  let ws = worksheets.getItemOrNullObject(FILL_STORE_SHEET);
  let used: Excel.Range | undefined;
  let held: OriginalFill[] = [];
  let heldRows = 0;
  let created = false;
  return {
    async queueRead(budget) {
      if (ws.isNullObject) return;
      await budget.add(sheetCost(FILL_STORE_SHEET, WIRE.range + 2 * WIRE.load), () => (used = queueStoreRead(ws)));
    },
    originals() {
      if (!used || used.isNullObject) return [];
      heldRows = used.values.length;
      held = parseStore(used.values);
      return held;
    },
    async ensure(needed, budget) {
      if (!needed || !ws.isNullObject) return;
      await budget.flush();
      forgetSheetList(context);
      ws = worksheets.add(FILL_STORE_SHEET);
      ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
      ws.load('id');
      await budget.sync();
      created = true;
    },
    async write(rows, budget) {
      if (ws.isNullObject && !created) return;
      await queueStoreWrite(ws, rows, heldRows, budget);
    },
  };
}

/**
 * Fills the cell of each finding on its sheet (red-pink for errors, yellow
 * for warnings) and returns each cell's own fill from before. A cell that
 * already holds our colour keeps the original in `known` (highlighting
 * twice must not make our colour the "original"); without one it had none.
 * Syncs: three, more only when the payload needs chunking.
 */
export async function highlightFindings(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  opts: HighlightOptions & { known?: ReadonlyMap<string, OriginalFill> } = {},
): Promise<HighlightFillsResult> {
  const budget = new SyncBudget(context, opts.maxRequestBytes);
  const bySheet = cellsBySheet(findings);
  if (!bySheet.size) return { cells: 0, skipped: [], syncs: 0, originals: [] };
  const fills = new Map<string, Excel.RangeFill>();
  // The cells' own fills are read in the same sync as the sheets' protection.
  const { usable, skipped, store } = await usableSheets(context, [...bySheet.keys()], budget, async ({ name, ws }) => {
    for (const cell of bySheet.get(name)!.keys()) {
      await budget.add(rangeLoadCost(cell, 2, 'color'), () => fills.set(fillKey(name, cell), untrackedRange(ws, cell).format.fill.load('color')));
    }
  });
  // What the workbook's record and the pane remember of cells coloured before.
  const stored = store.originals();
  const known = new Map<string, OriginalFill>(stored.map((o) => [fillKey(o.sheet, o.cell), o]));
  for (const [k, o] of opts.known ?? []) if (!known.has(k)) known.set(k, o);
  await store.ensure(usable.length > 0, budget);
  const originals: OriginalFill[] = [];
  for (const { name, ws } of usable) {
    for (const [cell, severity] of bySheet.get(name)!) {
      const key = fillKey(name, cell);
      const color = fills.get(key)!.color;
      const own = isHighlight(color) ? (known.get(key)?.color ?? null) : !color || color.toUpperCase() === NO_FILL ? null : color;
      originals.push({ sheet: name, cell, color: own });
      await budget.add(rangeSetCost(cell, 2, HIGHLIGHT_FILLS[severity]), () => (untrackedRange(ws, cell).format.fill.color = HIGHLIGHT_FILLS[severity]));
    }
  }
  // The record keeps the first original seen for a cell (a later one may be our own colour).
  await store.write(mergeOriginals(stored, originals), budget);
  await budget.flush();
  return { cells: originals.length, skipped, syncs: budget.syncs, originals };
}

/** Each original by sheet, then by cell. */
function originalsBySheet(originals: Iterable<OriginalFill>): Map<string, Map<string, OriginalFill>> {
  const out = new Map<string, Map<string, OriginalFill>>();
  for (const o of originals) {
    let m = out.get(o.sheet);
    if (!m) out.set(o.sheet, (m = new Map()));
    m.set(o.cell.toUpperCase(), o);
  }
  return out;
}

type Candidate = { ws: Excel.Worksheet; sheet: string; address: string };

/**
 * Removes our fills and gives each cell back the colour in `originals`
 * (cells without one are left without fill). With findings, only their
 * cells are looked at (cheap); without, every sheet's used range is
 * scanned: rows whose fill is uniform are decided at once, cells are looked
 * at only in rows of mixed fills. A cell whose colour is no longer ours
 * (someone filled it since) is left as it is.
 */
export async function clearHighlights(
  context: Excel.RequestContext,
  findings?: readonly Finding[],
  opts: HighlightOptions & { originals?: Iterable<OriginalFill> } = {},
): Promise<ClearResult> {
  const budget = new SyncBudget(context, opts.maxRequestBytes);
  let candidates: Candidate[];
  let skipped: string[];
  let store: Store;
  let saved: Map<string, Map<string, OriginalFill>>;
  /** Whether clearing looks at this original's cell (else it is kept for later). */
  let reaches: (o: OriginalFill) => boolean;
  let scanning = false;
  if (findings) {
    const bySheet = cellsBySheet(findings);
    const s = await usableSheets(context, [...bySheet.keys()], budget);
    store = s.store;
    saved = originalsBySheet(mergeOriginals(store.originals(), opts.originals ?? []));
    skipped = s.skipped;
    candidates = s.usable.flatMap(({ name, ws }) => [...(bySheet.get(name)?.keys() ?? [])].map((address) => ({ ws, sheet: name, address })));
    const looked = new Set(candidates.map((c) => fillKey(c.sheet, c.address)));
    reaches = (o) => looked.has(fillKey(o.sheet, o.cell));
  } else {
    // The cells coloured are known (the workbook's record, the pane's memory): look at those only.
    const s = await sheetsWithStore(context, budget);
    store = s.store;
    const known = mergeOriginals(store.originals(), opts.originals ?? []);
    saved = originalsBySheet(known);
    if (known.length) {
      skipped = [...saved.keys()].filter((n) => !s.usable.has(n));
      candidates = known.filter((o) => s.usable.has(o.sheet)).map((o) => ({ ws: s.usable.get(o.sheet)!, sheet: o.sheet, address: o.cell }));
      reaches = (o) => s.usable.has(o.sheet);
    } else {
      // Nothing recorded (colours from before the record existed): scan every sheet.
      const r = await rowsOfAllSheets(context, budget);
      candidates = r.rows;
      skipped = r.protectedSheets;
      reaches = (o) => !r.protectedSheets.includes(o.sheet);
      scanning = true;
    }
  }
  const all = [...saved.values()].flatMap((m) => [...m.values()]);

  // Look at the fill of each candidate; a row of mixed fills is opened up into its cells.
  const toClear: Candidate[] = [];
  let look = candidates;
  for (let depth = 0; depth < 2 && look.length; depth++) {
    const fills: (Candidate & { fill: Excel.RangeFill; range: Excel.Range })[] = [];
    const withPlace = depth === 0 && scanning;
    for (const [i, c] of look.entries()) {
      const cost = rangeLoadCost(c.address, 2, 'color') + (withPlace ? WIRE.load + 40 : 0);
      // Indexed, not pushed: the budget may queue this again after a refused sync.
      await budget.add(cost, () => {
        const range = untrackedRange(c.ws, c.address);
        const fill = range.format.fill.load('color');
        if (withPlace) range.load('rowIndex,columnIndex,columnCount');
        fills[i] = { ...c, fill, range };
      });
    }
    await budget.flush();
    const mixed: Candidate[] = [];
    for (const f of fills) {
      if (isHighlight(f.fill.color)) toClear.push(f);
      else if (f.fill.color === null && withPlace) {
        for (let c = 0; c < f.range.columnCount; c++) {
          mixed.push({ ws: f.ws, sheet: f.sheet, address: cellAddress(f.range.rowIndex, f.range.columnIndex + c) });
        }
      }
    }
    look = mixed;
  }
  let restored = 0;
  for (const c of toClear) {
    await budget.add(rangeCallCost(c.address, 2), () => untrackedRange(c.ws, c.address).format.fill.clear());
    // Then the own colours of the cells in it (a cleared row may hold several).
    const own = saved.get(c.sheet);
    const rect = own && parseRangeAddress(c.address);
    if (!own || !rect) continue;
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let col = rect.c1; col <= rect.c2; col++) {
        const o = own.get(cellAddress(r, col));
        if (!o) continue;
        restored++;
        if (o.color === null) continue;
        const color = o.color;
        await budget.add(rangeSetCost(o.cell, 2, color), () => (untrackedRange(c.ws, o.cell).format.fill.color = color));
      }
    }
  }
  const kept = all.filter((o) => !reaches(o));
  await store.write(kept, budget);
  await budget.flush();
  return { cells: toClear.length, skipped, syncs: budget.syncs, restored, kept };
}

/** Every sheet (by name) that is not protected, and the record of own fills, in two syncs. */
async function sheetsWithStore(context: Excel.RequestContext, budget: SyncBudget): Promise<{ usable: Map<string, Excel.Worksheet>; store: Store }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  const store = storeLookup(context);
  await budget.sync();
  await store.queueRead(budget);
  const sheets = worksheets.items.filter((ws) => ws.name !== FILL_STORE_SHEET);
  for (const ws of sheets) await budget.add(sheetCost(ws.id, WIRE.nav + WIRE.load + 20), () => ws.protection.load('protected'));
  await budget.flush();
  return { usable: new Map(sheets.filter((ws) => !ws.protection.protected).map((ws) => [ws.name, ws])), store };
}

/** Every row of every unprotected sheet's used range (formats included), as addresses; and the protected sheets. */
async function rowsOfAllSheets(context: Excel.RequestContext, budget: SyncBudget): Promise<{ rows: Candidate[]; protectedSheets: string[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  await budget.sync();
  const used: { ws: Excel.Worksheet; r: Excel.Range }[] = [];
  for (const [i, ws] of worksheets.items.entries()) {
    const cost = sheetCost(ws.id, 2 * (WIRE.nav + WIRE.load) + WIRE.range + 80);
    await budget.add(cost, () => {
      ws.protection.load('protected');
      const r = ws.getUsedRangeOrNullObject(false);
      r.load('rowIndex,columnIndex,rowCount,columnCount');
      used[i] = { ws, r };
    });
  }
  await budget.flush();
  const rows: Candidate[] = [];
  const protectedSheets: string[] = [];
  for (const { ws, r } of used) {
    if (ws.protection.protected) protectedSheets.push(ws.name);
    if (r.isNullObject || ws.protection.protected) continue;
    for (let i = 0; i < r.rowCount; i++) {
      const row = r.rowIndex + i;
      rows.push({ ws, sheet: ws.name, address: rangeAddress(row, r.columnIndex, row, r.columnIndex + r.columnCount - 1) });
    }
  }
  return { rows, protectedSheets };
}

/**
 * Shows a sheet the action has just written (its A1), in one request. Only a
 * courtesy once the work is in place: Excel refusing it is not the action
 * failing, so it is never reported as an error (the pane says what was written).
 */
export async function showWrittenSheet(context: Excel.RequestContext, sheet: string): Promise<void> {
  try {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    untrackedRange(ws, 'A1').select();
    await context.sync();
  } catch {
    // The output is written; the user finds it among the sheets.
  }
}

/** Shows a cell: activates its sheet and selects it. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  await context.sync();
  if (ws.isNullObject) throw new Error(`Không tìm thấy trang "${sheet}" trong sổ làm việc (có thể đã bị xóa hoặc đổi tên).`);
  ws.activate();
  untrackedRange(ws, cell && parseRangeAddress(cell) ? cell : 'A1').select();
  await context.sync();
}
