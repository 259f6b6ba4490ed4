/** `tonghop compile`: read, check and compile the units' reports into the compiled workbook (and JSON, .docx). */
import type { OutputSheet } from '../../core/sheet-model';
import { withPreviousOutliers } from '../../core/outliers';
import { toResultJson } from '../../core/json';
import { layoutOutputs } from '../../core/layout';
import { writeXlsx } from '../../xlsx/write-node';
import { flag, stringOption } from '../args';
import type { CommandDecl } from '../command';
import { JSON_OUT, PREVIOUS, READING, TTHC_FILE_OPTION, compileOptions, jsonTarget, outputOption, tthcFiles } from '../common-options';
import { compileGathered, gather } from '../gather';
import { CommandError, EXIT_OK, type Io } from '../io';
import { nothingReadMessage } from '../nothing-read';
import { SIGNER_OPTIONS, buildDocxFromResult, previousFromFile, signerOption } from '../report-bridge';
import { guardAndWrite, guardOutputs, protectedFiles, type OutputFile } from '../run-outputs';
import { compileSummary } from '../summary';
import { requireDocxName, requireXlsxName } from './file-names';

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

export const compile: CommandDecl = {
  name: 'compile',
  usage: ['compile <tệp|thư mục>... -o tong-hop.xlsx [tùy chọn]'],
  summary: 'Đọc, kiểm tra và tổng hợp báo cáo các đơn vị vào sổ tổng hợp (.xlsx; thêm JSON, .docx nếu cần).',
  description: [
    'Đọc mọi trang báo cáo đơn vị trong các tệp (thư mục: mọi sổ Excel bên trong), kiểm tra, tổng hợp theo đơn vị cấp trên và ghi sổ tổng hợp: trang tổng hợp, Phụ lục, báo cáo TTCCHC-1, trang Kiểm tra.',
    'Kỳ và năm lấy từ trang Kế hoạch khi có; --period, --year khác kỳ của Kế hoạch thì lệnh dừng và báo.',
  ],
  options: [
    ...READING,
    outputOption('<tệp>', 'sổ tổng hợp .xlsx (mặc định tong-hop.xlsx)'),
    JSON_OUT,
    { name: 'docx', value: true, valueName: '<tệp>', help: 'ghi thêm báo cáo bằng lời (.docx)' },
    PREVIOUS,
    TTHC_FILE_OPTION,
    ...SIGNER_OPTIONS,
    { name: 'quiet', alias: 'q', value: false, help: 'không in tóm tắt' },
  ],
  async run(args, io) {
    const lap = timer(io);
    const options = compileOptions(args);
    const output = stringOption(args, 'output') ?? 'tong-hop.xlsx';
    requireXlsxName(output, 'Tệp tổng hợp (-o)');
    const json = jsonTarget(args);
    const jsonFile = json && 'file' in json ? json.file : undefined;
    const docxOut = stringOption(args, 'docx');
    const previousFile = stringOption(args, 'previous');
    if (docxOut) requireDocxName(docxOut, 'Báo cáo (--docx)');
    // JSON on stdout: keep stdout for it alone.
    const say = json && 'stdout' in json ? io.err : io.out;
    const outputPaths = [output, ...(jsonFile ? [jsonFile] : []), ...(docxOut ? [docxOut] : [])];
    const plan = stringOption(args, 'plan');
    // Before reading: the plan, last period's workbook and the outputs among themselves (inputs judged after compiling).
    const g = await gather(args, io, (files) =>
      guardOutputs(outputPaths, protectedFiles({ plan, previous: previousFile, inputs: [...files, ...tthcFiles(args)], ownOutputs: null })));
    lap(`đọc ${g.filesRead} tệp (${g.workersUsed} luồng phụ)`);
    let result = compileGathered(g, options);
    lap('tổng hợp');
    const nothing = nothingReadMessage(result, g.filesRead);
    if (nothing) throw new CommandError(nothing);
    // An input may be replaced only when the core found it to hold nothing but the compiler's own earlier output.
    const protect = protectedFiles({ plan, previous: previousFile, inputs: [...g.perFile.map((f) => f.file), ...tthcFiles(args)], ownOutputs: result.ownOutputFiles });
    guardOutputs(outputPaths, protect);
    const previous = previousFile ? await previousFromFile(previousFile, (f) => result.findings.push(f)) : undefined;
    result = withPreviousOutliers(result, previous);
    // The one-stop export's reader only when an export is given (commands/index.ts: what each run loads).
    if (tthcFiles(args).length) result = { ...result, findings: [...result.findings, ...(await (await import('../tthc-command')).tthcFindings(args, result))] };

    const sheets: OutputSheet[] = layoutOutputs(result, previous ? { previous } : {});
    lap('dàn trang');
    const files: OutputFile[] = [{ path: output, data: await writeXlsx(sheets) }];
    const written: { file: string; sheets?: string[] }[] = [{ file: output, sheets: sheets.map((s) => s.name) }];
    if (json) {
      const text = JSON.stringify(toResultJson(result), null, 2);
      if (jsonFile) {
        files.push({ path: jsonFile, data: text + '\n' });
        written.push({ file: jsonFile });
      } else io.out(text);
    }
    if (docxOut) {
      files.push({ path: docxOut, data: await buildDocxFromResult(result, previous, signerOption((n) => stringOption(args, n))) });
      written.push({ file: docxOut });
    }
    // All of the run's outputs land, or none replaces the old ones.
    for (const n of guardAndWrite(files, protect, io.writeHooks)) io.err(n);
    lap('ghi tệp kết quả');
    if (!flag(args, 'quiet')) say(compileSummary({ result, filesRead: g.filesRead, sheetsRead: g.sheetsRead, written }));
    return EXIT_OK;
  },
};
