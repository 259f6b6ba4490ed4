/** The narrative report through the command line: --docx, --previous, and `tonghop report`. */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import { main } from '../../src/cli/main';
import { progressBar } from '../../src/cli/progress';
import { captureIo, tempDir } from '../helpers/xlsx-files';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const PLAN = path.join(EXAMPLES, 'ke-hoach.xlsx');

async function run(argv: string[]) {
  const cap = captureIo();
  const code = await main(argv, cap.io);
  return { code, out: cap.out(), err: cap.err() };
}

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => { tmp = tempDir('tonghop-report-'); });
afterAll(() => tmp.cleanup());
const at = (p: string) => path.join(tmp.dir, p);

describe('reports from the command line', () => {
  it('compile --docx writes the narrative report of the district', async () => {
    const r = await run(['compile', EXAMPLES, '--plan', PLAN, '-o', at('th.xlsx'), '--docx', at('bc.docx')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Đã ghi .*bc\.docx/);
    const text = await docxText(at('bc.docx'));
    expect(text).toMatch(/Nam Đông/);
    expect(text).toMatch(/2022/);
  });

  it('--signer-title and --signer-name choose the signer of compile --docx and of report; --help documents them', async () => {
    const r = await run(['compile', EXAMPLES, '--plan', PLAN, '-o', at('th-ky.xlsx'), '--docx', at('bc-ky.docx'), '--signer-title', 'Chủ tịch', '--signer-name', 'Nguyễn Văn An']);
    expect(r.code).toBe(0);
    const text = await docxText(at('bc-ky.docx'));
    expect(text).toContain('TM. ỦY BAN NHÂN DÂNCHỦ TỊCHNguyễn Văn An');
    const r2 = await run(['report', at('th-ky.xlsx'), '-o', at('bc-ky2.docx'), '--signer-authority', 'TM. UBND / KT. CHỦ TỊCH', '--signer-title', 'PHÓ CHỦ TỊCH']);
    expect(r2.code).toBe(0);
    expect(await docxText(at('bc-ky2.docx'))).toContain('TM. UBNDKT. CHỦ TỊCHPHÓ CHỦ TỊCH[Họ và tên]');
    for (const command of ['compile', 'report']) {
      const help = (await run([command, '--help'])).out;
      for (const o of ['--signer-title', '--signer-authority', '--signer-name']) expect(help).toContain(o);
    }
  });

  it('compile --previous adds the comparison with the previous period, on its own sheet after the summary', async () => {
    const r = await run(['compile', EXAMPLES, '--plan', PLAN, '-o', at('th2.xlsx'), '--previous', at('th.xlsx')]);
    expect(r.code).toBe(0);
    const wb = XLSX.read(fs.readFileSync(at('th2.xlsx')), { type: 'buffer' });
    expect(wb.SheetNames.slice(0, 2)).toEqual(['TH Nam Đông', 'SS Nam Đông']);
    const values = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['SS Nam Đông'], { header: 1 }).flat();
    expect(values).toContain('Kỳ trước');
  });

  it('a previous file that cannot be read is a warning, not a stop', async () => {
    const r = await run(['compile', EXAMPLES, '--plan', PLAN, '-o', at('th3.xlsx'), '--previous', at('khong-co.xlsx'), '--json', at('th3.json')]);
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(at('th3.json'), 'utf8'));
    expect(json.findings.some((f: { rule: string; severity: string }) => f.rule === 'previous.unreadable' && f.severity === 'warning')).toBe(true);
  });

  it('tonghop report writes the report from a compiled workbook', async () => {
    const r = await run(['report', at('th.xlsx'), '-o', at('bc2.docx')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Đã ghi báo cáo/);
    expect(await docxText(at('bc2.docx'))).toMatch(/Nam Đông/);
  });

  it('tonghop report on a unit sheet (no compiled report) fails with a Vietnamese reason', async () => {
    const r = await run(['report', path.join(EXAMPLES, 'xa-huong-loc.xlsx'), '-o', at('x.docx')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/xa-huong-loc\.xlsx.*báo cáo tổng hợp/);
    expect(fs.existsSync(at('x.docx'))).toBe(false);
    expect((await run(['report', '-o', at('x.docx')])).code).toBe(2);
  });
});

describe('progress bar', () => {
  it('draws on a terminal (fitting its width) and stays silent otherwise', () => {
    const written: string[] = [];
    const tty = { isTTY: true, write: (s: string) => { written.push(s); return true; } } as unknown as NodeJS.WriteStream;
    const bar = progressBar('Đang đọc', tty);
    bar.update(3, 3);
    bar.done();
    expect(written[0]).toMatch(/^\rĐang đọc \[█+\] 3\/3 tệp$/);
    expect(written[1]).toBe('\r\x1b[2K');
    // A narrow terminal: the bar shrinks so the line never wraps (a wrapped line is redrawn below itself).
    const narrow: string[] = [];
    const small = { isTTY: true, columns: 36, write: (x: string) => { narrow.push(x); return true; } } as unknown as NodeJS.WriteStream;
    const nb = progressBar('Đang đọc', small);
    nb.update(120, 1000);
    expect(narrow[0]).toMatch(/^\rĐang đọc \[█*░+\] 120\/1000 tệp$/);
    expect([...narrow[0].slice(1)].length).toBeLessThan(36);
    const silent: string[] = [];
    const pipe = { isTTY: false, write: (s: string) => { silent.push(s); return true; } } as unknown as NodeJS.WriteStream;
    const quiet = progressBar('Đang đọc', pipe);
    quiet.update(1, 2);
    quiet.done();
    expect(silent).toEqual([]);
  });
});
