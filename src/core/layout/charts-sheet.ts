/**
 * The charts of one parent (role 'charts', sheet `BĐ …`) and the data blocks
 * they read, on a sheet of their own: printed with the summary they filled
 * its pages with a chart and a table no one asked for.
 *
 * Two charts side by side at the top of one landscape page, so that neither
 * is ever split across pages, whatever the number of units:
 *   - news items by channel, the unit's total per channel (a handful of bars);
 *   - news items per unit, one bar per unit (all channels together): every
 *     unit up to MAX_UNIT_BARS, else the TOP_BOTTOM units with the most and
 *     the TOP_BOTTOM with the fewest. One bar per unit per channel was 320–552
 *     unreadable bars for a province.
 * The on-time chart of earlier versions was dropped: the on-time rates of the
 * units sit near 100 %, a chart of them says nothing; the rate stays in the
 * summary's own column, and a late or missing report is marked there.
 */
import { rangeAddress } from '../address';
import type { ChildRow, ParentSummary } from '../model';
import type { ChartSpec, OutputSheet } from '../sheet-model';
import { INDICATOR_BY_CODE, type IndicatorCode, type Period } from '../template';
import { SheetBuilder, STYLE, count, periodHeading, text } from './styles';
import { CHART_CHANNELS, childName } from './summary-sheet';
import { fitRowHeight } from './text-fit';

export const CHARTS_TITLE = 'BIỂU ĐỒ TIN, BÀI TUYÊN TRUYỀN CCHC';
export const CHART_DATA_TITLE = 'SỐ LIỆU BIỂU ĐỒ';
export const CHANNEL_CHART_TITLE = 'Tin, bài tuyên truyền CCHC theo kênh';
export const UNIT_CHART_TITLE = 'Tin, bài tuyên truyền CCHC theo đơn vị';

/** Every unit gets a bar up to this many units; past it, the top and the bottom ones. */
export const MAX_UNIT_BARS = 24;
export const TOP_BOTTOM = 10;

/** Short channel names for the chart's categories. */
const CHANNEL_NAMES: Partial<Record<IndicatorCode, string>> = {
  A1: 'Cổng/Trang TTĐT', A2: 'Truyền thanh', A4: 'Mạng xã hội', A5: 'Báo, đài PT-TH',
};
/**
 * Columns: margin | channel | total | gap | unit | total | room for the unit
 * chart. About 110 characters fit a landscape A4 page at 100 %: printed at
 * 100 % the charts' 9 pt labels stay 9 pt (fitted to the page they shrank).
 */
const WIDTHS = [1, 20, 9, 2, 32, 9, 36];
const CHANNEL_COLS = [1, 2];
const UNIT_COLS = [4, 5];
/** Rows the charts take: one landscape page with the title above. */
const CHART_ROWS = 26;

const newsTotal = (c: ChildRow) => CHART_CHANNELS.reduce((s, k) => s + (c.figures?.[k] ?? 0), 0);

/** The units the unit chart shows, most news first, and the title saying which. */
function unitsShown(reporting: ChildRow[]): { units: ChildRow[]; title: string } {
  const sorted = [...reporting].sort((a, b) => newsTotal(b) - newsTotal(a));
  if (sorted.length <= MAX_UNIT_BARS) return { units: sorted, title: UNIT_CHART_TITLE };
  return {
    units: [...sorted.slice(0, TOP_BOTTOM), ...sorted.slice(-TOP_BOTTOM)],
    title: `${UNIT_CHART_TITLE}: ${TOP_BOTTOM} đơn vị nhiều nhất và ${TOP_BOTTOM} đơn vị ít nhất (trong ${sorted.length} đơn vị)`,
  };
}

/** The charts sheet of a parent, or null when no child reported figures. */
export function layoutCharts(s: ParentSummary, opts: { name: string; period: Period; year: number }): OutputSheet | null {
  const reporting = s.children.filter((c) => c.figures);
  if (!reporting.length) return null;
  const b = new SheetBuilder();
  const cols = WIDTHS.length - 1;
  b.line(0, cols, text(CHARTS_TITLE, STYLE.title));
  b.line(1, cols, text(`${s.unit} — ${periodHeading(opts.period, opts.year)}`, STYLE.note));
  b.rowHeights[0] = 22;
  const chartTop = 3;
  const shown = unitsShown(reporting);

  // The data blocks, under the charts (the charts read them).
  let row = chartTop + CHART_ROWS + 1;
  b.line(row, cols, text(CHART_DATA_TITLE, STYLE.section));
  row++;
  const top = row;
  const heads = [['Kênh', 'Tin, bài'], ['Đơn vị', 'Tin, bài']];
  b.put(top, CHANNEL_COLS[0], heads[0].map((h) => text(h, STYLE.header)));
  b.put(top, UNIT_COLS[0], heads[1].map((h) => text(h, STYLE.header)));
  CHART_CHANNELS.forEach((k, i) => {
    const total = reporting.reduce((sum, c) => sum + (c.figures![k] ?? 0), 0);
    b.put(top + 1 + i, CHANNEL_COLS[0], [text(CHANNEL_NAMES[k] ?? INDICATOR_BY_CODE[k].label, { wrap: true }), count(total)]);
  });
  shown.units.forEach((c, i) => {
    b.put(top + 1 + i, UNIT_COLS[0], [text(childName(c), { wrap: true }), count(newsTotal(c))]);
    const h = fitRowHeight([{ text: childName(c), width: WIDTHS[UNIT_COLS[0]] }]);
    if (h) b.rowHeights[top + 1 + i] = Math.max(h, b.rowHeights[top + 1 + i] ?? 0);
  });
  const channelEnd = top + CHART_CHANNELS.length;
  const unitEnd = top + shown.units.length;
  b.border(top, CHANNEL_COLS[0], channelEnd, CHANNEL_COLS[1]);
  b.border(top, UNIT_COLS[0], unitEnd, UNIT_COLS[1]);

  const charts: ChartSpec[] = [
    {
      title: CHANNEL_CHART_TITLE, type: 'columnClustered',
      dataRange: rangeAddress(top, CHANNEL_COLS[0], channelEnd, CHANNEL_COLS[1]),
      anchor: rangeAddress(chartTop, CHANNEL_COLS[0], chartTop, CHANNEL_COLS[0]), width: 2, height: CHART_ROWS,
    },
    {
      title: shown.title, type: 'barClustered',
      dataRange: rangeAddress(top, UNIT_COLS[0], unitEnd, UNIT_COLS[1]),
      anchor: rangeAddress(chartTop, UNIT_COLS[0], chartTop, UNIT_COLS[0]), width: 3, height: CHART_ROWS,
    },
  ];
  // The data end the used range; the print shows the page of charts and the data after it.
  b.set(Math.max(unitEnd, channelEnd) + 1, 0, { v: null });
  return b.build({
    name: opts.name,
    role: 'charts',
    unit: s.unit,
    columnWidths: WIDTHS,
    print: { orientation: 'landscape', scale: 100 },
    charts,
  });
}
