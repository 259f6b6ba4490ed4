/** `tonghop report`: the narrative report (.docx) from a compiled workbook written earlier. */
import * as path from 'path';
import type { Finding } from '../../core/findings';
import { sortForAttention } from '../../core/findings';
import { UsageError, stringOption } from '../args';
import type { CommandDecl } from '../command';
import { PREVIOUS, outputOption } from '../common-options';
import { CommandError, EXIT_OK } from '../io';
import { SIGNER_OPTIONS, buildDocxFromWorkbook, previousFromFile, signerOption } from '../report-bridge';
import { guardAndWrite, guardOutputs, protectedFiles } from '../run-outputs';
import { findingLine } from '../summary';
import { workbookGrids } from '../workbook-file';
import { requireDocxName } from './file-names';

export const report: CommandDecl = {
  name: 'report',
  usage: ['report tong-hop.xlsx -o bao-cao.docx [--previous <tệp>] [--signer-title …]'],
  summary: 'Viết báo cáo bằng lời (.docx, thể thức NĐ 30) từ sổ tổng hợp đã có.',
  description: ['Viết báo cáo bằng lời (.docx) từ sổ tổng hợp do lệnh compile hoặc nút Tổng hợp ghi; người ký chọn như lệnh compile --docx.'],
  options: [outputOption('<tệp>', 'báo cáo .docx (mặc định bao-cao.docx)'), PREVIOUS, ...SIGNER_OPTIONS],
  async run(args, io) {
    const [input, ...extra] = args.positionals;
    if (!input) throw new UsageError('Cần chỉ ra sổ tổng hợp .xlsx, ví dụ: tonghop report tong-hop.xlsx -o bao-cao.docx');
    if (extra.length) throw new UsageError(`Lệnh report chỉ nhận một sổ tổng hợp (thừa: ${extra.join(' ')}).`);
    const output = stringOption(args, 'output') ?? 'bao-cao.docx';
    requireDocxName(output, 'Báo cáo (-o)');
    const protect = protectedFiles({ previous: stringOption(args, 'previous'), inputs: [input] });
    guardOutputs([output], protect);
    const grids = await workbookGrids(input);
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
    for (const n of guardAndWrite([{ path: output, data: bytes }], protect, io.writeHooks)) io.err(n);
    for (const f of sortForAttention(notes)) io.err(findingLine(f));
    io.out(`Đã ghi báo cáo ${output}.`);
    return EXIT_OK;
  },
};
