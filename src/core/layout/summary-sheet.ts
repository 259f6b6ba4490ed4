/**
 * The summary sheet of one parent (role 'summary', A4 landscape):
 *   title block; one row per expected child (status, date sent, 22 figures,
 *   3 rates); `Tổng cộng`; `Số đơn vị để trống`; with a previous period a
 *   small block kỳ này / kỳ trước / tăng, giảm per indicator; the child × task
 *   matrix; the data blocks the two charts read.
 */
import { rangeAddress } from '../address';
import { formatDateVi } from '../dates';
import type { ChildRow, ParentSummary, PreviousPeriod } from '../model';
import type { ChartSpec, OutCell, OutputSheet } from '../sheet-model';
import { INDICATORS, INDICATOR_BY_CODE, RATES, STATUS_MISSING, STATUS_LATE, MARK, type IndicatorCode, type Period } from '../template';
import { unitKey } from '../unit-names';
import { approvalBlock } from './approval-block';
import { COLORS, SheetBuilder, STYLE, count, date, figure, percent, periodHeading, text } from './styles';

export const SUMMARY_TITLE = 'BẢNG TỔNG HỢP SỐ LIỆU TUYÊN TRUYỀN CCHC';
export const TOTAL_LABEL = 'Tổng cộng';
export const EMPTY_COUNT_LABEL = 'Số đơn vị để trống';
export const SELF_SUFFIX = ' (số liệu của chính đơn vị)';
export const TASK_MATRIX_TITLE = 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ (x: hoàn thành)';
export const PREVIOUS_TITLE = 'SO SÁNH VỚI KỲ TRƯỚC';
export const CHART_DATA_TITLE = 'SỐ LIỆU BIỂU ĐỒ';
/** The news channels the first chart compares. */
export const CHART_CHANNELS: readonly IndicatorCode[] = ['A1', 'A2', 'A4', 'A5'];

const COL = { stt: 0, unit: 1, level: 2, status: 3, sent: 4, fig0: 5 } as const;
const RATE0 = COL.fig0 + INDICATORS.length;
const LAST = RATE0 + RATES.length - 1;

/** Short channel names for the chart legend. */
const CHANNEL_NAMES: Partial<Record<IndicatorCode, string>> = {
  A1: 'Cổng/Trang TTĐT', A2: 'Truyền thanh', A4: 'Mạng xã hội', A5: 'Báo, đài PT-TH',
};

export function periodLine(period: Period, year: number): string {
  return periodHeading(period, year);
}

/** (this − previous) ÷ previous; null when either is missing or previous is 0. */
export function change(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined || previous === 0) return null;
  return (current - previous) / previous;
}

export interface SummaryLayoutOptions {
  name: string;
  period: Period;
  year: number;
  previous?: PreviousPeriod;
  /** The compiling workbook keeps an approval record: show each child's state (approval-block.ts). */
  approvals?: boolean;
}

export function layoutSummary(s: ParentSummary, opts: SummaryLayoutOptions): OutputSheet {
  const b = new SheetBuilder();
  const cols = LAST + 1;
  b.line(0, cols, text(SUMMARY_TITLE, STYLE.title));
  b.line(1, cols, text(s.unit, STYLE.subtitle));
  b.line(2, cols, text(`Kỳ báo cáo: ${periodLine(opts.period, opts.year)} — hạn nộp ${formatDateVi(s.deadline)}`, STYLE.note));
  b.rowHeights[0] = 22;

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
  b.rowHeights[h2] = 96;

  let row = h2 + 1;
  s.children.forEach((c, i) => {
    childLine(b, row, i + 1, c);
    row++;
  });
  const reported = s.children.filter((c) => c.status !== STATUS_MISSING).length;
  const totalStyle = { bold: true, fill: COLORS.totalFill };
  b.put(row, 0, [
    text('', totalStyle),
    text(TOTAL_LABEL, totalStyle),
    text('', totalStyle),
    text(`Đã nộp ${reported}/${s.children.length}`, totalStyle),
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
    text(''), text(''), text(''),
  ]);
  const emptyRow = row++;
  b.border(h1, 0, emptyRow, LAST);

  row++;
  if (opts.previous) row = previousBlock(b, row, s, opts.previous) + 1;
  row = taskMatrix(b, row, s) + 1;
  if (opts.approvals) row = approvalBlock(b, row, s.children.map((c) => ({ name: c.isSelf ? `${c.unit}${SELF_SUFFIX}` : c.unit, approval: c.approval }))) + 1;
  const charts = chartBlocks(b, row, s);

  return b.build({
    name: opts.name,
    role: 'summary',
    unit: s.unit,
    columnWidths: [5, 32, 10, 11, 11, ...INDICATORS.map(() => 10), ...RATES.map(() => 12)],
    freeze: { rows: h2 + 1, cols: COL.unit + 1 },
    print: { orientation: 'landscape', repeatRows: [h1 + 1, h2 + 1] },
    charts: charts.length ? charts : undefined,
  });
}

