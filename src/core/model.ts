/** The typed data the core reads, checks and compiles. */
import type { Span } from './periods';
import type { OtherForm, OtherFormTotal } from './other-forms';
import type { CumulativeBasis } from './cumulative';
import type { AssessmentKey, ChildStatus, Figures, IndicatorCode, Level, Period, Rates } from './template';
import type { Finding } from './findings';
import type { ApprovalRecord, ApprovalState } from './approval';

export interface SourceRef {
  file?: string;
  sheet: string;
  /** The sheet is hidden in its workbook (SheetGrid.hidden): it never wins over a visible copy (docs/spec/TEMPLATE.md §8). */
  hidden?: boolean;
}

/** One row of a unit's Phụ lục (section II). */
export interface TaskRow {
  /** STT as a number when it is one. */
  stt: number | null;
  name: string;
  result: string;
  note: string;
  /** true = Hoàn thành, false = Chưa hoàn thành, null = marks missing/both/invalid (counts as not done). */
  done: boolean | null;
  /** Address of the row's STT (or name) cell, for findings. */
  cell: string;
}

/** Who reports, for which period: the identification block's main rows (read, written, or asked for in a form). */
export interface UnitIdentity {
  /** `Đơn vị báo cáo` as written. */
  unit: string;
  unitCode?: string;
  /** Canonical level (`Phường` → `Xã`), null when unreadable. */
  level: Level | null;
  parent?: string;
  period: Period | null;
  year: number | null;
}

/** The optional identification rows of a report. */
export interface ReportDetails {
  docRef?: string;
  preparer?: string;
  phone?: string;
  /** Date the report was sent, ISO `yyyy-mm-dd` (from `Ngày gửi`, else from `Số, ngày văn bản`). */
  sentDate?: string;
  /** `Loại báo cáo: Tổng hợp`: written by the compiler. */
  compiled: boolean;
}

/** One unit's TTCCHC-1 sheet, read. */
export interface UnitReport extends UnitIdentity, ReportDetails {
  source: SourceRef;
  /** true when unit, level, period and year were all readable (parent too, except for Tỉnh). */
  identificationOk: boolean;
  /** Readable values; `null` = empty or unreadable (counts as not reported). */
  figures: Figures;
  /** Address of each indicator's value cell, where the row was found. */
  figureCells: Partial<Record<IndicatorCode, string>>;
  /** The `K` rows («Hình thức khác», core/other-forms.ts) with a label; absent when none. */
  otherForms?: OtherForm[];
  /** Address of each identification value cell (`period` → `B7`), for findings. */
  idCells: Partial<Record<string, string>>;
  tasks: TaskRow[];
  assessment: Partial<Record<AssessmentKey, string>>;
}

export interface PlanTask {
  stt: number;
  name: string;
  indicator?: IndicatorCode;
  minimum?: number;
  /** Share of expected children that must mark Hoàn thành, 0..1 (`Tỷ lệ đạt (%)` / 100, default 1). */
  threshold: number;
}

export interface RosterUnit {
  code?: string;
  name: string;
  level: Level | null;
  parent?: string;
}

/** The `Kế hoạch` sheet. */
export interface Plan {
  source: SourceRef;
  compilingUnit?: string;
  level?: Level;
  parent?: string;
  period?: Period;
  year?: number;
  /** `Từ ngày` / `Đến ngày`, ISO dates: the span the figures cover; when absent, the period's default (periods.ts). */
  from?: string;
  to?: string;
  /** ISO date; when absent, two working days after the span's end (periods.ts deadlineFor). */
  deadline?: string;
  /** Where `Kỳ báo cáo` and `Năm` were read (`B5`), for findings that point at them. */
  idCells?: { period?: string; year?: string };
  tasks: PlanTask[];
  roster: RosterUnit[];
}

/** What reading one worksheet gave. */
export type SheetRead =
  | { kind: 'report'; report: UnitReport; findings: Finding[]; fingerprint?: string }
  | { kind: 'plan'; plan: Plan; findings: Finding[] }
  | { kind: 'unsupported'; source: SourceRef; version: string; findings: Finding[] }
  | { kind: 'skipped'; source: SourceRef; approvals?: ApprovalRecord[] };

export interface CompileOptions {
  period?: Period;
  year?: number;
  /**
   * The grids without a file are the sheets of the open workbook the outputs
   * will be written to (the pane): its sheets named like outputs may be the
   * compiler's own earlier output (core/own-outputs.ts).
   */
  openWorkbook?: boolean;
  /** «Chỉ tổng hợp báo cáo đã duyệt» (core/approval.ts): only approved reports count; the others are named in a warning each. */
  approvedOnly?: boolean;
  /** The day of the compile (`yyyy-mm-dd`, local); default today. Nothing can have been sent or approved after it (docs/spec/TEMPLATE.md §8, §13). */
  today?: string;
}

/** A report as it entered the compile. */
export interface ReportEntry {
  report: UnitReport;
  /** Counted in its parent's totals (readable identification, the compile's period and year, not superseded by a newer copy, not the compiler's own output). */
  counted: boolean;
  /** Why it was left out, in Vietnamese, when not counted. */
  reason?: string;
  /** The same unit's newer report that counts instead of this one (docs/spec/TEMPLATE.md §8: the newest counts). */
  supersededBy?: SourceRef;
  /** The report's latest approval record that holds (an approval voided by a later change is absent). */
  approval?: ApprovalRecord;
  /** The fingerprint of the report's sheet as read (core/approval.ts sheetFingerprint): what «Duyệt» approves. */
  fingerprint?: string;
  /**
   * One of the sub-period reports its unit's cumulative figures were built from (core/cumulative.ts, spec §11):
   * used, though only the last of them is `counted` (it carries the built report).
   */
  cumulated?: true;
}

