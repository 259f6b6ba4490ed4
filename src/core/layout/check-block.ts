/**
 * The template's own check block (docs/spec/TEMPLATE.md §10, `TỰ KIỂM TRA`):
 * Excel formulas that re-check, while the clerk types, each consistency rule
 * of §3 (made from core/consistency-rules.ts, as the checker is) and the task
 * marks of §4, with the difference, and conditional formats on the offending
 * cells; the `K` rows' rule too (other-forms.ts OTHER_FORM_RULES). Only functions Excel 2010, LibreOffice and
 * WPS all have (IF, ABS, N, COUNT, COUNTA, SUMPRODUCT, AND, OR, LEN, TRIM), and only the
 * sheet's own cells, so the block works in any copy of the file. The reader
 * stops at the heading (reader.ts withoutCheckBlock): the block is never data.
 */
import { cellAddress, columnLetters, rangeAddress } from '../address';
import { CONSISTENCY_RULES, TOLERANCE, codesOf, statement, type ConsistencyRule } from '../consistency-rules';
import { OTHER_FORM_RULES, OTHER_FORM_STATEMENT } from '../other-forms';
import type { Severity } from '../findings';
import type { ConditionalFormat, OutCell, OutputSheet } from '../sheet-model';
import { CHECK_BLOCK_TITLE, type IndicatorCode } from '../template';
import { STYLE, text } from './styles';
import type { UnitReportCells } from './unit-report-sheet';

const ERROR_LOOK = { fill: '#FFC7CE', color: '#9C0006', bold: true };
const WARNING_LOOK = { fill: '#FFEB9C', color: '#9C5700', bold: true };
const PASSED_LOOK = { fill: '#C6EFCE', color: '#006100' };
const LOOK: Record<Severity, typeof ERROR_LOOK> = { error: ERROR_LOOK, warning: WARNING_LOOK };

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

/** The checks of §3 (core/consistency-rules.ts) and §4 on this sheet's cells. */
function checks(cells: UnitReportCells, rules: readonly ConsistencyRule[]): Check[] {
  const col = columnLetters(cells.valueCol);
  const at = (code: IndicatorCode) => `$${col}$${cells.figureRows[code] + 1}`;
  const n = (code: IndicatorCode) => `N(${at(code)})`;
  const sum = (codes: readonly IndicatorCode[]) => codes.map(n).join('+');
  const cellsOf = (codes: readonly IndicatorCode[]) => codes.map((c) => cellAddress(cells.figureRows[c], cells.valueCol)).join(' ');
  const typed = (codes: readonly IndicatorCode[]) => `COUNT(${codes.map(at).join(',')})`;
  const out: Check[] = [];

  /** One rule of the table: its status, its statement and what is wrong, the offending cells marked. */
  function ruleCheck(r: ConsistencyRule): Check {
    const codes = codesOf(r);
    const look = LOOK[r.severity];
    let bad: string;
    let detail: string;
    switch (r.shape) {
      case 'sum': {
        // Right minus left, as the checker (figure-checks.ts) measures the gap.
        const gap = `((${sum(r.right)})-(${sum(r.left)}))`;
        bad = `AND(${typed(codes)}>0,ABS${gap}>${TOLERANCE})`;
        const hint = r.hintWhenGapIs && r.hint
          ? `&IF(AND(${n(r.hintWhenGapIs)}>0,ABS(${gap}-${n(r.hintWhenGapIs)})<=${TOLERANCE}),${quote(`; ${r.hint}`)},"")`
          : '';
        detail = `": chênh "&ABS${gap}${hint}`;
        break;
      }
      case 'part':
        bad = `${n(r.part)}>${n(r.whole)}`;
        detail = `": ${r.part} lớn hơn ${r.whole} "&(${n(r.part)}-${n(r.whole)})`;
        break;
      case 'needs':
        bad = `AND(${n(r.people)}>0,NOT(${n(r.events)}>0))`;
        detail = quote(`: có ${r.people} nhưng ${r.events} (số ${r.what}) bằng 0`);
        break;
    }
    return {
      status: `IF(${typed(codes)}=0,${quote(CHECK_STATUS.empty)},IF(${bad},${quote(CHECK_STATUS[r.severity])},${quote(CHECK_STATUS.passed)}))`,
      message: `${quote(statement(r))}&IF(${bad},${detail},"")`,
      marks: [{ range: cellsOf(codes), formula: bad, style: look }],
    };
  }

  for (const r of rules) out.push(ruleCheck(r));

  // §3: a K row with a number but no label is an error, with a label but no number a warning (other-forms.ts).
  if (cells.otherRows.length) {
    const r1 = cells.otherRows[0] + 1;
    const r2 = cells.otherRows[cells.otherRows.length - 1] + 1;
    const lc = columnLetters(cells.textCol);
    // Blank as the reader sees it: nothing but spaces (TRIM turns a number into its digits).
    const filled = (ref: string) => `LEN(TRIM(${ref}))>0`;
    const blank = (ref: string) => `LEN(TRIM(${ref}))=0`;
    const labels = `$${lc}$${r1}:$${lc}$${r2}`;
    const values = `$${col}$${r1}:$${col}$${r2}`;
    const { noLabel, noValue } = OTHER_FORM_RULES;
    const withoutLabel = `SUMPRODUCT((${blank(labels)})*(${filled(values)}))`;
    const withoutValue = `SUMPRODUCT((${filled(labels)})*(${blank(values)}))`;
    const typed = `SUMPRODUCT((${filled(labels)})+(${filled(values)}))`;
    // Column fixed, row relative: each K row's own cells.
    const label = `$${lc}${r1}`;
    const value = `$${col}${r1}`;
    out.push({
      status: `IF(${typed}=0,${quote(CHECK_STATUS.empty)},IF(${withoutLabel}>0,${quote(CHECK_STATUS[noLabel.severity])},`
        + `IF(${withoutValue}>0,${quote(CHECK_STATUS[noValue.severity])},${quote(CHECK_STATUS.passed)})))`,
      message: `${quote(OTHER_FORM_STATEMENT)}&IF(${withoutLabel}>0,": "&${withoutLabel}&${quote(` ${noLabel.breach}`)},"")`
        + `&IF(${withoutValue}>0,IF(${withoutLabel}>0,"; ",": ")&${withoutValue}&${quote(` ${noValue.breach}`)},"")`,
      marks: [
        { range: `${lc}${r1}:${lc}${r2}`, formula: `AND(${blank(label)},${filled(value)})`, style: LOOK[noLabel.severity] },
        { range: `${col}${r1}:${col}${r2}`, formula: `AND(${filled(label)},${blank(value)})`, style: LOOK[noValue.severity] },
      ],
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
export function withCheckBlock(sheet: OutputSheet, cells: UnitReportCells, rules: readonly ConsistencyRule[] = CONSISTENCY_RULES): OutputSheet {
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
  for (const check of checks(cells, rules)) {
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
