/**
 * The README's two commands on a fresh machine: the test command is the one
 * CI runs, and its first step (scripts/test-setup.sh) either installs the
 * Debian packages the tests open (as root) or stops at once with the one line
 * to run. The script is run here with stand-ins for dpkg-query, id and apt-get
 * first on PATH, so nothing is installed and the machine's own state does not matter.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../helpers/xlsx-files';

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGES = ['chromium', 'libreoffice-writer-nogui', 'libreoffice-calc-nogui', 'poppler-utils', 'fonts-liberation', 'libxml2-utils'];

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => { tmp = tempDir('tonghop-setup-'); });
afterEach(() => tmp.cleanup());

/** Runs the set-up with `installed` packages present, as `uid`; apt-get only records its arguments. */
function setup(installed: string[], uid: number) {
  const bin = path.join(tmp.dir, 'bin');
  fs.mkdirSync(bin);
  const log = path.join(tmp.dir, 'apt.log');
  const script = (name: string, body: string) => fs.writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  script('dpkg-query', `case " ${installed.join(' ')} " in *" $3 "*) printf 'install ok installed';; *) exit 1;; esac`);
  script('id', `echo ${uid}`);
  script('apt-get', `echo "$@" >> '${log}'`);
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'test-setup.sh')], {
    encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, apt: fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '' };
}

describe('scripts/test-setup.sh, the first step of npm test', () => {
  it('with every package present does nothing and lets the tests run', () => {
    const r = setup(PACKAGES, 1000);
    expect(r.code).toBe(0);
    expect(r.apt).toBe('');
    expect(r.err).toBe('');
  });

  it('as a user without root, stops at once and names the one line to run, with exactly the missing packages', () => {
    const r = setup(['chromium', 'fonts-liberation'], 1000);
    expect(r.code).toBe(1);
    expect(r.apt).toBe('');
    const commands = r.err.split('\n').filter((l) => /apt-get install/.test(l));
    expect(commands).toHaveLength(1);
    for (const p of PACKAGES) expect(commands[0].includes(` ${p}`)).toBe(!['chromium', 'fonts-liberation'].includes(p));
  });

  it('as root, installs the missing packages with apt-get and goes on', () => {
    const r = setup(['poppler-utils'], 0);
    expect(r.code).toBe(0);
    const install = r.apt.split('\n').find((l) => l.includes('install'))!;
    for (const p of PACKAGES.filter((p) => p !== 'poppler-utils')) expect(install.split(' ')).toContain(p);
    expect(install.split(' ')).not.toContain('poppler-utils');
  });
});

describe('one test command for the README, npm and CI', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /## Hai lệnh trên một máy mới\s+```sh\n([\s\S]*?)```/.exec(readme)![1];
  const commands = block.split('\n').filter(Boolean).map((l) => l.replace(/\s+#.*$/, '').trim());

  it('the README gives two commands: install and demo, install and test', () => {
    expect(commands).toEqual(['npm install && npm run demo', 'npm install && npm test']);
  });

  it('npm test sets up first, then type check, lint and jest; .ci/run installs as the README does and runs npm test', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test.split(' && ')).toEqual(['bash scripts/test-setup.sh', 'npm run typecheck', 'npm run lint', 'jest']);
    const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(ci.slice(-2)).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
  });
});
