/**
 * Reading one worksheet (docs/spec/TEMPLATE.md §1–5): a TTCCHC-1 unit report, a plan sheet,
 * a later template version, or something else (skipped).
 *
 * Everything is found by labels and codes, never by fixed addresses. What
 * cannot be read becomes a Finding naming the sheet and the real worksheet
 * cell; the reader never throws and never turns unreadable text into 0.
 *
 * The returned findings include the consistency checks of figure-checks.ts
 * (callers need not run checkFigures again). Checks against a plan are not
 * run here: see task-checks.ts.
 */
import { OTHER_FORM_CODE, OTHER_FORM_RULES, OTHER_FORMS_TITLE } from './other-forms';
import { isApprovalSheet, readApprovals, sheetFingerprint } from './approval';
import { withoutDiacritics } from './diacritics';
import { checkFigures } from './figure-checks';
import { cellFinding, cellRef, Finding, Severity } from './findings';
import { CellValue, SheetGrid, isCellError } from './grid';
import {
  FoldedGrid, HeaderSpec, KeyValueRow, findHeader, foldFast, keyValueLabelAt, labelKey, labelMap,
  parseLevel, parsePeriod, parseStt, parseYear,
} from './labels';
import type { SheetRead, SourceRef, TaskRow, UnitReport } from './model';
import { parseFigure } from './numbers';
import { parseDateCell, findDateInText } from './dates';
import { isPlanSheet, readPlan } from './plan-reader';
import {
  ASSESSMENT_LABELS,
  AssessmentKey,
  COMPILED_REPORT_TYPE,
  FIGURE_HEADERS,
  ID_LABELS,
  IdField,
  INDICATOR_BY_CODE,
  INDICATOR_CODES,
  IndicatorCode,
  LEVEL_CHOICES,
  MARKS,
  PERIODS,
  TASK_HEADERS,
  TEMPLATE_CODE,
  CHECK_BLOCK_TITLE,
  emptyFigures,
  isIndicatorCode,
  needsParent,
} from './template';
import { cellText } from './text';
import type { RuleId } from './rule-names';

/** The value parsers live in labels.ts (shared with the plan reader); re-exported for callers of the reader. */
export { parseLevel, parsePeriod, parseStt, parseYear };

/** The template label is looked for in the first rows only (docs/spec/TEMPLATE.md §1). */
export const RECOGNITION_ROWS = 15;

// ---------------------------------------------------------------- label tables (built once)

const TEMPLATE_LABEL_KEY = labelKey(ID_LABELS.find((l) => l.field === 'templateCode')!.label);
const ID_MAP = labelMap(ID_LABELS.map((l) => [l.field, l.label] as const));
const ASSESSMENT_MAP = labelMap(ASSESSMENT_LABELS.map((a) => [a.key, a.label] as const));
const COMPILED_KEY = labelKey(COMPILED_REPORT_TYPE);
const MARK_SET = new Set(MARKS.map((m) => m.trim()));
const ID_LABEL_TEXT = Object.fromEntries(ID_LABELS.map((l) => [l.field, l.label])) as Record<IdField, string>;

type FigureCol = 'code' | 'label' | 'unit' | 'value' | 'note';
/** Header texts; the template's own first, then variants seen in real sheets. */
export const FIGURE_HEADER_SPECS: readonly HeaderSpec<FigureCol>[] = [
  { field: 'code', labels: [FIGURE_HEADERS.code, 'Mã số', 'Mã chỉ tiêu'], required: true },
  { field: 'label', labels: [FIGURE_HEADERS.label, 'Tên chỉ tiêu'], required: false },
  { field: 'unit', labels: [FIGURE_HEADERS.unit, 'ĐVT', 'Đơn vị'], required: false },
  { field: 'value', labels: [FIGURE_HEADERS.value, 'Số lượng'], required: true },
  { field: 'note', labels: [FIGURE_HEADERS.note], required: false },
];

