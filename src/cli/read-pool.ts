/**
 * Reading many files: a pool of worker threads (one per core, default 2)
 * parses files and runs the reader; the main thread reads files from the
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
  /** Worker threads; 0 reads in the main thread. Default: `os.availableParallelism()` (at least 2 when there are enough files). */
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
 * Worker threads for this machine now: one per core that is free. Threads
 * only pay when cores are idle; on a machine already running a job per core
 * each thread's start (loading the reader, warming the JIT) costs more than
 * it gives: on the shared 2-core test machine at load ≥ 2, reading 1,000
 * files took 15–25 % longer with 2 workers than in the main thread alone.
 * (`loadavg` is 0 on Windows: all cores count as free there.)
 */
export function defaultWorkerCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const free = Math.floor(cores - os.loadavg()[0]);
  return Math.max(0, Math.min(cores, free, 8));
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
  const wanted = options.workers ?? defaultWorkerCount();
  const minFiles = options.minFilesForWorkers ?? MIN_FILES_FOR_WORKERS;
  // Under ts-jest there is no compiled worker script: read in the main thread.
  if (wanted <= 0 || files.length === 0 || files.length < minFiles || !fs.existsSync(script)) {
    return readFilesInMainThread(files, options.onProgress);
  }
  return readWithWorkers(files, Math.min(wanted, files.length), script, options.mainThreadReads ?? true, options.onProgress);
}

function readWithWorkers(
  files: string[], count: number, script: string, mainThreadReads: boolean, onProgress?: (done: number, total: number) => void,
): Promise<ReadFilesResult> {
  return new Promise((resolve, reject) => {
    const results: (FileReads | undefined)[] = new Array(files.length);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;

    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve(merge(results as FileReads[], count));
    };

    const feed = (w: Worker) => {
      if (next < files.length) {
        const index = next++;
        w.postMessage({ index, file: files[index] });
      }
    };

    // The main thread reads too while the workers start and run: otherwise it only waits.
    const readHere = async () => {
      while (!settled && next < files.length) {
        const index = next++;
        results[index] = await readFileSheets(files[index]);
        done++;
        onProgress?.(done, files.length);
        if (done === files.length) return finish();
        // Let the workers' messages in between two files.
        await new Promise((r) => setImmediate(r));
      }
    };

    for (let i = 0; i < count; i++) {
      const w = new Worker(script);
      workers.push(w);
      w.on('message', (msg: { index: number; result?: FileReads; error?: string }) => {
        results[msg.index] = msg.result ?? {
          file: files[msg.index],
          reads: [],
          findings: [fileFinding(files[msg.index], 'file.unreadable', `Không đọc được tệp "${path.basename(files[msg.index])}": ${msg.error}`)],
        };
        done++;
        onProgress?.(done, files.length);
        if (done === files.length) finish();
        else feed(w);
      });
      w.on('error', (e) => finish(e instanceof Error ? e : new Error(String(e))));
      w.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`Luồng đọc tệp dừng bất thường (mã ${code}).`));
      });
      // Two files in flight per worker, so a worker never waits for the main thread.
      feed(w);
      feed(w);
    }
    if (mainThreadReads) readHere().catch((e) => finish(e instanceof Error ? e : new Error(String(e))));
  });
}
