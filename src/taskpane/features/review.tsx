/**
 * Review: the result's findings (go to a cell, colour the cells) and the
 * officer's Duyệt / Trả lại of each unit's report.
 */
import * as React from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/findings';
import { APPROVED, RETURNED } from '../../core/approval';
import * as actions from '../actions';
import { approveReports, reviewItems, reviewNotice, reviewReport, withReview, type ReviewItem } from '../approval-actions';
import { HIGHLIGHT_FILLS } from '../ports';
import { ApprovalPanel } from '../components/ApprovalPanel';
import { FindingsList } from '../components/FindingsList';
import type { CompileState } from './compile';
import type { Notice, PaneRun } from './pane-run';

export interface ReviewState {
  findings: readonly Finding[];
  /** What Tô màu colours: errors only (warnings are for the officer to judge), unless the list is filtered to warnings. */
  toColour: Finding[];
  savedFills: actions.SavedFills;
  coloured: Severity;
  onApprove: (item: ReviewItem, password?: string) => void;
  onReturn: (item: ReviewItem, reason: string, password?: string) => void;
  onApproveMany: (items: ReviewItem[], password?: string) => void;
  onSelectFinding: (f: Finding) => void;
  onOpenSheet: (name: string) => void;
  onHighlight: () => void;
  onClearHighlight: () => void;
}

export function useReview({ run }: PaneRun, compile: CompileState): ReviewState {
  /** The coloured cells' own fills, given back by Xoá tô màu. */
  const [savedFills, setSavedFills] = React.useState<actions.SavedFills>(() => new Map());
  const [coloured, setColoured] = React.useState<Severity>('error');
  const { outcome, filter } = compile;
  const findings = outcome?.result.findings ?? [];
  const toColour = findings.filter((f) => (filter === 'warning' ? f.severity === 'warning' : f.severity === 'error'));

  /** Duyệt / Trả lại one unit's report: its state shows at once; the summary sheet follows at the next Tổng hợp. */
  const onReview = (item: ReviewItem, reason?: string, password?: string) =>
    run(reason === undefined ? 'Duyệt' : 'Trả lại', async () => {
      const r = await reviewReport(item, reason === undefined ? APPROVED : RETURNED, reason, password);
      compile.setOutcome((o) => (o ? withReview(o, r.record) : o));
      compile.setStale('Trang tổng hợp ghi tình trạng duyệt của lần Tổng hợp trước: bấm lại Tổng hợp để cập nhật.');
      const said = reviewNotice(r.record, r.protected);
      return [{ intent: 'success', title: said.title, lines: said.lines }];
    }, true);

  /** «Duyệt các báo cáo không có lỗi»: the items the officer confirmed, in one Excel.run. */
  const onApproveMany = (items: ReviewItem[], password?: string) =>
    run('Duyệt các báo cáo không có lỗi', async () => {
      const r = await approveReports(items, password);
      compile.setOutcome((o) => (o ? r.records.reduce(withReview, o) : o));
      compile.setStale('Trang tổng hợp ghi tình trạng duyệt của lần Tổng hợp trước: bấm lại Tổng hợp để cập nhật.');
      const out: Notice[] = [];
      if (r.records.length) {
        out.push({ intent: 'success', title: `Đã duyệt ${r.records.length} báo cáo không có lỗi`,
          lines: [`${r.protectedCount} trang đã được khoá; nếu trang bị sửa sau này, lần Tổng hợp sau sẽ báo lỗi và việc duyệt không còn giá trị.`], list: r.records.map((x) => x.unit) });
      }
      if (r.refused.length) out.push({ intent: 'warning', title: `${r.refused.length} báo cáo chưa duyệt được`, lines: r.refused });
      return out;
    }, true);

  const onHighlight = () =>
    run('Tô màu ô lỗi', async () => {
      const r = await actions.highlight(toColour, savedFills);
      setSavedFills(r.saved);
      setColoured(filter === 'warning' ? 'warning' : 'error');
      const lines = [`Ô có ${filter === 'warning' ? 'cảnh báo được tô nền vàng' : 'lỗi được tô nền hồng'}; bấm Xoá tô màu để trả lại màu cũ.`];
      if (r.skipped.length) lines.push(`Không tô được trang ${r.skipped.map((n) => `"${n}"`).join(', ')}: trang đã bị xóa, đổi tên hoặc đang được bảo vệ.`);
      return [{ intent: r.skipped.length ? 'warning' : 'success', title: `Đã tô màu ${r.cells} ô có ${filter === 'warning' ? 'cảnh báo' : 'lỗi'}`, lines }];
    }, true);

  const onClearHighlight = () =>
    run('Xoá tô màu', async () => {
      setSavedFills(await actions.clearHighlight(savedFills));
      return [{ intent: 'success', title: 'Đã xoá tô màu', lines: ['Các ô đã trở lại màu nền cũ.'] }];
    }, true);

  return {
    findings, toColour, savedFills, coloured, onHighlight, onClearHighlight, onApproveMany,
    onApprove: (item, password) => onReview(item, undefined, password),
    onReturn: (item, reason, password) => onReview(item, reason, password),
    onSelectFinding: (f) => run('Đến ô', () => actions.goToFinding(f), true),
    onOpenSheet: (name) => run('Mở trang', () => actions.openSheet(name), true),
  };
}

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  legend: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '14px', height: '14px', border: `1px solid ${tokens.colorNeutralStroke1}` },
});

/** The review list, then Tô màu / Xoá tô màu and the findings. */
export function Review({ review: r, compile, busy }: { review: ReviewState; compile: CompileState; busy: boolean }): React.ReactElement {
  const s = useStyles();
  const filter = compile.filter;
  return (
    <>
      <ApprovalPanel items={reviewItems(compile.outcome)} busy={busy} onApprove={r.onApprove} onReturn={r.onReturn} onApproveMany={r.onApproveMany} />
      {r.findings.length > 0 && (
        <div className={s.row}>
          <Button size="small" disabledFocusable={busy || r.toColour.length === 0} onClick={r.onHighlight} aria-pressed={r.savedFills.size > 0}>
            {filter === 'warning' ? 'Tô màu ô cảnh báo' : 'Tô màu ô lỗi'}
          </Button>
          {/* Always offered: colours from an earlier session may still be in the workbook. */}
          <Button size="small" disabledFocusable={busy} onClick={r.onClearHighlight}>
            Xoá tô màu
          </Button>
          {r.savedFills.size > 0 && (
            <span className={s.legend}>
              <span className={s.swatch} style={{ backgroundColor: HIGHLIGHT_FILLS[r.coloured] }} aria-hidden="true" />
              <Caption1>{r.coloured === 'warning' ? 'ô có cảnh báo' : 'ô có lỗi'}</Caption1>
            </span>
          )}
        </div>
      )}
      <FindingsList findings={r.findings} busy={busy} onSelect={r.onSelectFinding} filter={filter} />
    </>
  );
}
