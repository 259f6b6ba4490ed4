/**
 * `tonghop`: the command line. Every message is Vietnamese; a problem the
 * user can fix is a message and an exit code, never a stack trace.
 *
 * Exit codes: 0 it ran (findings in the units' sheets do not change that),
 * 1 it could not run (no input file at all, an output that cannot be
 * written), 2 a usage mistake (unknown option, missing value).
 */
import * as path from 'path';
import type { Finding } from '../core/findings';
import type { CompileOptions, CompileResult, Plan, SheetRead } from '../core/model';
import type { OutputSheet } from '../core/sheet-model';
import { compileReads } from '../core/compile';
import { withPreviousOutliers } from '../core/outliers';
import { toResultJson } from '../core/json';
import { layoutOutputs, layoutTemplate } from '../core/layout';
import { parseLevel, parsePeriod, parseYear } from '../core/reader';
import { PERIODS, LEVEL_CHOICES, LEVEL_NAMES, needsParent, type Period } from '../core/template';
import { writeXlsx } from '../xlsx/write-node';
import { expandInputs, readXlsxFile, readErrorFinding } from '../xlsx/read-file';
import { ParsedArgs, UsageError, flag, parseArgs, stringOption, type OptionSpec } from './args';
import { progressBar } from './progress';
import { readFiles } from './read-pool';
import { makeFinding, sortForAttention } from '../core/findings';
import { checkReport, compileSummary, findingLine } from './summary';
import { nothingReadMessage } from './nothing-read';
import { versionText } from './version';
import { SIGNER_HELP, SIGNER_OPTIONS, buildDocxFromResult, buildDocxFromWorkbook, previousFromFile, signerOption } from './report-bridge';
import { FEEDBACK_HELP, FEEDBACK_OPTIONS, feedbackCommand } from './feedback-command';
import { OutputError } from './output-files';
import { guardAndWrite, guardOutputs, protectedFiles, type OutputFile, type WriteHooks } from './run-outputs';
import { terminalSafe, wrapText, wrapWidth } from './terminal-text';
import { PLAN_HELP, PLAN_OPTIONS, planCommand, templatesCommand } from './plan-command';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Where the command writes; tests pass their own to capture output. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Progress bar target (stderr); null for none. */
  progressStream?: NodeJS.WriteStream | null;
  /** Columns to wrap stdout / stderr lines to (terminal-text.ts wrapWidth); absent or null: not wrapped. */
  outWidth?: number | null;
  errWidth?: number | null;
  /** TEST ONLY (test/cli/output-safety.test.ts): a failure simulated between writing and renaming the outputs. */
  writeHooks?: WriteHooks;
}

/** Every printed line made terminal-safe (unit text may hold `ESC[2K`…): done once here, so no producer has to remember. */
function safeIo(io: Io): Io {
  return {
    ...io,
    out: (s) => io.out(wrapText(terminalSafe(s), io.outWidth ?? null)),
    err: (s) => io.err(wrapText(terminalSafe(s), io.errWidth ?? null)),
  };
}

/** `tonghop check … | head`: a closed pipe ends the output quietly, not with a stack trace. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') === 0) {
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw e;
      });
    }
  }
}

const defaultIo = (): Io => ({
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  progressStream: process.stderr,
  outWidth: wrapWidth(process.stdout),
  errWidth: wrapWidth(process.stderr),
});

/** A failure the user can act on: printed as is, exit 1. */
class CommandError extends Error {}

