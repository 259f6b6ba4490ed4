/**
 * Picked files read as the command line reads the files it is given, by the
 * .xlsx reader given (src/xlsx/read.ts: loaded on demand on the page,
 * bundled in the compile's worker). Small on purpose: Nhập báo cáo and Kỳ
 * trước read files on the page with it, and the compile (compile-job.ts,
 * loaded on demand or in the worker) reads them with it too.
 */
import { makeFinding, type Finding } from '../core/findings';
import type { RuleId } from '../core/rule-names';
import type { SheetGrid } from '../core/grid';
import { PLAN_SHEET_NAME } from '../core/template';
import { fold } from '../core/text';
import { isLockFileName, isWorkbookName, notWorkbookMessage } from '../xlsx/input-names';

/** A file picked in the pane, already read into memory. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** The .xlsx reader (src/xlsx/read.ts readWorkbook): loaded on demand on the page, bundled in the worker. */
export type WorkbookReader = (bytes: Uint8Array, name: string) => { grids: SheetGrid[]; warnings: string[] };

/** What is counted while a compile runs: the picked files read, or the workbook's unit sheets read. */
export type Counted = 'tệp' | 'đơn vị';

/** Reports how far the work is: `done` of `total` files or units (the pane's progress bar). */
export type Progress = (done: number, total: number, counted?: Counted) => void;

/**
 * The count passed on in steps of 0.5 % (about 200 in all, the first and the
 * last always): the page redraws at each, and a worker posts a message for each.
 */
export function inSteps(progress: Progress): Progress {
  let last = -1;
  let lastTotal = -1;
  return (done, total, counted) => {
    if (total === lastTotal && done !== 0 && done !== total && done - last < Math.ceil(total / 200)) return;
    last = done;
    lastTotal = total;
    progress(done, total, counted);
  };
}

/** The rule of the warning for a file in another format than .xlsx (.xls, .ods…: «lần sau hãy lưu dưới dạng .xlsx»). */
export const OTHER_FORMAT_RULE: RuleId = 'file.other-format';

/** The side the reading runs on: the reader, where progress goes, and how to pause between slices. */
export interface FileHost {
  readWorkbook: () => Promise<WorkbookReader>;
  progress?: Progress;
  /** Called between slices: resolves when the work may go on (the page's main thread yields to paint; the worker needs not). */
  pause?: () => Promise<void>;
}

const fileFinding = (name: string, severity: 'error' | 'warning', rule: RuleId, message: string): Finding =>
  makeFinding(severity, { unit: name, file: name, sheet: '', cell: '' }, rule, message);

/**
 * Reads picked files as the command line reads the files it is given:
 * Excel's lock files (`~$…`) are passed over, a file that is no workbook by
 * its name (.csv, .docx…) and an unreadable one become an error finding, a
 * file in another format than .xlsx (.xls, .ods…) a warning; the others go
 * on. `progress` hears `i` of the files before the i-th is read, and all of
 * them at the end.
 */
export async function readFiles(files: readonly PickedFile[], host: FileHost): Promise<{ grids: SheetGrid[]; problems: Finding[] }> {
  const readWorkbook = await host.readWorkbook();
  const grids: SheetGrid[] = [];
  const problems: Finding[] = [];
  const wanted = files.filter((x) => !isLockFileName(x.name));
  for (const [i, f] of wanted.entries()) {
    if (host.progress) {
      host.progress(i, wanted.length, 'tệp');
      if (host.pause) await host.pause();
    }
    if (!isWorkbookName(f.name)) {
      problems.push(fileFinding(f.name, 'error', 'file.not-xlsx', notWorkbookMessage(f.name)));
      continue;
    }
    try {
      const read = readWorkbook(f.bytes, f.name);
      grids.push(...read.grids);
      for (const message of read.warnings) problems.push(fileFinding(f.name, 'warning', OTHER_FORMAT_RULE, message));
    } catch (e) {
      problems.push(fileFinding(f.name, 'error', 'file.unreadable', e instanceof Error && e.message ? e.message : `Không đọc được tệp "${f.name}".`));
    }
  }
  if (host.progress && wanted.length) host.progress(wanted.length, wanted.length, 'tệp');
  return { grids, problems };
}

/** `Kế hoạch`, `KE HOACH 2024`, `Kế hoạch (2)`: names a plan sheet usually has. */
export const looksLikePlan = (name: string): boolean => fold(name).includes(fold(PLAN_SHEET_NAME));
