/**
 * A RichApi host for Microsoft's real Excel client: it answers the JSON
 * batches that `excel-*.js` (from @microsoft/office-js) sends to
 * `<url>/ProcessQuery`, over one in-memory workbook.
 *
 * The workbook and what each Excel member does to it are the stand-in's
 * (dev/fake-excel: WorkbookState and its object model); this file
 * only speaks the protocol: object paths → objects of that model, actions →
 * their operations, run in order in one batch, and the answer in the
 * client's shapes (PascalCase keys, `_Items`, `Id` of created objects,
 * `_ReferenceId` of kept ranges, `Error { Code, Message, Location,
 * ActionIndex, HttpStatusCode }`).
 *
 * What it enforces, as Microsoft documents it
 * (shared/spec/OFFICE-JS-NOTES.md): the 5 MB request and response limits of
 * Excel on the web, measured on the real bytes (UTF-8 of the JSON the
 * client sent / the host answers); the error codes; sheet-name rules; the
 * ExcelApi version of the host (a member above it: `ApiNotFound`);
 * cell-editing mode (`InvalidOperationInCellEditMode`, or a wait when the
 * client asked for `delayForCellEdit`); at most 5,000,000 cells read at once.
 */
import type { SheetGrid } from '../../src/core/grid';
import { FakeOffice, FakeOfficeError, type CellSnapshot, type InjectedFailure, type SheetSnapshot } from '../fake-excel';
import { FakeClientObject, type SyncTransaction } from '../fake-excel/context';
import { ERROR_MESSAGES, officeError } from '../fake-excel/errors';
import { FakeRange, FakeRangeBorder, type RangeTarget } from '../fake-excel/range';
import { MAX_COLS, MAX_ROWS, type SheetState } from '../fake-excel/state';
import { FakeChart, FakeChartCollection, FakeWorkbook, FakeWorksheet, FakeWorksheetCollection } from '../fake-excel/workbook';
import { attachHost } from './connect';
import {
  ActionType, FLAG_DELAY_FOR_CELL_EDIT, PathType,
  type ActionInfo, type ActionResult, type ObjectPathInfo, type RequestBody, type ResponseBody, type ResponseError,
} from './protocol';

/** "5 MB": Microsoft does not say 5 × 10⁶ or 5 × 2²⁰ bytes; the stricter reading is held. */
export const WEB_PAYLOAD_LIMIT = 5_000_000;

export type Platform = 'web' | 'win32' | 'mac';

export interface HostOptions {
  /** Highest ExcelApi set this Excel has (default 1.13). */
  apiVersion?: string;
  platform?: Platform;
  /**
   * Request and response limits in bytes. Excel on the web: 5 MB; desktop
   * Excel has a limit Microsoft does not document, so every platform is held
   * to the web's unless a test says otherwise.
   */
  requestLimit?: number;
  responseLimit?: number;
  /** Most cells one batch may read (Excel: 5,000,000). */
  cellReadLimit?: number;
  /** Excel on the web refuses some files in `insertWorksheetsFromBase64` (charts, comments…): make it fail with this code. */
  insertFromBase64Failure?: string;
  /** With insertFromBase64Failure: the sheets are inserted and the error still returned (seen on the web). */
  insertFromBase64FailsAfterInserting?: boolean;
}

/**
 * A request that fails part-way, as Excel does when it answers a batch with
 * «An internal error has occurred» (GeneralException): Excel runs a batch's
 * commands in order and stops at the first that fails; the ones before it stay
 * applied, with no rollback (OfficeExtension.Error, https://learn.microsoft.com/javascript/api/office/officeextension.error:
 * `traceMessages` holds «all trace messages that were executed before the error
 * occurred», and its example's batch keeps the paragraphs inserted before the
 * failing command; `debugInfo.errorLocation` names that command). Large writes
 * fail this way online (docs/spec/OFFICE-JS-NOTES.md «Known trouble in the
 * field»). A payload refusal (`RequestPayloadSizeLimitExceeded`) instead
 * refuses the whole request before anything runs, as the size check does.
 */
export interface RequestFailure {
  /** Index of the request among all requests this host answers from now (clean-ups counted), from 0. */
  request: number;
  code: string;
  /** Index of the failing action in that request; default: the middle one (half the batch applied). */
  atAction?: number;
  /** Every request from `request` on fails the same way (Excel on the web down for a while), not only that one. */
  lasting?: boolean;
}

