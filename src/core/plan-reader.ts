/**
 * The plan sheet `Kế hoạch` (docs/spec/TEMPLATE.md §6): identification rows, the `Nhiệm vụ`
 * table (tasks, optional target indicator, minimum and share of units) and
 * the `Đơn vị` table (the roster of units expected to report).
 */
import { cellFinding, Finding, Severity } from './findings';
import { SheetGrid } from './grid';
import { FoldedGrid, HeaderSpec, findHeader, keyValueLabelAt, labelKey, labelMap } from './labels';
import type { Plan, PlanTask, RosterUnit } from './model';
import { formatDateVi, parseDateCell } from './dates';
import { parseLevel, parseStt, parseYear } from './labels';
import { PERIODS, parsePeriod } from './periods';
import type { RuleId } from './rule-names';
import {
  DEFAULT_THRESHOLD,
  IndicatorCode,
  LEVEL_CHOICES,
  PLAN_ID_LABELS,
  PLAN_ROSTER_HEADERS,
  PLAN_SHEET_NAME,
  PLAN_TASK_HEADERS,
  isIndicatorCode,
} from './template';

type PlanIdField = keyof typeof PLAN_ID_LABELS;
const PLAN_ID_MAP = labelMap(
  (Object.keys(PLAN_ID_LABELS) as PlanIdField[]).map((f) => [f, PLAN_ID_LABELS[f]] as const),
);
const PLAN_NAME_KEY = labelKey(PLAN_SHEET_NAME);

type PlanTaskCol = keyof typeof PLAN_TASK_HEADERS;
const TASK_SPECS: readonly HeaderSpec<PlanTaskCol>[] = [
  { field: 'stt', labels: [PLAN_TASK_HEADERS.stt, 'TT'], required: true },
  { field: 'name', labels: [PLAN_TASK_HEADERS.name, 'Nhiệm vụ'], required: true },
  { field: 'indicator', labels: [PLAN_TASK_HEADERS.indicator, 'Mã chỉ tiêu'], required: false },
  { field: 'minimum', labels: [PLAN_TASK_HEADERS.minimum], required: false },
  { field: 'threshold', labels: [PLAN_TASK_HEADERS.threshold, 'Tỷ lệ đạt'], required: false },
];

type RosterCol = keyof typeof PLAN_ROSTER_HEADERS;
const ROSTER_SPECS: readonly HeaderSpec<RosterCol>[] = [
  { field: 'code', labels: [PLAN_ROSTER_HEADERS.code], required: false },
  { field: 'name', labels: [PLAN_ROSTER_HEADERS.name], required: true },
  { field: 'level', labels: [PLAN_ROSTER_HEADERS.level], required: false },
  { field: 'parent', labels: [PLAN_ROSTER_HEADERS.parent], required: false },
];

/** Rows scanned for the `Đơn vị tổng hợp` label when the sheet is not named `Kế hoạch`. */
const PLAN_LABEL_ROWS = 30;

/**
 * A plan sheet: named `Kế hoạch` (folded) and holding some of the plan's
 * labels or tables (a sheet of that name holding only the text of the plan
 * document is not one), or, under any name, holding the `Đơn vị tổng hợp`
 * label and a `Nhiệm vụ` table.
 */
export function isPlanSheet(fg: FoldedGrid): boolean {
  const named = typeof fg.grid.sheet === 'string' && labelKey(fg.grid.sheet) === PLAN_NAME_KEY;
  let anyLabel = false;
  let compilingUnit = false;
  const rows = Math.min(PLAN_LABEL_ROWS, fg.rowCount);
  for (let r = 0; r < rows && !compilingUnit; r++) {
    const kv = keyValueLabelAt(fg, r, PLAN_ID_MAP, 0);
    if (!kv) continue;
    anyLabel = true;
    if (kv.field === 'compilingUnit') compilingUnit = true;
  }
  if (named && anyLabel) return true;
  if (!named && !compilingUnit) return false;
  if (findHeader(fg, TASK_SPECS, 0, fg.rowCount) !== null) return true;
  return named && findHeader(fg, ROSTER_SPECS, 0, fg.rowCount) !== null;
}

