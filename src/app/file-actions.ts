/**
 * What the page (app.html) does with files, without Excel: the pane's
 * «Tổng hợp từ tệp» compile (the core and the .xlsx reader, as `tonghop
 * compile` reads the same files), and every output as a file to download.
 * The page reaches the core only through the pane's own door
 * (src/taskpane/ports.ts) and actions, so both compile alike.
 */
import type { CompileResult, Plan } from '../core/model';
import type { OutputSheet } from '../core/sheet-model';
import { layoutPlan, newPlanSpec } from '../core/layout/plan-sheet';
import { PaneError, compileOutcome, readPickedFiles, withoutLockFiles, type CompileOutcome, type PickedFile, type PreviousPick, type Progress } from '../taskpane/actions';
import type { PlanForm } from '../taskpane/plan-actions';
import * as ports from '../taskpane/ports';
import { isLockFileName } from '../xlsx/input-names';
import { writeXlsx } from '../xlsx/write';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The compiled workbook's name, as `tonghop compile` names it by default. */
export const COMPILED_FILE_NAME = 'tong-hop.xlsx';
/** The new plan's name, as `tonghop plan` names it by default. */
export const PLAN_FILE_NAME = 'ke-hoach.xlsx';

/**
 * Tổng hợp: compiles the picked files (the plan among them) as `tonghop
 * compile` does, read as the pane's Tổng hợp từ tệp reads them, in the
 * compile's worker (ports.compile; `progress` hears the files read), with
 * the output sheets of tong-hop.xlsx laid out there too (none when nothing
 * was read).
 */
export async function compilePickedFiles(picked: readonly PickedFile[], previous?: PreviousPick, progress?: Progress): Promise<{ outcome: CompileOutcome; sheets: OutputSheet[] }> {
  const files = withoutLockFiles(picked);
  const out = await ports.compile({ files, names: [], ...(previous ? { previous: previous.previous } : {}) }, progress);
  return { outcome: compileOutcome('compileFiles', out.result, [], out.problems.map((p) => p.message), [], previous), sheets: out.sheets };
}

/** tong-hop.xlsx from the output sheets laid out. */
export async function workbookOf(sheets: OutputSheet[]): Promise<{ fileName: string; bytes: Uint8Array }> {
  return { fileName: COMPILED_FILE_NAME, bytes: new Uint8Array(await writeXlsx(sheets)) };
}

/** tong-hop.xlsx again from a compile already made: every output sheet (the summary gains the kỳ trước columns with `previous`). */
export async function compiledWorkbook(result: CompileResult, previous?: PreviousPick): Promise<{ fileName: string; bytes: Uint8Array }> {
  return workbookOf(await ports.layoutOutputs(result, [], previous?.previous));
}

/** The plan among the picked files (the first sheet read as one), or a PaneError saying what to pick. */
export async function planOfFiles(picked: readonly PickedFile[]): Promise<Plan> {
  const { grids } = await readPickedFiles(picked.filter((f) => !isLockFileName(f.name)));
  const plan = grids.map(ports.readPlan).find((p) => p !== null);
  if (!plan) throw new PaneError('Chưa có tệp Kế hoạch trong các tệp đã chọn: hãy bấm Chọn tệp Kế hoạch (hoặc Tạo kế hoạch mới, điền danh sách đơn vị rồi chọn tệp đó).');
  if (!plan.roster.length) throw new PaneError('Trang Kế hoạch chưa có danh sách đơn vị: hãy điền bảng Đơn vị (Mã đơn vị, Tên đơn vị, Cấp, Đơn vị cấp trên).');
  return plan;
}

/** Tạo kế hoạch: the plan sheet `tonghop plan` writes, as a new .xlsx. */
export async function newPlanWorkbook(form: PlanForm): Promise<{ fileName: string; bytes: Uint8Array }> {
  const query = form.province.trim();
  const province = query ? (await ports.loadNationalUnits()).findProvince(query) : undefined;
  if (query && !province) throw new PaneError(`Không tìm thấy tỉnh, thành phố «${query}». Hãy chọn trong danh sách.`);
  const sheet = layoutPlan(newPlanSpec({ province, period: form.period, year: form.year }));
  return { fileName: PLAN_FILE_NAME, bytes: new Uint8Array(await writeXlsx([sheet])) };
}
