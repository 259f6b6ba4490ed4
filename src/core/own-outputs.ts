/**
 * "Is this sheet the compiler's own earlier output?": the one rule. The
 * compile (compile.ts) applies it and lists the answer on CompileResult
 * (`ownOutputs`, `ownOutputFiles`); the pane, the command line and the
 * Office.js writer take it from there instead of deciding again.
 *
 * An own earlier output is left out of the compile silently (its findings are
 * about the compiler's own sheet, not the units' business) and is what the
 * next output replaces. A sheet is one when it did not count and either
 * - it is a compiled report (`Loại báo cáo: Tổng hợp`) of a unit compiled at
 *   the top here (the root, or no unit above it compiled here), wherever it
 *   comes from: compiling again must give the same totals; or
 * - compiling the open workbook (CompileOptions.openWorkbook: the pane), it is
 *   a sheet of that workbook named like an output
 *   (layout/names.ts isOwnOutputSheet) and either is no report at all
 *   (`TH …`, `SS …`, `BĐ …`, `NV …`, `PL …`, `Kiểm tra`) or is a compiled report of a unit compiled
 *   here. A name alone is not enough: a district's compiled report imported
 *   into the province's workbook is named `BC …` too, and is a child to count.
 * A file (command line) holds only own earlier output when it was read
 * without a problem and each of its sheets is one by the same test, the name
 * included (files have no "open workbook"): only such a file may be
 * overwritten by `-o`.
 */
import type { Finding } from './findings';
import { isOwnOutputSheet } from './layout/names';
import type { CompileResult, SheetRead, SourceRef } from './model';
import { unitKey } from './unit-names';

/** A sheet read, as the rule sees it. */
export interface SheetFacts {
  source: SourceRef;
  /** `report`: a unit's report (compiled or not); `none`: no report at all (skipped); `other`: a plan, an old template. */
  kind: 'report' | 'none' | 'other';
  /** For a report: `Loại báo cáo: Tổng hợp`. */
  compiled?: boolean;
  /** For a report: its unit. */
  unit?: string;
  counted: boolean;
  /** A compiled report left out because its unit is compiled here, with no unit above it compiled here. */
  supersededAtTop?: boolean;
}

/** unitKey of every unit compiled here: each summary's, and the plan's compiling unit. */
export function unitsCompiledHere(result: Pick<CompileResult, 'summaries' | 'plan'>): Set<string> {
  const units = new Set(result.summaries.map((s) => unitKey(s.unit)));
  if (result.plan?.compilingUnit) units.add(unitKey(result.plan.compilingUnit));
  return units;
}

/** Named like an output, and either no report or a compiled report of a unit compiled here. */
function looksLikeOwnOutput(s: SheetFacts, compiledHere: ReadonlySet<string>): boolean {
  if (!isOwnOutputSheet(s.source.sheet)) return false;
  return s.kind === 'none' || (s.kind === 'report' && !!s.compiled && compiledHere.has(unitKey(s.unit ?? '')));
}

/** The rule, for one sheet; `openWorkbook`: sheets without a file are those of the workbook the outputs go to. */
export function isOwnEarlierOutput(s: SheetFacts, compiledHere: ReadonlySet<string>, openWorkbook: boolean): boolean {
  if (s.counted) return false;
  if (s.kind === 'report' && s.compiled && s.supersededAtTop) return true;
  return openWorkbook && !s.source.file && looksLikeOwnOutput(s, compiledHere);
}

/**
 * Files holding nothing but own earlier output: every sheet passes the rule
 * (the open-workbook condition aside) and reading the file gave no
 * finding of its own (`fileFindings`: the problems of files and inputs).
 */
export function ownOutputFiles(sheets: readonly SheetFacts[], compiledHere: ReadonlySet<string>, fileFindings: readonly Finding[]): string[] {
  const byFile = new Map<string, SheetFacts[]>();
  for (const s of sheets) {
    if (!s.source.file) continue;
    const list = byFile.get(s.source.file) ?? [];
    list.push(s);
    byFile.set(s.source.file, list);
  }
  const troubled = new Set(fileFindings.map((f) => f.file));
  return [...byFile].filter(([file, list]) => !troubled.has(file) && list.every((s) =>
    !s.counted && ((s.kind === 'report' && s.compiled && s.supersededAtTop) || looksLikeOwnOutput(s, compiledHere)))).map(([file]) => file);
}

/** The facts of a sheet read outside a compile (never counted there). */
export function factsOfRead(read: SheetRead): SheetFacts {
  switch (read.kind) {
    case 'report': return { source: read.report.source, kind: 'report', compiled: read.report.compiled, unit: read.report.unit, counted: false };
    case 'skipped': return { source: read.source, kind: 'none', counted: false };
    case 'plan': return { source: read.plan.source, kind: 'other', counted: false };
    default: return { source: read.source, kind: 'other', counted: false };
  }
}

/**
 * Sheets of the open workbook read beside a compile that did not include them
 * (Tổng hợp từ tệp compiles picked files; the workbook's outputs are still
 * what it replaces): which of them are own earlier outputs of that compile.
 */
export function ownOutputsBeside(reads: readonly SheetRead[], result: Pick<CompileResult, 'summaries' | 'plan'>): SourceRef[] {
  const here = unitsCompiledHere(result);
  return reads.map(factsOfRead).filter((s) => isOwnEarlierOutput(s, here, true)).map((s) => s.source);
}

/**
 * Lower-cased names of the open workbook's sheets that are own earlier
 * outputs: the sheets the Office.js writer replaces or deletes.
 */
export function ownOutputSheetNames(ownOutputs: readonly SourceRef[]): Set<string> {
  return new Set(ownOutputs.filter((s) => !s.file).map((s) => s.sheet.toLowerCase()));
}

/** The same source (file and sheet; sheet names compared as Excel does, ignoring case). */
export function sameSource(a: SourceRef, b: Pick<SourceRef, 'file' | 'sheet'>): boolean {
  return (a.file ?? '') === (b.file ?? '') && a.sheet.toLowerCase() === b.sheet.toLowerCase();
}
