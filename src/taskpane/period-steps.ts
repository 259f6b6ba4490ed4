/**
 * The period as the pane shows it: its steps in order (plan → templates →
 * reports in → check and approve → compile → report and letters), each done
 * or not with a few words saying where it stands, and the reporting rate
 * tiles. Plain data, no React (components/PeriodSteps.tsx draws it).
 */
import { APPROVED } from '../core/approval';
import { unitCount } from '../core/rollup';
import { topSummary } from '../report/report-data';
import type { CompileResult } from '../core/model';
import type { CompileOutcome } from './actions';

/** «N/M đơn vị đã nộp, K nộp muộn» of the compiling unit, as the command line's summary counts it. */
export interface ReportingRate {
  /** Units that sent their report (a report left out by «Chỉ tổng hợp báo cáo đã duyệt» was still sent). */
  sent: number;
  expected: number;
  late: number;
  /** Share of the units sent on time among those expected, 0–1; null when none is expected. */
  onTime: number | null;
}

export function reportingRate(result: CompileResult): ReportingRate | null {
  const top = topSummary(result.summaries);
  if (!top) return null;
  // The one count of units (core/rollup.ts unitCount), as TH, NV, the report and the command line say it.
  const count = unitCount(top.children);
  const late = count.late.length;
  const sent = count.sent;
  return { sent, expected: count.expected, late, onTime: count.expected ? (sent - late) / count.expected : null };
}

/** `96%`, `100%`: the on-time rate as a tile shows it. */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

export type StepKey = 'plan' | 'templates' | 'reportsIn' | 'review' | 'compile' | 'reportOut';

export interface PeriodStep {
  key: StepKey;
  /** `Kế hoạch`, `Mẫu báo cáo`… */
  title: string;
  done: boolean;
  /** Where the step stands, in a few words: `78/82 báo cáo đã nhận`. */
  status: string;
}

/** What the pane knows of the period: read from the workbook at start, then from each action. */
export interface PeriodFacts {
  /** The workbook's Kế hoạch (its units), null when it has none, undefined while not yet read. */
  plan?: { units: number } | null;
  /** Templates made in this session (one sheet or the .zip for every unit). */
  templatesMade: boolean;
  outcome: CompileOutcome | null;
  reportOut: boolean;
  lettersOut: boolean;
}

export function periodSteps(f: PeriodFacts): PeriodStep[] {
  const o = f.outcome;
  const rate = o ? reportingRate(o.result) : null;
  const received = o ? o.result.reports.length : 0;
  const approved = o ? o.result.reports.filter((r) => r.approval?.state === APPROVED).length : 0;
  const compiled = !!o && o.action !== 'check' && o.written.length > 0;
  const planUnits = f.plan?.units ?? o?.result.plan?.roster.length ?? 0;
  const hasPlan = !!f.plan || !!o?.result.plan;
  return [
    {
      key: 'plan', title: 'Kế hoạch', done: hasPlan,
      status: hasPlan ? `Đã có kế hoạch${planUnits ? `: ${planUnits} đơn vị` : ''}` : f.plan === undefined ? 'Chưa đọc sổ làm việc' : 'Chưa có: kỳ báo cáo bắt đầu từ đây',
    },
    {
      key: 'templates', title: 'Gửi mẫu báo cáo', done: f.templatesMade || received > 0,
      status: f.templatesMade ? 'Đã tạo mẫu' : received > 0 ? 'Đơn vị đã dùng mẫu' : 'Chưa tạo mẫu',
    },
    {
      key: 'reportsIn', title: 'Nhận báo cáo', done: !!rate && rate.expected > 0 && rate.sent >= rate.expected,
      status: rate ? `${rate.sent}/${rate.expected} báo cáo đã nhận${rate.late ? `, ${rate.late} nộp muộn` : ''}` : o ? `${received} báo cáo` : 'Bấm Kiểm tra để đếm báo cáo đã nhận',
    },
    {
      key: 'review', title: 'Kiểm tra và duyệt', done: !!o && o.counts.errors === 0 && received > 0,
      status: o ? `${o.counts.errors ? `Còn ${o.counts.errors} lỗi` : 'Không còn lỗi'}, ${approved}/${received} đã duyệt` : 'Chưa kiểm tra',
    },
    { key: 'compile', title: 'Tổng hợp', done: compiled, status: compiled ? `Đã tổng hợp, ghi ${o.written.length} trang` : 'Chưa tổng hợp' },
    {
      key: 'reportOut', title: 'Báo cáo và văn bản', done: f.reportOut && f.lettersOut,
      status: [f.reportOut ? 'Đã xuất báo cáo' : 'Chưa xuất báo cáo', f.lettersOut ? 'đã tạo văn bản phản hồi' : 'chưa tạo văn bản phản hồi'].join(', '),
    },
  ];
}

/** The step to take next: the first one not done (the last when all are). */
export function nextStep(steps: readonly PeriodStep[]): StepKey {
  return (steps.find((s) => !s.done) ?? steps[steps.length - 1]).key;
}
