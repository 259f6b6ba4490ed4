/**
 * «Hình thức khác» (docs/spec/TEMPLATE.md §3): the free rows `K1`–`K9` of
 * section I, where a unit names communication the fixed codes do not (xe cổ
 * động, phướn, lần thay nội dung bảng LED) with its own `Chỉ tiêu` and
 * `Đơn vị tính`. They are compiled by label and unit folded (case, spaces,
 * diacritics), summed across units.
 */
import type { Severity } from './findings';
import { foldLoose } from './text';

/** The heading they go under in every output. */
export const OTHER_FORMS_TITLE = 'Hình thức khác';

/** `K1`…`K9`. */
export const OTHER_FORM_CODE = /^K[1-9]$/;

/** Blank `K` rows a template offers. */
export const BLANK_OTHER_FORM_ROWS = 3;

/**
 * The rule of a `K` row (docs/spec/TEMPLATE.md §3), worded once: a number without a label cannot be
 * compiled (error), a label without a number is probably forgotten (warning). The reader finds it
 * (reader.ts readOtherForm), the template's TỰ KIỂM TRA checks it (layout/check-block.ts), its
 * «HƯỚNG DẪN GHI» says it (layout/template-guide.ts) and rule-names.ts names it. It is not an entry of
 * consistency-rules.ts: it reads a row's own text, not figures of the form.
 */
export const OTHER_FORM_RULES = {
  noLabel: {
    rule: 'figure.other-no-label', severity: 'error', title: 'Hình thức khác chưa ghi tên',
    statement: 'có số liệu thì phải ghi tên hình thức', breach: 'dòng có số liệu chưa ghi tên',
  },
  noValue: {
    rule: 'figure.other-no-value', severity: 'warning', title: 'Hình thức khác chưa ghi số',
    statement: 'có tên thì phải ghi số liệu, không có thì ghi 0', breach: 'dòng có tên chưa ghi số liệu',
  },
} as const satisfies Record<string, { rule: string; severity: Severity; title: string; statement: string; breach: string }>;

/** `Dòng K1–K9 («Hình thức khác»)`: how the check block and the guide name the rows. */
/** `K1–K9`: the free rows' codes as a range. */
export const OTHER_FORM_CODES = 'K1–K9';
export const OTHER_FORM_ROWS_NAME = `Dòng ${OTHER_FORM_CODES} («${OTHER_FORMS_TITLE}»)`;

/** The rule in one sentence, as the template's check block states it. */
export const OTHER_FORM_STATEMENT = `${OTHER_FORM_ROWS_NAME} ${OTHER_FORM_RULES.noLabel.statement}, ${OTHER_FORM_RULES.noValue.statement}`;

/** One `K` row as read (value null: not readable or empty). */
export interface OtherForm {
  code: string;
  label: string;
  unit: string;
  value: number | null;
}

/** A compiled «Hình thức khác»: the label and unit as first written, the sum, and how many units reported it. */
export interface OtherFormTotal {
  label: string;
  unit: string;
  value: number;
  units: number;
}

export function otherFormKey(f: { label: string; unit: string }): string {
  return `${foldLoose(f.label)}|${foldLoose(f.unit)}`;
}

/** Sum the `K` rows of several units (or of several parents' totals) by folded label and unit, in first-seen order. */
export function sumOtherForms(lists: readonly (readonly (OtherForm | OtherFormTotal)[] | undefined)[]): OtherFormTotal[] {
  const out = new Map<string, OtherFormTotal>();
  for (const list of lists) {
    for (const f of list ?? []) {
      if (!f.label.trim() || f.value === null) continue;
      const k = otherFormKey(f);
      const held = out.get(k) ?? { label: f.label.trim(), unit: f.unit.trim(), value: 0, units: 0 };
      held.value += f.value;
      held.units += 'units' in f ? f.units : 1;
      out.set(k, held);
    }
  }
  return [...out.values()];
}

/** `Lượt xe cổ động: 12 lượt; Phướn: 40 cái`: how a sentence lists them. */
export function otherFormsPhrase(forms: readonly OtherFormTotal[], format: (n: number) => string): string {
  return forms.map((f) => `${f.label}: ${format(f.value)}${f.unit ? ` ${f.unit}` : ''}`).join('; ');
}
