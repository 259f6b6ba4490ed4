/** Shared builders for the compile and layout tests: real grids read by the real reader. */
import { readSheet } from '../../src/core/reader';
import type { Plan, PlanTask, RosterUnit, SheetRead } from '../../src/core/model';
import type { Level, Period } from '../../src/core/template';
import { makeUnitGrid, sampleSpec, type TaskSpec, type UnitSpec } from '../helpers/unit-grid';

export const DISTRICT = 'UBND huyện Nam Đông';
export const PROVINCE = 'UBND tỉnh Thừa Thiên Huế';

export const TASKS: TaskSpec[] = [
  { stt: 1, name: 'Tuyên truyền trên Cổng thông tin điện tử', result: 'Đăng tin', done: true },
  { stt: 2, name: 'Tuyên truyền qua hệ thống truyền thanh', result: 'Phát tin', done: true },
  { stt: 3, name: 'Tổ chức cuộc thi tìm hiểu CCHC', result: '', done: false, note: 'Chưa có kinh phí' },
];

/** A commune report of Năm 2020 under Nam Đông, figures overridable (an explicit null empties a cell). */
export function unit(name: string, over: Partial<UnitSpec> = {}): UnitSpec {
  const base = sampleSpec({ unit: name, unitCode: undefined, sheet: name.replace(/^UBND /, '').slice(0, 31), tasks: TASKS, sentDate: undefined, docRef: undefined, ...over });
  return base;
}

export function read(spec: UnitSpec): SheetRead {
  return readSheet(makeUnitGrid(spec));
}

export function reportRead(name: string, over: Partial<UnitSpec> = {}): SheetRead {
  const r = read(unit(name, over));
  if (r.kind !== 'report') throw new Error(`not read as a report: ${name}`);
  return r;
}

export function planTask(stt: number, name: string, threshold = 1, extra: Partial<PlanTask> = {}): PlanTask {
  return { stt, name, threshold, ...extra };
}

export function planRead(opts: {
  compilingUnit: string; level?: Level; parent?: string; period?: Period; year?: number; deadline?: string;
  tasks?: PlanTask[]; roster?: RosterUnit[];
}): SheetRead {
  const plan: Plan = {
    source: { sheet: 'Kế hoạch' },
    compilingUnit: opts.compilingUnit,
    level: opts.level,
    parent: opts.parent,
    period: opts.period ?? 'Năm',
    year: opts.year ?? 2020,
    deadline: opts.deadline,
    tasks: opts.tasks ?? TASKS.map((t) => planTask(t.stt as number, t.name as string)),
    roster: opts.roster ?? [],
  };
  return { kind: 'plan', plan, findings: [] };
}