type TaskCol = 'stt' | 'name' | 'result' | 'done' | 'notDone' | 'note';
export const TASK_HEADER_SPECS: readonly HeaderSpec<TaskCol>[] = [
  { field: 'stt', labels: [TASK_HEADERS.stt, 'TT', 'Số TT', 'Số thứ tự'], required: false },
  { field: 'name', labels: [TASK_HEADERS.name, 'Nhiệm vụ', 'Nội dung'], required: true },
  { field: 'result', labels: [TASK_HEADERS.result, 'Kết quả'], required: false },
  { field: 'done', labels: [TASK_HEADERS.done, 'Đã hoàn thành'], required: true },
  { field: 'notDone', labels: [TASK_HEADERS.notDone], required: true },
  { field: 'note', labels: [TASK_HEADERS.note], required: false },
];

// Compiled once (spec: no regex compilation in hot loops).
const TEMPLATE_VALUE = /^ttcchc\s*-?\s*(\d+)\b/;
const CODE_LIKE = /^[A-Z]{1,2}\d{1,2}$/;
const YEAR_IN_TEXT = /(?:^|\D)((?:19|20)\d{2})(?!\d)/;
const CODE_CLEAN = /[\s.:]+/g;
const HEADING_STT = /^([ivx]+|[a-z])[.)]?$/;
const SIGNATURE_START = /^(?:noi nhan|nguoi lap|thu truong|tm |kt |xac nhan)|^(?:chu tich|pho chu tich|giam doc|truong phong)$/;


// ---------------------------------------------------------------- entry point

const CHECK_BLOCK_KEY = labelKey(CHECK_BLOCK_TITLE);
/**
 * Text shorter than the heading's key cannot fold to it (each letter and
 * each space of a key comes from a character of its own): most cells of a
 * sheet are left unfolded by this test alone.
 */
const CHECK_BLOCK_MIN_CHARS = CHECK_BLOCK_KEY.length;

/**
 * The grid above a template's check block (docs/spec/TEMPLATE.md §10): the heading
 * `TỰ KIỂM TRA` and everything below it are formulas re-checking the unit's
 * own cells, never data. The same grid when there is no such heading.
 */
export function withoutCheckBlock(grid: SheetGrid): SheetGrid {
  const rows = Array.isArray(grid?.cells) ? grid.cells : [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (const v of row) {
      if (typeof v === 'string' && v.length <= 20 && v.length >= CHECK_BLOCK_MIN_CHARS && labelKey(v) === CHECK_BLOCK_KEY) return { ...grid, cells: rows.slice(0, r) };
    }
  }
  return grid;
}

/** Read one worksheet. Never throws. */
export function readSheet(whole: SheetGrid): SheetRead {
  return readWorksheet(whole, true);
}

/**
 * readSheet without the report's fingerprint (core/approval.ts), for the
 * command line: it takes fingerprints only for the sheets an approval record
 * names (cli/read-one.ts addRecordedFingerprints), while the pane may approve
 * any report it compiled. Hashing every sheet cost a tenth of its reading.
 */
export function readSheetUnprinted(whole: SheetGrid): SheetRead {
  return readWorksheet(whole, false);
}

function readWorksheet(whole: SheetGrid, fingerprint: boolean): SheetRead {
  const grid = whole && withoutCheckBlock(whole);
  const source: SourceRef = {
    sheet: safeSheetName(grid), ...(grid && grid.file ? { file: grid.file } : {}), ...(grid && grid.hidden ? { hidden: true } : {}),
  };
  try {
    // The compiling workbook's approval record (core/approval.ts): never a report, its rows go to the compile.
    if (isApprovalSheet(grid)) return { kind: 'skipped', source, approvals: readApprovals(grid) };
    const fg = new FoldedGrid(grid);
    const tpl = findTemplateLabel(fg);
    if (tpl) {
      const version = TEMPLATE_VALUE.exec(foldFast(tpl.value).replace(/\s+/g, ''));
      if (version) {
        const code = `${TEMPLATE_CODE.slice(0, TEMPLATE_CODE.lastIndexOf('-') + 1)}${Number(version[1])}`;
        if (code !== TEMPLATE_CODE) return unsupported(fg, source, tpl);
        const sink = new FindingSink(fg, source);
        const read = readUnitReport(fg, source, tpl, sink);
        // The fingerprint of the whole sheet as read (the check block too): what an approval recorded.
        if (isBlankForm(read, sink)) return { kind: 'skipped', source };
        return read.kind === 'report' && fingerprint ? { ...read, fingerprint: sheetFingerprint(whole) } : read;
      }
    }
    if (isPlanSheet(fg)) {
      const { plan, findings } = readPlan(grid);
      return { kind: 'plan', plan, findings };
    }
    return { kind: 'skipped', source };
  } catch (e) {
    // A bug, not the unit's fault: say so instead of crashing the whole compile.
    return {
      kind: 'unsupported',
      source,
      version: '',
      findings: [
        cellFinding('error', { unit: source.sheet, file: source.file, sheet: source.sheet, cell: '' }, 'read.internal',
          `lỗi chương trình khi đọc trang tính (${e instanceof Error ? e.message : String(e)}); xin báo cho người quản trị.`),
      ],
    };
  }
}

