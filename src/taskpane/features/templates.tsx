/**
 * Templates: «Tạo mẫu» for one unit, and the templates of every unit of the plan as one
 * .zip, each unit's dossier block pre-filled when the one-stop system's export is given.
 */
import * as React from 'react';
import * as actions from '../actions';
import { ZIP_MIME, downloadBytes } from '../download';
import { templatesWithExport, type ExportsRead, type PrefillWords, type TemplatesMade } from '../tthc-actions';
import { TemplateForm } from '../components/TemplateForm';
import { LIST_SHOWN } from './notices';
import type { Notice, PaneRun } from './pane-run';
import type { PeriodState } from './period';

export interface TemplatesState {
  open: boolean;
  /** What the form starts with: the plan's period, year, compiling unit and roster. */
  defaults: actions.TemplateDefaults | undefined;
  toggle: () => void;
  close: () => void;
  submit: (form: actions.TemplateForm) => void;
  allUnits: (exportFiles: File[]) => void;
}

export function useTemplates({ run }: PaneRun, period: PeriodState): TemplatesState {
  const [open, setOpen] = React.useState(false);
  const [defaults, setDefaults] = React.useState<actions.TemplateDefaults | undefined>();

  /** Opens the form, filled from the plan when the workbook has one. */
  const toggle = () => {
    if (open) return setOpen(false);
    setOpen(true);
    run('Đọc kế hoạch', async () => {
      setDefaults(await actions.templateDefaults());
    }, true);
  };

  const submit = (form: actions.TemplateForm) =>
    run('Tạo mẫu', async () => {
      const name = await actions.createTemplate(form);
      setOpen(false);
      period.made('templatesMade');
      return [{ intent: 'success', title: 'Đã thêm trang mẫu', lines: [`Trang "${name}" đã được thêm vào sổ làm việc.`] }];
    });

  const allUnits = (exportFiles: File[]) =>
    run('Tạo mẫu cho mọi đơn vị', async () => {
      const z = await templatesWithExport(await actions.readBrowserFiles(exportFiles));
      downloadBytes(z.fileName, z.bytes, ZIP_MIME);
      setOpen(false);
      period.made('templatesMade');
      return templatesNotices(z);
    });

  return { open, defaults, toggle, close: () => setOpen(false), submit, allUnits };
}

export function renderTemplates(t: TemplatesState, busy: boolean): React.ReactElement | null {
  return t.open ? <TemplateForm busy={busy} defaults={t.defaults} onSubmit={t.submit} onCancel={t.close} onAllUnits={t.allUnits} /> : null;
}

/**
 * What «Tạo mẫu cho mọi đơn vị» says once the .zip is downloaded, in the pane and on the page
 * without Excel (src/app/App.tsx) alike: the files made, and with an export the pre-fill's report.
 */
export function templatesNotices(z: TemplatesMade): Notice[] {
  const out: Notice[] = [{ intent: 'success', title: `Đã tạo ${z.names.length} tệp mẫu`, lines: [`Tệp ${z.fileName} đã được tải về: mỗi đơn vị trong danh sách của Kế hoạch một tệp mẫu (Mã đơn vị và tên), gửi cho từng đơn vị điền.`], list: z.names }];
  if (z.prefill && z.read && z.said) out.push(...prefillNotices(z.prefill, z.said, z.read));
  return out;
}

/** What a pre-fill says: how many units got figures, the units the export lacks, export rows of no unit, the export's own warnings. */
function prefillNotices(p: NonNullable<TemplatesMade['prefill']>, said: PrefillWords, read: ExportsRead): Notice[] {
  const out: Notice[] = [];
  const from = `Số liệu lấy từ tệp ${read.files.join(', ')}; nguồn và ngày ghi ở cột Ghi chú của từng dòng.`;
  out.push({ intent: p.filled.length ? 'info' : 'warning', title: said.sentence, lines: [from], list: p.filled.map((f) => f.unit) });
  if (p.notInExport.length) {
    const c = said.notInExport.consequence;
    out.push({ intent: 'warning', title: said.notInExport.title, lines: [`${c[0].toUpperCase()}${c.slice(1)}:`], list: p.notInExport });
  }
  if (p.unmatched.length) {
    // A few said in full (as the command line says them); many as names, summarised.
    out.push(p.unmatched.length <= LIST_SHOWN
      ? { intent: 'warning', title: `${p.unmatched.length} đơn vị trong số liệu không có trong Kế hoạch`, lines: said.unmatched }
      : { intent: 'warning', title: `${p.unmatched.length} đơn vị trong số liệu không có trong Kế hoạch`, lines: ['Các đơn vị này không có trong danh sách đơn vị của Kế hoạch, không điền được vào mẫu nào:'], list: p.unmatched.map((u) => u.unit) });
  }
  if (read.warnings.length) out.push({ intent: 'warning', title: 'Lưu ý về tệp số liệu của Hệ thống một cửa', lines: read.warnings.map((w) => w.message) });
  return out;
}
