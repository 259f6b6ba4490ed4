/**
 * The blank TTCCHC-1 sheet a unit fills (role 'template'): the same form as
 * a compiled report (layoutUnitReport), with the plan's tasks listed, lists
 * and number checks on the cells a unit types in, and the labels protected.
 * For the clerk: the cells to type in shaded, room to write in
 * III. ĐÁNH GIÁ, the signature block and the «HƯỚNG DẪN GHI» box
 * (template-guide.ts), on two A4 pages at 9 pt.
 */
import { parseRangeAddress, rangeAddress } from '../address';
import type { Plan, UnitIdentity } from '../model';
import { listItem, type OutCell, type OutputSheet, type Validation } from '../sheet-model';
import {
  INDICATORS, LEVEL_NAMES, MARK, MAX_HOURS, PERIODS, YEAR_RANGE, type IdField,
} from '../template';
import { OUTPUT_PREFIXES, safeSheetName } from './names';
import { shortUnitName } from '../unit-names';
import { layoutUnitReport, type KeptRows, type UnitReportCells } from './unit-report-sheet';
import { PRINTABLE_HEIGHT, fitWidthScale, keepWithNext } from './print-blocks';
import { withCheckBlock } from './check-block';
import { COLORS, STYLE, text } from './styles';
import { GUIDE_LINES, GUIDE_TITLE, SIGNERS } from './template-guide';
import { SHEET_ROW_HEIGHT, fitRowHeight, rowHeightFor } from './text-fit';

export interface TemplateOptions extends UnitIdentity {
  plan?: Plan;
  /** Sheet name; default `Mẫu <short unit name>`. */
  name?: string;
  /** Names already in the workbook, to keep the name unique. */
  taken?: Iterable<string>;
  /** The check block (docs/spec/TEMPLATE.md §10, check-block.ts); default true (both writers write its formulas and formats). */
  checkBlock?: boolean;
}

const BLANK_TASK_ROWS = 8;

/** Identification fields a unit types (the rest are fixed by the template or the compiler). */
const EDITABLE_ID: IdField[] = ['unit', 'unitCode', 'level', 'parent', 'period', 'year', 'docRef', 'preparer', 'phone', 'sentDate'];

export function layoutTemplate(opts: TemplateOptions): OutputSheet {
  const name = opts.name ?? safeSheetName(`${OUTPUT_PREFIXES.template} ${shortUnitName(opts.unit) || 'đơn vị'}`, opts.taken ?? []);
  const planTasks = opts.plan?.tasks ?? [];
  // Without a plan the unit lists its own tasks: blank rows, STT and name left editable.
  const tasks = planTasks.length
    ? planTasks.map((t) => ({ stt: t.stt as number | null, name: t.name }))
    : Array.from({ length: BLANK_TASK_ROWS }, () => ({ stt: null, name: '' }));
  const { sheet, cells, headings } = layoutUnitReport({
    name,
    role: 'template',
    unit: opts.unit,
    unitCode: opts.unitCode,
    level: opts.level,
    parent: opts.parent,
    period: opts.period,
    year: opts.year,
    compiled: false,
    figures: null,
    tasks,
  });
  const unlocked = unlockedRanges(cells, planTasks.length === 0);
  const template = forTheClerk({ ...sheet, validations: templateValidations(cells), protection: { unlockedRanges: unlocked } }, cells, headings);
  return opts.checkBlock === false ? template : withCheckBlock(template, cells);
}

/** Lines of room for each III. ĐÁNH GIÁ text (typed in Excel or written by hand on the printout). */
const ASSESSMENT_LINES = 3;
/** Lines of room for each task's «Kết quả thực hiện» (and its Ghi chú): a sentence of about 50 characters. */
const TASK_RESULT_LINES = 3;
/** Room printed between «(Ký, đóng dấu)» and what follows: a commune's seal is 3.5–4 cm across, and the signature sits over it. */
const SIGNATURE_ROOM_CM = 4.2;

