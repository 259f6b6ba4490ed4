/**
 * ReportData: everything the narrative Báo cáo needs, made by one
 * constructor (fromCompileResult) from compiled data: a CompileResult, or a
 * compiled workbook read back (core/layout/read-back.ts, via
 * compiled-workbook.ts). Plain data, so the pane can build it in the browser.
 */
import type { ChildRow, CompiledData, CompiledSummary, PreviousPeriod } from '../core/model';
import {
  computeRates, emptyFigures, INDICATORS, type AssessmentKey, type Figures, type IndicatorCode,
  type Level, type Period, type Rates,
} from '../core/template';
import { findingParts } from '../core/findings';
import { unitCount } from '../core/rollup';
import { unitKey } from '../core/unit-names';
import { toIsoDate } from './format';
import { placeName } from './names';
import { periodPhrase, type Span } from '../core/periods';
import type { OtherFormTotal } from '../core/other-forms';
import { comparisonRef, type ComparisonRef } from './compare';
import type { Signer } from './signer';

/** A child as the report needs it: the summary's child row without its task marks. */
export type ReportChild = Pick<ChildRow, 'unit' | 'level' | 'status' | 'figures' | 'rates' | 'sentDate' | 'isSelf'>;

export interface ReportTask {
  stt: number;
  name: string;
  result: string;
  /** Hoàn thành / Chưa hoàn thành (core/template.ts taskStatusWord); null when unknown (a rebuilt workbook with no mark). */
  complete: boolean | null;
  note: string;
}

export interface ReportAssessment {
  unit: string;
  key: AssessmentKey;
  text: string;
}

export interface ReportFinding {
  unit: string;
  /** `Hương Lộc!D14` (or the sheet alone when the finding is about a whole sheet). */
  ref: string;
  message: string;
}

export interface ReportPrevious {
  period: Period | null;
  year: number | null;
  /** The issuing unit's previous figures (its own entry, else the sum of its children's). */
  figures: Figures;
  /** How to word the comparison; null when the previous period is not earlier (then nothing is compared). */
  ref: ComparisonRef | null;
}

export interface ReportData {
  /** Issuing unit as written: `UBND huyện Nam Đông`. */
  unit: string;
  level: Level | null;
  /** Its parent body: `UBND tỉnh Thừa Thiên Huế`. */
  parentBody?: string;
  period: Period;
  year: number;
  /** Place of the date line: `Nam Đông`. */
  place: string;
  /** Date of the report, ISO `yyyy-mm-dd`. */
  date: string;
  figures: Figures;
  /** Per code, how many counted children left it empty. */
  emptyCounts: Partial<Record<IndicatorCode, number>>;
  rates: Rates;
  children: ReportChild[];
  tasks: ReportTask[];
  assessments: ReportAssessment[];
  documents: { unit: string; docRef: string }[];
  errorCount: number;
  warningCount: number;
  /** Open errors, in the compile's order (the note shows the first ones). */
  errors: ReportFinding[];
  /** Units expected but not reported (`Chưa nộp`). */
  missingUnits: string[];
  /** Units that reported after the deadline (`Nộp muộn`). */
  lateUnits: string[];
  /** `Hạn nộp`, ISO, when known. */
  deadline?: string;
  /** The dates the figures cover, when known. */
  span?: Span;
  /** «Hình thức khác»: the units' K rows summed by label and unit. */
  otherForms?: OtherFormTotal[];
  previous?: ReportPrevious;
  /** Said to the officer when a previous period was given but could not be used as it is (none of its units, or only some). */
  previousNote?: string;
  /** Who signs, as the officer chose (signer.ts); absent: the unit's usual signer, name left to fill. */
  signer?: Signer;
}

export interface ReportOptions {
  /** Which summary the report is about (matched by unitKey); default the top one. */
  unit?: string;
  previous?: PreviousPeriod;
  /** Date written on the report; default today. */
  date?: Date;
  /** Override the place of the date line. */
  place?: string;
  /** Who signs (quyền hạn, chức vụ, họ tên); default the unit's usual signer. */
  signer?: Signer;
}

/**
 * Where a report goes when the plan names no `Đơn vị cấp trên`: a province
 * reports on administrative reform to the Bộ Nội vụ (the ministry that
 * collects CCHC reports); below a province the plan names the parent.
 */
export function levelAbove(level: Level | null): string | undefined {
  return level === 'Tỉnh' ? 'Bộ Nội vụ' : undefined;
}

/** The top summary: the last, since a compile lists them deepest first (core/model.ts CompileResult.summaries). */
export function topSummary<S extends CompiledSummary>(summaries: S[]): S | undefined {
  return summaries[summaries.length - 1];
}

/**
 * A finding as the officer's note lists it: `file › Sheet!Cell` and the
 * message without the `Sheet!Cell: ` the reader already put in front of it.
 */
export function reportFinding(f: { unit: string; file?: string; sheet: string; cell: string; message: string }): ReportFinding {
  const { place, text } = findingParts(f);
  return { unit: f.unit, ref: place, message: text };
}

