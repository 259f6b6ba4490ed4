/**
 * The comparison of a parent with the previous period (role 'previous', sheet
 * `SS …`, so sánh), written when one is given (CLI --previous, the pane's «Kỳ
 * trước»): kỳ này / kỳ trước / tăng, giảm per indicator, then the news items
 * (A1+A2+A4+A5) of each child the previous period knows. It was under the
 * summary's table (summary-sheet.ts) and printed there under the repeated
 * indicator header rows; on a sheet of its own it prints on A4 portrait at
 * 12 pt (five columns fit one width).
 */
import type { ParentSummary, PreviousPeriod } from '../model';
import type { OutputSheet } from '../sheet-model';
import { INDICATORS, type IndicatorCode, type Period } from '../template';
import { unitKey } from '../unit-names';
import { SheetBuilder, STYLE, count, figure, percent, periodHeading, text } from './styles';
import { CHART_CHANNELS } from './summary-sheet';
import { fitRowHeight } from './text-fit';

export const PREVIOUS_TITLE = 'SO SÁNH VỚI KỲ TRƯỚC';
/** Mã / STT, Chỉ tiêu / Đơn vị, kỳ này, kỳ trước, tăng/giảm. */
const WIDTHS = [5, 40, 14, 12, 11];

/** (this − previous) ÷ previous; null when either is missing or previous is 0. */
export function change(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined || previous === 0) return null;
  return (current - previous) / previous;
}

/** The comparison sheet of a parent with the previous period. */
export function layoutPrevious(s: ParentSummary, prev: PreviousPeriod, opts: { name: string; period: Period; year: number }): OutputSheet {
  const b = new SheetBuilder();
  b.line(0, WIDTHS.length, text(s.unit, STYLE.subtitle));
  b.line(1, WIDTHS.length, text(`Kỳ báo cáo: ${periodHeading(opts.period, opts.year)}`, STYLE.note));
  previousBlock(b, 3, s, prev);
  return b.build({
    name: opts.name,
    role: 'previous',
    unit: s.unit,
    columnWidths: WIDTHS,
    print: { orientation: 'portrait', scale: 100 },
  });
}

/** Kỳ này / kỳ trước / tăng, giảm per indicator for the parent, and the children the previous period knows. */
function previousBlock(b: SheetBuilder, row: number, s: ParentSummary, prev: PreviousPeriod): number {
  const prevLabel = prev.period && prev.year ? periodHeading(prev.period, prev.year) : 'kỳ trước';
  b.line(row, 5, text(`${PREVIOUS_TITLE} (${prevLabel})`, STYLE.section));
  row++;
  const head = row;
  b.put(row++, 0, ['Mã', 'Chỉ tiêu', 'Kỳ này', 'Kỳ trước', 'Tăng/giảm'].map((h) => text(h, STYLE.header)));
  const before = prev.byUnit[unitKey(s.unit)];
  for (const ind of INDICATORS) {
    const now = s.figures[ind.code];
    const was = before ? before[ind.code] : null;
    const h = fitRowHeight([{ text: ind.label, width: WIDTHS[1] }]);
    if (h) b.rowHeights[row] = h;
    b.put(row++, 0, [text(ind.code, { align: 'center' }), text(ind.label, { wrap: true }), figure(now, ind.kind), figure(was, ind.kind), percent(change(now, was))]);
  }
  b.border(head, 0, row - 1, 4);
  // Per child: the total news items (A1+A2+A4+A5) this period and last, where the previous period knows the child.
  const known = s.children.filter((c) => prev.byUnit[unitKey(c.unit)] && !c.isSelf);
  if (known.length) {
    row++;
    const head2 = row;
    const heads = ['STT', 'Đơn vị', `Tin, bài (${CHART_CHANNELS.join('+')}) kỳ này`, 'Kỳ trước', 'Tăng/giảm'];
    b.put(row++, 0, heads.map((h) => text(h, STYLE.header)));
    const hh = fitRowHeight(heads.map((h, i) => ({ text: h, width: WIDTHS[i], bold: true })));
    if (hh) b.rowHeights[head2] = hh;
    known.forEach((c, i) => {
      const sumOf = (f: Record<IndicatorCode, number | null> | null) =>
        f && CHART_CHANNELS.some((k) => f[k] !== null) ? CHART_CHANNELS.reduce((t, k) => t + (f[k] ?? 0), 0) : null;
      const now = sumOf(c.figures);
      const was = sumOf(prev.byUnit[unitKey(c.unit)]);
      const h = fitRowHeight([{ text: c.unit, width: WIDTHS[1] }]);
      if (h) b.rowHeights[row] = h;
      b.put(row++, 0, [{ v: i + 1, style: { align: 'center' } }, text(c.unit, { wrap: true }), count(now), count(was), percent(change(now, was))]);
    });
    b.border(head2, 0, row - 1, 4);
  }
  return row;
}
