/**
 * One input file → the reads of its sheets. The worker threads and the main
 * thread both call this, so reading in a worker gives exactly what reading in
 * the main thread gives.
 */
import * as path from 'path';
import { makeFinding, type Finding } from '../core/findings';
import { noReportFinding } from '../core/file-findings';
import type { SheetRead } from '../core/model';
import { readSheetUnprinted } from '../core/reader';
import { sheetFingerprint, sheetOfRecord } from '../core/approval';
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
      // Fingerprints only where a record asks for one: addRecordedFingerprints, once every file is read.
      reads.push(readSheetUnprinted(g));
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

/**
 * The fingerprint (core/approval.ts) of each report whose sheet an approval
 * record names, read again from its file: reading leaves fingerprints out,
 * and records are few (the compiling workbook's `Phê duyệt` sheet), so
 * usually no file is read twice. Which records the compile believes is its
 * own decision (believedApprovals); every sheet any record names is given
 * its fingerprint. Set in place.
 */
export async function addRecordedFingerprints(files: readonly FileReads[]): Promise<void> {
  const records = files.flatMap((f) => f.reads.flatMap((r) => (r.kind === 'skipped' && r.approvals ? r.approvals : [])));
  if (!records.length) return;
  for (const f of files) {
    const named = f.reads.filter((r): r is Extract<SheetRead, { kind: 'report' }> =>
      r.kind === 'report' && records.some((rec) => sheetOfRecord([r.report.source], rec) !== undefined));
    if (!named.length) continue;
    const { grids } = await readXlsxFileSafely(f.file);
    for (const r of named) {
      const grid = grids.find((g) => g.sheet === r.report.source.sheet);
      if (grid) r.fingerprint = sheetFingerprint(grid);
    }
  }
}
