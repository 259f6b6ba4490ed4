/**
 * The report's file name, one rule for every caller (the pane's Xuất báo cáo;
 * the command line takes the name it is given). Kept apart from
 * docx-report.ts so the pane can name the file without loading docx.
 */
import type { Period } from '../core/template';

/** `Bao-cao-CCHC-Quy-I-2025.docx`: diacritics dropped, case kept, so every browser keeps the name. */
export function reportFileName(result: { period: Period; year: number }): string {
  const period = result.period
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `Bao-cao-CCHC-${period}-${result.year}.docx`;
}
