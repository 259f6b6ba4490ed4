/**
 * Cumulative periods (docs/spec/TEMPLATE.md §11): when the compile's period is
 * `6 tháng`, `9 tháng` or `Năm`, a unit that sent no report of that period
 * but sent reports covering its span (Quý I + Quý II; `6 tháng` + Quý III…)
 * gets figures built from them by each indicator's kind (no finding: it is
 * the normal case; the reports used are listed on the result); a unit whose
 * reports leave a gap is `Chưa nộp`, with a finding naming what is missing;
 * a unit that sent both has its cumulative report checked against them.
 *
 * It works on the compile's report entries in place: the last sub-period's
 * entry carries the built report (so the sheet it came from is the one the
 * summary and the findings point at), the other sub-period entries are
 * marked as used, and the compiler leaves every used entry out of its
 * other-period check (compile.ts).
 */
import { makeFinding, type Finding } from './findings';
import type { ReportEntry, SourceRef, UnitReport } from './model';
import { formatNumber } from './numbers';
import { daysInSpan, defaultSpan, isCumulative, periodOfQuarters, periodTitle, quartersOf, type Period } from './periods';
import { pickNewest } from './resubmissions';
import { sumOtherForms } from './other-forms';
import { INDICATOR_BY_CODE, INDICATOR_CODES, type Figures, type IndicatorCode, type TimeKind } from './template';
import { unitKey } from './unit-names';

/**
 * How a longer period's value is built from shorter ones (spec §11): each
 * indicator's timeKind in template.ts; the K rows (other-forms.ts) are flows.
 */
export type IndicatorKind = 'flow' | 'opening' | 'closing' | 'mean';
const KIND: Readonly<Record<TimeKind, IndicatorKind>> = { flow: 'flow', 'opening-stock': 'opening', 'closing-stock': 'closing', mean: 'mean' };
export function indicatorKind(code: string): IndicatorKind {
  const ind = INDICATOR_BY_CODE[code as IndicatorCode];
  return ind ? KIND[ind.timeKind] : 'flow';
}

/** What one cumulative figure stands on: the unit, and the reports used (listed on the compile's result). */
export interface CumulativeBasis {
  unit: string;
  period: Period;
  /** true: the figures were built from `parts`; false: the unit's own cumulative report counted and was checked against them. */
  built: boolean;
  parts: { period: Period; source: SourceRef }[];
}

export interface CumulativeOutcome {
  /** Sub-period reports used (or left aside) for the cumulative period: not a wrong-period report. */
  used: Set<ReportEntry>;
  findings: Finding[];
  bases: CumulativeBasis[];
}

/**
 * A report that went into the figures: counted, or one of the sub-period reports its unit's cumulative
 * figures were built from (only the last of those is `counted`). What «Báo cáo được tính» counts.
 */
export function reportUsed(r: Pick<ReportEntry, 'counted' | 'cumulated'>): boolean {
  return r.counted || !!r.cumulated;
}

const nothing = (): CumulativeOutcome => ({ used: new Set(), findings: [], bases: [] });

/** The sub-period pieces of a cumulative period: every period ending inside it and starting at a quarter it covers. */
function isPiece(p: Period, target: Period): boolean {
  return p !== target && quartersOf(p)[1] <= quartersOf(target)[1];
}

/**
 * Cover quarters 1..last with the pieces at hand, the longest first (only
 * quarters start after Quý I, so taking the longest never hides a cover);
 * the quarters nothing covers are missing.
 */
function cover(available: Map<Period, ReportEntry>, last: number): { parts: { period: Period; entry: ReportEntry }[]; missing: Period[] } {
  const parts: { period: Period; entry: ReportEntry }[] = [];
  const missing: Period[] = [];
  for (let q = 1; q <= last;) {
    let taken = false;
    for (let end = last; end >= q && !taken; end--) {
      const p = periodOfQuarters(q, end);
      const e = p && available.get(p);
      if (p && e) {
        parts.push({ period: p, entry: e });
        q = end + 1;
        taken = true;
      }
    }
    if (!taken) {
      missing.push(periodOfQuarters(q, q)!);
      q++;
    }
  }
  return { parts, missing };
}

/** Figures of the cumulative period from its parts, by each indicator's kind. */
export function cumulativeFigures(parts: readonly { period: Period; figures: Figures }[], year: number): Figures {
  const out = {} as Figures;
  for (const code of INDICATOR_CODES) {
    const values = parts.map((p) => p.figures[code]);
    switch (indicatorKind(code)) {
      case 'opening': out[code] = values[0]; break;
      case 'closing': out[code] = values[values.length - 1]; break;
      case 'mean': {
        let sum = 0;
        let days = 0;
        parts.forEach((p, i) => {
          const v = values[i];
          if (v === null) return;
          const d = daysInSpan(defaultSpan(p.period, year));
          sum += v * d;
          days += d;
        });
        out[code] = days ? Math.round((sum / days) * 100) / 100 : null;
        break;
      }
      default: {
        const known = values.filter((v): v is number => v !== null);
        out[code] = known.length ? known.reduce((a, b) => a + b, 0) : null;
      }
    }
  }
  return out;
}

/** `Quý I + Quý II` (a sum), `Quý II` (a stock), `bình quân theo ngày của Quý I, Quý II`: what a derived figure is. */
function derivedWording(code: IndicatorCode, periods: readonly Period[]): string {
  switch (indicatorKind(code)) {
    case 'opening': return `${periods[0]} ghi`;
    case 'closing': return `${periods[periods.length - 1]} ghi`;
    case 'mean': return `bình quân theo ngày của ${periods.join(', ')} là`;
    default: return `${periods.join(' + ')} =`;
  }
}

const shown = (v: number) => formatNumber(v);

