/**
 * The in-memory workbook and what each Excel member does to it: the model
 * the RichApi host (dev/office-host) answers Microsoft's real client from,
 * in tests, the benchmark and the browser harness (no Node-only imports).
 *
 * Its own hand-written client is retired: Microsoft's client now does what
 * a client does (queueing, PropertyNotLoaded before a sync, isNullObject,
 * the wire format), and test/excel/office-host.test.ts checks the facts of
 * shared/spec/OFFICE-JS-NOTES.md through it. What stays here is what the
 * real client cannot do, being only a client: the workbook's state and the
 * effect of each operation when a batch runs (in order; the operations
 * before a failing one stay applied); sheet-name rules; `=`, `+` and `-`
 * strings become formulas unless the cell is formatted `@`; numeric strings
 * become numbers; whole-column/row ranges read null; 5,000,000 cells read at
 * once; members above `apiVersion` fail with `ApiNotFound`. (The objects
 * still carry their old client-side checks; the host reads and writes them
 * only inside a batch.)
 *
 * Simplified: formulas are stored, not computed (a formula cell reads
 * `#NAME?`, which also makes an injected formula visible); reading too many
 * cells fails with `InvalidArgument`; formats are per cell, borders keep
 * only their style; charts, validations and page layout are recorded, not
 * drawn; `insertWorksheetsFromBase64` brings values, formulas, number
 * formats, merges and column widths (what SheetJS CE reads) and renames a
 * taken name to `Name (2)`.
 */
export { FakeOffice } from './office';
export type { SheetSnapshot, CellSnapshot } from './office';
export type { FakeOptions, FakeStats, InjectedFailure, WireOp, SyncRecord } from './context';
export { MB } from './context';
export { FakeOfficeError, SIZE_MISMATCH_MESSAGE, propertyNotLoadedMessage } from './errors';
export { FORMULA_VALUE, sheetNameProblem } from './state';
