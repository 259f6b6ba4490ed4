/**
 * Reading the inputs of a command that compiles (compile, check, feedback):
 * the plan file first, every workbook (worker threads for many files), then
 * the core's compile with the command line's options.
 */
import * as path from 'path';
import type { Finding } from '../core/findings';
import type { CompileOptions, CompileResult, SheetRead } from '../core/model';
import { compileReads } from '../core/compile';
import { makeFinding } from '../core/findings';
import { periodTitle } from '../core/period-words';
import { expandInputs } from '../xlsx/read-file';
import { UsageError, stringOption, type ParsedArgs } from './args';
import { compileOptions, workersOption } from './common-options';
import { CommandError, type Io } from './io';
import { nothingReadMessage } from './nothing-read';
import { progressBar } from './progress';
import { readFiles } from './read-pool';
import { addRecordedFingerprints } from './read-one';
import { findingLine } from './summary';

export interface Gathered {
  reads: SheetRead[];
  /** Problems with inputs and whole files. */
  fileFindings: Finding[];
  filesRead: number;
  sheetsRead: number;
  /** Worker threads that read (0: the main thread alone). */
  workersUsed: number;
  /** Each file read (its path as expanded) with its sheets' reads and its own problems. */
  perFile: { file: string; reads: SheetRead[]; findings: Finding[] }[];
}

function requireInputs(args: ParsedArgs): string[] {
  if (args.positionals.length === 0) throw new UsageError('Chưa chỉ ra tệp hoặc thư mục báo cáo nào cần đọc.');
  return args.positionals;
}

/** Expands the inputs (the plan file first), reads every file (worker threads for many files). */
export async function gather(args: ParsedArgs, io: Io, beforeRead?: (files: string[]) => void): Promise<Gathered> {
  const plan = stringOption(args, 'plan');
  const inputs = [...(plan ? [plan] : []), ...requireInputs(args)];
  const { files, findings } = await expandInputs(inputs);
  beforeRead?.(files);
  if (files.length === 0) {
    for (const f of findings) io.err(findingLine(f));
    throw new CommandError('Không có sổ Excel nào để đọc. Hãy chỉ ra tệp báo cáo hoặc thư mục chứa các tệp .xlsx (hoặc .xls, .xlsb, .ods…).');
  }
  const bar = progressBar('Đang đọc', io.progressStream === undefined ? process.stderr : io.progressStream);
  const read = await readFiles(files, { workers: workersOption(args), onProgress: (d, t) => bar.update(d, t) });
  bar.done();
  await addRecordedFingerprints(read.files);
  // The plan file, when it was found, is read first; say so when it holds no plan sheet.
  const planRead = plan !== undefined && path.resolve(files[0]) === path.resolve(plan) ? read.files[0] : undefined;
  if (plan !== undefined && planRead && !planRead.reads.some((r) => r.kind === 'plan') && planRead.findings.length === 0) {
    const name = path.basename(plan);
    findings.push(makeFinding('warning', { unit: name, file: name, sheet: '', cell: '' }, 'plan.not-found',
      `Tệp "${name}" không có trang "Kế hoạch" (tiêu đề "Đơn vị tổng hợp", bảng "Nhiệm vụ", "Đơn vị").`));
  }
  return {
    reads: read.reads,
    fileFindings: [...findings, ...read.findings],
    filesRead: files.length,
    sheetsRead: read.reads.length,
    workersUsed: read.workersUsed,
    perFile: read.files,
  };
}

/**
 * The core's compile of what was read, with --period, --year, --approved-only
 * (common-options.ts compileOptions, read before anything else).
 * The plan's period wins in the core (compile.ts, rule `compile.period-options`);
 * a period or year typed on the command line is never dropped silently: the
 * command stops and says which to change.
 */
export function compileGathered(g: Gathered, options: CompileOptions): CompileResult {
  const result = compileReads(g.reads, options, g.fileFindings);
  const overridden = result.findings.find((f) => f.rule === 'compile.period-options');
  if (overridden) {
    const planPeriod = periodTitle(result.plan?.period ?? result.period, result.plan?.year ?? result.year);
    const typed = periodTitle(options.period ?? result.plan?.period ?? null, options.year ?? result.plan?.year ?? null);
    const where = overridden.file ? ` trong tệp "${overridden.file}"` : '';
    throw new CommandError(`Kỳ chọn khi chạy lệnh (${typed}) khác kỳ của trang Kế hoạch${where} (${planPeriod}): lệnh dừng, không ghi tệp nào. `
      + 'Bỏ --period và --year để dùng kỳ của Kế hoạch, hoặc chỉ ra Kế hoạch của kỳ cần tổng hợp.');
  }
  return result;
}

/** Reads and compiles; stops (exit 1) when nothing at all was read. */
export async function gatherAndCompile(args: ParsedArgs, io: Io): Promise<{ g: Gathered; result: CompileResult }> {
  // The options first: a mistyped period is a usage mistake before anything is read.
  const options = compileOptions(args);
  const g = await gather(args, io);
  const result = compileGathered(g, options);
  const nothing = nothingReadMessage(result, g.filesRead);
  if (nothing) throw new CommandError(nothing);
  return { g, result };
}
