/**
 * Packs queued operations into as few `context.sync()` calls as the payload
 * limit allows: Excel on the web refuses a request over 5 MB, and a sync per
 * sheet (or per cell) makes the pane slow. Callers say how big each
 * operation is; the budget syncs before an operation that would not fit.
 */

/** Excel on the web's limit is 5 MB; stay under it, since our sizes are estimates. */
export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** Responses: the same limit; reads are split so each stays under this. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Excel reads at most 5,000,000 cells at once; stay well below. */
export const MAX_CELLS_PER_SYNC = 1_000_000;
/** Fixed cost counted for any queued operation (object path, method name). */
export const OP_OVERHEAD_BYTES = 200;

export class SyncBudget {
  private used = 0;
  private queued = 0;
  /** Syncs this budget made. */
  syncs = 0;

  constructor(private readonly context: Excel.RequestContext, readonly maxBytes: number = DEFAULT_MAX_REQUEST_BYTES) {}

  /** Room left in the current sync. */
  get remaining(): number {
    return this.maxBytes - this.used;
  }

  get isEmpty(): boolean {
    return this.queued === 0;
  }

  /** Makes room for `bytes` of data in `ops` operations (syncing what is queued when it would not fit), then counts them. */
  async reserve(bytes: number, ops = 1): Promise<void> {
    const b = bytes + ops * OP_OVERHEAD_BYTES;
    if (this.queued > 0 && this.used + b > this.maxBytes) await this.flush();
    this.used += b;
    this.queued++;
  }

  /** Syncs whatever is queued (nothing when empty). */
  async flush(): Promise<void> {
    if (this.queued === 0) return;
    this.used = 0;
    this.queued = 0;
    this.syncs++;
    await this.context.sync();
  }

  /** A sync even with nothing counted (loads queued outside the budget). */
  async sync(): Promise<void> {
    this.used = 0;
    this.queued = 0;
    this.syncs++;
    await this.context.sync();
  }
}
