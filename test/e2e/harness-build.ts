/**
 * Builds the browser harness (webpack, development mode) for the end-to-end
 * test when it is missing or older than the sources, so the test works from
 * a fresh clone and stays quick when nothing changed. It builds into
 * test/artifacts/harness-dist, never over dist/ (a production build there
 * stays as it is). `HARNESS_PREBUILT=1` uses dist/ as built by
 * `npm run harness` or `npm run build` instead.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** Returns the folder holding the built harness. */
export function ensureHarnessBuilt(): string {
  const prebuilt = path.join(ROOT, 'dist');
  if (process.env.HARNESS_PREBUILT === '1' && fs.existsSync(path.join(prebuilt, 'harness.html'))) return prebuilt;
  const out = path.join(ROOT, 'test', 'artifacts', 'harness-dist');
  const built = path.join(out, 'harness.js');
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'dev')), newestMtime(path.join(ROOT, 'webpack.config.js')));
  if (fs.existsSync(built) && fs.existsSync(path.join(out, 'harness.html')) && fs.statSync(built).mtimeMs >= sources) return out;
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  execFileSync(process.execPath, [cli, '--mode', 'development', '--env', 'harness', '--output-path', out], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
  return out;
}
