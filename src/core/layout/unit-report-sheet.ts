/**
 * The TTCCHC-1 form, written once: the parent's compiled report (role
 * 'report') and the blank template (role 'template') both come from
 * `layoutUnitReport`, with codes, labels and order from template.ts, so what
 * the compiler writes is exactly what `readSheet` reads one level up.
 *
 * Canonical form (columns A–F):
 *   title, period line, blank
 *   identification: label in A, value in B (B:F merged)
 *   `I. SỐ LIỆU`: Mã | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú, one row per code
 *   `II. PHỤ LỤC NHIỆM VỤ`: STT | Nội dung nhiệm vụ | Kết quả thực hiện | Hoàn thành | Chưa hoàn thành | Ghi chú
 *   `III. ĐÁNH GIÁ`: label in A, text in B (B:F merged); a long text goes on in B of the rows under it, A blank
 */
import { cellAddress } from '../address';
import type { OutputSheet } from '../sheet-model';
import type { ReportDetails, UnitIdentity } from '../model';
import {
  ASSESSMENT_LABELS, COMPILED_REPORT_TYPE, FIGURE_HEADERS, ID_LABELS, INDICATORS, MARK, SECTION_TITLES, TASK_HEADERS,
  TEMPLATE_CODE, type AssessmentKey, type Figures, type IdField, type IndicatorCode,
} from '../template';
import { BLANK_OTHER_FORM_ROWS } from '../other-forms';
import { shortTaskNote } from '../task-note';
import { SheetBuilder, STYLE, date, figure, periodHeading, text } from './styles';
import { SHEET_ROW_HEIGHT, fitRowHeight, rowPieces } from './text-fit';
import { PRINTABLE_HEIGHT, fitWidthScale, keepWithNext } from './print-blocks';

export const UNIT_REPORT_TITLE = 'BÁO CÁO KẾT QUẢ CÔNG TÁC TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH';
const COLS = 6;
/**
 * Column widths (test/xlsx/print-layout.test.ts measures both prints): both
 * print on A4 portrait over as many pages as they take. The template's are
 * narrow enough for its 12 pt text to print at 9 pt (template-sheet.ts sets
 * the scale fitWidthScale gives, ≥ 75 %): a clerk reads and writes on two
 * pages at 9 pt rather than one page at 7 pt. The compiled report is fitted
 * to the width: 110 units print at about 9 pt.
 */
const WIDTHS_BY_ROLE: Record<UnitReportData['role'], readonly number[]> = {
  // Hoàn thành / Chưa hoàn thành 11 wide: «Chưa hoàn thành» in two header lines, not three (the template's two pages).
  template: [13, 36, 17, 11, 11, 17],
  report: [14, 40, 18, 10, 10, 18],
};

/**
 * Lines of an assessment's row at most (text-fit.ts rowPieces): a unit's
 * line of a compiled text is rarely longer; a longer one goes on over the
 * next rows, so a row never nears Excel's tallest (409 pt, 26 lines) nor
 * leaves much of a page empty when it moves to the next.
 */
const ASSESSMENT_ROW_LINES = 10;

/** `K1`…`K9`: at most nine «Hình thức khác» rows. */
const OTHER_FORM_ROWS_MAX = 9;

export interface UnitReportTask {
  /** null: a blank row for a unit to type its own task (template without a plan). */
  stt: number | null;
  name: string;
  result?: string;
  note?: string;
  /** true: x under Hoàn thành; false: x under Chưa hoàn thành; null/undefined: blank (template). */
  done?: boolean | null;
}

export interface UnitReportData extends UnitIdentity, ReportDetails {
  /** Sheet name. */
  name: string;
  role: 'report' | 'template';
  /** null/absent: blank value cells (template). */
  figures?: Figures | null;
  figureNotes?: Partial<Record<IndicatorCode, string>>;
  /** «Hình thức khác» as `K` rows (other-forms.ts); a template without them gets blank ones to fill. */
  otherForms?: readonly { label: string; unit: string; value: number | null }[];
  tasks: readonly UnitReportTask[];
  assessment?: Partial<Record<AssessmentKey, string>>;
}

/** Where the cells a unit fills ended up (0-based rows/cols), for validations and protection. */
export interface UnitReportCells {
  id: Partial<Record<IdField, { row: number; col: number }>>;
  figureRows: Record<IndicatorCode, number>;
  /** The `K` rows, label to note typed by the unit. */
  otherRows: number[];
  taskRows: number[];
  assessmentRows: Partial<Record<AssessmentKey, number>>;
  /** Columns of section I and II. */
  valueCol: number;
  figureNoteCol: number;
  taskResultCol: number;
  taskDoneCol: number;
  taskNotDoneCol: number;
  taskNoteCol: number;
  textCol: number;
  lastCol: number;
}