export interface RequestRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Only the client's own `_RemoveReference` calls (the clean-up at the end of `Excel.run`). */
  cleanup: boolean;
  /** Cells read by the batch (Excel reads at most 5,000,000 at once). */
  cellsRead: number;
  error?: string;
}

export interface HostStats {
  /** Requests that carried the code's own work (every `context.sync()` that had something queued). */
  syncs: number;
  /** Clean-up requests the client adds at the end of an `Excel.run`. */
  cleanups: number;
  failedSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  perSync: RequestRecord[];
  /** Most `Excel.run` batches running at once (counted by the client loader; Excel refuses concurrent ones). */
  maxConcurrentRuns: number;
}

export function emptyHostStats(): HostStats {
  return { syncs: 0, cleanups: 0, failedSyncs: 0, maxRequestBytes: 0, maxResponseBytes: 0, totalRequestBytes: 0, totalResponseBytes: 0, perSync: [], maxConcurrentRuns: 0 };
}

const HTTP_STATUS: Record<string, number> = {
  InvalidArgument: 400, InvalidOperation: 400, InvalidOperationInCellEditMode: 400, UnsupportedFeature: 400,
  RequestPayloadSizeLimitExceeded: 400, ResponsePayloadSizeLimitExceeded: 400, PropertyNotLoaded: 400,
  AccessDenied: 403, ItemNotFound: 404, ApiNotFound: 404, ItemAlreadyExists: 409, Conflict: 409, GeneralException: 500,
};

const utf8 = new TextEncoder();
const byteLength = (s: string): number => utf8.encode(s).length;
const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

type Obj = FakeClientObject<any>;
/** The model's protected members the protocol needs (read a property, list scalar properties, navigate). */
type Inside = { readProp(t: unknown, prop: string, tx: SyncTransaction): unknown; scalarProps(): string[]; child(prop: string): Obj | undefined; _target?: { t: unknown } };
const inside = (o: Obj): Inside => o as unknown as Inside;

/** A host-side reference the client keeps across requests (`_KeepReference` → `_ReferenceId`). */
interface KeptReference {
  make: (ctx: ReturnType<FakeOffice['newContext']>, path: string) => Obj;
}

export class RichApiHost {
  readonly office: FakeOffice;
  readonly platform: Platform;
  requestLimit: number;
  responseLimit: number;
  stats: HostStats = emptyHostStats();
  private refs = new Map<string, KeptReference>();
  private nextRef = 1;
  private cellEdit = false;
  private cellEditWaiters: (() => void)[] = [];
  private nextChart = 1;
  /** Requests answered since the last `failRequest` set-up (see RequestFailure). */
  private requestsSeen = 0;
  private requestFailures: RequestFailure[] = [];

  constructor(options: HostOptions = {}) {
    // The model's own per-sync size check is off: sizes are measured here, on the real bytes.
    this.office = new FakeOffice({
      apiVersion: options.apiVersion ?? '1.13',
      payloadLimit: Number.POSITIVE_INFINITY,
      cellReadLimit: options.cellReadLimit ?? 5_000_000,
      insertFromBase64Failure: options.insertFromBase64Failure,
      insertFromBase64FailsAfterInserting: options.insertFromBase64FailsAfterInserting,
    });
    this.platform = options.platform ?? 'web';
    this.requestLimit = options.requestLimit ?? WEB_PAYLOAD_LIMIT;
    this.responseLimit = options.responseLimit ?? WEB_PAYLOAD_LIMIT;
  }

  get apiVersion(): string {
    return this.office.options.apiVersion;
  }

  // What a test looks at and sets up, straight on the workbook model (never through the client).
  get state() { return this.office.state; }
  sheetNames(): string[] { return this.office.sheetNames(); }
  sheets(): SheetSnapshot[] { return this.office.sheets(); }
  sheet(name: string): SheetSnapshot | undefined { return this.office.sheet(name); }
  cell(sheet: string, address: string): CellSnapshot { return this.office.cell(sheet, address); }
  selection(): ReturnType<FakeOffice['selection']> { return this.office.selection(); }
  addSheet(...a: Parameters<FakeOffice['addSheet']>): void { this.office.addSheet(...a); }
  loadGrids(grids: SheetGrid[]): this { this.office.loadGrids(grids); return this; }
  loadXlsx(base64Files: string[]): this { this.office.loadXlsx(base64Files); return this; }
  /** The first operation matching `match` fails with `code` (see the model's InjectedFailure). */
  injectFailure(f: InjectedFailure): void { this.office.injectFailure(f); }
  clearFailures(): void { this.office.clearFailures(); this.requestFailures = []; }
  /** The `request`-th request from now fails part-way with `code` (RequestFailure); `request` counts from this call. */
  failRequest(f: RequestFailure): void {
    this.requestsSeen = 0;
    this.requestFailures = [f];
  }
  /** `Excel.run(batch)` on the loaded real client, talking to this host. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    attachHost(this);
    return Excel.run(batch);
  }

  /** ExcelApi version, limits. */
  configure(o: { apiVersion?: string; requestLimit?: number; responseLimit?: number }): void {
    if (o.apiVersion) this.office.configure({ apiVersion: o.apiVersion });
    if (o.requestLimit !== undefined) this.requestLimit = o.requestLimit;
    if (o.responseLimit !== undefined) this.responseLimit = o.responseLimit;
  }

