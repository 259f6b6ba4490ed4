/**
 * Reports in: «Nhập báo cáo» copies the units' files into the workbook,
 * «Tổng hợp từ tệp» compiles them without copying (both pick files through a
 * hidden file input).
 */
import * as React from 'react';
import * as actions from '../actions';
import { paneBusy } from '../busy-store';
import { HiddenFileInput } from '../components/HiddenFileInput';
import type { CompileState } from './compile';
import type { Notice, PaneRun } from './pane-run';

export interface ReportsInState {
  importInput: React.RefObject<HTMLInputElement | null>;
  filesInput: React.RefObject<HTMLInputElement | null>;
  pickImport: () => void;
  pickCompileFiles: () => void;
  onImportPicked: (list: File[]) => void;
  onFilesPicked: (list: File[]) => void;
}

/** Files read so far, on the progress bar. */
const countFiles: actions.Progress = (done, total) => paneBusy.progress(done, total);

export function useReportsIn({ run }: PaneRun, compile: CompileState): ReportsInState {
  const importInput = React.useRef<HTMLInputElement>(null);
  const filesInput = React.useRef<HTMLInputElement>(null);

  const onImportPicked = (list: File[]) =>
    run('Nhập báo cáo', async () => {
      const r = await actions.importReports(await actions.readBrowserFiles(list), countFiles);
      const out: Notice[] = [];
      if (r.added.length && compile.outcome) compile.setStale('Sổ làm việc đã thay đổi sau lần này (đã nhập báo cáo): bấm lại Tổng hợp hoặc Kiểm tra để cập nhật.');
      if (r.added.length) out.push({ intent: 'success', title: `Đã nhập ${r.added.length} trang`, lines: [], list: r.added });
      if (r.fileProblems.length) out.push({ intent: 'warning', title: 'Có tệp không nhập được', lines: r.fileProblems });
      if (!r.added.length && !r.fileProblems.length) out.push({ intent: 'info', title: 'Không có trang nào được nhập', lines: ['Các tệp đã chọn không có trang báo cáo mẫu TTCCHC-1.'] });
      return out;
    });

  const onFilesPicked = (list: File[]) =>
    run('Tổng hợp từ tệp', async () => compile.afterCompile(await actions.compileFromFiles(await actions.readBrowserFiles(list), compile.previous, countFiles)));

  return {
    importInput, filesInput, onImportPicked, onFilesPicked,
    pickImport: () => importInput.current?.click(),
    pickCompileFiles: () => filesInput.current?.click(),
  };
}

/** The two hidden pickers the buttons open. */
export function renderReportsIn(r: ReportsInState): React.ReactElement {
  return (
    <>
      <HiddenFileInput inputRef={r.importInput} multiple label="Chọn tệp báo cáo để nhập" testId="import-files" onPick={r.onImportPicked} />
      <HiddenFileInput inputRef={r.filesInput} multiple label="Chọn tệp để tổng hợp" testId="compile-files" onPick={r.onFilesPicked} />
    </>
  );
}