/** Row height for a wrapped text in a cell `width` units wide (text-fit.ts). */
function heightFor(s: string, width: number, bold = false): number | undefined {
  return fitRowHeight([{ text: s, width, bold }]);
}

/**
 * The height a row needs for its tallest wrapped cell (`[text, column]`
 * pairs); undefined when every text fits on one line. Excel and LibreOffice
 * keep the default height for wrapped text and clip it otherwise.
 */
function wrappedRowHeight(widths: readonly number[], cells: [string | null | undefined, number][], bold = false): number | undefined {
  return fitRowHeight(cells.map(([s, col]) => ({ text: s, width: widths[col], bold })));
}

function idValue(data: UnitReportData, field: IdField) {
  switch (field) {
    case 'templateCode': return text(TEMPLATE_CODE);
    case 'unit': return text(data.unit);
    case 'unitCode': return text(data.unitCode);
    case 'level': return text(data.level);
    case 'parent': return text(data.parent);
    case 'period': return text(data.period);
    case 'year': return { v: data.year ?? null, style: { numberFormat: '0', align: 'left' as const } };
    case 'docRef': return text(data.docRef);
    case 'preparer': return text(data.preparer);
    case 'phone': return text(data.phone);
    case 'sentDate': return date(data.sentDate, { align: 'left' });
    case 'reportType': return text(data.compiled ? COMPILED_REPORT_TYPE : '');
  }
}

/** Section headings, each kept on a page with the rows after it (print-blocks.ts keepWithNext). */
export type KeptRows = { row: number; rows: number }[];

