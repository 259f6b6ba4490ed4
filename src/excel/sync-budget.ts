/**
 * Packs queued operations into as few `context.sync()` calls as the payload
 * limit allows: Excel on the web refuses a request over 5 MB
 * (`RequestPayloadSizeLimitExceeded`), and a sync per sheet (or per cell)
 * makes the pane slow. Callers give each operation's wire cost (wire-cost.ts,
 * held against the real client's bytes) and the operation itself; the
 * budget syncs before an operation that would not fit.
 *
 * Operations given to `add` are remembered until their sync succeeds: when
 * Excel refuses the request as too large, or fails it with "An internal
 * error has occurred" (`GeneralException`, seen on large batches online:
 * https://github.com/OfficeDev/office-js/issues/354, /1012, /1314), they are queued again in two
 * halves, each synced on its own, down to a single operation. Excel stops a
 * failing request at its first failing command and keeps what ran before it
 * (dev/office-host RequestFailure cites Microsoft), so an operation is either
 * safe to run twice (setting a property, a format, loading) or, when it adds
 * something (a chart, a page break, a conditional format, protection), it
 * comes with a `recheck`: before anything is sent again, every recheck queues
 * a load of what Excel has now, one sync reads them all, and the operation
 * runs again from that known state (adding only what is not there yet).
 */

/** Excel on the web's limit is 5 MB; stay well under it (the costs are a model). */
export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** Responses: the same limit; reads are split so each stays under this. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Excel reads at most 5,000,000 cells at once; stay well below. */
export const MAX_CELLS_PER_SYNC = 1_000_000;

/** Office error codes after which the same operations are sent again, split in two. */
const SPLIT_AND_RETRY = new Set(['RequestPayloadSizeLimitExceeded', 'GeneralException']);

/** One operation that alone is larger than a request may be: said in Vietnamese, before anything is sent. */
export class OperationTooLargeError extends Error {
  constructor(readonly what: string, readonly bytes: number) {
    super(
      `Không gửi được ${what} vào Excel: riêng phần này đã cần khoảng ${(bytes / 1024 / 1024).toFixed(1)} MB, ` +
        'quá giới hạn 5 MB của một lần gửi. Hãy rút ngắn nội dung các ô đó (ví dụ ghi chú rất dài) rồi chạy lại; sổ làm việc không bị thay đổi.',
    );
    this.name = 'OperationTooLargeError';
  }
}

export const officeErrorCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null ? ((e as { code?: string }).code ?? (e as { debugInfo?: { code?: string } }).debugInfo?.code) : undefined;

/**
 * Queues loads telling how much of an operation Excel already applied;
 * returns what to do once they are read (set the state `run` looks at).
 */
export type Recheck = () => () => void;

interface Queued {
  run: () => void;
  recheck?: Recheck;
}

export class SyncBudget {
  private used = 0;
  private pending: Queued[] = [];
  /** Syncs this budget made. */
  syncs = 0;
  /** Syncs sent again in halves after Excel refused them (payload or internal error). */
  retries = 0;

  constructor(private readonly context: Excel.RequestContext, readonly maxBytes: number = DEFAULT_MAX_REQUEST_BYTES) {}

  /** Room left in the current sync. */
  get remaining(): number {
    return this.maxBytes - this.used;
  }

  get isEmpty(): boolean {
    return this.pending.length === 0;
  }

  /**
   * Queues `run` (which queues Office.js operations costing `bytes` on the
   * wire), syncing first when it would not fit. `what` names it for the
   * user when it alone can never fit.
   */
  async add(bytes: number, run: () => void, what = 'một thao tác', recheck?: Recheck): Promise<void> {
    if (bytes > this.maxBytes) throw new OperationTooLargeError(what, bytes);
    if (this.pending.length > 0 && this.used + bytes > this.maxBytes) await this.flush();
    this.used += bytes;
    run();
    this.pending.push(recheck ? { run, recheck } : { run });
  }

  /** Syncs whatever was added (nothing when empty); on a payload or internal error, again in halves. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const ops = this.pending;
    this.pending = [];
    this.used = 0;
    await this.syncAgainInHalves(ops, false);
  }

  private async syncAgainInHalves(ops: Queued[], queueAgain: boolean): Promise<void> {
    if (queueAgain) for (const op of ops) op.run();
    this.syncs++;
    try {
      await this.context.sync();
    } catch (e) {
      if (ops.length < 2 || !SPLIT_AND_RETRY.has(officeErrorCode(e) ?? '')) throw e;
      this.retries++;
      await this.readWhatWasApplied(ops);
      const half = Math.ceil(ops.length / 2);
      await this.syncAgainInHalves(ops.slice(0, half), true);
      await this.syncAgainInHalves(ops.slice(half), true);
    }
  }

  /** The operations' rechecks, read in one sync (none when every operation is safe to repeat). */
  private async readWhatWasApplied(ops: Queued[]): Promise<void> {
    const after = ops.flatMap((op) => (op.recheck ? [op.recheck()] : []));
    if (!after.length) return;
    this.syncs++;
    await this.context.sync();
    for (const update of after) update();
  }

  /** A sync of what was queued outside the budget (loads, sheet names); what was added goes with it. */
  async sync(): Promise<void> {
    if (this.pending.length) {
      await this.flush();
      return;
    }
    this.syncs++;
    await this.context.sync();
  }
}
