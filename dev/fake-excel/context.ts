/**
 * The request context and the proxy base class: operations are queued and
 * run, in order, when `sync()` is called; loaded values become readable only
 * after that sync; errors of queued operations surface at `sync()`.
 */
import { FakeOfficeError, officeError, propertyNotLoaded } from './errors';
import type { WorkbookState } from './state';

export const MB = 1024 * 1024;

export interface FakeOptions {
  /** Highest `ExcelApi` requirement set the host supports, e.g. `'1.13'`, `'1.4'`. */
  apiVersion?: string;
  /** Request/response payload limit per sync, in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** Most cells one sync may read (Excel: 5,000,000). */
  cellReadLimit?: number;
  /** Make `insertWorksheetsFromBase64` fail with this code (e.g. `UnsupportedFeature`), as Excel on the web does for some files. */
  insertFromBase64Failure?: string;
  /** With `insertFromBase64Failure`: the sheets are inserted and the error still returned (seen on the web). */
  insertFromBase64FailsAfterInserting?: boolean;
}

/** What an operation looks like on the wire (its JSON size counts toward the request payload). */
export interface WireOp {
  path: string;
  action: string;
  args?: unknown;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  cellsRead: number;
  /** Error code when the sync failed. */
  error?: string;
}

export interface FakeStats {
  syncs: number;
  failedSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  /** Most `Excel.run` batches running at the same time (Excel: "Wait until the previous call completes"). */
  maxConcurrentRuns: number;
  perSync: SyncRecord[];
}

export function emptyStats(): FakeStats {
  return { syncs: 0, failedSyncs: 0, maxRequestBytes: 0, maxResponseBytes: 0, totalRequestBytes: 0, totalResponseBytes: 0, maxConcurrentRuns: 0, perSync: [] };
}

/** A failure injected by a test: the first queued operation matching `match` fails with `code`. */
export interface InjectedFailure {
  match: (op: WireOp) => boolean;
  code: string;
  message?: string;
  /** Fail only once (default), or every time. */
  persistent?: boolean;
}

/** State shared by every context of one fake host. */
export interface FakeHost {
  state: WorkbookState;
  options: Required<Pick<FakeOptions, 'apiVersion' | 'payloadLimit' | 'cellReadLimit'>> & FakeOptions;
  stats: FakeStats;
  failures: InjectedFailure[];
  /** Set while the user is typing in a cell: every sync fails. */
  cellEditMode: boolean;
}

