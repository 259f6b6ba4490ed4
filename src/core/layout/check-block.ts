/**
 * The template's own check block (docs/spec/TEMPLATE.md §10, `TỰ KIỂM TRA`):
 * Excel formulas that re-check, while the clerk types, each consistency rule
 * of §3 and the task marks of §4, with the difference, and conditional
 * formats on the offending cells. Only functions Excel 2010, LibreOffice and
 * WPS all have (IF, ABS, N, COUNT, COUNTA, SUMPRODUCT, AND, OR), and only the
 * sheet's own cells, so the block works in any copy of the file. The reader
 * stops at the heading (reader.ts withoutCheckBlock): the block is never data.
 */
import { cellAddress, columnLetters, rangeAddress } from '../address';
import type { ConditionalFormat, OutCell, OutputSheet } from '../sheet-model';
import { CHECK_BLOCK_TITLE, type IndicatorCode } from '../template';
import { STYLE, text } from './styles';
import type { UnitReportCells } from './unit-report-sheet';

const ERROR_LOOK = { fill: '#FFC7CE', color: '#9C0006', bold: true };
const WARNING_LOOK = { fill: '#FFEB9C', color: '#9C5700', bold: true };
const PASSED_LOOK = { fill: '#C6EFCE', color: '#006100' };

/** Status words a check shows (column A of the block). */
export const CHECK_STATUS = { passed: 'Đạt', error: 'Lỗi', warning: 'Cảnh báo', empty: 'Chưa nhập' } as const;

