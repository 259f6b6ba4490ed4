/**
 * Issue 9: the formats units really send. Example files converted by
 * LibreOffice (a program we did not write) to .xls and .ods compile to the
 * same figures as the .xlsx, with a warning naming the file. LibreOffice
 * cannot write .xlsb (import only), so the .xlsb is written by SheetJS from
 * LibreOffice's .ods and checked against the real thing: LibreOffice opens
 * it and its .xlsx of it compiles the same too.
 *
 * Nothing is skipped: without LibreOffice (apt-get install
 * libreoffice-calc-nogui, as .ci/run does) this test fails.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { readXlsxFileSafely } from '../../src/xlsx/read-file';
import { readWorkbook } from '../../src/xlsx/read';
import { compileDistrict, exampleGrids, whatUsersSee } from '../helpers/district';
import { EXAMPLES } from '../helpers/plant-xlsx';
import { tempDir } from '../helpers/xlsx-files';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip');

const FILES = ['xa-huong-loc.xlsx', 'xa-huong-huu.xlsx', 'phong-ban.xlsx', 'ke-hoach.xlsx'];

function soffice(): string {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('LibreOffice is needed for this test: apt-get install -y libreoffice-calc-nogui');
  return r.stdout.trim();
}

function convert(office: string, files: string[], to: string, outdir: string, work: string): void {
  const r = spawnSync(office, [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--convert-to', to, '--outdir', outdir, ...files],
    { encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`soffice --convert-to ${to} failed: ${r.stderr}`);
}

describe('.xls, .xlsb, .ods from LibreOffice compile like the .xlsx', () => {
  const base = exampleGrids();
  let tmp: ReturnType<typeof tempDir>;
  let office: string;
  beforeAll(() => {
    tmp = tempDir('tonghop-formats-');
    office = soffice();
    const inputs = FILES.map((f) => path.join(EXAMPLES, f));
    convert(office, inputs, 'xls', path.join(tmp.dir, 'xls'), tmp.dir);
    convert(office, inputs, 'ods', path.join(tmp.dir, 'ods'), tmp.dir);
    fs.mkdirSync(path.join(tmp.dir, 'xlsb'));
    for (const f of FILES) {
      const ods = fs.readFileSync(path.join(tmp.dir, 'ods', f.replace(/xlsx$/, 'ods')));
      const wb = XLSX.read(ods, { type: 'buffer', cellDates: false });
      fs.writeFileSync(path.join(tmp.dir, 'xlsb', f.replace(/xlsx$/, 'xlsb')), XLSX.write(wb, { type: 'buffer', bookType: 'xlsb' }));
    }
    // The real thing reads our stand-in .xlsb: LibreOffice's .xlsx of it must compile the same.
    convert(office, FILES.map((f) => path.join(tmp.dir, 'xlsb', f.replace(/xlsx$/, 'xlsb'))), 'xlsx', path.join(tmp.dir, 'xlsb-lo'), tmp.dir);
  }, 600_000);
  afterAll(() => tmp.cleanup());

  for (const [dir, ext, format] of [['xls', 'xls', /Excel 97–2003 \(\.xls\)/], ['ods', 'ods', /OpenDocument \(\.ods\)/], ['xlsb', 'xlsb', /Excel nhị phân \(\.xlsb\)/], ['xlsb-lo', 'xlsx', null]] as const) {
    it(`${dir}: same figures, statuses, tasks and findings as the .xlsx${format ? ', and a warning naming the file' : ''}`, async () => {
      for (const f of FILES) {
        const file = path.join(tmp.dir, dir, f.replace(/xlsx$/, ext));
        const { grids, findings } = await readXlsxFileSafely(file);
        const name = path.basename(file);
        if (format) {
          expect(findings).toEqual([expect.objectContaining({ severity: 'warning', rule: 'file.other-format', unit: name })]);
          expect(findings[0].message).toMatch(format);
          expect(findings[0].message).toContain(`"${name}"`);
        } else {
          expect(findings).toEqual([]);
        }
        expect(grids.map((g) => g.sheet)).toEqual(base.get(f)!.map((g) => g.sheet));
        expect([name, whatUsersSee(compileDistrict(base, f, grids))]).toEqual([name, whatUsersSee(compileDistrict(base, f, base.get(f)!))]);
      }
    });
  }

  it('.ods: a formula with no stored value is the same error as in .xlsx', async () => {
    const odsPath = path.join(tmp.dir, 'ods', 'xa-huong-loc.ods');
    const zip = await JSZip.loadAsync(fs.readFileSync(odsPath));
    const content: string = await zip.file('content.xml').async('string');
    // The first number of Section I (A2 = 10 in the example): a formula saved without its result.
    const xlsxZip = await JSZip.loadAsync(fs.readFileSync(path.join(EXAMPLES, 'xa-huong-loc.xlsx')));
    const sheet: string = await xlsxZip.file('xl/worksheets/sheet1.xml').async('string');
    const figure = /<c r="D(\d+)"( s="\d+")?><v>(\d+)<\/v><\/c>/.exec(sheet)!;
    const row = figure[1];
    xlsxZip.file('xl/worksheets/sheet1.xml', sheet.replace(figure[0], `<c r="D${row}"${figure[2] ?? ''}><f>B1+1</f></c>`));
    const value = new RegExp(`<table:table-cell[^>]*office:value="${figure[3]}"[^>]*>(?:(?!</table:table-cell>)[\\s\\S])*</table:table-cell>`).exec(content)!;
    zip.file('content.xml', content.replace(value[0], '<table:table-cell table:formula="of:=[.B1]+1"/>'));
    const fromOds = readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), 'x.ods').grids;
    const fromXlsx = readWorkbook(await xlsxZip.generateAsync({ type: 'nodebuffer' }), 'x.xlsx').grids;
    const errors = (grids: typeof fromOds) => compileDistrict(base, 'xa-huong-loc.xlsx', grids).findings
      .filter((x) => x.severity === 'error' && x.unit === 'UBND xã Hương Lộc').map((x) => [x.rule, x.cell]);
    expect(errors(fromXlsx)).toEqual([expect.arrayContaining([`D${row}`])]);
    expect(errors(fromOds)).toEqual(errors(fromXlsx));
  });
});
