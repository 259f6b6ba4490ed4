/**
 * What one queued operation costs on the wire: the bytes Microsoft's Excel
 * client adds to the next `context.sync()` request (RichApi JSON: object
 * paths, Instantiate / Query / Method / SetProperty actions, the client's own
 * `_KeepReference` for every Range it tracks, the list of object ids each
 * action uses).
 *
 * Measured on the real client (@microsoft/office-js, web/win32/mac builds
 * send the same bytes) with ids of six digits, as a long Excel.run reaches;
 * test/excel/wire-cost.test.ts holds every kind of operation the add-in
 * queues against the real client's bytes: never below them, at most 1.6×.
 * A fill colour is ≈ 780 bytes, a six-edge border ≈ 2.5 KB, a merge ≈ 470.
 */
import { jsonBytes } from './cell-values';

export const WIRE = {
  /** A new Range object from a worksheet (`getRange(address)`), without the address. */
  range: 450,
  /** One navigation step: `.format`, `.fill`, `.font`, `.borders`, an edge, `.protection`, `.dataValidation`, `.title`, `.freezePanes`, `.pageLayout`. */
  nav: 185,
  /** A SetProperty action, without its value. */
  set: 100,
  /** A Method action, without its arguments. */
  call: 100,
  /** A Query action (`load`), without its select list. */
  load: 120,
  /** A worksheet object by name or id (`getItem`, `getItemOrNullObject`, `add`), without the name. */
  sheet: 260,
  /** The client splits a `values`/`numberFormat` write of more than this many cells into row blocks… */
  clientSplitCells: 1500,
  /** …each costing about this much more (GetRow, GetRow, GetBoundingRect paths). */
  clientSplitBlock: 700,
} as const;

/** `ws.getRange(address)[.nav…].prop = value`: `navs` navigation steps between the range and the property. */
export function rangeSetCost(address: string, navs: number, value: unknown): number {
  return WIRE.range + address.length + navs * WIRE.nav + WIRE.set + jsonBytes(value);
}

/** `const o = ws.getRange(address)[.nav…]; o.a = x; o.b = y…`: several properties of one object (the sheet's font name and size). */
export function rangeSetsCost(address: string, navs: number, values: unknown[]): number {
  return WIRE.range + address.length + navs * WIRE.nav + values.reduce<number>((n, v) => n + WIRE.set + jsonBytes(v), 0);
}

/** A part of a worksheet already in hand (`ws.pageLayout`): `navs` steps to it, then properties set and methods called on it. */
export function sheetPartCost(navs: number, sets: unknown[], calls: unknown[][] = []): number {
  return navs * WIRE.nav + sets.reduce<number>((n, v) => n + WIRE.set + jsonBytes(v), 0) + calls.reduce<number>((n, a) => n + WIRE.call + jsonBytes(a), 0);
}

/** `ws.getRange(address)[.nav…].method(args)`. */
export function rangeCallCost(address: string, navs: number, args: unknown[] = []): number {
  return WIRE.range + address.length + navs * WIRE.nav + WIRE.call + jsonBytes(args);
}

/** `ws.getRange(address)[.nav…].load(select)`. */
export function rangeLoadCost(address: string, navs: number, select: string): number {
  return WIRE.range + address.length + navs * WIRE.nav + WIRE.load + jsonBytes(select);
}

/**
 * One range written with both its number formats and its values
 * (`gridJsonBytes`: the two arrays as JSON), with the client's own
 * splitting of blocks over 1,500 cells.
 */
export function gridWriteCost(address: string, gridJsonBytes: number, cells: number): number {
  const blocks = cells > WIRE.clientSplitCells ? Math.ceil(cells / WIRE.clientSplitCells) : 0;
  return WIRE.range + address.length + 2 * WIRE.set + gridJsonBytes + 2 * blocks * WIRE.clientSplitBlock;
}

/** `worksheets.getItem(name)` / `getItemOrNullObject(name)` / `add(name)`, with `then` more steps on it. */
export function sheetCost(name: string, then = 0): number {
  return WIRE.sheet + jsonBytes(name) + then;
}

/** Borders on a rectangle: `.format.borders.getItem(edge).style = 'Continuous'` for each edge. */
export function bordersCost(address: string, edges: number): number {
  return WIRE.range + address.length + 2 * WIRE.nav + edges * (WIRE.nav + WIRE.set + jsonBytes('InsideHorizontal'));
}

/**
 * `ws.getRange(address)` that the client does not keep a reference to.
 * Inside `Excel.run` the client asks Excel to keep every Range it creates
 * (`_KeepReference`) and, when the run ends, sends one more request that
 * removes them all (`_RemoveReference` each, ≈ 120 bytes): after colouring
 * or scanning tens of thousands of cells that clean-up request alone would
 * pass 5 MB. Ranges the add-in uses within one sync need no reference.
 */
export function untrackedRange(ws: Excel.Worksheet, address: string): Excel.Range {
  const range = ws.getRange(address);
  ws.context.trackedObjects.remove(range);
  return range;
}
