/**
 * Reading back what the layout wrote, beside it: the summary sheet's child
 * rows (unit, status, one column per indicator), the findings sheet, and a
 * whole compiled workbook as the CompiledData the report is built from
 * (readCompiledWorkbook). The `BC …` report sheet is read by readSheet like
 * any TTCCHC-1 report. Tables are found by header labels, as every reader
 * here, so a moved column or an inserted row does not break them.
 */
import { deadlineFor, periodSpan } from '../periods';
import { sumOtherForms } from '../other-forms';
import { makeFinding } from '../findings';
import type { SheetGrid } from '../grid';
import { FoldedGrid, findHeader, labelKey, type HeaderSpec } from '../labels';
import type { CompiledData, CompiledSummary, Plan, UnitReport } from '../model';
import { parseFigure } from '../numbers';
import { readSheet } from '../reader';
import {
  ASSESSMENT_LABELS, INDICATORS, INDICATOR_BY_CODE, INDICATOR_CODES, CHILD_STATUSES, STATUS_MISSING, STATUS_ON_TIME, computeRates, emptyFigures,
  type AssessmentKey, type ChildStatus, type Figures, type IndicatorCode, type Level,
} from '../template';
import { SEVERITY_LABELS, withoutHiddenNote, type Severity } from '../findings';
import { parseLevel } from '../labels';
import { parseDateCell } from '../dates';
import { fold } from '../text';
import { levelFromName, unitKey, withoutCommitteePrefix } from '../unit-names';
import { FINDINGS_SHEET_NAME, outputSheetBase } from './names';
import { SELF_SUFFIX, TOTAL_LABEL } from './summary-sheet';
import { FINDINGS_HEADERS, OLD_SHEET_HEADER } from './findings-sheet';
import { ruleOfName, type RuleId } from '../rule-names';

export interface SummaryChildRow {
  unit: string;
  /** The parent's own row (written with the layout's SELF_SUFFIX). */
  isSelf: boolean;
  level: Level | null;
  status: ChildStatus | null;
  /** ISO date from `Ngày gửi`, when readable. */
  sentDate?: string;
  figures: Figures;
  /** The row read from (0-based, grid-relative), for messages. */
  row: number;
}

export interface SummaryTable {
  sheet: string;
  children: SummaryChildRow[];
}

/** Header texts of the summary's columns; the layout's own first (layout/summary-sheet), then common variants. */
export const SUMMARY_UNIT_HEADERS = ['Đơn vị', 'Tên đơn vị', 'Đơn vị báo cáo'];
export const SUMMARY_STATUS_HEADERS = ['Tình trạng', 'Trạng thái', 'Tình trạng nộp', 'Tình trạng báo cáo', 'Tình trạng nộp báo cáo'];
const TOTAL_KEYS = new Set([labelKey(TOTAL_LABEL), 'tong', 'tong so', 'cong']);
const SELF_KEY = labelKey(SELF_SUFFIX);

const STATUS_BY_KEY = new Map<string, ChildStatus>(
  CHILD_STATUSES.map((s) => [labelKey(s), s]),
);

/** An indicator header cell: the code alone (`A1`), the code then its label (`A1. Tin, bài…`), or the label alone. */
function indicatorOfHeader(text: string): IndicatorCode | null {
  const t = text.trim();
  const m = /^([A-E][0-9])(?![0-9A-Za-z])/.exec(t);
  if (m) {
    const ind = INDICATORS.find((i) => i.code === m[1]);
    if (ind) return ind.code;
  }
  const k = labelKey(t.replace(/\(.*?\)\s*$/, ''));
  const byLabel = INDICATORS.find((i) => labelKey(i.label) === k || labelKey(i.label.replace(/\(.*?\)\s*$/, '')) === k);
  return byLabel ? byLabel.code : null;
}

type SummaryCol = 'unit' | 'status' | 'level' | 'sent';
const SUMMARY_SPECS: HeaderSpec<SummaryCol>[] = [
  { field: 'unit', labels: SUMMARY_UNIT_HEADERS, required: true },
  { field: 'status', labels: SUMMARY_STATUS_HEADERS, required: true },
  { field: 'level', labels: ['Cấp'], required: false },
  { field: 'sent', labels: ['Ngày gửi', 'Ngày nộp'], required: false },
];

