/**
 * Reading the figures units type into `Số liệu` (docs/spec/TEMPLATE.md §3, "Reading numbers
 * typed by people").
 *
 * Vietnamese conventions: `.` or a space groups thousands (`1.031`,
 * `5.240.127`, `1 031`), `,` is the decimal mark (`2,5`).
 *
 * The ambiguous dot: a dot followed by exactly three digits (and no further
 * digit) groups thousands, so `1.031` is 1031 and `1.500` is 1500. Any other
 * dot (`2.5`, `1.25`) is read as a decimal point, the way an English-language
 * Excel would show it: in a count that is a non-integer, so an error; in A6
 * (hours) `2.5` and `2,5` are both 2.5 hours.
 *
 * The ambiguous comma: `15,000` is 15 by these conventions, but in a count
 * (E1 is thousands of đồng) it is most likely fifteen thousand typed the
 * English way: read as 15 as the spec says, with a warning, never silently.
 *
 * The parser returns the value and at most one issue; the reader adds the
 * unit, sheet and cell and turns the issue into a Finding.
 */
import { CellValue, NO_CACHED_VALUE, isCellError } from './grid';
import type { Severity } from './findings';
import { MAX_HOURS, ValueKind } from './template';

export type FigureRule =
  | 'figure.not-a-number'
  | 'figure.formula-text'
  | 'figure.text-number'
  | 'figure.comma-thousands'
  | 'figure.negative'
  | 'figure.not-integer'
  | 'figure.hours-range'
  | 'figure.too-large'
  | 'figure.error-value'
  | 'figure.no-cached-value';

export interface FigureIssue {
  severity: Severity;
  rule: FigureRule;
  /** Vietnamese, about the value only (the reader prefixes the cell and the indicator). */
  message: string;
}

export interface ParsedFigure {
  /** The number read; null when the cell is empty or cannot be read. */
  value: number | null;
  issue?: FigureIssue;
}

/** Above this a count is surely a typing slip (and sums would lose precision). */
const MAX_FIGURE = 1e15;

// Compiled once. A number token: thousands groups (dot or space + exactly 3 digits),
// then an optional decimal part (comma, or a dot not followed by exactly 3 digits).
const SPACES = /[\s\u00a0\u202f\u2007]+/g;
const NUMBER_TOKEN = /(\d+(?:[.\u00a0\u202f ]\d{3}(?!\d))*)(?:([.,])(\d+))?/;
const MINUS_BEFORE = /[-\u2212\u2013]\s*$/;
const GROUP_SEPARATORS = /[.\u00a0\u202f ]/g;

/**
 * Text that Excel would take as a formula if retyped: `=` then
 * anything, `@` then a name, `+`/`-` then a function call, a DDE link
 * (`+cmd|…`), a sheet reference or a cell reference. `=HYPERLINK("http://…"&A1,"click")` typed as text is not the
 * number 1 (the digit of `A1`); `-5` stays a negative number.
 */
