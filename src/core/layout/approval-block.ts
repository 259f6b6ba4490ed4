/**
 * The «TÌNH TRẠNG PHÊ DUYỆT» block: each child's approval state
 * (Đã duyệt / Trả lại / Chưa duyệt, core/approval.ts), shown when the
 * compiling workbook keeps an approval record. On the tasks sheet `NV …`
 * (tasks-sheet.ts) under the task matrix; it was under the summary's table
 * and printed there under the indicator header rows.
 */
import { APPROVED, RETURNED, approvalLabel, type ApprovalState } from '../approval';
import { COLORS, SheetBuilder, STYLE, text } from './styles';
import { fitRowHeight } from './text-fit';

export const APPROVAL_BLOCK_TITLE = 'TÌNH TRẠNG PHÊ DUYỆT';

/** One child as the block lists it: its name as the summary shows it, and its state. */
export interface ApprovalLine {
  name: string;
  approval?: ApprovalState;
}

/**
 * Writes the block from `row`; returns the row after it. `nameWidth` is the
 * width of column B on the host sheet, so a long unit name gets the row height
 * its wrapped lines need when printed (text-fit.ts), as in the main table.
 */
export function approvalBlock(b: SheetBuilder, row: number, children: readonly ApprovalLine[], nameWidth?: number, heading = true): number {
  if (heading) {
    b.line(row, 5, text(APPROVAL_BLOCK_TITLE, STYLE.section));
    row++;
  }
  const head = row;
  b.put(row++, 0, ['STT', 'Đơn vị', 'Phê duyệt'].map((h) => text(h, STYLE.header)));
  children.forEach((c, i) => {
    const state = approvalLabel(c.approval);
    const h = nameWidth ? fitRowHeight([{ text: c.name, width: nameWidth }]) : undefined;
    if (h) b.rowHeights[row] = h;
    const color = c.approval === APPROVED ? undefined : c.approval === RETURNED ? COLORS.errorColor : COLORS.warningColor;
    b.put(row++, 0, [
      { v: i + 1, style: { align: 'center' } },
      text(c.name, { wrap: true }),
      text(state, { align: 'center', ...(color ? { color } : {}) }),
    ]);
  });
  b.border(head, 0, row - 1, 2);
  return row;
}
