/**
 * The tasks of one parent (role 'tasks', sheet `NV …`): the child × task
 * matrix «TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ» and, when the workbook
 * keeps an approval record, each child's approval state in the matrix's last
 * column «Phê duyệt», headed in the header repeated on every page
 * (approval-block.ts; without tasks, the «TÌNH TRẠNG PHÊ DUYỆT» block is the
 * sheet). They were under the summary's table (summary-sheet.ts)
 * and printed there split across its indicator column blocks, under the
 * indicator header rows; on a sheet of their own they print with their own
 * header.
 *
 * The tasks' names are listed once above the matrix («1. Tuyên truyền …»),
 * and the matrix's columns are headed by their numbers under «Nhiệm vụ»:
 * with the names in the header, its row was ten lines tall, repeated on
 * every page, and took a third of each page; the numbered header takes two
 * lines, so a page holds about 30 units instead of 22.
 *
 * Printing: A4 landscape. The task columns share the width left beside STT
 * and Đơn vị on one page at 100 % (12 pt); with so many tasks that they
 * would be narrower than TASK_MIN_WIDTH, the scale goes down to
 * TASKS_MIN_SCALE (12 pt × 75 % = 9 pt) and, beyond that, the tasks print
 * in column blocks (print-blocks.ts). STT, Đơn vị and the matrix's header
 * rows repeat on every page. Every page starts at a break of its own
 * (print-blocks.ts keepWithNext), so the names' list, the matrix's header
 * and the tally rows are never left alone at a page's foot or head.
 */
import type { ParentSummary } from '../model';
import type { OutCell, OutputSheet } from '../sheet-model';
import { MARK, STATUS_MISSING, STATUS_NOT_COUNTED, taskStatusWord, type Period } from '../template';
import { APPROVAL_BLOCK_TITLE, APPROVAL_HEADER, approvalBlock, approvalCell } from './approval-block';
import { COLORS, SheetBuilder, STYLE, periodHeading, text } from './styles';
import { childName } from './summary-sheet';
import { SHEET_ROW_HEIGHT, fitRowHeight, textWidth, unbrokenWidth } from './text-fit';
import { columnPoints, keepWithNext, printBlocks, PRINTABLE_HEIGHT, PRINTABLE_WIDTH } from './print-blocks';

export const TASK_MATRIX_TITLE = 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ (x: hoàn thành)';
/** Above the matrix: the tasks' names, numbered as the matrix's columns. */
export const TASK_LIST_TITLE = 'Các nhiệm vụ (số thứ tự là số cột của bảng):';
/** Over the task columns, above their numbers. */
export const TASK_COLUMNS_HEADER = 'Nhiệm vụ';
/** The least print scale, in percent: 12 pt × 75 % = 9 pt, the least the printed text may be. */
export const TASKS_MIN_SCALE = 75;
/**
 * Task columns: as wide as the page allows, between these (Excel units). The
 * least holds a unit's state (`Không tính`, `Chưa nộp`: not wrapped) and the
 * words of the task's result (`Chưa hoàn thành`, wrapped) unbroken.
 */
const TASK_MIN_WIDTH = Math.max(9, ...[STATUS_NOT_COUNTED, STATUS_MISSING].map((st) => Math.ceil(textWidth(st) + 1)),
  unbrokenWidth(['Chưa hoàn thành'], { bold: true }));
const TASK_MAX_WIDTH = 18;
/** STT and Đơn vị: as on the summary (summary-sheet.ts), so a unit's name wraps alike. */
const FIXED_WIDTHS = [5, 28];
const APPROVAL_WIDTH = 12;
/** Rows kept on one page with what follows: the matrix's header with its first units, the tallies with the last ones. */
const KEPT_UNITS = 3;

