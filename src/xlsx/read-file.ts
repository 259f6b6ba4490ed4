/**
 * Node only: the command line's inputs (files and folders) → .xlsx paths,
 * and a file → grids, where any problem with a file becomes a Finding so that
 * the other files still compile.
 */
import * as fs from 'fs';
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { Finding } from '../core/findings';
import type { SheetGrid } from '../core/grid';
import { ACCEPTED_FORMATS, XlsxReadError, otherFormatWarning } from './common';
import { isLockFileName, isWorkbookName, notWorkbookMessage } from './input-names';
import { readXlsxFast } from './fast-read';
import { fileTooLarge } from './zip-limits';
// The command line's one table of system errors (this module serves the command line alone).
import { systemErrorReason } from './system-errors';
import { readerError } from './reader-errors';
import type { RuleId } from '../core/rule-names';

/** What the inputs expand to: the workbook files in reading order, and what was wrong with the rest. */
export interface ExpandedInputs {
  /** Paths as given or joined to their folder, in reading order. */
  files: string[];
  findings: Finding[];
}

/** Spreadsheet-like files that a folder may hold but we do not read: worth a warning. */
const OTHER_SHEET_EXT = /\.(csv|tsv|numbers|et|ett|fods)$/i;
/** A workbook the readers take (input-names.ts, the same test as the pane's). */
export const isXlsxName = isWorkbookName;

/** A finding about a whole file (no sheet, no cell): the unit is the file's name. */
export function fileFinding(file: string, rule: RuleId, message: string, severity: Finding['severity'] = 'error'): Finding {
  const name = path.basename(file);
  return { severity, unit: name, file: name, sheet: '', cell: '', rule, message };
}

/**
 * Expands files and folders. A folder gives every workbook directly inside it,
 * sorted by name (Vietnamese collation), Excel lock files `~$…` skipped. A
 * file named twice is read once.
 */
export async function expandInputs(inputs: string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(p);
  };

  for (const input of inputs) {
    let stat;
    try {
      stat = await fsp.stat(input);
    } catch {
      findings.push(fileFinding(input, 'file.missing', `Không tìm thấy tệp hoặc thư mục "${input}". Hãy kiểm tra lại đường dẫn.`));
      continue;
    }
    if (stat.isDirectory()) {
      const entries = (await fsp.readdir(input, { withFileTypes: true })).filter((d) => !isLockFileName(d.name));
      // A symbolic link is followed when it reaches a regular file, and said so (never skipped silently).
      for (const d of entries.filter((x) => x.isSymbolicLink() && isXlsxName(x.name))) {
        const link = path.join(input, d.name);
        const target = await fsp.stat(link).catch(() => null);
        if (target?.isFile()) {
          findings.push(fileFinding(link, 'file.symlink', `Tệp "${d.name}" trong thư mục "${input}" là liên kết tới "${await fsp.realpath(link)}": đã đọc tệp đó.`, 'warning'));
        } else {
          findings.push(fileFinding(link, 'file.not-regular', target
            ? `Bỏ qua "${d.name}" trong thư mục "${input}": liên kết này không trỏ tới một tệp thường (thư mục, thiết bị, ống dẫn…).`
            : `Bỏ qua "${d.name}" trong thư mục "${input}": liên kết này trỏ tới một tệp không còn tồn tại.`));
        }
      }
      for (const d of entries.filter((x) => !x.isFile() && !x.isDirectory() && !x.isSymbolicLink() && isXlsxName(x.name))) {
        findings.push(fileFinding(path.join(input, d.name), 'file.not-regular',
          `Bỏ qua "${d.name}" trong thư mục "${input}": đây không phải tệp thường (thiết bị, ống dẫn…).`));
      }
      const followed = new Set(findings.filter((f) => f.rule === 'file.symlink').map((f) => f.file));
      const names = entries
        .filter((d) => d.isFile() || (d.isSymbolicLink() && followed.has(d.name)))
        .map((d) => d.name)
        .sort((a, b) => a.localeCompare(b, 'vi'));
      const xlsx = names.filter(isXlsxName);
      for (const other of names.filter((n) => OTHER_SHEET_EXT.test(n))) {
        findings.push(fileFinding(path.join(input, other), 'file.not-xlsx',
          `Bỏ qua tệp "${other}" trong thư mục "${input}": không phải sổ Excel. ${ACCEPTED_FORMATS}; hãy mở tệp trong Excel và lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".`, 'warning'));
      }
      if (xlsx.length === 0) {
        findings.push({
          severity: 'error', unit: path.basename(path.resolve(input)), sheet: '', cell: '', rule: 'input.empty-folder',
          message: `Thư mục "${input}" không có sổ Excel nào (.xlsx, .xls, .xlsb, .ods…).`,
        });
      }
      for (const n of xlsx) add(path.join(input, n));
    } else if (!stat.isFile()) {
      findings.push(fileFinding(input, 'file.not-regular',
        `Không đọc "${input}": đây không phải tệp thường (thiết bị, ống dẫn…). Hãy chỉ ra tệp báo cáo .xlsx.`));
    } else if (isXlsxName(input)) {
      add(input);
    } else {
      findings.push(fileFinding(input, 'file.not-xlsx', notWorkbookMessage(path.basename(input))));
    }
  }
  return { files, findings };
}

