/**
 * The charts of one parent (role 'charts', sheet `BĐ …`) and the data block
 * they read, on a sheet of their own: printed with the summary they filled
 * its pages with a chart and a table no one asked for.
 *
 * One chart: news items by channel and unit, where units differ and the
 * comparison tells the officer something. The on-time chart of earlier
 * versions was dropped: the on-time rates of the units sit near 100 % (17
 * bars of the same length in the example), a chart of them says nothing;
 * the rate stays in the summary's own column, and a late or missing report is
 * marked there.
 */
import { rangeAddress } from '../address';
import type { ParentSummary } from '../model';
import type { ChartSpec, OutputSheet } from '../sheet-model';
import { INDICATOR_BY_CODE, type IndicatorCode, type Period } from '../template';
import { SheetBuilder, STYLE, count, periodHeading, text } from './styles';
import { CHART_CHANNELS, childName } from './summary-sheet';
import { fitRowHeight } from './text-fit';

export const CHARTS_TITLE = 'BIỂU ĐỒ TIN, BÀI TUYÊN TRUYỀN CCHC';
export const CHART_DATA_TITLE = 'SỐ LIỆU BIỂU ĐỒ';
export const NEWS_CHART_TITLE = 'Tin, bài tuyên truyền CCHC theo kênh và đơn vị';

/** Short channel names for the chart legend. */
const CHANNEL_NAMES: Partial<Record<IndicatorCode, string>> = {
  A1: 'Cổng/Trang TTĐT', A2: 'Truyền thanh', A4: 'Mạng xã hội', A5: 'Báo, đài PT-TH',
};
const WIDTHS = [3, 30, 12, 12, 12, 12];

/** The charts sheet of a parent, or null when no child reported figures. */
export function layoutCharts(s: ParentSummary, opts: { name: string; period: Period; year: number }): OutputSheet | null {
  const reporting = s.children.filter((c) => c.figures);
  if (!reporting.length) return null;
  const b = new SheetBuilder();
  const cols = 2 + CHART_CHANNELS.length;
  b.line(0, cols, text(CHARTS_TITLE, STYLE.title));
  b.line(1, cols, text(`${s.unit} — ${periodHeading(opts.period, opts.year)}`, STYLE.note));
  b.rowHeights[0] = 22;
  let row = 3;
  b.line(row, cols, text(CHART_DATA_TITLE, STYLE.section));
  row++;
  const top = row;
  const heads = ['Đơn vị', ...CHART_CHANNELS.map((k) => CHANNEL_NAMES[k] ?? INDICATOR_BY_CODE[k].label)];
  b.put(row, 1, heads.map((h) => text(h, STYLE.header)));
  const hh = fitRowHeight(heads.map((h, i) => ({ text: h, width: WIDTHS[1 + i], bold: true })));
  if (hh) b.rowHeights[row] = hh;
  row++;
  for (const c of reporting) {
    b.put(row, 1, [text(childName(c), { wrap: true }), ...CHART_CHANNELS.map((k) => count(c.figures![k] ?? 0))]);
    const h = fitRowHeight([{ text: childName(c), width: WIDTHS[1] }]);
    if (h) b.rowHeights[row] = h;
    row++;
  }
  const range = rangeAddress(top, 1, row - 1, 1 + CHART_CHANNELS.length);
  b.border(top, 1, row - 1, 1 + CHART_CHANNELS.length);
  row++;
  const height = Math.max(15, Math.min(40, reporting.length + 8));
  const charts: ChartSpec[] = [{ title: NEWS_CHART_TITLE, type: 'columnClustered', dataRange: range, anchor: rangeAddress(row, 1, row, 1), width: cols, height }];
  // Leave the rows under the chart empty but present, so the used range covers it.
  b.set(row + height, 0, { v: null });
  return b.build({
    name: opts.name,
    role: 'charts',
    unit: s.unit,
    columnWidths: WIDTHS,
    print: { orientation: 'landscape' },
    charts,
  });
}
