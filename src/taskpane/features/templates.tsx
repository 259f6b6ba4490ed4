/** Templates: «Tạo mẫu» for one unit, and the templates of every unit of the plan as one .zip. */
import * as React from 'react';
import * as actions from '../actions';
import { ZIP_MIME, downloadBytes } from '../download';
import { templatesForAllUnits } from '../plan-actions';
import { TemplateForm } from '../components/TemplateForm';
import type { PaneRun } from './pane-run';
import type { PeriodState } from './period';

export interface TemplatesState {
  open: boolean;
  /** What the form starts with: the plan's period, year, compiling unit and roster. */
  defaults: actions.TemplateDefaults | undefined;
  toggle: () => void;
  close: () => void;
  submit: (form: actions.TemplateForm) => void;
  allUnits: () => void;
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

  const allUnits = () =>
    run('Tạo mẫu cho mọi đơn vị', async () => {
      const z = await templatesForAllUnits();
      downloadBytes(z.fileName, z.bytes, ZIP_MIME);
      setOpen(false);
      period.made('templatesMade');
      return [{ intent: 'success', title: `Đã tạo ${z.names.length} tệp mẫu`, lines: [`Tệp ${z.fileName} đã được tải về: mỗi đơn vị trong danh sách của Kế hoạch một tệp mẫu (Mã đơn vị và tên), gửi cho từng đơn vị điền.`], list: z.names }];
    });

  return { open, defaults, toggle, close: () => setOpen(false), submit, allUnits };
}

export function renderTemplates(t: TemplatesState, busy: boolean): React.ReactElement | null {
  return t.open ? <TemplateForm busy={busy} defaults={t.defaults} onSubmit={t.submit} onCancel={t.close} onAllUnits={t.allUnits} /> : null;
}