function safeSheetName(grid: SheetGrid): string {
  return grid && typeof grid.sheet === 'string' ? grid.sheet : '';
}

interface TemplateLabel {
  row: number;
  col: number;
  /** Column of the template code (the label's own column when written `Mã mẫu: TTCCHC-1`). */
  valueCol: number;
  value: string;
}

function findTemplateLabel(fg: FoldedGrid): TemplateLabel | null {
  const rows = Math.min(RECOGNITION_ROWS, fg.rowCount);
  for (let r = 0; r < rows; r++) {
    const w = fg.width(r);
    for (let c = 0; c < w; c++) {
      const v = fg.value(r, c);
      if (typeof v !== 'string') continue;
      if (fg.key(r, c) === TEMPLATE_LABEL_KEY) {
        const valueCol = fg.nextNonEmpty(r, c + 1);
        return { row: r, col: c, valueCol, value: valueCol >= 0 ? fg.text(r, valueCol) : '' };
      }
      const colon = v.indexOf(':');
      if (colon > 0 && labelKey(v.slice(0, colon)) === TEMPLATE_LABEL_KEY) {
        return { row: r, col: c, valueCol: c, value: v.slice(colon + 1).trim() };
      }
    }
  }
  return null;
}

/**
 * A form nobody filled in (a blank template sent back or left in the
 * workbook): no unit name, no figure, no task marked or result written, no
 * assessment. It is not a report: counting it would list the unit as sent.
 */
function isBlankForm(read: SheetRead, sink: FindingSink): boolean {
  return read.kind === 'report' && read.report.unit === '' && !sink.typedSomething && Object.keys(read.report.assessment).length === 0;
}

function unsupported(fg: FoldedGrid, source: SourceRef, tpl: TemplateLabel): SheetRead {
  const cell = fg.address(tpl.row, tpl.valueCol);
  const version = tpl.value;
  return {
    kind: 'unsupported',
    source,
    version,
    findings: [
      cellFinding('error', { unit: source.sheet, file: source.file, sheet: source.sheet, cell }, 'template.unsupported',
        `mẫu «${version}» là phiên bản mẫu chưa được hỗ trợ; chương trình đọc mẫu ${TEMPLATE_CODE}. Trang tính này không được tổng hợp.`),
    ],
  };
}

/** Collects findings; the unit name is filled in at the end, once read. */
class FindingSink {
  readonly list: Finding[] = [];
  /** Some figure, mark, result or note was typed (else the sheet may be a blank form). */
  typedSomething = false;
  constructor(private readonly fg: FoldedGrid, private readonly source: SourceRef) {}

  at(severity: Severity, r: number, c: number, rule: RuleId, message: string): void {
    this.cell(severity, r >= 0 && c >= 0 ? this.fg.address(r, c) : '', rule, message);
  }

  cell(severity: Severity, cell: string, rule: RuleId, message: string): void {
    this.list.push(cellFinding(severity, { unit: '', file: this.source.file, sheet: this.source.sheet, cell, hidden: this.source.hidden }, rule, message));
  }
}

