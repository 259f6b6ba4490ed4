/** Report out: the narrative report (.docx) and the letters to the units (.zip), signed as the fields say. */
import * as React from 'react';
import * as actions from '../actions';
import { otherPeriodStop } from '../../core/period-mismatch';
import { ZIP_MIME, downloadBytes } from '../download';
import type { Signer } from '../../report/signer';
import { SignerFields } from '../components/SignerFields';
import type { CompileState } from './compile';
import type { Notice, PaneRun } from './pane-run';
import type { PeriodState } from './period';

export interface ReportOutState {
  signer: Signer;
  setSigner: (s: Signer) => void;
  onExport: () => void;
  onFeedback: () => void;
}

/** `period`: the pane's steps to mark done; the page without Excel (src/app) has none. */
export function useReportOut({ run }: PaneRun, compile: CompileState, period?: PeriodState): ReportOutState {
  const [signer, setSigner] = React.useState<Signer>({});
  const onExport = () =>
    run('Xuất báo cáo', async () => {
      const { fileName, bytes } = await actions.exportReport(compile.outcome, compile.previous, signer);
      downloadBytes(fileName, bytes);
      period?.made('reportOut');
      return [{ intent: 'success', title: 'Đã tạo báo cáo', lines: [`Tệp ${fileName} đã được tải về.`] }];
    });
  const onFeedback = () =>
    run('Phản hồi', async () => {
      const made = await makeFeedback(compile.outcome);
      if (made.letters) downloadBytes(made.letters.fileName, made.letters.bytes, ZIP_MIME);
      if (made.done) period?.made('lettersOut');
      return made.notices;
    });
  return { signer, setSigner, onExport, onFeedback };
}

/**
 * What «Phản hồi» makes and says. When every report is of another period than the plan (spec §8,
 * core/period-mismatch.ts), the one message `tonghop feedback` prints, pointing at the plan's
 * `Kỳ báo cáo` / `Năm`, and no letters: the step is not done. Else the letters' .zip (`done`), or none
 * when every unit sent on time without findings.
 */
export async function makeFeedback(outcome: actions.CompileOutcome | null): Promise<{
  notices: Notice[]; done: boolean; letters?: { fileName: string; bytes: Uint8Array; names: string[] };
}> {
  const stop = outcome && otherPeriodStop(outcome.result);
  if (stop) return { done: false, notices: [{ intent: 'error', title: 'Chưa tạo văn bản phản hồi', lines: [stop] }] };
  const letters = await actions.exportFeedback(outcome);
  if (!letters) return { done: true, notices: [{ intent: 'info', title: 'Không có văn bản nào cần gửi', lines: ['Mọi đơn vị đã nộp đúng hạn và không có lỗi, cảnh báo.'] }] };
  return { done: true, letters, notices: [{ intent: 'success', title: `Đã tạo ${letters.names.length} văn bản`, lines: [`Tệp ${letters.fileName} đã được tải về.`], list: letters.names }] };
}

/** Người ký (who signs the report). */
export function renderReportOut(r: ReportOutState, busy: boolean): React.ReactElement {
  return <SignerFields busy={busy} value={r.signer} onChange={r.setSigner} />;
}
