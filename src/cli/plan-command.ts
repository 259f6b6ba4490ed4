/**
 * `tonghop plan` and `tonghop template --plan … -o <thư mục>`:
 * a period's plan from the national list, then one template per roster unit.
 * The layouts are the core's (core/layout/plan-sheet.ts, plan-templates.ts);
 * this module only reads the options and writes the files, all or none
 * (output-files.ts).
 */
import * as path from 'path';
import type { Plan, PlanTask } from '../core/model';
import { readSheet } from '../core/reader';
import { parsePeriod, parseYear } from '../core/labels';
import { findProvince, provinces } from '../core/national-units';
import { layoutPlan, newPlanSpec } from '../core/layout/plan-sheet';
import { templatesForPlan } from '../core/layout/plan-templates';
import { PERIODS, type Period } from '../core/template';
import { writeXlsx } from '../xlsx/write-node';
import { readXlsxFile, readErrorFinding } from '../xlsx/read-file';
import { UsageError, stringOption, type OptionSpec, type ParsedArgs } from './args';
import { OutputError, guardOutputs, writeAllOrNone } from './output-files';
import { guardAndWrite, protectedFiles } from './run-outputs';

interface Out {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const PLAN_OPTIONS: OptionSpec[] = [
  { name: 'province', value: true },
  { name: 'period', value: true },
  { name: 'year', value: true },
  { name: 'tasks-from', value: true },
  { name: 'output', alias: 'o', value: true },
  { name: 'help', alias: 'h', value: false },
];

export const PLAN_HELP = `  tonghop plan --province <tên|mã tỉnh> --period "Quý I" --year 2026 -o ke-hoach.xlsx [--tasks-from <tệp>]
      Tạo trang Kế hoạch của kỳ: đơn vị tổng hợp UBND tỉnh/thành phố, danh sách
      mọi xã, phường, đặc khu của tỉnh theo danh mục đơn vị hành chính (mã 5 số),
      chỗ trống cho các sở, ngành, hạn nộp mặc định và các nhiệm vụ (của Kế hoạch
      mẫu, hoặc lấy từ tệp Kế hoạch/mẫu báo cáo --tasks-from). Không có --province:
      Kế hoạch trống cho bất kỳ đơn vị tổng hợp nào (ví dụ một xã và các bộ phận).

  tonghop template --plan ke-hoach.xlsx -o <thư mục>
      Tạo mỗi đơn vị trong danh sách của Kế hoạch một tệp mẫu "<Mã đơn vị> <tên>.xlsx",
      điền sẵn đơn vị, mã, cấp, đơn vị cấp trên, kỳ, năm và nhiệm vụ.`;

function periodOption(args: ParsedArgs): Period | null {
  const p = stringOption(args, 'period');
  if (p === undefined) return null;
  const period = parsePeriod(p);
  if (!period) throw new UsageError(`Kỳ báo cáo không hợp lệ: "${p}". Chọn một trong: ${PERIODS.join(', ')}.`);
  return period;
}

function yearOption(args: ParsedArgs): number | null {
  const y = stringOption(args, 'year');
  if (y === undefined) return null;
  const year = parseYear(y);
  if (!year) throw new UsageError(`Năm không hợp lệ: "${y}" (cần bốn chữ số, ví dụ 2026).`);
  return year;
}

/** A refusal to write, or a file that cannot be read: said as it is, exit 1. */
function failed(io: Out, e: unknown): number {
  if (e instanceof OutputError || e instanceof FileProblem) {
    io.err(e.message);
    return 1;
  }
  throw e;
}

class FileProblem extends Error {}

async function sheetsOf(file: string): Promise<ReturnType<typeof readSheet>[]> {
  try {
    return (await readXlsxFile(file)).map((g) => readSheet(g));
  } catch (e) {
    throw new FileProblem(readErrorFinding(file, e).message);
  }
}

/** The plan sheet of a file (`--plan`). */
export async function readPlanFile(file: string): Promise<Plan> {
  for (const r of await sheetsOf(file)) if (r.kind === 'plan') return r.plan;
  throw new FileProblem(`Tệp "${path.basename(file)}" không có trang "Kế hoạch".`);
}

/** The tasks of a plan, else of a unit's report or template (`--tasks-from`). */
async function tasksFrom(file: string): Promise<PlanTask[]> {
  const reads = await sheetsOf(file);
  const plan = reads.find((r) => r.kind === 'plan');
  if (plan?.kind === 'plan' && plan.plan.tasks.length) return plan.plan.tasks;
  for (const r of reads) {
    if (r.kind !== 'report') continue;
    const tasks = r.report.tasks.filter((t) => t.stt !== null && t.name.trim());
    if (tasks.length) return tasks.map((t) => ({ stt: t.stt!, name: t.name.trim(), threshold: 1 }));
  }
  throw new FileProblem(`Tệp "${path.basename(file)}" không có nhiệm vụ nào (cần trang Kế hoạch có bảng Nhiệm vụ, hoặc trang mẫu TTCCHC-1 có phụ lục nhiệm vụ).`);
}

export async function planCommand(args: ParsedArgs, io: Out): Promise<number> {
  const query = stringOption(args, 'province');
  const province = query !== undefined ? findProvince(query) : undefined;
  if (query !== undefined && !province) {
    throw new UsageError(`Không tìm thấy tỉnh, thành phố "${query}". Các tỉnh, thành phố (mã – tên):\n${provinces().map((p) => `  ${p.code} ${p.fullName}`).join('\n')}`);
  }
  const period = periodOption(args);
  const year = yearOption(args);
  const output = stringOption(args, 'output') ?? 'ke-hoach.xlsx';
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`Tệp Kế hoạch (-o) phải là tệp .xlsx: "${output}".`);
  const from = stringOption(args, 'tasks-from');
  try {
    if (from) guardOutputs([output], [{ path: from, role: 'tệp lấy nhiệm vụ' }]);
    const tasks = from ? await tasksFrom(from) : undefined;
    const spec = newPlanSpec({ province, period, year, tasks });
    writeAllOrNone([{ path: output, data: await writeXlsx([layoutPlan(spec)]) }]);
    io.out(province
      ? `Đã ghi Kế hoạch của ${province.unitName} vào ${output}: ${province.communes.length} đơn vị cấp xã, ${spec.tasks.length} nhiệm vụ${period ? `, ${period}` : ''}${year ? ` năm ${year}` : ''}. Thêm các sở, ngành vào các dòng trống cuối danh sách.`
      : `Đã ghi Kế hoạch trống vào ${output} (${spec.tasks.length} nhiệm vụ): điền đơn vị tổng hợp và danh sách đơn vị.`);
    return 0;
  } catch (e) {
    return failed(io, e);
  }
}

