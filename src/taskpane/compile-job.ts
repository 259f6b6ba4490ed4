/**
 * One compile as plain data in and plain data out, so that it can run off
 * the page's main thread (compile-worker.ts, started by compile-client.ts)
 * or, where no worker starts, on it in slices: the picked files read (the
 * .xlsx reader), every sheet read by the core, the compile, last period's
 * outliers, and the output sheets laid out beside the workbook's. What
 * crosses to the worker and back is structured-cloned: grids, reads,
 * CompileResult and OutputSheet are plain objects and arrays (no Map, Set or
 * class instance: test/e2e/compile-job.test.ts clones them).
 *
 * Imports the core and the reader only, never ports.ts (Office.js layer):
 * the worker's bundle holds nothing of Excel nor React.
 */
import { compileReads } from '../core/compile';
import { noReportFinding } from '../core/file-findings';
import type { Finding } from '../core/findings';
import type { SheetGrid } from '../core/grid';
import { layoutOutputs } from '../core/layout';
import { isOwnOutputSheet } from '../core/layout/names';
import type { CompileOptions, CompileResult, PreviousPeriod, SheetRead } from '../core/model';
import { withPreviousOutliers } from '../core/outliers';
import { ownOutputSheetNames, ownOutputsBeside } from '../core/own-outputs';
import { readSheet } from '../core/reader';
import type { OutputSheet } from '../core/sheet-model';
import { PLAN_SHEET_NAME } from '../core/template';
import { fold } from '../core/text';
import { isLockFileName } from '../xlsx/input-names';
import { inSteps, looksLikePlan, readFiles, type FileHost, type PickedFile } from './picked-files';

export type { Counted, PickedFile, Progress, WorkbookReader } from './picked-files';

export interface CompileJob {
  /** The open workbook's sheets, every one compiled (Tổng hợp, Kiểm tra). */
  grids?: SheetGrid[];
  /**
   * Picked files, read as the command line reads them and compiled with the
   * plans among `beside` (Tổng hợp từ tệp; the page without Excel has no `beside`).
   */
  files?: PickedFile[];
  /** The workbook's plan and earlier output sheets beside the picked files. */
  beside?: SheetGrid[];
  options?: CompileOptions;
  /** Last period's figures: outliers against them, and the summary's kỳ trước columns. */
  previous?: PreviousPeriod;
  /**
   * The names of the workbook's sheets: the outputs are laid out so that none
   * clashes with a sheet that stays (those the output replaces are free). Absent:
   * nothing laid out (Kiểm tra). Empty: a new workbook (the page's tong-hop.xlsx).
   */
  names?: string[];
}

export interface CompileJobResult {
  result: CompileResult;
  /** The sheets the output replaces, lower-cased (own-outputs.ts ownOutputSheetNames). */
  own: string[];
  /** The output sheets, in workbook order; empty when nothing was read or nothing asked (`names` absent). */
  sheets: OutputSheet[];
  /** The picked files that could not be read, or hold no report (errors and warnings naming the file). */
  problems: Finding[];
}

/** What the job needs from the side it runs on (the reader, where progress goes, how to pause). */
export type JobHost = FileHost;

/**
 * Every sheet read by the core, counting the unit sheets for the progress
 * bar: a sheet named like the plan or like the compiler's own output is read
 * but not counted as a unit (a workbook of 1,000 units says 1,000).
 */
async function readSheets(grids: readonly SheetGrid[], host: JobHost): Promise<SheetRead[]> {
  const counted = (g: SheetGrid) => !isOwnOutputSheet(g.sheet) && !looksLikePlan(g.sheet);
  const total = grids.filter(counted).length;
  const reads: SheetRead[] = [];
  let done = 0;
  for (const g of grids) {
    reads.push(readSheet(g));
    if (!counted(g)) continue;
    done++;
    if (host.progress) host.progress(done, total, 'đơn vị');
    if (host.pause) await host.pause();
  }
  return reads;
}

/** The picked files' sheets read, and a file with neither a report nor a plan said (the core's noReportFinding, as the CLI says it). */
async function readPicked(files: readonly PickedFile[], host: JobHost): Promise<{ reads: SheetRead[]; problems: Finding[] }> {
  const { grids, problems } = await readFiles(files, host);
  const reads = grids.map((g) => readSheet(g));
  for (const f of files) {
    if (isLockFileName(f.name)) continue;
    const mine = grids.flatMap((g, i) => (g.file === f.name ? [i] : []));
    const noReport = noReportFinding(f.name, mine.map((i) => grids[i]), mine.map((i) => reads[i]));
    if (noReport) problems.push(noReport);
  }
  return { reads, problems };
}

/** Runs one compile: see CompileJob. */
export async function runCompileJob(job: CompileJob, given: JobHost): Promise<CompileJobResult> {
  const host: JobHost = given.progress ? { ...given, progress: inSteps(given.progress) } : given;
  let result: CompileResult;
  let own: Set<string>;
  let problems: Finding[] = [];
  if (job.files) {
    const picked = await readPicked(job.files, host);
    problems = picked.problems;
    // Each workbook sheet read once: the plan goes into the compile, the earlier outputs are what the output replaces.
    const beside = (job.beside ?? []).map((g) => ({ g, read: readSheet(g) }));
    const plans = beside.filter((x) => x.read.kind === 'plan' || fold(x.g.sheet) === fold(PLAN_SHEET_NAME)).map((x) => x.read);
    result = withPreviousOutliers(compileReads([...plans, ...picked.reads], job.options ?? {}, problems), job.previous);
    own = ownOutputSheetNames(ownOutputsBeside(beside.map((x) => x.read), result));
  } else {
    const reads = await readSheets(job.grids ?? [], host);
    result = compileReads(reads, job.options ?? {});
    if (job.previous) result = withPreviousOutliers(result, job.previous);
    own = ownOutputSheetNames(result.ownOutputs);
  }
  // Nothing read: nothing laid out (no empty Kiểm tra sheet in the user's workbook).
  const sheets = job.names && result.reports.length
    ? layoutOutputs(result, job.previous ? { taken: job.names.filter((n) => !own.has(n.toLowerCase())), previous: job.previous } : { taken: job.names.filter((n) => !own.has(n.toLowerCase())) })
    : [];
  return { result, own: [...own], sheets, problems };
}
