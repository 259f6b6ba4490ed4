/**
 * `tonghop plan` and `tonghop template --plan … -o <thư mục>`:
 * a period's plan from the national list, then one template per roster unit.
 * The layouts are the core's (core/layout/plan-sheet.ts, plan-templates.ts);
 * this module only reads the options and writes the files, all or none
 * (output-files.ts). A file it cannot read or write stops it with a message
 * (exit 1, main.ts).
 */
import * as path from 'path';
import type { Plan, PlanTask } from '../core/model';
import { findProvince, provinces } from '../core/national-units';
import { layoutPlan, newPlanSpec } from '../core/layout/plan-sheet';
import { templatesForPlan } from '../core/layout/plan-templates';
import { periodTitle } from '../core/period-words';
import { writeXlsx } from '../xlsx/write-node';
import { UsageError, stringOption, type ParsedArgs } from './args';
import { periodOption, yearOption, tthcFiles } from './common-options';
import { CommandError } from './io';
import { guardOutputs, writeAllOrNone } from './output-files';
import { readPlanFile, workbookSheets } from './workbook-file';
import { placeInFolder } from './folder-outputs';
import { guardAndWrite, protectedFiles } from './run-outputs';
import { prefillWithTthc } from './tthc-command';

interface Out {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** The tasks of a plan, else of a unit's report or template (`--tasks-from`). */
async function tasksFrom(file: string): Promise<PlanTask[]> {
  const reads = await workbookSheets(file);
  const plan = reads.find((r) => r.kind === 'plan');
  if (plan?.kind === 'plan' && plan.plan.tasks.length) return plan.plan.tasks;
  for (const r of reads) {
    if (r.kind !== 'report') continue;
    const tasks = r.report.tasks.filter((t) => t.stt !== null && t.name.trim());
    if (tasks.length) return tasks.map((t) => ({ stt: t.stt!, name: t.name.trim(), threshold: 1 }));
  }
  throw new CommandError(`Tệp "${path.basename(file)}" không có nhiệm vụ nào (cần trang Kế hoạch có bảng Nhiệm vụ, hoặc trang mẫu TTCCHC-1 có phụ lục nhiệm vụ).`);
}

export async function planCommand(args: ParsedArgs, io: Out): Promise<number> {
  const query = stringOption(args, 'province');
  const province = query !== undefined ? findProvince(query) : undefined;
  if (query !== undefined && !province) {
    throw new UsageError(`Không tìm thấy tỉnh, thành phố "${query}". Các tỉnh, thành phố (mã – tên):\n${provinces().map((p) => `  ${p.code} ${p.fullName}`).join('\n')}`);
  }
  const period = periodOption(args) ?? null;
  const year = yearOption(args) ?? null;
  const output = stringOption(args, 'output') ?? 'ke-hoach.xlsx';
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`Tệp Kế hoạch (-o) phải là tệp .xlsx: "${output}".`);
  const from = stringOption(args, 'tasks-from');
  if (from) guardOutputs([output], [{ path: from, role: 'tệp lấy nhiệm vụ' }]);
  const tasks = from ? await tasksFrom(from) : undefined;
  const spec = newPlanSpec({ province, period, year, tasks });
  writeAllOrNone([{ path: output, data: await writeXlsx([layoutPlan(spec)]) }]);
  io.out(province
    ? `Đã ghi Kế hoạch của ${province.unitName} vào ${output}: ${province.communes.length} đơn vị cấp xã, ${spec.tasks.length} nhiệm vụ${period ? `, ${period}` : ''}${year ? ` năm ${year}` : ''}. Thêm các sở, ngành vào các dòng trống cuối danh sách.`
    : `Đã ghi Kế hoạch trống vào ${output} (${spec.tasks.length} nhiệm vụ): điền đơn vị tổng hợp và danh sách đơn vị.`);
  return 0;
}

/** `tonghop template --plan ke-hoach.xlsx -o <thư mục>`: one file per roster unit. */
export async function templatesCommand(args: ParsedArgs, io: Out): Promise<number> {
  const planFile = stringOption(args, 'plan')!;
  const folder = stringOption(args, 'output') ?? 'mau-bao-cao';
  if (/\.xlsx$/i.test(folder)) throw new UsageError(`Với --plan và không có --unit, -o là thư mục chứa các tệp mẫu, không phải tệp .xlsx: "${folder}".`);
  const period = periodOption(args);
  const year = yearOption(args);
  const read = await readPlanFile(planFile);
  // --period/--year fill what the plan leaves blank; against the plan's own period they are refused, never dropped.
  if ((period && read.period && period !== read.period) || (year && read.year && year !== read.year)) {
    throw new CommandError(`Kỳ chọn khi chạy lệnh (${periodTitle(period ?? read.period ?? null, year ?? read.year ?? null)}) khác kỳ của Kế hoạch trong "${path.basename(planFile)}" `
      + `(${periodTitle(read.period ?? null, read.year ?? null)}): không tạo mẫu nào. Bỏ --period và --year để dùng kỳ của Kế hoạch.`);
  }
  const plan: Plan = { ...read, ...(period && !read.period ? { period } : {}), ...(year && !read.year ? { year } : {}) };
  if (!plan.roster.length) throw new CommandError(`Kế hoạch trong "${path.basename(planFile)}" chưa có danh sách đơn vị: hãy điền bảng Đơn vị, hoặc dùng --unit để tạo mẫu cho một đơn vị.`);
  const files = await prefillWithTthc(args, templatesForPlan(plan), io);
  const made = [];
  for (const t of files) made.push({ name: t.fileName, data: await writeXlsx([t.sheet]) });
  // Never over a file this command did not write (a filled report saved under a template's name): beside it.
  const placed = placeInFolder(folder, 'template', made);
  const recovered = guardAndWrite(placed.outputs, protectedFiles({ plan: planFile, inputs: tthcFiles(args) }));
  for (const n of [...recovered, ...placed.notes]) io.out(n);
  io.out(`Đã ghi ${files.length} tệp mẫu vào thư mục ${folder} (${plan.tasks.length} nhiệm vụ${plan.period ? `, ${plan.period}` : ''}${plan.year ? ` năm ${plan.year}` : ''}).`);
  return 0;
}