const HELP = `tonghop — Tổng hợp báo cáo công tác tuyên truyền cải cách hành chính (mẫu TTCCHC-1)

Cách dùng:
  tonghop compile <tệp|thư mục>... -o tong-hop.xlsx [tùy chọn]
      Đọc mọi trang báo cáo đơn vị trong các tệp .xlsx (thư mục: mọi tệp .xlsx
      bên trong), kiểm tra, tổng hợp theo đơn vị cấp trên và ghi sổ tổng hợp.
        --plan <tệp>         tệp Kế hoạch (trang "Kế hoạch": nhiệm vụ, danh sách
                             đơn vị, hạn nộp); có thể nằm sẵn trong các tệp đọc vào
        --period <kỳ>        kỳ báo cáo: ${PERIODS.map((p) => `"${p}"`).join(', ')}
        --year <năm>         năm báo cáo, ví dụ 2024
        -o, --output <tệp>   sổ tổng hợp .xlsx (mặc định tong-hop.xlsx)
        --json <tệp>         ghi thêm kết quả dạng JSON ("-": in ra màn hình)
        --docx <tệp>         ghi thêm báo cáo bằng lời (.docx)
        --previous <tệp>     sổ tổng hợp hoặc báo cáo kỳ trước, để so sánh
${SIGNER_HELP}
        --workers <n>        số luồng đọc tệp (mặc định: số nhân máy đang rảnh; 0: chỉ đọc trong luồng chính)
        --approved-only      chỉ tổng hợp báo cáo đã duyệt (theo trang "Phê duyệt" của sổ tổng hợp
                             có trong các tệp đọc vào); báo cáo khác được nêu tên, không được tính

  tonghop check <tệp|thư mục>... [--plan <tệp>] [--period <kỳ>] [--year <năm>] [--approved-only] [--json]
      Chỉ kiểm tra: in các lỗi, cảnh báo theo từng đơn vị (lỗi trước).
      --json in kết quả dạng JSON.

  tonghop template --unit "UBND xã Hương Lộc" --level Xã --parent "UBND huyện Nam Đông"
                   --period "Năm" --year 2024 [--code X001] [--plan <tệp>] -o mau.xlsx
      Tạo trang mẫu TTCCHC-1 trống cho một đơn vị (cấp: ${LEVEL_NAMES.join(' | ')}).

${PLAN_HELP}

  tonghop report tong-hop.xlsx -o bao-cao.docx [--previous <tệp>] [--signer-title …]
      Viết báo cáo bằng lời (.docx) từ sổ tổng hợp đã có; người ký như lệnh compile.

${FEEDBACK_HELP}

  tonghop --help        hiện hướng dẫn này
  tonghop --version     hiện số phiên bản

Mã thoát: 0 đã chạy xong (kể cả khi báo cáo đơn vị có lỗi), 1 không chạy được
(không có tệp đầu vào, không ghi được tệp kết quả), 2 sai cú pháp lệnh.`;

const COMMON: OptionSpec[] = [
  { name: 'plan', value: true },
  { name: 'period', value: true },
  { name: 'year', value: true },
  { name: 'workers', value: true },
  { name: 'help', alias: 'h', value: false },
  { name: 'approved-only', value: false },
];

const SPECS: Record<string, OptionSpec[]> = {
  compile: [
    ...COMMON,
    { name: 'output', alias: 'o', value: true },
    { name: 'json', value: true },
    { name: 'docx', value: true },
    { name: 'previous', value: true },
    { name: 'quiet', alias: 'q', value: false },
    ...SIGNER_OPTIONS,
  ],
  check: [...COMMON, { name: 'json', value: false }],
  template: [
    { name: 'unit', value: true },
    { name: 'level', value: true },
    { name: 'parent', value: true },
    { name: 'period', value: true },
    { name: 'year', value: true },
    { name: 'code', value: true },
    { name: 'plan', value: true },
    { name: 'output', alias: 'o', value: true },
    { name: 'help', alias: 'h', value: false },
  ],
  feedback: [...COMMON, ...FEEDBACK_OPTIONS],
  plan: PLAN_OPTIONS,
  report: [
    { name: 'output', alias: 'o', value: true },
    { name: 'previous', value: true },
    { name: 'help', alias: 'h', value: false },
    ...SIGNER_OPTIONS,
  ],
};