function childLine(b: SheetBuilder, row: number, stt: number, c: ChildRow): void {
  const missing = c.status === STATUS_MISSING;
  const base = missing ? { fill: COLORS.missingFill } : {};
  const statusStyle = c.status === STATUS_LATE ? { ...base, color: COLORS.warningColor, bold: true } : missing ? { ...base, color: COLORS.errorColor } : base;
  b.put(row, 0, [
    { v: stt, style: { ...base, align: 'center' } },
    text(c.isSelf ? `${c.unit}${SELF_SUFFIX}` : c.unit, { ...base, wrap: true, bold: c.isSelf }),
    text(c.level, { ...base, align: 'center' }),
    text(c.status, { ...statusStyle, align: 'center' }),
    date(c.sentDate, base),
    ...INDICATORS.map((ind) => figure(c.figures ? c.figures[ind.code] : null, ind.kind, base)),
    ...RATES.map((r) => percent(c.rates ? c.rates[r.key] : null, base)),
  ]);
}

/** Kỳ này / kỳ trước / tăng, giảm per indicator for the parent, and the children the previous period knows. */
function previousBlock(b: SheetBuilder, row: number, s: ParentSummary, prev: PreviousPeriod): number {
  const prevLabel = prev.period && prev.year ? periodLine(prev.period, prev.year) : 'kỳ trước';
  b.line(row, 5, text(`${PREVIOUS_TITLE} (${prevLabel})`, STYLE.section));
  row++;
  const head = row;
  b.put(row++, 0, ['Mã', 'Chỉ tiêu', 'Kỳ này', 'Kỳ trước', 'Tăng/giảm'].map((h) => text(h, STYLE.header)));
  const before = prev.byUnit[unitKey(s.unit)];
  for (const ind of INDICATORS) {
    const now = s.figures[ind.code];
    const was = before ? before[ind.code] : null;
    b.put(row++, 0, [text(ind.code, { align: 'center' }), text(ind.label, { wrap: true }), figure(now, ind.kind), figure(was, ind.kind), percent(change(now, was))]);
  }
  b.border(head, 0, row - 1, 4);
  // Per child: the total news items (A1+A2+A4+A5) this period and last, where the previous period knows the child.
  const known = s.children.filter((c) => prev.byUnit[unitKey(c.unit)] && !c.isSelf);
  if (known.length) {
    row++;
    const head2 = row;
    b.put(row++, 0, ['STT', 'Đơn vị', `Tin, bài (${CHART_CHANNELS.join('+')}) kỳ này`, 'Kỳ trước', 'Tăng/giảm'].map((h) => text(h, STYLE.header)));
    b.rowHeights[head2] = 45;
    known.forEach((c, i) => {
      const sumOf = (f: Record<IndicatorCode, number | null> | null) =>
        f && CHART_CHANNELS.some((k) => f[k] !== null) ? CHART_CHANNELS.reduce((t, k) => t + (f[k] ?? 0), 0) : null;
      const now = sumOf(c.figures);
      const was = sumOf(prev.byUnit[unitKey(c.unit)]);
      b.put(row++, 0, [{ v: i + 1, style: { align: 'center' } }, text(c.unit), count(now), count(was), percent(change(now, was))]);
    });
    b.border(head2, 0, row - 1, 4);
  }
  return row;
}

