import * as React from 'react';
import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { nextStep, type PeriodStep, type StepKey } from '../period-steps';

const useStyles = makeStyles({
  // The steps in a row: number (✓ once done) and a short name; the next one marked.
  steps: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(6, minmax(0, 1fr))', gap: '2px' },
  step: { display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', minWidth: 0, padding: `${tokens.spacingVerticalXXS} 0`, borderRadius: tokens.borderRadiusMedium },
  next: { backgroundColor: tokens.colorBrandBackground2 },
  marker: {
    width: '20px', height: '20px', borderRadius: '50%', display: 'flex', alignItems: 'center', justifyContent: 'center',
    fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground1,
  },
  markerNext: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, color: tokens.colorBrandForeground1 },
  markerDone: { backgroundColor: tokens.colorPaletteGreenForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenForeground1}`, color: tokens.colorNeutralForegroundInverted },
  name: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  nameNext: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  nextLine: { display: 'block', padding: `${tokens.spacingVerticalXS} 0` },
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingVerticalS },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** One button of a step: what it says, what it does, and its tooltip. */
export interface StepAction {
  label: string;
  title: string;
  onClick: () => void;
}

export interface PeriodStepsProps {
  steps: readonly PeriodStep[];
  actions: Record<StepKey, StepAction[]>;
  busy: boolean;
  /** Shown under the buttons (Chỉ tổng hợp báo cáo đã duyệt). */
  children?: React.ReactNode;
}

/** The short name under a step's number: the row holds six at 320 px. */
const SHORT: Record<StepKey, string> = {
  plan: 'Kế hoạch', templates: 'Gửi mẫu', reportsIn: 'Nhận báo cáo', review: 'Kiểm tra, duyệt', compile: 'Tổng hợp', reportOut: 'Báo cáo, văn bản',
};

/**
 * The period's steps in order (plan → templates → reports in → check and
 * approve → compile → report and letters): each done (✓) or not, the next
 * one marked and said in words with where it stands, then the steps'
 * buttons in the same order, the next step's in the primary colour. All
 * buttons are disabled while an action runs (one Excel.run at a time).
 */
export function PeriodSteps({ steps, actions, busy, children }: PeriodStepsProps): React.ReactElement {
  const s = useStyles();
  const next = nextStep(steps);
  const nextIndex = steps.findIndex((x) => x.key === next);
  const allDone = steps.every((x) => x.done);
  return (
    <div role="toolbar" aria-label="Thao tác">
      <ol className={s.steps} aria-label="Các bước của kỳ báo cáo">
        {steps.map((step, i) => {
          const isNext = step.key === next && !allDone;
          return (
            <li key={step.key} className={mergeClasses(s.step, isNext && s.next)} aria-current={isNext ? 'step' : undefined} title={`${i + 1}. ${step.title}: ${step.status}`} data-step={step.key} data-done={step.done}>
              <span className={mergeClasses(s.marker, isNext && s.markerNext, step.done && s.markerDone)} aria-hidden="true">{step.done ? '✓' : i + 1}</span>
              <span className={mergeClasses(s.name, isNext && s.nameNext)} aria-hidden="true">{SHORT[step.key]}</span>
              <span className={s.srOnly}>{`Bước ${i + 1}, ${step.title}: ${step.done ? 'đã xong' : 'chưa xong'}. ${step.status}.`}</span>
            </li>
          );
        })}
      </ol>
      <Caption1 className={s.nextLine} data-testid="next-step">
        {allDone ? 'Đã xong mọi bước của kỳ báo cáo.' : `Bước tiếp theo: ${nextIndex + 1}. ${steps[nextIndex].title} (${steps[nextIndex].status}).`}
      </Caption1>
      <div className={s.grid}>
        {steps.flatMap((step) =>
          actions[step.key].map((a, j) => (
            <Button key={a.label} appearance={step.key === next && j === 0 && !allDone ? 'primary' : 'secondary'} disabledFocusable={busy} onClick={a.onClick} title={a.title}>
              {a.label}
            </Button>
          )),
        )}
      </div>
      {children}
    </div>
  );
}