export function versionAtLeast(have: string, want: string): boolean {
  const [a1, a2 = 0] = have.split('.').map(Number);
  const [b1, b2 = 0] = want.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

interface QueuedOp {
  wire: WireOp;
  /** Requirement set of the member; above the host's: ApiNotFound at sync. */
  version: string;
  run: (tx: SyncTransaction) => void;
}

/** Collects what one sync loaded; committed to the proxies only if the sync succeeds. */
export class SyncTransaction {
  /** `wire` (when present) is what counts toward the response size instead of `value`. */
  readonly loads: { obj: FakeClientObject<any>; prop: string; value: unknown; wire?: unknown }[] = [];
  readonly results: { result: FakeClientResult<unknown>; value: unknown }[] = [];
  readonly resolved = new Set<FakeClientObject<any>>();
  cellsRead = 0;
}

const encoder = new TextEncoder();
export const utf8Bytes = (v: unknown): number => encoder.encode(JSON.stringify(v) ?? '').length;

export class FakeRequestContext {
  private queue: QueuedOp[] = [];
  /** `context.workbook`, set by the workbook module (avoids a circular import). */
  workbook!: unknown;
  /** Office.js has these; the stand-in accepts and ignores them. */
  trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly host: FakeHost) {}

  /** Queues an operation (used by the proxies). */
  enqueue(wire: WireOp, version: string, run: (tx: SyncTransaction) => void): void {
    this.queue.push({ wire, version, run });
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.queue;
    this.queue = [];
    const host = this.host;
    host.stats.syncs++;
    const record: SyncRecord = { requestBytes: utf8Bytes(ops.map((o) => o.wire)), responseBytes: 0, operations: ops.length, cellsRead: 0 };
    host.stats.perSync.push(record);
    const fail = (e: FakeOfficeError): never => {
      record.error = e.code;
      host.stats.failedSyncs++;
      throw e;
    };
    // Let other pending promises run first, as a real round trip would.
    await Promise.resolve();
    if (host.cellEditMode && ops.length > 0) fail(officeError('InvalidOperationInCellEditMode'));
    if (record.requestBytes > host.options.payloadLimit) fail(officeError('RequestPayloadSizeLimitExceeded'));
    host.stats.maxRequestBytes = Math.max(host.stats.maxRequestBytes, record.requestBytes);
    host.stats.totalRequestBytes += record.requestBytes;

    const tx = new SyncTransaction();
    for (const op of ops) {
      try {
        if (!versionAtLeast(host.options.apiVersion, op.version)) throw officeError('ApiNotFound');
        const injected = host.failures.find((f) => f.match(op.wire));
        if (injected) {
          if (!injected.persistent) host.failures.splice(host.failures.indexOf(injected), 1);
          throw officeError(injected.code, injected.message);
        }
        op.run(tx);
        if (tx.cellsRead > host.options.cellReadLimit) {
          throw officeError('InvalidArgument', `The request reads ${tx.cellsRead} cells; at most ${host.options.cellReadLimit} can be read at once.`);
        }
      } catch (e) {
        // Operations before the failing one stay applied, as in Excel; later ones never run.
        if (e instanceof FakeOfficeError) {
          e.debugInfo.errorLocation = `${op.wire.path}.${op.wire.action}`;
          fail(e);
        }
        throw e;
      }
    }
    record.cellsRead = tx.cellsRead;
    record.responseBytes = utf8Bytes([tx.loads.map((l) => ('wire' in l ? l.wire : l.value)), tx.results.map((r) => r.value)]);
    if (record.responseBytes > host.options.payloadLimit) fail(officeError('ResponsePayloadSizeLimitExceeded'));
    host.stats.maxResponseBytes = Math.max(host.stats.maxResponseBytes, record.responseBytes);
    host.stats.totalResponseBytes += record.responseBytes;
    for (const obj of tx.resolved) obj._commitNull();
    for (const l of tx.loads) l.obj._commitLoad(l.prop, l.value);
    for (const r of tx.results) r.result._commit(r.value);
    return passThroughValue as T;
  }
}

/** `OfficeExtension.ClientResult`: its `value` is readable after the sync that produced it. */
export class FakeClientResult<T> {
  private _value: T | undefined;
  private _set = false;
  get value(): T {
    if (!this._set) throw propertyNotLoaded('value');
    return this._value as T;
  }
  _commit(v: unknown): void {
    this._value = v as T;
    this._set = true;
  }
}

/** How a proxy finds what it stands for, when an operation that uses it runs. */
export type Resolver<T> = (tx: SyncTransaction) => T | null;

/** Base of every proxy: load / property reads / queued setters and methods. */
export abstract class FakeClientObject<T = unknown> {
  private _target: { t: T | null } | undefined;
  private _nullKnown: boolean | undefined;
  private _pendingNull = false;
  private readonly _loaded = new Map<string, unknown>();
  private readonly _local = new Map<string, unknown>();

  constructor(
    readonly context: FakeRequestContext,
    readonly _path: string,
    private readonly _resolver: Resolver<T>,
    private readonly _nullable = false,
  ) {}

  /** Scalar properties `load()` with no argument loads. */
  protected abstract scalarProps(): string[];
  /** Reads one property of the target (during a sync). */
  protected abstract readProp(target: T, prop: string, tx: SyncTransaction): unknown;
  /** Navigation properties (`format`, `font`…) that nested load paths go through. */
  protected child(_prop: string): FakeClientObject<unknown> | undefined {
    return undefined;
  }
  /** True when the target no longer exists (a deleted sheet): later operations fail with ItemNotFound. */
  protected isGone(_t: T): boolean {
    return false;
  }

