import * as React from 'react';
import {
  Button,
  Caption1,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
  Title3,
  tokens,
  Checkbox,
} from '@fluentui/react-components';
import type { Finding, Severity } from '../../core/findings';
import { HIGHLIGHT_FILLS } from '../../excel/highlight';
import { MIN_EXCEL_API, isExcelApiSupported } from '../../excel/api-sets';
import * as actions from '../actions';
import { paneBusy, type BusyState } from '../busy-store';
import { ZIP_MIME, downloadBytes } from '../download';
import { ActionBar } from './ActionBar';
import { FindingsList } from './FindingsList';
import { HiddenFileInput } from './HiddenFileInput';
import { PreviousPeriodPicker } from './PreviousPeriodPicker';
import { SignerFields } from './SignerFields';
import type { Signer } from '../../report/signer';
import { ResultSummary } from './ResultSummary';
import { TemplateForm } from './TemplateForm';
import type { SeverityFilter } from '../findings-view';
import { resultSentence, withoutComparison } from '../result-words';
import { PlanForm } from './PlanForm';
import { createPlan, templatesForAllUnits, type PlanForm as PlanFormData } from '../plan-actions';
import { ApprovalPanel } from './ApprovalPanel';
import { reviewItems, reviewNotice, reviewReport, withReview, type ReviewItem } from '../approval-actions';
import { APPROVED, RETURNED } from '../../core/approval';

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
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // The actions stay in reach however long the findings list below them grows.
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  legend: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { display: 'inline-block', width: '14px', height: '14px', border: `1px solid ${tokens.colorNeutralStroke1}` },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

type Notice = { intent: 'error' | 'warning' | 'success' | 'info'; title: string; lines: string[] };

function useBusy(): BusyState {
  return React.useSyncExternalStore(
    (cb) => paneBusy.subscribe(cb),
    () => paneBusy.get(),
  );
}