/** Group the entries by unit (and by compiled or not: a district's own sheet and its compiled report are two reporters). */
function byUnit(entries: readonly ReportEntry[]): Map<string, ReportEntry[]> {
  const out = new Map<string, ReportEntry[]>();
  for (const e of entries) {
    const r = e.report;
    if (!r.identificationOk || !r.period || !r.unit) continue;
    const k = `${r.compiled ? 'c' : 'u'}|${unitKey(r.unit)}`;
    const list = out.get(k) ?? [];
    list.push(e);
    out.set(k, list);
  }
  return out;
}

/**
 * The cumulative period's reports built, checked or found missing, for a
 * compile of `period` / `year`; nothing to do for a quarter.
 */
export function applyCumulative(entries: readonly ReportEntry[], period: Period, year: number): CumulativeOutcome {
  const out = nothing();
  if (!isCumulative(period)) return out;
  const last = quartersOf(period)[1];
  const title = periodTitle(period, year);
  for (const group of byUnit(entries.filter((e) => e.report.year === year)).values()) {
    const own = group.filter((e) => e.report.period === period);
    const pieces = new Map<Period, ReportEntry>();
    for (const p of new Set(group.map((e) => e.report.period!))) {
      if (!isPiece(p, period)) continue;
      const copies = group.filter((e) => e.report.period === p);
      const newest = pickNewest(copies);
      pieces.set(p, newest);
      for (const c of copies) {
        out.used.add(c);
        if (c !== newest) c.reason = `Đơn vị đã gửi bản ${p} mới hơn (${sourceText(newest.report.source)}).`;
      }
    }
    if (!pieces.size) continue;
    const { parts, missing } = cover(pieces, last);
    const unit = group[0].report.unit;
    for (const [p, e] of pieces) {
      if (parts.some((x) => x.entry === e)) continue;
      e.reason ??= `Báo cáo ${p} không cần cho ${title}: số liệu đã nằm trong báo cáo khác của đơn vị.`;
    }
    if (own.length) {
      // The unit's own cumulative report counts; its sub-periods, when they cover the span, check it.
      for (const { entry } of parts) entry.reason = `Báo cáo ${entry.report.period} dùng để đối chiếu với báo cáo ${title} của đơn vị.`;
      if (missing.length) continue;
      const counted = pickNewest(own);
      out.findings.push(...disagreements(counted.report, parts, period, year));
      out.bases.push({ unit, period, built: false, parts: parts.map((p) => ({ period: p.period, source: p.entry.report.source })) });
      continue;
    }
    if (missing.length) {
      const names = missing.join(', ');
      for (const { entry } of parts) entry.reason = `Thiếu báo cáo ${names} năm ${year}: không lũy kế được số liệu ${title}.`;
      const at = parts.length ? parts[parts.length - 1].entry.report : [...pieces.values()][0].report;
      out.findings.push(makeFinding('error', { unit, file: at.source.file, sheet: at.source.sheet, cell: at.idCells.period ?? '', hidden: at.source.hidden },
        'compile.cumulative-gap',
        `${unit} chưa gửi báo cáo ${names} năm ${year} (đã gửi: ${[...pieces.keys()].join(', ')}): không lũy kế được số liệu ${title}, đơn vị được ghi Chưa nộp. Đề nghị đơn vị gửi báo cáo ${names} hoặc báo cáo ${title}.`));
      continue;
    }
    const lastEntry = parts[parts.length - 1].entry;
    for (const { entry } of parts) if (entry !== lastEntry) entry.reason = `Báo cáo ${entry.report.period} đã được lũy kế vào số liệu ${title} của đơn vị (cùng ${lastEntry.report.period}).`;
    const built: UnitReport = {
      ...lastEntry.report,
      period,
      figures: cumulativeFigures(parts.map((p) => ({ period: p.period, figures: p.entry.report.figures })), year),
      // «Hình thức khác» are flows: summed by label and unit.
      otherForms: sumOtherForms(parts.map((p) => p.entry.report.otherForms)).map((f, i) => ({ code: `K${i + 1}`, label: f.label, unit: f.unit, value: f.value })),
    };
    lastEntry.report = built;
    out.used.delete(lastEntry);
    for (const { entry } of parts) entry.cumulated = true;
    // The expected case (spec §11), nothing for anyone to act on: no finding. The basis is listed instead
    // (CompileResult.cumulative: the JSON, the Kiểm tra sheet's «Số liệu lũy kế», the command line's one line).
    out.bases.push({ unit, period, built: true, parts: parts.map((p) => ({ period: p.period, source: p.entry.report.source })) });
  }
  return out;
}

/** Each figure of a cumulative report that its sub-periods do not give: a warning quoting both. */
function disagreements(r: UnitReport, parts: readonly { period: Period; entry: ReportEntry }[], period: Period, year: number): Finding[] {
  const derived = cumulativeFigures(parts.map((p) => ({ period: p.period, figures: p.entry.report.figures })), year);
  const names = parts.map((p) => p.period);
  const out: Finding[] = [];
  for (const code of INDICATOR_CODES) {
    const a = r.figures[code];
    const b = derived[code];
    if (a === null || b === null || Math.abs(a - b) < 0.005) continue;
    out.push(makeFinding('warning', { unit: r.unit, file: r.source.file, sheet: r.source.sheet, cell: r.figureCells[code] ?? '', hidden: r.source.hidden },
      'compile.cumulative-differs',
      `${period} ghi ${code} = ${shown(a)}; ${derivedWording(code, names)} ${shown(b)}. Đề nghị ${r.unit} kiểm tra lại số liệu ${periodTitle(period, year)}.`));
  }
  return out;
}

function sourceText(s: SourceRef): string {
  return s.file ? `${s.file} › ${s.sheet}` : `trang «${s.sheet}»`;
}
