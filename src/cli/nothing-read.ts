/**
 * When no TTCCHC-1 report was read at all: no result «năm 2026», no empty
 * output files, a Vietnamese message and a failing exit code.
 */
import type { CompileResult } from '../core/model';
import { sortForAttention } from '../core/findings';
import { findingLine } from './summary';

/** The message for `compile` and `check` when `result` holds no report; null when it holds one. */
export function nothingReadMessage(result: CompileResult, filesRead: number): string | null {
  if (result.reports.length > 0) return null;
  const lines = [
    `Không có báo cáo nào để tổng hợp: trong ${filesRead} tệp đã đọc không có trang nào theo mẫu TTCCHC-1 (ô "Mã mẫu" ghi "TTCCHC-1").`,
    'Không ghi tệp nào. Hãy kiểm tra lại các tệp đã chọn, hoặc tạo mẫu trống bằng lệnh: tonghop template',
  ];
  const problems = sortForAttention(result.findings);
  if (problems.length) lines.push('', 'Lý do có thể:', ...problems.slice(0, 10).map((f) => `  ${findingLine(f)}`));
  return lines.join('\n');
}
