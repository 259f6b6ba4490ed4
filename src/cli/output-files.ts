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
 *   file never leaves a truncated workbook behind.
 */
import * as fs from 'fs';
import * as path from 'path';
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
    const key = id ?? `path:${futurePath(out)}`;
    const twin = seen.get(key);
    if (twin !== undefined) {
      throw new OutputError(`Hai tệp kết quả của cùng một lần chạy trùng nhau: "${twin}" và "${out}". Hãy đặt tên khác nhau.`);
    }
    seen.set(key, out);
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

/** Test hooks: a failure simulated between writing the temporary files and renaming them. */
export interface WriteHooks {
  afterTempsWritten?: () => void;
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

/**
 * Writes all outputs or none. On failure the message names the file that
 * was not written and says that the old files are intact.
 */
export function writeAllOrNone(outputs: readonly OutputFile[], hooks: WriteHooks = {}): void {
  const staged: { target: string; shown: string; temp: string; backup?: string }[] = [];
  const abandon = () => staged.forEach((s) => removeQuietly(s.temp));
  for (const o of outputs) {
    const target = realTarget(o.path);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temp = tempName(target, 'tmp');
      staged.push({ target, shown: o.path, temp });
      writeDurably(temp, o.data);
    } catch (e) {
      abandon();
      throw new OutputError(`Không ghi được tệp "${o.path}": ${systemErrorReason(e, target)}. ${intact(outputs)}`);
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
  const done: typeof staged = [];
  for (const s of staged) {
    try {
      if (fs.existsSync(s.target)) {
        s.backup = tempName(s.target, 'bak');
        try {
          fs.linkSync(s.target, s.backup);
        } catch {
          // FAT-formatted USB drives have no hard links.
          fs.copyFileSync(s.target, s.backup);
        }
      }
      fs.renameSync(s.temp, s.target);
      done.push(s);
    } catch (e) {
      for (const d of done.reverse()) {
        if (d.backup) fs.renameSync(d.backup, d.target);
        else removeQuietly(d.target);
      }
      removeQuietly(s.backup);
      abandon();
      throw new OutputError(`Không ghi được tệp "${s.shown}": ${systemErrorReason(e, s.target)}. ${intact(outputs)}`);
    }
  }
  for (const s of done) removeQuietly(s.backup);
}

function intact(outputs: readonly OutputFile[]): string {
  return outputs.length > 1
    ? 'Không tệp kết quả nào được thay: các tệp cũ (nếu có) vẫn nguyên vẹn.'
    : 'Tệp cũ (nếu có) vẫn nguyên vẹn.';
}
