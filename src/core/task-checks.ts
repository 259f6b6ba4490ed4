/**
 * A unit's task rows against the plan's tasks (docs/spec/TEMPLATE.md §4): which row is which
 * plan task, tasks missing from the sheet, rows the plan does not know, and
 * `Hoàn thành` claimed while the target figure is below the plan's minimum.
 *
 * Matching (used by the compile too, so counts and findings agree):
 * 1. same STT and same name (names compared with `foldLoose`);
 * 2. else same name, whatever the STT (the unit renumbered its rows);
 * 3. else same STT with a different name: matched, with a warning
 *    (`task.name-differs`), never silently.
 * Each row matches at most one plan task.
 */
import { cellFinding, Finding, Severity } from './findings';
import type { Plan, PlanTask, TaskRow, UnitReport } from './model';
import { formatNumber } from './numbers';
import { INDICATOR_BY_CODE, TASK_HEADERS } from './template';
import { foldLooseFast } from './labels';
import type { RuleId } from './rule-names';

export interface TaskMatch {
  task: PlanTask;
  /** The unit's row for this plan task; undefined when the sheet has none. */
  row: TaskRow | undefined;
  /** How it matched: `stt+name`, `name`, `stt` (the names differ: a warning), or `none`. */
  by: 'stt+name' | 'name' | 'stt' | 'none';
}

/** For each plan task (in plan order) the unit's matching row, if any. */
export function matchTasks(rows: readonly TaskRow[], planTasks: readonly PlanTask[]): TaskMatch[] {
  const names = rows.map((r) => foldLooseFast(r.name));
  const used = new Set<number>();
  const out: TaskMatch[] = planTasks.map((task) => ({ task, row: undefined, by: 'none' }));
  const planNames = planTasks.map((t) => foldLooseFast(t.name));

  const pass = (by: TaskMatch['by'], ok: (ri: number, ti: number) => boolean) => {
    out.forEach((m, ti) => {
      if (m.row) return;
      for (let ri = 0; ri < rows.length; ri++) {
        if (used.has(ri) || !ok(ri, ti)) continue;
        used.add(ri);
        m.row = rows[ri];
        m.by = by;
        return;
      }
    });
  };
  pass('stt+name', (ri, ti) => rows[ri].stt === planTasks[ti].stt && names[ri] === planNames[ti]);
  pass('name', (ri, ti) => names[ri] !== '' && names[ri] === planNames[ti]);
  pass('stt', (ri, ti) => rows[ri].stt !== null && rows[ri].stt === planTasks[ti].stt);
  return out;
}

/** Rows of the unit that match no plan task. */
export function unmatchedRows(rows: readonly TaskRow[], matches: readonly TaskMatch[]): TaskRow[] {
  const matched = new Set(matches.map((m) => m.row).filter((r): r is TaskRow => r !== undefined));
  return rows.filter((r) => !matched.has(r));
}

/**
 * Findings of one report against the plan. Without a plan (or a plan with no
 * tasks) there is nothing to check against: no findings.
 */
export function checkTasksAgainstPlan(report: UnitReport, plan: Plan | undefined): Finding[] {
  if (!plan || plan.tasks.length === 0) return [];
  const out: Finding[] = [];
  const sheet = report.source.sheet;
  // Where a missing task should have been: the task table's header, else the template label.
  const tableCell = report.idCells['section.tasks'] ?? report.idCells['templateCode'] ?? '';
  const add = (severity: Severity, cell: string, rule: RuleId, message: string) =>
    out.push(cellFinding(severity, { unit: report.unit || sheet, file: report.source.file, sheet, cell }, rule, message));

  const matches = matchTasks(report.tasks, plan.tasks);
  for (const m of matches) {
    const t = m.task;
    if (!m.row) {
      add('error', tableCell, 'task.missing',
        `thiếu nhiệm vụ ${t.stt} «${t.name}» của kế hoạch trong phụ lục nhiệm vụ; cần thêm dòng này và đánh dấu ${TASK_HEADERS.done} hoặc ${TASK_HEADERS.notDone}. Nhiệm vụ được tính là chưa hoàn thành.`);
      continue;
    }
    if (m.by === 'stt') {
      add('warning', m.row.cell, 'task.name-differs',
        `nhiệm vụ STT ${t.stt} ghi «${m.row.name}», khác tên trong kế hoạch «${t.name}»; đã coi là cùng nhiệm vụ, cần kiểm tra lại.`);
    }
    if (m.row.done === true && t.indicator && t.minimum !== undefined) {
      const value = report.figures[t.indicator];
      if (value === null || value < t.minimum) {
        const cell = report.figureCells[t.indicator] ?? m.row.cell;
        add('warning', cell, 'task.below-minimum',
          `nhiệm vụ ${t.stt} «${t.name}» được đánh dấu ${TASK_HEADERS.done} nhưng chỉ tiêu ${t.indicator} (${INDICATOR_BY_CODE[t.indicator].label}) ` +
            `là ${value === null ? 'để trống' : formatNumber(value)}, thấp hơn mức tối thiểu ${formatNumber(t.minimum)} của kế hoạch.`);
      }
    }
  }
  for (const row of unmatchedRows(report.tasks, matches)) {
    add('warning', row.cell, 'task.not-in-plan',
      `nhiệm vụ ${row.stt === null ? '' : `${row.stt} `}«${row.name}» không có trong kế hoạch; dòng này không được tổng hợp.`);
  }
  return out;
}
