/**
 * Compile: Tổng hợp and Kiểm tra over the open workbook, «Chỉ tổng hợp báo
 * cáo đã duyệt», Kỳ trước, and the result every other feature reads
 * (`outcome`) with its «no longer current» note (`stale`).
 */
import * as React from 'react';
import { Checkbox } from '@fluentui/react-components';
import * as actions from '../actions';
import { countProgress } from '../busy-store';
import { warmCompileWorker } from '../ports';
import type { SeverityFilter } from '../findings-view';
import { resultSentence, withoutComparison } from '../result-words';
import { PreviousPeriodPicker } from '../components/PreviousPeriodPicker';
import type { Notice, PaneRun } from './pane-run';

export interface CompileState {
  outcome: actions.CompileOutcome | null;
  setOutcome: React.Dispatch<React.SetStateAction<actions.CompileOutcome | null>>;
  /** Why the result shown may no longer hold (reports imported, a review, Kỳ trước removed), or null. */
  stale: string | null;
  setStale: (s: string | null) => void;
  filter: SeverityFilter;
  setFilter: (f: SeverityFilter) => void;
  approvedOnly: boolean;
  setApprovedOnly: (v: boolean) => void;
  previous: actions.PreviousPick | undefined;
  /** The result heading: focus goes there after a compile (not to the page body). */
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  /** Shows a compile's result; returns the messages it brings. */
  afterCompile: (o: actions.CompileOutcome) => Notice[];
  onCompile: () => void;
  onCheck: () => void;
  onPreviousPicked: (file: File) => void;
  onRemovePrevious: () => void;
}

export function useCompile({ run, busy, setAnnounce }: PaneRun): CompileState {
  const [outcome, setOutcome] = React.useState<actions.CompileOutcome | null>(null);
  const [stale, setStale] = React.useState<string | null>(null);
  const [filter, setFilter] = React.useState<SeverityFilter>('all');
  const [approvedOnly, setApprovedOnly] = React.useState(false);
  const [previous, setPrevious] = React.useState<actions.PreviousPick | undefined>();
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const focusResult = React.useRef(false);
  // The compile's worker starts (loads its script) once the pane is up, before the first Tổng hợp needs it.
  React.useEffect(() => warmCompileWorker(), []);
  React.useEffect(() => {
    if (focusResult.current && !busy.busy) {
      focusResult.current = false;
      headingRef.current?.focus();
    }
  });

  const afterCompile = (o: actions.CompileOutcome): Notice[] => {
    // Nothing read: no result (no «năm 2026», no zero tiles), only the message below.
    const nothing = o.result.reports.length === 0;
    setOutcome(nothing ? null : o);
    setFilter('all');
    setStale(null);
    focusResult.current = !nothing;
    if (!nothing) setAnnounce(resultSentence(o));
    const out: Notice[] = [];
    if (o.fileProblems.length) out.push({ intent: 'warning', title: 'Có tệp không đọc được', lines: o.fileProblems });
    if (o.notes.length) out.push({ intent: 'info', title: 'Lưu ý về phiên bản Excel này', lines: o.notes });
    if (o.result.reports.length === 0 && o.fileProblems.length === 0) {
      out.push({ intent: 'warning', title: 'Không có báo cáo nào', lines: ['Không tìm thấy trang nào theo mẫu TTCCHC-1 (ô "Mã mẫu" ghi "TTCCHC-1"). Hãy bấm Tạo kế hoạch để bắt đầu kỳ báo cáo, hoặc Nhập báo cáo, Tạo mẫu.'] });
    }
    return out;
  };

  // The units read are counted on the progress bar; the compile runs in its worker (ports.compile).
  const onCompile = () => run('Tổng hợp', async () => afterCompile(await actions.compileWorkbook(previous, { approvedOnly }, countProgress)));
  const onCheck = () => run('Kiểm tra', async () => afterCompile(await actions.checkWorkbook({ approvedOnly }, countProgress)));

  /** A file that cannot serve as the previous period leaves the earlier choice as it was. */
  const onPreviousPicked = (file: File) =>
    run('Đọc tệp kỳ trước', async () => {
      setPrevious(await actions.readPreviousFile((await actions.readBrowserFiles([file]))[0]));
    }, true);

  /**
   * Bỏ: the result shown no longer claims a comparison, and says that the
   * summary sheet keeps its kỳ trước columns until the next Tổng hợp.
   */
  const onRemovePrevious = () => {
    setPrevious(undefined);
    if (outcome?.comparedWith) {
      setOutcome(withoutComparison(outcome));
      setStale('Đã bỏ tệp kỳ trước: trang tổng hợp vẫn còn cột kỳ trước cho đến khi bấm lại Tổng hợp.');
    }
  };

  return { outcome, setOutcome, stale, setStale, filter, setFilter, approvedOnly, setApprovedOnly, previous, headingRef, afterCompile, onCompile, onCheck, onPreviousPicked, onRemovePrevious };
}

/** «Chỉ tổng hợp báo cáo đã duyệt». */
export function renderApprovedOnly(c: CompileState, busy: boolean): React.ReactElement {
  return <Checkbox label="Chỉ tổng hợp báo cáo đã duyệt" checked={c.approvedOnly} disabled={busy} onChange={(_e, d) => c.setApprovedOnly(d.checked === true)} />;
}

/** Kỳ trước (tuỳ chọn). */
export function renderPrevious(c: CompileState, busy: boolean): React.ReactElement {
  return <PreviousPeriodPicker busy={busy} fileName={c.previous?.name ?? null} onPick={c.onPreviousPicked} onRemove={c.onRemovePrevious} />;
}
