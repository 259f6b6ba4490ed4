/**
 * The pane's one way to run an action: marked busy (one Excel.run at a time,
 * busy-store.ts), its messages shown, and its progress and end said in the
 * polite live region. Every feature hook (features/*.tsx) runs through this.
 */
import * as React from 'react';
import { asPaneError } from '../actions';
import { paneBusy, type BusyState } from '../busy-store';

/** One message of the pane (a Fluent MessageBar). */
export interface Notice {
  intent: 'error' | 'warning' | 'success' | 'info';
  title: string;
  lines: string[];
  /** Names (sheets added, files made): a long list is shown summarised, with a way to see it all (notices.tsx). */
  list?: string[];
}

/**
 * `keepNotices`: a small step (going to a cell, colouring) leaves the
 * messages of the last action in view unless it fails or says something.
 */
export type RunAction = (label: string, task: () => Promise<Notice[] | void>, keepNotices?: boolean) => void;

export interface PaneRun {
  busy: BusyState;
  notices: Notice[];
  setNotices: (n: Notice[]) => void;
  /** What the polite live region says: progress, then the result in one sentence. */
  announce: string;
  setAnnounce: (a: string) => void;
  run: RunAction;
}

function useBusy(): BusyState {
  return React.useSyncExternalStore(
    (cb) => paneBusy.subscribe(cb),
    () => paneBusy.get(),
  );
}

/** Runs actions; a failure becomes an error message, never a blank pane. */
export function usePaneRun(): PaneRun {
  const busy = useBusy();
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [announce, setAnnounce] = React.useState('');
  const run: RunAction = (label, task, keepNotices = false) => {
    if (!keepNotices) setNotices([]);
    const progress = `Đang ${label.toLowerCase()}…`;
    setAnnounce(progress);
    void paneBusy.run(label, async () => {
      try {
        const shown = await task();
        if (!keepNotices || shown) setNotices(shown ?? []);
        setAnnounce((a) => (a === progress ? `${label}: xong.${shown?.length ? ` ${shown.map((n) => n.title).join('. ')}.` : ''}` : a));
      } catch (e) {
        setNotices([{ intent: 'error', title: `${label} không thành công`, lines: [asPaneError(e).message] }]);
        setAnnounce('');
      }
    });
  };
  return { busy, notices, setNotices, announce, setAnnounce, run };
}