  /** `Office.context.requirements.isSetSupported` of this host. */
  isSetSupported(name: string, version?: string | number): boolean {
    if (name.toLowerCase() === 'excelapi') return this.office.isSetSupported('ExcelApi', version === undefined ? '1.1' : String(version));
    // DelayForCellEdit came with the same builds as ExcelApi 1.13 (Microsoft 365, Excel on the web).
    if (name.toLowerCase() === 'delayforcelledit') return this.office.isSetSupported('ExcelApi', '1.13');
    return false;
  }

  resetStats(): void {
    this.stats = emptyHostStats();
  }

  /** While on, batches fail with InvalidOperationInCellEditMode, or wait when the client asked to (`delayForCellEdit`). */
  setCellEditMode(on: boolean): void {
    this.cellEdit = on;
    if (!on) for (const w of this.cellEditWaiters.splice(0)) w();
  }

  /** Number of batches waiting for the user to leave the cell. */
  get waitingForCellEdit(): number {
    return this.cellEditWaiters.length;
  }

  /**
   * One `POST …/ProcessQuery?flags=N`: the body as sent, the answer as an
   * HTTP status and body text.
   */
  async processQuery(bodyText: string, flags = 0): Promise<{ status: number; body: string }> {
    const record: RequestRecord = { requestBytes: byteLength(bodyText), responseBytes: 0, actions: 0, cleanup: false, cellsRead: 0 };
    const answer = (status: number, body: string) => {
      record.responseBytes = byteLength(body);
      this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, record.responseBytes);
      this.stats.totalResponseBytes += record.responseBytes;
      return { status, body };
    };
    if (typeof process !== 'undefined' && process.env?.OFFICE_HOST_TRACE) console.log('REQUEST', bodyText.slice(0, 3000));
    let body: RequestBody;
    try {
      body = JSON.parse(bodyText) as RequestBody;
    } catch {
      return answer(400, JSON.stringify({ error: { code: 'InvalidArgument', message: 'The request body is not JSON.' } }));
    }
    record.actions = body.Actions.length;
    record.cleanup = body.Actions.some((a) => a.Name === '_RemoveReference') && body.Actions.every((a) => a.Name === '_RemoveReference' || a.ActionType === ActionType.Instantiate);
    this.stats.perSync.push(record);
    if (record.cleanup) this.stats.cleanups++;
    else this.stats.syncs++;
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, record.requestBytes);
    this.stats.totalRequestBytes += record.requestBytes;

    const planned = this.requestFailures.find((f) => f.request === this.requestsSeen || (f.lasting && this.requestsSeen > f.request));
    this.requestsSeen++;
    // Refused before anything runs: the workbook stays as it was.
    if (record.requestBytes > this.requestLimit || planned?.code === 'RequestPayloadSizeLimitExceeded') {
      record.error = 'RequestPayloadSizeLimitExceeded';
      this.stats.failedSyncs++;
      return answer(400, JSON.stringify({ error: { code: record.error, message: ERROR_MESSAGES[record.error] } }));
    }
    if (this.cellEdit && !record.cleanup) {
      if (flags & FLAG_DELAY_FOR_CELL_EDIT) await new Promise<void>((resolve) => this.cellEditWaiters.push(resolve));
      else {
        record.error = 'InvalidOperationInCellEditMode';
        this.stats.failedSyncs++;
        return answer(200, JSON.stringify({ Results: [], Error: errorOf(officeError(record.error), 0) } satisfies ResponseBody));
      }
    }

    let out: ResponseBody;
    try {
      out = await this.execute(body, planned);
    } catch (e) {
      if (!(e instanceof HostGap)) throw e;
      record.error = 'HostNotImplemented';
      this.stats.failedSyncs++;
      return answer(500, JSON.stringify({ error: { code: record.error, message: e.message } }));
    }
    if (out.Error) {
      record.error = out.Error.Code;
      this.stats.failedSyncs++;
    }
    const text = JSON.stringify(out);
    if (byteLength(text) > this.responseLimit) {
      record.error = 'ResponsePayloadSizeLimitExceeded';
      this.stats.failedSyncs++;
      return answer(400, JSON.stringify({ error: { code: record.error, message: ERROR_MESSAGES[record.error] } }));
    }
    return answer(200, text);
  }

  /** Runs the batch's actions in order on the workbook; stops at the first failure, as Excel does. */
  private async execute(body: RequestBody, planned?: RequestFailure): Promise<ResponseBody> {
    const ctx = this.office.newContext();
    const objects = new Map<number, Obj | null>();
    const kept = new Map<number, string>();
    const results: ({ id: number; value: () => unknown } | undefined)[] = [];
    let current = 0;

    const path = (id: number): Obj | null => {
      if (objects.has(id)) return objects.get(id)!;
      const info = body.ObjectPaths[String(id)];
      if (!info) throw hostGap(`object path ${id} is missing`);
      const o = this.objectFor(ctx, info, path);
      objects.set(id, o);
      return o;
    };
    const args = (a: ActionInfo | ObjectPathInfo): unknown[] => argumentsOf(a.ArgumentInfo, path);

    const failAt = planned ? Math.min(planned.atAction ?? Math.floor(body.Actions.length / 2), body.Actions.length - 1) : -1;
    body.Actions.forEach((action, index) => {
      ctx.enqueue({ path: '', action: 'marker' }, '1.1', () => {
        current = index;
        if (index === failAt) throw officeError(planned!.code);
      });
      const o = path(action.ObjectPathId);
      switch (action.ActionType) {
        case ActionType.Instantiate: {
          ctx.enqueue({ path: o?._path ?? 'null', action: 'instantiate' }, '1.1', (tx) => {
            if (o) o._resolve(tx);
          });
          results[index] = { id: action.Id, value: () => this.instantiateValue(o, kept.get(action.ObjectPathId)) };
          break;
        }
        case ActionType.Query: {
          let value: unknown;
          ctx.enqueue({ path: o?._path ?? 'null', action: 'load', args: action.QueryInfo?.Select }, '1.1', (tx) => {
            value = o ? this.query(o, action.QueryInfo?.Select ?? [], tx) : null;
          });
          results[index] = { id: action.Id, value: () => value };
          break;
        }
        case ActionType.SetProperty: {
          if (!o) throw hostGap(`SetProperty ${action.Name} on a null object`);
          (o as unknown as Record<string, unknown>)[camel(action.Name)] = args(action)[0];
          break;
        }
        case ActionType.Method: {
          const value = this.method(ctx, o, action, args(action), (ref) => kept.set(action.ObjectPathId, ref));
          if (value) results[index] = { id: action.Id, value };
          break;
        }
        default:
          // Trace and the like carry nothing for the workbook.
          break;
      }
    });

    let error: ResponseError | undefined;
    try {
      await ctx.sync();
    } catch (e) {
      if (!(e instanceof FakeOfficeError)) throw e;
      error = errorOf(e, current);
    }
    const last = this.stats.perSync[this.stats.perSync.length - 1];
    if (last) last.cellsRead = this.office.stats.perSync[this.office.stats.perSync.length - 1]?.cellsRead ?? 0;
    const done = error ? results.slice(0, error.ActionIndex) : results;
    const out: ResponseBody = { Results: done.filter((r): r is NonNullable<typeof r> => !!r).map((r): ActionResult => ({ ActionId: r.id, Value: r.value() })) };
    if (error) out.Error = error;
    return out;
  }

  /** An object path → the model's object (null for a null object). */
  private objectFor(ctx: ReturnType<FakeOffice['newContext']>, info: ObjectPathInfo, path: (id: number) => Obj | null): Obj | null {
    const parent = info.ParentObjectPathId === undefined ? null : path(info.ParentObjectPathId);
    const a = argumentsOf(info.ArgumentInfo, path);
    switch (info.ObjectPathType) {
      case PathType.GlobalObject:
        return ctx.workbook as FakeWorkbook;
      case PathType.NullObject:
        return null;
      case PathType.ReferenceId: {
        const ref = this.refs.get(info.Name);
        if (!ref) return new FakeRange(ctx, `ref:${info.Name}`, () => null); // ItemNotFound when used
        return ref.make(ctx, `ref:${info.Name}`);
      }
      case PathType.Property: {
        if (!parent) throw hostGap(`property ${info.Name} of a null object`);
        const p = (parent as unknown as Record<string, unknown>)[camel(info.Name)];
        if (!(p instanceof FakeClientObject)) throw hostGap(`property ${info.Name} of ${parent.constructor.name}`);
        return p;
      }
      case PathType.Indexer: {
        if (parent instanceof FakeChartCollection) return this.chartById(ctx, parent, String(a[0]));
        return this.call(parent, 'GetItem', a) as Obj;
      }
      case PathType.Method:
        return this.call(parent, info.Name, a) as Obj;
      default:
        throw hostGap(`object path type ${info.ObjectPathType}`);
    }
  }

  /** A method that gives an object (`GetRange`, `GetItemOrNullObject`, `Add`…), or one the model lacks but the client uses. */
  private call(parent: Obj | null, name: string, a: unknown[]): unknown {
    if (!parent) throw hostGap(`${name} on a null object`);
    if (parent instanceof FakeRange) {
      // The client itself splits a write of more than 1,500 cells into row blocks: GetRow(i)…GetBoundingRect(GetRow(j)).
      if (name === 'GetRow') return derivedRange(parent, `getRow(${a[0]})`, (t) => ({ r1: t.rect.r1 + Number(a[0]), r2: t.rect.r1 + Number(a[0]), c1: t.rect.c1, c2: t.rect.c2 }));
      if (name === 'GetColumn') return derivedRange(parent, `getColumn(${a[0]})`, (t) => ({ r1: t.rect.r1, r2: t.rect.r2, c1: t.rect.c1 + Number(a[0]), c2: t.rect.c1 + Number(a[0]) }));
      if (name === 'GetBoundingRect') {
        const other = a[0] as FakeRange;
        return derivedRange(parent, 'getBoundingRect', (t, tx) => {
          const o = other._require(tx);
          if (o.sheet !== t.sheet) throw officeError('InvalidArgument');
          return { r1: Math.min(t.rect.r1, o.rect.r1), c1: Math.min(t.rect.c1, o.rect.c1), r2: Math.max(t.rect.r2, o.rect.r2), c2: Math.max(t.rect.c2, o.rect.c2) };
        });
      }
    }
    if (parent instanceof FakeWorksheetCollection && name === 'GetItemAt') {
      // Items of a collection loaded without their ids are found again by position.
      const at = Number(a[0]);
      return new FakeWorksheet(parent.context, `worksheets.getItemAt(${at})`, () => this.office.state.sheets[at] ?? null);
    }
    if (parent instanceof FakeChartCollection && name === 'Add') {
      const chart = (parent as unknown as { add: (...x: unknown[]) => FakeChart }).add(...a);
      return chart;
    }
    const f = (parent as unknown as Record<string, unknown>)[camel(name)];
    if (typeof f !== 'function') throw hostGap(`${name} on ${parent.constructor.name}`);
    return (f as (...x: unknown[]) => unknown).apply(parent, a);
  }

  /** An action that calls a method; returns how to read its value when it has one. */
  private method(ctx: ReturnType<FakeOffice['newContext']>, o: Obj | null, action: ActionInfo, a: unknown[], keep: (ref: string) => void): (() => unknown) | undefined {
    if (action.Name === '_RemoveReference') {
      // The client's clean-up at the end of Excel.run (on the root object); a reference already gone is no error.
      this.refs.delete(String(a[0]));
      return undefined;
    }
    if (!o) throw hostGap(`${action.Name} on a null object`);
    switch (action.Name) {
      case '_KeepReference': {
        const ref = `{host-ref-${this.nextRef++}}`;
        keep(ref);
        ctx.enqueue({ path: o._path, action: '_KeepReference' }, '1.1', (tx) => {
          const t = o._resolve(tx);
          const Ctor = o.constructor as new (...x: unknown[]) => Obj;
          const side = o instanceof FakeRangeBorder ? [o.sideIndex] : [];
          this.refs.set(ref, { make: (c, p) => new Ctor(c, p, () => t, ...side) });
        });
        return undefined;
      }
      case '_ValidateArraySize': {
        const [rows, cols] = a.map(Number);
        ctx.enqueue({ path: o._path, action: '_ValidateArraySize', args: a }, '1.1', (tx) => {
          const t = o._resolve(tx) as RangeTarget | null;
          if (t && (t.rect.r2 - t.rect.r1 + 1 !== rows || t.rect.c2 - t.rect.c1 + 1 !== cols)) {
            throw officeError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
          }
        });
        return undefined;
      }
      default: {
        const r = this.call(o, action.Name, a);
        if (r && typeof r === 'object' && 'value' in (r as object) && !(r instanceof FakeClientObject)) {
          return () => {
            try {
              return (r as { value: unknown }).value;
            } catch {
              return null;
            }
          };
        }
        return undefined;
      }
    }
  }

  /** What the client learns from an Instantiate: a null object, the id of a sheet or chart, or the reference it asked to keep. */
  private instantiateValue(o: Obj | null, ref: string | undefined): unknown {
    if (!o) return null;
    // The workbook and its sheet collection always exist (the model resolves them to nothing).
    if (o instanceof FakeWorkbook || o instanceof FakeWorksheetCollection) return {};
    const t = inside(o)._target?.t;
    if (t === null) return null;
    if (ref) {
      // Kept from now on only if the object was really reached.
      return t === undefined ? {} : { _ReferenceId: ref };
    }
    if (o instanceof FakeWorksheet && t) return { Id: (t as SheetState).id };
    if (o instanceof FakeChart && t) {
      const c = t as { sheet: SheetState; index: number };
      return { Id: c.sheet.charts[c.index].name };
    }
    return {};
  }

  /** A Query: the selected properties (PascalCase), nested paths through navigation properties, `_Items` for a collection. */
  private query(o: Obj, select: string[], tx: SyncTransaction): unknown {
    if (o instanceof FakeWorksheetCollection) {
      const sheets = this.office.state.sheets;
      return { _Items: sheets.map((s) => this.query(o.getItem(s.id), select, tx)) };
    }
    const t = o._resolve(tx);
    if (t === null) return null;
    const i = inside(o);
    const props = select.length ? select : i.scalarProps();
    const out: Record<string, unknown> = {};
    for (const p of props) {
      const [head, ...rest] = p.split('/');
      const child = rest.length ? i.child(head) : undefined;
      if (child) {
        const sub = this.query(child, [rest.join('/')], tx) as Record<string, unknown> | null;
        out[pascal(head)] = sub && { ...(out[pascal(head)] as object), ...sub };
      } else {
        o._require(tx);
        out[pascal(head)] = i.readProp(t, head, tx);
      }
    }
    return out;
  }

  /** Charts are found again by the id the host gave them (their name). */
  private chartById(ctx: ReturnType<FakeOffice['newContext']>, charts: FakeChartCollection, id: string): FakeChart {
    return new FakeChart(ctx, `${charts._path}.getItem(${JSON.stringify(id)})`, (tx) => {
      const sheet = charts._require(tx) as SheetState;
      const index = sheet.charts.findIndex((c) => c.name === id);
      return index < 0 ? null : { sheet, index };
    });
  }
}

