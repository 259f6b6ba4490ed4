/**
 * Old webviews (Internet Explorer 11, EdgeHTML: Office 2016/2019 bought once)
 * cannot run the bundle, which is ES2022. The pane page checks first, in
 * ES5, and tells the user in Vietnamese what to do. Checked on the built
 * page and bundle (the harness build of the same sources).
 */
import * as acorn from 'acorn';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { ensureHarnessBuilt } from './harness-build';

let out: string;
let check: string;
beforeAll(() => {
  out = ensureHarnessBuilt();
  const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
  const m = /<script id="old-webview-check">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('taskpane.html has no old-webview check');
  check = m[1];
  // The bundle is deferred (html-webpack-plugin's default), so the check runs before it.
  expect(html).toMatch(/<script defer(="defer")? src="[^"]*taskpane\.js"/);
}, 300_000);

/** Runs the check where `compiles(source)` decides what the browser can compile. */
function runCheck(compiles: (source: string) => boolean): { root: { innerHTML: string }; flagged: boolean } {
  const root = { innerHTML: 'Đang tải Tổng hợp CCHC…' };
  const window: Record<string, unknown> = {};
  const FakeFunction = function (...args: string[]) {
    const body = args[args.length - 1];
    if (!compiles(`function f() {${body}}`)) throw new SyntaxError('Syntax error');
    return () => undefined;
  };
  vm.runInNewContext(check, { window, document: { getElementById: (id: string) => (id === 'root' ? root : null) }, Function: FakeFunction });
  return { root, flagged: window.TONGHOP_OLD_WEBVIEW === true };
}
const parses = (level: acorn.ecmaVersion) => (source: string) => {
  try {
    acorn.parse(source, { ecmaVersion: level });
    return true;
  } catch {
    return false;
  }
};

describe('old webviews', () => {
  it('the check itself is ES5, so Internet Explorer 11 runs it', () => {
    expect(() => acorn.parse(check, { ecmaVersion: 5 })).not.toThrow();
  });

  it('the bundle needs ES2022: it parses at that level and not at ES5 (hence the check)', () => {
    const bundle = fs.readFileSync(path.join(out, 'taskpane.js'), 'utf8');
    expect(() => acorn.parse(bundle, { ecmaVersion: 2022 })).not.toThrow();
    expect(parses(2021)(bundle) && parses(5)(bundle)).toBe(false);
  });

  it('in an ES5-only webview the pane says in Vietnamese what to do', () => {
    const r = runCheck(parses(5));
    expect(r.flagged).toBe(true);
    expect(r.root.innerHTML).toContain('Excel này chưa chạy được phần bổ trợ Tổng hợp CCHC.');
    expect(r.root.innerHTML).toContain('Excel trên web');
  });

  it('a modern webview (ES2022) loads the pane as usual', () => {
    const r = runCheck(parses(2022));
    expect(r.flagged).toBe(false);
    expect(r.root.innerHTML).toBe('Đang tải Tổng hợp CCHC…');
  });
});
