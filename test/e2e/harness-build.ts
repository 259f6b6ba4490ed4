/**
 * Builds the browser harness (webpack, development mode) when dist/ is
 * missing or older than the sources, so the end-to-end test works from a
 * fresh clone and stays quick when nothing changed.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** `HARNESS_PREBUILT=1` uses dist/ as it is (built by `npm run harness` or CI). */
export function ensureHarnessBuilt(): void {
  if (process.env.HARNESS_PREBUILT === '1' && fs.existsSync(path.join(DIST, 'harness.html'))) return;
  const built = path.join(DIST, 'harness.js');
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'webpack.config.js')));
  if (fs.existsSync(built) && fs.existsSync(path.join(DIST, 'harness.html')) && fs.statSync(built).mtimeMs >= sources) return;
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  execFileSync(process.execPath, [cli, '--mode', 'development'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
}
