/**
 * Every file the command line writes goes through here:
 *
 * - `guardOutputs` compares REAL files (device and inode, links followed),
 *   not path strings, so `-o` through a symbolic or hard link to a unit's
 *   report, the plan, last period's workbook or another output of the same
 *   run is refused before anything is read or written;
 * - `writeAllOrNone` writes each output to a temporary file in its own
 *   folder, flushes it to disk, and only then renames them all into place;
 *   if any step fails, the old outputs are put back, so a run's outputs all
 *   land or none replaces the old ones, and a kill, a full disk or a locked
 *   file never leaves a truncated workbook behind;
 * - a journal (`.tonghop-journal.<pid>.<rand>.json` in each output folder)
 *   says what a run is doing: a run killed between two renames leaves it,
 *   and the next run writing into that folder rolls the killed run back
 *   (the old files return, the new ones and every temporary file go) before
 *   it writes (recoverInterruptedRuns).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileNameKey } from '../core/file-names';
import { systemErrorReason } from '../xlsx/system-errors';

/** A file the run must never write over (an input, the plan, last period's workbook). */
export interface ProtectedFile {
  path: string;
  /** What it is, in Vietnamese: `tệp báo cáo đầu vào`, `tệp Kế hoạch`, `sổ tổng hợp kỳ trước`. */
  role: string;
  /** The compiler's own earlier output, which this run may replace (docs/spec/TEMPLATE.md §7). */
  replaceable?: boolean;
}

export interface OutputFile {
  path: string;
  data: Uint8Array | string;
  /**
   * The name was built from text a unit typed (a template's, a letter's):
   * a link there is never followed (the run writes beside it instead, folder-outputs.ts),
   * and the rename replaces the name itself, never what a link points to.
   */
  noFollow?: boolean;
}

/** A refusal or failure the user can act on; the message is Vietnamese and complete. */
export class OutputError extends Error {}

