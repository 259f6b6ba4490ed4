/** Values as Office.js gives them → the core's CellValue. */
import type { CellValue } from '../core/grid';

/** Error values Excel shows in `range.values` (as strings). */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  '#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#BUSY!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#UNKNOWN!',
]);

/** `""` → null, `#N/A`… → `{ error }`, numbers/booleans/other strings unchanged. */
export function toCellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return EXCEL_ERRORS.has(v) ? { error: v } : v;
  return String(v);
}

const encoder = new TextEncoder();

/** UTF-8 size of a value as JSON: how payloads are estimated. */
export function jsonBytes(v: unknown): number {
  return encoder.encode(JSON.stringify(v) ?? '').length;
}
