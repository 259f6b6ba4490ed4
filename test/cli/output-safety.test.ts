/**
 * Issue 13 through the real command line (`main([...])`) on real files and
 * real links in a temporary folder: no output may replace an input, the plan,
 * last period's workbook or another output of the run; a run's outputs land
 * all or none; nothing the program prints carries a control character.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { main, type Io } from '../../src/cli/main';
import { captureIo, tempDir, writeUnitFile } from '../helpers/xlsx-files';
import type { UnitSheetSpec } from '../helpers/unit-sheet';

const DISTRICT = 'UBND huyện Nam Đông';
function commune(name: string, figures: UnitSheetSpec['figures']): UnitSheetSpec {
  return { unit: name, level: 'Xã', parent: DISTRICT, period: 'Năm', year: 2024, figures };
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => { tmp = tempDir('tonghop-safety-'); });
afterEach(() => tmp.cleanup());
const at = (...p: string[]) => path.join(tmp.dir, ...p);

async function run(argv: string[], extra: Partial<Io> = {}) {
  const cap = captureIo();
  const code = await main(argv, { ...cap.io, ...extra });
  return { code, out: cap.out(), err: cap.err() };
}

const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
/** Every regular file under the folder (links not followed) with its hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = fs.lstatSync(p);
    if (st.isDirectory()) Object.assign(out, Object.fromEntries(Object.entries(snapshot(p)).map(([k, v]) => [`${name}/${k}`, v])));
    else if (st.isFile()) out[name] = hash(p);
    else if (st.isSymbolicLink()) out[name] = `-> ${fs.readlinkSync(p)}`;
  }
  return out;
}

async function inputs() {
  fs.mkdirSync(at('in'));
  await writeUnitFile(at('in', 'xa-huong-loc.xlsx'), commune('UBND xã Hương Lộc', { A1: 20, A2: 10, D2: 1031, D4: 1031 }));
  await writeUnitFile(at('in', 'xa-huong-phu.xlsx'), commune('UBND xã Hương Phú', { A1: 26, A2: 33, D2: 842, D4: 842 }));
}

describe('one guard for every output path', () => {
  it('refuses --json, --docx or -o onto an input, and leaves every file byte-identical', async () => {
    await inputs();
    const before = snapshot(tmp.dir);
    for (const argv of [
      ['compile', at('in'), '-o', at('out.xlsx'), '--json', at('in', 'xa-huong-loc.xlsx')],
      ['compile', at('in'), '-o', at('out.xlsx'), '--docx', at('in', 'xa-huong-loc.docx'), '--json', at('in', 'xa-huong-phu.xlsx')],
      ['compile', at('in'), '-o', at('in', 'xa-huong-phu.xlsx')],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/tệp báo cáo đầu vào/);
      expect(snapshot(tmp.dir)).toEqual(before);
    }
  });

  it('compares real files: -o through a symbolic link or a hard link to an input is refused', async () => {
    await inputs();
    fs.symlinkSync(at('in', 'xa-huong-loc.xlsx'), at('sym.xlsx'));
    fs.linkSync(at('in', 'xa-huong-phu.xlsx'), at('hard.xlsx'));
    const before = snapshot(tmp.dir);
    const viaLink = await run(['compile', at('in'), '-o', at('sym.xlsx')]);
    expect(viaLink.code).toBe(1);
    expect(viaLink.err).toMatch(/qua một liên kết/);
    const viaHard = await run(['compile', at('in'), '--json', at('hard.xlsx'), '-o', at('o.xlsx')]);
    expect(viaHard.code).toBe(1);
    expect(viaHard.err).toMatch(/cùng một tệp dưới tên khác/);
    expect(snapshot(tmp.dir)).toEqual(before);
  });

  it('refuses -o equal to --previous, the plan, or two outputs of one run that are one file', async () => {
    await inputs();
    expect((await run(['compile', at('in'), '-o', at('ky-truoc.xlsx')])).code).toBe(0);
    fs.copyFileSync(at('in', 'xa-huong-loc.xlsx'), at('ke-hoach.xlsx'));
    const before = snapshot(tmp.dir);
    const prev = await run(['compile', at('in'), '-o', at('ky-truoc.xlsx'), '--previous', at('ky-truoc.xlsx')]);
    expect(prev.code).toBe(1);
    expect(prev.err).toMatch(/sổ tổng hợp kỳ trước/);
    const plan = await run(['template', '--unit', 'UBND xã A', '--level', 'Xã', '--parent', DISTRICT, '--plan', at('ke-hoach.xlsx'), '-o', at('ke-hoach.xlsx')]);
    expect(plan.code).toBe(1);
    expect(plan.err).toMatch(/tệp Kế hoạch/);
    const twins = await run(['compile', at('in'), '-o', at('a.xlsx'), '--json', at('.', 'a.xlsx')]);
    expect(twins.code).toBe(1);
    expect(twins.err).toMatch(/trùng nhau/);
    const report = await run(['report', at('ky-truoc.xlsx'), '-o', at('in', '..', 'ky-truoc.docx'), '--previous', at('ky-truoc.xlsx')]);
    expect(report.code).toBe(0);
    delete (before as Record<string, string>)['ky-truoc.docx'];
    const after = snapshot(tmp.dir);
    delete after['ky-truoc.docx'];
    expect(after).toEqual(before);
  });

  it('still replaces its own earlier output found in the input folder', async () => {
    await inputs();
    expect((await run(['compile', at('in'), '-o', at('in', 'tong-hop.xlsx')])).code).toBe(0);
    const again = await run(['compile', at('in'), '-o', at('in', 'tong-hop.xlsx')]);
    expect(again.err).toBe('');
    expect(again.code).toBe(0);
  });
});

describe('all outputs or none', () => {
  it('a failure between writing and renaming leaves the old .xlsx, .json and .docx intact and no temporary file', async () => {
    await inputs();
    const outs = ['-o', at('out', 'th.xlsx'), '--json', at('out', 'th.json'), '--docx', at('out', 'bc.docx')];
    expect((await run(['compile', at('in'), ...outs])).code).toBe(0);
    const before = snapshot(tmp.dir);
    await writeUnitFile(at('in', 'xa-huong-hoa.xlsx'), commune('UBND xã Hương Hòa', { A1: 5 }));
    const inputsNow = snapshot(at('in'));
    const r = await run(['compile', at('in'), ...outs], {
      writeHooks: { afterTempsWritten: () => { throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }); } },
    });
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/ENOSPC|no space/);
    expect(r.err).toMatch(/ổ đĩa đã đầy.*Không tệp kết quả nào được thay/);
    expect(snapshot(at('out'))).toEqual(Object.fromEntries(Object.entries(before).filter(([k]) => k.startsWith('out/')).map(([k, v]) => [k.slice(4), v])));
    expect(snapshot(at('in'))).toEqual(inputsNow);
  });

  it('a full disk is told in Vietnamese, naming the file, saying the old one is intact', async () => {
    await inputs();
    fs.writeFileSync(at('th.xlsx'), 'cũ');
    const r = await run(['compile', at('in'), '-o', at('th.xlsx')], {
      writeHooks: { afterTempsWritten: () => { throw Object.assign(new Error('x'), { code: 'ENOSPC' }); } },
    });
    expect(r.code).toBe(1);
    expect(fs.readFileSync(at('th.xlsx'), 'utf8')).toBe('cũ');
    expect(r.err).toMatch(/Không ghi được tệp ".*th.xlsx": ổ đĩa đã đầy.*Tệp cũ \(nếu có\) vẫn nguyên vẹn/);
    expect(fs.readdirSync(tmp.dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('terminal safety', () => {
  const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
  const EVIL = 'UBND xã Hương\u001b[1A\u001b[2K Lộc\u001b]0;pwned\u0007\u009b31m';

  it('compile, check and template print no control character, even from unit names', async () => {
    fs.mkdirSync(at('in'));
    await writeUnitFile(at('in', 'evil.xlsx'), { ...commune(EVIL, { A1: 'x\u001b[2J' as unknown as number }) });
    const compiled = await run(['compile', at('in'), '-o', at('th.xlsx')]);
    const checked = await run(['check', at('in')]);
    const template = await run(['template', '--unit', EVIL, '--level', 'Xã', '--parent', DISTRICT, '-o', at('mau.xlsx')]);
    for (const r of [compiled, checked, template]) {
      expect(r.code).toBe(0);
      expect(r.out + r.err).not.toMatch(CONTROL);
    }
    expect(checked.out).toMatch(/\\x1B\[1A/);
    expect(template.out).toMatch(/\\x1B/);
  });
});
