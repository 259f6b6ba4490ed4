/**
 * Findings about a whole input file, the same for the command line
 * (src/cli/read-one.ts) and the pane's Tổng hợp từ tệp (src/taskpane/actions.ts).
 */
import { makeFinding, type Finding } from './findings';
import type { SheetGrid } from './grid';
import type { SheetRead } from './model';

/**
 * A readable workbook in which no sheet is a report or a plan: said, so that
 * a check never answers «Không có lỗi» for a file it did not look into.
 * `name`: the file's name as the user knows it (no folder); `grids` and
 * `reads`: its sheets and what reading each gave. Null when there is
 * nothing to say (no sheet at all is said elsewhere: the file is unreadable).
 */
export function noReportFinding(name: string, grids: readonly SheetGrid[], reads: readonly SheetRead[]): Finding | null {
  if (!grids.length || !reads.every((r) => r.kind === 'skipped')) return null;
  const sheets = grids.map((g) => `"${g.sheet}"${g.hidden ? ' (trang ẩn)' : ''}`).join(', ');
  return makeFinding('warning', { unit: name, file: name, sheet: '', cell: '' }, 'file.no-report',
    `Tệp "${name}" không có trang báo cáo theo mẫu TTCCHC-1 nào (cần ô "Mã mẫu" ghi "TTCCHC-1" trong 15 dòng đầu) và không có trang Kế hoạch; các trang: ${sheets}.`);
}
