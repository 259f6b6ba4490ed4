/**
 * A whole compile of the wrong period (docs/spec/TEMPLATE.md §8): when every
 * readable report is of another period than the compile's, the likely
 * mistake is the plan's `Kỳ báo cáo` / `Năm` (or the period chosen for the
 * command), not every unit's: one finding says so and points there, instead
 * of one error per unit, and the result carries a flag so that letters do
 * not ask every unit to resend.
 */
import { findingParts, makeFinding, type Finding } from './findings';
import type { CompileResult, Plan, ReportEntry } from './model';
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

/**
 * What the letters say instead of themselves when every report is of another period (CompileResult.allOtherPeriod):
 * the one finding, with its place (the plan's `Kỳ báo cáo` cell), and that no letter was made. Asking every unit
 * to resend for the plan's mistake is what this spares (report/letters/letter-data.ts makes none); null otherwise.
 */
export function otherPeriodStop(result: Pick<CompileResult, 'allOtherPeriod' | 'findings'>): string | null {
  if (!result.allOtherPeriod) return null;
  const f = result.findings.find((x) => x.rule === 'compile.all-other-period');
  const said = f ? findingParts(f) : null;
  const text = said ? `${said.place ? `${said.place}: ` : ''}${said.text}` : 'Không báo cáo nào thuộc kỳ đang tổng hợp.';
  return `${text} Chưa tạo văn bản nào gửi đơn vị: sửa kỳ báo cáo rồi tổng hợp lại.`;
}
