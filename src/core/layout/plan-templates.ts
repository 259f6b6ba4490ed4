/**
 * One template per unit of a plan's roster (`tonghop template --plan`, the
 * pane's «Tạo mẫu cho mọi đơn vị»): each pre-filled with the unit, its code,
 * level and parent, the plan's period, year and tasks, so the clerk only
 * types figures and marks.
 */
import type { Plan, RosterUnit, UnitIdentity } from '../model';
import type { OutputSheet } from '../sheet-model';
import { shortUnitName } from '../unit-names';
import { uniqueFileName } from '../file-names';
import { layoutTemplate } from './template-sheet';

export interface UnitTemplate {
  /** `<Mã đơn vị> <short name>.xlsx` (`19363 Vĩnh Linh.xlsx`), unique within the plan. */
  fileName: string;
  unit: string;
  sheet: OutputSheet;
}


/**
 * What a roster unit's template says of it: its name, code and level as the
 * roster lists them, its parent (else the plan's compiling unit: units report
 * to whoever compiles), the plan's period and year. The pane's Tạo mẫu picker
 * fills its form with the same.
 */
export function rosterIdentity(plan: Plan, u: RosterUnit): UnitIdentity {
  const id: UnitIdentity = { unit: u.name, level: u.level, period: plan.period ?? null, year: plan.year ?? null };
  if (u.code) id.unitCode = u.code;
  const parent = u.parent ?? plan.compilingUnit;
  if (parent) id.parent = parent;
  return id;
}

/** The .zip of every template the pane downloads: `Mau bao cao Quý I 2026.zip` (the command line writes a folder). */
export function templatesZipName(plan: Pick<Plan, 'period' | 'year'>): string {
  return ['Mau bao cao', plan.period, plan.year].filter(Boolean).join(' ') + '.zip';
}

export function templatesForPlan(plan: Plan): UnitTemplate[] {
  const taken = new Set<string>();
  return plan.roster.map((u) => {
    // A name safe on every system, a long one cut (core/file-names.ts): it costs only its own file.
    const fileName = uniqueFileName(`${u.code ? `${u.code} ` : ''}${shortUnitName(u.name) || u.name}`, '.xlsx', taken, 'don-vi');
    const sheet = layoutTemplate({ ...rosterIdentity(plan, u), plan });
    return { fileName, unit: u.name, sheet };
  });
}