/** Input cells shaded, III and the tasks' results rows tall, then the signature block and the «HƯỚNG DẪN GHI» box below the form. */
function forTheClerk(sheet: OutputSheet, cells: UnitReportCells, headings: KeptRows): OutputSheet {
  const rows = sheet.rows.map((r) => r.slice());
  const merges = sheet.merges.slice();
  const heights = { ...(sheet.rowHeights ?? {}) };
  const last = cells.lastCol;
  const widthOf = (c1: number, c2: number) => sheet.columnWidths.slice(c1, c2 + 1).reduce((a, b) => a + b, 0);
  // Shade what the unit types in: a new style object per cell (styles may be shared between cells).
  for (const range of sheet.protection?.unlockedRanges ?? []) {
    const p = parseRangeAddress(range)!;
    for (let r = p.r1; r <= p.r2; r++) {
      for (let c = p.c1; c <= p.c2; c++) {
        const cell: OutCell = rows[r]?.[c] ?? { v: null };
        rows[r][c] = { ...cell, style: { ...cell.style, fill: COLORS.inputFill } };
      }
    }
  }
  for (const r of Object.values(cells.assessmentRows)) heights[r!] = Math.max(heights[r!] ?? 0, rowHeightFor(ASSESSMENT_LINES));
  // «Kết quả thực hiện»: room for a sentence (three lines, 9 pt printed), and rows that grow as the clerk types more.
  for (const r of cells.taskRows) heights[r] = Math.max(heights[r] ?? 0, rowHeightFor(TASK_RESULT_LINES));
  const growRows = [...cells.taskRows];

  // One blank row first: the reader takes the row under an empty assessment label as its text (reader.ts readAssessment).
  let r = rows.length + 1;
  const half = Math.floor((last + 1) / 2);
  const spans: [number, number][] = [[0, half - 1], [half, last]];
  const put = (row: number, col: number, cell: OutCell, to: number) => {
    rows[row] ??= [];
    rows[row][col] = cell;
    if (to > col) merges.push(rangeAddress(row, col, row, to));
  };
  const scale = fitWidthScale(sheet.columnWidths, 'portrait');
  const signatures = r;
  SIGNERS.forEach((s, i) => {
    put(r, spans[i][0], text(s.title, { bold: true, align: 'center' }), spans[i][1]);
    put(r + 1, spans[i][0], text(s.note, { italic: true, align: 'center' }), spans[i][1]);
  });
  // Heights are in the sheet's points; the page shows them at `scale`.
  heights[r + 2] = Math.ceil((SIGNATURE_ROOM_CM / 2.54) * 72 / scale);
  rows[r + 2] ??= [];
  // The guide right under the room for the seal: the room is what stands between them.
  r += 3;
  const guideTitle = r;
  put(r, 0, text(GUIDE_TITLE, { ...STYLE.section, border: true, fill: COLORS.headerFill }), last);
  for (let c = 1; c <= last; c++) rows[r][c] = { v: null, style: { border: true, fill: COLORS.headerFill } };
  r++;
  const guide = GUIDE_LINES.join('\n');
  put(r, 0, text(guide, { wrap: true, valign: 'top', border: true }), last);
  for (let c = 1; c <= last; c++) rows[r][c] = { v: null, style: { border: true } };
  const h = fitRowHeight([{ text: guide, width: widthOf(0, last) }]);
  if (h) heights[r] = h;
  for (let k = 0; k < rows.length; k++) rows[k] ??= [];
  // Fitted to the width of A4 portrait (9 pt), over two pages as it takes; no section heading, signature block or
  // guide is split from what follows it. The check block below the printed area is for the screen.
  const all = Array.from({ length: r + 1 }, (_, k) => heights[k] ?? SHEET_ROW_HEIGHT);
  const keep: KeptRows = [...headings, { row: signatures, rows: 4 }, { row: guideTitle, rows: 2 }];
  // The page's room at the scale it prints at (whole percent), not the exact fit: they differ by a row or so.
  const printScale = Math.floor(scale * 100);
  const breaks = keepWithNext(all, keep, (PRINTABLE_HEIGHT.portrait * 100) / printScale);
  // An explicit scale rather than «fit to width»: the Office.js writer sets the same zoom (src/excel/write.ts).
  const print = { ...sheet.print, scale: printScale, area: rangeAddress(0, 0, r, last), ...(breaks.length ? { rowBreaks: breaks } : {}) };
  delete print.onePage;
  return { ...sheet, rows, merges, rowHeights: heights, growRows, print };
}

