/**
 * The workbook's sheets (name, id, visibility), loaded once per action: an
 * action is one `Excel.run`, so one request context, and what it learnt of
 * the sheets stays true until the action itself adds, renames or deletes a
 * sheet — every module that does so forgets the list (`forgetSheetList`),
 * and the next reader loads it again. Saves a round trip each time a second
 * part of the same action needs the names (reading, laying out, writing).
 */
export interface SheetInfo {
  name: string;
  id: string;
  visibility: string;
}

const known = new WeakMap<object, SheetInfo[]>();

/**
 * Queues the load of the list unless it is known; the function returned
 * gives it after the caller's next sync (so the load can share a request).
 */
export function queueSheetList(context: Excel.RequestContext): () => SheetInfo[] {
  const held = known.get(context);
  if (held) return () => held;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id,items/visibility');
  return () => {
    const list = worksheets.items.map((w) => ({ name: w.name, id: w.id, visibility: String(w.visibility) }));
    known.set(context, list);
    return list;
  };
}

/** The list, loaded in a request of its own when this action has not loaded it yet (`sync`: the caller's, to count it). */
export async function sheetList(context: Excel.RequestContext, sync: () => Promise<unknown> = () => context.sync()): Promise<SheetInfo[]> {
  const held = known.get(context);
  if (held) return held;
  const list = queueSheetList(context);
  await sync();
  return list();
}

/** After this action added, renamed or deleted a sheet (or may have, when a request failed). */
export function forgetSheetList(context: Excel.RequestContext): void {
  known.delete(context);
}