export function layoutUnitReport(data: UnitReportData): { sheet: OutputSheet; cells: UnitReportCells; headings: KeptRows } {
  const b = new SheetBuilder();
  const WIDTHS = WIDTHS_BY_ROLE[data.role];
  const periodLine = periodHeading(data.period, data.year);
  b.line(0, COLS, text(UNIT_REPORT_TITLE, STYLE.title));
  b.line(1, COLS, text(periodLine, STYLE.subtitle));
  b.rowHeights[0] = 22;
  const setHeight = (r: number, h: number | undefined) => { if (h) b.rowHeights[r] = h; };
  let row = 3;

  const cells: UnitReportCells = {
    id: {}, figureRows: {} as Record<IndicatorCode, number>, otherRows: [], taskRows: [], assessmentRows: {},
    valueCol: 3, figureNoteCol: 4, taskResultCol: 2, taskDoneCol: 3, taskNotDoneCol: 4, taskNoteCol: 5, textCol: 1, lastCol: COLS - 1,
  };

  for (const id of ID_LABELS) {
    // A unit's own sheet has no `Loại báo cáo` row (docs/spec/TEMPLATE.md §2).
    if (id.field === 'reportType' && !data.compiled) continue;
    b.set(row, 0, text(id.label, { bold: true, wrap: true }));
    setHeight(row, heightFor(id.label, WIDTHS[0], true));
    b.set(row, 1, idValue(data, id.field));
    for (let c = 2; c < COLS; c++) b.set(row, c, { v: null });
    b.merge(row, 1, row, COLS - 1);
    cells.id[id.field] = { row, col: 1 };
    row++;
  }

  // Section headings, each kept on a page with its table's header and first rows (keepWithNext).
  const headings: KeptRows = [];
  row++;
  headings.push({ row, rows: 4 });
  b.set(row++, 0, text(SECTION_TITLES.figures, STYLE.section));
  const figHeaderRow = row;
  const figHeaders = [FIGURE_HEADERS.code, FIGURE_HEADERS.label, FIGURE_HEADERS.unit, FIGURE_HEADERS.value, FIGURE_HEADERS.note];
  b.put(row, 0, figHeaders.map((h) => text(h, STYLE.header)));
  setHeight(row++, wrappedRowHeight(WIDTHS, figHeaders.map((h, i) => [h, i]), true));
  for (const ind of INDICATORS) {
    const note = data.figureNotes?.[ind.code] ?? '';
    // Middle: the code and unit stand beside a label on two lines, not under it.
    const mid = { valign: 'middle' as const };
    b.put(row, 0, [
      text(ind.code, { align: 'center', ...mid }),
      text(ind.label, { wrap: true, ...mid }),
      text(ind.unit, { align: 'center', ...mid }),
      figure(data.figures ? data.figures[ind.code] : null, ind.kind, mid),
      text(note, { wrap: true, ...mid }),
    ]);
    setHeight(row, wrappedRowHeight(WIDTHS, [[ind.label, 1], [note, 4]]));
    cells.figureRows[ind.code] = row;
    row++;
  }
  const others = data.otherForms?.length
    ? data.otherForms.slice(0, OTHER_FORM_ROWS_MAX)
    : data.role === 'template' ? Array.from({ length: BLANK_OTHER_FORM_ROWS }, () => ({ label: '', unit: '', value: null })) : [];
  others.forEach((f, i) => {
    const mid = { valign: 'middle' as const };
    b.put(row, 0, [
      text(`K${i + 1}`, { align: 'center', ...mid }),
      text(f.label, { wrap: true, ...mid }),
      text(f.unit, { align: 'center', ...mid }),
      figure(f.value, 'count', mid),
      text('', { wrap: true, ...mid }),
    ]);
    setHeight(row, wrappedRowHeight(WIDTHS, [[f.label, 1]]));
    cells.otherRows.push(row++);
  });
  b.border(figHeaderRow, 0, row - 1, 4);

  row++;
  headings.push({ row, rows: 4 });
  b.set(row++, 0, text(SECTION_TITLES.tasks, STYLE.section));
  const taskHeaderRow = row;
  const taskHeaders = [TASK_HEADERS.stt, TASK_HEADERS.name, TASK_HEADERS.result, TASK_HEADERS.done, TASK_HEADERS.notDone, TASK_HEADERS.note];
  b.put(row, 0, taskHeaders.map((h) => text(h, STYLE.header)));
  setHeight(row++, wrappedRowHeight(WIDTHS, taskHeaders.map((h, i) => [h, i]), true));
  for (const t of data.tasks) {
    // Top: a result longer than its row loses its end, never its beginning (bottom-aligned text overflows upwards).
    const top = { valign: 'top' as const };
    // The compile's list of units not done, named up to a few and counted (task-note.ts): a hundred names outgrow a row.
    const note = t.note ? shortTaskNote(t.note) : t.note;
    b.put(row, 0, [
      { v: t.stt, style: { align: 'center', numberFormat: 'General', ...top } },
      text(t.name, { wrap: true, ...top }),
      text(t.result, { wrap: true, ...top }),
      text(t.done === true ? MARK : '', { align: 'center', ...top }),
      text(t.done === false ? MARK : '', { align: 'center', ...top }),
      text(note, { wrap: true, ...top }),
    ]);
    setHeight(row, wrappedRowHeight(WIDTHS, [[t.name, 1], [t.result, 2], [note, 5]]));
    cells.taskRows.push(row);
    row++;
  }
  b.border(taskHeaderRow, 0, Math.max(taskHeaderRow, row - 1), COLS - 1);

  row++;
  headings.push({ row, rows: 2 });
  b.set(row++, 0, text(SECTION_TITLES.assessment, STYLE.section));
  const textSpan = WIDTHS.slice(1).reduce((s, w) => s + w, 0);
  for (const a of ASSESSMENT_LABELS) {
    const value = data.assessment?.[a.key] ?? '';
    // A compiled text (a line per unit: 150 communes write ~8,000 characters) over as many rows as it takes, a row per
    // unit's line, so no row reaches Excel's tallest and the text is printed whole, the page breaking between units;
    // the reader joins the rows again (reader.ts readAssessment).
    const pieces = value ? rowPieces(value, textSpan, ASSESSMENT_ROW_LINES) : [''];
    cells.assessmentRows[a.key] = row;
    pieces.forEach((piece, i) => {
      b.set(row, 0, text(i === 0 ? a.label : '', { bold: true, wrap: true, valign: 'top' }));
      b.set(row, 1, text(piece, { wrap: true, valign: 'top' }));
      for (let c = 2; c < COLS; c++) b.set(row, c, { v: null });
      b.merge(row, 1, row, COLS - 1);
      const label = i === 0 ? heightFor(a.label, WIDTHS[0], true) ?? 0 : 0;
      const h = Math.max(heightFor(piece, textSpan) ?? (i === 0 ? 30 : 0), label);
      if (h) b.rowHeights[row] = h;
      row++;
    });
  }

  const sheet = b.build({
    name: data.name,
    role: data.role,
    unit: data.unit,
    columnWidths: [...WIDTHS],
    print: { orientation: 'portrait' },
  });
  // The compiled report prints over pages, fitted to the width; the template adds its signatures and guide first (template-sheet.ts).
  if (data.role === 'report') {
    const heights = Array.from({ length: row }, (_, r) => b.rowHeights[r] ?? SHEET_ROW_HEIGHT);
    const room = PRINTABLE_HEIGHT.portrait / fitWidthScale(WIDTHS, 'portrait');
    const breaks = keepWithNext(heights, headings, room);
    if (breaks.length) sheet.print.rowBreaks = breaks;
  }
  return { sheet, cells, headings };
}

/** `D14`-style address of a cell found by `layoutUnitReport`. */
export function addressOf(p: { row: number; col: number }): string {
  return cellAddress(p.row, p.col);
}