/** The child rows of a summary sheet, or null when the sheet has no such table. */
export function readSummaryTable(grid: SheetGrid): SummaryTable | null {
  const fg = new FoldedGrid(grid);
  const header = findHeader(fg, SUMMARY_SPECS, 0, Math.min(fg.rowCount, 40));
  if (!header) return null;
  // Indicator columns: in the header row or the row(s) just around it (codes may sit under group headings).
  const codeCols = new Map<IndicatorCode, number>();
  for (let r = Math.max(0, header.row - 1); r <= Math.min(fg.rowCount - 1, header.lastRow + 1); r++) {
    for (let c = 0; c < fg.width(r); c++) {
      const code = indicatorOfHeader(fg.text(r, c));
      if (code && !codeCols.has(code)) codeCols.set(code, c);
    }
  }
  if (codeCols.size === 0) return null;
  const unitCol = header.cols.unit!;
  const statusCol = header.cols.status!;
  const children: SummaryChildRow[] = [];
  let start = header.lastRow + 1;
  // Skip a code row sitting under the header.
  while (start < fg.rowCount && [...codeCols.values()].some((c) => indicatorOfHeader(fg.text(start, c)))) start++;
  for (let r = start; r < fg.rowCount; r++) {
    let unit = fg.text(r, unitCol);
    if (!unit) {
      if (children.length) break;
      continue;
    }
    if (TOTAL_KEYS.has(labelKey(unit))) break;
    const isSelf = labelKey(unit).endsWith(SELF_KEY);
    if (isSelf) unit = unit.slice(0, unit.length - SELF_SUFFIX.length).trim();
    const level = header.cols.level !== undefined ? parseLevel(fg.text(r, header.cols.level)) : null;
    const sent = header.cols.sent !== undefined ? parseDateCell(fg.value(r, header.cols.sent), grid.date1904) : null;
    const status = STATUS_BY_KEY.get(labelKey(fg.text(r, statusCol))) ?? null;
    const figures = emptyFigures();
    for (const [code, c] of codeCols) {
      const v = fg.value(r, c);
      if (v === null || v === '') continue;
      const parsed = parseFigure(v, INDICATOR_BY_CODE[code].kind);
      if (parsed.value !== null && parsed.issue?.severity !== 'error') figures[code] = parsed.value;
    }
    children.push({ unit, isSelf, level, status, sentDate: sent ?? undefined, figures, row: r });
  }
  return { sheet: grid.sheet, children };
}

export interface FindingRow {
  severity: Severity;
  unit: string;
  file: string;
  sheet: string;
  cell: string;
  rule: RuleId;
  message: string;
}

type FindingCol = 'severity' | 'unit' | 'file' | 'sheet' | 'cell' | 'rule' | 'message';
/** The findings sheet's headers (findings-sheet.ts: STT | Mức độ | Đơn vị | Tệp | Trang | Ô | Quy tắc | Nội dung; `Sheet` in sheets written by earlier versions). */
const [, H_SEVERITY, H_UNIT, H_FILE, H_SHEET, H_CELL, H_RULE, H_MESSAGE] = FINDINGS_HEADERS;
export const FINDING_HEADER_SPECS: HeaderSpec<FindingCol>[] = [
  { field: 'severity', labels: [H_SEVERITY, 'Loại', 'Mức'], required: true },
  { field: 'unit', labels: [H_UNIT], required: true },
  { field: 'file', labels: [H_FILE, 'File'], required: false },
  { field: 'sheet', labels: [H_SHEET, OLD_SHEET_HEADER, 'Trang tính'], required: false },
  { field: 'cell', labels: [H_CELL, 'Địa chỉ'], required: false },
  { field: 'rule', labels: [H_RULE], required: false },
  { field: 'message', labels: [H_MESSAGE, 'Thông báo', 'Mô tả'], required: false },
];

const SEVERITY_BY_KEY = new Map<string, Severity>(
  (Object.entries(SEVERITY_LABELS) as [Severity, string][]).map(([s, l]) => [labelKey(l), s]),
);

