/**
 * Reading in worker threads gives exactly what reading in the main thread
 * gives, and the compiled command line runs as a child process like a user
 * runs it. Both need JavaScript: the CLI is compiled once into test/artifacts/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { readFileSheets } from '../../src/cli/read-one';
import { buildCli, encryptedWorkbookBytes, tempDir, writeUnitFile } from '../helpers/xlsx-files';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
jest.setTimeout(240000);

let build: string;
let tmp: ReturnType<typeof tempDir>;
let files: string[];

beforeAll(async () => {
  build = buildCli();
  tmp = tempDir('tonghop-workers-');
  // The examples, a bad file, and a few more so both workers get several files each.
  fs.writeFileSync(path.join(tmp.dir, 'mat-khau.xlsx'), encryptedWorkbookBytes());
  for (let i = 0; i < 6; i++) {
    await writeUnitFile(path.join(tmp.dir, `xa-${i}.xlsx`), {
      unit: `UBND xã Số ${i}`, level: 'Xã', parent: 'UBND huyện Nam Đông', period: 'Năm', year: 2022,
      figures: { A1: i * 3, A2: `${i + 10} tin`, D2: 100 + i, D4: 100 + i }, tasks: [{ stt: 1, name: 'Nhiệm vụ một', done: i % 2 === 0 }],
    });
  }
  files = [
    ...fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(EXAMPLES, f)),
    ...fs.readdirSync(tmp.dir).sort().map((f) => path.join(tmp.dir, f)),
  ];
});
afterAll(() => {
  tmp?.cleanup();
  if (build) fs.rmSync(build, { recursive: true, force: true });
});

describe('worker threads', () => {
  it('give the same reads and file findings as the main thread, in input order', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pool = require(path.join(build, 'cli', 'read-pool.js'));
    const viaWorkers = await pool.readFiles(files, { workers: 2, minFilesForWorkers: 0, mainThreadReads: false });
    const mixed = await pool.readFiles(files, { workers: 2, minFilesForWorkers: 0 });
    const viaMain = await pool.readFilesInMainThread(files);
    expect(viaWorkers.workersUsed).toBe(2);
    expect(viaMain.workersUsed).toBe(0);
    expect(JSON.parse(JSON.stringify(viaWorkers.files))).toEqual(JSON.parse(JSON.stringify(viaMain.files)));
    expect(JSON.parse(JSON.stringify(mixed.files))).toEqual(JSON.parse(JSON.stringify(viaMain.files)));
    // And the same as the TypeScript sources read in this process.
    const direct = [];
    for (const f of files) direct.push(await readFileSheets(f));
    expect(JSON.parse(JSON.stringify(viaWorkers.files))).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(viaWorkers.reads.length).toBeGreaterThan(20);
    expect(viaWorkers.findings.map((f: { unit: string; rule: string }) => [f.unit, f.rule])).toEqual([['mat-khau.xlsx', 'file.encrypted']]);
  });
});

describe('the compiled command line as a child process', () => {
  const runCli = (args: string[]) => spawnSync(process.execPath, ['-e',
    `require(${JSON.stringify(path.join(build, 'cli', 'main.js'))}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`,
    ...args], { encoding: 'utf8', cwd: tmp.dir });

  it('compiles the examples with worker threads and the same totals as --workers 0', () => {
    const a = runCli(['compile', EXAMPLES, '--plan', path.join(EXAMPLES, 'ke-hoach.xlsx'), '-o', path.join(tmp.dir, 'a.xlsx'), '--json', path.join(tmp.dir, 'a.json'), '--workers', '2']);
    const b = runCli(['compile', EXAMPLES, '--plan', path.join(EXAMPLES, 'ke-hoach.xlsx'), '-o', path.join(tmp.dir, 'b.xlsx'), '--json', path.join(tmp.dir, 'b.json'), '--workers', '0']);
    expect([a.status, b.status]).toEqual([0, 0]);
    expect(a.stdout).toMatch(/Báo cáo được tính: 17\/17/);
    // Not a terminal: no progress bar on stderr.
    expect(a.stderr).toBe('');
    const ja = JSON.parse(fs.readFileSync(path.join(tmp.dir, 'a.json'), 'utf8'));
    const jb = JSON.parse(fs.readFileSync(path.join(tmp.dir, 'b.json'), 'utf8'));
    expect(ja).toEqual(jb);
  });

  it('a compile loads only what compiling needs: not fflate, the national list, the one-stop reader or the letters', () => {
    // Each costs every run its loading (src/cli/commands/index.ts); what a command does is loaded when it runs.
    const loaded = (args: string[]): string[] => {
      const r = spawnSync(process.execPath, ['-e',
        `require(${JSON.stringify(path.join(build, 'cli', 'main.js'))}).main(process.argv.slice(1))`
        + '.then((c) => { process.exitCode = c; console.error(JSON.stringify(Object.keys(require.cache))); })',
        ...args], { encoding: 'utf8', cwd: tmp.dir });
      expect(r.status).toBe(0);
      return JSON.parse(r.stderr.trim().split('\n').pop() ?? '[]') as string[];
    };
    const heavy = /node_modules[\\/]fflate[\\/]|national-units-data|tthc[\\/]read-export|report[\\/]letters/;
    const compile = loaded(['compile', EXAMPLES, '-o', path.join(tmp.dir, 'modules.xlsx'), '-q']);
    expect(compile.filter((m) => heavy.test(m))).toEqual([]);
    // The same test sees them when a command does need them: a plan from the national list.
    const plan = loaded(['plan', '--province', 'Quảng Trị', '--period', 'Quý I', '--year', '2026', '-o', path.join(tmp.dir, 'ke-hoach-modules.xlsx')]);
    expect(plan.some((m) => /national-units-data/.test(m))).toBe(true);
  });

  it('fails cleanly (exit 1, Vietnamese, no stack) on a missing input', () => {
    const r = runCli(['compile', path.join(tmp.dir, 'khong-co'), '-o', path.join(tmp.dir, 'x.xlsx')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Không tìm thấy tệp hoặc thư mục/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
