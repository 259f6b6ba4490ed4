/**
 * `tonghop feedback <tệp|thư mục>... [--plan …] [--period … --year …]
 * [--resend-by dd/mm/yyyy] -o <thư mục>`: compiles as `compile`
 * does, then writes the review letters (src/report/letters) into a folder,
 * all or none (output-files.ts), never over an input, and says what it wrote.
 */
import * as fs from 'fs';
import { returnedReasons } from '../core/approval';
import { parseDateCell } from '../core/dates';
import type { CompileResult } from '../core/model';
import { otherPeriodStop } from '../core/period-mismatch';
import { UsageError, stringOption, type ParsedArgs } from './args';
import { OutputError } from './output-files';
import { placeInFolder } from './folder-outputs';
import { guardAndWrite, protectedFiles } from './run-outputs';

export interface FeedbackIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** What the command needs from the compile (main.ts reads the inputs as `compile` does). */
export interface FeedbackInputs {
  result: CompileResult;
  /** Every file read: never written over. */
  inputs: string[];
}

function resendBy(args: ParsedArgs): string | undefined {
  const text = stringOption(args, 'resend-by');
  if (text === undefined) return undefined;
  const iso = /^\s*\d{1,2}\/\d{1,2}\/\d{4}\s*$/.test(text) ? parseDateCell(text.trim()) : null;
  if (!iso) throw new UsageError(`Hạn gửi lại (--resend-by) không hợp lệ: "${text}" (cần ngày/tháng/năm, ví dụ 30/11/2025).`);
  return iso;
}

export async function feedbackCommand(args: ParsedArgs, io: FeedbackIo, compile: (args: ParsedArgs) => Promise<FeedbackInputs>): Promise<number> {
  const folder = stringOption(args, 'output');
  if (!folder) throw new UsageError('Cần -o <thư mục> để ghi các văn bản phản hồi, ví dụ: -o phan-hoi');
  if (fs.existsSync(folder) && !fs.statSync(folder).isDirectory()) throw new UsageError(`-o phải là một thư mục: "${folder}" là một tệp.`);
  const resend = resendBy(args);
  const { result, inputs } = await compile(args);
  const wrongPeriod = otherPeriodStop(result);
  if (wrongPeriod) {
    io.err(wrongPeriod);
    return 1;
  }
  if (result.summaries.length === 0) {
    io.err('Không có báo cáo nào được tổng hợp: không có gì để phản hồi. Kiểm tra lại kỳ, năm và các tệp đầu vào (tonghop check).');
    return 1;
  }
  const { buildLetters } = await import('../report/letters');
  // Reports returned (Trả lại) in the compiling workbook's approval record: the reason goes into the unit's letter.
  const letters = await buildLetters(result, { resendBy: resend, returned: returnedReasons(result.approvals ?? []) });
  if (letters.length === 0) {
    io.out('Mọi đơn vị đã nộp đúng hạn và không có lỗi, cảnh báo: không có văn bản nào cần gửi.');
    return 0;
  }
  // Never over a file this command did not write (folder-outputs.ts): beside it, and said.
  const placed = placeInFolder(folder, 'feedback', letters.map((l) => ({ name: l.name, data: l.bytes })));
  try {
    // The letters never replace an input or the plan (the one list of protected files: run-outputs.ts).
    for (const n of guardAndWrite(placed.outputs, protectedFiles({ plan: stringOption(args, 'plan'), inputs }))) io.out(n);
  } catch (e) {
    if (e instanceof OutputError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
  for (const n of placed.notes) io.out(n);
  const feedback = letters.filter((l) => l.name.startsWith('Phan-hoi'));
  io.out(`Đã ghi ${letters.length} văn bản vào thư mục "${folder}":`);
  for (const name of placed.names) io.out(`  ${name}`);
  io.out(`(${feedback.length} văn bản phản hồi${letters.length > feedback.length ? ', 1 công văn đôn đốc' : ''})`);
  return 0;
}
