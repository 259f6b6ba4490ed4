/**
 * One input file → the reads of its sheets. The worker threads and the main
 * thread both call this, so reading in a worker gives exactly what reading in
 * the main thread gives.
 */
import * as path from 'path';
import { makeFinding, type Finding } from '../core/findings';
import { noReportFinding } from '../core/file-findings';
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
  const noReport = noReportFinding(path.basename(file), grids, reads);
  if (noReport) findings.push(noReport);
  return { file, reads, findings };
}
