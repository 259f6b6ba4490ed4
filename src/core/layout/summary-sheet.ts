/**
 * The summary sheet of one parent (role 'summary', A4 landscape):
 *   title block; one row per expected child (status, date sent, 22 figures,
 *   3 rates); `Tổng cộng`; `Số đơn vị để trống`.
 *   The charts and the data they read (charts-sheet.ts), the child × task
 *   matrix and the approval states (tasks-sheet.ts), the comparison with the
 *   previous period (previous-sheet.ts) are on sheets of their own, so they
 *   never print with the table or under its indicator header rows.
 *
 * Printing: 30 columns cannot go on one A4 width legibly (fitted,
 * they print at about 5 pt). The table prints on A4 landscape at a fixed
 * scale (SUMMARY_PRINT_SCALE: 12 pt × 80 % = 9.6 pt) in column blocks, one
 * group of indicators or more per page (A–B, C, D + rates, …: printBlocks),
 * with the STT and unit-name columns and the header rows repeated on every
 * page. A3 was not chosen: offices print on A4 and file A4.
 */
import { spanPhrase } from '../periods';
import { OTHER_FORMS_TITLE, otherFormsPhrase } from '../other-forms';
import { formatNumber } from '../numbers';
import { formatDateVi } from '../dates';
import type { ChildRow, ParentSummary } from '../model';
import type { OutputSheet } from '../sheet-model';
import { INDICATORS, RATES, STATUS_MISSING, STATUS_LATE, STATUS_NOT_COUNTED, type IndicatorCode, type Period } from '../template';
import { sentPhrase, unitCount } from '../rollup';
import { COLORS, SheetBuilder, STYLE, count, date, figure, percent, periodHeading, text } from './styles';
import { fitRowHeight, unbrokenWidth } from './text-fit';
import { printBlocks, PRINTABLE_WIDTH } from './print-blocks';

export const SUMMARY_TITLE = 'BẢNG TỔNG HỢP SỐ LIỆU TUYÊN TRUYỀN CCHC';
export const TOTAL_LABEL = 'Tổng cộng';
export const EMPTY_COUNT_LABEL = 'Số đơn vị để trống';
export const SELF_SUFFIX = ' (số liệu của chính đơn vị)';
/** The news channels the chart (charts-sheet.ts) and the previous-period sheet (previous-sheet.ts) add up. */
export const CHART_CHANNELS: readonly IndicatorCode[] = ['A1', 'A2', 'A4', 'A5'];
/** Print scale of the summary, in percent: the sheet's 12 pt prints at 9.6 pt, the least the issue allows being 9. */
export const SUMMARY_PRINT_SCALE = 80;

const COL = { stt: 0, unit: 1, level: 2, status: 3, sent: 4, fig0: 5 } as const;
const RATE0 = COL.fig0 + INDICATORS.length;
const LAST = RATE0 + RATES.length - 1;
/**
 * Column widths (Excel units): the unit's name wraps in its column, figures are at most 9 digits;
 * a header's longest word (`Cổng/Trang`) is never broken inside (text-fit.ts unbrokenWidth).
 */
const WIDTHS = [5, 28, 10, 10, 11,
  ...INDICATORS.map((ind) => Math.max(9, unbrokenWidth([`${ind.label} (${ind.unit})`], { bold: true }))),
  ...RATES.map((r) => Math.max(10, unbrokenWidth([r.label], { bold: true })))];
/** The name of a child as the summary writes it. */
export const childName = (c: ChildRow) => (c.isSelf ? `${c.unit}${SELF_SUFFIX}` : c.unit);

export function periodLine(period: Period, year: number): string {
  return periodHeading(period, year);
}

export interface SummaryLayoutOptions {
  name: string;
  period: Period;
  year: number;
}