/** The width of each task column, and the print scale, for `n` tasks on A4 landscape beside STT, Đơn vị and `more` columns. */
function taskColumns(n: number, more: readonly number[] = []): { width: number; scale: number } {
  const fixed = [...FIXED_WIDTHS, ...more].reduce((t, w) => t + columnPoints(w), 0);
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
  // The approval state: the matrix's last column, or without tasks column C of the block (approval-block.ts).
  const approvalCol = opts.approvals ? 2 + s.tasks.length : undefined;
  const { width, scale } = taskColumns(s.tasks.length, approvalCol !== undefined ? [APPROVAL_WIDTH] : []);
  const widths = [...FIXED_WIDTHS, ...s.tasks.map(() => width), ...(approvalCol !== undefined ? [APPROVAL_WIDTH] : [])];
  const groups: [number, number][] = [...s.tasks.map((_, i): [number, number] => [2 + i, 2 + i]), ...(approvalCol !== undefined && s.tasks.length ? [[approvalCol, approvalCol] as [number, number]] : [])];
  const colBreaks = printBlocks(widths, [0, 1], groups, (PRINTABLE_WIDTH.landscape * 100) / scale);
  // Titles and the tasks' names centred / laid over the first printed page (summary-sheet.ts does the same).
  const cols = colBreaks.length ? colBreaks[0] : widths.length;
  const pageWidth = widths.slice(0, cols).reduce((t, w) => t + w, 0);
  const title = s.tasks.length ? TASK_MATRIX_TITLE : APPROVAL_BLOCK_TITLE;
  b.line(0, cols, text(title, { ...STYLE.title, wrap: true }));
  b.line(1, cols, text(s.unit, STYLE.subtitle));
  b.line(2, cols, text(`Kỳ báo cáo: ${periodHeading(opts.period, opts.year)}`, STYLE.note));
  b.rowHeights[0] = fitRowHeight([{ text: title, width: pageWidth, bold: true, fontSize: STYLE.title.fontSize }]) ?? 22;
  const keep: { row: number; rows: number }[] = [];
  let row = 4;
  let head: number | undefined;
  if (s.tasks.length) {
    keep.push({ row, rows: s.tasks.length + 1 });
    b.line(row++, cols, text(TASK_LIST_TITLE, { bold: true }));
    for (const t of s.tasks) {
      const name = `${t.stt}. ${t.name}`;
      b.line(row, cols, text(name, { wrap: true, valign: 'top' }));
      const h = fitRowHeight([{ text: name, width: pageWidth }]);
      if (h) b.rowHeights[row] = h;
      row++;
    }
    head = row + 1;
    keep.push({ row: head, rows: 2 + KEPT_UNITS });
    row = taskMatrix(b, head, s, widths, colBreaks, approvalCol);
    // The tallies with the last units: never a page of «Kết quả» alone.
    keep.push({ row: row - 2 - Math.min(KEPT_UNITS, s.children.length), rows: 2 + Math.min(KEPT_UNITS, s.children.length) });
    row++;
  }
  // Without tasks the block is the sheet, under the sheet's title: no heading of its own.
  if (opts.approvals && !s.tasks.length) {
    keep.push({ row, rows: 1 + KEPT_UNITS });
    row = approvalBlock(b, row, s.children.map((c) => ({ name: childName(c), status: c.status, approval: c.approval })), FIXED_WIDTHS[1]);
  }
  // The header repeated on every page: the matrix's two rows, or the approval block's when it is the sheet.
  const repeat: [number, number] | undefined = head !== undefined ? [head, head + 1] : opts.approvals ? [4, 4] : undefined;
  const heights = Array.from({ length: row }, (_, r) => b.rowHeights[r] ?? SHEET_ROW_HEIGHT);
  // A point of slack: a page's foot never depends on how a printer rounds a height.
  const rowBreaks = keepWithNext(heights, keep, (PRINTABLE_HEIGHT.landscape * 100) / scale - 1, { repeatRows: repeat, everyPage: true });
  return b.build({
    name: opts.name,
    role: 'tasks',
    unit: s.unit,
    columnWidths: widths,
    ...(repeat !== undefined ? { freeze: { rows: repeat[1] + 1, cols: 2 } } : {}),
    print: {
      orientation: 'landscape',
      ...(repeat !== undefined ? { repeatRows: [repeat[0] + 1, repeat[1] + 1] as [number, number] } : {}),
      repeatCols: [0, 1],
      scale,
      ...(colBreaks.length ? { colBreaks } : {}),
      ...(rowBreaks.length ? { rowBreaks } : {}),
    },
  });
}

