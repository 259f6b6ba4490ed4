/**
 * The tasks of one parent (role 'tasks', sheet `NV …`): the child × task
 * matrix «TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ» and, when the workbook
 * keeps an approval record, the «TÌNH TRẠNG PHÊ DUYỆT» block
 * (approval-block.ts). They were under the summary's table (summary-sheet.ts)
 * and printed there split across its indicator column blocks, under the
 * indicator header rows; on a sheet of their own they print with their own
 * header.
 *
 * Printing: A4 landscape. The task columns share the width left beside STT
 * and Đơn vị on one page at 100 % (12 pt); with so many tasks that they
 * would be narrower than TASK_MIN_WIDTH, the scale goes down to
 * TASKS_MIN_SCALE (12 pt × 75 % = 9 pt) and, beyond that, the tasks print
 * in column blocks (print-blocks.ts). STT, Đơn vị and the matrix's header
 * row repeat on every page.
 */
import type { ParentSummary } from '../model';
import type { OutCell, OutputSheet } from '../sheet-model';
import { MARK, STATUS_MISSING, STATUS_NOT_COUNTED, taskStatusWord, type Period } from '../template';
import { APPROVAL_BLOCK_TITLE, approvalBlock } from './approval-block';
import { COLORS, SheetBuilder, STYLE, periodHeading, text } from './styles';
import { childName } from './summary-sheet';
import { fitRowHeight } from './text-fit';
import { columnPoints, printBlocks, PRINTABLE_WIDTH } from './print-blocks';

export const TASK_MATRIX_TITLE = 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ (x: hoàn thành)';
/** The least print scale, in percent: 12 pt × 75 % = 9 pt, the least the printed text may be. */
export const TASKS_MIN_SCALE = 75;
/** Task columns: as wide as the page allows, between these (Excel units). */
const TASK_MIN_WIDTH = 9;
const TASK_MAX_WIDTH = 18;
/** STT and Đơn vị: as on the summary (summary-sheet.ts), so a unit's name wraps alike. */
const FIXED_WIDTHS = [5, 28];
const APPROVAL_WIDTH = 12;

/** The width of each task column, and the print scale, for `n` tasks on A4 landscape. */
function taskColumns(n: number): { width: number; scale: number } {
  const fixed = FIXED_WIDTHS.reduce((t, w) => t + columnPoints(w), 0);
  const room = (PRINTABLE_WIDTH.landscape - fixed) / Math.max(1, n);
  // columnPoints inverted: the widest column that fits `room` points.
  const fits = Math.floor(((room / 0.75 - 5) / 8) * 10) / 10;
  const width = Math.min(TASK_MAX_WIDTH, Math.max(TASK_MIN_WIDTH, fits));
  const total = fixed + n * columnPoints(width);
  const scale = Math.max(TASKS_MIN_SCALE, Math.min(100, Math.floor((PRINTABLE_WIDTH.landscape / total) * 100)));
  return { width, scale };
}

