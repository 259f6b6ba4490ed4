/**
 * Compiling (docs/spec/TEMPLATE.md §7, §8): the reads of many sheets → one roll-up per parent.
 *
 * Choices the spec leaves open, made here:
 * - Units outside a plan's roster: a report whose `Đơn vị cấp trên` names a
 *   unit of the tree counts under that parent (with a warning, so the roster
 *   can be fixed and no figures are lost); one whose parent is unknown too is
 *   outside this compile: warning, not counted.
 * - A compiled report (`Loại báo cáo: Tổng hợp`) of a unit that is compiled
 *   here (it has fresh child reports, or it is the root: the plan's
 *   `Đơn vị tổng hợp`, or a top unit of the tree) is that unit's earlier
 *   output: never counted, so compiling again gives the same totals. For a
 *   root this is silent; for a unit below the root (a district inside a
 *   province compile whose communes are also present) the fresh roll-up from
 *   the communes wins and a warning says the district's compiled report was
 *   left out.
 * - A compiled report that is used (no fresh child reports) already includes
 *   that unit's own sheet: the own sheet is then not counted (warning).
 * - Deadline: plan `Hạn nộp`, else two working days after the span's end (periods.ts deadlineFor).
 * - A code that no counted child reported totals null (JSON `null`), never 0.
 * - `Mã đơn vị` matches only against a plan's roster. Without one a code is
 *   whatever a unit typed (files are copied from neighbours), so units are
 *   told apart by name and a shared code is a warning.
 * - Without a roster, a unit whose report does not count (another period,
 *   unreadable period or year) is still listed under its parent as Chưa nộp.
 * - Without a plan the top of the tree is whoever the reports name: a unit
 *   known only as the parent of a single roll-up (the province named by the
 *   district being compiled) gets no summary of its own, which would only
 *   repeat the district's.
 * - Outliers against siblings are warnings of every compile (outliers.ts);
 *   those against last period are added where last period is known.
 * - A unit reported twice (docs/spec/TEMPLATE.md §8): the newest counts (core/resubmissions.ts
 *   decides); a superseded copy's own reader findings are dropped, since its
 *   unit has corrected them, and only the superseded warning speaks of it.
 * - Findings are listed errors first, then in reading order: file-level
 *   findings, each sheet's (reader, then plan task checks), then the compile's.
 */
import { checkTasksAgainstPlan } from './task-checks';
import { hiddenNote, makeFinding, sortFindings, type Finding } from './findings';
import { believedSentDate, howItWon, pickNewest, resubmissionDifferences, sentDateProblem, type SentWindow } from './resubmissions';
import type { SheetGrid } from './grid';
import type {
  ChildRow, CompileOptions, CompileResult, ParentSummary, Plan, ReportEntry, SheetRead, SourceRef, UnitReport,
} from './model';
import { readSheet } from './reader';
import { Roster, codeKey, inferLevel, rosterFromPlan, type UnitNode } from './roster';
import {
  joinAssessments, markTasks, rollupFigures, summarizeTasks, taskUnion, type CompileTask,
} from './rollup';
import {
  ASSESSMENT_LABELS, LEVELS, STATUS_LATE, STATUS_MISSING, STATUS_NOT_COUNTED, STATUS_ON_TIME,
  computeRates, needsParent, type AssessmentKey, type Figures,
} from './template';
import { PERIODS, deadlineFor, periodSpan, periodTitle, type Period } from './periods';
import { formatDateVi } from './dates';
import { displayUnitName } from './unit-names';
import { isOwnEarlierOutput, ownOutputFiles, sameSource, unitsCompiledHere, type SheetFacts } from './own-outputs';
import { siblingOutliers } from './outliers';
import type { RuleId } from './rule-names';
import { applyCumulative, type CumulativeOutcome } from './cumulative';
import { wholeCompileOtherPeriod } from './period-mismatch';
import { sumOtherForms, type OtherForm, type OtherFormTotal } from './other-forms';
import { APPROVED, NOT_APPROVED_RULE, RETURNED, applyApprovals, approvalTimeVi, believedApprovals, type ApprovalRecord } from './approval';

/** What a counted child brings to its parent: a report's content or a fresh roll-up's. */
interface ChildData {
  figures: Figures;
  tasks: Record<number, boolean | null>;
  sentDate?: string;
  source?: SourceRef;
  /** The report that was counted (absent for a fresh roll-up). */
  entry?: ReportEntry;
  assessments: { unit: string; key: AssessmentKey; text: string }[];
  documents: { unit: string; docRef: string }[];
  /** «Hình thức khác» (the `K` rows, other-forms.ts). */
  otherForms?: readonly (OtherForm | OtherFormTotal)[];
}

/** `file › sheet`, or just the sheet for a sheet of the open workbook; `(trang ẩn)` after a hidden sheet. */
export function sourceLabel(src: SourceRef | undefined): string {
  if (!src) return '';
  return (src.file ? `${src.file} › ${src.sheet}` : src.sheet) + hiddenNote(src.hidden);
}


function levelRank(r: UnitReport): number {
  return LEVELS.find((l) => l.level === r.level)?.rank ?? 0;
}

