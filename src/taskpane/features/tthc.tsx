/**
 * «Đối chiếu số liệu TTHC» after Tổng hợp or Kiểm tra: the units' dossier figures held
 * against the one-stop system's export (tthc-actions.ts), the cells that differ coloured.
 * The comparison belongs to the result it was made on: a new compile puts it away.
 */
import * as React from 'react';
import * as actions from '../actions';
import { HIGHLIGHT_FILLS } from '../ports';
import { compareWithExportFiles, type TthcComparison } from '../tthc-actions';
import { TthcCompare } from '../components/TthcCompare';
import type { Finding } from '../../core/findings';
import type { CompileState } from './compile';
import type { Notice, PaneRun } from './pane-run';

export interface TthcCompareState {
  /** The comparison of the result shown, or null. */
  comparison: TthcComparison | null;
  onPicked: (files: File[]) => void;
  onClearColour: () => void;
}

export function useTthcCompare({ run }: PaneRun, compile: CompileState): TthcCompareState {
  const [made, setMade] = React.useState<{ on: readonly Finding[]; comparison: TthcComparison } | null>(null);
  const outcome = compile.outcome;
  // A review (Duyệt, Trả lại) keeps the result's findings; a new compile brings new ones.
  const comparison = made && outcome && made.on === outcome.result.findings ? made.comparison : null;

  const onPicked = (files: File[]) =>
    run('Đối chiếu số liệu TTHC', async () => {
      if (!outcome) throw new actions.PaneError('Chưa có kết quả tổng hợp: hãy bấm Tổng hợp trước khi đối chiếu số liệu TTHC.');
      const c = await compareWithExportFiles(outcome, await actions.readBrowserFiles(files), comparison?.saved);
      setMade({ on: outcome.result.findings, comparison: c });
      const said = c.compared === 0 ? 'không đơn vị nào có trong tệp' : c.differences.length ? `${c.differences.length} chênh lệch` : 'không có chênh lệch';
      return [{ intent: 'info', title: `Đã đối chiếu số liệu TTHC: ${said}`, lines: ['Kết quả ở mục «Đối chiếu với Hệ thống một cửa» bên dưới.'] }] satisfies Notice[];
    });

  const onClearColour = () =>
    run('Xoá tô màu', async () => {
      const kept = await actions.clearHighlight(comparison?.saved);
      setMade((m) => (m ? { ...m, comparison: { ...m.comparison, coloured: 0, saved: kept } } : m));
      return [{ intent: 'success', title: 'Đã xoá tô màu', lines: ['Các ô đã trở lại màu nền cũ.'] }] satisfies Notice[];
    }, true);

  return { comparison, onPicked, onClearColour };
}

/** Without `onSelect` (the page without Excel), the differences are listed with their places in words, none a button. */
export function renderTthcCompare(t: TthcCompareState, busy: boolean, onSelect?: (f: Finding) => void): React.ReactElement {
  return <TthcCompare comparison={t.comparison} busy={busy} fill={HIGHLIGHT_FILLS.warning} onPick={t.onPicked} onSelect={onSelect} onClearColour={t.onClearColour} />;
}
