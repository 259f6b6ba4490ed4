/**
 * Outputs never replace what they did not write: `tonghop template --plan -o
 * DIR` in a real temporary folder holding a filled report saved under a
 * template's name and a link to a file outside; names safe on every system
 * (reserved, invisible, long in bytes) where one long name costs only its own
 * file, in the folder and in the pane's zip; two outputs differing only in case.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { main } from '../../src/cli/main';
import { MANIFEST_NAME } from '../../src/cli/folder-outputs';
import { guardOutputs, OutputError } from '../../src/cli/output-files';
import { MAX_FILE_NAME_BYTES, safeFileName } from '../../src/core/file-names';
import { layoutPlan } from '../../src/core/layout/plan-sheet';
import type { Plan } from '../../src/core/model';
import { readSheet } from '../../src/core/reader';
import { readXlsxFile } from '../../src/xlsx/read-file';
import { templatesZip } from '../../src/xlsx/templates-zip';
import { writeXlsx } from '../../src/xlsx/write';
import { captureIo, tempDir } from '../helpers/xlsx-files';

const PROVINCE = 'UBND tỉnh Quảng Trị';
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function run(argv: string[]) {
  const cap = captureIo();
  const code = await main(argv, cap.io);
  return { code, out: cap.out(), err: cap.err() };
}

let tmp: ReturnType<typeof tempDir>;
let at: (...p: string[]) => string;
beforeEach(() => {
  tmp = tempDir('tonghop-folder-');
  at = (...p) => path.join(tmp.dir, ...p);
});
afterEach(() => tmp.cleanup());

const roster = (names: { code?: string; name: string }[]) => names.map((u) => ({ ...u, level: 'Xã' as const, parent: PROVINCE }));
async function planFile(units: { code?: string; name: string }[]): Promise<string> {
  const file = at('ke-hoach.xlsx');
  fs.writeFileSync(file, await writeXlsx([layoutPlan({ compilingUnit: PROVINCE, level: 'Tỉnh', period: 'Quý I', year: 2026, tasks: [], roster: roster(units) })]));
  return file;
}
const listed = (dir: string) => fs.readdirSync(dir).filter((f) => !f.startsWith('.')).sort();

describe('tonghop template --plan -o DIR never replaces what it did not write', () => {
  it('a second run replaces its own untouched templates; a filled report under a template name is kept and the new template written beside it, said', async () => {
    const plan = await planFile([{ code: '18859', name: 'UBND xã Đồng Thuận' }, { code: '18871', name: 'UBND xã Đồng Sơn' }]);
    const dir = at('mau');
    expect((await run(['template', '--plan', plan, '-o', dir])).code).toBe(0);
    expect(listed(dir)).toEqual(['18859 Đồng Thuận.xlsx', '18871 Đồng Sơn.xlsx']);
    expect(fs.existsSync(path.join(dir, MANIFEST_NAME))).toBe(true);

    // Run again: the same two files, replaced, nothing beside them.
    expect((await run(['template', '--plan', plan, '-o', dir])).code).toBe(0);
    expect(listed(dir)).toEqual(['18859 Đồng Thuận.xlsx', '18871 Đồng Sơn.xlsx']);

    // The clerk fills in Đồng Thuận's template and saves it under the same name.
    const filled = path.join(dir, '18859 Đồng Thuận.xlsx');
    fs.appendFileSync(filled, 'the clerk typed figures');
    const before = hash(filled);
    const again = await run(['template', '--plan', plan, '-o', dir]);
    expect(again.code).toBe(0);
    expect(hash(filled)).toBe(before);
    expect(listed(dir)).toEqual(['18859 Đồng Thuận (2).xlsx', '18859 Đồng Thuận.xlsx', '18871 Đồng Sơn.xlsx']);
    expect(again.out).toContain('"18859 Đồng Thuận.xlsx" không do lệnh này ghi');
    expect(again.out).toContain('"18859 Đồng Thuận (2).xlsx"');
    const [grid] = await readXlsxFile(path.join(dir, '18859 Đồng Thuận (2).xlsx'));
    expect(readSheet(grid).kind).toBe('report');
  });

  it('a file of the user already there is never replaced, nor a file outside the folder through a link named like a template', async () => {
    const plan = await planFile([{ code: '18859', name: 'UBND xã Đồng Thuận' }, { code: '18871', name: 'UBND xã Đồng Sơn' }]);
    const dir = at('mau');
    fs.mkdirSync(dir);
    fs.writeFileSync(at('ngoai.xlsx'), 'outside the folder');
    fs.symlinkSync(at('ngoai.xlsx'), path.join(dir, '18859 Đồng Thuận.xlsx'));
    fs.writeFileSync(path.join(dir, '18871 đồng sơn.XLSX'), 'the user\'s own file, another case');
    const res = await run(['template', '--plan', plan, '-o', dir]);
    expect(res.code).toBe(0);
    expect(fs.readFileSync(at('ngoai.xlsx'), 'utf8')).toBe('outside the folder');
    expect(fs.lstatSync(path.join(dir, '18859 Đồng Thuận.xlsx')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, '18871 đồng sơn.XLSX'), 'utf8')).toBe('the user\'s own file, another case');
    expect(listed(dir)).toEqual(['18859 Đồng Thuận (2).xlsx', '18859 Đồng Thuận.xlsx', '18871 Đồng Sơn (2).xlsx', '18871 đồng sơn.XLSX']);
    expect(res.out.match(/không do lệnh này ghi/g)).toHaveLength(2);
  });

  it('one unit name of 244 bytes costs only its own file, cut to fit; reserved, right-to-left and zero-width names made safe', async () => {
    const long = `UBND xã ${'Đồng Thuận Hương Trà '.repeat(9)}`.trim();
    expect(bytes(long)).toBeGreaterThan(240);
    const plan = await planFile([{ name: long }, { code: '18871', name: 'UBND xã Đồng Sơn' }, { name: 'CON' }, { name: 'UBND xã A\u202Exslx.exe\u200B' }]);
    const dir = at('mau');
    const res = await run(['template', '--plan', plan, '-o', dir]);
    expect(res.code).toBe(0);
    const files = listed(dir);
    expect(files).toHaveLength(4);
    expect(files).toContain('18871 Đồng Sơn.xlsx');
    expect(files).toContain('_CON.xlsx');
    expect(files).toContain('Axslx.exe.xlsx');
    const cut = files.find((f) => f.startsWith('Đồng Thuận'))!;
    expect(bytes(cut)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(cut.endsWith('.xlsx')).toBe(true);
    for (const f of files) expect(f).not.toMatch(/[\u200B\u202E]/);

    // The pane's zip names its entries the same way: every entry fits in 255 bytes.
    const [planRead] = (await readXlsxFile(plan)).map((g) => readSheet(g));
    const zip = await templatesZip((planRead as { plan: Plan }).plan);
    const entries = Object.keys(unzipSync(zip.bytes));
    expect(entries.sort()).toEqual(files);
    for (const e of entries) expect(bytes(e)).toBeLessThanOrEqual(255);
  });
});

describe('names safe on every system', () => {
  it('reserved device names, invisible characters, a leading dot, and a name cut at a character, never inside one', () => {
    expect(safeFileName('NUL', '.docx')).toBe('_NUL.docx');
    expect(safeFileName('com1.tar', '.xlsx')).toBe('_com1.tar.xlsx');
    expect(safeFileName('  ..ẩn', '.xlsx')).toBe('ẩn.xlsx');
    expect(safeFileName('a\u2066b\u200Dc\uFEFF', '.xlsx')).toBe('abc.xlsx');
    const name = safeFileName('ệ'.repeat(100), '.xlsx');
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name).toBe(`${'ệ'.repeat(Math.floor((MAX_FILE_NAME_BYTES - 5) / 3))}.xlsx`);
  });

  it('two outputs of one run differing only in case are refused (-o s.xlsx --json S.XLSX)', () => {
    expect(() => guardOutputs([at('s.xlsx'), at('S.XLSX')], [])).toThrow(OutputError);
    expect(() => guardOutputs([at('s.xlsx'), at('S.XLSX')], [])).toThrow(/trùng nhau/);
  });

  it('the command line refuses them before writing anything', async () => {
    fs.mkdirSync(at('in'));
    const same = await run(['compile', at('in'), '-o', at('s.xlsx'), '--json', at('S.XLSX')]);
    expect(same.code).not.toBe(0);
    expect(same.err).toMatch(/trùng nhau/);
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(['in']);
  });
});
