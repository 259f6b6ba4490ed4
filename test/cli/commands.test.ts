/**
 * The command line as declared once per command (src/cli/commands/): each
 * command's own help, fitted to 80 columns; suggestions for typos; `--json -`
 * the same everywhere; a period the plan would override is refused, not dropped.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { COMMANDS } from '../../src/cli/commands';
import { captureIo, tempDir } from '../helpers/xlsx-files';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const PLAN = path.join(EXAMPLES, 'ke-hoach.xlsx');

async function run(argv: string[], width: number | null = null) {
  const cap = captureIo();
  const code = await main(argv, { ...cap.io, outWidth: width, errWidth: width });
  return { code, out: cap.out(), err: cap.err() };
}

const columns = (line: string) => [...line.normalize('NFC')].length;

describe('help derived from the declarations', () => {
  const names = COMMANDS.map((c) => c.name);

  it.each(names)('tonghop %s --help prints that command only, every option of it, each line within 80 columns', async (name) => {
    for (const width of [80, null]) {
      const r = await run([name, '--help'], width);
      expect(r.code).toBe(0);
      const lines = r.out.split('\n');
      for (const l of lines) expect(columns(l)).toBeLessThanOrEqual(80);
      const usage = lines.slice(1, lines.indexOf(''));
      expect(lines[0]).toBe('Cách dùng:');
      expect(usage.length).toBeGreaterThan(0);
      for (const u of usage.filter((l) => /^ {2}\S/.test(l))) expect(u).toMatch(new RegExp(`^  tonghop ${name} `));
      for (const u of usage.filter((l) => !/^ {2}\S/.test(l))) expect(u).toMatch(new RegExp(`^ {${`  tonghop ${name} `.length}}\\S`));
      for (const other of COMMANDS.filter((c) => c.name !== name)) expect(r.out).not.toContain(other.summary);
      for (const o of COMMANDS.find((c) => c.name === name)!.options) expect(r.out).toContain(`--${o.name}`);
      expect(r.out).toContain('--help');
      // Each option's description starts in one column, the same for every option of the command.
      // (A label too wide for the column stands alone on its line, its description below in the column.)
      const options = lines.slice(lines.indexOf('Tùy chọn:') + 1).filter((l) => !/^ {2}-\S*( \S+)*$/.test(l));
      const starts = new Set(options.map((l) => /^ {2}-\S*(?: \S+)*? {2,}(?=\S)/.exec(l)?.[0].length ?? /^ +(?=\S)/.exec(l)![0].length));
      expect(starts.size).toBe(1);
      // Words are not cut: every word of the declaration's description is printed whole.
      const words = COMMANDS.find((c) => c.name === name)!.description.join(' ').split(/\s+/);
      const printed = new Set(r.out.split(/\s+/));
      for (const w of words) expect(printed.has(w)).toBe(true);
    }
  });

  it('tonghop --help lists every command with its own line and fits 80 columns; tonghop help CMD is that command', async () => {
    const r = await run(['--help'], 80);
    expect(r.code).toBe(0);
    for (const l of r.out.split('\n')) expect(columns(l)).toBeLessThanOrEqual(80);
    for (const c of COMMANDS) expect(r.out).toContain(`tonghop ${c.name}`);
    expect(r.out).toContain('tonghop <lệnh> --help');
    expect((await run(['help', 'report'])).out).toBe((await run(['report', '--help'])).out);
  });

  it('compile --help is narrower than the whole help was (one command, not all six)', async () => {
    const one = (await run(['compile', '--help'])).out;
    expect(one).not.toMatch(/--resend-by|--province|--tasks-from/);
  });
});

describe('«Có phải ý bạn là …?»', () => {
  it('suggests the nearest command for a mistyped one, exit 2', async () => {
    for (const [typed, meant] of [['compil', 'compile'], ['chekc', 'check'], ['templat', 'template'], ['feedbak', 'feedback']]) {
      const r = await run([typed, 'x.xlsx']);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`Lệnh không hợp lệ: "${typed}"`);
      expect(r.err).toContain(`Có phải ý bạn là ${meant}?`);
    }
  });

  it('suggests the nearest option of that command, and points at that command\'s help', async () => {
    const r = await run(['compile', 'x.xlsx', '--ouptut', 'th.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Tùy chọn không hợp lệ: --ouptut');
    expect(r.err).toContain('Có phải ý bạn là --output?');
    expect(r.err).toContain('tonghop compile --help');
    expect((await run(['check', 'x.xlsx', '--perod', 'Năm'])).err).toContain('Có phải ý bạn là --period?');
    expect((await run(['report', 'x.xlsx', '--signer-nam', 'A'])).err).toContain('Có phải ý bạn là --signer-name?');
  });

  it('says nothing of the kind when no name is near', async () => {
    const r = await run(['xyzzy']);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('Có phải ý bạn là');
    expect((await run(['compile', 'x.xlsx', '--khong-co'])).err).not.toContain('Có phải ý bạn là');
  });
});

describe('--json - is stdout in every command that has --json', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => { tmp = tempDir('tonghop-json-'); });
  afterEach(() => tmp.cleanup());

  it('check --json - prints the JSON result (not "-" read as an input), as compile --json - does', async () => {
    const check = await run(['check', EXAMPLES, '--json', '-', '--workers', '0']);
    expect(check.code).toBe(0);
    expect(check.err).not.toMatch(/"-"/);
    const fromCheck = JSON.parse(check.out) as { units: unknown[] };
    const compile = await run(['compile', EXAMPLES, '-o', path.join(tmp.dir, 'th.xlsx'), '--json', '-', '--workers', '0']);
    expect(compile.code).toBe(0);
    expect(JSON.parse(compile.out)).toEqual(fromCheck);
  });

  it('check --json FILE.json writes the file and still prints the findings', async () => {
    const file = path.join(tmp.dir, 'kiem-tra.json');
    const r = await run(['check', EXAMPLES, '--json', file, '--workers', '0']);
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(JSON.parse((await run(['check', EXAMPLES, '--json', '--workers', '0'])).out));
    expect(r.out).toContain(`Đã ghi kết quả JSON vào ${file}`);
  });

  it('check --json before a workbook never writes over it: a JSON file must be named .json', async () => {
    const book = path.join(tmp.dir, 'xa.xlsx');
    fs.copyFileSync(path.join(EXAMPLES, 'xa-huong-loc.xlsx'), book);
    const bytes = fs.readFileSync(book);
    const r = await run(['check', '--json', book, EXAMPLES]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('không phải tệp .json');
    expect(fs.readFileSync(book)).toEqual(bytes);
  });

  it('a bare --json before another option, or last, is stdout as well', async () => {
    const last = await run(['check', EXAMPLES, '--workers', '0', '--json']);
    const before = await run(['check', EXAMPLES, '--json', '--workers', '0']);
    expect(JSON.parse(last.out)).toEqual(JSON.parse(before.out));
  });
});

describe('an option the plan would override is refused, never ignored', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => { tmp = tempDir('tonghop-period-'); });
  afterEach(() => tmp.cleanup());

  it('check and compile with --period unlike the plan\'s stop with a Vietnamese message and write nothing', async () => {
    const out = path.join(tmp.dir, 'th.xlsx');
    for (const argv of [['check', EXAMPLES, '--plan', PLAN, '--period', 'Quý I'], ['compile', EXAMPLES, '--plan', PLAN, '--period', 'Quý I', '-o', out]]) {
      const r = await run([...argv, '--workers', '0']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/Kỳ chọn khi chạy lệnh \(Quý I .*\) khác kỳ của trang Kế hoạch/);
      expect(r.err).toContain('Bỏ --period và --year');
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('template --plan with --period unlike the plan\'s writes no template and says why', async () => {
    const folder = path.join(tmp.dir, 'mau');
    const r = await run(['template', '--plan', PLAN, '--period', 'Quý I', '-o', folder]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Kỳ chọn khi chạy lệnh \(Quý I .*\) khác kỳ của Kế hoạch trong "ke-hoach.xlsx"/);
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('the plan\'s own period given again is accepted', async () => {
    const plain = await run(['check', EXAMPLES, '--plan', PLAN, '--workers', '0', '--json']);
    const { period, year } = JSON.parse(plain.out) as { period: string; year: number };
    const again = await run(['check', EXAMPLES, '--plan', PLAN, '--period', period, '--year', String(year), '--workers', '0', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual(JSON.parse(plain.out));
  });
});