function readUnitReport(fg: FoldedGrid, source: SourceRef, tpl: TemplateLabel, sink: FindingSink): SheetRead {
  const n = fg.rowCount;

  // Section boundaries first: the identification block ends where the first
  // table (or the assessment) starts. Section titles do not end it: a sheet may
  // title its identification block `I. THÔNG TIN ĐƠN VỊ`.
  const figHeader = findHeader(fg, FIGURE_HEADER_SPECS, tpl.row + 1, n);
  const taskHeader = findHeader(fg, TASK_HEADER_SPECS, figHeader ? figHeader.lastRow + 1 : tpl.row + 1, n);
  let idEnd = Math.min(figHeader ? figHeader.row : n, taskHeader ? taskHeader.row : n);
  for (let r = tpl.row + 1; r < idEnd; r++) {
    if (isAssessmentRow(fg, r)) {
      idEnd = r;
      break;
    }
  }

  const report: UnitReport = {
    source,
    unit: '',
    level: null,
    period: null,
    year: null,
    compiled: false,
    identificationOk: false,
    figures: emptyFigures(),
    figureCells: {},
    idCells: {},
    tasks: [],
    assessment: {},
  };

  readIdentification(fg, sink, report, tpl, idEnd);

  let afterFigures = idEnd;
  const unreadable = new Set<IndicatorCode>();
  if (figHeader) {
    afterFigures = readFigures(fg, sink, report, figHeader, taskHeader ? taskHeader.row : n, unreadable);
    report.idCells['section.figures'] = fg.address(figHeader.row, figHeader.cols.code!);
  } else {
    sink.at('error', tpl.row, tpl.col, 'figure.no-table',
      `không tìm thấy bảng «I. SỐ LIỆU» (dòng tiêu đề ${FIGURE_HEADERS.code} | ${FIGURE_HEADERS.label} | ${FIGURE_HEADERS.unit} | ${FIGURE_HEADERS.value} | ${FIGURE_HEADERS.note}); không đọc được số liệu của đơn vị.`);
  }

  let afterTasks = afterFigures;
  if (taskHeader) {
    afterTasks = readTasks(fg, sink, report, taskHeader);
    report.idCells['section.tasks'] = fg.address(taskHeader.row, taskHeader.cols.name!);
  } else {
    sink.at('warning', tpl.row, tpl.col, 'task.no-table',
      `không tìm thấy bảng «II. PHỤ LỤC NHIỆM VỤ» (dòng tiêu đề ${TASK_HEADERS.stt} | ${TASK_HEADERS.name} | ${TASK_HEADERS.result} | ${TASK_HEADERS.done} | ${TASK_HEADERS.notDone} | ${TASK_HEADERS.note}).`);
  }

  readAssessment(fg, report, afterTasks, tpl.col);

  const findings = [...sink.list, ...checkFigures(report, unreadable)];
  const unit = report.unit || source.sheet;
  for (const f of findings) f.unit = unit;
  return { kind: 'report', report, findings };
}

// ---------------------------------------------------------------- identification block