/** readSheet each grid, then compileReads. */
export function compileGrids(grids: readonly SheetGrid[], options: CompileOptions = {}, extraFindings: Finding[] = []): CompileResult {
  return compileReads(grids.map((g) => readSheet(g)), options, extraFindings);
}

export function compileReads(reads: readonly SheetRead[], options: CompileOptions = {}, extraFindings: Finding[] = []): CompileResult {
  const recordFiles = new Set(reads.flatMap((r) => (r.kind === 'skipped' && r.approvals?.length && r.source.file ? [r.source.file] : [])));
  if (!recordFiles.size) return new Compilation(reads, options, extraFindings).run();
  // A file found to hold the compiling unit's own earlier output is the compiling workbook too (approval.ts
  // believedApprovals). That is known only once the tree is rolled up, and without «only approved» (which
  // would leave the units out and keep the old output counting): a first pass finds it.
  const probe = new Compilation(reads, { ...options, approvedOnly: false }, extraFindings).run();
  const ownFiles = new Set(probe.ownOutputs.map((s) => s.file));
  const more = new Set([...recordFiles].filter((f) => ownFiles.has(f) && f !== probe.plan?.source.file));
  if (!more.size && !options.approvedOnly) return probe;
  return new Compilation(reads, options, extraFindings, more).run();
}