export interface ChildRow {
  unit: string;
  unitCode?: string;
  level: Level | null;
  status: ChildStatus;
  /** The child's figures (its report's, or its own compiled summary's); null when Chưa nộp. */
  figures: Figures | null;
  rates: Rates | null;
  sentDate?: string;
  /** The parent's own sheet (its own activities). */
  isSelf: boolean;
  /** Per task STT: true done, false not done, null not reported / unreadable marks. */
  tasks: Record<number, boolean | null>;
  source?: SourceRef;
  /** Đã duyệt / Trả lại of the counted report, or of the one not counted (absent: Chưa duyệt, or Chưa nộp for a unit that sent nothing: approval.ts childApprovalLabel). */
  approval?: ApprovalState;
  /** Why a report that came in is not counted (status `Không tính`). */
  reason?: string;
}

export interface TaskSummary {
  stt: number;
  name: string;
  done: number;
  expected: number;
  /** The share of units required for Hoàn thành (the plan's Tỷ lệ đạt; 1 without a plan). */
  threshold: number;
  /** done ÷ expected reached the threshold: Hoàn thành (its word: template.ts taskStatusWord). */
  complete: boolean;
  /** Children that reported but did not mark Hoàn thành. */
  notDone: string[];
  /** Children that did not report. */
  notReported: string[];
  /** Children whose report came in but is not counted (status `Không tính`). */
  notCounted?: string[];
  /** `14/15 đơn vị hoàn thành`. */
  result: string;
  /** `Ghi chú` of the parent's Phụ lục: who is not done or not reported. */
  note: string;
}

export interface ParentSummary {
  unit: string;
  unitCode?: string;
  level: Level | null;
  parent?: string;
  /**
   * How deep the unit sits in the roster (0: a unit with no parent in it; roster.ts depth), set once by
   * the compile, which lists summaries by it (CompileResult.summaries); no view rebuilds it from names.
   */
  depth: number;
  figures: Figures;
  /** Per code, how many counted children left it empty. */
  emptyCounts: Record<IndicatorCode, number>;
  rates: Rates;
  children: ChildRow[];
  tasks: TaskSummary[];
  /** Assessment texts of the children, attributed. */
  assessments: { unit: string; key: import('./template').AssessmentKey; text: string }[];
  /** Documents the children cite (`Số, ngày văn bản`). */
  documents: { unit: string; docRef: string }[];
  deadline: string;
  /** The dates the figures cover (periods.ts periodSpan). */
  span?: Span;
  /** «Hình thức khác»: the children's `K` rows summed by label and unit (other-forms.ts). */
  otherForms?: OtherFormTotal[];
}

export interface CompileResult {
  period: Period;
  year: number;
  reports: ReportEntry[];
  /**
   * One per parent with at least one child report, deepest first (districts, then the province; ParentSummary.depth),
   * tree order within a depth: the last is the top unit. Views wanting the top first use layout/index.ts summariesTopFirst.
   */
  summaries: ParentSummary[];
  findings: Finding[];
  skipped: SourceRef[];
  plan?: Plan;
  /**
   * Sheets that are the compiler's own earlier output (core/own-outputs.ts):
   * left out of the totals and the findings. Those of the open workbook (no
   * `file`) are the sheets the next output replaces (ownOutputSheetNames).
   */
  ownOutputs: SourceRef[];
  /** Input files holding nothing but own earlier output: the only inputs `-o` may overwrite. */
  ownOutputFiles: string[];
  /** The approval records read from the compiling workbook's hidden sheet (core/approval.ts); absent when there is none. */
  approvals?: ApprovalRecord[];
  /** Cumulative figures and the sub-period reports they stand on (core/cumulative.ts); absent when none. */
  cumulative?: CumulativeBasis[];
  /**
   * Every readable report was of another period than the compile's (core/period-mismatch.ts):
   * the plan's period is the likely mistake, so no unit is to be asked to resend for it.
   */
  allOtherPeriod?: boolean;
}

/**
 * A compile's summary as the report needs it: a ParentSummary, or the same
 * read back from a compiled workbook (layout/read-back.ts), where a task's
 * status may be unknown (no mark).
 */
export interface CompiledSummary {
  unit: string;
  level: Level | null;
  parent?: string;
  figures: Figures;
  /** Per code, how many counted children left it empty. */
  emptyCounts: Partial<Record<IndicatorCode, number>>;
  rates: Rates;
  children: Pick<ChildRow, 'unit' | 'level' | 'status' | 'figures' | 'rates' | 'sentDate' | 'isSelf'>[];
  /** `complete`: Hoàn thành / Chưa hoàn thành; null when the workbook read back has no mark. */
  tasks: { stt: number; name: string; result: string; complete: boolean | null; note: string }[];
  assessments: { unit: string; key: AssessmentKey; text: string }[];
  documents: { unit: string; docRef: string }[];
  deadline?: string;
  span?: Span;
  otherForms?: OtherFormTotal[];
}

/** Compiled data, from a compile (a CompileResult is one) or read back from its workbook: what the report is built from. */
export interface CompiledData {
  period: Period;
  year: number;
  /** Deepest first, as a compile lists them. */
  summaries: CompiledSummary[];
  findings: Finding[];
}

/**
 * Figures of the previous period (last period's compiled workbook, or a
 * TTCCHC-1 report), keyed by `unitKey(name)`, for the "kỳ trước" and
 * "tăng/giảm" columns and the report's "tăng 12% so với cùng kỳ".
 */
export interface PreviousPeriod {
  period: Period | null;
  year: number | null;
  byUnit: Record<string, Figures>;
}