/**
 * Names as the roster writes them: a unit that typed its own name without
 * diacritics (`UBND xa Thuong Quang`) is cited by its child row's name.
 */
export function canonicalNames<T extends { unit: string }>(items: T[], children: { unit: string }[]): T[] {
  const byKey = new Map(children.map((c) => [unitKey(c.unit), c.unit]));
  return items.map((x) => ({ ...x, unit: byKey.get(unitKey(x.unit)) ?? x.unit }));
}

/**
 * The issuing unit's previous figures: its own entry when the previous
 * workbook has it, else the sum of its children's entries (a mean for
 * mean-rolled indicators is not rebuilt: left null).
 */
export function previousFor(
  prev: PreviousPeriod,
  unit: string,
  childUnits: string[],
  cur: { period: Period; year: number },
): { previous?: ReportPrevious; previousNote?: string } {
  const own = prev.byUnit[unitKey(unit)];
  const ref = comparisonRef(cur, prev);
  if (own) return { previous: { period: prev.period, year: prev.year, figures: own, ref } };
  const found = childUnits.filter((u) => prev.byUnit[unitKey(u)]);
  const label = periodPhrase(prev.period, prev.year);
  if (found.length === 0) {
    return { previousNote: `Tệp kỳ trước (${label}) không có số liệu của ${unit} hay đơn vị nào trực thuộc: báo cáo không so sánh với kỳ trước.` };
  }
  const figures = sumFigures(found.map((u) => prev.byUnit[unitKey(u)]));
  const note = found.length < childUnits.length
    ? `Số liệu kỳ trước (${label}) cộng từ ${found.length}/${childUnits.length} đơn vị có trong tệp kỳ trước: so sánh chỉ mang tính tham khảo.`
    : undefined;
  return { previous: { period: prev.period, year: prev.year, figures, ref }, previousNote: note };
}


/** Children's figures summed per the template's roll-up (means over the units that reported). */
export function sumFigures(list: Figures[]): Figures {
  const out = emptyFigures();
  for (const ind of INDICATORS) {
    const vals = list.map((f) => f[ind.code]).filter((v): v is number => v !== null && v !== undefined);
    if (vals.length === 0) continue;
    const total = vals.reduce((a, b) => a + b, 0);
    out[ind.code] = ind.rollup === 'mean' ? total / vals.length : total;
  }
  return out;
}

/** What the report of one summary of compiled data says (a compile's result, or a compiled workbook read back). */
export function fromCompileResult(result: CompiledData, opts: ReportOptions = {}): ReportData {
  const summary = opts.unit
    ? result.summaries.find((s) => unitKey(s.unit) === unitKey(opts.unit!))
    : topSummary(result.summaries);
  if (!summary) {
    throw new Error(
      opts.unit
        ? `Không có bảng tổng hợp của đơn vị "${opts.unit}" trong kết quả tổng hợp.`
        : 'Kết quả tổng hợp chưa có đơn vị nào được tổng hợp: chưa thể lập báo cáo.',
    );
  }
  const errors = result.findings.filter((f) => f.severity === 'error');
  const children: ReportChild[] = summary.children.map((c) => ({
    unit: c.unit, level: c.level, status: c.status, figures: c.figures, rates: c.rates, sentDate: c.sentDate, isSelf: c.isSelf,
  }));
  const cur = { period: result.period, year: result.year };
  const emptyCounts: Partial<Record<IndicatorCode, number>> = {};
  for (const [code, n] of Object.entries(summary.emptyCounts ?? {})) if (n > 0) emptyCounts[code as IndicatorCode] = n;
  return {
    unit: summary.unit,
    level: summary.level,
    parentBody: summary.parent ?? levelAbove(summary.level),
    period: result.period,
    year: result.year,
    place: opts.place ?? placeName(summary.unit, summary.parent),
    date: toIsoDate(opts.date ?? new Date()),
    figures: summary.figures,
    emptyCounts,
    rates: summary.rates ?? computeRates(summary.figures),
    children,
    tasks: summary.tasks.map((t) => ({ stt: t.stt, name: t.name, result: t.result, complete: t.complete, note: t.note })),
    assessments: canonicalNames(summary.assessments.map((a) => ({ unit: a.unit, key: a.key, text: a.text })), children),
    documents: canonicalNames(summary.documents.map((d) => ({ unit: d.unit, docRef: d.docRef })), children),
    errorCount: errors.length,
    warningCount: result.findings.length - errors.length,
    errors: errors.map(reportFinding),
    // The one count of the units (core/rollup.ts unitCount), as the summary sheet and the command line say it.
    missingUnits: unitCount(children).missing,
    lateUnits: unitCount(children).late,
    deadline: summary.deadline,
    span: summary.span,
    ...(summary.otherForms?.length ? { otherForms: summary.otherForms } : {}),
    ...(opts.signer ? { signer: opts.signer } : {}),
    ...(opts.previous ? previousFor(opts.previous, summary.unit, children.map((c) => c.unit), cur) : {}),
  };
}