function readIdentification(fg: FoldedGrid, sink: FindingSink, report: UnitReport, tpl: TemplateLabel, idEnd: number): void {
  const rows = new Map<IdField, KeyValueRow<IdField>>();
  for (let r = 0; r < idEnd; r++) {
    const kv = keyValueLabelAt(fg, r, ID_MAP, tpl.col);
    if (kv && !rows.has(kv.field)) rows.set(kv.field, kv);
  }
  const label = (f: IdField) => ID_LABEL_TEXT[f];
  /** The value cell, or where it should be (right of the label) when empty. */
  const valueCell = (kv: KeyValueRow<IdField>) => fg.address(kv.row, kv.valueCol >= 0 ? kv.valueCol : kv.labelCol + 1);
  const valueOf = (kv: KeyValueRow<IdField> | undefined): CellValue => {
    if (!kv) return null;
    if (kv.inlineValue !== undefined) return kv.inlineValue;
    return kv.valueCol >= 0 ? fg.value(kv.row, kv.valueCol) : null;
  };
  for (const [f, kv] of rows) report.idCells[f] = valueCell(kv);

  /** Text of a field, or '' (with an error when the field is required). */
  const text = (f: IdField, required: boolean): string => {
    const kv = rows.get(f);
    if (!kv) {
      if (required) {
        sink.at('error', tpl.row, tpl.col, 'id.missing',
          `khối thông tin đơn vị không có dòng «${label(f)}»; cần thêm dòng này (nhãn ở một ô, giá trị ở ô bên phải).`);
      }
      return '';
    }
    const v = valueOf(kv);
    if (isCellError(v)) {
      if (required) sink.cell('error', valueCell(kv), 'id.missing', `«${label(f)}» chứa giá trị lỗi ${v.error}; cần ghi lại.`);
      return '';
    }
    const t = cellText(v);
    if (t === '' && required) sink.cell('error', valueCell(kv), 'id.missing', `«${label(f)}» để trống; cần ghi ${label(f).toLowerCase()}.`);
    return t;
  };
  const cellOf = (f: IdField) => valueCell(rows.get(f)!);

  report.unit = text('unit', true);
  const code = text('unitCode', false);
  if (code) report.unitCode = code;

  const levelText = text('level', true);
  if (levelText) {
    report.level = parseLevel(levelText);
    if (!report.level) {
      sink.cell('error', cellOf('level'), 'id.level', `không nhận ra cấp «${levelText}»; cần ghi một trong: ${LEVEL_CHOICES}.`);
    }
  }

  // An unreadable level is already an error: the parent is then not asked for on top.
  const parent = text('parent', report.level !== null && needsParent(report.level));
  if (parent) report.parent = parent;

  const periodText = text('period', true);
  if (periodText) {
    report.period = parsePeriod(periodText);
    if (!report.period) {
      sink.cell('error', cellOf('period'), 'id.period', `không nhận ra kỳ báo cáo «${periodText}»; cần ghi một trong: ${PERIODS.join(', ')}.`);
    }
  }

  const inPeriod = YEAR_IN_TEXT.exec(periodText);
  if (!rows.has('year') && report.period && inPeriod) {
    // `Kỳ báo cáo: Quý I năm 2024` with no `Năm` row: the year is there.
    report.year = Number(inPeriod[1]);
  } else {
    const yearText = text('year', true);
    if (yearText) {
      report.year = parseYear(valueOf(rows.get('year')));
      if (report.year === null) {
        sink.cell('error', cellOf('year'), 'id.year', `năm «${yearText}» không hợp lệ; cần ghi năm bằng bốn chữ số, ví dụ 2024.`);
      }
    }
  }

  const docRef = text('docRef', false);
  if (docRef) report.docRef = docRef;
  // The compiled report quotes the reference as typed: one without diacritics is said, with what to write.
  const marked = docRef ? withoutDiacritics(docRef) : null;
  if (marked) {
    sink.cell('warning', cellOf('docRef'), 'id.no-diacritics',
      `«${label('docRef')}» ghi «${docRef}», không có dấu tiếng Việt; báo cáo tổng hợp trích nguyên văn, cần ghi lại có dấu${marked.suggestion ? `: «${marked.suggestion}»` : ''}.`);
  }
  const preparer = text('preparer', false);
  if (preparer) report.preparer = preparer;
  const phone = text('phone', false);
  if (phone) report.phone = phone;

  const sentKv = rows.get('sentDate');
  const sentValue = valueOf(sentKv);
  if (sentKv && cellText(sentValue) !== '') {
    const iso = parseDateCell(sentValue, fg.grid.date1904);
    if (iso) report.sentDate = iso;
    else {
      sink.cell('warning', valueCell(sentKv), 'id.date',
        `không đọc được ngày gửi «${cellText(sentValue)}»; cần ghi ngày dạng dd/mm/yyyy (báo cáo được coi là gửi đúng hạn).`);
    }
  }
  if (!report.sentDate && docRef) {
    const iso = findDateInText(docRef);
    if (iso) report.sentDate = iso;
  }

  const typeText = text('reportType', false);
  if (typeText && labelKey(typeText) === COMPILED_KEY) report.compiled = true;

  report.identificationOk =
    report.unit !== '' &&
    report.level !== null &&
    report.period !== null &&
    report.year !== null &&
    (!needsParent(report.level) || (report.parent ?? '') !== '');
}

// ---------------------------------------------------------------- section I: figures

function isAssessmentRow(fg: FoldedGrid, r: number): boolean {
  const c = fg.nextNonEmpty(r, 0);
  return c >= 0 && ASSESSMENT_MAP.has(fg.key(r, c));
}

