/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (name `RichApi.Error`,
 * a `code`, Microsoft's message), so code under test handles the stand-in's
 * errors exactly as it would handle Excel's.
 */

export const ERROR_MESSAGES: Record<string, string> = {
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  ItemNotFound: 'The requested resource doesn\'t exist.',
  ItemAlreadyExists: 'The resource being created already exists.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  AccessDenied: 'You cannot perform the requested operation.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the Excel JavaScript API requirement sets documentation for more information.',
  GeneralException: 'An internal error has occurred while processing the request.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  UnsupportedFeature: 'The operation failed because the source worksheet contains one or more unsupported features.',
  InvalidOperationInCellEditMode: 'The operation isn\'t available while Excel is in Edit cell mode. Exit Edit mode by using the ENTER or TAB keys, or by selecting another cell, and then try again.',
};

/** Worksheet.delete on a very hidden sheet (Microsoft's reference of Worksheet.delete). */
export const VERY_HIDDEN_DELETE_MESSAGE = 'A worksheet whose visibility is VeryHidden cannot be deleted: change its visibility to Hidden or Visible first.';

/** Excel's message for `range.values = a` when `a` has the wrong shape. */
export const SIZE_MISMATCH_MESSAGE =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

export function propertyNotLoadedMessage(prop: string): string {
  return `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;
}

/** The stand-in's `OfficeExtension.Error`. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string; statement?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: string, message?: string, errorLocation?: string) {
    const msg = message ?? ERROR_MESSAGES[code] ?? code;
    super(msg);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message: msg, errorLocation };
    Object.setPrototypeOf(this, FakeOfficeError.prototype);
  }
}

export function officeError(code: string, message?: string, errorLocation?: string): FakeOfficeError {
  return new FakeOfficeError(code, message, errorLocation);
}

export function propertyNotLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError('PropertyNotLoaded', propertyNotLoadedMessage(prop));
}
