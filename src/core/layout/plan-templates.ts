/**
 * One template per unit of a plan's roster (`tonghop template --plan`, the
 * pane's «Tạo mẫu cho mọi đơn vị»): each pre-filled with the unit, its code,
 * level and parent, the plan's period, year and tasks, so the clerk only
 * types figures and marks (issue 10).
 */
import type { Plan } from '../model';
import type { OutputSheet } from '../sheet-model';
import { shortUnitName } from '../unit-names';
import { layoutTemplate } from './template-sheet';

export interface UnitTemplate {
  /** `<Mã đơn vị> <short name>.xlsx` (`19363 Vĩnh Linh.xlsx`), unique within the plan. */
  fileName: string;
  unit: string;
  sheet: OutputSheet;
}

/** Characters no file system of the users' takes in a name. */
const FILE_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/g;

function baseName(code: string | undefined, unit: string): string {
  const name = `${code ? `${code} ` : ''}${shortUnitName(unit) || unit}`.replace(FILE_FORBIDDEN, '-').replace(/\s+/g, ' ').trim();
  // Windows refuses a name ending in a dot or a space.
  return name.replace(/[. ]+$/, '') || 'don-vi';
}

export function templatesForPlan(plan: Plan): UnitTemplate[] {
  const taken = new Set<string>();
  return plan.roster.map((u) => {
    const base = baseName(u.code, u.name);
    let fileName = `${base}.xlsx`;
    for (let i = 2; taken.has(fileName.toLowerCase()); i++) fileName = `${base} (${i}).xlsx`;
    taken.add(fileName.toLowerCase());
    const sheet = layoutTemplate({
      unit: u.name,
      unitCode: u.code,
      level: u.level,
      parent: u.parent ?? plan.compilingUnit,
      period: plan.period ?? null,
      year: plan.year ?? null,
      plan,
    });
    return { fileName, unit: u.name, sheet };
  });
}