function templateValidations(cells: UnitReportCells): Validation[] {
  const v: Validation[] = [];
  const at = (f: IdField) => cells.id[f];
  const level = at('level');
  if (level) v.push({ range: rangeAddress(level.row, level.col, level.row, level.col), type: 'list', values: LEVEL_NAMES.map(listItem), prompt: 'Chọn cấp của đơn vị', error: 'Cấp phải là một trong danh sách' });
  const period = at('period');
  if (period) v.push({ range: rangeAddress(period.row, period.col, period.row, period.col), type: 'list', values: PERIODS.map(listItem), prompt: 'Chọn kỳ báo cáo', error: 'Kỳ báo cáo phải là một trong danh sách' });
  const year = at('year');
  if (year) v.push({ range: rangeAddress(year.row, year.col, year.row, year.col), type: 'wholeNumber', min: YEAR_RANGE.min, max: YEAR_RANGE.max, prompt: 'Năm, 4 chữ số', error: `Năm phải từ ${YEAR_RANGE.min} đến ${YEAR_RANGE.max}` });
  for (const ind of INDICATORS) {
    const r = cells.figureRows[ind.code];
    const range = rangeAddress(r, cells.valueCol, r, cells.valueCol);
    if (ind.kind === 'hours') v.push({ range, type: 'decimal', min: 0, max: MAX_HOURS, prompt: 'Số giờ mỗi ngày (0–24), được dùng số thập phân', error: 'Số giờ phải từ 0 đến 24' });
    else v.push({ range, type: 'wholeNumber', min: 0, prompt: `Số nguyên ≥ 0 (${ind.unit})`, error: 'Phải là số nguyên không âm' });
  }
  if (cells.taskRows.length) {
    const first = cells.taskRows[0];
    const last = cells.taskRows[cells.taskRows.length - 1];
    v.push({ range: rangeAddress(first, cells.taskDoneCol, last, cells.taskNotDoneCol), type: 'list', values: [listItem(MARK)], prompt: `Đánh dấu ${MARK} vào đúng một ô`, error: `Chỉ đánh dấu ${MARK}` });
  }
  return v;
}

/** The cells a unit fills; everything else (labels, codes, task names) stays protected. */
function unlockedRanges(cells: UnitReportCells, ownTasks: boolean): string[] {
  const out: string[] = [];
  for (const f of EDITABLE_ID) {
    const p = cells.id[f];
    if (p) out.push(rangeAddress(p.row, p.col, p.row, cells.lastCol));
  }
  const rows = INDICATORS.map((i) => cells.figureRows[i.code]);
  out.push(rangeAddress(Math.min(...rows), cells.valueCol, Math.max(...rows), cells.figureNoteCol));
  // «Hình thức khác»: the unit names the form and its unit too.
  if (cells.otherRows.length) out.push(rangeAddress(cells.otherRows[0], 1, cells.otherRows[cells.otherRows.length - 1], cells.figureNoteCol));
  if (cells.taskRows.length) {
    const first = cells.taskRows[0];
    const last = cells.taskRows[cells.taskRows.length - 1];
    out.push(rangeAddress(first, ownTasks ? 0 : cells.taskResultCol, last, cells.taskNoteCol));
  }
  for (const r of Object.values(cells.assessmentRows)) out.push(rangeAddress(r!, cells.textCol, r!, cells.lastCol));
  return out;
}
