/**
 * A folder of files named after units (`tonghop template --plan -o <thư mục>`,
 * `tonghop feedback -o <thư mục>`): the run never replaces a file it did not
 * write. A manifest in the folder (MANIFEST_NAME) records, per command, each
 * file it wrote and a hash of its bytes. An existing file may be replaced
 * only when the same command wrote it in an earlier run and nobody has
 * changed it since; any other file there (a report filled in and saved under
 * a template's name, a file of the user's, a link to elsewhere) is kept, and
 * the new file is written beside it under the next free name
 * (core/file-names.ts uniqueFileName), which the run says.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { fileNameKey, uniqueFileName } from '../core/file-names';
import type { OutputFile } from './output-files';

export const MANIFEST_NAME = '.tonghop-da-ghi.json';

/** command → file name → sha256 of the bytes written. */
type Manifest = Record<string, Record<string, string>>;

const sha256 = (data: Uint8Array | string): string => crypto.createHash('sha256').update(data).digest('hex');

function readManifest(folder: string): Manifest {
  try {
    const file = path.join(folder, MANIFEST_NAME);
    if (fs.lstatSync(file).isSymbolicLink()) return {};
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return m && typeof m === 'object' ? (m as Manifest) : {};
  } catch {
    return {};
  }
}

/** The bytes' hash of a regular file (never through a link); null when absent, a link, or not a file. */
function hashOfFile(file: string): string | null {
  try {
    const st = fs.lstatSync(file);
    return st.isFile() ? sha256(fs.readFileSync(file)) : null;
  } catch {
    return null;
  }
}

export interface FolderPlacement {
  /** The files to write (the manifest last), for output-files.ts writeAllOrNone. */
  outputs: OutputFile[];
  /** Each file's name as written, in the order given. */
  names: string[];
  /** One Vietnamese sentence per file written beside one kept. */
  notes: string[];
}

/**
 * Where each of `files` goes in `folder` for `command`. `files[i].name` is
 * already a safe name (core/file-names.ts); `stem`/`ext` let a file kept in
 * the way be stepped around as `stem (2).ext`.
 */
export function placeInFolder(folder: string, command: string, files: readonly { name: string; data: Uint8Array | string }[]): FolderPlacement {
  const manifest = readManifest(folder);
  const ours = manifest[command] ?? {};
  let present: string[] = [];
  try {
    present = fs.readdirSync(folder);
  } catch {
    // A new folder: nothing in the way.
  }
  const byKey = new Map(present.map((n) => [fileNameKey(n), n]));
  const mine = (name: string): boolean => {
    const onDisk = byKey.get(fileNameKey(name));
    if (onDisk === undefined) return true;
    const h = hashOfFile(path.join(folder, onDisk));
    return onDisk === name && h !== null && ours[name] === h;
  };
  // Names taken: what is on disk and not ours to replace, then what this run places.
  const taken = new Set(present.filter((n) => !mine(n)).map(fileNameKey));
  taken.add(fileNameKey(MANIFEST_NAME));
  const names: string[] = [];
  const notes: string[] = [];
  const written: Record<string, string> = {};
  const outputs: OutputFile[] = [];
  for (const f of files) {
    const ext = path.extname(f.name);
    const name = uniqueFileName(f.name.slice(0, f.name.length - ext.length), ext, taken);
    if (name !== f.name) {
      notes.push(`Trong thư mục đã có tệp "${byKey.get(fileNameKey(f.name)) ?? f.name}" không do lệnh này ghi (hoặc đã được sửa sau đó): giữ nguyên tệp ấy, ghi tệp mới thành "${name}".`);
    }
    names.push(name);
    written[name] = sha256(f.data);
    outputs.push({ path: path.join(folder, name), data: f.data, noFollow: true });
  }
  // Earlier files of this command still as written stay on the list (a later run may replace them).
  const kept = Object.fromEntries(Object.entries(ours).filter(([n, h]) => !(n in written) && hashOfFile(path.join(folder, n)) === h));
  const next: Manifest = { ...manifest, [command]: { ...kept, ...written } };
  outputs.push({ path: path.join(folder, MANIFEST_NAME), data: JSON.stringify(next, null, 1), noFollow: true });
  return { outputs, names, notes };
}
