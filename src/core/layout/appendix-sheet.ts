/**
 * The parent's Phụ lục (role 'appendix', A4 landscape), in the form of seed
 * 003: STT | Nội dung nhiệm vụ | Kết quả thực hiện | Hoàn thành | Chưa hoàn
 * thành | Ghi chú, one row per task, ending `Tổng số: 08 nhiệm vụ./.`.
 */
import type { ParentSummary } from '../model';
import type { OutputSheet } from '../sheet-model';
import { MARK, TASK_HEADERS, type Period } from '../template';
import { displayUnitName } from '../unit-names';
import { SheetBuilder, STYLE, periodHeading, text } from './styles';

export const APPENDIX_TITLE = 'PHỤ LỤC';

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

/** `Tổng số: 08 nhiệm vụ./.` (two digits, as the reports write it). */
export function taskCountLine(n: number): string {
  return `Tổng số: ${String(n).padStart(2, '0')} nhiệm vụ./.`;
}

export function layoutAppendix(s: ParentSummary, opts: { name: string; period: Period; year: number }): OutputSheet {
  const b = new SheetBuilder();
  const cols = 6;
  b.line(0, cols, text(APPENDIX_TITLE, STYLE.title));
  b.line(1, cols, text(appendixSubtitle(s.unit, opts.period, opts.year), { ...STYLE.subtitle, wrap: true }));
  b.line(2, cols, text(`(Kèm theo Báo cáo số        ngày        của ${s.unit})`, STYLE.note));
  b.rowHeights[1] = 33;
  const head = 4;
  b.put(head, 0, [TASK_HEADERS.stt, TASK_HEADERS.name, TASK_HEADERS.result, TASK_HEADERS.done, TASK_HEADERS.notDone, TASK_HEADERS.note].map((h) => text(h, STYLE.header)));
  let row = head + 1;
  for (const t of s.tasks) {
    const done = t.status === 'Hoàn thành';
    b.put(row, 0, [
      { v: t.stt, style: { align: 'center', valign: 'top' } },
      text(t.name, { wrap: true, valign: 'top' }),
      text(t.result, { wrap: true, valign: 'top' }),
      text(done ? MARK : '', { align: 'center', valign: 'top' }),
      text(done ? '' : MARK, { align: 'center', valign: 'top' }),
      text(t.note, { wrap: true, valign: 'top' }),
    ]);
    const lines = Math.max(Math.ceil(Array.from(t.name).length / 45), Math.ceil(Array.from(t.note).length / 40), 1);
    if (lines > 1) b.rowHeights[row] = Math.min(409, 15 * lines + 3);
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
    columnWidths: [6, 50, 30, 11, 11, 40],
    freeze: { rows: head + 1, cols: 0 },
    print: { orientation: 'landscape', repeatRows: [head + 1, head + 1] },
  });
}
