/** The pane's messages and progress bar (what pane-run.ts keeps). */
import * as React from 'react';
import { Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import type { PaneRun } from './pane-run';

export function renderProgress({ busy }: PaneRun): React.ReactElement | null {
  if (!busy.busy) return null;
  return (
    <Field validationMessage={`Đang ${busy.label.toLowerCase()}…`} validationState="none">
      <ProgressBar aria-label={`Đang ${busy.label.toLowerCase()}`} />
    </Field>
  );
}

export function renderNotices({ notices }: PaneRun): React.ReactElement {
  return (
    <>
      {notices.map((n, i) => (
        <MessageBar key={i} intent={n.intent} layout="multiline" role={n.intent === 'error' || n.intent === 'warning' ? 'alert' : 'status'}>
          <MessageBarBody>
            <MessageBarTitle>{n.title}</MessageBarTitle>
            {n.lines.map((l, j) => (
              <div key={j}>{l}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
