/**
 * The TTCCHC-1 template, defined once (docs/spec/TEMPLATE.md).
 * The reader, the checks, the output writers and the template maker all take
 * their codes, labels and rules from here, so a change to the form is made
 * in one place.
 */

export const TEMPLATE_CODE = 'TTCCHC-1';
export const TEMPLATE_FAMILY = 'TTCCHC-';

export type IndicatorCode =
  | 'A1' | 'A2' | 'A3' | 'A4' | 'A5' | 'A6'
  | 'B1' | 'B2' | 'B3'
  | 'C1' | 'C2' | 'C3' | 'C4'
  | 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7' | 'D8' | 'D9' | 'D10'
  | 'E1';

/** How a parent's value is made from its children's. */
export type Rollup = 'sum' | 'mean';
/** `count`: whole number >= 0. `hours`: a number of hours in [0, 24]. */
export type ValueKind = 'count' | 'hours';
/**
 * How a longer period's value is made from shorter ones (docs/spec/TEMPLATE.md §11):
 * `flow` sums the sub-periods, `opening-stock` takes the first one's, `closing-stock`
 * the last one's, `mean` the mean weighted by their days.
 */
export type TimeKind = 'flow' | 'opening-stock' | 'closing-stock' | 'mean';

export interface Indicator {
  code: IndicatorCode;
  label: string;
  unit: string;
  rollup: Rollup;
  kind: ValueKind;
  /** How the figure adds up over time (cumulative periods). */
  timeKind: TimeKind;
  /**
   * A code added to the form after sheets were made without it: its row missing
   * from a sheet is "not reported" with no warning (docs/spec/TEMPLATE.md §3, D9 and D10).
   */
  mayBeAbsent: boolean;
  /** Group heading the indicator sits under in the output sheets and the report. */
  group: IndicatorGroup;
}

export type IndicatorGroup = 'A' | 'B' | 'C' | 'D' | 'E';

export const INDICATOR_GROUPS: Record<IndicatorGroup, string> = {
  A: 'Tuyên truyền trên phương tiện thông tin',
  B: 'Tuyên truyền trực quan',
  C: 'Hội nghị, tập huấn, cuộc thi',
  D: 'Kết quả giải quyết thủ tục hành chính',
  E: 'Kinh phí',
};

interface IndicatorOptions { rollup?: Rollup; kind?: ValueKind; timeKind?: TimeKind; mayBeAbsent?: boolean }

const ind = (code: IndicatorCode, label: string, unit: string, o: IndicatorOptions = {}): Indicator => ({
  code, label, unit, rollup: o.rollup ?? 'sum', kind: o.kind ?? 'count', timeKind: o.timeKind ?? 'flow',
  mayBeAbsent: o.mayBeAbsent ?? false, group: code[0] as IndicatorGroup,
});

