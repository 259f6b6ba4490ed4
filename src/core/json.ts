/**
 * The `--json` output of the command line: a stable, plain shape for other
 * programs. Figures always hold every code of the form (core/template.ts INDICATORS) (`null` = nobody reported it),
 * rates are `null` when their denominator is 0, statuses are Vietnamese.
 * `file` is `null` for sheets of an open workbook.
 */
import type { CompileResult } from './model';
import type { Severity } from './findings';
import { INDICATOR_CODES, RATES, type ChildStatus, type Figures, type IndicatorCode, type Level, type Period, type Rates, type TaskStatus, taskStatusWord } from './template';

export interface ResultJson {
  period: Period;
  year: number;
  reports: {
    unit: string;
    level: Level | null;
    parent: string | null;
    file: string | null;
    sheet: string;
    counted: boolean;
    /** The unit's newer report that counts instead of this one (docs/spec/TEMPLATE.md §8), present only on a superseded copy. */
    supersededBy?: { file: string | null; sheet: string };
    /** Đã duyệt / Trả lại from the compiling workbook's approval record (core/approval.ts); absent: Chưa duyệt. */
    approval?: 'Đã duyệt' | 'Trả lại';
    figures: Record<IndicatorCode, number | null>;
  }[];
  summaries: {
    unit: string;
    level: Level | null;
    figures: Record<IndicatorCode, number | null>;
    rates: Rates;
    children: { unit: string; status: ChildStatus }[];
    /** `notDone`: every expected child that did not mark Hoàn thành, reported or not. */
    tasks: { stt: number; name: string; done: number; expected: number; status: TaskStatus; notDone: string[] }[];
  }[];
  findings: { severity: Severity; unit: string; file: string | null; sheet: string; cell: string; rule: string; message: string }[];
  /** A cumulative period's figures built from (`built`), or checked against, each unit's sub-period reports (core/cumulative.ts). */
  cumulative?: { unit: string; period: Period; built: boolean; parts: { period: Period; file: string | null; sheet: string }[] }[];
}

/** All 22 codes in template order, `null` for not reported; no NaN or undefined can leak. */
function allCodes(f: Figures): Record<IndicatorCode, number | null> {
  const out = {} as Record<IndicatorCode, number | null>;
  for (const c of INDICATOR_CODES) {
    const v = f[c];
    out[c] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return out;
}

export function toResultJson(result: CompileResult): ResultJson {
  return {
    period: result.period,
    year: result.year,
    reports: result.reports.map((e) => ({
      unit: e.report.unit,
      level: e.report.level,
      parent: e.report.parent ?? null,
      file: e.report.source.file ?? null,
      sheet: e.report.source.sheet,
      counted: e.counted,
      ...(e.supersededBy ? { supersededBy: { file: e.supersededBy.file ?? null, sheet: e.supersededBy.sheet } } : {}),
      ...(e.approval ? { approval: e.approval.state } : {}),
      figures: allCodes(e.report.figures),
    })),
    summaries: result.summaries.map((s) => ({
      unit: s.unit,
      level: s.level,
      figures: allCodes(s.figures),
      rates: Object.fromEntries(RATES.map((r) => [r.key, s.rates[r.key]])) as Rates,
      children: s.children.map((c) => ({ unit: c.unit, status: c.status })),
      tasks: s.tasks.map((t) => ({ stt: t.stt, name: t.name, done: t.done, expected: t.expected, status: taskStatusWord(t.complete), notDone: [...t.notDone, ...t.notReported, ...(t.notCounted ?? [])] })),
    })),
    findings: result.findings.map((f) => ({
      severity: f.severity, unit: f.unit, file: f.file ?? null, sheet: f.sheet, cell: f.cell, rule: f.rule, message: f.message,
    })),
    ...(result.cumulative ? {
      cumulative: result.cumulative.map((c) => ({
        unit: c.unit, period: c.period, built: c.built,
        parts: c.parts.map((p) => ({ period: p.period, file: p.source.file ?? null, sheet: p.source.sheet })),
      })),
    } : {}),
  };
}
