/**
 * The page (dist/app.html): the pane's file-based work without Excel. It is
 * composed of the pane's own feature hooks and views (src/taskpane/features,
 * components): the same run, messages, live region, result tiles, findings
 * list, Kỳ trước, signer, report and letters, the templates pre-filled from
 * the one-stop system's export and «Đối chiếu số liệu TTHC»; only where the
 * files come from and where the outputs go differ (file-actions.ts), and a
 * place is said in words, for there is no workbook to go to.
 */
import * as React from 'react';
import { Button, Caption1, Divider, makeStyles, Text, Title3, tokens } from '@fluentui/react-components';
import { placeInWords, type Finding } from '../core/findings';
import { readBrowserFiles } from '../taskpane/actions';
import { countProgress } from '../taskpane/busy-store';
import { ZIP_MIME, downloadBytes } from '../taskpane/download';
import { HiddenFileInput } from '../taskpane/components/HiddenFileInput';
import { FindingsList } from '../taskpane/components/FindingsList';
import { PlanForm } from '../taskpane/components/PlanForm';
import { ExportPicker } from '../taskpane/components/TemplateForm';
import { ResultSummary } from '../taskpane/components/ResultSummary';
import { usePaneRun } from '../taskpane/features/pane-run';
import { ProgressView, renderNotices } from '../taskpane/features/notices';
import { renderPrevious, useCompile } from '../taskpane/features/compile';
import { renderReportOut, useReportOut } from '../taskpane/features/report-out';
import { templatesNotices } from '../taskpane/features/templates';
import { renderTthcCompare, useTthcCompare } from '../taskpane/features/tthc';
import { templatesWithExport } from '../taskpane/tthc-actions';
import type { PlanForm as PlanFormData } from '../taskpane/plan-actions';
import * as ports from '../taskpane/ports';
import { isLockFileName, isWorkbookName } from '../xlsx/input-names';
import { XLSX_MIME, compilePickedFiles, compiledWorkbook, newPlanWorkbook, planOfFiles, workbookOf } from './file-actions';
import { droppedFiles } from './dropped-files';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, maxWidth: '760px', margin: '0 auto', boxSizing: 'border-box' },
  head: { display: 'flex', flexDirection: 'column' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  templates: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  over: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorNeutralBackground1Hover },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** Picked files by name: picking the same file again replaces it. */
function merge(list: File[], more: File[]): File[] {
  const byName = new Map(list.map((f) => [f.name, f]));
  for (const f of more) byName.set(f.name, f);
  return [...byName.values()];
}

/** From a folder, only the workbooks are taken, as `tonghop compile <thư mục>` takes them. */
const folderWorkbooks = (files: File[]): File[] => files.filter((f) => isWorkbookName(f.name) && !isLockFileName(f.name));