interface Check {
  /** The status formula (one of CHECK_STATUS). */
  status: string;
  /** The message formula: the rule, then what is wrong. */
  message: string;
  /** The offending cells and when they offend. */
  marks: ConditionalFormat[];
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The checks of §3 and §4 on this sheet's cells. */
function checks(cells: UnitReportCells): Check[] {
  const col = columnLetters(cells.valueCol);
  const at = (code: IndicatorCode) => `$${col}$${cells.figureRows[code] + 1}`;
  const n = (code: IndicatorCode) => `N(${at(code)})`;
  const cellsOf = (codes: IndicatorCode[]) => codes.map((c) => cellAddress(cells.figureRows[c], cells.valueCol)).join(' ');
  const typed = (codes: IndicatorCode[]) => `COUNT(${codes.map(at).join(',')})`;
  const out: Check[] = [];

  // D4 + D5 + D6 = D1 + D2: an error, with the difference.
  const left = `${n('D4')}+${n('D5')}+${n('D6')}`;
  const right = `${n('D1')}+${n('D2')}`;
  const gap = `ABS((${left})-(${right}))`;
  const balance: IndicatorCode[] = ['D1', 'D2', 'D4', 'D5', 'D6'];
  const balanceBad = `AND(${typed(balance)}>0,${gap}>=0.0001)`;
  out.push({
    status: `IF(${typed(balance)}=0,${quote(CHECK_STATUS.empty)},IF(${balanceBad},${quote(CHECK_STATUS.error)},${quote(CHECK_STATUS.passed)}))`,
    message: `${quote('D4 + D5 + D6 = D1 + D2')}&IF(${balanceBad},": chênh "&${gap},"")`,
    marks: [{ range: cellsOf(balance), formula: balanceBad, style: ERROR_LOOK }],
  });

  // D3 ≤ D2, D8 ≤ D7: errors, with how much the part exceeds the whole.
  for (const [part, whole] of [['D3', 'D2'], ['D8', 'D7']] as [IndicatorCode, IndicatorCode][]) {
    const bad = `${n(part)}>${n(whole)}`;
    out.push({
      status: `IF(${typed([part, whole])}=0,${quote(CHECK_STATUS.empty)},IF(${bad},${quote(CHECK_STATUS.error)},${quote(CHECK_STATUS.passed)}))`,
      message: `${quote(`${part} ≤ ${whole}`)}&IF(${bad},": ${part} lớn hơn ${whole} "&(${n(part)}-${n(whole)}),"")`,
      marks: [{ range: cellsOf([part, whole]), formula: bad, style: ERROR_LOOK }],
    });
  }

  // C2 > 0 requires C1 > 0, C4 > 0 requires C3 > 0: warnings.
  for (const [people, events, what] of [['C2', 'C1', 'hội nghị, tập huấn'], ['C4', 'C3', 'cuộc thi']] as [IndicatorCode, IndicatorCode, string][]) {
    const bad = `AND(${n(people)}>0,NOT(${n(events)}>0))`;
    out.push({
      status: `IF(${typed([people, events])}=0,${quote(CHECK_STATUS.empty)},IF(${bad},${quote(CHECK_STATUS.warning)},${quote(CHECK_STATUS.passed)}))`,
      message: `${quote(`${people} > 0 thì ${events} > 0`)}&IF(${bad},": có ${people} nhưng ${events} (số ${what}) bằng 0","")`,
      marks: [{ range: cellsOf([people, events]), formula: bad, style: WARNING_LOOK }],
    });
  }

  // §4: exactly one of Hoàn thành / Chưa hoàn thành per task (a row with a task name).
  if (cells.taskRows.length) {
    const r1 = cells.taskRows[0] + 1;
    const r2 = cells.taskRows[cells.taskRows.length - 1] + 1;
    const c = (k: number) => columnLetters(k);
    const done = `$${c(cells.taskDoneCol)}$${r1}:$${c(cells.taskDoneCol)}$${r2}`;
    const notDone = `$${c(cells.taskNotDoneCol)}$${r1}:$${c(cells.taskNotDoneCol)}$${r2}`;
    const names = `$${c(cells.textCol)}$${r1}:$${c(cells.textCol)}$${r2}`;
    const both = `SUMPRODUCT((${names}<>"")*(${done}<>"")*(${notDone}<>""))`;
    const none = `SUMPRODUCT((${names}<>"")*(${done}="")*(${notDone}=""))`;
    const anyMark = `COUNTA(${done},${notDone})`;
    const top = `${c(cells.taskDoneCol)}${r1}`;
    const row = (k: number) => `$${c(k)}${r1}`;
    out.push({
      status: `IF(${anyMark}=0,${quote(CHECK_STATUS.empty)},IF(${both}+${none}>0,${quote(CHECK_STATUS.error)},${quote(CHECK_STATUS.passed)}))`,
      message: `${quote('Mỗi nhiệm vụ đánh dấu đúng một cột')}&IF(${anyMark}=0,"",IF(${both}>0,": "&${both}&" nhiệm vụ đánh dấu cả hai cột","")&IF(${none}>0,IF(${both}>0,"; ",": ")&${none}&" nhiệm vụ chưa đánh dấu",""))`,
      marks: [{
        range: `${top}:${c(cells.taskNotDoneCol)}${r2}`,
        formula: `AND(${row(cells.textCol)}<>"",${anyMark}>0,OR(AND(${row(cells.taskDoneCol)}<>"",${row(cells.taskNotDoneCol)}<>""),AND(${row(cells.taskDoneCol)}="",${row(cells.taskNotDoneCol)}="")))`,
        style: ERROR_LOOK,
      }],
    });
  }
  return out;
}

/** The sheet with the check block below its last row (one blank row between). */
export function withCheckBlock(sheet: OutputSheet, cells: UnitReportCells): OutputSheet {
  const rows = sheet.rows.slice();
  const merges = sheet.merges.slice();
  const formats: ConditionalFormat[] = [...(sheet.conditionalFormats ?? [])];
  const last = cells.lastCol;
  rows.push([]);
  let r = rows.length;
  rows[r] = [text(CHECK_BLOCK_TITLE, STYLE.section)];
  merges.push(rangeAddress(r, 0, r, last));
  r++;
  rows[r] = [text('Phần này tự tính từ số liệu ở trên, không cần nhập; khi tổng hợp không đọc phần này.', { italic: true, wrap: true })];
  merges.push(rangeAddress(r, 0, r, last));
  r++;
  const first = r;
  for (const check of checks(cells)) {
    const status: OutCell = { v: null, formula: check.status, style: { border: true, align: 'center', valign: 'top' } };
    const message: OutCell = { v: null, formula: check.message, style: { border: true, wrap: true, valign: 'top' } };
    rows[r] = [status, message, ...Array.from({ length: last - 1 }, () => ({ v: null, style: { border: true } }))];
    merges.push(rangeAddress(r, 1, r, last));
    formats.push(...check.marks);
    r++;
  }
  const statuses = rangeAddress(first, 0, r - 1, 0);
  const top = cellAddress(first, 0);
  formats.push(
    { range: statuses, formula: `${top}=${quote(CHECK_STATUS.error)}`, style: ERROR_LOOK },
    { range: statuses, formula: `${top}=${quote(CHECK_STATUS.warning)}`, style: WARNING_LOOK },
    { range: statuses, formula: `${top}=${quote(CHECK_STATUS.passed)}`, style: PASSED_LOOK },
  );
  return { ...sheet, rows, merges, conditionalFormats: formats };
}
