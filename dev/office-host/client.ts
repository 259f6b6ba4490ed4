/**
 * Loads Microsoft's real Excel JavaScript client (`excel-*.js` of the npm
 * package @microsoft/office-js, never the network) into this JavaScript
 * realm (Node, or jest's test context), and routes its requests to a
 * RichApiHost in-process through `OfficeExtension.HttpUtility.setCustomSendRequestFunc`.
 *
 * The host-specific file is loaded directly: the `office.js` loader outside
 * an Office host never defines `Excel`. It needs a few browser globals
 * (`window`, `self`, `navigator`, `document`, `location`) and
 * `OSF._OfficeAppFactory.getContext()` for `Office.context.requirements`.
 * Each build is evaluated as a global script (indirect eval, so its `var`s
 * are globals the file's own `window.X` reads find, and can be removed again
 * before another build is loaded).
 */
import * as fs from 'fs';
import * as path from 'path';

import { connectClient, type ClientBuild } from './connect';

export type { ClientBuild } from './connect';
export { attachHost, currentHost } from './connect';

/** The three builds the add-in meets: Excel on the web, Windows (Microsoft 365), Mac. */
export const CLIENT_BUILDS: readonly ClientBuild[] = ['web', 'win32', 'mac'];

export const CLIENT_FILES: Readonly<Record<ClientBuild, string>> = {
  web: 'excel-web-16.00.js',
  win32: 'excel-win32-16.01.js',
  mac: 'excel-mac-16.00.js',
};

/** Where the npm package keeps the files (the same ones the CDN serves). */
export function clientDir(): string {
  return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
}

let loaded: ClientBuild | undefined;
let globalsBefore: Set<string> | undefined;

export function loadedBuild(): ClientBuild | undefined {
  return loaded;
}

type G = Record<string, any>;

function browserGlobals(g: G): void {
  const define = (k: string, v: unknown) => Object.defineProperty(g, k, { value: v, configurable: true, writable: true });
  if (g.window !== g) define('window', g);
  if (g.self !== g) define('self', g);
  define('navigator', { userAgent: 'Mozilla/5.0 (office-host) Node', language: 'vi-VN' });
  define('location', {
    href: 'https://localhost:3000/taskpane.html', protocol: 'https:', host: 'localhost:3000', hostname: 'localhost', port: '3000',
    pathname: '/taskpane.html', search: '', hash: '', origin: 'https://localhost:3000',
  });
  const el = () => ({ style: {}, setAttribute() {}, appendChild() {}, addEventListener() {} });
  define('document', {
    readyState: 'complete', cookie: '', documentElement: el(), body: el(),
    addEventListener() {}, removeEventListener() {}, getElementById: () => null, getElementsByTagName: () => [], createElement: el,
  });
}

/** Removes what the previous build defined, so the next one starts clean. */
export function unloadClient(): void {
  if (!globalsBefore) return;
  const g = globalThis as G;
  for (const k of Object.getOwnPropertyNames(g)) {
    if (globalsBefore.has(k)) continue;
    if (!delete g[k]) g[k] = undefined;
  }
  loaded = undefined;
}

/**
 * Loads one build (replacing any loaded before) and points it at the host
 * in use. `debug` loads the `.debug.js` variant (readable stack traces).
 */
export function loadClient(build: ClientBuild, opts: { debug?: boolean } = {}): void {
  const g = globalThis as G;
  if (loaded) unloadClient();
  browserGlobals(g);
  globalsBefore ??= new Set(Object.getOwnPropertyNames(g));
  const file = opts.debug ? CLIENT_FILES[build].replace(/\.js$/, '.debug.js') : CLIENT_FILES[build];
  const code = fs.readFileSync(path.join(clientDir(), file), 'utf8');
  // Indirect eval: a global script in this realm (jest gives each test file its own).
  (0, eval)(`${code}\n//# sourceURL=${file}`);
  loaded = build;
  connectClient(g, build);
}
