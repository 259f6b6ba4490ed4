/**
 * Reading back the tables a compile wrote into a workbook: the summary
 * sheet's child rows (unit, status, one column per indicator) and the
 * findings sheet. Found by header labels, as every reader here, so a moved
 * column or an inserted row does not break them.
 */
import type { SheetGrid } from '../core/grid';
import { FoldedGrid, findHeader, labelKey, type HeaderSpec } from '../core/labels';
import { parseFigure } from '../core/numbers';
import {
  INDICATORS, INDICATOR_BY_CODE, STATUS_LATE, STATUS_MISSING, STATUS_ON_TIME, emptyFigures,
  type ChildStatus, type Figures, type IndicatorCode, type Level,
} from '../core/template';
import { SEVERITY_LABELS, type Severity } from '../core/findings';
import { parseLevel } from '../core/labels';
import { parseDateCell } from '../core/dates';
import { SELF_SUFFIX, TOTAL_LABEL } from '../core/layout/summary-sheet';
import { FINDINGS_HEADERS } from '../core/layout/findings-sheet';

export interface SummaryChildRow {
  unit: string;
  /** The parent's own row (written with the layout's SELF_SUFFIX). */
  isSelf: boolean;
  level: Level | null;
  status: ChildStatus | null;
  /** ISO date from `Ngày gửi`, when readable. */
  sentDate?: string;
  figures: Figures;
  /** The row read from (0-based, grid-relative), for messages. */
  row: number;
}

export interface SummaryTable {
  sheet: string;
  children: SummaryChildRow[];
}

/** Header texts of the summary's columns; the layout's own first (layout/summary-sheet), then common variants. */
export const SUMMARY_UNIT_HEADERS = ['Đơn vị', 'Tên đơn vị', 'Đơn vị báo cáo'];
export const SUMMARY_STATUS_HEADERS = ['Tình trạng', 'Trạng thái', 'Tình trạng nộp', 'Tình trạng báo cáo', 'Tình trạng nộp báo cáo'];
const TOTAL_KEYS = new Set([labelKey(TOTAL_LABEL), 'tong', 'tong so', 'cong']);
const SELF_KEY = labelKey(SELF_SUFFIX);

const STATUS_BY_KEY = new Map<string, ChildStatus>(
  [STATUS_ON_TIME, STATUS_LATE, STATUS_MISSING].map((s) => [labelKey(s), s]),
);

/** An indicator header cell: the code alone (`A1`), the code then its label (`A1. Tin, bài…`), or the label alone. */
function indicatorOfHeader(text: string): IndicatorCode | null {
  const t = text.trim();
  const m = /^([A-E][0-9])(?![0-9A-Za-z])/.exec(t);
  if (m) {
    const ind = INDICATORS.find((i) => i.code === m[1]);
    if (ind) return ind.code;
  }
  const k = labelKey(t.replace(/\(.*?\)\s*$/, ''));
  const byLabel = INDICATORS.find((i) => labelKey(i.label) === k || labelKey(i.label.replace(/\(.*?\)\s*$/, '')) === k);
  return byLabel ? byLabel.code : null;
}

type SummaryCol = 'unit' | 'status' | 'level' | 'sent';
const SUMMARY_SPECS: HeaderSpec<SummaryCol>[] = [
  { field: 'unit', labels: SUMMARY_UNIT_HEADERS, required: true },
  { field: 'status', labels: SUMMARY_STATUS_HEADERS, required: true },
  { field: 'level', labels: ['Cấp'], required: false },
  { field: 'sent', labels: ['Ngày gửi', 'Ngày nộp'], required: false },
];

