/** The pane's messages and progress bar (what pane-run.ts keeps). */
import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import { paneBusy, progressText, type BusyStore } from '../busy-store';
import { namesAndRest } from '../../core/unit-names';
import type { PaneRun } from './pane-run';

/**
 * The bar fills as files or units are read; the count is said in its own
 * polite region, at a pace a screen reader can keep. It alone hears the
 * count (busy-store.ts `subscribeProgress`, at most once a frame): a count
 * redraws the bar and its region, not the pane around it.
 */
export function ProgressView({ store = paneBusy }: { store?: BusyStore }): React.ReactElement | null {
  const p = React.useSyncExternalStore(
    (cb) => store.subscribeProgress(cb),
    () => store.getProgress(),
  );
  if (!p) return null;
  const text = progressText(p);
  return (
    <Field validationMessage={text} validationState="none">
      <ProgressBar aria-label={text} data-testid="progress" {...(p.total ? { value: (p.done ?? 0) / p.total } : {})} />
      <span role="status" aria-live="polite" data-testid="progress-status" style={SR_ONLY}>{p.spoken ?? ''}</span>
    </Field>
  );
}

const SR_ONLY: React.CSSProperties = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

/** Names shown at first; a longer list (140 sheets after Nhập báo cáo) says how many more and opens on request. */
export const LIST_SHOWN = 5;

export function NameList({ names }: { names: readonly string[] }): React.ReactElement {
  const [all, setAll] = React.useState(false);
  if (names.length <= LIST_SHOWN + 1) return <div>{names.join(', ')}.</div>;
  return (
    <div>
      {`${all ? names.join(', ') : namesAndRest(names, LIST_SHOWN, { what: 'mục' })}.`}{' '}
      <Button appearance="transparent" size="small" aria-expanded={all} onClick={() => setAll(!all)}>
        {all ? 'Thu gọn' : `Xem cả ${names.length}`}
      </Button>
    </div>
  );
}

/** The messages of the last action; `firstRef` receives the first, so the pane can bring it into view. */
export function renderNotices({ notices }: PaneRun, firstRef?: React.Ref<HTMLDivElement>): React.ReactElement {
  return (
    <>
      {notices.map((n, i) => (
        <MessageBar key={`${n.title}-${i}`} ref={i === 0 ? firstRef : undefined} tabIndex={i === 0 ? -1 : undefined} intent={n.intent} layout="multiline" role={n.intent === 'error' || n.intent === 'warning' ? 'alert' : 'status'}>
          <MessageBarBody>
            <MessageBarTitle>{n.title}</MessageBarTitle>
            {n.lines.map((l, j) => (
              <div key={j}>{l}</div>
            ))}
            {n.list && n.list.length > 0 && <NameList names={n.list} />}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
