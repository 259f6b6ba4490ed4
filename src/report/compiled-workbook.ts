/**
 * ReportData rebuilt from a workbook the compiler wrote (`tonghop report
 * tong-hop.xlsx`, or the pane on a workbook compiled earlier): the parent's
 * `BC …` TTCCHC-1 report sheet (read by readSheet like any report), the
 * `TH …` summary's child rows, the `Kiểm tra` findings, and the units' own
 * sheets when the workbook still holds them (their assessments and document
 * numbers).
 */
import { deadlineFor } from '../core/compile';
import type { SheetGrid } from '../core/grid';
import { FINDINGS_SHEET_NAME, outputSheetBase } from '../core/layout/names';
import type { Plan, UnitReport } from '../core/model';
import { readSheet } from '../core/reader';
import {
  ASSESSMENT_LABELS, computeRates, INDICATOR_CODES, STATUS_LATE, STATUS_MISSING, STATUS_ON_TIME,
  type IndicatorCode,
} from '../core/template';
import { fold } from '../core/text';
import { unitKey } from '../core/unit-names';
import { toIsoDate } from './format';
import { levelFromName, placeName } from './names';
import { withoutCommitteePrefix } from '../core/unit-names';
import { canonicalNames, previousFor, reportFinding, type ReportAssessment, type ReportChild, type ReportData, type ReportOptions } from './report-data';
import { readFindingsTable, readSummaryTable, type SummaryTable } from './workbook-tables';

/** Sheet names compared as Excel does (case-insensitive), a ` (2)` suffix allowed. */
function sameSheetBase(name: string, base: string): boolean {
  const n = name.trim().toLocaleLowerCase('vi');
  const b = base.trim().toLocaleLowerCase('vi');
  return n === b || (n.startsWith(b + ' (') && /\(\d+\)$/.test(n));
}

/** The compiled report the document is about: the asked unit, else the top one (whose parent is no other compiled unit). */
function pickCompiled(compiled: UnitReport[], unit?: string): UnitReport | undefined {
  if (unit) return compiled.find((r) => unitKey(r.unit) === unitKey(unit));
  const keys = new Set(compiled.map((r) => unitKey(r.unit)));
  const tops = compiled.filter((r) => !r.parent || !keys.has(unitKey(r.parent)));
  return tops[0] ?? compiled[0];
}

/** `xã Hương Lộc: text` lines of a compiled assessment cell, attributed to the unit they name. */
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

/** Rebuild what the report needs from an output workbook's grids. */
export function fromCompiledWorkbook(grids: SheetGrid[], opts: ReportOptions = {}): ReportData {
  const reads = grids.map((g) => ({ grid: g, read: readSheet(g) }));
  const reports = reads.flatMap((x) => (x.read.kind === 'report' ? [x.read.report] : []));
  const compiled = reports.filter((r) => r.compiled && r.period && r.year);
  const own = pickCompiled(compiled, opts.unit);
  if (!own || !own.period || !own.year) {
    throw new Error(
      opts.unit
        ? `Không tìm thấy báo cáo tổng hợp của "${opts.unit}" (sheet "BC …" có "Loại báo cáo: Tổng hợp") trong bảng tính.`
        : 'Không tìm thấy báo cáo tổng hợp (sheet "BC …" có "Loại báo cáo: Tổng hợp") trong bảng tính: hãy tổng hợp trước rồi lập báo cáo.',
    );
  }
  const period = own.period;
  const year = own.year;
  const ownKey = unitKey(own.unit);
  const plan: Plan | undefined = reads.flatMap((x) => (x.read.kind === 'plan' ? [x.read.plan] : []))[0];

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
  let children: ReportChild[];
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

  // Assessments: from the units' sheets when present (attributed), else the compiled report's cells.
  let assessments: ReportAssessment[];
  if (unitSheets.length) {
    assessments = canonicalNames(unitSheets.flatMap((r) => ASSESSMENT_LABELS.flatMap(({ key }) =>
      r.assessment[key] ? [{ unit: r.unit, key, text: r.assessment[key]! }] : [])), children);
  } else {
    const names = children.map((c) => c.unit);
    assessments = ASSESSMENT_LABELS.flatMap(({ key }) =>
      own.assessment[key] ? attributedLines(own.assessment[key]!, own, names).map((x) => ({ ...x, key })) : []);
  }

  const findingsGrid = grids.find((g) => sameSheetBase(g.sheet, FINDINGS_SHEET_NAME));
  const findings = (findingsGrid && readFindingsTable(findingsGrid)) ?? [];
  const errors = findings.filter((f) => f.severity === 'error');

  return {
    unit: own.unit,
    level: own.level,
    parentBody: own.parent,
    period,
    year,
    place: opts.place ?? placeName(own.unit, own.parent),
    date: toIsoDate(opts.date ?? new Date()),
    figures: own.figures,
    emptyCounts,
    rates: computeRates(own.figures),
    children,
    tasks: own.tasks.filter((t) => t.stt !== null).map((t) => ({
      stt: t.stt!,
      name: t.name,
      result: t.result,
      status: t.done === true ? 'Hoàn thành' : t.done === false ? 'Chưa hoàn thành' : null,
      note: t.note,
    })),
    assessments,
    documents: canonicalNames(unitSheets.filter((r) => r.docRef).map((r) => ({ unit: r.unit, docRef: r.docRef! })), children),
    errorCount: errors.length,
    warningCount: findings.length - errors.length,
    errors: errors.map(reportFinding),
    missingUnits: children.filter((c) => c.status === STATUS_MISSING).map((c) => c.unit),
    lateUnits: children.filter((c) => c.status === STATUS_LATE).map((c) => c.unit),
    deadline: deadlineFor(period, year, plan && plan.period === period && plan.year === year ? plan : undefined),
    ...(opts.previous ? previousFor(opts.previous, own.unit, children.map((c) => c.unit), { period, year }) : {}),
  };
}