/** The tasks sheet of a parent, or null when it has neither tasks nor approvals to show. */
export function layoutTasks(s: ParentSummary, opts: { name: string; period: Period; year: number; approvals?: boolean }): OutputSheet | null {
  if (!s.tasks.length && !opts.approvals) return null;
  const b = new SheetBuilder();
  const { width, scale } = taskColumns(s.tasks.length);
  // Without tasks, column C holds the approval state (approval-block.ts).
  const widths = [...FIXED_WIDTHS, ...(s.tasks.length ? s.tasks.map(() => width) : [APPROVAL_WIDTH])];
  const breaks = printBlocks(widths, [0, 1], s.tasks.map((_, i) => [2 + i, 2 + i]), (PRINTABLE_WIDTH.landscape * 100) / scale);
  // Titles centred over the first printed page (summary-sheet.ts does the same).
  const cols = breaks.length ? breaks[0] : widths.length;
  const title = s.tasks.length ? TASK_MATRIX_TITLE : APPROVAL_BLOCK_TITLE;
  b.line(0, cols, text(title, { ...STYLE.title, wrap: true }));
  b.line(1, cols, text(s.unit, STYLE.subtitle));
  b.line(2, cols, text(`Kỳ báo cáo: ${periodHeading(opts.period, opts.year)}`, STYLE.note));
  b.rowHeights[0] = fitRowHeight([{ text: title, width: widths.slice(0, cols).reduce((t, w) => t + w, 0), bold: true, fontSize: STYLE.title.fontSize }]) ?? 22;
  let row = 4;
  let head: number | undefined;
  if (s.tasks.length) {
    head = row;
    row = taskMatrix(b, head, s, widths) + 1;
  }
  // Without tasks the block is the sheet, under the sheet's title: no heading of its own.
  if (opts.approvals) approvalBlock(b, row, s.children.map((c) => ({ name: childName(c), approval: c.approval })), FIXED_WIDTHS[1], !!s.tasks.length);
  // The header repeated on every page: the matrix's, or the approval block's when it is the sheet.
  const repeat = head ?? (opts.approvals ? 4 : undefined);
  return b.build({
    name: opts.name,
    role: 'tasks',
    unit: s.unit,
    columnWidths: widths,
    ...(repeat !== undefined ? { freeze: { rows: repeat + 1, cols: 2 } } : {}),
    print: {
      orientation: 'landscape',
      ...(repeat !== undefined ? { repeatRows: [repeat + 1, repeat + 1] as [number, number] } : {}),
      repeatCols: [0, 1],
      scale,
      ...(breaks.length ? { colBreaks: breaks } : {}),
    },
  });
}

/** Child × task: `x` done, blank not done, `Chưa nộp` not reported (`Không tính`: not counted); then done/expected and the parent's result. */
function taskMatrix(b: SheetBuilder, row: number, s: ParentSummary, widths: readonly number[]): number {
  const head = row;
  b.put(row, 0, [text('STT', STYLE.header), text('Đơn vị', STYLE.header)]);
  const taskHead = (t: ParentSummary['tasks'][number]) => `${t.stt}. ${t.name}`;
  s.tasks.forEach((t, i) => b.set(row, 2 + i, text(taskHead(t), STYLE.header)));
  b.rowHeights[row] = fitRowHeight(s.tasks.map((t, i) => ({ text: taskHead(t), width: widths[2 + i], bold: true }))) ?? 16;
  row++;
  s.children.forEach((c, i) => {
    const h = fitRowHeight([{ text: childName(c), width: widths[1], bold: c.isSelf }]);
    if (h) b.rowHeights[row] = h;
    const cells: OutCell[] = [{ v: i + 1, style: { align: 'center' } }, text(childName(c), { wrap: true, bold: c.isSelf })];
    for (const t of s.tasks) {
      const unseen = c.status === STATUS_MISSING || c.status === STATUS_NOT_COUNTED;
      const mark = unseen ? c.status : c.tasks[t.stt] === true ? MARK : '';
      cells.push(text(mark, { align: 'center', color: unseen ? COLORS.errorColor : undefined }));
    }
    b.put(row++, 0, cells);
  });
  const bold = { bold: true, fill: COLORS.totalFill };
  b.put(row, 0, [text('', bold), text('Số đơn vị hoàn thành', bold), ...s.tasks.map((t) => text(`${t.done}/${t.expected}`, { ...bold, align: 'center' }))]);
  row++;
  b.put(row, 0, [text('', bold), text('Kết quả', bold), ...s.tasks.map((t) => text(taskStatusWord(t.complete), { ...bold, align: 'center', wrap: true }))]);
  const rh = fitRowHeight(s.tasks.map((t, i) => ({ text: taskStatusWord(t.complete), width: widths[2 + i], bold: true })));
  if (rh) b.rowHeights[row] = rh;
  row++;
  b.border(head, 0, row - 1, 1 + s.tasks.length);
  return row;
}
