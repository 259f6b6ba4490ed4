/** The result said in one sentence, for the pane's live region (read out by screen readers). */
import { periodPhrase } from '../core/period-words';
import type { CompileOutcome } from './actions';

export function resultSentence(o: Pick<CompileOutcome, 'counts' | 'result'>): string {
  const { counts, result } = o;
  const parts = [`${counts.reports} báo cáo được tính`, `${counts.errors} lỗi`, `${counts.warnings} cảnh báo`];
  if (counts.missing) parts.push(`${counts.missing} đơn vị chưa nộp`);
  return `Đã xong ${periodPhrase(result.period, result.year)}: ${parts.join(', ')}.`;
}

/** The result as it reads once the previous period is removed (Bỏ): no longer «So sánh với kỳ trước». */
export function withoutComparison(o: CompileOutcome): CompileOutcome {
  const rest = { ...o };
  delete rest.comparedWith;
  return rest;
}