export async function main(argv: string[], io?: Io): Promise<number> {
  if (!io) {
    quietOnClosedPipe();
    io = defaultIo();
  }
  io = safeIo(io);
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(HELP);
      return command ? EXIT_OK : EXIT_USAGE;
    }
    if (command === '--version' || command === '-V') return (io.out(versionText()), EXIT_OK);
    const specs = SPECS[command];
    if (!specs) throw new UsageError(`Lệnh không hợp lệ: "${command}". Các lệnh: compile, check, plan, template, report, feedback.`);
    const args = parseArgs(rest, specs);
    if (flag(args, 'help')) {
      io.out(HELP);
      return EXIT_OK;
    }
    switch (command) {
      case 'compile': return await compileCommand(args, io);
      case 'check': return await checkCommand(args, io);
      case 'template': return await templateCommand(args, io);
      case 'plan': return await planCommand(args, io);
      case 'report': return await reportCommand(args, io);
      case 'feedback': return await feedbackCommand(args, io, async (a) => {
        const g = await gather(a, io);
        return { result: compileReads(g.reads, compileOptions(a), g.fileFindings), inputs: g.perFile.map((f) => f.file) };
      });
    }
    return EXIT_USAGE;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Lỗi cú pháp: ${e.message}`);
      io.err('Xem hướng dẫn: tonghop --help');
      return EXIT_USAGE;
    }
    if (e instanceof CommandError || e instanceof OutputError) {
      io.err(e.message);
      return EXIT_FAILED;
    }
    io.err(`Lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_FAILED;
  }
}

// ---------------------------------------------------------------- options

function compileOptions(args: ParsedArgs): CompileOptions {
  const opts: CompileOptions = {};
  const p = stringOption(args, 'period');
  if (p !== undefined) {
    const period = parsePeriod(p);
    if (!period) throw new UsageError(`Kỳ báo cáo không hợp lệ: "${p}". Chọn một trong: ${PERIODS.join(', ')}.`);
    opts.period = period;
  }
  const y = stringOption(args, 'year');
  if (y !== undefined) opts.year = yearOption(y);
  if (flag(args, 'approved-only')) opts.approvedOnly = true;
  return opts;
}

function yearOption(y: string): number {
  const year = parseYear(y);
  if (!year) throw new UsageError(`Năm không hợp lệ: "${y}" (cần bốn chữ số, ví dụ 2024).`);
  return year;
}

function workersOption(args: ParsedArgs): number | undefined {
  const w = stringOption(args, 'workers');
  if (w === undefined) return undefined;
  const n = Number(w);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(`Số luồng không hợp lệ: "${w}" (0 đến 64).`);
  return n;
}

function requireInputs(args: ParsedArgs): string[] {
  if (args.positionals.length === 0) throw new UsageError('Chưa chỉ ra tệp hoặc thư mục báo cáo nào cần đọc.');
  return args.positionals;
}

// ---------------------------------------------------------------- reading

