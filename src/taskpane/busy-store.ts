/**
 * Busy state of the pane, outside React so that the harness (and tests) can
 * await the end of an action: `whenIdle()` resolves once no action runs.
 * One action at a time: Excel refuses concurrent `Excel.run`s, so the pane
 * disables its buttons while `busy` is true and `run` refuses a second start.
 */
import { formatNumber } from '../core/numbers';
import type { Counted, Progress } from './picked-files';

export interface BusyState {
  busy: boolean;
  /** Vietnamese label of the running action, for the progress bar. */
  label: string;
  /** How far the action is, when it can count (files or units read): `done` of `total`. */
  done?: number;
  total?: number;
  /** What is counted: `tệp` (files read) or `đơn vị` (the workbook's unit sheets read). */
  counted?: Counted;
  /**
   * The count as the live region says it: set at the first count, then at
   * most once every SAY_EVERY_MS (a screen reader would otherwise read on
   * without end), so it lags the bar.
   */
  spoken?: string;
}

/** How often, at most, the live region says the count while an action runs. */
export const SAY_EVERY_MS = 5000;

/** `Đang tổng hợp: 412/1.000 đơn vị`, or `Đang tổng hợp…` before anything is counted: the bar's words and the live region's. */
export function progressText(s: Pick<BusyState, 'label' | 'done' | 'total' | 'counted'>): string {
  const doing = `Đang ${s.label.toLowerCase()}`;
  return s.total ? `${doing}: ${formatNumber(s.done ?? 0)}/${formatNumber(s.total)} ${s.counted ?? 'tệp'}` : `${doing}…`;
}

type Listener = (s: BusyState) => void;

export class BusyStore {
  private state: BusyState = { busy: false, label: '' };
  private listeners = new Set<Listener>();
  private idleWaiters: (() => void)[] = [];
  private spokenAt = 0;

  /** `now`: the clock the live region's pace is kept by (a test gives its own). */
  constructor(private readonly now: () => number = () => Date.now()) {}

  get(): BusyState {
    return this.state;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Runs `task` marked busy; returns undefined (without running) when another task is running. */
  async run<T>(label: string, task: () => Promise<T>): Promise<T | undefined> {
    if (this.state.busy) return undefined;
    this.set({ busy: true, label });
    try {
      return await task();
    } finally {
      this.set({ busy: false, label: '' });
    }
  }

  /** The running action's count (`12` of `140` files, `412` of `1.000` units): the progress bar fills and says it. */
  progress(done: number, total: number, counted: Counted = 'tệp'): void {
    if (!this.state.busy) return;
    const next: BusyState = { ...this.state, done, total, counted };
    const t = this.now();
    if (this.state.spoken === undefined || t - this.spokenAt >= SAY_EVERY_MS) {
      next.spoken = progressText(next);
      this.spokenAt = t;
    }
    this.set(next);
  }

  /** Resolves when no action is running (at once if idle). */
  whenIdle(): Promise<void> {
    if (!this.state.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private set(s: BusyState): void {
    this.state = s;
    for (const l of [...this.listeners]) l(s);
    if (!s.busy) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}

/** The pane's one store (the harness reads it through `window.harness.whenIdle`). */
export const paneBusy = new BusyStore();

/** Files or units read so far, on the pane's progress bar (actions' `progress` argument). */
export const countProgress: Progress = (done, total, counted) => paneBusy.progress(done, total, counted);