/** Reads the figure rows; returns the first row after the table. */
function readFigures(
  fg: FoldedGrid,
  sink: FindingSink,
  report: UnitReport,
  header: { row: number; lastRow: number; cols: Partial<Record<FigureCol, number>> },
  limit: number,
  unreadable: Set<IndicatorCode>,
): number {
  const codeCol = header.cols.code!;
  const valueCol = header.cols.value!;
  const empty: IndicatorCode[] = [];
  let firstEmptyCell = '';
  let r = header.lastRow + 1;
  for (; r < limit; r++) {
    if (fg.isSectionTitle(r) || isAssessmentRow(fg, r)) break;
    const codeText = fg.text(r, codeCol);
    const valueEmpty = fg.isEmpty(r, valueCol);
    if (codeText === '') {
      if (!valueEmpty) {
        sink.at('warning', r, codeCol, 'figure.unknown-code',
          `dòng có số liệu «${fg.text(r, valueCol)}» nhưng không có mã chỉ tiêu; số liệu này không được tổng hợp.`);
      }
      continue;
    }
    const code = codeText.toUpperCase().replace(CODE_CLEAN, '');
    if (OTHER_FORM_CODE.test(code)) {
      readOtherForm(fg, sink, report, r, code, header.cols);
      continue;
    }
    if (!isIndicatorCode(code)) {
      if (CODE_LIKE.test(code) || !valueEmpty) {
        sink.at('warning', r, codeCol, 'figure.unknown-code',
          `mã «${codeText}» không có trong mẫu ${TEMPLATE_CODE}; dòng này không được tổng hợp.`);
      }
      continue; // group headings (`A`, `I`) pass quietly
    }
    const cell = fg.address(r, valueCol);
    if (!valueEmpty) sink.typedSomething = true;
    if (report.figureCells[code] !== undefined) {
      sink.at('error', r, codeCol, 'figure.duplicate-code',
        `mã ${code} xuất hiện lần nữa (đã có ở ${cellRef(report.source.sheet, report.figureCells[code]!)}); chỉ lấy dòng đầu tiên, cần xóa dòng trùng.`);
      continue;
    }
    report.figureCells[code] = cell;
    const ind = INDICATOR_BY_CODE[code];
    const parsed = parseFigure(fg.value(r, valueCol), ind.kind);
    report.figures[code] = parsed.value;
    if (parsed.issue) {
      sink.cell(parsed.issue.severity, cell, parsed.issue.rule, `chỉ tiêu ${code} (${ind.label}): ${parsed.issue.message}.`);
      if (parsed.issue.severity === 'error') unreadable.add(code);
    } else if (parsed.value === null) {
      if (!firstEmptyCell) firstEmptyCell = cell;
      empty.push(code);
    }
  }

  if (empty.length > 0) {
    sink.cell('warning', firstEmptyCell, 'figure.empty',
      `để trống ${empty.length} chỉ tiêu: ${empty.join(', ')}; ô trống được hiểu là chưa báo cáo (tính là 0 khi cộng). Nếu số liệu là 0, cần ghi 0.`);
  }
  const missing = INDICATOR_CODES.filter((c) => report.figureCells[c] === undefined && !INDICATOR_BY_CODE[c].mayBeAbsent);
  if (missing.length > 0) {
    sink.at('warning', header.row, codeCol, 'figure.missing-code',
      `bảng số liệu chưa có chỉ tiêu ${missing.map((c) => `${c} (${INDICATOR_BY_CODE[c].label})`).join('; ')}; cần dùng đúng mẫu ${TEMPLATE_CODE}.`);
  }
  return r;
}

/**
 * A `K` row (other-forms.ts): the unit's own label, unit and number. A blank
 * one (a template's spare row) is silent; otherwise its rule (other-forms.ts
 * OTHER_FORM_RULES: a number without a label, a label without a number).
 */
