/**
 * «Tạo kế hoạch»: a new `Kế hoạch` sheet for a province of the
 * national list, or a blank one, written beside the workbook's sheets (never
 * over one). The same plan as `tonghop plan` (core/layout/plan-sheet.ts).
 */
import { layoutPlan, newPlanSpec } from '../core/layout/plan-sheet';
import { safeSheetName } from '../core/layout/names';
import { PLAN_SHEET_NAME, type Period } from '../core/template';
import type { DossierExport } from '../core/tthc/model';
import type { TemplatesZip } from '../xlsx/templates-zip';
import { PaneError, excelRun, readWorkbookPlan } from './actions';
import * as ports from './ports';

export interface PlanForm {
  /** A province's code or name as typed in the picker; empty for a blank plan. */
  province: string;
  period: Period | null;
  year: number | null;
}

/**
 * The picker's items: `44 · Tỉnh Quảng Trị (78 xã, phường)`, by code. The
 * national list is loaded on demand (ports.loadNationalUnits): only the plan needs it.
 */
export async function provinceChoices(): Promise<{ code: string; label: string }[]> {
  const { provinces } = await ports.loadNationalUnits();
  return provinces().map((p) => ({ code: p.code, label: `${p.code} · ${p.fullName} (${p.communes.length} xã, phường)` }));
}

/** Writes the plan sheet; returns its name (`Kế hoạch`, or `Kế hoạch (2)` when one exists). */
export async function createPlan(form: PlanForm): Promise<string> {
  const query = form.province.trim();
  const province = query ? (await ports.loadNationalUnits()).findProvince(query) : undefined;
  if (query && !province) throw new PaneError(`Không tìm thấy tỉnh, thành phố «${query}». Hãy chọn trong danh sách.`);
  return excelRun(async (ctx) => {
    const taken = await ports.sheetNames(ctx);
    const sheet = layoutPlan({ ...newPlanSpec({ province, period: form.period, year: form.year }), name: safeSheetName(PLAN_SHEET_NAME, taken) });
    const name = await ports.addTemplateSheet(ctx, sheet);
    await ports.selectCell(ctx, name, 'A1');
    return name;
  });
}

/**
 * Tạo mẫu cho mọi đơn vị: the templates of every unit of the workbook's
 * Kế hoạch, as one .zip to download (file names as `tonghop template --plan`
 * gives them), each unit's dossier block pre-filled from the one-stop
 * system's `exports` when given (tthc-actions.ts reads them); the workbook is
 * not changed.
 */
export async function templatesForAllUnits(exports?: readonly DossierExport[]): Promise<TemplatesZip> {
  const plan = await readWorkbookPlan();
  if (!plan) throw new PaneError('Sổ làm việc chưa có trang Kế hoạch: hãy bấm Tạo kế hoạch (hoặc nhập trang Kế hoạch) trước khi tạo mẫu cho mọi đơn vị.');
  if (!plan.roster.length) throw new PaneError('Trang Kế hoạch chưa có danh sách đơn vị: hãy điền bảng Đơn vị (Mã đơn vị, Tên đơn vị, Cấp, Đơn vị cấp trên).');
  try {
    return await ports.buildTemplatesZip(plan, exports);
  } catch (e) {
    throw new PaneError(`Không tạo được các tệp mẫu: ${e instanceof Error ? e.message : String(e)}`);
  }
}