/** `dev:ino` of the regular file a path reaches (links followed); null when nothing is there yet. */
function fileIdentity(p: string): string | null {
  try {
    const st = fs.statSync(p);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/** Where a not-yet-existing output will be: its folder's real path and its name (two spellings of one folder agree). */
function futurePath(p: string): string {
  const abs = path.resolve(p);
  let dir = path.dirname(abs);
  try {
    dir = fs.realpathSync(dir);
  } catch {
    // The folder does not exist yet: it will be created as spelled.
  }
  return path.join(dir, path.basename(abs));
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Refuses (throws OutputError) when an output is one of the protected files
 * or another output of the same run, when it names a folder, or when it is
 * not a regular file (a device, a pipe).
 */
export function guardOutputs(outputs: readonly string[], protectedFiles: readonly ProtectedFile[]): void {
  const seen = new Map<string, string>();
  for (const out of outputs) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(out);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) throw new OutputError(`Không ghi được tệp "${out}": đây là một thư mục, không phải tệp.`);
    if (st && !st.isFile()) throw new OutputError(`Không ghi được tệp "${out}": đây không phải tệp thường (thiết bị, ống dẫn…).`);
    const id = fileIdentity(out);
    // By file, and by name without case: on NTFS and APFS `s.xlsx` and `S.XLSX` are one file.
    const keys = [...(id ? [id] : []), `path:${fileNameKey(futurePath(out))}`];
    const twin = keys.map((k) => seen.get(k)).find((t) => t !== undefined);
    if (twin !== undefined) {
      throw new OutputError(`Hai tệp kết quả của cùng một lần chạy trùng nhau: "${twin}" và "${out}". Hãy đặt tên khác nhau.`);
    }
    for (const k of keys) seen.set(k, out);
    if (!id) continue;
    for (const p of protectedFiles) {
      if (p.replaceable || fileIdentity(p.path) !== id) continue;
      const how = path.resolve(p.path) === path.resolve(out) ? '' : isLink(out) || isLink(p.path) ? ' (qua một liên kết)' : ' (cùng một tệp dưới tên khác)';
      throw new OutputError(
        `Không ghi tệp "${out}": đó chính là ${p.role} "${p.path}"${how}; ghi đè sẽ làm mất tệp đó. Hãy chọn tên khác cho tệp kết quả.`,
      );
    }
  }
}

/** Test hooks: a failure simulated between writing the temporary files and renaming them, or after a rename. */
export interface WriteHooks {
  afterTempsWritten?: () => void;
  /** After the i-th output (from 1) is renamed into place (test/cli/output-journal.test.ts kills the process there). */
  afterRename?: (i: number) => void;
}

function tempName(target: string, tag: string): string {
  const rand = Math.random().toString(36).slice(2, 8);
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${rand}.${tag}`);
}

function writeDurably(file: string, data: Uint8Array | string): void {
  const fd = fs.openSync(file, 'wx', 0o644);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeQuietly(file: string | undefined): void {
  if (!file) return;
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone.
  }
}

/** The file an output path really names: through a symbolic link, its target (so the link keeps working). */
function realTarget(p: string): string {
  if (!isLink(p)) return path.resolve(p);
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

// ---------------------------------------------------------------- the journal

const JOURNAL = /^\.tonghop-journal\.(\d+)\.[a-z0-9]+\.json(?:\.part)?$/;

interface JournalEntry {
  target: string;
  temp: string;
  /** The old file's second name, while the new one is renamed over it. */
  backup?: string;
}

/** What a run is doing: `writing` its temporary files, `renaming` them into place, `committed` (only cleaning up left). */
interface Journal {
  state: 'writing' | 'renaming' | 'committed';
  entries: JournalEntry[];
  /** Every copy of this journal (one per output folder). */
  journals: string[];
}

function writeJournal(j: Journal): void {
  const text = JSON.stringify(j);
  for (const file of j.journals) {
    // Whole or not at all: written beside, flushed, renamed.
    const part = `${file}.part`;
    removeQuietly(part);
    writeDurably(part, text);
    fs.renameSync(part, file);
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Undoes what a killed run left (its journal's state says how far it got); the journal's copies go last. */
function rollBack(j: Journal): void {
  for (const e of j.entries) {
    if (j.state === 'committed') {
      removeQuietly(e.backup);
      removeQuietly(e.temp);
      continue;
    }
    if (j.state === 'renaming' && e.backup && fs.existsSync(e.backup)) {
      fs.renameSync(e.backup, e.target);
      removeQuietly(e.backup); // a hard link to the very file: rename left it
    } else if (j.state === 'renaming' && !e.backup && !fs.existsSync(e.temp)) {
      removeQuietly(e.target); // renamed into place where nothing was: the new file goes
    }
    removeQuietly(e.temp);
    if (j.state === 'writing') removeQuietly(e.backup);
  }
  for (const f of j.journals) {
    removeQuietly(f);
    removeQuietly(`${f}.part`);
  }
}

/**
 * Finishes what a killed run left in these folders: a run cut between its
 * renames is rolled back (its old files return), a committed one cleaned up;
 * its temporary files and journal are removed. A run still going (its
 * process alive) is left alone. Returns one sentence per run undone.
 */
export function recoverInterruptedRuns(dirs: readonly string[]): string[] {
  const notes: string[] = [];
  for (const dir of new Set(dirs)) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = JOURNAL.exec(name);
      if (!m || alive(Number(m[1]))) continue;
      const file = path.join(dir, name);
      if (name.endsWith('.part')) {
        removeQuietly(file);
        continue;
      }
      let j: Journal;
      try {
        j = JSON.parse(fs.readFileSync(file, 'utf8')) as Journal;
      } catch {
        removeQuietly(file);
        continue;
      }
      rollBack(j);
      notes.push(j.state === 'committed'
        ? `Đã dọn các tệp tạm của một lần chạy trước bị ngắt giữa chừng (các tệp kết quả của lần đó đã ghi đủ).`
        : `Một lần chạy trước bị ngắt giữa chừng khi đang ghi ${j.entries.length} tệp kết quả: đã trả lại các tệp cũ như trước lần đó và xoá các tệp tạm.`);
    }
  }
  return notes;
}

/**
 * Writes all outputs or none. On failure the message names the file that
 * was not written and says that the old files are intact. A kill part-way
 * leaves a journal that the next run uses to roll back (recoverInterruptedRuns).
 * Returns what was said of earlier runs rolled back, for the caller to print.
 */
export function writeAllOrNone(outputs: readonly OutputFile[], hooks: WriteHooks = {}): string[] {
  const staged = outputs.map((o) => {
    const target = o.noFollow ? path.resolve(o.path) : realTarget(o.path);
    return { target, shown: o.path, data: o.data, temp: tempName(target, 'tmp') } as JournalEntry & { shown: string; data: OutputFile['data'] };
  });
  const dirs = [...new Set(staged.map((s) => path.dirname(s.target)))];
  const notes = recoverInterruptedRuns(dirs);
  const rand = Math.random().toString(36).slice(2, 8);
  const journal: Journal = {
    state: 'writing',
    entries: staged.map(({ target, temp }) => ({ target, temp })),
    journals: dirs.map((d) => path.join(d, `.tonghop-journal.${process.pid}.${rand}.json`)),
  };
  const abandon = () => rollBack({ ...journal, state: 'writing' });
  for (const [i, s] of staged.entries()) {
    try {
      if (i === 0) {
        for (const d of dirs) fs.mkdirSync(d, { recursive: true });
        writeJournal(journal);
      }
      writeDurably(s.temp, s.data);
    } catch (e) {
      abandon();
      throw new OutputError(`Không ghi được tệp "${s.shown}": ${systemErrorReason(e, s.target)}. ${intact(outputs)}`);
    }
  }
  try {
    hooks.afterTempsWritten?.();
  } catch (e) {
    abandon();
    // A system error (the simulated full disk of test/cli/output-safety.test.ts) is told like any other.
    if ((e as NodeJS.ErrnoException | undefined)?.code && outputs.length > 0) {
      throw new OutputError(`Không ghi được tệp "${outputs[0].path}": ${systemErrorReason(e, outputs[0].path)}. ${intact(outputs)}`);
    }
    throw e;
  }
  let current = staged[0];
  try {
    // Every old file gets its second name before the first rename, and the journal says so.
    for (const [i, s] of staged.entries()) {
      current = s;
      if (!fs.existsSync(s.target)) continue;
      s.backup = tempName(s.target, 'bak');
      journal.entries[i].backup = s.backup;
      writeJournal(journal);
      try {
        fs.linkSync(s.target, s.backup);
      } catch {
        // FAT-formatted USB drives have no hard links.
        fs.copyFileSync(s.target, s.backup);
      }
    }
    journal.state = 'renaming';
    writeJournal(journal);
    for (const [i, s] of staged.entries()) {
      current = s;
      fs.renameSync(s.temp, s.target);
      hooks.afterRename?.(i + 1);
    }
  } catch (e) {
    rollBack(journal);
    throw new OutputError(`Không ghi được tệp "${current.shown}": ${systemErrorReason(e, current.target)}. ${intact(outputs)}`);
  }
  journal.state = 'committed';
  writeJournal(journal);
  rollBack(journal);
  return notes;
}

function intact(outputs: readonly OutputFile[]): string {
  return outputs.length > 1
    ? 'Không tệp kết quả nào được thay: các tệp cũ (nếu có) vẫn nguyên vẹn.'
    : 'Tệp cũ (nếu có) vẫn nguyên vẹn.';
}
