/**
 * Reading many files: a pool of worker threads (defaultWorkerCount: none on
 * 2 cores, cores − 2 above) parses files and runs the reader; the main thread reads files from the
 * same queue while it waits, gathers the reads in input order, and compiles. Few files are read in the
 * main thread, where starting workers would cost more than it saves.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Finding } from '../core/findings';
import type { SheetRead } from '../core/model';
import { fileFinding } from '../xlsx/read-file';
import { readFileSheets, type FileReads } from './read-one';

export interface ReadFilesOptions {
  /** Worker threads; 0 reads in the main thread. Default: defaultWorkerCount (cores and files). */
  workers?: number;
  /** Below this many files the main thread reads them (default 8). */
  minFilesForWorkers?: number;
  /** Called after each file with (files done, files in all). */
  onProgress?: (done: number, total: number) => void;
  /** The compiled worker script; default `read-worker.js` next to this module. */
  workerScript?: string;
  /** The main thread reads files too while waiting (default true); false: workers only (tests). */
  mainThreadReads?: boolean;
}

export interface ReadFilesResult {
  /** Every sheet's read, files in input order, sheets in workbook order. */
  reads: SheetRead[];
  /** Problems with whole files. */
  findings: Finding[];
  /** Per file, in input order. */
  files: FileReads[];
  /** Worker threads actually used (0: main thread). */
  workersUsed: number;
}

export const MIN_FILES_FOR_WORKERS = 8;

/**
 * Files each worker thread must have for its start to pay: a thread costs
 * about what reading 50 files costs (a fresh V8 isolate, the reader's
 * modules loaded and compiled again), so fewer files are read faster by the
 * main thread alone.
 */
export const FILES_PER_WORKER = 64;

/**
 * Worker threads for `files` files on a machine of `cores` cores: one per
 * core besides the main thread and one more core left to V8's own background
 * threads (garbage collection, optimising compiler), which a cold reader
 * keeps busy; only as many as have FILES_PER_WORKER files each; at most 8.
 * Measured on a quiet 2-core machine (bench/out/units-1000, interleaved
 * runs): one worker read 1,000 files in 0.98–1.11 s against 1.04–1.07 s in
 * the main thread alone, and 400 files in 1.06–1.37 s against 1.04–1.19 s,
 * so a 2-core machine reads in the main thread. The load average is not
 * consulted: it says what other programs did in the last minute, not what
 * they will do in the next second, and made the count change from one run
 * to the next on the same files.
 */
export function defaultWorkerCount(files: number, cores: number = machineCores()): number {
  return Math.max(0, Math.min(cores - 2, Math.floor(files / FILES_PER_WORKER), 8));
}

function machineCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

function defaultWorkerScript(): string {
  return path.join(__dirname, 'read-worker.js');
}

function merge(files: FileReads[], workersUsed: number): ReadFilesResult {
  return {
    reads: files.flatMap((f) => f.reads),
    findings: files.flatMap((f) => f.findings),
    files,
    workersUsed,
  };
}

export async function readFilesInMainThread(files: string[], onProgress?: (done: number, total: number) => void): Promise<ReadFilesResult> {
  const out: FileReads[] = [];
  for (const f of files) {
    out.push(await readFileSheets(f));
    onProgress?.(out.length, files.length);
  }
  return merge(out, 0);
}

export async function readFiles(files: string[], options: ReadFilesOptions = {}): Promise<ReadFilesResult> {
  const script = options.workerScript ?? defaultWorkerScript();
  const wanted = options.workers ?? defaultWorkerCount(files.length);
  const minFiles = options.minFilesForWorkers ?? MIN_FILES_FOR_WORKERS;
  // Under ts-jest there is no compiled worker script: read in the main thread.
  if (wanted <= 0 || files.length === 0 || files.length < minFiles || !fs.existsSync(script)) {
    return readFilesInMainThread(files, options.onProgress);
  }
  return readWithWorkers(files, Math.min(wanted, files.length), script, options.mainThreadReads ?? true, options.onProgress);
}

/** What a worker is started with: every file, and the shared counter of the next file to read (read-worker.ts). */
export interface ReadWorkerData {
  files: string[];
  /** An Int32Array's buffer: element 0 is the index of the next file nobody has taken. */
  next: SharedArrayBuffer;
}

/** What a worker posts for each file it read. */
export interface ReadWorkerMessage { index: number; result?: FileReads; error?: string }

/**
 * The workers and the main thread take files from one counter shared in
 * memory (Atomics), each the next one nobody has taken: no thread waits for
 * another to hand it work, a worker slow to start simply reads fewer files,
 * and none is left idle while files remain.
 */
function readWithWorkers(
  files: string[], count: number, script: string, mainThreadReads: boolean, onProgress?: (done: number, total: number) => void,
): Promise<ReadFilesResult> {
  return new Promise((resolve, reject) => {
    const results: (FileReads | undefined)[] = new Array(files.length);
    const workers: Worker[] = [];
    const next = new SharedArrayBuffer(4);
    const counter = new Int32Array(next);
    let done = 0;
    let settled = false;

    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(merge(results as FileReads[], count));
    };

    const store = (index: number, result: FileReads) => {
      results[index] = result;
      done++;
      onProgress?.(done, files.length);
      if (done === files.length) finish();
    };

    // The main thread reads too while the workers start and run: otherwise it only waits.
    const readHere = async () => {
      for (;;) {
        const index = Atomics.add(counter, 0, 1);
        if (settled || index >= files.length) return;
        store(index, await readFileSheets(files[index]));
        // Let the workers' results in between two files.
        await new Promise((r) => setImmediate(r));
      }
    };

    const workerData: ReadWorkerData = { files, next };
    for (let i = 0; i < count; i++) {
      const w = new Worker(script, { workerData });
      workers.push(w);
      w.on('message', (msg: ReadWorkerMessage) => {
        store(msg.index, msg.result ?? {
          file: files[msg.index],
          reads: [],
          findings: [fileFinding(files[msg.index], 'file.unreadable', `Không đọc được tệp "${path.basename(files[msg.index])}": ${msg.error}`)],
        });
      });
      w.on('error', (e) => finish(e instanceof Error ? e : new Error(String(e))));
      w.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`Luồng đọc tệp dừng bất thường (mã ${code}).`));
      });
    }
    if (mainThreadReads) readHere().catch((e) => finish(e instanceof Error ? e : new Error(String(e))));
  });
}