/** The task pane: actions on top, progress, messages, then the last result and its findings. */
export function Pane(): React.ReactElement {
  const s = useStyles();
  const busy = useBusy();
  const [outcome, setOutcome] = React.useState<actions.CompileOutcome | null>(null);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [showTemplate, setShowTemplate] = React.useState(false);
  const [templateDefaults, setTemplateDefaults] = React.useState<actions.TemplateDefaults | undefined>();
  /** The coloured cells' own fills, given back by Xoá tô màu. */
  const [savedFills, setSavedFills] = React.useState<actions.SavedFills>(() => new Map());
  const [previous, setPrevious] = React.useState<actions.PreviousPick | undefined>();
  const [signer, setSigner] = React.useState<Signer>({});
  const [filter, setFilter] = React.useState<SeverityFilter>('all');
  const [coloured, setColoured] = React.useState<Severity>('error');
  /** Reports were imported after the result shown: it may no longer hold. */
  const [stale, setStale] = React.useState<string | null>(null);
  /** What the polite live region says: progress, then the result in one sentence. */
  const [announce, setAnnounce] = React.useState('');
  const resultHeading = React.useRef<HTMLHeadingElement>(null);
  const focusResult = React.useRef(false);
  React.useEffect(() => {
    // After Tổng hợp / Kiểm tra, focus goes to the result heading (not to the page body).
    if (focusResult.current && !busy.busy) {
      focusResult.current = false;
      resultHeading.current?.focus();
    }
  });
  const importInput = React.useRef<HTMLInputElement>(null);
  const filesInput = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    // The manifest keeps older Excel out; this covers a pane opened some other way.
    if (!isExcelApiSupported(MIN_EXCEL_API)) {
      setNotices([{ intent: 'warning', title: 'Phiên bản Excel chưa hỗ trợ', lines: [`Tổng hợp CCHC cần Excel hỗ trợ ExcelApi ${MIN_EXCEL_API} trở lên (Excel 2016 trở về sau, Microsoft 365 hoặc Excel trên web).`] }]);
    }
  }, []);

  /**
   * Runs one action marked busy; its failure becomes an error message, never
   * a blank pane. `keepNotices`: a small step (going to a cell, colouring)
   * leaves the messages of the last action in view unless it fails.
   */
  const run = (label: string, task: () => Promise<Notice[] | void>, keepNotices = false) => {
    if (!keepNotices) setNotices([]);
    setAnnounce(`Đang ${label.toLowerCase()}…`);
    void paneBusy.run(label, async () => {
      try {
        const shown = await task();
        if (!keepNotices || shown) setNotices(shown ?? []);
        setAnnounce((a) => (a === `Đang ${label.toLowerCase()}…` ? `${label}: xong.${shown?.length ? ` ${shown.map((n) => n.title).join('. ')}.` : ''}` : a));
      } catch (e) {
        setNotices([{ intent: 'error', title: `${label} không thành công`, lines: [actions.asPaneError(e).message] }]);
        setAnnounce('');
      }
    });
  };

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
      out.push({ intent: 'warning', title: 'Không có báo cáo nào', lines: ['Không tìm thấy trang nào theo mẫu TTCCHC-1 (ô "Mã mẫu" ghi "TTCCHC-1"). Hãy bấm Nhập báo cáo hoặc Tạo mẫu.'] });
    }
    return out;
  };

  /** «Chỉ tổng hợp báo cáo đã duyệt». */
  const [approvedOnly, setApprovedOnly] = React.useState(false);
  const onCompile = () => run('Tổng hợp', async () => afterCompile(await actions.compileWorkbook(previous, { approvedOnly })));
  const onCheck = () => run('Kiểm tra', async () => afterCompile(await actions.checkWorkbook({ approvedOnly })));

  /** Duyệt / Trả lại one unit's report: its state shows at once; the summary sheet follows at the next Tổng hợp. */
  const onReview = (item: ReviewItem, reason?: string, password?: string) =>
    run(reason === undefined ? 'Duyệt' : 'Trả lại', async () => {
      const r = await reviewReport(item, reason === undefined ? APPROVED : RETURNED, reason, password);
      setOutcome((o) => (o ? withReview(o, r.record) : o));
      setStale('Trang tổng hợp ghi tình trạng duyệt của lần Tổng hợp trước: bấm lại Tổng hợp để cập nhật.');
      const said = reviewNotice(r.record, r.protected);
      return [{ intent: 'success', title: said.title, lines: said.lines }];
    }, true);

  /** Opens the form, filled from the plan when the workbook has one. */
  const onTemplate = () => {
    if (showTemplate) return setShowTemplate(false);
    setShowTemplate(true);
    run('Đọc kế hoạch', async () => {
      setTemplateDefaults(await actions.templateDefaults());
    }, true);
  };

  const onTemplateSubmit = (form: actions.TemplateForm) =>
    run('Tạo mẫu', async () => {
      const name = await actions.createTemplate(form);
      setShowTemplate(false);
      return [{ intent: 'success', title: 'Đã thêm trang mẫu', lines: [`Trang "${name}" đã được thêm vào sổ làm việc.`] }];
    });

  const onAllTemplates = () =>
    run('Tạo mẫu cho mọi đơn vị', async () => {
      const z = await templatesForAllUnits();
      downloadBytes(z.fileName, z.bytes, ZIP_MIME);
      return [{ intent: 'success', title: `Đã tạo ${z.names.length} tệp mẫu`, lines: [`Tệp ${z.fileName} đã được tải về: mỗi đơn vị trong danh sách của Kế hoạch một tệp mẫu (Mã đơn vị và tên), gửi cho từng đơn vị điền.`] }];
    });

  const [showPlan, setShowPlan] = React.useState(false);
  const onPlanSubmit = (form: PlanFormData) =>
    run('Tạo kế hoạch', async () => {
      const name = await createPlan(form);
      setShowPlan(false);
      return [{ intent: 'success', title: 'Đã thêm trang Kế hoạch', lines: [`Trang "${name}" đã được thêm: kiểm tra danh sách đơn vị, thêm các sở, ngành vào các dòng trống cuối bảng.`] }];
    });

  const onImportPicked = (list: File[]) =>
    run('Nhập báo cáo', async () => {
      const r = await actions.importReports(await actions.readBrowserFiles(list));
      const out: Notice[] = [];
      if (r.added.length && outcome) setStale('Sổ làm việc đã thay đổi sau lần này (đã nhập báo cáo): bấm lại Tổng hợp hoặc Kiểm tra để cập nhật.');
      if (r.added.length) out.push({ intent: 'success', title: `Đã nhập ${r.added.length} trang`, lines: [r.added.join(', ')] });
      if (r.fileProblems.length) out.push({ intent: 'warning', title: 'Có tệp không nhập được', lines: r.fileProblems });
      if (!r.added.length && !r.fileProblems.length) out.push({ intent: 'info', title: 'Không có trang nào được nhập', lines: ['Các tệp đã chọn không có trang báo cáo mẫu TTCCHC-1.'] });
      return out;
    });

  const onFilesPicked = (list: File[]) =>
    run('Tổng hợp từ tệp', async () => afterCompile(await actions.compileFromFiles(await actions.readBrowserFiles(list), previous)));

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

  const onExport = () =>
    run('Xuất báo cáo', async () => {
      const { fileName, bytes } = await actions.exportReport(outcome, previous, signer);
      downloadBytes(fileName, bytes);
      return [{ intent: 'success', title: 'Đã tạo báo cáo', lines: [`Tệp ${fileName} đã được tải về.`] }];
    });

  const onFeedback = () =>
    run('Phản hồi', async () => {
      const letters = await actions.exportFeedback(outcome);
      if (!letters) return [{ intent: 'info', title: 'Không có văn bản nào cần gửi', lines: ['Mọi đơn vị đã nộp đúng hạn và không có lỗi, cảnh báo.'] }];
      downloadBytes(letters.fileName, letters.bytes, ZIP_MIME);
      return [{ intent: 'success', title: `Đã tạo ${letters.names.length} văn bản`, lines: [`Tệp ${letters.fileName} đã được tải về: ${letters.names.join(', ')}.`] }];
    });

  const onSelectFinding = (f: Finding) => run('Đến ô', () => actions.goToFinding(f), true);
  const onOpenSheet = (name: string) => run('Mở trang', () => actions.openSheet(name), true);
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

  const findings = outcome?.result.findings ?? [];
  // Tô màu colours errors only (warnings are for the officer to judge), unless the list is filtered to warnings.
  const toColour = findings.filter((f) => (filter === 'warning' ? f.severity === 'warning' : f.severity === 'error'));
  return (
    <main className={s.pane}>
      <header className={s.head}>
        <Title3 as="h1">Tổng hợp CCHC</Title3>
        <Caption1>Báo cáo tuyên truyền cải cách hành chính, mẫu TTCCHC-1</Caption1>
      </header>
      <div className={s.sticky}>
      <ActionBar
        busy={busy.busy}
        onCompile={onCompile}
        onCheck={onCheck}
        onTemplate={onTemplate}
        onImport={() => importInput.current?.click()}
        onCompileFiles={() => filesInput.current?.click()}
        onExport={onExport}
        onFeedback={onFeedback}
        onPlan={() => setShowPlan((v) => !v)}
      />
      <Checkbox label="Chỉ tổng hợp báo cáo đã duyệt" checked={approvedOnly} disabled={busy.busy} onChange={(_e, d) => setApprovedOnly(d.checked === true)} />
      </div>
      <div role="status" aria-live="polite" className={s.srOnly} data-testid="live-status">{announce}</div>
      <HiddenFileInput inputRef={importInput} multiple label="Chọn tệp báo cáo để nhập" testId="import-files" onPick={onImportPicked} />
      <HiddenFileInput inputRef={filesInput} multiple label="Chọn tệp để tổng hợp" testId="compile-files" onPick={onFilesPicked} />
      <PreviousPeriodPicker busy={busy.busy} fileName={previous?.name ?? null} onPick={onPreviousPicked} onRemove={onRemovePrevious} />
      <SignerFields busy={busy.busy} value={signer} onChange={setSigner} />
      {busy.busy && (
        <Field validationMessage={`Đang ${busy.label.toLowerCase()}…`} validationState="none">
          <ProgressBar aria-label={`Đang ${busy.label.toLowerCase()}`} />
        </Field>
      )}
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
      {showPlan && <PlanForm busy={busy.busy} onSubmit={onPlanSubmit} onCancel={() => setShowPlan(false)} />}
      {showTemplate && <TemplateForm busy={busy.busy} defaults={templateDefaults} onSubmit={onTemplateSubmit} onCancel={() => setShowTemplate(false)} onAllUnits={onAllTemplates} />}
      {outcome && (
        <>
          <Divider />
          <ResultSummary outcome={outcome} busy={busy.busy} onOpenSheet={onOpenSheet} filter={filter} onFilter={setFilter} stale={stale} headingRef={resultHeading} />
          <ApprovalPanel items={reviewItems(outcome)} busy={busy.busy} onApprove={(item, password) => onReview(item, undefined, password)} onReturn={(item, reason, password) => onReview(item, reason, password)} />
          {findings.length > 0 && (
            <div className={s.row}>
              <Button size="small" disabledFocusable={busy.busy || toColour.length === 0} onClick={onHighlight} aria-pressed={savedFills.size > 0}>
                {filter === 'warning' ? 'Tô màu ô cảnh báo' : 'Tô màu ô lỗi'}
              </Button>
              {/* Always offered: colours from an earlier session may still be in the workbook. */}
              <Button size="small" disabledFocusable={busy.busy} onClick={onClearHighlight}>
                Xoá tô màu
              </Button>
              {savedFills.size > 0 && (
                <span className={s.legend}>
                  <span className={s.swatch} style={{ backgroundColor: HIGHLIGHT_FILLS[coloured] }} aria-hidden="true" />
                  <Caption1>{coloured === 'warning' ? 'ô có cảnh báo' : 'ô có lỗi'}</Caption1>
                </span>
              )}
            </div>
          )}
          <FindingsList findings={findings} busy={busy.busy} onSelect={onSelectFinding} filter={filter} />
        </>
      )}
    </main>
  );
}