/** The rows of a findings sheet (severity `Lỗi` / `Cảnh báo`), or null when the sheet has no such table. */
export function readFindingsTable(grid: SheetGrid): FindingRow[] | null {
  const fg = new FoldedGrid(grid);
  const header = findHeader(fg, FINDING_HEADER_SPECS, 0, Math.min(fg.rowCount, 20));
  if (!header) return null;
  const col = header.cols;
  const out: FindingRow[] = [];
  for (let r = header.lastRow + 1; r < fg.rowCount; r++) {
    const severity = SEVERITY_BY_KEY.get(labelKey(fg.text(r, col.severity!)));
    if (!severity) continue;
    out.push({
      severity,
      unit: fg.text(r, col.unit!),
      file: col.file !== undefined ? fg.text(r, col.file) : '',
      // The findings sheet writes `Sheet (trang ẩn)` for a hidden sheet: the name is without it.
      sheet: col.sheet !== undefined ? withoutHiddenNote(fg.text(r, col.sheet)) : '',
      cell: col.cell !== undefined ? fg.text(r, col.cell) : '',
      // The rule's Vietnamese name back to its id (an id as older sheets wrote it stays).
      rule: ruleOfName(col.rule !== undefined ? fg.text(r, col.rule) : ''),
      message: col.message !== undefined ? fg.text(r, col.message) : '',
    });
  }
  return out;
}

// ---------------------------------------------------------------- a whole compiled workbook

/** Sheet names compared as Excel does (case-insensitive), a ` (2)` suffix allowed. */
function sameSheetBase(name: string, base: string): boolean {
  const n = name.trim().toLocaleLowerCase('vi');
  const b = base.trim().toLocaleLowerCase('vi');
  return n === b || (n.startsWith(b + ' (') && /\(\d+\)$/.test(n));
}

/** The compiled report asked for: the unit's, else the top one (whose parent is no other compiled unit). */
function pickCompiled(compiled: UnitReport[], unit?: string): UnitReport | undefined {
  if (unit) return compiled.find((r) => unitKey(r.unit) === unitKey(unit));
  const keys = new Set(compiled.map((r) => unitKey(r.unit)));
  const tops = compiled.filter((r) => !r.parent || !keys.has(unitKey(r.parent)));
  return tops[0] ?? compiled[0];
}

/** `xã Hương Lộc: text` lines of a compiled assessment cell (layout/index.ts joinAssessments), attributed to the unit they name. */
function attributedLines(text: string, report: UnitReport, childNames: string[]): { unit: string; text: string }[] {
  const byShort = new Map<string, string>();
  for (const n of childNames) {
    byShort.set(fold(n), n);
    byShort.set(fold(withoutCommitteePrefix(n)), n);
  }
  // Lines without a unit's name continue the text of the unit named last.
  const out: { unit: string; text: string }[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*:\s+(.+)$/.exec(line);
    const who = m ? byShort.get(fold(m[1])) : undefined;
    if (who) out.push({ unit: who, text: m![2] });
    else if (out.length) out[out.length - 1].text += `\n${line}`;
    else out.push({ unit: '', text: line });
  }
  return out.filter((x) => x.text && fold(x.text) !== fold(report.unit));
}

/**
 * A workbook the compiler wrote (`tonghop report tong-hop.xlsx`), read back
 * as the compiled data of one unit (`unit`, else the top one): its `BC …`
 * report sheet, the `TH …` summary's child rows, the `Kiểm tra` findings,
 * and the units' own sheets when the workbook still holds them (their
 * assessments and document numbers). Throws a Vietnamese message when the
 * workbook holds no compiled report.
 */