export const INDICATORS: readonly Indicator[] = [
  ind('A1', 'Tin, bài đăng trên Cổng/Trang thông tin điện tử', 'tin, bài'),
  ind('A2', 'Tin, bài phát trên hệ thống truyền thanh', 'tin, bài'),
  ind('A3', 'Lượt phát sóng tin, bài CCHC trên hệ thống truyền thanh', 'lượt'),
  ind('A4', 'Tin, bài, video clip trên mạng xã hội (Zalo, Fanpage, YouTube…)', 'tin, bài'),
  ind('A5', 'Tin, bài, phóng sự trên báo, đài phát thanh – truyền hình', 'tin, bài'),
  ind('A6', 'Thời lượng tiếp sóng, phát thanh bình quân', 'giờ/ngày', { rollup: 'mean', kind: 'hours', timeKind: 'mean' }),
  ind('B1', 'Pano, áp phích, bảng chữ, bảng điện tử (LED)', 'cái'),
  ind('B2', 'Băng rôn, khẩu hiệu', 'cái'),
  ind('B3', 'Tài liệu, tờ rơi, tờ gấp phát hành', 'bản'),
  ind('C1', 'Hội nghị, lớp tập huấn, bồi dưỡng có nội dung CCHC', 'cuộc'),
  ind('C2', 'Lượt người tham dự hội nghị, tập huấn', 'lượt người'),
  ind('C3', 'Cuộc thi tìm hiểu CCHC', 'cuộc'),
  ind('C4', 'Lượt người, đơn vị tham gia cuộc thi', 'lượt'),
  ind('D1', 'Hồ sơ TTHC kỳ trước chuyển sang', 'hồ sơ', { timeKind: 'opening-stock' }),
  ind('D2', 'Hồ sơ TTHC tiếp nhận trong kỳ', 'hồ sơ'),
  ind('D3', 'Trong đó: tiếp nhận trực tuyến', 'hồ sơ'),
  ind('D4', 'Hồ sơ đã giải quyết trước và đúng hạn', 'hồ sơ'),
  ind('D5', 'Hồ sơ đã giải quyết quá hạn', 'hồ sơ'),
  ind('D6', 'Hồ sơ đang giải quyết', 'hồ sơ', { timeKind: 'closing-stock' }),
  ind('D7', 'Số TTHC thuộc thẩm quyền giải quyết', 'thủ tục', { timeKind: 'closing-stock' }),
  ind('D8', 'Số TTHC đã niêm yết, công khai', 'thủ tục', { timeKind: 'closing-stock' }),
  ind('D9', 'Hồ sơ rút, trả lại, dừng xử lý trong kỳ', 'hồ sơ', { mayBeAbsent: true }),
  ind('D10', 'Trong đó (của D6): đang giải quyết quá hạn', 'hồ sơ', { timeKind: 'closing-stock', mayBeAbsent: true }),
  ind('E1', 'Kinh phí chi cho tuyên truyền CCHC', 'nghìn đồng'),
];

export const INDICATOR_CODES: readonly IndicatorCode[] = INDICATORS.map((i) => i.code);

export const INDICATOR_BY_CODE: Readonly<Record<IndicatorCode, Indicator>> = Object.fromEntries(
  INDICATORS.map((i) => [i.code, i]),
) as Record<IndicatorCode, Indicator>;

export function isIndicatorCode(s: string): s is IndicatorCode {
  return (INDICATOR_CODES as readonly string[]).includes(s);
}

/** A6 is hours per day: at most 24. */
export const MAX_HOURS = 24;

/** Figures of one unit or one parent: `null` = not reported (or unreadable). */
export type Figures = Record<IndicatorCode, number | null>;

export function emptyFigures(): Figures {
  return Object.fromEntries(INDICATOR_CODES.map((c) => [c, null])) as Figures;
}

// ---------------------------------------------------------------- rates

export type RateKey = 'onTime' | 'online' | 'posted' | 'overdue';

export interface RateDef {
  key: RateKey;
  label: string;
  numerator: IndicatorCode[];
  denominator: IndicatorCode[];
}

/** Rates are always computed from (summed) figures, never typed, never averaged. */
export const RATES: readonly RateDef[] = [
  { key: 'onTime', label: 'Tỷ lệ giải quyết đúng hạn', numerator: ['D4'], denominator: ['D4', 'D5'] },
  { key: 'online', label: 'Tỷ lệ tiếp nhận trực tuyến', numerator: ['D3'], denominator: ['D2'] },
  { key: 'posted', label: 'Tỷ lệ TTHC niêm yết công khai', numerator: ['D8'], denominator: ['D7'] },
  { key: 'overdue', label: 'Tỷ lệ hồ sơ đang giải quyết quá hạn', numerator: ['D10'], denominator: ['D6'] },
];

export type Rates = Record<RateKey, number | null>;

/**
 * A rate whose denominator is 0 (or unknown) is `null`: shown empty, never 0 %.
 * So is one whose numerator nobody reported (D10 on sheets made before it existed).
 */
export function computeRates(f: Figures): Rates {
  const total = (codes: IndicatorCode[]) => codes.reduce((s, c) => s + (f[c] ?? 0), 0);
  const out = {} as Rates;
  for (const r of RATES) {
    const den = total(r.denominator);
    const reported = r.numerator.some((c) => f[c] !== null && f[c] !== undefined);
    out[r.key] = den > 0 && reported ? total(r.numerator) / den : null;
  }
  return out;
}

// ---------------------------------------------------------------- identification block