/**
 * Child × task: `x` done, blank not done, `Chưa nộp` not reported (`Không tính`: not counted); then done/expected and the parent's result.
 * The header: STT and Đơn vị over two rows, «Nhiệm vụ» over each column block's task columns, the tasks' numbers under it;
 * «Phê duyệt» over two rows above the states when `approvalCol` is given.
 */
function taskMatrix(b: SheetBuilder, row: number, s: ParentSummary, widths: readonly number[], colBreaks: readonly number[], approvalCol?: number): number {
  const head = row;
  const last = 1 + s.tasks.length;
  const lastCol = approvalCol ?? last;
  b.put(head, 0, [text('STT', STYLE.header), text('Đơn vị', STYLE.header)]);
  // Cells a merge covers hold nothing (test/core/layout.test.ts, sheet invariants): only their look.
  const covered = { v: null, style: STYLE.header };
  b.put(head + 1, 0, [covered, covered]);
  b.merge(head, 0, head + 1, 0);
  b.merge(head, 1, head + 1, 1);
  // «Nhiệm vụ» once per printed block: a merge across a block's edge would print on its first page only.
  const starts = [2, ...colBreaks.filter((c) => c > 2 && c <= last)];
  starts.forEach((from, k) => {
    const to = (starts[k + 1] ?? last + 1) - 1;
    for (let c = from; c <= to; c++) b.set(head, c, c === from ? text(TASK_COLUMNS_HEADER, STYLE.header) : covered);
    b.merge(head, from, head, to);
  });
  s.tasks.forEach((t, i) => b.set(head + 1, 2 + i, text(String(t.stt), STYLE.header)));
  if (approvalCol !== undefined) {
    b.set(head, approvalCol, text(APPROVAL_HEADER, STYLE.header));
    b.set(head + 1, approvalCol, covered);
    b.merge(head, approvalCol, head + 1, approvalCol);
  }
  row = head + 2;
  s.children.forEach((c, i) => {
    const h = fitRowHeight([{ text: childName(c), width: widths[1], bold: c.isSelf }]);
    if (h) b.rowHeights[row] = h;
    const cells: OutCell[] = [{ v: i + 1, style: { align: 'center' } }, text(childName(c), { wrap: true, bold: c.isSelf })];
    for (const t of s.tasks) {
      const unseen = c.status === STATUS_MISSING || c.status === STATUS_NOT_COUNTED;
      const mark = unseen ? c.status : c.tasks[t.stt] === true ? MARK : '';
      cells.push(text(mark, { align: 'center', color: unseen ? COLORS.errorColor : undefined }));
    }
    if (approvalCol !== undefined) cells.push(approvalCell(c));
    b.put(row++, 0, cells);
  });
  const bold = { bold: true, fill: COLORS.totalFill };
  // The tallies count tasks: the approval column's cells there are blank.
  const blank = approvalCol !== undefined ? [text('', bold)] : [];
  b.put(row, 0, [text('', bold), text('Số đơn vị hoàn thành', bold), ...s.tasks.map((t) => text(`${t.done}/${t.expected}`, { ...bold, align: 'center' })), ...blank]);
  row++;
  b.put(row, 0, [text('', bold), text('Kết quả', bold), ...s.tasks.map((t) => text(taskStatusWord(t.complete), { ...bold, align: 'center', valign: 'middle', wrap: true })), ...blank]);
  const rh = fitRowHeight(s.tasks.map((t, i) => ({ text: taskStatusWord(t.complete), width: widths[2 + i], bold: true })));
  if (rh) b.rowHeights[row] = rh;
  row++;
  b.border(head, 0, row - 1, lastCol);
  return row;
}