/** Read a plan sheet. Never throws on odd content; problems become findings. */
export function readPlan(grid: SheetGrid): { plan: Plan; findings: Finding[] } {
  const fg = new FoldedGrid(grid);
  const sheet = typeof grid.sheet === 'string' ? grid.sheet : '';
  const source = { sheet, ...(grid.file ? { file: grid.file } : {}) };
  const plan: Plan = { source, tasks: [], roster: [] };
  const findings: Finding[] = [];
  const add = (severity: Severity, r: number, c: number, rule: RuleId, message: string) => {
    const cell = r >= 0 && c >= 0 ? fg.address(r, c) : '';
    findings.push(cellFinding(severity, { unit: plan.compilingUnit || sheet, file: grid.file, sheet, cell }, rule, message));
  };

  const n = fg.rowCount;
  const taskHeader = findHeader(fg, TASK_SPECS, 0, n);
  const rosterHeader = findHeader(fg, ROSTER_SPECS, 0, n);
  const idEnd = Math.min(taskHeader ? taskHeader.row : n, rosterHeader ? rosterHeader.row : n);

  // Identification rows (above the first table).
  const seen = new Set<PlanIdField>();
  for (let r = 0; r < idEnd; r++) {
    const kv = keyValueLabelAt(fg, r, PLAN_ID_MAP, 0);
    if (!kv || seen.has(kv.field) || kv.valueCol < 0) continue;
    seen.add(kv.field);
    const v = fg.value(r, kv.valueCol);
    const text = fg.text(r, kv.valueCol);
    const label = PLAN_ID_LABELS[kv.field];
    switch (kv.field) {
      case 'compilingUnit':
        plan.compilingUnit = text;
        break;
      case 'parent':
        plan.parent = text;
        break;
      case 'level': {
        const l = parseLevel(text);
        if (l) plan.level = l;
        else add('error', r, kv.valueCol, 'plan.level', `không nhận ra cấp «${text}» ở dòng «${label}»; cần ghi một trong: ${LEVEL_CHOICES}.`);
        break;
      }
      case 'period': {
        const p = parsePeriod(text);
        plan.idCells = { ...plan.idCells, period: fg.address(r, kv.valueCol) };
        if (p) plan.period = p;
        else add('error', r, kv.valueCol, 'plan.period', `không nhận ra kỳ báo cáo «${text}»; cần ghi một trong: ${PERIODS.join(', ')}.`);
        break;
      }
      case 'year': {
        const y = parseYear(v);
        plan.idCells = { ...plan.idCells, year: fg.address(r, kv.valueCol) };
        if (y !== null) plan.year = y;
        else add('error', r, kv.valueCol, 'plan.year', `năm «${text}» không hợp lệ; cần ghi năm bằng bốn chữ số.`);
        break;
      }
      case 'from':
      case 'to': {
        const d = parseDateCell(v, grid.date1904);
        if (d) plan[kv.field] = d;
        else add('error', r, kv.valueCol, kv.field === 'from' ? 'plan.from' : 'plan.to', `không đọc được ngày «${text}» ở dòng «${label}»; cần ghi ngày dạng dd/mm/yyyy.`);
        break;
      }
      case 'deadline': {
        const d = parseDateCell(v, grid.date1904);
        if (d) plan.deadline = d;
        else add('error', r, kv.valueCol, 'plan.deadline', `không đọc được hạn nộp «${text}»; cần ghi ngày dạng dd/mm/yyyy.`);
        break;
      }
    }
  }

  if (plan.from && plan.to && plan.from > plan.to) {
    add('error', -1, -1, 'plan.span', `«${PLAN_ID_LABELS.from}» (${formatDateVi(plan.from)}) sau «${PLAN_ID_LABELS.to}» (${formatDateVi(plan.to)}); cần ghi lại khoảng thời gian của số liệu.`);
    delete plan.from;
    delete plan.to;
  }

  if (taskHeader) readPlanTasks(fg, plan, taskHeader, rosterHeader && rosterHeader.row > taskHeader.row ? rosterHeader.row : n, add);
  else add('warning', 0, 0, 'plan.no-tasks', `trang «${sheet}» không có bảng «Nhiệm vụ» (${PLAN_TASK_HEADERS.stt} | ${PLAN_TASK_HEADERS.name}); các nhiệm vụ được lấy từ báo cáo của các đơn vị.`);

  if (rosterHeader) readRoster(fg, plan, rosterHeader, taskHeader && taskHeader.row > rosterHeader.row ? taskHeader.row : n, add);

  // Findings name the compiling unit once it is read (it may come after the first finding).
  for (const f of findings) f.unit = plan.compilingUnit || sheet;
  return { plan, findings };
}

type Add = (severity: Severity, r: number, c: number, rule: RuleId, message: string) => void;