export type IdField =
  | 'templateCode' | 'unit' | 'unitCode' | 'level' | 'parent' | 'period' | 'year'
  | 'docRef' | 'preparer' | 'phone' | 'sentDate' | 'reportType';

export interface IdLabel { field: IdField; label: string; required: boolean }

export const ID_LABELS: readonly IdLabel[] = [
  { field: 'templateCode', label: 'Mã mẫu', required: true },
  { field: 'unit', label: 'Đơn vị báo cáo', required: true },
  { field: 'unitCode', label: 'Mã đơn vị', required: false },
  { field: 'level', label: 'Cấp', required: true },
  { field: 'parent', label: 'Đơn vị cấp trên', required: true },
  { field: 'period', label: 'Kỳ báo cáo', required: true },
  { field: 'year', label: 'Năm', required: true },
  { field: 'docRef', label: 'Số, ngày văn bản', required: false },
  { field: 'preparer', label: 'Người lập', required: false },
  { field: 'phone', label: 'Điện thoại', required: false },
  { field: 'sentDate', label: 'Ngày gửi', required: false },
  { field: 'reportType', label: 'Loại báo cáo', required: false },
];

/** Value of `Loại báo cáo` on every report the compiler writes. */
export const COMPILED_REPORT_TYPE = 'Tổng hợp';

// ---------------------------------------------------------------- levels and periods

export type Level = 'Xã' | 'Phòng, ban' | 'Huyện' | 'Sở, ngành' | 'Tỉnh';

/** Canonical level and the words units also write for it (`Phường` is a `Xã`). */
export const LEVELS: readonly { level: Level; synonyms: string[]; rank: number }[] = [
  { level: 'Xã', synonyms: ['Xã', 'Phường', 'Thị trấn', 'Đặc khu'], rank: 0 },
  { level: 'Phòng, ban', synonyms: ['Phòng, ban', 'Phòng', 'Ban', 'Phòng ban'], rank: 0 },
  { level: 'Huyện', synonyms: ['Huyện', 'Quận', 'Thị xã', 'Thành phố'], rank: 1 },
  { level: 'Sở, ngành', synonyms: ['Sở, ngành', 'Sở', 'Ngành', 'Sở ngành'], rank: 1 },
  { level: 'Tỉnh', synonyms: ['Tỉnh', 'Thành phố trực thuộc trung ương'], rank: 2 },
];

export const LEVEL_NAMES: readonly Level[] = LEVELS.map((l) => l.level);

/** Every level but the top one reports to a parent (Đơn vị cấp trên): the reader, the compile, the command line and the pane ask it from here. */
export function needsParent(level: Level | null | undefined): boolean {
  return level !== 'Tỉnh';
}

/**
 * The years a report, a plan or a template may be of: one range for the reader, the plan,
 * the command line, the template's validation and the pane's forms (labels.ts isValidYear).
 */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;
/**
 * The levels as a message lists them: each in «», since two of them hold a
 * comma themselves («Phòng, ban», «Sở, ngành») and a plain comma list is ambiguous.
 */
export const LEVEL_CHOICES = LEVEL_NAMES.map((l) => `«${l}»`).join(', ');

// Period names, spans, deadlines and cumulative periods live in periods.ts.
export { PERIODS, type Period } from './periods';

// ---------------------------------------------------------------- sections

export const SECTION_TITLES = {
  figures: 'I. SỐ LIỆU',
  tasks: 'II. PHỤ LỤC NHIỆM VỤ',
  assessment: 'III. ĐÁNH GIÁ',
} as const;

/** Section I header, canonical order. */
export const FIGURE_HEADERS = {
  code: 'Mã',
  label: 'Chỉ tiêu',
  unit: 'Đơn vị tính',
  value: 'Số liệu',
  note: 'Ghi chú',
} as const;

/** Section II header, canonical order. */
export const TASK_HEADERS = {
  stt: 'STT',
  name: 'Nội dung nhiệm vụ',
  result: 'Kết quả thực hiện',
  done: 'Hoàn thành',
  notDone: 'Chưa hoàn thành',
  note: 'Ghi chú',
} as const;