const FORMULA_TEXT = /^(?:=\s*\S|@\s*[A-Za-z_]|[+\-\u2212]\s*(?:[A-Za-z_][\w.]*\s*[(|!]|\$?[A-Za-z]{1,3}\$?\d+(?![\d.,])))/;

/** Parse one `Số liệu` cell. Never throws. */
export function parseFigure(v: CellValue, kind: ValueKind): ParsedFigure {
  if (v === null || v === undefined) return { value: null };
  if (isCellError(v)) return errorValue(v.error);
  if (typeof v === 'boolean') {
    return fail('figure.not-a-number', `ô chứa giá trị ${v ? 'TRUE' : 'FALSE'}, không phải một số`);
  }
  if (typeof v === 'number') return checkRange(v, kind, undefined);
  if (typeof v !== 'string') return fail('figure.not-a-number', 'ô không chứa một số');

  const text = v.replace(SPACES, ' ').trim();
  if (text === '') return { value: null };
  if (FORMULA_TEXT.test(text)) {
    return fail('figure.formula-text', `«${text}» là chữ có dạng công thức, không phải số; cần ghi một số (nếu không có thì ghi 0)`);
  }
  const m = NUMBER_TOKEN.exec(text);
  if (!m) return fail('figure.not-a-number', `«${text}» không phải là số; cần ghi một số (nếu không có thì ghi 0)`);

  const intPart = m[1].replace(GROUP_SEPARATORS, '');
  let n: number;
  if (m[2] === '.' && m[3].length === 3) {
    // Cannot happen (the token regex takes `.ddd` as a group), kept for clarity.
    n = Number(intPart + m[3]);
  } else if (m[2]) {
    n = Number(`${intPart}.${m[3]}`);
  } else {
    n = Number(intPart);
  }
  const before = text.slice(0, m.index);
  if (MINUS_BEFORE.test(before)) {
    return fail('figure.negative', `«${text}» là số âm; số liệu không được âm`);
  }
  const whole = m.index === 0 && m[0].length === text.length;
  const checked = checkRange(n, kind, text);
  if (checked.issue) return checked;
  if (kind === 'count' && m[2] === ',' && m[3] === '000') {
    // `15,000`: a whole number by the spec (comma = decimal mark), but most likely 15.000 typed the English way.
    const thousands = formatNumber(Number(intPart + m[3]));
    return {
      value: checked.value,
      issue: {
        severity: 'warning',
        rule: 'figure.comma-thousands',
        message: `ghi «${text}»; dấu phẩy là dấu thập phân nên đã đọc là ${formatNumber(checked.value!)}. Nếu số đúng là ${thousands} thì cần ghi ${thousands} (dấu chấm ngăn cách hàng nghìn)`,
      },
    };
  }
  if (whole) return checked;
  return {
    value: checked.value,
    issue: {
      severity: 'warning',
      rule: 'figure.text-number',
      message: `ghi «${text}» (có chữ kèm theo số); đã đọc là ${formatNumber(checked.value!)}, nên chỉ ghi số`,
    },
  };
}

function checkRange(n: number, kind: ValueKind, text: string | undefined): ParsedFigure {
  const shown = text === undefined ? formatNumber(n) : `«${text}»`;
  if (!Number.isFinite(n)) return fail('figure.not-a-number', 'ô không chứa một số hợp lệ');
  if (n < 0) return fail('figure.negative', `${shown} là số âm; số liệu không được âm`);
  if (Math.abs(n) > MAX_FIGURE) return fail('figure.too-large', `${shown} quá lớn, cần kiểm tra lại`);
  if (kind === 'hours') {
    if (n > MAX_HOURS) {
      return fail('figure.hours-range', `${shown} giờ/ngày vượt quá ${MAX_HOURS}; cần ghi số giờ từ 0 đến ${MAX_HOURS}`);
    }
    return { value: n === 0 ? 0 : n };
  }
  // Formulas may leave float noise (3.0000000000000004): round it away.
  const r = Math.round(n);
  if (Math.abs(n - r) > 1e-9) {
    return fail('figure.not-integer', `${shown} không phải số nguyên; chỉ tiêu này cần một số nguyên (dấu phẩy là dấu thập phân)`);
  }
  return { value: r === 0 ? 0 : r };
}

function errorValue(error: string): ParsedFigure {
  if (error === NO_CACHED_VALUE) {
    return fail(
      'figure.no-cached-value',
      'ô chứa công thức chưa có kết quả được lưu; cần mở tệp bằng Excel và lưu lại rồi gửi lại',
    );
  }
  return fail('figure.error-value', `ô chứa giá trị lỗi ${error}; cần sửa công thức hoặc ghi số`);
}

function fail(rule: FigureRule, message: string): ParsedFigure {
  return { value: null, issue: { severity: 'error', rule, message } };
}

/** `1031` → `1.031`, `2.5` → `2,5`: how a message quotes a number. */
export function formatNumber(n: number): string {
  // Most figures are small whole numbers: nothing to group or round (a district's outputs quote thousands of them).
  if (Number.isInteger(n) && n >= 0 && n < 1000) return String(n);
  if (!Number.isFinite(n)) return String(n);
  const neg = n < 0;
  const abs = Math.abs(n);
  const rounded = Math.round(abs * 100) / 100;
  const [int, frac] = String(rounded).split('.');
  const grouped = int.length > 15 ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '-' : '') + grouped + (frac ? `,${frac}` : '');
}
