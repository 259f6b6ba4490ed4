/**
 * One findings sheet for the whole compile (role 'findings', A4 landscape):
 * Mức độ | Đơn vị | Tệp | Trang | Ô | Quy tắc | Nội dung, errors first. The
 * rule by its Vietnamese name (core/rule-names.ts); the cell a link to the
 * unit's cell when that sheet is in this workbook (a finding without a file:
 * the add-in compiling its open workbook). A finding of another file gets no
 * link: its sheet is not in the output workbook.
 *
 * Below it, for a cumulative period, «Số liệu lũy kế»: the units whose figures were built from their
 * sub-period reports (core/cumulative.ts) and the reports used. It is information, not a finding: the
 * normal case (spec §11), listed here where the officer looks a unit up, and never read back as findings
 * (read-back.ts reads only rows whose `Mức độ` is a severity).
 */
import { SEVERITY_LABELS, hiddenNote, sortFindings, type Finding } from '../findings';
import { ruleName } from '../rule-names';
import type { OutCell, OutputSheet } from '../sheet-model';
import type { CumulativeBasis } from '../cumulative';
import { periodTitle } from '../periods';
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

export const CUMULATIVE_TITLE = 'Số liệu lũy kế';
export const CUMULATIVE_HEADERS = ['STT', 'Đơn vị', 'Lũy kế từ', 'Báo cáo đã dùng'] as const;

export function layoutFindings(
  findings: readonly Finding[],
  opts: { name: string; period: Period; year: number; cumulative?: readonly CumulativeBasis[] },
): OutputSheet {
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
  const built = (opts.cumulative ?? []).filter((c) => c.built);
  if (built.length) cumulativeBlock(b, row + 1, built, periodTitle(opts.period, opts.year));
  return b.build({
    name: opts.name,
    role: 'findings',
    columnWidths: WIDTHS,
    freeze: { rows: head + 1, cols: 0 },
    print: { orientation: 'landscape', repeatRows: [head + 1, head + 1] },
  });
}

/**
 * «Số liệu lũy kế»: one row per unit built from its sub-period reports: STT | Đơn vị (B–C) | Lũy kế từ (D) |
 * the reports used, `Quý I: tệp › trang` (E–H).
 */
function cumulativeBlock(b: SheetBuilder, top: number, built: readonly CumulativeBasis[], title: string): void {
  const last = FINDINGS_HEADERS.length - 1;
  let row = top;
  b.line(row++, last + 1, text(`${CUMULATIVE_TITLE} (${built.length} đơn vị)`, { ...STYLE.section, align: 'left' }));
  const note = `Các đơn vị này không gửi báo cáo ${title}: số liệu được lũy kế từ báo cáo các kỳ ngắn hơn của đơn vị `
    + '(chỉ tiêu phát sinh được cộng; số đầu kỳ lấy theo kỳ đầu, số cuối kỳ và kết quả nhiệm vụ theo kỳ cuối). Đây là thông tin, không cần xử lý.';
  b.set(row, 0, text(note, { italic: true, wrap: true, valign: 'top' }));
  b.merge(row, 0, row, last);
  b.rowHeights[row] = fitRowHeight([{ text: note, width: WIDTHS.reduce((a, w) => a + w, 0) }]) ?? 16;
  row++;
  const head = row;
  const [hStt, hUnit, hFrom, hUsed] = CUMULATIVE_HEADERS;
  b.put(row, 0, [text(hStt, STYLE.header), text(hUnit, STYLE.header), text('', STYLE.header), text(hFrom, STYLE.header), text(hUsed, STYLE.header)]);
  b.merge(row, 1, row, 2);
  b.merge(row, 4, row, last);
  row++;
  built.forEach((c, i) => {
    const used = c.parts.map((p) => `${p.period}: ${p.source.file ? `${p.source.file} › ` : ''}${p.source.sheet}`).join('\n');
    b.put(row, 0, [
      { v: i + 1, style: { align: 'center', valign: 'top' } },
      text(c.unit, { wrap: true, valign: 'top' }),
      text(''),
      text(c.parts.map((p) => p.period).join(', '), { wrap: true, valign: 'top' }),
      text(used, { wrap: true, valign: 'top' }),
    ]);
    b.merge(row, 1, row, 2);
    b.merge(row, 4, row, last);
    const h = fitRowHeight([{ text: c.unit, width: WIDTHS[1] + WIDTHS[2] }, { text: used, width: WIDTHS.slice(4).reduce((a, w) => a + w, 0) }]);
    if (h) b.rowHeights[row] = h;
    row++;
  });
  b.border(head, 0, row - 1, last);
}

/** The `Ô` cell: a link to the unit's cell when its sheet is in this workbook. */
function cellLink(f: Finding): OutCell {
  const cell = text(f.cell, { align: 'center', valign: 'top' });
  if (f.file || !f.sheet || !f.cell) return cell;
  return { ...cell, style: { ...cell.style, ...LINK_LOOK }, link: { sheet: f.sheet, cell: f.cell } };
}