/** The client's arguments, with object references turned into the model's objects. */
function argumentsOf(info: ObjectPathInfo['ArgumentInfo'], path: (id: number) => Obj | null): unknown[] {
  const a = info?.Arguments ?? [];
  const refs = info?.ReferencedObjectPathIds;
  const out = a.map((v, i) => (refs && refs[i] ? path(refs[i]) : v));
  // The client sends an optional argument left out as null (`protect(options)` → [options, null]).
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
}

function derivedRange(parent: FakeRange, name: string, rect: (t: RangeTarget, tx: SyncTransaction) => RangeTarget['rect']): FakeRange {
  return new FakeRange(parent.context, `${parent._path}.${name}`, (tx) => {
    const t = parent._require(tx);
    const r = rect(t, tx);
    if (r.r1 < 0 || r.c1 < 0 || r.r2 >= MAX_ROWS || r.c2 >= MAX_COLS || r.r2 < r.r1 || r.c2 < r.c1) throw officeError('InvalidArgument');
    return { sheet: t.sheet, rect: r };
  });
}

function errorOf(e: FakeOfficeError, actionIndex: number): ResponseError {
  return {
    Code: e.code,
    Message: e.message,
    Location: e.debugInfo.errorLocation ?? '',
    ActionIndex: actionIndex,
    HttpStatusCode: HTTP_STATUS[e.code] ?? 500,
  };
}

/** Something the client sent that this host does not implement: a test must fail loudly, never pass on a guess. */
export class HostGap extends Error {}
function hostGap(what: string): HostGap {
  return new HostGap(`office-host: not implemented: ${what}`);
}
