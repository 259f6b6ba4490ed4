/**
 * What the pane knows of the period beyond the last result (period-steps.ts
 * PeriodFacts): the workbook's plan, read once when the pane opens and again
 * after Tạo kế hoạch, and which outputs were made in this session.
 */
import * as React from 'react';
import { readWorkbookPlan } from '../actions';
import { paneBusy } from '../busy-store';
import type { PeriodFacts } from '../period-steps';

export interface PeriodState {
  facts: Omit<PeriodFacts, 'outcome'>;
  /** Reads the workbook's Kế hoạch again (quietly: a failure leaves the step as it was). */
  readPlan: () => Promise<void>;
  made: (what: 'templatesMade' | 'reportOut' | 'lettersOut') => void;
}

export function usePeriod(): PeriodState {
  const [facts, setFacts] = React.useState<Omit<PeriodFacts, 'outcome'>>({ templatesMade: false, reportOut: false, lettersOut: false });
  const readPlan = React.useCallback(async () => {
    try {
      const plan = await readWorkbookPlan();
      setFacts((f) => ({ ...f, plan: plan ? { units: plan.roster.length } : null }));
    } catch {
      // Not said: the step keeps «Chưa đọc sổ làm việc», and the next action says what is wrong.
    }
  }, []);
  React.useEffect(() => {
    // Through the busy store: one Excel.run at a time, and the buttons wait for it.
    void paneBusy.run('Đọc sổ làm việc', readPlan);
  }, [readPlan]);
  const made = React.useCallback((what: 'templatesMade' | 'reportOut' | 'lettersOut') => setFacts((f) => ({ ...f, [what]: true })), []);
  return { facts, readPlan, made };
}
