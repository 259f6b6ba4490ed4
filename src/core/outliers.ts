/**
 * Figures a careful officer would question: plausible-looking but far from
 * the unit's siblings, or far from the same unit's last report.
 *
 * Our counts are skewed (a ward near the centre posts ten times what a
 * mountain commune does), so a mean ± k·standard deviation test would both
 * flood and miss: one typo inflates the standard deviation it is judged by.
 * Instead a figure is compared with the MEDIAN of its siblings (same parent,
 * same level) and must pass three bars at once, each measured on the bundled
 * examples and on generated provinces (README, «Số liệu bất thường»):
 *
 * - it is at least RATIO_TO_MEDIAN times the median: an extra zero is ×10 on
 *   a typical unit. At ×5 the example district's own departments already
 *   raised two (a culture office printing 3.000 leaflets where the median
 *   department prints 500 is real work, not a typo); ×8 keeps them quiet and
 *   still catches an extra zero on any unit at 0,8 × the median or above;
 * - its distance from the median, on a log scale, is at least MIN_ROBUST_Z
 *   robust deviations (1.4826 × the median absolute deviation of the logs),
 *   so that an indicator on which units genuinely differ a lot is left alone;
 * - it exceeds the median by at least MIN_EXCESS, so small counts (0, 1, 3
 *   conferences) never raise one.
 *
 * Against the previous period the same unit's figure must have grown or
 * shrunk by PREVIOUS_FACTOR with a difference of at least MIN_EXCESS.
 *
 * Outliers are warnings, never errors: the figure still counts (docs/spec/TEMPLATE.md §8).
 */
import { makeFinding, sortFindings, type Finding } from './findings';
import type { CompileResult, PreviousPeriod, ReportEntry } from './model';
import { formatNumber } from './numbers';
import { INDICATORS, type IndicatorCode, type Level } from './template';
import { unitKey } from './unit-names';

export const OUTLIER_LIMITS = {
  RATIO_TO_MEDIAN: 8,
  MIN_ROBUST_Z: 3.5,
  MIN_EXCESS: 20,
  /** Fewer siblings than this and a median says little. */
  MIN_SIBLINGS: 5,
  PREVIOUS_FACTOR: 5,
} as const;

/** The bars, as scripts/outlier-precision.js varies them to measure what each costs and catches. */
export type OutlierLimits = { readonly [K in keyof typeof OUTLIER_LIMITS]: number };

/** Indicators compared: the counts (A6 is an average of hours, bounded by 24, and checked by the reader). */
const COMPARED: readonly IndicatorCode[] = INDICATORS.filter((i) => i.kind === 'count').map((i) => i.code);

const LEVEL_PLURAL: Record<Level, string> = {
  'Xã': 'các xã',
  'Phòng, ban': 'các phòng, ban',
  'Huyện': 'các huyện',
  'Sở, ngành': 'các sở, ngành',
  'Tỉnh': 'các tỉnh',
};

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** How many robust deviations `v` is above the others, on a log scale (log1p keeps zeros usable). */
function robustZ(v: number, values: readonly number[]): number {
  const logs = values.map((x) => Math.log1p(x));
  const med = median(logs);
  const mad = median(logs.map((x) => Math.abs(x - med)));
  // All siblings (nearly) equal: any departure of a log unit counts as far.
  const scale = Math.max(1.4826 * mad, 0.25);
  return (Math.log1p(v) - med) / scale;
}

function times(ratio: number): string {
  return ratio >= 10 ? formatNumber(Math.round(ratio)) : formatNumber(Math.round(ratio * 10) / 10);
}

function finding(entry: ReportEntry, code: IndicatorCode, message: string): Finding {
  const r = entry.report;
  return makeFinding('warning', { unit: r.unit, file: r.source.file, sheet: r.source.sheet, cell: r.figureCells[code] ?? '', hidden: r.source.hidden }, 'figure.outlier', message);
}

/** Counted reports grouped as siblings: same parent (folded name), same level. */
function siblingGroups(reports: readonly ReportEntry[]): ReportEntry[][] {
  const groups = new Map<string, ReportEntry[]>();
  for (const e of reports) {
    if (!e.counted || !e.report.level) continue;
    const k = `${unitKey(e.report.parent ?? '')}\u0000${e.report.level}`;
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  return [...groups.values()];
}

/** Warnings for figures far above their siblings' median. */
export function siblingOutliers(reports: readonly ReportEntry[], L: OutlierLimits = OUTLIER_LIMITS): Finding[] {
  const out: Finding[] = [];
  for (const group of siblingGroups(reports)) {
    if (group.length < L.MIN_SIBLINGS) continue;
    const level = group[0].report.level as Level;
    for (const code of COMPARED) {
      const withValue = group.filter((e) => e.report.figures[code] !== null);
      if (withValue.length < L.MIN_SIBLINGS) continue;
      const values = withValue.map((e) => e.report.figures[code] as number);
      const med = median(values);
      if (med <= 0) continue;
      withValue.forEach((e, i) => {
        const v = values[i];
        if (v < L.RATIO_TO_MEDIAN * med || v - med < L.MIN_EXCESS) return;
        // The others' list only for the few figures far above the median: built for every sibling, it made a district of 100 communes cost 100² per figure.
        if (robustZ(v, values.filter((_, j) => j !== i)) < L.MIN_ROBUST_Z) return;
        out.push(
          finding(
            e,
            code,
            `${code} = ${formatNumber(v)}, gấp ${times(v / med)} lần trung vị của ${LEVEL_PLURAL[level]} (${formatNumber(med)}): ` +
              'kiểm tra lại số liệu (thừa chữ số 0, ghi nhầm dòng?)',
          ),
        );
      });
    }
  }
  return out;
}

/** Warnings for figures that changed by a large factor against the same unit's previous report. */
export function previousOutliers(reports: readonly ReportEntry[], previous: PreviousPeriod, L: OutlierLimits = OUTLIER_LIMITS): Finding[] {
  const out: Finding[] = [];
  for (const e of reports) {
    if (!e.counted) continue;
    const before = previous.byUnit[unitKey(e.report.unit)];
    if (!before) continue;
    for (const code of COMPARED) {
      const v = e.report.figures[code];
      const p = before[code];
      if (v === null || p === null || p === undefined) continue;
      const hi = Math.max(v, p);
      const lo = Math.min(v, p);
      if (hi - lo < L.MIN_EXCESS || hi < L.PREVIOUS_FACTOR * Math.max(lo, 1)) continue;
      out.push(finding(e, code, `${code} = ${formatNumber(v)}, kỳ trước ${formatNumber(p)}: thay đổi bất thường, kiểm tra lại số liệu`));
    }
  }
  return out;
}

/** Every outlier warning of a compile (siblings, and last period when given). */
export function findOutliers(result: Pick<CompileResult, 'reports'>, previous?: PreviousPeriod): Finding[] {
  return [...siblingOutliers(result.reports), ...(previous ? previousOutliers(result.reports, previous) : [])];
}

/**
 * The compile's result with last period's outliers added (the sibling ones
 * are added by compile.ts itself): the CLI's --previous and the pane's Kỳ
 * trước both come here, once last period has been read.
 */
export function withPreviousOutliers<R extends Pick<CompileResult, 'reports' | 'findings'>>(result: R, previous?: PreviousPeriod): R {
  if (!previous) return result;
  const more = previousOutliers(result.reports, previous);
  return more.length ? { ...result, findings: sortFindings([...result.findings, ...more]) } : result;
}