/** `tonghop template --plan ke-hoach.xlsx -o <thư mục>`: one file per roster unit. */
export async function templatesCommand(args: ParsedArgs, io: Out): Promise<number> {
  const planFile = stringOption(args, 'plan')!;
  const folder = stringOption(args, 'output') ?? 'mau-bao-cao';
  if (/\.xlsx$/i.test(folder)) throw new UsageError(`Với --plan và không có --unit, -o là thư mục chứa các tệp mẫu, không phải tệp .xlsx: "${folder}".`);
  try {
    const plan = await readPlanFile(planFile);
    if (!plan.roster.length) throw new FileProblem(`Kế hoạch trong "${path.basename(planFile)}" chưa có danh sách đơn vị: hãy điền bảng Đơn vị, hoặc dùng --unit để tạo mẫu cho một đơn vị.`);
    const files = templatesForPlan(plan);
    const outputs = [];
    for (const t of files) outputs.push({ path: path.join(folder, t.fileName), data: await writeXlsx([t.sheet]) });
    guardAndWrite(outputs, protectedFiles({ plan: planFile }));
    io.out(`Đã ghi ${files.length} tệp mẫu vào thư mục ${folder} (${plan.tasks.length} nhiệm vụ${plan.period ? `, ${plan.period}` : ''}${plan.year ? ` năm ${plan.year}` : ''}).`);
    return 0;
  } catch (e) {
    return failed(io, e);
  }
}
