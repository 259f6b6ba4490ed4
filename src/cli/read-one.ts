/**
 * One input file → the reads of its sheets. The worker threads and the main
 * thread both call this, so reading in a worker gives exactly what reading in
 * the main thread gives.
 */
import * as path from 'path';
import { makeFinding, type Finding } from '../core/findings';
import type { SheetGrid } from '../core/grid';
import type { SheetRead } from '../core/model';
import { readSheet } from '../core/reader';
import { readXlsxFileSafely } from '../xlsx/read-file';

export interface FileReads {
  file: string;
  reads: SheetRead[];
  /** Problems with the file itself (not a sheet's findings, which are inside `reads`). */
  findings: Finding[];
}

export async function readFileSheets(file: string): Promise<FileReads> {
  const { grids, findings } = await readXlsxFileSafely(file);
  const reads: SheetRead[] = [];
  for (const g of grids) {
    try {
      reads.push(readSheet(g));
    } catch (e) {
      // The reader promises never to throw; if it does, the sheet is a finding, not a crash.
      const msg = e instanceof Error ? e.message : String(e);
      findings.push(makeFinding('error', { unit: g.sheet, file: g.file, sheet: g.sheet, cell: '' }, 'sheet.unreadable',
        `Không đọc được trang "${g.sheet}" của tệp "${g.file}": ${msg}`));
    }
  }
  if (grids.length && reads.every((r) => r.kind === 'skipped')) findings.push(noReportFinding(file, grids));
  return { file, reads, findings };
}

/**
 * A readable workbook in which no sheet is a report or a plan: said, so that
 * `check` never answers «Không có lỗi» for a file it did not look into.
 */
function noReportFinding(file: string, grids: readonly SheetGrid[]): Finding {
  const name = path.basename(file);
  const sheets = grids.map((g) => `"${g.sheet}"${g.hidden ? ' (trang ẩn)' : ''}`).join(', ');
  return makeFinding('warning', { unit: name, file: name, sheet: '', cell: '' }, 'file.no-report',
    `Tệp "${name}" không có trang báo cáo theo mẫu TTCCHC-1 nào (cần ô "Mã mẫu" ghi "TTCCHC-1" trong 15 dòng đầu) và không có trang Kế hoạch; các trang: ${sheets}.`);
}