/** Today, local, as `yyyy-mm-dd`: the day of a compile run without CompileOptions.today. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

class Compilation {
  /** Findings of the compile itself. */
  private readonly findings: Finding[] = [];
  /** The readers' findings per sheet, kept apart so those of the compiler's own earlier output can be dropped. */
  private readonly readFindings: { entry?: ReportEntry; findings: Finding[] }[] = [];
  /** The compiler's own earlier outputs (own-outputs.ts decides). */
  private readonly ownOutputs: SourceRef[] = [];
  private readonly ownEntries = new Set<ReportEntry>();
  private readonly extraFindings: Finding[];
  private readonly skipped: SourceRef[] = [];
  private plan?: Plan;
  private readonly entries: ReportEntry[] = [];
  private period!: Period;
  private year!: number;
  private deadline!: string;
  private roster!: Roster;
  private tasks: CompileTask[] = [];
  /** The newest non-compiled report of each unit (docs/spec/TEMPLATE.md §8). */
  private readonly own = new Map<UnitNode, ReportEntry>();
  /** The newest compiled report of each unit. */
  private readonly compiled = new Map<UnitNode, ReportEntry>();
  /** Every report of a unit sent more than once, in reading order: all but the newest are superseded. */
  private readonly copies = new Map<ReportEntry, ReportEntry[]>();
  private readonly summaries: { summary: ParentSummary; order: number }[] = [];
  private readonly summarized = new Set<UnitNode>();
  private readonly superseded: { node: UnitNode; entry: ReportEntry }[] = [];
  /** Compiled reports readable but for a missing parent (see placeParentless). */
  private readonly parentless: ReportEntry[] = [];
  /** Without a roster: the first unit that gave each code. */
  private readonly codeOwners = new Map<string, UnitNode>();
  /** Every approval record read (approval.ts); those believed are in `approvals`. */
  private readonly approvalRecords: ApprovalRecord[] = [];
  private approvals: ApprovalRecord[] = [];
  /** The day of the compile (CompileOptions.today). */
  private readonly today: string;
  /** The days a report of the compile's period can have been sent on (resubmissions.ts). */
  private sentWindow?: SentWindow;
  /** Reports that came in but «Chỉ tổng hợp báo cáo đã duyệt» leaves out, and the unit each stands for (ChildRow status Không tính). */
  private readonly heldBack = new Set<ReportEntry>();
  private readonly heldBackOf = new Map<UnitNode, ReportEntry>();
  /** Cumulative periods built from, or checked against, their sub-periods (cumulative.ts). */
  private cumulative?: CumulativeOutcome;
  private allOtherPeriod = false;

  constructor(
    private readonly reads: readonly SheetRead[],
    private readonly options: CompileOptions,
    extraFindings: Finding[],
    /** Files known to hold the compiling unit's own earlier output (compileReads). */
    private readonly filesWithOwnOutput: ReadonlySet<string> = new Set(),
  ) {
    this.extraFindings = extraFindings;
    this.today = options.today ?? localToday();
  }

  run(): CompileResult {
    this.collect();
    this.settleApprovals();
    this.decidePeriod();
    this.cumulative = applyCumulative(this.entries, this.period, this.year);
    this.findings.push(...this.cumulative.findings);
    this.deadline = deadlineFor(this.period, this.year, this.plan);
    this.checkSentDates();
    const eligible = this.eligibleEntries();
    this.roster = rosterFromPlan(this.plan);
    // In reading order, so the children are listed as the reports came.
    const counts = new Set(eligible);
    for (const e of this.entries) {
      if (e.report.compiled) continue;
      if (counts.has(e)) this.placeOwn(e);
      else this.placeExpected(e);
    }
    // Lower levels first, so a province's own earlier output meets its districts already placed.
    const compiledEntries = eligible.filter((x) => x.report.compiled).sort((a, b) => levelRank(a.report) - levelRank(b.report));
    for (const e of compiledEntries) this.placeCompiled(e);
    for (const e of this.parentless) this.placeParentless(e);
    this.settleResubmissions();
    this.tasks = this.plan && this.plan.tasks.length
      ? this.plan.tasks.map((t) => ({ ...t }))
      : taskUnion([...this.own.values(), ...this.compiled.values()].map((e) => e.report.tasks));
    for (const root of this.roster.roots()) this.evaluate(root);
    const facts = this.sheetFacts();
    this.settleSuperseded();
    this.checkTasks();
    // Deepest first (communes' districts, then the province), tree order within a depth.
    this.summaries.sort((a, b) => b.summary.depth - a.summary.depth || a.order - b.order);
    // Findings about the compiler's own sheets are not the units' business, and not repeated run after run.
    const onOwnSheet = (f: Finding) => !!f.sheet && this.ownOutputs.some((s) => sameSource(s, f));
    const all = [
      ...this.extraFindings,
      // A superseded copy's own findings are what its unit has since corrected: only the superseded warning is said.
      ...this.readFindings.filter((x) => !x.entry || (!this.ownEntries.has(x.entry) && !x.entry.supersededBy)).flatMap((x) => x.findings),
      ...this.findings.filter((f) => !onOwnSheet(f)),
      // Figures far from their siblings (warnings; last period's comparison: outliers.ts withPreviousOutliers).
      ...siblingOutliers(this.entries),
    ];
    const findings = sortFindings(all);
    return {
      period: this.period,
      year: this.year,
      reports: this.entries,
      summaries: this.summaries.map((s) => s.summary),
      findings,
      skipped: this.skipped,
      plan: this.plan,
      ownOutputs: this.ownOutputs,
      ownOutputFiles: ownOutputFiles(facts.map((f) => f.facts), this.compiledHere(), this.extraFindings),
      ...(this.approvals.length ? { approvals: this.approvals } : {}),
      ...(this.cumulative?.bases.length ? { cumulative: this.cumulative.bases } : {}),
      ...(this.allOtherPeriod ? { allOtherPeriod: true } : {}),
    };
  }

  private compiledHere(): Set<string> {
    return unitsCompiledHere({ summaries: this.summaries.map((s) => s.summary), plan: this.plan });
  }

  /**
   * Every sheet read, as own-outputs.ts needs to see it (once the tree is
   * rolled up), and the sheets it finds to be own earlier outputs.
   */
  private sheetFacts(): { facts: SheetFacts; entry?: ReportEntry }[] {
    const atTop = new Set<ReportEntry>();
    for (const { node, entry } of this.superseded) {
      let above = false;
      for (let p = node.parent; p && !above; p = p.parent) above = this.summarized.has(p);
      if (node === this.roster.root || !above) atTop.add(entry);
    }
    const out: { facts: SheetFacts; entry?: ReportEntry }[] = [];
    let next = 0;
    for (const r of this.reads) {
      if (r.kind === 'report') {
        const entry = this.entries[next++];
        const rep = entry.report;
        out.push({ entry, facts: { source: rep.source, kind: 'report', compiled: rep.compiled, unit: rep.unit, counted: entry.counted, supersededAtTop: atTop.has(entry) } });
      } else if (r.kind === 'skipped') out.push({ facts: { source: r.source, kind: 'none', counted: false } });
      else out.push({ facts: { source: r.kind === 'plan' ? r.plan.source : r.source, kind: 'other', counted: false } });
    }
    const here = this.compiledHere();
    for (const x of out) {
      if (!isOwnEarlierOutput(x.facts, here, !!this.options.openWorkbook)) continue;
      this.ownOutputs.push(x.facts.source);
      if (x.entry) this.ownEntries.add(x.entry);
    }
    return out;
  }

  // ------------------------------------------------------------ reading

  private collect(): void {
    for (const r of this.reads) {
      if (r.kind === 'skipped') {
        // The approval record is the compiler's own bookkeeping, not a sheet skipped.
        if (r.approvals) this.approvalRecords.push(...r.approvals);
        else this.skipped.push(r.source);
        continue;
      }
      if (r.kind !== 'report') this.readFindings.push({ findings: r.findings });
      if (r.kind === 'plan') {
        if (!this.plan) this.plan = r.plan;
        else {
          this.warn(r.plan.source, this.plan.compilingUnit ?? r.plan.source.sheet, '', 'compile.plan-duplicate',
            `Có nhiều trang Kế hoạch; chỉ dùng trang đầu tiên (${sourceLabel(this.plan.source)}), bỏ qua trang này.`);
        }
      } else if (r.kind === 'report') {
        const entry: ReportEntry = { report: r.report, counted: false, ...(r.fingerprint ? { fingerprint: r.fingerprint } : {}) };
        this.entries.push(entry);
        this.readFindings.push({ entry, findings: r.findings });
      }
    }
  }

  /** The records only the compiling officer can have written (approval.ts believedApprovals), against the reports. */
  private settleApprovals(): void {
    const compiling = new Set(this.filesWithOwnOutput);
    if (this.plan?.source.file) compiling.add(this.plan.source.file);
    const believed = believedApprovals(this.approvalRecords, compiling, this.today);
    this.approvals = believed.records;
    this.findings.push(...believed.findings, ...applyApprovals(this.entries, this.approvals));
  }

  /**
   * A `Ngày gửi` after the day of the compile or before the period began is
   * not believed (docs/spec/TEMPLATE.md §8): an error on that copy, which then never wins by
   * its date nor is late by it. Reports of another period have their own error.
   */
  private checkSentDates(): void {
    this.sentWindow = { from: periodSpan(this.period, this.year, this.plan).from, to: this.today };
    for (const e of this.entries) {
      const r = e.report;
      if (r.period !== this.period || r.year !== this.year) continue;
      const problem = sentDateProblem(r, this.sentWindow);
      if (!problem) continue;
      const bound = problem === 'after'
        ? `sau ngày tổng hợp (${formatDateVi(this.sentWindow.to)})`
        : `trước ngày bắt đầu kỳ ${periodTitle(this.period, this.year)} (${formatDateVi(this.sentWindow.from)})`;
      this.error(r.source, r.unit, r.idCells.sentDate ?? r.idCells.docRef ?? '', 'compile.sent-date',
        `Ngày gửi ${formatDateVi(r.sentDate!)} ${bound}: ngày này không thể đúng nên không được dùng (để chọn bản gửi sau cùng hay xét nộp muộn). Đề nghị đơn vị ghi đúng ngày gửi.`);
    }
  }

  /** Plan, else options, else the most common period and year among the reports. */
  private decidePeriod(): void {
    const plan = this.plan;
    const opts = this.options;
    if (plan?.period && opts.period && plan.period !== opts.period || plan?.year && opts.year && plan.year !== opts.year) {
      this.warn(plan!.source, plan!.compilingUnit ?? plan!.source.sheet, '', 'compile.period-options',
        `Kỳ báo cáo trong trang Kế hoạch (${periodTitle(plan!.period ?? null, plan!.year ?? null)}) khác kỳ chọn khi chạy lệnh (${periodTitle(opts.period ?? null, opts.year ?? null)}): dùng kỳ của Kế hoạch.`);
    }
    let period = plan?.period ?? opts.period;
    let year = plan?.year ?? opts.year;
    if (!period || !year) {
      const tally = new Map<string, { period: Period; year: number; n: number }>();
      for (const e of this.entries) {
        const r = e.report;
        if (!r.period || !r.year) continue;
        const k = `${r.period}|${r.year}`;
        const t = tally.get(k) ?? { period: r.period, year: r.year, n: 0 };
        t.n++;
        tally.set(k, t);
      }
      // Only the pairs that agree with what is already fixed (say the year given on the command line).
      const candidates = [...tally.values()].filter((t) => (!period || t.period === period) && (!year || t.year === year));
      let best: { period: Period; year: number; n: number } | undefined;
      for (const t of candidates) if (!best || t.n > best.n) best = t;
      if (tally.size > 1 && best) {
        const list = [...tally.values()].map((t) => `${periodTitle(t.period, t.year)}: ${t.n} báo cáo`).join('; ');
        this.findings.push(makeFinding('warning', { unit: '', sheet: '', cell: '' }, 'compile.period-mixed',
          `Các báo cáo thuộc nhiều kỳ khác nhau (${list}). Tổng hợp kỳ ${periodTitle(best.period, best.year)}; báo cáo kỳ khác không được tính.`));
      }
      period ??= best?.period ?? PERIODS[PERIODS.length - 1];
      year ??= best?.year ?? new Date().getFullYear();
    }
    this.period = period;
    this.year = year;
  }

  /** Readable identification and the compile's period and year. */
  private eligibleEntries(): ReportEntry[] {
    const out: ReportEntry[] = [];
    const otherPeriod: ReportEntry[] = [];
    const before = this.findings.length;
    for (const e of this.entries) {
      const r = e.report;
      if (!r.identificationOk) {
        e.reason = 'Không đọc được phần thông tin chung (đơn vị, cấp, kỳ báo cáo, năm): báo cáo không được tính.';
        // The compiler's own output of a compile without a plan has no parent: still recognisable as such.
        if (r.compiled && r.unit && r.level && r.period === this.period && r.year === this.year) this.parentless.push(e);
        continue;
      }
      // A sub-period report of a cumulative compile: used there, not a report of the wrong period.
      if (this.cumulative?.used.has(e)) continue;
      if (r.period !== this.period || r.year !== this.year) {
        e.reason = `Báo cáo kỳ ${periodTitle(r.period, r.year)}, không phải kỳ đang tổng hợp (${periodTitle(this.period, this.year)}).`;
        otherPeriod.push(e);
        this.error(r.source, r.unit, r.idCells[r.period !== this.period ? 'period' : 'year'] ?? '', 'compile.other-period',
          `${e.reason} Báo cáo này không được tính vào số liệu tổng hợp; đề nghị đơn vị gửi đúng báo cáo kỳ ${periodTitle(this.period, this.year)}.`);
        continue;
      }
      if (!r.compiled && !this.passesApprovedOnly(e)) continue;
      out.push(e);
    }
    // Every readable report of another period: one finding at the plan's period instead of one per unit (period-mismatch.ts).
    const whole = wholeCompileOtherPeriod(otherPeriod, this.entries.filter((e) => e.report.identificationOk && !this.cumulative?.used.has(e)).length, this.period, this.year, this.plan);
    if (whole) {
      const others = this.findings.splice(before).filter((f) => f.rule !== 'compile.other-period');
      this.findings.push(...others, whole);
      this.allOtherPeriod = true;
    }
    return out;
  }

  /**
   * «Chỉ tổng hợp báo cáo đã duyệt» (CompileOptions.approvedOnly): a report
   * not approved is left out, and named in a warning, never dropped silently.
   */
  private passesApprovedOnly(e: ReportEntry): boolean {
    if (!this.options.approvedOnly || e.approval?.state === APPROVED) return true;
    const r = e.report;
    const returned = e.approval?.state === RETURNED;
    e.reason = returned
      ? `Báo cáo đã bị trả lại lúc ${approvalTimeVi(e.approval!.time)}${e.approval!.reason ? ` (${e.approval!.reason})` : ''}: chỉ tổng hợp báo cáo đã duyệt.`
      : 'Báo cáo chưa được duyệt: chỉ tổng hợp báo cáo đã duyệt.';
    this.heldBack.add(e);
    this.warn(r.source, r.unit, '', NOT_APPROVED_RULE,
      `Chỉ tổng hợp báo cáo đã duyệt: báo cáo của ${r.unit} (trang '${r.source.sheet}') ${returned ? 'đã bị trả lại' : 'chưa được duyệt'} nên không được tính vào số liệu tổng hợp.`);
    return false;
  }

  // ------------------------------------------------------------ placing reports in the tree

  /** The node of a report's unit, created (open tree) or found (roster); undefined = outside this compile. */
  private nodeFor(e: ReportEntry): UnitNode | undefined {
    const r = e.report;
    const roster = this.roster;
    let node = roster.find(r.unit, r.unitCode);
    if (node) {
      this.noteCodeOfAnother(e, node);
      roster.complete(node, { code: r.unitCode, level: r.level });
      // Known so far only as someone's parent: the unit's own spelling of its name is the one to show.
      if (node.implicit && !r.compiled) {
        node.name = r.unit.trim();
        node.implicit = false;
      }
      if (roster.closed && node.parent && r.parent && roster.find(r.parent) !== node.parent && node !== roster.root) {
        this.warn(r.source, r.unit, r.idCells.parent ?? '', 'compile.parent-mismatch',
          `Đơn vị cấp trên ghi trên báo cáo (${r.parent}) khác danh sách đơn vị của Kế hoạch (${node.parent.name}): tổng hợp theo Kế hoạch.`);
      }
      if (!node.parent && r.parent && node !== roster.root && !roster.closed) roster.link(node, roster.findOrAddParent(r.parent));
      if (!node.parent && r.parent && roster.closed && node.implicit) {
        const p = roster.find(r.parent);
        if (p) roster.link(node, p);
      }
      return node;
    }
    if (!roster.closed) {
      node = roster.add(r.unit, { code: r.unitCode, level: r.level, parentName: r.parent });
      if (r.parent) roster.link(node, roster.findOrAddParent(r.parent));
      else if (roster.root && node !== roster.root) roster.link(node, roster.root);
      return node;
    }
    const alike = roster.ambiguous(r.unit);
    if (alike.length) {
      e.reason = 'Tên đơn vị giống tên nhiều đơn vị của Kế hoạch khi bỏ dấu, không rõ là đơn vị nào.';
      this.error(r.source, r.unit, r.idCells.unit ?? '', 'compile.ambiguous-unit',
        `Đơn vị «${r.unit}» không ghi Mã đơn vị và tên giống nhiều đơn vị trong danh sách của Kế hoạch khi bỏ dấu: ${alike.map((n) => `${n.name}${n.code ? ` (mã ${n.code})` : ''}`).join(', ')}. Báo cáo chưa được tính; đề nghị đơn vị ghi Mã đơn vị hoặc tên đúng dấu.`);
      return undefined;
    }
    const parent = r.parent ? roster.find(r.parent) : undefined;
    if (parent) {
      node = roster.add(r.unit, { code: r.unitCode, level: r.level, parentName: r.parent });
      roster.link(node, parent);
      this.warn(r.source, r.unit, r.idCells.unit ?? '', 'compile.not-in-roster',
        `Đơn vị ${r.unit} không có trong danh sách đơn vị của Kế hoạch; vẫn tính vào tổng hợp của ${parent.name}. Đề nghị bổ sung vào danh sách nếu đúng.`);
      return node;
    }
    e.reason = 'Đơn vị không có trong danh sách của Kế hoạch và đơn vị cấp trên cũng không thuộc phạm vi tổng hợp.';
    this.warn(r.source, r.unit, r.idCells.unit ?? '', 'compile.out-of-scope',
      `Đơn vị ${r.unit} (cấp trên: ${r.parent ?? 'không ghi'}) không thuộc danh sách đơn vị của Kế hoạch: báo cáo không được tính.`);
    return undefined;
  }

  /**
   * The roster's code decides (docs/spec/TEMPLATE.md §8), but a report whose name is another
   * roster unit's carries a code copied from that unit's file: say so, or the
   * unit would show `Chưa nộp` and its neighbour's real report a duplicate
   * with nothing to explain why.
   */
  private noteCodeOfAnother(e: ReportEntry, node: UnitNode): void {
    const r = e.report;
    if (!this.roster.closed || !r.unitCode) return;
    const byName = this.roster.find(r.unit);
    if (!byName || byName === node) return;
    this.warn(r.source, r.unit, r.idCells.unitCode ?? r.idCells.unit ?? '', 'compile.code-name-mismatch',
      `Mã đơn vị ${r.unitCode} là mã của ${node.name} trong danh sách của Kế hoạch, nhưng báo cáo ghi đơn vị ${r.unit}: báo cáo được tính cho ${node.name} theo mã. Nếu mã ghi nhầm, đề nghị đơn vị sửa lại mã (${byName.code ? `mã của ${byName.name} là ${byName.code}` : `${byName.name} chưa có mã`}).`);
  }

  /**
   * A unit's second report (docs/spec/TEMPLATE.md §8): the newest of the two stays in `chosen`;
   * the copies are remembered so that settleResubmissions can name, for each
   * one left out, the report that counts once every copy has been seen.
   */
  private resubmitted(chosen: Map<UnitNode, ReportEntry>, node: UnitNode, e: ReportEntry): void {
    const held = chosen.get(node);
    if (!held) {
      chosen.set(node, e);
      return;
    }
    const all = this.copies.get(held) ?? [held];
    this.copies.delete(held);
    all.push(e);
    const newest = pickNewest(all, this.sentWindow);
    this.copies.set(newest, all);
    chosen.set(node, newest);
  }

  /** Each copy left out: not counted, `supersededBy` the newest, and a warning naming what changed (none when identical). */
  private settleResubmissions(): void {
    for (const [newest, all] of this.copies) {
      for (const e of all) {
        if (e === newest) continue;
        const r = e.report;
        e.supersededBy = newest.report.source;
        e.reason = `Đơn vị đã gửi bản mới hơn (${sourceLabel(newest.report.source)}): bản đó được tính thay cho bản này.`;
        const changes = resubmissionDifferences(r, newest.report);
        if (!changes.length) continue;
        const counted = sourceLabel(newest.report.source);
        const sent = believedSentDate(newest.report, this.sentWindow);
        const how = howItWon(newest.report, r, this.sentWindow);
        const head = how === 'same-day'
          ? `${r.unit} đã gửi hai bản khác nhau cùng ngày ${formatDateVi(sent!)}: tính bản đọc sau (${counted}); bản này (${sourceLabel(r.source)}) không được tính. Đề nghị kiểm tra với đơn vị bản nào đúng.`
          : how === 'newer'
            ? `${r.unit} đã gửi lại báo cáo: tính bản mới nhất ở ${counted}, gửi ngày ${formatDateVi(sent!)}; bản này (${sourceLabel(r.source)}) không được tính.`
            : `${r.unit} có nhiều bản báo cáo: tính bản ở ${counted}${r.source.hidden === newest.report.source.hidden ? ' (đọc sau, vì không có ngày gửi tin được để so sánh)' : ''}; bản này (${sourceLabel(r.source)}) không được tính.`;
        this.warn(r.source, r.unit, r.idCells.unit ?? '', 'compile.superseded', `${head} Khác nhau: ${changes.join('; ')}.`);
      }
    }
  }

  private placeOwn(e: ReportEntry): void {
    const node = this.nodeFor(e);
    if (!node) return;
    this.noteCode(e, node);
    this.resubmitted(this.own, node, e);
  }

  /**
   * Without a roster the expected units are the units found: a unit whose
   * report does not count (another period, an unreadable period or year) is
   * still one of its parent's children, shown `Chưa nộp` (docs/spec/TEMPLATE.md §8), so that
   * it is not silently missing from the summary. Its report adds nothing.
   */
  private placeExpected(e: ReportEntry): void {
    const r = e.report;
    // A unit of a closed roster is found, never added.
    const node = this.roster.closed ? this.roster.find(r.unit, r.unitCode) : !r.unit || !r.parent?.trim() ? undefined : this.nodeFor(e);
    if (node && this.heldBack.has(e) && !this.heldBackOf.has(node)) this.heldBackOf.set(node, e);
  }

  /** Two different units giving the same `Mã đơn vị` (a file copied from a neighbour): say so. */
  private noteCode(e: ReportEntry, node: UnitNode): void {
    const r = e.report;
    const k = codeKey(r.unitCode);
    if (!k || this.roster.closed) return;
    const owner = this.codeOwners.get(k);
    if (!owner) this.codeOwners.set(k, node);
    else if (owner !== node) {
      this.warn(r.source, r.unit, r.idCells.unitCode ?? '', 'compile.code-shared',
        `Mã đơn vị ${r.unitCode} của ${r.unit} trùng với mã của ${owner.name}: hai đơn vị được tính riêng theo tên; đề nghị kiểm tra lại mã.`);
    }
  }

  private placeCompiled(e: ReportEntry): void {
    const r = e.report;
    // A unit compiled here already: do not let its old output add links to the tree.
    const known = this.roster.find(r.unit, r.unitCode);
    const node = known && this.hasFreshChildren(known) ? known : this.nodeFor(e);
    if (!node) return;
    this.resubmitted(this.compiled, node, e);
  }

  /**
   * A compiled report with no `Đơn vị cấp trên` is not readable as a child,
   * but when its unit is compiled here it is that unit's earlier output (a
   * compile without a plan does not know the parent): recognise it as such,
   * so compiling again does not list errors about the compiler's own sheet.
   */
  private placeParentless(e: ReportEntry): void {
    const r = e.report;
    const node = this.roster.find(r.unit, r.unitCode);
    if (!node || !this.hasFreshChildren(node) || this.compiled.has(node)) return;
    e.reason = undefined;
    this.compiled.set(node, e);
  }

  private hasFreshChildren(node: UnitNode): boolean {
    for (const c of node.children) {
      if (c === node) continue;
      if (this.own.has(c) || this.compiled.has(c) || this.hasFreshChildren(c)) return true;
    }
    return false;
  }

  // ------------------------------------------------------------ rolling up

  private isRoot(node: UnitNode): boolean {
    return !node.parent || node === this.roster.root;
  }

  /** What `node` brings to its parent (null: nothing counted), producing its summary on the way. */
  private evaluate(node: UnitNode): ChildData | null {
    const kids = node.children;
    const kidData = kids.map((k) => this.evaluate(k));
    const fresh = kidData.some((d) => d !== null);
    const own = this.own.get(node);
    let comp = this.compiled.get(node);
    if (comp && (fresh || this.isRoot(node))) {
      // Its own earlier output, or superseded by the fresh roll-up: which one is decided once the tree is done.
      this.superseded.push({ node, entry: comp });
      comp = undefined;
    }
    // A compiled report of a unit below (a district's, used as it is) needs approval too when only approved ones count.
    if (comp && !this.passesApprovedOnly(comp)) comp = undefined;
    if (comp) {
      comp.counted = true;
      if (own) {
        own.reason = 'Số liệu của đơn vị đã nằm trong báo cáo tổng hợp của chính đơn vị.';
        const r = own.report;
        this.warn(r.source, r.unit, r.idCells.unit ?? '', 'compile.own-in-compiled',
          `${r.unit} có cả báo cáo tổng hợp (${sourceLabel(comp.report.source)}) và báo cáo riêng này: chỉ tính báo cáo tổng hợp (đã gồm số liệu của đơn vị).`);
      }
      return this.dataOfReport(comp);
    }
    if (kids.length === 0) {
      if (!own) return null;
      own.counted = true;
      return this.dataOfReport(own);
    }
    if (!fresh && !own) return null;
    // A unit known only as the parent of one unit that is itself a roll-up (say the province named by
    // the district being compiled): its summary would repeat that one; pass the figures up without one.
    const withData = kidData.filter((d): d is ChildData => d !== null);
    if (!own && node !== this.roster.root && withData.length === 1 && !withData[0].entry) return withData[0];
    const summary = this.summarize(node, kidData, own);
    this.summarized.add(node);
    this.summaries.push({ summary, order: this.summaries.length });
    const joined = joinAssessments(summary.assessments, displayUnitName);
    return {
      figures: summary.figures,
      tasks: Object.fromEntries(summary.tasks.map((t) => [t.stt, t.complete])),
      assessments: ASSESSMENT_LABELS.filter((a) => joined[a.key]).map((a) => ({ unit: summary.unit, key: a.key, text: joined[a.key]! })),
      documents: summary.documents,
      otherForms: summary.otherForms,
    };
  }

  /**
   * Compiled reports left out: silently when they are the compiler's own
   * earlier output (own-outputs.ts); otherwise with a warning, a unit above
   * them being compiled too (fresh roll-up preferred over the copy).
   */
  private settleSuperseded(): void {
    for (const { entry } of this.superseded) {
      const r = entry.report;
      if (this.ownEntries.has(entry)) {
        entry.reason = 'Báo cáo tổng hợp do chính đơn vị tổng hợp lập ở lần chạy trước: không tính lại.';
        continue;
      }
      entry.reason = 'Đã tổng hợp lại từ báo cáo của các đơn vị cấp dưới; báo cáo tổng hợp này không được tính để tránh tính hai lần.';
      this.warn(r.source, r.unit, r.idCells.reportType ?? '', 'compile.compiled-superseded',
        `Có cả báo cáo tổng hợp của ${r.unit} và báo cáo của các đơn vị cấp dưới: dùng số liệu tổng hợp lại từ các đơn vị cấp dưới, không tính báo cáo tổng hợp này.`);
    }
  }

  private dataOfReport(e: ReportEntry): ChildData {
    const r = e.report;
    return {
      figures: r.figures,
      tasks: markTasks(r.tasks, this.tasks),
      sentDate: believedSentDate(r, this.sentWindow),
      source: r.source,
      entry: e,
      assessments: ASSESSMENT_LABELS.filter((a) => r.assessment[a.key]?.trim())
        .map((a) => ({ unit: r.unit, key: a.key, text: r.assessment[a.key]!.trim() })),
      documents: r.docRef?.trim() ? [{ unit: r.unit, docRef: r.docRef.trim() }] : [],
      otherForms: r.otherForms,
    };
  }

  private childRow(node: UnitNode, data: ChildData | null, isSelf: boolean): ChildRow {
    const base = { unit: node.name, unitCode: node.code, level: node.level, isSelf };
    if (!data) {
      const held = this.heldBackOf.get(node);
      if (held) {
        return {
          ...base, status: STATUS_NOT_COUNTED, figures: null, rates: null, tasks: {}, sentDate: held.report.sentDate, source: held.report.source,
          ...(held.approval ? { approval: held.approval.state } : {}), ...(held.reason ? { reason: held.reason } : {}),
        };
      }
      return { ...base, status: STATUS_MISSING, figures: null, rates: null, tasks: {} };
    }
    let status = STATUS_ON_TIME;
    if (data.sentDate && data.sentDate > this.deadline) {
      status = STATUS_LATE;
      const r = data.entry?.report;
      if (r) {
        this.warn(r.source, r.unit, r.idCells.sentDate ?? r.idCells.docRef ?? '', 'compile.late',
          `Báo cáo gửi ngày ${formatDateVi(data.sentDate)}, sau hạn nộp ${formatDateVi(this.deadline)}: ghi nhận Nộp muộn (số liệu vẫn được tính).`);
      }
    }
    return {
      ...base,
      status,
      figures: data.figures,
      rates: computeRates(data.figures),
      sentDate: data.sentDate,
      tasks: data.tasks,
      source: data.source,
      ...(data.entry?.approval ? { approval: data.entry.approval.state } : {}),
    };
  }

  private summarize(node: UnitNode, kidData: (ChildData | null)[], own: ReportEntry | undefined): ParentSummary {
    const rows: ChildRow[] = [];
    const datas: ChildData[] = [];
    if (own) {
      own.counted = true;
      const d = this.dataOfReport(own);
      datas.push(d);
      rows.push(this.childRow(node, d, true));
    }
    node.children.forEach((kid, i) => {
      const d = kidData[i];
      if (d) datas.push(d);
      rows.push(this.childRow(kid, d, false));
    });
    const { figures, emptyCounts } = rollupFigures(datas.map((d) => d.figures));
    const parent = node === this.roster.root ? this.plan?.parent ?? node.parentName : node.parent?.name ?? node.parentName;
    node.level = inferLevel(node);
    if (!parent?.trim() && needsParent(node.level)) {
      // The compiled report goes one level up: without a parent the next level cannot read it.
      this.findings.push(makeFinding('warning', { unit: node.name, file: this.plan?.source.file, sheet: this.plan?.source.sheet ?? '', cell: '' },
        'compile.parent-unknown',
        `Chưa biết đơn vị cấp trên của ${node.name}: ô «Đơn vị cấp trên» của báo cáo tổng hợp sẽ để trống. Hãy ghi «Đơn vị cấp trên» trong trang Kế hoạch, hoặc điền vào báo cáo trước khi gửi lên cấp trên.`));
    }
    return {
      unit: node.name,
      unitCode: node.code,
      level: node.level,
      parent: parent?.trim() || undefined,
      depth: this.roster.depth(node),
      figures,
      emptyCounts,
      rates: computeRates(figures),
      children: rows,
      tasks: summarizeTasks(this.tasks, rows),
      assessments: datas.flatMap((d) => d.assessments),
      documents: datas.flatMap((d) => d.documents),
      deadline: this.deadline,
      span: periodSpan(this.period, this.year, this.plan),
      otherForms: sumOtherForms(datas.map((d) => d.otherForms)),
    };
  }

  /** The plan's task checks on every counted report (findings only: they never remove a report). */
  private checkTasks(): void {
    if (!this.plan || !this.plan.tasks.length) return;
    // Listed with the report's own findings, in reading order.
    for (const item of this.readFindings) if (item.entry?.counted) item.findings = [...item.findings, ...checkTasksAgainstPlan(item.entry.report, this.plan)];
  }

  // ------------------------------------------------------------ findings

  private warn(src: SourceRef, unit: string, cell: string, rule: RuleId, message: string): void {
    this.findings.push(makeFinding('warning', { unit, file: src.file, sheet: src.sheet, cell, hidden: src.hidden }, rule, message));
  }

  private error(src: SourceRef, unit: string, cell: string, rule: RuleId, message: string): void {
    this.findings.push(makeFinding('error', { unit, file: src.file, sheet: src.sheet, cell, hidden: src.hidden }, rule, message));
  }
}