/** The child rows of a summary sheet, or null when the sheet has no such table. */
export function readSummaryTable(grid: SheetGrid): SummaryTable | null {
  const fg = new FoldedGrid(grid);
  const header = findHeader(fg, SUMMARY_SPECS, 0, Math.min(fg.rowCount, 40));
  if (!header) return null;
  // Indicator columns: in the header row or the row(s) just around it (codes may sit under group headings).
  const codeCols = new Map<IndicatorCode, number>();
  for (let r = Math.max(0, header.row - 1); r <= Math.min(fg.rowCount - 1, header.lastRow + 1); r++) {
    for (let c = 0; c < fg.width(r); c++) {
      const code = indicatorOfHeader(fg.text(r, c));
      if (code && !codeCols.has(code)) codeCols.set(code, c);
    }
  }
  if (codeCols.size === 0) return null;
  const unitCol = header.cols.unit!;
  const statusCol = header.cols.status!;
  const children: SummaryChildRow[] = [];
  let start = header.lastRow + 1;
  // Skip a code row sitting under the header.
  while (start < fg.rowCount && [...codeCols.values()].some((c) => indicatorOfHeader(fg.text(start, c)))) start++;
  for (let r = start; r < fg.rowCount; r++) {
    let unit = fg.text(r, unitCol);
    if (!unit) {
      if (children.length) break;
      continue;
    }
    if (TOTAL_KEYS.has(labelKey(unit))) break;
    const isSelf = labelKey(unit).endsWith(SELF_KEY);
    if (isSelf) unit = unit.slice(0, unit.length - SELF_SUFFIX.length).trim();
    const level = header.cols.level !== undefined ? parseLevel(fg.text(r, header.cols.level)) : null;
    const sent = header.cols.sent !== undefined ? parseDateCell(fg.value(r, header.cols.sent), grid.date1904) : null;
    const status = STATUS_BY_KEY.get(labelKey(fg.text(r, statusCol))) ?? null;
    const figures = emptyFigures();
    for (const [code, c] of codeCols) {
      const v = fg.value(r, c);
      if (v === null || v === '') continue;
      const parsed = parseFigure(v, INDICATOR_BY_CODE[code].kind);
      if (parsed.value !== null && parsed.issue?.severity !== 'error') figures[code] = parsed.value;
    }
    children.push({ unit, isSelf, level, status, sentDate: sent ?? undefined, figures, row: r });
  }
  return { sheet: grid.sheet, children };
}

export interface FindingRow {
  severity: Severity;
  unit: string;
  file: string;
  sheet: string;
  cell: string;
  message: string;
}

type FindingCol = 'severity' | 'unit' | 'file' | 'sheet' | 'cell' | 'message';
/** The findings sheet's headers (layout/findings-sheet: STT | Mức độ | Đơn vị | Tệp | Sheet | Ô | Quy tắc | Nội dung). */
const [, H_SEVERITY, H_UNIT, H_FILE, H_SHEET, H_CELL, , H_MESSAGE] = FINDINGS_HEADERS;
export const FINDING_HEADER_SPECS: HeaderSpec<FindingCol>[] = [
  { field: 'severity', labels: [H_SEVERITY, 'Loại', 'Mức'], required: true },
  { field: 'unit', labels: [H_UNIT], required: true },
  { field: 'file', labels: [H_FILE, 'File'], required: false },
  { field: 'sheet', labels: [H_SHEET, 'Trang tính'], required: false },
  { field: 'cell', labels: [H_CELL, 'Địa chỉ'], required: false },
  { field: 'message', labels: [H_MESSAGE, 'Thông báo', 'Mô tả'], required: false },
];

const SEVERITY_BY_KEY = new Map<string, Severity>(
  (Object.entries(SEVERITY_LABELS) as [Severity, string][]).map(([s, l]) => [labelKey(l), s]),
);

/** The rows of a findings sheet (severity `Lỗi` / `Cảnh báo`), or null when the sheet has no such table. */
export function readFindingsTable(grid: SheetGrid): FindingRow[] | null {
  const fg = new FoldedGrid(grid);
  const header = findHeader(fg, FINDING_HEADER_SPECS, 0, Math.min(fg.rowCount, 20));
  if (!header) return null;
  const col = header.cols;
  const out: FindingRow[] = [];
  for (let r = header.lastRow + 1; r < fg.rowCount; r++) {
    const severity = SEVERITY_BY_KEY.get(labelKey(fg.text(r, col.severity!)));
    if (!severity) continue;
    out.push({
      severity,
      unit: fg.text(r, col.unit!),
      file: col.file !== undefined ? fg.text(r, col.file) : '',
      sheet: col.sheet !== undefined ? fg.text(r, col.sheet) : '',
      cell: col.cell !== undefined ? fg.text(r, col.cell) : '',
      message: col.message !== undefined ? fg.text(r, col.message) : '',
    });
  }
  return out;
}
