/**
 * The RichApi JSON that Microsoft's Excel client (`excel-*.js` of
 * @microsoft/office-js) POSTs to `<url>/ProcessQuery` and reads back: the
 * shapes as the client builds and parses them (see the client's
 * `ClientRequestBase.buildRequestMessageBodyAndRequestFlags` and
 * `ClientRequestContext.processRequestExecutorResponseMessage`).
 */

/** `ObjectPathType` numbers. */
export const PathType = { GlobalObject: 1, NewObject: 2, Method: 3, Property: 4, Indexer: 5, ReferenceId: 6, NullObject: 7 } as const;

/** `ActionType` numbers. */
export const ActionType = { Instantiate: 1, Query: 2, Method: 3, SetProperty: 4, Trace: 5, EnsureUnchanged: 6, RecursivelyInstantiate: 7, QueryAsJson: 9 } as const;

export interface ArgumentInfo {
  Arguments?: unknown[];
  /** Same length as Arguments: an object path id where the argument is a client object, else 0. */
  ReferencedObjectPathIds?: number[];
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface QueryInfo {
  Select?: string[];
  Expand?: string[];
  Skip?: number;
  Top?: number;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
}

export interface RequestBody {
  AutoKeepReference?: boolean;
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}

/** `Error` of a response body: what the client turns into `OfficeExtension.Error` (code, message, debugInfo.errorLocation). */
export interface ResponseError {
  Code: string;
  Message: string;
  Location?: string;
  /** Index in `Actions` of the action that failed. */
  ActionIndex?: number;
  HttpStatusCode: number;
}

export interface ResponseBody {
  Results: ActionResult[];
  Error?: ResponseError;
}

/** Request flag the client sets for `Excel.run({ delayForCellEdit: true }, …)`: wait for the user to leave the cell. */
export const FLAG_DELAY_FOR_CELL_EDIT = 64;
