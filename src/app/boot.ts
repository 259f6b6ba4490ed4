/**
 * The page's script (dist/app.html), inlined into the page by webpack.config.js,
 * is also its compile's worker: opened from file://, Chromium refuses a worker
 * loaded by URL, but starts one from a Blob URL. So the page starts its own
 * script text again as a worker (the page's security policy allows `worker-src
 * blob:` and nothing else: src/app/app.html), and that copy, finding no
 * document, serves compile jobs (src/taskpane/compile-worker.ts) instead of
 * drawing the page. Each side loads only its own modules: the one chunk holds
 * both, and `import()` evaluates a module only when asked.
 */
import type { StartWorker } from '../taskpane/compile-client';

if (typeof document === 'undefined') {
  void import('../taskpane/compile-worker');
} else {
  // Read now: `currentScript` is the running inline script only while it first runs.
  const text = document.currentScript?.textContent ?? '';
  const start: StartWorker | null = text && typeof Worker !== 'undefined' && typeof Blob !== 'undefined' && typeof URL.createObjectURL === 'function'
    ? () => new Worker(URL.createObjectURL(new Blob([text], { type: 'text/javascript' })), { name: 'tong-hop' })
    : null;
  void import('../taskpane/compile-client').then(({ setWorkerStart }) => {
    setWorkerStart(start);
    return import('./index');
  });
}
