/**
 * Runs a compile (compile-job.ts) in a Web Worker, so that the page keeps
 * painting and counting while 1,000 units are read and compiled; or, where
 * no worker starts (no Worker, a script refused, a worker that dies), on the
 * page's main thread in slices, still counting. The result is the same
 * either way: the same job runs on both sides.
 *
 * How the worker starts differs by page: the add-in loads dist/compile-worker.js
 * beside taskpane.html (webpack.config.js builds it as an entry of its own,
 * fetched on the first compile, not with the pane); the page without Excel
 * (dist/app.html, one file opened from file://) starts its own inlined
 * script again from a Blob URL (src/app/boot.ts calls setWorkerStart).
 */
import type { CompileJob, CompileJobResult, JobHost } from './compile-job';
import type { Counted, Progress, WorkbookReader } from './picked-files';

/** To the worker: one job. */
export interface ToWorker {
  id: number;
  job: CompileJob;
}

/** From the worker: its progress, then its result or its failure. */
export type FromWorker =
  | { id: number; type: 'progress'; done: number; total: number; counted?: Counted }
  | { id: number; type: 'done'; out: CompileJobResult }
  | { id: number; type: 'failed'; message: string };

/** Starts the worker; null: this page runs compiles on its main thread. */
export type StartWorker = () => Worker;

/** The add-in's: dist/compile-worker.js, beside the page (taskpane.html, harness.html). */
const startBesidePage: StartWorker = () => new Worker('compile-worker.js', { name: 'tong-hop' });

let start: StartWorker | null = typeof Worker === 'undefined' ? null : startBesidePage;
let worker: Worker | null = null;
let nextId = 1;

/** How this page starts its worker (src/app/boot.ts: from the page's own script); null: no worker. */
export function setWorkerStart(s: StartWorker | null): void {
  start = s;
  if (worker) worker.terminate();
  worker = null;
}

/** The worker could not run the job (did not load, died): the job runs on the main thread instead. */
class WorkerUnavailable extends Error {}

/** The page's worker, started once and kept for the next compiles; null when none can start. */
function theWorker(): Worker | null {
  if (worker || !start) return worker;
  try {
    worker = start();
  } catch {
    // A browser that refuses the worker outright (a security policy): no worker for this page.
    start = null;
  }
  return worker;
}

/** Gives up this page's worker: it failed once, it would again. */
function dropWorker(): void {
  worker?.terminate();
  worker = null;
  start = null;
}

/**
 * Starts the worker ahead of the first compile (loads its script while the
 * user is still choosing), when this page has one.
 */
export function warmCompileWorker(): void {
  theWorker();
}

function inWorker(w: Worker, job: CompileJob, progress?: Progress): Promise<CompileJobResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const done = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onFailure);
      w.removeEventListener('messageerror', onFailure);
    };
    const onMessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (!m || m.id !== id) return;
      if (m.type === 'progress') {
        progress?.(m.done, m.total, m.counted);
        return;
      }
      done();
      if (m.type === 'done') resolve(m.out);
      else reject(new Error(m.message));
    };
    const onFailure = (e: Event) => {
      // The worker's script did not load or the worker died: said by running on the main thread, not in the console.
      e.preventDefault();
      done();
      dropWorker();
      reject(new WorkerUnavailable());
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onFailure);
    w.addEventListener('messageerror', onFailure);
    try {
      w.postMessage({ id, job } satisfies ToWorker);
    } catch {
      done();
      dropWorker();
      reject(new WorkerUnavailable());
    }
  });
}

/** A slice of main-thread work before the page gets a turn to paint and answer (about two frames). */
const SLICE_MS = 32;

/** The job on the main thread, yielding to the page between slices; the core and layout are loaded on demand. */
async function onMainThread(job: CompileJob, readWorkbook: () => Promise<WorkbookReader>, progress?: Progress): Promise<CompileJobResult> {
  const { runCompileJob } = await import(/* webpackChunkName: "compile-job" */ './compile-job');
  let sliceStart = Date.now();
  const host: JobHost = {
    readWorkbook,
    pause: async () => {
      if (Date.now() - sliceStart < SLICE_MS) return;
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = Date.now();
    },
  };
  if (progress) host.progress = progress;
  return runCompileJob(job, host);
}

/**
 * Runs the compile in the worker when this page has one, else (or when it
 * fails to run) on the main thread; `progress` hears the files or units read.
 * `readWorkbook`: the .xlsx reader for the main thread (the worker has its own).
 */
export async function runCompile(job: CompileJob, readWorkbook: () => Promise<WorkbookReader>, progress?: Progress): Promise<CompileJobResult> {
  const w = theWorker();
  if (w) {
    try {
      return await inWorker(w, job, progress);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
    }
  }
  return onMainThread(job, readWorkbook, progress);
}
