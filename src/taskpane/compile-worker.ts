/**
 * The compile's Web Worker (compile-job.ts run off the page's main thread):
 * a job in, progress messages while it reads, the result out. Started by
 * compile-client.ts: in the add-in from dist/compile-worker.js (its own
 * webpack entry, loaded on the first compile), in the page without Excel
 * from the page's own inlined script (src/app/boot.ts).
 *
 * Messages (compile-client.ts ToWorker / FromWorker): `{ id, job }` in;
 * `{ id, type: 'progress', done, total, counted }`, then `{ id, type:
 * 'done', out }` or `{ id, type: 'failed', message }` back.
 */
import { readWorkbook } from '../xlsx/read';
import { runCompileJob } from './compile-job';
import type { FromWorker, ToWorker } from './compile-client';

/** A worker's global scope, as far as this file uses it (tsconfig's lib is the page's DOM, not WebWorker). */
interface Scope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ToWorker>) => void): void;
}

export function serveCompileJobs(scope: Scope): void {
  scope.addEventListener('message', (e) => {
    const { id, job } = e.data;
    // The job counts in steps (picked-files.ts inSteps): about 200 messages for a whole compile.
    const progress = (done: number, total: number, counted?: 'tệp' | 'đơn vị') =>
      scope.postMessage({ id, type: 'progress', done, total, ...(counted ? { counted } : {}) });
    runCompileJob(job, { readWorkbook: async () => readWorkbook, progress }).then(
      (out) => scope.postMessage({ id, type: 'done', out }),
      (err: unknown) => scope.postMessage({ id, type: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
  });
}

// Only where this runs as a worker (a worker's global scope has no document); a test imports it to call serveCompileJobs.
if (typeof self !== 'undefined' && typeof document === 'undefined') serveCompileJobs(self as unknown as Scope);
