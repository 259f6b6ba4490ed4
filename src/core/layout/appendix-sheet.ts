/**
 * The parent's Phụ lục (role 'appendix', A4 landscape), in the form of seed
 * 003: STT | Nội dung nhiệm vụ | Kết quả thực hiện | Hoàn thành | Chưa hoàn
 * thành | Ghi chú, one row per task, ending `Tổng số: 08 nhiệm vụ./.`.
 */
import type { ParentSummary } from '../model';
import type { OutputSheet } from '../sheet-model';
import { MARK, TASK_HEADERS, type Period } from '../template';
import { displayUnitName, documentCode } from '../unit-names';
import { SheetBuilder, STYLE, periodHeading, text } from './styles';
import { fitRowHeight } from './text-fit';

export const APPENDIX_TITLE = 'PHỤ LỤC';
const WIDTHS = [6, 50, 30, 11, 11, 40];

/**
 * `NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TRÊN ĐỊA BÀN HUYỆN VĨNH LINH NĂM 2024`
 * (docs/spec/seeds/003); a department's reads `… CỦA SỞ NỘI VỤ …`.
 */
export function appendixSubtitle(unit: string, period: Period, year: number): string {
  const name = displayUnitName(unit);
  const territorial = name !== unit.trim().replace(/\s+/g, ' ');
  const where = territorial ? `TRÊN ĐỊA BÀN ${name}` : `CỦA ${name}`;
  return `NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC ${where} ${periodHeading(period, year)}`.toLocaleUpperCase('vi');
}

/** Dots where the office writes by hand what is known only when the report is signed (its number and date). */
const BLANK = '……';

/**
 * The reference line under the title, in NĐ 30's form: `(Kèm theo Báo cáo số ……/BC-UBND ngày …… tháng ……
 * năm …… của UBND huyện Nam Đông)`: the report's number and date are given when it is signed, so their places
 * stay dotted; the code and the unit are filled (the .docx writes the same line: src/report/docx-report.ts).
 */
export function appendixReference(unit: string): string {
  return `(Kèm theo Báo cáo số ${BLANK}/BC-${documentCode(unit)} ngày ${BLANK} tháng ${BLANK} năm ${BLANK} của ${unit})`;
}

/** `Tổng số: 08 nhiệm vụ./.` (two digits, as the reports write it). */
export function taskCountLine(n: number): string {
  return `Tổng số: ${String(n).padStart(2, '0')} nhiệm vụ./.`;
}

export function layoutAppendix(s: ParentSummary, opts: { name: string; period: Period; year: number }): OutputSheet {
  const b = new SheetBuilder();
  const cols = 6;
  b.line(0, cols, text(APPENDIX_TITLE, STYLE.title));
  b.line(1, cols, text(appendixSubtitle(s.unit, opts.period, opts.year), { ...STYLE.subtitle, wrap: true }));
  b.line(2, cols, text(appendixReference(s.unit), { ...STYLE.note, wrap: true }));
  b.rowHeights[1] = fitRowHeight([{ text: appendixSubtitle(s.unit, opts.period, opts.year), width: WIDTHS.reduce((a, w) => a + w, 0), bold: true }]) ?? 16;
  const head = 4;
  const heads = [TASK_HEADERS.stt, TASK_HEADERS.name, TASK_HEADERS.result, TASK_HEADERS.done, TASK_HEADERS.notDone, TASK_HEADERS.note];
  b.put(head, 0, heads.map((h) => text(h, STYLE.header)));
  const hh = fitRowHeight(heads.map((h, i) => ({ text: h, width: WIDTHS[i], bold: true })));
  if (hh) b.rowHeights[head] = hh;
  let row = head + 1;
  for (const t of s.tasks) {
    b.put(row, 0, [
      { v: t.stt, style: { align: 'center', valign: 'top' } },
      text(t.name, { wrap: true, valign: 'top' }),
      text(t.result, { wrap: true, valign: 'top' }),
      text(t.complete ? MARK : '', { align: 'center', valign: 'top' }),
      text(t.complete ? '' : MARK, { align: 'center', valign: 'top' }),
      text(t.note, { wrap: true, valign: 'top' }),
    ]);
    const h = fitRowHeight([{ text: t.name, width: WIDTHS[1] }, { text: t.result, width: WIDTHS[2] }, { text: t.note, width: WIDTHS[5] }]);
    if (h) b.rowHeights[row] = h;
    row++;
  }
  b.border(head, 0, row - 1, cols - 1);
  row++;
  b.set(row, 0, text(taskCountLine(s.tasks.length), { bold: true, italic: true }));
  b.merge(row, 0, row, cols - 1);
  return b.build({
    name: opts.name,
    role: 'appendix',
    unit: s.unit,
    columnWidths: WIDTHS,
    freeze: { rows: head + 1, cols: 0 },
    print: { orientation: 'landscape', repeatRows: [head + 1, head + 1] },
  });
}
