/**
 * Options several commands share, declared once, and the one place where
 * `--period`, `--year` and `--workers` are read from the command line.
 */
import type { CompileOptions } from '../core/model';
import { parsePeriod, parseYear } from '../core/reader';
import { PERIODS, type Period } from '../core/template';
import { UsageError, flag, stringOption, type ParsedArgs } from './args';
import type { OptionDecl } from './command';

const PERIOD_LIST = PERIODS.map((p) => `"${p}"`).join(', ');

export const PLAN: OptionDecl = {
  name: 'plan', value: true, valueName: '<tệp>',
  help: 'tệp Kế hoạch (trang "Kế hoạch": nhiệm vụ, danh sách đơn vị, hạn nộp); có thể nằm sẵn trong các tệp đọc vào',
};
export const PERIOD: OptionDecl = { name: 'period', value: true, valueName: '<kỳ>', help: `kỳ báo cáo: ${PERIOD_LIST}` };
export const YEAR: OptionDecl = { name: 'year', value: true, valueName: '<năm>', help: 'năm báo cáo, ví dụ 2026' };
export const WORKERS: OptionDecl = {
  name: 'workers', value: true, valueName: '<n>',
  help: 'số luồng đọc tệp phụ (mặc định: số nhân máy trừ hai, khi có nhiều tệp; 0: chỉ đọc trong luồng chính)',
};
export const APPROVED_ONLY: OptionDecl = {
  name: 'approved-only', value: false,
  help: 'chỉ tổng hợp báo cáo đã duyệt (theo trang "Phê duyệt" của sổ tổng hợp có trong các tệp đọc vào); báo cáo khác được nêu tên, không được tính',
};
/** `--tthc <tệp>` of `compile` and `template --plan` (may be given more than once; read by tthc-command.ts). */
export const TTHC_FILE_OPTION: OptionDecl = {
  name: 'tthc', value: true, repeat: true, valueName: '<tệp>',
  help: 'biểu xuất từ Hệ thống một cửa (.xlsx, .xls; có thể nhiều lần): so sánh, hoặc điền sẵn, số liệu hồ sơ D1–D10',
};

/** The `--tthc` files given (also protected from being written over by the run's outputs). */
export function tthcFiles(args: ParsedArgs): string[] {
  const v = args.options.tthc;
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export const PREVIOUS: OptionDecl = { name: 'previous', value: true, valueName: '<tệp>', help: 'sổ tổng hợp hoặc báo cáo kỳ trước, để so sánh' };
/**
 * `--json <tệp>` writes the result there; `--json -` or a bare `--json`
 * (last, or before another option) prints it on stdout, the other messages
 * then going to stderr. The same in every command that has it.
 */
export const JSON_OUT: OptionDecl = {
  name: 'json', value: true, valueName: '[<tệp.json>|-]', optional: { absent: '-', takes: /^(-|[^-].*)$/s },
  help: 'ghi thêm kết quả dạng JSON vào tệp; "-" hoặc không kèm tệp: in JSON ra màn hình (các thông báo khác sang stderr)',
};

/** `-o, --output`, with what it is and its default. */
export function outputOption(valueName: string, help: string): OptionDecl {
  return { name: 'output', alias: 'o', value: true, valueName, help };
}

/** The options of a command that reads and compiles unit reports (compile, check, feedback). */
export const READING: OptionDecl[] = [PLAN, PERIOD, YEAR, APPROVED_ONLY, WORKERS];

/** `--period`, or undefined when not given; an unknown period is a usage mistake. */
export function periodOption(args: ParsedArgs): Period | undefined {
  const p = stringOption(args, 'period');
  if (p === undefined) return undefined;
  const period = parsePeriod(p);
  if (!period) throw new UsageError(`Kỳ báo cáo không hợp lệ: "${p}". Chọn một trong: ${PERIODS.join(', ')}.`);
  return period;
}

/** `--year`, or undefined when not given; a year the reader would not take is a usage mistake. */
export function yearOption(args: ParsedArgs): number | undefined {
  const y = stringOption(args, 'year');
  if (y === undefined) return undefined;
  const year = parseYear(y);
  if (!year) throw new UsageError(`Năm không hợp lệ: "${y}" (cần bốn chữ số, ví dụ 2026).`);
  return year;
}

/** `--workers`, or undefined for the read pool's default. */
export function workersOption(args: ParsedArgs): number | undefined {
  const w = stringOption(args, 'workers');
  if (w === undefined) return undefined;
  const n = Number(w);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(`Số luồng không hợp lệ: "${w}" (0 đến 64).`);
  return n;
}

/** What the core's compile is told by the command line. */
export function compileOptions(args: ParsedArgs): CompileOptions {
  const opts: CompileOptions = {};
  const period = periodOption(args);
  if (period) opts.period = period;
  const year = yearOption(args);
  if (year) opts.year = year;
  if (flag(args, 'approved-only')) opts.approvedOnly = true;
  return opts;
}

/** Where `--json` goes: 'stdout', a file, or nowhere. */
export function jsonTarget(args: ParsedArgs): { stdout: true } | { file: string } | undefined {
  const j = stringOption(args, 'json');
  if (j === undefined) return undefined;
  return j === '-' ? { stdout: true } : { file: j };
}
