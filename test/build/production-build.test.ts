/**
 * The shipped build holds the add-in and nothing of the development tools:
 * `npm run build` (webpack --mode production) must leave the browser harness
 * (dev/harness) and the in-memory Excel stand-in (dev/fake-excel) out of
 * dist/; they are built only with `--env harness` (webpack.config.js).
 *
 * The build goes to test/artifacts/prod-dist (not over dist/), once per run.
 * Two checks that do not trust each other: webpack's own list of the modules
 * it bundled, and the bundles' text searched for the string literals of the
 * dev/ sources (which a minifier keeps).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { firstLoad, overBudget, localScripts } = require('../../scripts/bundle-budget.js') as {
  firstLoad: (dist: string, page: string) => FirstLoad;
  overBudget: (load: FirstLoad) => string | null;
  localScripts: (html: string) => string[];
};
interface FirstLoad { page: string; files: { name: string; raw: number; gzip: number }[]; raw: number; gzip: number }

const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test', 'artifacts', 'prod-dist');
const STATS = path.join(ROOT, 'test', 'artifacts', 'prod-dist-stats.json');

function filesUnder(dir: string, keep: (f: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}

/** String literals of a TypeScript source, as the scanner reads them (escapes resolved). */
function stringLiterals(file: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.JSX, fs.readFileSync(file, 'utf8'));
  const found: string[] = [];
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    if (k === ts.SyntaxKind.StringLiteral || k === ts.SyntaxKind.NoSubstitutionTemplateLiteral) found.push(scanner.getTokenValue());
  }
  return found;
}

interface StatsModule { name?: string; modules?: StatsModule[] }

function moduleNames(mods: StatsModule[] = []): string[] {
  return mods.flatMap((m) => [m.name ?? '', ...moduleNames(m.modules)]);
}

let modules: string[];
let built: string[];
/** A commune only the national list names (src/core/national-units-data.ts). */
const NATIONAL_COMMUNE = 'Phường Ngọc Hà';

beforeAll(() => {
  fs.rmSync(OUT, { recursive: true, force: true });
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  // Minutes on a shared 2-core machine: two builds, and SheetJS minified for the pane's reader chunk and for the compile's worker.
  execFileSync(process.execPath, [cli, '--mode', 'production', '--output-path', OUT, '--json', STATS], { cwd: ROOT, stdio: 'pipe', timeout: 780_000 });
  // Two builds (the add-in, and app.html: webpack.config.js): their modules are under `children`.
  const stats = JSON.parse(fs.readFileSync(STATS, 'utf8')) as { modules?: StatsModule[]; children?: { modules?: StatsModule[] }[] };
  modules = [...moduleNames(stats.modules), ...(stats.children ?? []).flatMap((c) => moduleNames(c.modules))].filter(Boolean);
  built = filesUnder(OUT).map((f) => path.relative(OUT, f).split(path.sep).join('/')).sort();
}, 800_000);

describe('npm run build (production)', () => {
  it('writes the pane, the ribbon commands, help, icons and manifest, and no harness page', () => {
    // Named files are fixed; webpack's split chunks (SheetJS, docx) are numbered.
    const named = built.filter((f) => !/^\d+\.js(\.LICENSE\.txt)?$/.test(f));
    expect(named).toEqual([
      'app.html', 'assets/icon-128.png', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png',
      'commands.html', 'commands.js', 'compile-job.js', 'compile-worker.js', 'compile-worker.js.LICENSE.txt', 'docx-report.js', 'help.html',
      'manifest.xml', 'national-units.js', 'save.html',
      'taskpane.html', 'taskpane.js', 'taskpane.js.LICENSE.txt', 'xlsx-reader.js', 'xlsx-writer.js',
    ]);
    expect(built.filter((f) => /harness|fake/i.test(f))).toEqual([]);
  });

  it('bundles no module from dev/ (webpack\'s own module list)', () => {
    expect(modules.some((m) => m.startsWith('./src/taskpane/'))).toBe(true);
    expect(modules.filter((m) => /(^|\/)dev\/|harness|fake-excel/.test(m))).toEqual([]);
  });

  it('holds none of the string literals of the harness and the stand-in', () => {
    const devFiles = filesUnder(path.join(ROOT, 'dev'), (f) => /\.tsx?$/.test(f));
    const srcText = filesUnder(path.join(ROOT, 'src')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    // Literals long enough to be the dev code's own, not import paths, and not also written in src/
    // (a message both share says nothing): the stand-in's Excel error texts, its option names, ...
    const markers = [...new Set(devFiles.flatMap(stringLiterals))]
      .filter((s) => s.length >= 12 && !s.startsWith('.') && !/['"`\\\n]/.test(s) && !srcText.includes(s));
    expect(markers.length).toBeGreaterThan(10);
    const bundles = built.filter((f) => f.endsWith('.js') || f.endsWith('.html')).map((f) => fs.readFileSync(path.join(OUT, f), 'utf8')).join('\n');
    expect(markers.filter((m) => bundles.includes(m))).toEqual([]);
  });

  it('the pane writes .xlsx (Tạo mẫu cho mọi đơn vị) with no Node builtin, in a chunk of its own loaded on demand', () => {
    expect(modules.filter((m) => /(^|[\/ ])(node:)?zlib\b/.test(m))).toEqual([]);
    expect(modules.some((m) => m.includes('src/xlsx/zip-write.ts'))).toBe(true);
    const text = (f: string) => fs.readFileSync(path.join(OUT, f), 'utf8');
    // A part name only the .xlsx writer writes.
    expect(text('xlsx-writer.js')).toContain('xl/sharedStrings.xml');
    expect(text('taskpane.js')).not.toContain('xl/sharedStrings.xml');
  });

  it('keeps the pane\'s first load within its budget (scripts/bundle-budget.js: about a second on a 2 Mbit/s provincial line)', () => {
    const load = firstLoad(OUT, 'taskpane.html');
    // The page and its one script; office.js comes from Microsoft's CDN.
    expect(load.files.map((f) => f.name)).toEqual(['taskpane.html', 'taskpane.js']);
    expect(overBudget(load)).toBeNull();
  });

  it('loads the national list of communes, the compile and its worker only when asked, not with the pane', () => {
    const text = (f: string) => fs.readFileSync(path.join(OUT, f), 'utf8');
    expect(text('national-units.js')).toContain(NATIONAL_COMMUNE);
    expect(text('taskpane.js')).not.toContain(NATIONAL_COMMUNE);
    // The worker: the compile (a message of the core's compile) and the .xlsx reader, and no React.
    const worker = text('compile-worker.js');
    expect(worker).toContain('xl/workbook.xml');
    expect(worker).not.toContain('react.transitional.element');
    expect(text('taskpane.js')).toContain('compile-worker.js');
  });

  it('makes app.html one file whose script is also its compile\'s worker (a Blob URL, allowed by the page\'s policy)', () => {
    const html = fs.readFileSync(path.join(OUT, 'app.html'), 'utf8');
    expect(localScripts(html)).toEqual([]);
    expect(html).toMatch(/Content-Security-Policy[^>]*worker-src blob:/);
    // One file: the national list is inlined with the rest.
    expect(html).toContain(NATIONAL_COMMUNE);
  });
});