/**
 * Reads one file's sheets, with warnings about the file (a format other than
 * .xlsx); throws XlsxReadError (Vietnamese message) on any problem, fs ones included.
 */
export async function readWorkbookFile(file: string): Promise<{ grids: SheetGrid[]; warnings: string[] }> {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    // Synchronous: files are small and mostly read in worker threads, where it is
    // markedly quicker than the promise API's file handles. Opened without blocking
    // and checked on the open file: a pipe would hang, /dev/zero never end.
    const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) throw new XlsxReadError('not-regular', name, `Không đọc "${name}": đây không phải tệp thường (thiết bị, ống dẫn…). Hãy chỉ ra tệp báo cáo .xlsx.`);
      const huge = fileTooLarge(name, st.size);
      if (huge) throw huge;
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError('corrupt', name, `Không đọc được tệp "${name}": ${systemErrorReason(e, file)}.`);
  }
  // The fast path reads plain files; SheetJS reads the rest and explains bad files.
  // SheetJS is loaded only when needed: it costs a tenth of a second per thread.
  const fast = readXlsxFast(bytes, name);
  if (fast) return { grids: fast, warnings: [otherFormatWarning(name, 'xlsx')].filter((w): w is string => w !== null) };
  const { readWorkbook } = await import('./read');
  return readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
}

/** Reads one file's sheets; see readWorkbookFile. */
export async function readXlsxFile(file: string): Promise<SheetGrid[]> {
  return (await readWorkbookFile(file)).grids;
}

/** Reads one file; a problem becomes one error Finding and no grids, a warning about the file a warning Finding. */
export async function readXlsxFileSafely(file: string): Promise<{ grids: SheetGrid[]; findings: Finding[] }> {
  try {
    const { grids, warnings } = await readWorkbookFile(file);
    return { grids, findings: warnings.map((w) => fileFinding(file, 'file.other-format', w, 'warning')) };
  } catch (e) {
    return { grids: [], findings: [readErrorFinding(file, e)] };
  }
}

/** Any error thrown while reading a file, as the Finding the user sees. */
export function readErrorFinding(file: string, e: unknown): Finding {
  if (e instanceof XlsxReadError) return fileFinding(file, `file.${e.reason}`, e.message);
  // A system error in Vietnamese (never `ENOSPC: …`); anything else a library threw, in Vietnamese too (reader-errors.ts).
  if ((e as NodeJS.ErrnoException | undefined)?.code) {
    return fileFinding(file, 'file.unreadable', `Không đọc được tệp "${path.basename(file)}": ${systemErrorReason(e, file)}`);
  }
  const read = readerError(e, path.basename(file));
  return fileFinding(file, `file.${read.reason}`, read.message);
}