export function readCompiledWorkbook(grids: readonly SheetGrid[], unit?: string): CompiledData {
  const reads = grids.map((g) => readSheet(g));
  const reports = reads.flatMap((r) => (r.kind === 'report' ? [r.report] : []));
  const compiled = reports.filter((r) => r.compiled && r.period && r.year);
  const own = pickCompiled(compiled, unit);
  if (!own || !own.period || !own.year) {
    throw new Error(
      unit
        ? `Không tìm thấy báo cáo tổng hợp của "${unit}" (sheet "BC …" có "Loại báo cáo: Tổng hợp") trong bảng tính.`
        : 'Không tìm thấy báo cáo tổng hợp (sheet "BC …" có "Loại báo cáo: Tổng hợp") trong bảng tính: hãy tổng hợp trước rồi lập báo cáo.',
    );
  }
  const period = own.period;
  const year = own.year;
  const ownKey = unitKey(own.unit);
  const plan: Plan | undefined = reads.flatMap((r) => (r.kind === 'plan' ? [r.plan] : []))[0];

  // The units' own sheets still in the workbook, of this period and reporting to this unit.
  // (The unit's own sheet, its own activities, counts among them.)
  const unitSheets = reports.filter((r) => !r.compiled && r.period === period && r.year === year
    && (unitKey(r.unit) === ownKey || (!!r.parent && unitKey(r.parent) === ownKey)));
  const levelOf = (name: string) =>
    reports.find((r) => unitKey(r.unit) === unitKey(name))?.level
    ?? plan?.roster.find((u) => unitKey(u.name) === unitKey(name))?.level
    ?? levelFromName(name);

  // Child rows: the summary sheet named for this unit; else the only summary-like sheet of the
  // workbook (with several, none is guessed); else the units' own sheets.
  const summaryBase = outputSheetBase('summary', own.unit);
  let table: SummaryTable | null = null;
  for (const g of grids.filter((g) => sameSheetBase(g.sheet, summaryBase))) {
    table = readSummaryTable(g);
    if (table) break;
  }
  if (!table) {
    const others = grids.map(readSummaryTable).filter((t): t is SummaryTable => !!t);
    if (others.length === 1) table = others[0];
  }
  let children: CompiledSummary['children'];
  if (table) {
    children = table.children.map((row) => {
      const hasFigures = INDICATOR_CODES.some((c) => row.figures[c] !== null);
      const status = row.status ?? (hasFigures ? STATUS_ON_TIME : STATUS_MISSING);
      const missing = status === STATUS_MISSING;
      return {
        unit: row.unit,
        level: row.level ?? levelOf(row.unit),
        status,
        figures: missing ? null : row.figures,
        rates: missing ? null : computeRates(row.figures),
        sentDate: row.sentDate,
        isSelf: row.isSelf || unitKey(row.unit) === ownKey,
      };
    });
  } else {
    children = unitSheets.map((r) => ({
      unit: r.unit, level: r.level, status: STATUS_ON_TIME, figures: r.figures, rates: computeRates(r.figures), sentDate: r.sentDate, isSelf: false,
    }));
  }
  const countedChildren = children.filter((c) => c.figures);
  const emptyCounts: Partial<Record<IndicatorCode, number>> = {};
  for (const code of INDICATOR_CODES) {
    const n = countedChildren.filter((c) => c.figures![code] === null).length;
    if (n > 0) emptyCounts[code] = n;
  }

  // Assessments: from the units' sheets when present, else the compiled report's cells, attributed.
  let assessments: { unit: string; key: AssessmentKey; text: string }[];
  if (unitSheets.length) {
    assessments = unitSheets.flatMap((r) => ASSESSMENT_LABELS.flatMap(({ key }) =>
      r.assessment[key] ? [{ unit: r.unit, key, text: r.assessment[key]! }] : []));
  } else {
    const names = children.map((c) => c.unit);
    assessments = ASSESSMENT_LABELS.flatMap(({ key }) =>
      own.assessment[key] ? attributedLines(own.assessment[key]!, own, names).map((x) => ({ ...x, key })) : []);
  }

  const findingsGrid = grids.find((g) => sameSheetBase(g.sheet, FINDINGS_SHEET_NAME));
  const rows = (findingsGrid && readFindingsTable(findingsGrid)) ?? [];

  return {
    period,
    year,
    summaries: [{
      unit: own.unit,
      level: own.level,
      parent: own.parent,
      figures: own.figures,
      emptyCounts,
      rates: computeRates(own.figures),
      children,
      tasks: own.tasks.filter((t) => t.stt !== null).map((t) => ({
        stt: t.stt!,
        name: t.name,
        result: t.result,
        complete: t.done,
        note: t.note,
      })),
      assessments,
      documents: unitSheets.filter((r) => r.docRef).map((r) => ({ unit: r.unit, docRef: r.docRef! })),
      deadline: deadlineFor(period, year, plan && plan.period === period && plan.year === year ? plan : undefined),
      span: periodSpan(period, year, plan && plan.period === period && plan.year === year ? plan : undefined),
      // «Hình thức khác»: the parent's own report carries them as its K rows.
      ...(own.otherForms?.length ? { otherForms: sumOtherForms([own.otherForms]) } : {}),
    }],
    findings: rows.map((f) => makeFinding(f.severity, { unit: f.unit, file: f.file || undefined, sheet: f.sheet, cell: f.cell }, f.rule, f.message)),
  };
}