function readOtherForm(fg: FoldedGrid, sink: FindingSink, report: UnitReport, r: number, code: string, cols: Partial<Record<FigureCol, number>>): void {
  const valueCol = cols.value!;
  const label = cols.label !== undefined ? fg.text(r, cols.label) : '';
  const unit = cols.unit !== undefined ? fg.text(r, cols.unit) : '';
  const valueEmpty = fg.isEmpty(r, valueCol);
  if (!label && valueEmpty) return;
  const cell = fg.address(r, valueCol);
  sink.typedSomething = true;
  const parsed = valueEmpty ? null : parseFigure(fg.value(r, valueCol), 'count');
  if (parsed?.issue) sink.cell(parsed.issue.severity, cell, parsed.issue.rule, `dòng ${code} (${label || OTHER_FORMS_TITLE}): ${parsed.issue.message}.`);
  if (!label) {
    const { severity, rule } = OTHER_FORM_RULES.noLabel;
    sink.at(severity, r, cols.label ?? cols.code!, rule,
      `dòng ${code} có số liệu «${fg.text(r, valueCol)}» nhưng chưa ghi tên hình thức ở cột «${FIGURE_HEADERS.label}»; số liệu này không được tổng hợp.`);
    return;
  }
  if (valueEmpty) sink.cell(OTHER_FORM_RULES.noValue.severity, cell, OTHER_FORM_RULES.noValue.rule, `dòng ${code} «${label}» chưa ghi số liệu; cần ghi số (ghi 0 nếu không có).`);
  (report.otherForms ??= []).push({ code, label, unit, value: parsed?.value ?? null });
}

// ---------------------------------------------------------------- section II: tasks

type Mark = 'mark' | 'empty' | 'invalid';

/** `x X ✓ ✔ 1` (and the number 1) are marks; TRUE/FALSE of a checkbox too. */
export function readMark(v: unknown): Mark {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return 'empty';
    return MARK_SET.has(t) ? 'mark' : 'invalid';
  }
  if (typeof v === 'number') return v === 1 ? 'mark' : 'invalid';
  if (typeof v === 'boolean') return v ? 'mark' : 'empty';
  return 'invalid';
}

/** Reads the task rows; returns the first row after the table. */
function readTasks(
  fg: FoldedGrid,
  sink: FindingSink,
  report: UnitReport,
  header: { row: number; lastRow: number; cols: Partial<Record<TaskCol, number>> },
): number {
  const c = header.cols;
  const get = (r: number, col: number | undefined) => (col === undefined ? '' : fg.text(r, col));
  const empty = (r: number, col: number | undefined) => col === undefined || fg.isEmpty(r, col);
  const doneHeader = TASK_HEADERS.done;
  const notDoneHeader = TASK_HEADERS.notDone;
  let blankRun = 0;
  let r = header.lastRow + 1;
  for (; r < fg.rowCount; r++) {
    if (fg.isSectionTitle(r) || isAssessmentRow(fg, r)) break;
    const rowBlank = empty(r, c.stt) && empty(r, c.name) && empty(r, c.done) && empty(r, c.notDone) && empty(r, c.result);
    if (rowBlank) {
      // A run of blank rows after the tasks ends the table (signatures may follow).
      if (report.tasks.length > 0 && ++blankRun >= 2) break;
      continue;
    }
    blankRun = 0;
    const sttText = get(r, c.stt);
    const marksEmpty = empty(r, c.done) && empty(r, c.notDone);
    // Group headings (`I`, `a.`) with no marks are not tasks.
    if (sttText && marksEmpty && empty(r, c.result) && HEADING_STT.test(foldFast(sttText))) continue;
    // The signature block (`Người lập biểu`, `Nơi nhận:`, `TM. UBND`) ends the table.
    if (report.tasks.length > 0 && parseStt(c.stt === undefined ? null : fg.value(r, c.stt)) === null && isSignatureRow(fg, r)) break;

    const sttCell = c.stt !== undefined ? c.stt : c.name!;
    const task: TaskRow = {
      stt: parseStt(c.stt === undefined ? null : fg.value(r, c.stt)),
      name: get(r, c.name),
      result: get(r, c.result),
      note: get(r, c.note),
      done: null,
      cell: fg.address(r, sttCell),
    };
    const what = ['nhiệm vụ', task.stt ?? sttText, task.name ? `«${shorten(task.name)}»` : ''].filter((x) => x !== '').join(' ');
    const done = readMark(fg.value(r, c.done!));
    const notDone = readMark(fg.value(r, c.notDone!));
    if (done !== 'empty' || notDone !== 'empty' || task.result !== '' || task.note !== '') sink.typedSomething = true;
    if (done === 'invalid' || notDone === 'invalid') {
      for (const [m, col, h] of [[done, c.done!, doneHeader], [notDone, c.notDone!, notDoneHeader]] as const) {
        if (m === 'invalid') {
          sink.at('error', r, col, 'task.mark-invalid',
            `${what}: cột «${h}» ghi «${shownValue(fg.value(r, col))}», không phải dấu đánh dấu; chỉ dùng x (hoặc ✓, 1). Nhiệm vụ được tính là chưa hoàn thành.`);
        }
      }
    } else if (done === 'mark' && notDone === 'mark') {
      sink.at('error', r, c.done!, 'task.marks',
        `${what} đánh dấu cả «${doneHeader}» và «${notDoneHeader}»; chỉ đánh dấu một cột. Nhiệm vụ được tính là chưa hoàn thành.`);
    } else if (done === 'empty' && notDone === 'empty') {
      sink.at('error', r, c.done!, 'task.marks',
        `${what} chưa đánh dấu «${doneHeader}» hay «${notDoneHeader}»; cần đánh dấu x vào một cột. Nhiệm vụ được tính là chưa hoàn thành.`);
    } else {
      task.done = done === 'mark';
    }
    if (task.done === true && task.result === '' && c.result !== undefined) {
      sink.at('warning', r, c.result, 'task.no-result',
        `${what} đánh dấu «${doneHeader}» nhưng để trống «${TASK_HEADERS.result}»; cần ghi kết quả đã đạt.`);
    }
    if (task.done === false && task.result === '' && task.note === '') {
      sink.at('warning', r, c.result ?? c.note ?? c.notDone!, 'task.no-reason',
        `${what} đánh dấu «${notDoneHeader}» nhưng để trống cả «${TASK_HEADERS.result}» và «${TASK_HEADERS.note}»; cần ghi lý do chưa hoàn thành.`);
    }
    report.tasks.push(task);
  }
  return r;
}

