/**
 * `tonghop template`: a blank TTCCHC-1 sheet for one unit (--unit …), or,
 * with --plan and no --unit, one template per unit of the plan's roster
 * (plan-command.ts templatesCommand).
 */
import { layoutTemplate } from '../../core/layout';
import { parseLevel } from '../../core/reader';
import { LEVEL_CHOICES, LEVEL_NAMES, needsParent } from '../../core/template';
import { writeXlsx } from '../../xlsx/write-node';
import { UsageError, stringOption } from '../args';
import type { CommandDecl } from '../command';
import { PERIOD, TTHC_FILE_OPTION, YEAR, outputOption, periodOption, yearOption } from '../common-options';
import { EXIT_OK } from '../io';
import { guardAndWrite, guardOutputs, protectedFiles } from '../run-outputs';
import { readPlanFile } from '../workbook-file';
import { requireXlsxName } from './file-names';

export const template: CommandDecl = {
  name: 'template',
  usage: [
    'template --unit "UBND xã Hương Lộc" --level Xã --parent "UBND huyện Nam Đông" --period "Năm" --year 2024 [--code X001] [--plan <tệp>] -o mau.xlsx',
    'template --plan ke-hoach.xlsx -o <thư mục>',
  ],
  summary: 'Tạo mẫu báo cáo TTCCHC-1 trống cho một đơn vị, hoặc cho mọi đơn vị trong danh sách của Kế hoạch.',
  description: [
    `Với --unit: tạo trang mẫu TTCCHC-1 trống cho một đơn vị (cấp: ${LEVEL_NAMES.join(' | ')}); với --plan, phụ lục nhiệm vụ lấy từ Kế hoạch.`,
    'Với --plan và không có --unit: tạo mỗi đơn vị trong danh sách của Kế hoạch một tệp mẫu "<Mã đơn vị> <tên>.xlsx" trong thư mục -o, điền sẵn đơn vị, mã, cấp, đơn vị cấp trên, kỳ, năm và nhiệm vụ.',
  ],
  options: [
    { name: 'unit', value: true, valueName: '<tên>', help: 'tên đơn vị báo cáo' },
    { name: 'level', value: true, valueName: '<cấp>', help: `cấp của đơn vị: ${LEVEL_CHOICES}` },
    { name: 'parent', value: true, valueName: '<tên>', help: 'đơn vị cấp trên (không cần với cấp Tỉnh)' },
    PERIOD,
    YEAR,
    { name: 'code', value: true, valueName: '<mã>', help: 'mã đơn vị, ví dụ X001' },
    { name: 'plan', value: true, valueName: '<tệp>', help: 'tệp Kế hoạch: nhiệm vụ của phụ lục; không có --unit: mẫu cho mọi đơn vị của Kế hoạch' },
    TTHC_FILE_OPTION,
    outputOption('<tệp|thư mục>', 'tệp mẫu .xlsx (mặc định mau-bao-cao.xlsx); với --plan không có --unit: thư mục (mặc định mau-bao-cao)'),
  ],
  async run(args, io) {
    const unit = stringOption(args, 'unit')?.trim();
    // Loaded when run: the national list and the one-stop export's reader are not every command's cost (commands/index.ts).
    if (!unit && stringOption(args, 'plan')) return (await import('../plan-command')).templatesCommand(args, io);
    if (!unit) throw new UsageError('Cần --unit "tên đơn vị", ví dụ --unit "UBND xã Hương Lộc".');
    const levelText = stringOption(args, 'level');
    if (!levelText) throw new UsageError(`Cần --level (một trong: ${LEVEL_CHOICES}).`);
    const level = parseLevel(levelText);
    if (!level) throw new UsageError(`Cấp không hợp lệ: "${levelText}". Chọn một trong: ${LEVEL_CHOICES}.`);
    const parent = stringOption(args, 'parent')?.trim();
    if (!parent && needsParent(level)) throw new UsageError('Cần --parent "đơn vị cấp trên", ví dụ --parent "UBND huyện Nam Đông".');
    const period = periodOption(args) ?? null;
    const year = yearOption(args) ?? null;
    const output = stringOption(args, 'output') ?? 'mau-bao-cao.xlsx';
    requireXlsxName(output, 'Tệp mẫu (-o)');
    const planFile = stringOption(args, 'plan');
    const protect = protectedFiles({ plan: planFile });
    guardOutputs([output], protect);
    const plan = planFile ? await readPlanFile(planFile) : undefined;

    const sheet = layoutTemplate({
      unit, unitCode: stringOption(args, 'code')?.trim() || undefined, level, parent, period, year, plan,
    });
    for (const n of guardAndWrite([{ path: output, data: await writeXlsx([sheet]) }], protect, io.writeHooks)) io.err(n);
    io.out(`Đã ghi mẫu báo cáo TTCCHC-1 của ${unit} vào ${output} (trang "${sheet.name}"${plan ? `, ${plan.tasks.length} nhiệm vụ theo Kế hoạch` : ''}).`);
    return EXIT_OK;
  },
};
