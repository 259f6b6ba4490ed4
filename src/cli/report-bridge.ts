/**
 * The narrative report (src/report) as the command line uses it. Loaded
 * lazily: the docx library is only needed when a .docx is asked for, and
 * `compile` without --docx starts faster without it.
 */
import * as path from 'path';
import { makeFinding, type Finding } from '../core/findings';
import type { SheetGrid } from '../core/grid';
import type { CompileResult, PreviousPeriod } from '../core/model';
import type { Signer } from '../report/signer';
import { readErrorFinding, readXlsxFile } from '../xlsx/read-file';
import type { OptionDecl } from './command';

/** The previous period's figures from a compiled workbook or a report; a bad file is a finding, not a stop. */
export async function previousFromFile(file: string, note: (f: Finding) => void): Promise<PreviousPeriod | undefined> {
  let grids: SheetGrid[];
  try {
    grids = await readXlsxFile(file);
  } catch (e) {
    note({ ...readErrorFinding(file, e), severity: 'warning', rule: 'previous.unreadable' });
    return undefined;
  }
  const { readPreviousPeriod } = await import('../report');
  const prev = readPreviousPeriod(grids);
  if (Object.keys(prev.byUnit).length === 0) {
    const name = path.basename(file);
    note(makeFinding('warning', { unit: name, file: name, sheet: '', cell: '' }, 'previous.empty',
      `Tệp kỳ trước "${name}" không có báo cáo TTCCHC-1 hay bảng tổng hợp nào đọc được: không so sánh với kỳ trước.`));
    return undefined;
  }
  return prev;
}

export async function buildDocxFromResult(result: CompileResult, previous?: PreviousPeriod, signer?: Signer): Promise<Uint8Array> {
  const { buildReportDocx, fromCompileResult } = await import('../report');
  return buildReportDocx(fromCompileResult(result, { ...(previous ? { previous } : {}), ...(signer ? { signer } : {}) }));
}

/** The report of a workbook the compiler wrote earlier; throws with a Vietnamese message when it has no compiled report. */
export async function buildDocxFromWorkbook(grids: SheetGrid[], previous?: PreviousPeriod, signer?: Signer): Promise<Uint8Array> {
  const { buildReportDocx, fromCompiledWorkbook } = await import('../report');
  return buildReportDocx(fromCompiledWorkbook(grids, { ...(previous ? { previous } : {}), ...(signer ? { signer } : {}) }));
}

/** The report's signer from --signer-authority, --signer-title, --signer-name (src/report/signer.ts); undefined when none is given. */
export function signerOption(value: (name: string) => string | undefined): Signer | undefined {
  const signer: Signer = { authority: value('signer-authority'), title: value('signer-title'), name: value('signer-name') };
  return signer.authority || signer.title || signer.name ? signer : undefined;
}

/** The three signer options of the compile and report commands (compile --docx and report). */
export const SIGNER_OPTIONS: OptionDecl[] = [
  {
    name: 'signer-title', value: true, valueName: '<chức vụ>',
    help: 'người ký báo cáo: "CHỦ TỊCH", "PHÓ CHỦ TỊCH" (phó ký thay: tự thêm "KT. CHỦ TỊCH"); mặc định như mẫu',
  },
  {
    name: 'signer-authority', value: true, valueName: '<dòng>',
    help: 'quyền hạn ký: "TM. ỦY BAN NHÂN DÂN", nhiều dòng cách nhau bởi " / ": "TM. UBND / KT. CHỦ TỊCH"',
  },
  { name: 'signer-name', value: true, valueName: '<họ tên>', help: 'họ và tên người ký (mặc định để trống: [Họ và tên])' },
];
