/**
 * Busy state of the pane, outside React so that the harness (and tests) can
 * await the end of an action: `whenIdle()` resolves once no action runs.
 * One action at a time: Excel refuses concurrent `Excel.run`s, so the pane
 * disables its buttons while `busy` is true and `run` refuses a second start.
 *
 * Two subscriptions: the whole pane hears only the start and the end of an
 * action (`subscribe`: its buttons turn off and on); the count of files or
 * units read goes to the progress bar alone (`subscribeProgress`,
 * notices.tsx), at most once an animation frame. A 1,000-unit compile makes
 * 200 counts: re-rendering the pane at each kept the page from painting for
 * hundreds of milliseconds at a time (test/e2e/compile-worker.e2e.test.ts).
 */
import { formatNumber } from '../core/numbers';
import type { Counted, Progress } from './picked-files';

export interface BusyState {
  busy: boolean;
  /** Vietnamese label of the running action, for the progress bar. */
  label: string;
}

/** What the progress bar shows while an action runs. */
export interface ProgressState {
  /** Vietnamese label of the running action. */
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
export function progressText(s: Pick<ProgressState, 'label' | 'done' | 'total' | 'counted'>): string {
  const doing = `Đang ${s.label.toLowerCase()}`;
  return s.total ? `${doing}: ${formatNumber(s.done ?? 0)}/${formatNumber(s.total)} ${s.counted ?? 'tệp'}` : `${doing}…`;
}

type Listener<S> = (s: S) => void;

/** Runs `draw` before the next paint; returns how to call it off. */
export type FrameScheduler = (draw: () => void) => () => void;

/** The page's animation frame; where there is none (node, a worker), about one frame's time. */
const nextFrame: FrameScheduler = (draw) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(draw, 16);
  return () => clearTimeout(id);
};

export class BusyStore {
  private state: BusyState = { busy: false, label: '' };
  private listeners = new Set<Listener<BusyState>>();
  /** What the bar shows: null when idle. */
  private shown: ProgressState | null = null;
  private progressListeners = new Set<Listener<ProgressState | null>>();
  /** The latest count, waiting for the next frame. */
  private pending: { done: number; total: number; counted: Counted } | null = null;
  private cancelFrame: (() => void) | null = null;
  private idleWaiters: (() => void)[] = [];
  private spokenAt = 0;

  /**
   * `now`: the clock the live region's pace is kept by; `frame`: when the
   * bar is redrawn (a test gives its own of both).
   */
  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly frame: FrameScheduler = nextFrame,
  ) {}

  /** Busy or not, and the action's label: changes only when an action starts or ends. */
  get(): BusyState {
    return this.state;
  }

  subscribe(l: Listener<BusyState>): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** What the progress bar shows (null when no action runs). */
  getProgress(): ProgressState | null {
    return this.shown;
  }

  /** The progress bar's subscription: the start, each count drawn (at most one a frame), the end. */
  subscribeProgress(l: Listener<ProgressState | null>): () => void {
    this.progressListeners.add(l);
    return () => this.progressListeners.delete(l);
  }

  /** Runs `task` marked busy; returns undefined (without running) when another task is running. */
  async run<T>(label: string, task: () => Promise<T>): Promise<T | undefined> {
    if (this.state.busy) return undefined;
    this.spokenAt = 0;
    this.showProgress({ label });
    this.set({ busy: true, label });
    try {
      return await task();
    } finally {
      this.pending = null;
      this.cancelFrame?.();
      this.cancelFrame = null;
      this.showProgress(null);
      this.set({ busy: false, label: '' });
    }
  }

  /**
   * The running action's count (`12` of `140` files, `412` of `1.000` units):
   * the progress bar fills and says it at the next frame, with the latest
   * count heard by then.
   */
  progress(done: number, total: number, counted: Counted = 'tệp'): void {
    if (!this.state.busy) return;
    this.pending = { done, total, counted };
    if (!this.cancelFrame) this.cancelFrame = this.frame(() => this.drawCount());
  }

  /** Resolves when no action is running (at once if idle). */
  whenIdle(): Promise<void> {
    if (!this.state.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private drawCount(): void {
    this.cancelFrame = null;
    const count = this.pending;
    this.pending = null;
    if (!count || !this.shown) return;
    const next: ProgressState = { ...this.shown, ...count };
    const t = this.now();
    if (this.shown.spoken === undefined || t - this.spokenAt >= SAY_EVERY_MS) {
      next.spoken = progressText(next);
      this.spokenAt = t;
    }
    this.showProgress(next);
  }

  private showProgress(p: ProgressState | null): void {
    this.shown = p;
    for (const l of [...this.progressListeners]) l(p);
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