/** Marks accepted in `Hoàn thành` / `Chưa hoàn thành`. The writers use `x`. */
export const MARKS: readonly string[] = ['x', 'X', '✓', '✔', '1'];
export const MARK = 'x';

/** The two words a task's state is printed with: its Section II headers (TASK_HEADERS). */
export type TaskStatus = typeof TASK_HEADERS.done | typeof TASK_HEADERS.notDone;
/** The word for a task nobody marked (or marked twice): only a resent report's differences say it. */
export const TASK_UNMARKED = 'chưa đánh dấu';

/**
 * Inside the core a task's state is `done: boolean | null` (a unit's marks, UnitReport.tasks) or
 * `complete: boolean` (a parent's task reached its Tỷ lệ đạt, TaskSummary; `null` when read back
 * without a mark): this is the one place it becomes a word, used only where text is printed or
 * written (sheets, the .docx, the --json output, messages).
 */
export function taskStatusWord(done: boolean): TaskStatus;
export function taskStatusWord(done: boolean | null): TaskStatus | typeof TASK_UNMARKED;
export function taskStatusWord(done: boolean | null): TaskStatus | typeof TASK_UNMARKED {
  return done === null ? TASK_UNMARKED : done ? TASK_HEADERS.done : TASK_HEADERS.notDone;
}

export type AssessmentKey = 'strengths' | 'weaknesses' | 'proposals' | 'nextSteps';

export const ASSESSMENT_LABELS: readonly { key: AssessmentKey; label: string }[] = [
  { key: 'strengths', label: 'Ưu điểm, thuận lợi' },
  { key: 'weaknesses', label: 'Hạn chế, khó khăn' },
  { key: 'proposals', label: 'Kiến nghị, đề xuất' },
  { key: 'nextSteps', label: 'Phương hướng kỳ tới' },
];

// ---------------------------------------------------------------- plan sheet (Kế hoạch)

export const PLAN_SHEET_NAME = 'Kế hoạch';

/** The heading of a template's check block (docs/spec/TEMPLATE.md §10): the reader ignores it and everything below. */
export const CHECK_BLOCK_TITLE = 'TỰ KIỂM TRA';

export const PLAN_ID_LABELS = {
  compilingUnit: 'Đơn vị tổng hợp',
  level: 'Cấp',
  parent: 'Đơn vị cấp trên',
  period: 'Kỳ báo cáo',
  year: 'Năm',
  from: 'Từ ngày',
  to: 'Đến ngày',
  deadline: 'Hạn nộp',
} as const;

export const PLAN_TABLE_TITLES = { tasks: 'Nhiệm vụ', roster: 'Đơn vị' } as const;

export const PLAN_TASK_HEADERS = {
  stt: 'STT',
  name: 'Nội dung nhiệm vụ',
  indicator: 'Chỉ tiêu',
  minimum: 'Mức tối thiểu',
  threshold: 'Tỷ lệ đạt (%)',
} as const;

export const PLAN_ROSTER_HEADERS = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  level: 'Cấp',
  parent: 'Đơn vị cấp trên',
} as const;

/** Default `Tỷ lệ đạt`: every expected unit must mark Hoàn thành. */
export const DEFAULT_THRESHOLD = 1;

// ---------------------------------------------------------------- child statuses

/**
 * What became of a child's report, decided once by the compile (ChildRow.status) and shown by every view:
 * sent on time, sent late, not sent, or sent but not counted (ChildRow.reason says why:
 * «Chỉ tổng hợp báo cáo đã duyệt» and the report is not approved or was returned).
 */
export type ChildStatus = 'Đã nộp' | 'Nộp muộn' | 'Chưa nộp' | 'Không tính';
export const STATUS_ON_TIME: ChildStatus = 'Đã nộp';
export const STATUS_LATE: ChildStatus = 'Nộp muộn';
export const STATUS_MISSING: ChildStatus = 'Chưa nộp';
export const STATUS_NOT_COUNTED: ChildStatus = 'Không tính';
export const CHILD_STATUSES: readonly ChildStatus[] = [STATUS_ON_TIME, STATUS_LATE, STATUS_MISSING, STATUS_NOT_COUNTED];

