import * as React from 'react';
import { Caption1, Divider, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { periodSteps, type StepKey } from '../period-steps';
import { PeriodSteps, type StepAction } from './PeriodSteps';
import { ExcelTooOld } from './ExcelTooOld';
import { ResultSummary } from './ResultSummary';
import { usePaneRun } from '../features/pane-run';
import { usePeriod } from '../features/period';
import { ProgressView, renderNotices } from '../features/notices';
import { renderApprovedOnly, renderPrevious, useCompile } from '../features/compile';
import { renderPlan, usePlan } from '../features/plan';
import { renderTemplates, useTemplates } from '../features/templates';
import { renderReportsIn, useReportsIn } from '../features/reports-in';
import { Review, useReview } from '../features/review';
import { renderReportOut, useReportOut } from '../features/report-out';
import { renderTthcCompare, useTthcCompare } from '../features/tthc';
import { MIN_EXCEL_API, isExcelApiSupported } from '../ports';

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
  // The steps and their buttons stay in reach however long the findings list below them grows.
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
 * its state and handlers and a small view. The period's steps on top, then
 * progress, messages, forms, and the last result with its review list.
 */
export function Pane(): React.ReactElement {
  const s = useStyles();
  const pane = usePaneRun();
  const period = usePeriod();
  const compile = useCompile(pane);
  const plan = usePlan(pane, period);
  const templates = useTemplates(pane, period);
  const reportsIn = useReportsIn(pane, compile);
  const review = useReview(pane, compile);
  const reportOut = useReportOut(pane, compile, period);
  const tthc = useTthcCompare(pane, compile);
  const busy = pane.busy.busy;
  // Below what the buttons need, ExcelTooOld explains and the steps' buttons are not offered as usable.
  const tooOld = !isExcelApiSupported(MIN_EXCEL_API);
  const { notices } = pane;

  // A confirmation is brought into view; when the action took the focused control away
  // (a form closed after success), focus goes to the message rather than to the page body.
  const firstNotice = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const el = firstNotice.current;
    if (!el || !notices.length) return;
    const active = el.ownerDocument.activeElement;
    if (!active || active === el.ownerDocument.body) el.focus();
    else if (active !== compile.headingRef.current) el.scrollIntoView?.({ block: 'nearest' });
  }, [notices, compile.headingRef]);

  const steps = periodSteps({ ...period.facts, outcome: compile.outcome });
  const actions: Record<StepKey, StepAction[]> = {
    plan: [{ label: 'Tạo kế hoạch', onClick: plan.toggle, title: 'Thêm trang Kế hoạch của kỳ: danh sách mọi xã, phường của tỉnh theo danh mục đơn vị hành chính, nhiệm vụ mẫu, hạn nộp' }],
    templates: [{ label: 'Tạo mẫu', onClick: templates.toggle, title: 'Thêm một trang báo cáo trống theo mẫu TTCCHC-1, hoặc tải mẫu cho mọi đơn vị của Kế hoạch' }],
    reportsIn: [
      { label: 'Nhập báo cáo', onClick: reportsIn.pickImport, title: 'Chép báo cáo của đơn vị từ các tệp .xlsx vào sổ làm việc này' },
      { label: 'Tổng hợp từ tệp', onClick: reportsIn.pickCompileFiles, title: 'Tổng hợp thẳng từ các tệp .xlsx, không chép chúng vào sổ làm việc' },
    ],
    review: [{ label: 'Kiểm tra', onClick: compile.onCheck, title: 'Chỉ kiểm tra, không ghi gì vào sổ làm việc; sau đó duyệt hoặc trả lại từng báo cáo' }],
    compile: [{ label: 'Tổng hợp', onClick: compile.onCompile, title: 'Đọc các trang TTCCHC-1 và trang Kế hoạch, ghi các trang tổng hợp' }],
    reportOut: [
      { label: 'Xuất báo cáo', onClick: reportOut.onExport, title: 'Tải về báo cáo .docx của lần tổng hợp gần nhất' },
      { label: 'Phản hồi', onClick: reportOut.onFeedback, title: 'Tải về văn bản phản hồi cho đơn vị có lỗi và công văn đôn đốc đơn vị chưa nộp (.zip)' },
    ],
  };

  return (
    <main className={s.pane}>
      <header className={s.head}>
        <Title3 as="h1">Tổng hợp CCHC</Title3>
        <Caption1>Báo cáo tuyên truyền cải cách hành chính, mẫu TTCCHC-1</Caption1>
      </header>
      <ExcelTooOld />
      <div className={s.sticky}>
        <PeriodSteps steps={steps} actions={actions} busy={busy || tooOld}>
          {renderApprovedOnly(compile, busy || tooOld)}
        </PeriodSteps>
      </div>
      <div role="status" aria-live="polite" className={s.srOnly} data-testid="live-status">{pane.announce}</div>
      {renderReportsIn(reportsIn)}
      <ProgressView />
      {renderNotices(pane, firstNotice)}
      {renderPlan(plan, busy)}
      {renderTemplates(templates, busy)}
      {renderPrevious(compile, busy)}
      {renderReportOut(reportOut, busy)}
      {compile.outcome && (
        <>
          <Divider />
          <ResultSummary outcome={compile.outcome} busy={busy} onOpenSheet={review.onOpenSheet} filter={compile.filter} onFilter={compile.setFilter} stale={compile.stale} headingRef={compile.headingRef} />
          {renderTthcCompare(tthc, busy, review.onSelectFinding)}
          <Review review={review} compile={compile} busy={busy} />
        </>
      )}
    </main>
  );
}
