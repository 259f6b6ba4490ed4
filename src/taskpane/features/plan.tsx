/** Plan: «Tạo kế hoạch», the period's first step (plan-actions.ts writes the sheet). */
import * as React from 'react';
import { PlanForm } from '../components/PlanForm';
import { createPlan, type PlanForm as PlanFormData } from '../plan-actions';
import type { PaneRun } from './pane-run';
import type { PeriodState } from './period';

export interface PlanState {
  open: boolean;
  toggle: () => void;
  close: () => void;
  submit: (form: PlanFormData) => void;
}

export function usePlan({ run }: PaneRun, period: PeriodState): PlanState {
  const [open, setOpen] = React.useState(false);
  const submit = (form: PlanFormData) =>
    run('Tạo kế hoạch', async () => {
      const name = await createPlan(form);
      setOpen(false);
      await period.readPlan();
      return [{ intent: 'success', title: 'Đã thêm trang Kế hoạch', lines: [`Trang "${name}" đã được thêm: kiểm tra danh sách đơn vị, thêm các sở, ngành vào các dòng trống cuối bảng.`] }];
    });
  return { open, toggle: () => setOpen((v) => !v), close: () => setOpen(false), submit };
}

export function renderPlan(p: PlanState, busy: boolean): React.ReactElement | null {
  return p.open ? <PlanForm busy={busy} onSubmit={p.submit} onCancel={p.close} /> : null;
}
