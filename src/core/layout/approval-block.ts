/**
 * Each child's approval state (Đã duyệt / Trả lại / Chưa duyệt, or Chưa nộp
 * for a unit that sent nothing: core/approval.ts childApprovalLabel), shown on the tasks sheet `NV …` (tasks-sheet.ts) when
 * the compiling workbook keeps an approval record: a last column «Phê duyệt»
 * of the task matrix, headed in its repeated header (approvalCell), or,
 * without tasks, the «TÌNH TRẠNG PHÊ DUYỆT» block as the sheet
 * (approvalBlock). As a block under the matrix it printed under the
 * matrix's repeated header, its «Phê duyệt» column read as task 1; under
 * the summary's table it printed under the indicator header rows.
 */
import { APPROVED, RETURNED, childApprovalLabel } from '../approval';
import type { ChildRow } from '../model';
import type { OutCell } from '../sheet-model';
import { STATUS_MISSING } from '../template';
import { COLORS, SheetBuilder, STYLE, text } from './styles';
import { fitRowHeight } from './text-fit';

export const APPROVAL_BLOCK_TITLE = 'TÌNH TRẠNG PHÊ DUYỆT';
/** The header over the states, in the block and in the task matrix. */
export const APPROVAL_HEADER = 'Phê duyệt';

/** One child as the block lists it: its name as the summary shows it, its status and its approval. */
export interface ApprovalLine extends Pick<ChildRow, 'status' | 'approval'> {
  name: string;
}

/**
 * A child's state as printed: Đã duyệt plain, Trả lại in the error colour,
 * Chưa duyệt in the warning colour; Chưa nộp in the error colour, as the
 * task columns of the same row print it (tasks-sheet.ts).
 */
export function approvalCell(c: Pick<ChildRow, 'status' | 'approval'>): OutCell {
  const color = c.status === STATUS_MISSING || c.approval === RETURNED ? COLORS.errorColor : c.approval === APPROVED ? undefined : COLORS.warningColor;
  return text(childApprovalLabel(c), { align: 'center', ...(color ? { color } : {}) });
}

/**
 * Writes the block from `row`; returns the row after it. `nameWidth` is the
 * width of column B on the host sheet, so a long unit name gets the row height
 * its wrapped lines need when printed (text-fit.ts), as in the main table.
 */
export function approvalBlock(b: SheetBuilder, row: number, children: readonly ApprovalLine[], nameWidth?: number): number {
  const head = row;
  b.put(row++, 0, ['STT', 'Đơn vị', APPROVAL_HEADER].map((h) => text(h, STYLE.header)));
  children.forEach((c, i) => {
    const h = nameWidth ? fitRowHeight([{ text: c.name, width: nameWidth }]) : undefined;
    if (h) b.rowHeights[row] = h;
    b.put(row++, 0, [{ v: i + 1, style: { align: 'center' } }, text(c.name, { wrap: true }), approvalCell(c)]);
  });
  b.border(head, 0, row - 1, 2);
  return row;
}