export function App(): React.ReactElement {
  const s = useStyles();
  const pane = usePaneRun();
  const compile = useCompile(pane);
  const reportOut = useReportOut(pane, compile);
  const tthc = useTthcCompare(pane, compile);
  const { run } = pane;
  const busy = pane.busy.busy;
  const [files, setFiles] = React.useState<File[]>([]);
  /** The one-stop system's export files, for «Tạo mẫu cho mọi đơn vị» to pre-fill the templates. */
  const [exportFiles, setExportFiles] = React.useState<File[]>([]);
  const [planOpen, setPlanOpen] = React.useState(false);
  const [over, setOver] = React.useState(false);
  const filesInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
  const planInput = React.useRef<HTMLInputElement>(null);

  const add = (more: File[]) => {
    if (!more.length) return;
    setFiles((list) => merge(list, more));
    pane.setAnnounce(`Đã chọn thêm ${more.length} tệp.`);
  };

  const downloadCompiled = async () => {
    if (!compile.outcome) return;
    const book = await compiledWorkbook(compile.outcome.result, compile.previous);
    downloadBytes(book.fileName, book.bytes, XLSX_MIME);
    return book.fileName;
  };

  const onCompile = () =>
    run('Tổng hợp', async () => {
      const { outcome, sheets } = await compilePickedFiles(await readBrowserFiles(files), compile.previous, countProgress);
      const said = compile.afterCompile(outcome);
      if (!outcome.result.reports.length) return said;
      const book = await workbookOf(sheets);
      downloadBytes(book.fileName, book.bytes, XLSX_MIME);
      return [{ intent: 'success', title: 'Đã tổng hợp', lines: [`Tệp ${book.fileName} đã được tải về (mọi trang tổng hợp).`] }, ...said];
    });

  const onDownloadCompiled = () =>
    run('Tải sổ tổng hợp', async () => {
      const name = await downloadCompiled();
      return [{ intent: 'success', title: 'Đã tải sổ tổng hợp', lines: [`Tệp ${name} đã được tải về.`] }];
    }, true);

  const onTemplates = () =>
    run('Tạo mẫu cho mọi đơn vị', async () => {
      const plan = await planOfFiles(await readBrowserFiles(files));
      const z = await templatesWithExport(await readBrowserFiles(exportFiles), (exports) => ports.buildTemplatesZip(plan, exports));
      downloadBytes(z.fileName, z.bytes, ZIP_MIME);
      return templatesNotices(z);
    });

  const onPlan = (form: PlanFormData) =>
    run('Tạo kế hoạch', async () => {
      const book = await newPlanWorkbook(form);
      downloadBytes(book.fileName, book.bytes, XLSX_MIME);
      setPlanOpen(false);
      return [{ intent: 'success', title: 'Đã tạo tệp Kế hoạch', lines: [`Tệp ${book.fileName} đã được tải về: mở bằng Excel, LibreOffice hoặc WPS, kiểm tra danh sách đơn vị, thêm các sở, ngành vào các dòng trống cuối bảng, rồi chọn tệp đó ở đây.`] }];
    });

  /** No workbook here to go to: say where the finding is, to open it in any spreadsheet program. */
  const onSelect = (f: Finding) =>
    pane.setNotices([{ intent: 'info', title: 'Vị trí', lines: [`Mở ${placeInWords(f)} trong Excel, LibreOffice hoặc WPS để sửa.`] }]);

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setOver(false);
    void droppedFiles(e.dataTransfer).then((list) => add(list.filter((f) => !isLockFileName(f.name))));
  };

  return (
    <main className={s.page}>
      <header className={s.head}>
        <Title3 as="h1">Tổng hợp CCHC</Title3>
        <Caption1>Báo cáo tuyên truyền cải cách hành chính, mẫu TTCCHC-1 — chạy ngay trong trình duyệt, không cần Excel; các tệp không rời khỏi máy này.</Caption1>
      </header>
      <section
        aria-labelledby="chon-tep"
        className={over ? `${s.drop} ${s.over}` : s.drop}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Text as="h2" id="chon-tep" weight="semibold">1. Chọn báo cáo và Kế hoạch</Text>
        <Text size={200}>Chọn các tệp báo cáo của đơn vị (hoặc cả thư mục) và tệp Kế hoạch, hoặc kéo thả chúng vào khung này.</Text>
        <div className={s.row}>
          <Button disabledFocusable={busy} onClick={() => filesInput.current?.click()}>Chọn tệp báo cáo</Button>
          <Button disabledFocusable={busy} onClick={() => folderInput.current?.click()}>Chọn cả thư mục</Button>
          <Button disabledFocusable={busy} onClick={() => planInput.current?.click()}>Chọn tệp Kế hoạch</Button>
          {files.length > 0 && <Button appearance="subtle" disabledFocusable={busy} onClick={() => setFiles([])}>Bỏ chọn tất cả</Button>}
        </div>
        <HiddenFileInput inputRef={filesInput} multiple label="Chọn tệp báo cáo" testId="report-files" onPick={add} />
        <HiddenFileInput inputRef={planInput} label="Chọn tệp Kế hoạch" testId="plan-file" onPick={add} />
        <input
          ref={folderInput}
          style={{ display: 'none' }}
          type="file"
          multiple
          aria-label="Chọn cả thư mục báo cáo"
          data-testid="report-folder"
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            const input = e.currentTarget;
            const list = folderWorkbooks(Array.from(input.files ?? []));
            input.value = '';
            add(list);
          }}
        />
        <Text size={200} data-testid="picked">
          {files.length ? `Đã chọn ${files.length} tệp: ${files.map((f) => f.name).join(', ')}.` : 'Chưa chọn tệp nào.'}
        </Text>
      </section>
      {renderPrevious(compile, busy)}
      <div className={s.row}>
        <Button appearance="primary" disabledFocusable={busy} onClick={onCompile} title="Đọc các tệp đã chọn, kiểm tra và tải về sổ tổng hợp tong-hop.xlsx">Tổng hợp</Button>
        <Button disabledFocusable={busy} onClick={() => setPlanOpen((v) => !v)} aria-expanded={planOpen} title="Tệp Kế hoạch mới cho một tỉnh, thành phố">Tạo kế hoạch mới</Button>
      </div>
      {planOpen && <PlanForm busy={busy} onSubmit={onPlan} onCancel={() => setPlanOpen(false)} />}
      {/* The templates and the export that may pre-fill them, together, as the pane's Tạo mẫu form has them. */}
      <div className={s.templates}>
        <div className={s.row}>
          <Button disabledFocusable={busy} onClick={onTemplates} title="Mỗi đơn vị trong danh sách của Kế hoạch một tệp mẫu, trong một tệp .zip">Tạo mẫu cho mọi đơn vị</Button>
        </div>
        <ExportPicker files={exportFiles} busy={busy} onChange={setExportFiles} />
      </div>
      <div role="status" aria-live="polite" className={s.srOnly} data-testid="live-status">{pane.announce}</div>
      <ProgressView />
      {renderNotices(pane)}
      {compile.outcome && (
        <>
          <Divider />
          <ResultSummary outcome={compile.outcome} busy={busy} onOpenSheet={() => undefined} filter={compile.filter} onFilter={compile.setFilter} stale={compile.stale} headingRef={compile.headingRef} />
          <section aria-labelledby="tai-ve" className={s.head}>
            <Text as="h2" id="tai-ve" weight="semibold">2. Tải về</Text>
            {renderReportOut(reportOut, busy)}
            <div className={s.row}>
              <Button disabledFocusable={busy} onClick={onDownloadCompiled}>Tải sổ tổng hợp (.xlsx)</Button>
              <Button disabledFocusable={busy} onClick={reportOut.onExport}>Xuất báo cáo (.docx)</Button>
              <Button disabledFocusable={busy} onClick={reportOut.onFeedback}>Phản hồi đơn vị (.zip)</Button>
            </div>
          </section>
          {renderTthcCompare(tthc, busy)}
          <FindingsList findings={compile.outcome.result.findings} busy={busy} onSelect={onSelect} filter={compile.filter} goesTo={(f) => !!f.sheet} withoutWorkbook />
        </>
      )}
    </main>
  );
}
