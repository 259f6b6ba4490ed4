/** Report out: the narrative report (.docx) and the letters to the units (.zip), signed as the fields say. */
import * as React from 'react';
import * as actions from '../actions';
import { ZIP_MIME, downloadBytes } from '../download';
import type { Signer } from '../../report/signer';
import { SignerFields } from '../components/SignerFields';
import type { CompileState } from './compile';
import type { PaneRun } from './pane-run';
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
      const letters = await actions.exportFeedback(compile.outcome);
      period?.made('lettersOut');
      if (!letters) return [{ intent: 'info', title: 'Không có văn bản nào cần gửi', lines: ['Mọi đơn vị đã nộp đúng hạn và không có lỗi, cảnh báo.'] }];
      downloadBytes(letters.fileName, letters.bytes, ZIP_MIME);
      return [{ intent: 'success', title: `Đã tạo ${letters.names.length} văn bản`, lines: [`Tệp ${letters.fileName} đã được tải về.`], list: letters.names }];
    });
  return { signer, setSigner, onExport, onFeedback };
}

/** Người ký (who signs the report). */
export function renderReportOut(r: ReportOutState, busy: boolean): React.ReactElement {
  return <SignerFields busy={busy} value={r.signer} onChange={r.setSigner} />;
}
