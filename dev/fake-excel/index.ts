/**
 * The in-memory stand-in of the Excel JavaScript API, for the tests and the
 * browser harness (no Node-only imports here).
 *
 * Faithful where our code could go wrong (shared/spec/OFFICE-JS-NOTES.md):
 * proxies queue operations that run in order at `context.sync()`; values are
 * readable only after load + sync (`PropertyNotLoaded`, Microsoft's
 * message); `isNullObject` only after a sync; errors surface at sync, with
 * the operations before the failing one applied; sheet-name rules; `=`, `+`
 * and `-` strings become formulas unless the cell is formatted `@`; numeric
 * strings become numbers; whole-column/row ranges read null; 5 MB request
 * and response limits per sync (configurable) and 5,000,000 cells read at
 * once; members above `apiVersion` fail with `ApiNotFound`.
 *
 * Simplified: formulas are stored, not computed (a formula cell reads
 * `#NAME?`, which also makes an injected formula visible); reading too many
 * cells fails with `InvalidArgument`; formats are per cell, borders keep
 * only their style; charts, validations and page layout are recorded, not
 * drawn; `insertWorksheetsFromBase64` brings values, formulas, number
 * formats, merges and column widths (what SheetJS CE reads) and renames a
 * taken name to `Name (2)`.
 */
export { createFakeOffice, installFakeOffice, FakeOffice } from './office';
export type { SheetSnapshot, CellSnapshot } from './office';
export type { FakeOptions, FakeStats, InjectedFailure, WireOp, SyncRecord } from './context';
export { MB } from './context';
export { FakeOfficeError, SIZE_MISMATCH_MESSAGE, propertyNotLoadedMessage } from './errors';
export { FORMULA_VALUE, sheetNameProblem } from './state';