interface Gathered {
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

/** Expands the inputs (the plan file first), reads every file (worker threads for many files). */
async function gather(args: ParsedArgs, io: Io, beforeRead?: (files: string[]) => void): Promise<Gathered> {
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

// ---------------------------------------------------------------- writing

function requireXlsxName(file: string, what: string): void {
  if (!/\.xlsx$/i.test(file)) throw new UsageError(`${what} phải là tệp .xlsx: "${file}".`);
}

// ---------------------------------------------------------------- commands

/** `TONGHOP_TIMING=1`: each phase's time on stderr (for the benchmark). */
function timer(io: Io): (label: string) => void {
  if (!process.env.TONGHOP_TIMING) return () => undefined;
  let last = process.hrtime.bigint();
  return (label) => {
    const now = process.hrtime.bigint();
    io.err(`[thời gian] ${label}: ${(Number(now - last) / 1e6).toFixed(0)} ms`);
    last = now;
  };
}

async function compileCommand(args: ParsedArgs, io: Io): Promise<number> {
  const lap = timer(io);
  const options = compileOptions(args);
  const output = stringOption(args, 'output') ?? 'tong-hop.xlsx';
  requireXlsxName(output, 'Tệp tổng hợp (-o)');
  const jsonOut = stringOption(args, 'json');
  const docxOut = stringOption(args, 'docx');
  const previousFile = stringOption(args, 'previous');
  if (docxOut && !/\.docx$/i.test(docxOut)) throw new UsageError(`Báo cáo (--docx) phải là tệp .docx: "${docxOut}".`);
  // JSON on stdout: keep stdout for it alone.
  const say = jsonOut === '-' ? io.err : io.out;
  const outputPaths = [output, ...(jsonOut && jsonOut !== '-' ? [jsonOut] : []), ...(docxOut ? [docxOut] : [])];
  const plan = stringOption(args, 'plan');
  // Before reading: the plan, last period's workbook and the outputs among themselves (inputs judged after compiling).
  const g = await gather(args, io, (files) =>
    guardOutputs(outputPaths, protectedFiles({ plan, previous: previousFile, inputs: files, ownOutputs: null })));
  lap(`đọc ${g.filesRead} tệp (${g.workersUsed} luồng phụ)`);
  let result = compileReads(g.reads, options, g.fileFindings);
  lap('tổng hợp');
  const nothing = nothingReadMessage(result, g.filesRead);
  if (nothing) return (io.err(nothing), EXIT_FAILED);
  // An input may be replaced only when the core found it to hold nothing but the compiler's own earlier output.
  const protect = protectedFiles({ plan, previous: previousFile, inputs: g.perFile.map((f) => f.file), ownOutputs: result.ownOutputFiles });
  guardOutputs(outputPaths, protect);
  const previous = previousFile ? await previousFromFile(previousFile, (f) => result.findings.push(f)) : undefined;
  result = withPreviousOutliers(result, previous);

  const sheets: OutputSheet[] = layoutOutputs(result, previous ? { previous } : {});
  lap('dàn trang');
  const files: OutputFile[] = [{ path: output, data: await writeXlsx(sheets) }];
  const written: { file: string; sheets?: string[] }[] = [{ file: output, sheets: sheets.map((s) => s.name) }];
  if (jsonOut) {
    const json = JSON.stringify(toResultJson(result), null, 2);
    if (jsonOut === '-') io.out(json);
    else {
      files.push({ path: jsonOut, data: json + '\n' });
      written.push({ file: jsonOut });
    }
  }
  if (docxOut) {
    files.push({ path: docxOut, data: await buildDocxFromResult(result, previous, signerOption((n) => stringOption(args, n))) });
    written.push({ file: docxOut });
  }
  // All of the run's outputs land, or none replaces the old ones.
  guardAndWrite(files, protect, io.writeHooks);
  lap('ghi tệp kết quả');
  if (!flag(args, 'quiet')) say(compileSummary({ result, filesRead: g.filesRead, sheetsRead: g.sheetsRead, written }));
  return EXIT_OK;
}

async function checkCommand(args: ParsedArgs, io: Io): Promise<number> {
  const options = compileOptions(args);
  const g = await gather(args, io);
  const result = compileReads(g.reads, options, g.fileFindings);
  const nothing = nothingReadMessage(result, g.filesRead);
  if (nothing) return (io.err(nothing), EXIT_FAILED);
  if (flag(args, 'json')) io.out(JSON.stringify(toResultJson(result), null, 2));
  else io.out(checkReport(result, g.filesRead));
  return EXIT_OK;
}

/** The plan sheet of a file, for `template --plan`. */
async function planFromFile(file: string): Promise<Plan> {
  const { readSheet } = await import('../core/reader');
  let grids;
  try {
    grids = await readXlsxFile(file);
  } catch (e) {
    throw new CommandError(readErrorFinding(file, e).message);
  }
  for (const g of grids) {
    const r = readSheet(g);
    if (r.kind === 'plan') return r.plan;
  }
  throw new CommandError(`Tệp "${path.basename(file)}" không có trang "Kế hoạch".`);
}

async function templateCommand(args: ParsedArgs, io: Io): Promise<number> {
  const unit = stringOption(args, 'unit')?.trim();
  if (!unit && stringOption(args, 'plan')) return templatesCommand(args, io);
  if (!unit) throw new UsageError('Cần --unit "tên đơn vị", ví dụ --unit "UBND xã Hương Lộc".');
  const levelText = stringOption(args, 'level');
  if (!levelText) throw new UsageError(`Cần --level (một trong: ${LEVEL_CHOICES}).`);
  const level = parseLevel(levelText);
  if (!level) throw new UsageError(`Cấp không hợp lệ: "${levelText}". Chọn một trong: ${LEVEL_CHOICES}.`);
  const parent = stringOption(args, 'parent')?.trim();
  if (!parent && needsParent(level)) throw new UsageError('Cần --parent "đơn vị cấp trên", ví dụ --parent "UBND huyện Nam Đông".');
  const periodText = stringOption(args, 'period');
  let period: Period | null = null;
  if (periodText !== undefined) {
    period = parsePeriod(periodText);
    if (!period) throw new UsageError(`Kỳ báo cáo không hợp lệ: "${periodText}". Chọn một trong: ${PERIODS.join(', ')}.`);
  }
  const yearText = stringOption(args, 'year');
  const year = yearText !== undefined ? yearOption(yearText) : null;
  const output = stringOption(args, 'output') ?? 'mau-bao-cao.xlsx';
  requireXlsxName(output, 'Tệp mẫu (-o)');
  const planFile = stringOption(args, 'plan');
  const protect = protectedFiles({ plan: planFile });
  guardOutputs([output], protect);
  const plan = planFile ? await planFromFile(planFile) : undefined;

  const sheet = layoutTemplate({
    unit, unitCode: stringOption(args, 'code')?.trim() || undefined, level, parent, period, year, plan,
  });
  guardAndWrite([{ path: output, data: await writeXlsx([sheet]) }], protect, io.writeHooks);
  io.out(`Đã ghi mẫu báo cáo TTCCHC-1 của ${unit} vào ${output} (trang "${sheet.name}"${plan ? `, ${plan.tasks.length} nhiệm vụ theo Kế hoạch` : ''}).`);
  return EXIT_OK;
}

async function reportCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [input, ...extra] = args.positionals;
  if (!input) throw new UsageError('Cần chỉ ra sổ tổng hợp .xlsx, ví dụ: tonghop report tong-hop.xlsx -o bao-cao.docx');
  if (extra.length) throw new UsageError(`Lệnh report chỉ nhận một sổ tổng hợp (thừa: ${extra.join(' ')}).`);
  const output = stringOption(args, 'output') ?? 'bao-cao.docx';
  if (!/\.docx$/i.test(output)) throw new UsageError(`Báo cáo (-o) phải là tệp .docx: "${output}".`);
  const protect = protectedFiles({ previous: stringOption(args, 'previous'), inputs: [input] });
  guardOutputs([output], protect);
  let grids;
  try {
    grids = await readXlsxFile(input);
  } catch (e) {
    throw new CommandError(readErrorFinding(input, e).message);
  }
  const notes: Finding[] = [];
  const previousFile = stringOption(args, 'previous');
  const previous = previousFile ? await previousFromFile(previousFile, (f) => notes.push(f)) : undefined;
  let bytes: Uint8Array;
  try {
    bytes = await buildDocxFromWorkbook(grids, previous, signerOption((n) => stringOption(args, n)));
  } catch (e) {
    // The report module's message already says what is missing (no compiled `BC …` sheet).
    throw new CommandError(`Tệp "${path.basename(input)}": ${e instanceof Error ? e.message : String(e)}`);
  }
  guardAndWrite([{ path: output, data: bytes }], protect, io.writeHooks);
  for (const f of sortForAttention(notes)) io.err(findingLine(f));
  io.out(`Đã ghi báo cáo ${output}.`);
  return EXIT_OK;
}

export type { CompileResult };
