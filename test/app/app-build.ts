/**
 * Builds dist/app.html once per test run into a folder of its own (webpack's
 * Node API over webpack.config.js's app build), so the tests open exactly
 * what `npm run build` ships. Reused while no source is newer.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';

const ROOT = path.resolve(__dirname, '../..');
export const APP_OUT = path.join(os.tmpdir(), 'tonghop-app-build');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** The built page's path; APP_HTML names one already built (e.g. dist/app.html after `npm run build`). */
export function buildApp(): string {
  if (process.env.APP_HTML) return path.resolve(process.env.APP_HTML);
  const html = path.join(APP_OUT, 'app.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'webpack.config.js')).mtimeMs);
  if (fs.existsSync(html) && fs.statSync(html).mtimeMs > sources) return html;
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  execFileSync(process.execPath, [cli, '--mode', 'production', '--config-name', 'app', '--output-path', APP_OUT], { cwd: ROOT, stdio: 'pipe', timeout: 1_100_000 });
  return html;
}
