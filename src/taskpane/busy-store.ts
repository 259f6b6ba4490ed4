/**
 * Busy state of the pane, outside React so that the harness (and tests) can
 * await the end of an action: `whenIdle()` resolves once no action runs.
 * One action at a time: Excel refuses concurrent `Excel.run`s, so the pane
 * disables its buttons while `busy` is true and `run` refuses a second start.
 */

export interface BusyState {
  busy: boolean;
  /** Vietnamese label of the running action, for the progress bar. */
  label: string;
  /** How far the action is, when it can count (files read): `done` of `total`. */
  done?: number;
  total?: number;
}

type Listener = (s: BusyState) => void;

export class BusyStore {
  private state: BusyState = { busy: false, label: '' };
  private listeners = new Set<Listener>();
  private idleWaiters: (() => void)[] = [];

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

  /** The running action's count (`12` of `140` files): the progress bar fills and says it. */
  progress(done: number, total: number): void {
    if (this.state.busy) this.set({ ...this.state, done, total });
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
