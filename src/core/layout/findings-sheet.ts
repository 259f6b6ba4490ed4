/**
 * One findings sheet for the whole compile (role 'findings', A4 landscape):
 * Mức độ | Đơn vị | Tệp | Trang | Ô | Quy tắc | Nội dung, errors first. The
 * rule by its Vietnamese name (core/rule-names.ts); the cell a link to the
 * unit's cell when that sheet is in this workbook (a finding without a file:
 * the add-in compiling its open workbook). A finding of another file gets no
 * link: its sheet is not in the output workbook.
 */
import { SEVERITY_LABELS, hiddenNote, sortFindings, type Finding } from '../findings';
import { ruleName } from '../rule-names';
import type { OutCell, OutputSheet } from '../sheet-model';
import type { Period } from '../template';
import { COLORS, SheetBuilder, STYLE, periodHeading, text } from './styles';
import { fitRowHeight } from './text-fit';

export const FINDINGS_TITLE = 'KẾT QUẢ KIỂM TRA BÁO CÁO CỦA CÁC ĐƠN VỊ';
export const FINDINGS_HEADERS = ['STT', 'Mức độ', 'Đơn vị', 'Tệp', 'Trang', 'Ô', 'Quy tắc', 'Nội dung'] as const;
/** The header of the `Trang` column in sheets written by earlier versions (read-back.ts still reads them). */
export const OLD_SHEET_HEADER = 'Sheet';
/** 150 units: fitted to A4 landscape's width, the text prints at about 10 pt (test/xlsx/print-layout.test.ts). */
const WIDTHS = [5, 9, 24, 18, 14, 6, 20, 54];
const LINK_LOOK = { color: '#0563C1' };
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
      cellLink(f),
      text(ruleName(f.rule), { wrap: true, valign: 'top' }),
      text(f.message, { wrap: true, valign: 'top' }),
    ]);
    const h = fitRowHeight([
      { text: f.unit, width: WIDTHS[2] }, { text: f.file, width: WIDTHS[3] }, { text: f.sheet + hiddenNote(f.hidden), width: WIDTHS[4] },
      { text: ruleName(f.rule), width: WIDTHS[6] }, { text: f.message, width: WIDTHS[7] },
    ]);
    if (h) b.rowHeights[row] = h;
    row++;
  });
  b.border(head, 0, row - 1, cols - 1);
  return b.build({
    name: opts.name,
    role: 'findings',
    columnWidths: WIDTHS,
    freeze: { rows: head + 1, cols: 0 },
    print: { orientation: 'landscape', repeatRows: [head + 1, head + 1] },
  });
}

/** The `Ô` cell: a link to the unit's cell when its sheet is in this workbook. */
function cellLink(f: Finding): OutCell {
  const cell = text(f.cell, { align: 'center', valign: 'top' });
  if (f.file || !f.sheet || !f.cell) return cell;
  return { ...cell, style: { ...cell.style, ...LINK_LOOK }, link: { sheet: f.sheet, cell: f.cell } };
}