export function layoutSummary(s: ParentSummary, opts: SummaryLayoutOptions): OutputSheet {
  const b = new SheetBuilder();
  const breaks = printBlocks(WIDTHS, [COL.stt, COL.unit], summaryColumnGroups(), PRINTABLE_WIDTH.landscape * 100 / SUMMARY_PRINT_SCALE);
  // Titles centred over the first printed page, not over all 30 columns (they would print cut on page 1).
  const cols = breaks.length ? breaks[0] : LAST + 1;
  b.line(0, cols, text(SUMMARY_TITLE, STYLE.title));
  b.line(1, cols, text(s.unit, STYLE.subtitle));
  b.line(2, cols, text(`Kỳ báo cáo: ${periodLine(opts.period, opts.year)}${s.span ? ` (${spanPhrase(s.span)})` : ''} — hạn nộp ${formatDateVi(s.deadline)}`, STYLE.note));
  b.rowHeights[0] = 22;
  // A thin gap, not a full row, before the header: the example district's table (18 units) then prints
  // in one page height per block instead of overflowing by its last row onto a page of its own.
  b.rowHeights[3] = 6;

  // Header: two rows (code / label), the fixed columns merged over both.
  const h1 = 4;
  const h2 = 5;
  const fixed = ['STT', 'Đơn vị', 'Cấp', 'Tình trạng', 'Ngày gửi'];
  fixed.forEach((label, c) => {
    b.set(h1, c, text(label, STYLE.header));
    b.set(h2, c, { v: null, style: { ...STYLE.header } });
    b.merge(h1, c, h2, c);
  });
  INDICATORS.forEach((ind, i) => {
    b.set(h1, COL.fig0 + i, text(ind.code, STYLE.header));
    b.set(h2, COL.fig0 + i, text(`${ind.label} (${ind.unit})`, STYLE.header));
  });
  RATES.forEach((r, i) => {
    b.set(h1, RATE0 + i, text(r.label, STYLE.header));
    b.set(h2, RATE0 + i, { v: null, style: { ...STYLE.header } });
    b.merge(h1, RATE0 + i, h2, RATE0 + i);
  });
  // Heights from the text: the labels wrap in their column; the merged cells span both rows.
  const h1Height = fitRowHeight([...INDICATORS.map((ind, i) => ({ text: ind.code, width: WIDTHS[COL.fig0 + i], bold: true }))]) ?? 16;
  const labels = fitRowHeight(INDICATORS.map((ind, i) => ({ text: `${ind.label} (${ind.unit})`, width: WIDTHS[COL.fig0 + i], bold: true }))) ?? 16;
  const merged = fitRowHeight([...fixed.map((label, c) => ({ text: label, width: WIDTHS[c], bold: true })),
    ...RATES.map((r, i) => ({ text: r.label, width: WIDTHS[RATE0 + i], bold: true }))]) ?? 16;
  b.rowHeights[h1] = h1Height;
  b.rowHeights[h2] = Math.max(labels, merged - h1Height);

  let row = h2 + 1;
  s.children.forEach((c, i) => {
    childLine(b, row, i + 1, c);
    row++;
  });
  const totalStyle = { bold: true, fill: COLORS.totalFill };
  b.put(row, 0, [
    text('', totalStyle),
    text(TOTAL_LABEL, totalStyle),
    text('', totalStyle),
    text(sentPhrase(unitCount(s.children)), totalStyle),
    text('', totalStyle),
    ...INDICATORS.map((ind) => figure(s.figures[ind.code], ind.kind, totalStyle)),
    ...RATES.map((r) => percent(s.rates[r.key], totalStyle)),
  ]);
  row++;
  b.put(row, 0, [
    text(''),
    text(EMPTY_COUNT_LABEL, { italic: true }),
    text(''), text(''), text(''),
    ...INDICATORS.map((ind) => count(s.emptyCounts[ind.code], { italic: true })),
    ...RATES.map(() => text('')),
  ]);
  const emptyRow = row;
  b.border(h1, 0, emptyRow, LAST);
  // «Hình thức khác» (the units' K rows summed by label and unit) below the table: they have no column of their own.
  if (s.otherForms?.length) b.line(emptyRow + 2, cols, text(`${OTHER_FORMS_TITLE}: ${otherFormsPhrase(s.otherForms, formatNumber)}.`, STYLE.note));


  return b.build({
    name: opts.name,
    role: 'summary',
    unit: s.unit,
    columnWidths: WIDTHS,
    freeze: { rows: h2 + 1, cols: COL.unit + 1 },
    print: {
      orientation: 'landscape',
      repeatRows: [h1 + 1, h2 + 1],
      repeatCols: [COL.stt, COL.unit],
      scale: SUMMARY_PRINT_SCALE,
      colBreaks: breaks,
    },
  });
}

/** Columns that print together: the fixed columns, each indicator group (A, B, C, D, E), the rates. */
function summaryColumnGroups(): [number, number][] {
  const groups: [number, number][] = [[COL.level, COL.sent]];
  INDICATORS.forEach((ind, i) => {
    const c = COL.fig0 + i;
    const last = groups[groups.length - 1];
    if (i > 0 && INDICATORS[i - 1].group === ind.group) last[1] = c;
    else groups.push([c, c]);
  });
  groups.push([RATE0, LAST]);
  return groups;
}

function childLine(b: SheetBuilder, row: number, stt: number, c: ChildRow): void {
  const missing = c.status === STATUS_MISSING || c.status === STATUS_NOT_COUNTED;
  const base = missing ? { fill: COLORS.missingFill } : {};
  const statusStyle = c.status === STATUS_LATE ? { ...base, color: COLORS.warningColor, bold: true } : missing ? { ...base, color: COLORS.errorColor } : base;
  const name = childName(c);
  b.put(row, 0, [
    { v: stt, style: { ...base, align: 'center' } },
    text(name, { ...base, wrap: true, bold: c.isSelf }),
    text(c.level, { ...base, align: 'center' }),
    text(c.status, { ...statusStyle, align: 'center' }),
    date(c.sentDate, base),
    ...INDICATORS.map((ind) => figure(c.figures ? c.figures[ind.code] : null, ind.kind, base)),
    ...RATES.map((r) => percent(c.rates ? c.rates[r.key] : null, base)),
  ]);
  const h = fitRowHeight([{ text: name, width: WIDTHS[COL.unit], bold: c.isSelf }]);
  if (h) b.rowHeights[row] = h;
}