/** A row of the signature block of an administrative document (`Nơi nhận:`, `TM. UBND`, `Người lập biểu`). */
function isSignatureRow(fg: FoldedGrid, r: number): boolean {
  const w = fg.width(r);
  for (let c = 0; c < w; c++) if (!fg.isEmpty(r, c) && SIGNATURE_START.test(fg.key(r, c))) return true;
  return false;
}

/** A cell as a message quotes it (error values by their Excel text). */
function shownValue(v: CellValue): string {
  if (isCellError(v)) return v.error;
  return cellText(v) || '?';
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

// ---------------------------------------------------------------- section III: assessment

function readAssessment(fg: FoldedGrid, report: UnitReport, from: number, labelCol: number): void {
  for (let r = Math.max(0, from); r < fg.rowCount; r++) {
    const kv = keyValueLabelAt<AssessmentKey>(fg, r, ASSESSMENT_MAP, labelCol);
    if (!kv || report.assessment[kv.field] !== undefined) continue;
    let text = kv.valueCol >= 0 ? fg.text(r, kv.valueCol) : '';
    // Text written in the row under the label (a merged block) also counts.
    if (text === '' && r + 1 < fg.rowCount && !fg.isSectionTitle(r + 1) && !isAssessmentRow(fg, r + 1)) {
      const c = fg.nextNonEmpty(r + 1, 0);
      if (c >= 0) text = fg.text(r + 1, c);
    }
    // A long text goes on in the rows under it (layout/unit-report-sheet.ts, text-fit.ts rowPieces): rows with
    // nothing but text in the value column, read whatever that text looks like, then stepped over.
    if (text !== '' && kv.valueCol > kv.labelCol) {
      while (r + 1 < fg.rowCount && isContinuationRow(fg, r + 1, kv.valueCol)) text += `\n${fg.text(++r, kv.valueCol)}`;
    }
    if (text !== '') report.assessment[kv.field] = text;
  }
}

/** A row holding text in `col` only, and no signature (the template's signatures follow a blank row). */
function isContinuationRow(fg: FoldedGrid, r: number, col: number): boolean {
  if (fg.isEmpty(r, col) || isSignatureRow(fg, r)) return false;
  for (let c = 0; c < fg.width(r); c++) if (c !== col && !fg.isEmpty(r, c)) return false;
  return true;
}
