/**
 * One findings sheet for the whole compile (role 'findings', A4 landscape):
 * Mức độ | Đơn vị | Tệp | Sheet | Ô | Quy tắc | Nội dung, errors first.
 */
import { SEVERITY_LABELS, hiddenNote, sortFindings, type Finding } from '../findings';
import type { OutputSheet } from '../sheet-model';
import type { Period } from '../template';
import { COLORS, SheetBuilder, STYLE, periodHeading, text } from './styles';

export const FINDINGS_TITLE = 'KẾT QUẢ KIỂM TRA BÁO CÁO CỦA CÁC ĐƠN VỊ';
export const FINDINGS_HEADERS = ['STT', 'Mức độ', 'Đơn vị', 'Tệp', 'Sheet', 'Ô', 'Quy tắc', 'Nội dung'] as const;
export const NO_FINDINGS = 'Không có lỗi hay cảnh báo nào.';

export function layoutFindings(findings: readonly Finding[], opts: { name: string; period: Period; year: number }): OutputSheet {
  const b = new SheetBuilder();
  const cols = FINDINGS_HEADERS.length;
  const errors = findings.filter((f) => f.severity === 'error').length;
  b.line(0, cols, text(FINDINGS_TITLE, STYLE.title));
  b.line(1, cols, text(`${periodHeading(opts.period, opts.year)}: ${errors} lỗi, ${findings.length - errors} cảnh báo`, STYLE.note));
  const head = 3;
  b.put(head, 0, FINDINGS_HEADERS.map((h) => text(h, STYLE.header)));
  let row = head + 1;
  if (!findings.length) {
    b.set(row, 0, text(NO_FINDINGS, { italic: true }));
    b.merge(row, 0, row, cols - 1);
    row++;
  }
  sortFindings(findings).forEach((f, i) => {
    const sev = { color: f.severity === 'error' ? COLORS.errorColor : COLORS.warningColor, bold: true, align: 'center' as const };
    b.put(row, 0, [
      { v: i + 1, style: { align: 'center', valign: 'top' } },
      text(SEVERITY_LABELS[f.severity], sev),
      text(f.unit, { wrap: true, valign: 'top' }),
      text(f.file ?? '', { wrap: true, valign: 'top' }),
      text(f.sheet + hiddenNote(f.hidden), { wrap: true, valign: 'top' }),
      text(f.cell, { align: 'center', valign: 'top' }),
      text(f.rule, { valign: 'top' }),
      text(f.message, { wrap: true, valign: 'top' }),
    ]);
    const lines = Math.ceil(Array.from(f.message).length / 70);
    if (lines > 1) b.rowHeights[row] = Math.min(409, 15 * lines + 3);
    row++;
  });
  b.border(head, 0, row - 1, cols - 1);
  return b.build({
    name: opts.name,
    role: 'findings',
    columnWidths: [5, 10, 28, 22, 16, 7, 22, 70],
    freeze: { rows: head + 1, cols: 0 },
    print: { orientation: 'landscape', repeatRows: [head + 1, head + 1] },
  });
}
