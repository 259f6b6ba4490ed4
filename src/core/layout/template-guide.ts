/**
 * What the blank template adds around the form for the clerk (layout/template-sheet.ts):
 * the «HƯỚNG DẪN GHI» box, the rules the checker enforces said in one place
 * each from where they are defined, and the signature block. Neither is
 * data: the reader stops the task table at a signature row (reader.ts
 * isSignatureRow) and finds no label of the form in either (test/core/
 * template-guide.test.ts reads a filled template with and without them).
 */
import { ID_LABELS, INDICATOR_BY_CODE, MARK, MAX_HOURS, TASK_HEADERS, FIGURE_HEADERS } from '../template';
import { CONSISTENCY_RULES, statement, type ConsistencyRule } from '../consistency-rules';
import { SEVERITY_LABELS, type Severity } from '../findings';
import { OTHER_FORM_CODES, OTHER_FORM_RULES } from '../other-forms';

export const GUIDE_TITLE = 'HƯỚNG DẪN GHI';
export const SIGNERS = [
  { title: 'NGƯỜI LẬP', note: '(Ký, ghi rõ họ tên)' },
  { title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, đóng dấu)' },
] as const;

const sentLabel = ID_LABELS.find((l) => l.field === 'sentDate')!.label;
const hours = INDICATOR_BY_CODE.A6;
/** `Dòng K1–K9`: the free rows in the guide (their title «Hình thức khác» is on the sheet above them). */
const otherRows = `Dòng ${OTHER_FORM_CODES}`;

/** `lỗi` / `cảnh báo`: a severity as a guide line says it. */
const severityWord = (s: Severity) => SEVERITY_LABELS[s].toLocaleLowerCase('vi');

/**
 * The rules, one line each, as the checker enforces them (consistency-rules.ts,
 * numbers.ts, task-checks.ts, other-forms.ts, docs/spec/TEMPLATE.md §2–4).
 */
export function guideLines(rules: readonly ConsistencyRule[] = CONSISTENCY_RULES): string[] {
  const said = (r: ConsistencyRule) => (r.shape === 'sum' && r.hint ? `${statement(r)} (chênh ${r.hint})` : statement(r));
  const of = (severity: ConsistencyRule['severity']) => rules.filter((r) => r.severity === severity).map(said).join('; ');
  // The K rows' rules (other-forms.ts), each with its severity. Every line is kept to what fits: the guide
  // must stay on the template's second page (template-sheet.ts), so line 1 says the number rules tersely.
  const other = Object.values(OTHER_FORM_RULES).map((r) => `${r.statement} (${severityWord(r.severity)})`).join('; ');
  return [
    `1. Cột «${FIGURE_HEADERS.value}» chỉ ghi số không âm, không kèm chữ hay đơn vị; số nguyên, trừ ${hours.code} (${hours.unit}): số thập phân từ 0 đến ${MAX_HOURS}.`,
    `2. Chỉ tiêu không có số liệu thì để trống; để trống khác ghi 0: nếu số liệu là 0 thì ghi 0.`,
    `3. Mỗi nhiệm vụ đánh một dấu ${MARK} vào cột «${TASK_HEADERS.done}» hoặc «${TASK_HEADERS.notDone}»; chưa hoàn thành thì ghi lý do.`,
    `4. Số liệu phải khớp nhau (sai là ${severityWord('error')}): ${of('error')}.`,
    `5. Nên khớp nhau (sai là ${severityWord('warning')}): ${of('warning')}.`,
    `6. «${sentLabel}» ghi theo dạng dd/mm/yyyy (ví dụ 05/04/2026).`,
    `7. ${otherRows}: ${other}.`,
  ];
}

export const GUIDE_LINES: readonly string[] = guideLines();
