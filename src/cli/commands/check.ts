/** `tonghop check`: the findings only, unit by unit, errors first; nothing else is written. */
import { toResultJson } from '../../core/json';
import { UsageError, stringOption } from '../args';
import type { CommandDecl } from '../command';
import { JSON_OUT, READING, jsonTarget } from '../common-options';
import { gatherAndCompile } from '../gather';
import { EXIT_OK } from '../io';
import { guardAndWrite, guardOutputs, protectedFiles } from '../run-outputs';
import { checkReport } from '../summary';

export const check: CommandDecl = {
  name: 'check',
  usage: ['check <tệp|thư mục>... [--plan <tệp>] [--period <kỳ>] [--year <năm>] [--json [<tệp.json>|-]]'],
  summary: 'Chỉ kiểm tra: in các lỗi, cảnh báo theo từng đơn vị (lỗi trước), không ghi sổ tổng hợp.',
  description: [
    'Đọc và kiểm tra như lệnh compile, rồi in các lỗi, cảnh báo theo từng đơn vị (lỗi trước), kèm tệp, trang và ô.',
    'Kỳ và năm lấy từ trang Kế hoạch khi có; --period, --year khác kỳ của Kế hoạch thì lệnh dừng và báo.',
  ],
  options: [...READING, JSON_OUT],
  async run(args, io) {
    const json = jsonTarget(args);
    const jsonFile = json && 'file' in json ? json.file : undefined;
    const plan = stringOption(args, 'plan');
    // `check --json a.xlsx b.xlsx` once read a.xlsx as an input; a JSON file must be named .json, so it is never written over.
    if (jsonFile && !/\.json$/i.test(jsonFile)) {
      throw new UsageError(`Lệnh check ghi JSON vào tệp .json, hoặc in ra màn hình với --json -: "${jsonFile}" không phải tệp .json.`);
    }
    if (jsonFile) guardOutputs([jsonFile], protectedFiles({ plan }));
    const { g, result } = await gatherAndCompile(args, io);
    if (!json) io.out(checkReport(result, g.filesRead));
    else {
      const text = JSON.stringify(toResultJson(result), null, 2);
      if (!jsonFile) io.out(text);
      else {
        guardAndWrite([{ path: jsonFile, data: text + '\n' }], protectedFiles({ plan, inputs: g.perFile.map((f) => f.file) }), io.writeHooks);
        io.out(checkReport(result, g.filesRead));
        io.out(`Đã ghi kết quả JSON vào ${jsonFile}.`);
      }
    }
    return EXIT_OK;
  },
};
