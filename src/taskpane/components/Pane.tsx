import * as React from 'react';
import { Caption1, Divider, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { ExcelTooOld } from './ExcelTooOld';
import { ActionBar } from './ActionBar';
import { ResultSummary } from './ResultSummary';
import { usePaneRun } from '../features/pane-run';
import { renderNotices, renderProgress } from '../features/notices';
import { renderApprovedOnly, renderPrevious, useCompile } from '../features/compile';
import { renderPlan, usePlan } from '../features/plan';
import { renderTemplates, useTemplates } from '../features/templates';
import { renderReportsIn, useReportsIn } from '../features/reports-in';
import { Review, useReview } from '../features/review';
import { renderReportOut, useReportOut } from '../features/report-out';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    minWidth: '280px',
  },
  head: { display: 'flex', flexDirection: 'column' },
  // The actions stay in reach however long the findings list below them grows.
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/**
 * The task pane, composed of its features (src/taskpane/features: plan,
 * templates, reports in, compile, review, report out), each a hook holding
 * its state and handlers and a small view. Actions on top, progress,
 * messages, then the last result and its findings.
 */
export function Pane(): React.ReactElement {
  const s = useStyles();
  const pane = usePaneRun();
  const compile = useCompile(pane);
  const plan = usePlan(pane);
  const templates = useTemplates(pane);
  const reportsIn = useReportsIn(pane, compile);
  const review = useReview(pane, compile);
  const reportOut = useReportOut(pane, compile);
  const busy = pane.busy.busy;

  return (
    <main className={s.pane}>
      <header className={s.head}>
        <Title3 as="h1">Tổng hợp CCHC</Title3>
        <Caption1>Báo cáo tuyên truyền cải cách hành chính, mẫu TTCCHC-1</Caption1>
      </header>
      <ExcelTooOld />
      <div className={s.sticky}>
        <ActionBar
          busy={busy}
          onCompile={compile.onCompile}
          onCheck={compile.onCheck}
          onTemplate={templates.toggle}
          onImport={reportsIn.pickImport}
          onCompileFiles={reportsIn.pickCompileFiles}
          onExport={reportOut.onExport}
          onFeedback={reportOut.onFeedback}
          onPlan={plan.toggle}
        />
        {renderApprovedOnly(compile, busy)}
      </div>
      <div role="status" aria-live="polite" className={s.srOnly} data-testid="live-status">{pane.announce}</div>
      {renderReportsIn(reportsIn)}
      {renderPrevious(compile, busy)}
      {renderReportOut(reportOut, busy)}
      {renderProgress(pane)}
      {renderNotices(pane)}
      {renderPlan(plan, busy)}
      {renderTemplates(templates, busy)}
      {compile.outcome && (
        <>
          <Divider />
          <ResultSummary outcome={compile.outcome} busy={busy} onOpenSheet={review.onOpenSheet} filter={compile.filter} onFilter={compile.setFilter} stale={compile.stale} headingRef={compile.headingRef} />
          <Review review={review} compile={compile} busy={busy} />
        </>
      )}
    </main>
  );
}