/** Child × task: `x` done, blank not done, `Chưa nộp` not reported; then done/expected and the parent's result. */
function taskMatrix(b: SheetBuilder, row: number, s: ParentSummary): number {
  if (!s.tasks.length) return row;
  b.line(row, 5, text(TASK_MATRIX_TITLE, STYLE.section));
  row++;
  const head = row;
  b.put(row, 0, [text('STT', STYLE.header), text('Đơn vị', STYLE.header)]);
  s.tasks.forEach((t, i) => b.set(row, 2 + i, text(`${t.stt}. ${t.name}`, STYLE.header)));
  b.rowHeights[row] = 120;
  row++;
  s.children.forEach((c, i) => {
    const cells: OutCell[] = [{ v: i + 1, style: { align: 'center' } }, text(c.isSelf ? `${c.unit}${SELF_SUFFIX}` : c.unit, { wrap: true })];
    for (const t of s.tasks) {
      const mark = c.status === STATUS_MISSING ? STATUS_MISSING : c.tasks[t.stt] === true ? MARK : '';
      cells.push(text(mark, { align: 'center', color: mark === STATUS_MISSING ? COLORS.errorColor : undefined }));
    }
    b.put(row++, 0, cells);
  });
  const bold = { bold: true, fill: COLORS.totalFill };
  b.put(row, 0, [text('', bold), text('Số đơn vị hoàn thành', bold), ...s.tasks.map((t) => text(`${t.done}/${t.expected}`, { ...bold, align: 'center' }))]);
  row++;
  b.put(row, 0, [text('', bold), text('Kết quả', bold), ...s.tasks.map((t) => text(t.status, { ...bold, align: 'center', wrap: true }))]);
  row++;
  b.border(head, 0, row - 1, 1 + s.tasks.length);
  return row;
}

/** The two data blocks (news items by channel, on-time rate) and the charts reading them. */
function chartBlocks(b: SheetBuilder, row: number, s: ParentSummary): ChartSpec[] {
  const reporting = s.children.filter((c) => c.figures);
  if (!reporting.length) return [];
  b.line(row, 5, text(CHART_DATA_TITLE, STYLE.section));
  row++;
  const charts: ChartSpec[] = [];
  const name = (c: ChildRow) => (c.isSelf ? `${c.unit}${SELF_SUFFIX}` : c.unit);

  const top1 = row;
  b.put(row++, 1, [text('Đơn vị', STYLE.header), ...CHART_CHANNELS.map((k) => text(CHANNEL_NAMES[k] ?? INDICATOR_BY_CODE[k].label, STYLE.header))]);
  for (const c of reporting) b.put(row++, 1, [text(name(c)), ...CHART_CHANNELS.map((k) => count(c.figures![k] ?? 0))]);
  const range1 = rangeAddress(top1, 1, row - 1, 1 + CHART_CHANNELS.length);
  b.border(top1, 1, row - 1, 1 + CHART_CHANNELS.length);
  row++;

  const withRate = reporting.filter((c) => c.rates?.onTime !== null && c.rates?.onTime !== undefined);
  let range2: string | undefined;
  if (withRate.length) {
    const top2 = row;
    b.put(row++, 1, [text('Đơn vị', STYLE.header), text(RATES[0].label, STYLE.header)]);
    for (const c of withRate) b.put(row++, 1, [text(name(c)), percent(c.rates!.onTime)]);
    range2 = rangeAddress(top2, 1, row - 1, 2);
    b.border(top2, 1, row - 1, 2);
    row++;
  }

  const height = Math.max(15, Math.min(40, reporting.length + 8));
  charts.push({ title: 'Tin, bài tuyên truyền CCHC theo kênh và đơn vị', type: 'columnClustered', dataRange: range1, anchor: rangeAddress(row, 1, row, 1), width: 10, height });
  if (range2) charts.push({ title: RATES[0].label, type: 'barClustered', dataRange: range2, anchor: rangeAddress(row, 12, row, 12), width: 10, height });
  // Leave the rows under the charts empty but present, so the used range covers them.
  b.set(row + height, 0, { v: null });
  return charts;
}
