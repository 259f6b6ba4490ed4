/** The in-memory stand-in of the Excel JavaScript API (tests and the browser harness). */
export { createFakeOffice, installFakeOffice, FakeOffice } from './office';
export type { SheetSnapshot, CellSnapshot } from './office';
export type { FakeOptions, FakeStats, InjectedFailure, WireOp, SyncRecord } from './context';
export { MB } from './context';
export { FakeOfficeError, SIZE_MISMATCH_MESSAGE, propertyNotLoadedMessage } from './errors';
export { FORMULA_VALUE, sheetNameProblem } from './state';