function readPlanTasks(
  fg: FoldedGrid,
  plan: Plan,
  header: { lastRow: number; cols: Partial<Record<PlanTaskCol, number>> },
  end: number,
  add: Add,
): void {
  const c = header.cols;
  const bySTT = new Map<number, number>();
  let blankRun = 0;
  for (let r = header.lastRow + 1; r < end; r++) {
    const sttEmpty = fg.isEmpty(r, c.stt!);
    const nameEmpty = fg.isEmpty(r, c.name!);
    if (sttEmpty && nameEmpty) {
      if (plan.tasks.length > 0 && ++blankRun >= 2) break;
      continue;
    }
    blankRun = 0;
    if (fg.isSectionTitle(r) || (!sttEmpty && nameEmpty && fg.key(r, c.stt!) === labelKey('Đơn vị'))) break;
    const stt = parseStt(fg.value(r, c.stt!));
    const name = fg.text(r, c.name!);
    if (stt === null) {
      add('error', r, c.stt!, 'plan.task-stt', `nhiệm vụ «${name}» không có STT là số; cần ghi STT 1, 2, 3…`);
      continue;
    }
    if (bySTT.has(stt)) {
      add('error', r, c.stt!, 'plan.task-duplicate', `STT ${stt} trùng với dòng ${bySTT.get(stt)! + 1 + (fg.grid.originRow || 0)}; mỗi nhiệm vụ cần một STT riêng.`);
      continue;
    }
    bySTT.set(stt, r);
    const task: PlanTask = { stt, name, threshold: DEFAULT_THRESHOLD };
    if (c.indicator !== undefined && !fg.isEmpty(r, c.indicator)) {
      const code = fg.text(r, c.indicator).toUpperCase().replace(/\s+/g, '');
      if (isIndicatorCode(code)) task.indicator = code as IndicatorCode;
      else add('error', r, c.indicator, 'plan.task-indicator', `«${fg.text(r, c.indicator)}» không phải mã chỉ tiêu của mẫu (A1…E1).`);
    }
    if (c.minimum !== undefined && !fg.isEmpty(r, c.minimum)) {
      const m = readPlainNumber(fg.value(r, c.minimum));
      if (m !== null && m >= 0) task.minimum = m;
      else add('error', r, c.minimum, 'plan.task-minimum', `mức tối thiểu «${fg.text(r, c.minimum)}» không phải số ≥ 0.`);
    }
    if (c.threshold !== undefined && !fg.isEmpty(r, c.threshold)) {
      const t = readThreshold(fg.value(r, c.threshold));
      if (t !== null) task.threshold = t;
      else add('error', r, c.threshold, 'plan.task-threshold', `tỷ lệ đạt «${fg.text(r, c.threshold)}» không hợp lệ; cần ghi số phần trăm từ 0 đến 100 (mặc định 100).`);
    }
    if (task.minimum !== undefined && task.indicator === undefined) {
      add('warning', r, c.minimum!, 'plan.task-minimum', `nhiệm vụ ${stt} có mức tối thiểu nhưng không ghi mã chỉ tiêu; mức tối thiểu không được kiểm tra.`);
    }
    plan.tasks.push(task);
  }
}

function readRoster(
  fg: FoldedGrid,
  plan: Plan,
  header: { lastRow: number; cols: Partial<Record<RosterCol, number>> },
  end: number,
  add: Add,
): void {
  const c = header.cols;
  let blankRun = 0;
  for (let r = header.lastRow + 1; r < end; r++) {
    const name = fg.text(r, c.name!);
    if (name === '') {
      if (plan.roster.length > 0 && ++blankRun >= 2) break;
      continue;
    }
    blankRun = 0;
    if (fg.isSectionTitle(r)) break;
    const unit: RosterUnit = { name, level: null };
    const code = c.code !== undefined ? fg.text(r, c.code) : '';
    if (code) unit.code = code;
    const levelText = c.level !== undefined ? fg.text(r, c.level) : '';
    if (levelText) {
      unit.level = parseLevel(levelText);
      if (!unit.level) add('error', r, c.level!, 'plan.roster-level', `không nhận ra cấp «${levelText}» của «${name}»; cần ghi một trong: ${LEVEL_CHOICES}.`);
    }
    const parent = c.parent !== undefined ? fg.text(r, c.parent) : '';
    if (parent) unit.parent = parent;
    plan.roster.push(unit);
  }
}

const PLAIN_NUMBER = /^(\d+(?:[. ]\d{3})*)(?:,(\d+))?$/;
const PERCENT_TEXT = /^(\d+(?:[.,]\d+)?)\s*%?$/;

function readPlainNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const m = PLAIN_NUMBER.exec(v.trim());
  if (!m) return null;
  return Number(m[1].replace(/[. ]/g, '') + (m[2] ? `.${m[2]}` : ''));
}

/**
 * `Tỷ lệ đạt (%)` → a share in 0..1. Text `80` or `80%` is 80 %. A number
 * above 1 is a percentage (80 → 0,8); a number up to 1 is already a share, as
 * Excel stores a cell formatted as percent (80 % is 0,8; 1 is 100 %).
 */
export function readThreshold(v: unknown): number | null {
  let n: number | null = null;
  if (typeof v === 'number' && Number.isFinite(v)) n = v > 1 ? v / 100 : v;
  else if (typeof v === 'string') {
    const m = PERCENT_TEXT.exec(v.trim());
    if (m) n = Number(m[1].replace(',', '.')) / 100;
  }
  if (n === null || n < 0 || n > 1) return null;
  return n;
}