  /** Resolves the proxy during a sync; throws ItemNotFound (or returns null for *OrNullObject). */
  _resolve(tx: SyncTransaction): T | null {
    if (!this._target) {
      const t = this._resolver(tx);
      if (t === null && !this._nullable) throw officeError('ItemNotFound', undefined, this._path);
      this._target = { t };
      this._pendingNull = t === null;
    }
    tx.resolved.add(this);
    return this._target.t;
  }

  /** Like `_resolve`, for an operation that needs a real object (null objects refuse it). */
  _require(tx: SyncTransaction): T {
    const t = this._resolve(tx);
    if (t === null || this.isGone(t)) throw officeError('ItemNotFound', undefined, this._path);
    return t;
  }

  _commitNull(): void {
    this._nullKnown = this._pendingNull;
  }

  _commitLoad(prop: string, value: unknown): void {
    this._loaded.set(prop, value);
    this._local.delete(prop);
  }

  /** "You must call context.sync() before reading the isNullObject property." */
  get isNullObject(): boolean {
    if (this._nullKnown === undefined) throw propertyNotLoaded('isNullObject');
    return this._nullKnown;
  }

  /** Queues the resolution alone (what *OrNullObject needs so `isNullObject` is known after sync). */
  protected _queueResolve(version: string): void {
    this.context.enqueue({ path: this._path, action: 'resolve' }, version, (tx) => void this._resolve(tx));
  }

  load(arg?: string | string[] | { select?: string | string[] } | Record<string, unknown>): this {
    let paths: string[];
    if (arg === undefined) paths = this.scalarProps();
    else if (typeof arg === 'string') paths = arg.split(',');
    else if (Array.isArray(arg)) paths = arg;
    else if (typeof arg.select === 'string') paths = arg.select.split(',');
    else if (Array.isArray(arg.select)) paths = arg.select as string[];
    else paths = Object.keys(arg).filter((k) => k !== '$all');
    // One load operation for this object's own properties (as Office.js sends one query with a select list); nested paths go to the child objects.
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const raw of paths.map((p) => p.trim()).filter(Boolean)) {
      const [head, ...rest] = raw.split('/');
      if (this.child(head)) nested.set(head, [...(nested.get(head) ?? []), ...(rest.length ? [rest.join('/')] : [])]);
      else if (!own.includes(head)) own.push(head);
    }
    for (const [head, rest] of nested) {
      const c = this.child(head)!;
      if (rest.length) c.load(rest);
      else c.load();
    }
    if (own.length) {
      this.context.enqueue({ path: this._path, action: 'load', args: own }, '1.1', (tx) => {
        const t = this._resolve(tx);
        if (t === null) return; // a null object loads nothing
        if (this.isGone(t)) throw officeError('ItemNotFound', undefined, this._path);
        for (const prop of own) tx.loads.push({ obj: this, prop, value: this.readProp(t, prop, tx) });
      });
    }
    return this;
  }

  /** Property read: a value set on this proxy, or one loaded by a finished sync. */
  protected _get<V>(prop: string): V {
    if (this._local.has(prop)) return this._local.get(prop) as V;
    if (this._loaded.has(prop)) return this._loaded.get(prop) as V;
    throw propertyNotLoaded(prop);
  }

  /** Property write: kept on the proxy and queued for the next sync. */
  protected _set(prop: string, value: unknown, version: string, apply: (t: T, tx: SyncTransaction) => void): void {
    this._local.set(prop, value);
    this.context.enqueue({ path: this._path, action: `set ${prop}`, args: value }, version, (tx) => apply(this._require(tx), tx));
  }

  /** Method call: queued for the next sync. */
  protected _call(action: string, args: unknown, version: string, run: (t: T, tx: SyncTransaction) => void): void {
    this.context.enqueue({ path: this._path, action, args }, version, (tx) => run(this._require(tx), tx));
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }
}
