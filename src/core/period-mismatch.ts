/**
 * A whole compile of the wrong period (docs/spec/TEMPLATE.md §8): when every
 * readable report is of another period than the compile's, the likely
 * mistake is the plan's `Kỳ báo cáo` / `Năm` (or the period chosen for the
 * command), not every unit's: one finding says so and points there, instead
 * of one error per unit, and the result carries a flag so that letters do
 * not ask every unit to resend.
 */
import { makeFinding, type Finding } from './findings';
import type { Plan, ReportEntry } from './model';
import { periodTitle, type Period } from './periods';

/** The one finding for a compile where no readable report is of its period; null when some are. */
export function wholeCompileOtherPeriod(
  otherPeriod: readonly ReportEntry[], readable: number, period: Period, year: number, plan: Plan | undefined,
): Finding | null {
  if (!otherPeriod.length || otherPeriod.length < readable) return null;
  const tally = new Map<string, number>();
  for (const e of otherPeriod) {
    const k = periodTitle(e.report.period, e.report.year);
    tally.set(k, (tally.get(k) ?? 0) + 1);
  }
  const theirs = [...tally].map(([k, n]) => `${k}: ${n} báo cáo`).join('; ');
  const compiled = periodTitle(period, year);
  if (plan) {
    const cells = [plan.idCells?.period, plan.idCells?.year].filter(Boolean).join(', ');
    return makeFinding('error', { unit: plan.compilingUnit ?? plan.source.sheet, file: plan.source.file, sheet: plan.source.sheet, cell: plan.idCells?.period ?? '' },
      'compile.all-other-period',
      `Không báo cáo nào thuộc kỳ ${compiled} ghi ở «Kỳ báo cáo» / «Năm» của trang Kế hoạch${cells ? ` (ô ${cells})` : ''}: các báo cáo là ${theirs}. Đề nghị kiểm tra lại Kỳ báo cáo và Năm của Kế hoạch; chưa báo cáo nào được tính.`);
  }
  return makeFinding('error', { unit: '', sheet: '', cell: '' }, 'compile.all-other-period',
    `Không báo cáo nào thuộc kỳ đang tổng hợp (${compiled}): các báo cáo là ${theirs}. Đề nghị chọn lại kỳ báo cáo và năm khi tổng hợp; chưa báo cáo nào được tính.`);
}
