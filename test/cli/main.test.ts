import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { unitReportSheet, type UnitSheetSpec } from '../helpers/unit-sheet';
import { layoutPlan as planSheet } from '../../src/core/layout/plan-sheet';
import { readSheet } from '../../src/core/reader';
import { INDICATOR_CODES } from '../../src/core/template';
import { readXlsxFile } from '../../src/xlsx/read-file';
import { writeXlsx } from '../../src/xlsx/write';
import { captureIo, encryptedWorkbookBytes, exceljsWorkbook, tempDir, truncated, writeUnitFile } from '../helpers/xlsx-files';

const DISTRICT = 'UBND huyện Nam Đông';

function commune(name: string, figures: UnitSheetSpec['figures'], extra: Partial<UnitSheetSpec> = {}): UnitSheetSpec {
  return {
    sheetName: name.replace(/^UBND (xã|thị trấn) /, ''), unit: name, level: 'Xã', parent: DISTRICT, period: 'Năm', year: 2022,
    figures: { A6: 2, D1: 0, D5: 0, D6: 0, ...figures },
    tasks: [{ stt: 1, name: 'Tuyên truyền trên Trang thông tin điện tử', done: true, result: 'Đã thực hiện' }],
    ...extra,
  };
}

async function run(argv: string[]) {
  const cap = captureIo();
  const code = await main(argv, cap.io);
  return { code, out: cap.out(), err: cap.err() };
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => { tmp = tempDir('tonghop-cli-'); });
afterEach(() => tmp.cleanup());
const at = (...p: string[]) => path.join(tmp.dir, ...p);

async function twoCommunes(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  await writeUnitFile(path.join(dir, 'huong-loc.xlsx'), commune('UBND xã Hương Lộc', { A1: 20, A2: 10, D2: 1031, D4: 1031 }));
  await writeUnitFile(path.join(dir, 'huong-phu.xlsx'), commune('UBND xã Hương Phú', { A1: 26, A2: 33, D2: 842, D4: 842 }));
}

describe('arguments and help', () => {
  it('prints the Vietnamese help with --help and exits 0; no command is a usage error (2)', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Cách dùng/);
    expect(help.out).toMatch(/tonghop compile/);
    expect(help.out).toMatch(/tonghop template/);
    expect((await run([])).code).toBe(2);
    expect((await run(['compile', '--help'])).code).toBe(0);
  });

  it('rejects an unknown command, an unknown option, a missing value, a bad period or year (exit 2, no stack trace)', async () => {
    for (const argv of [
      ['tonghop'],
      ['compile', 'x.xlsx', '--khong-co'],
      ['compile', 'x.xlsx', '-o'],
      ['compile', 'x.xlsx', '--period', 'Quý V'],
      ['compile', 'x.xlsx', '--year', 'hai nghìn'],
      ['compile', 'x.xlsx', '-o', 'tong-hop.csv'],
      ['template', '--level', 'Xã'],
      ['template', '--unit', 'UBND xã A', '--level', 'Thôn', '--parent', 'B'],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Lỗi cú pháp/);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('levels in messages', () => {
  it('quotes each level, since «Phòng, ban» and «Sở, ngành» hold a comma themselves', async () => {
    const r = await run(['template', '--unit', 'UBND xã A', '--level', 'Thôn', '--parent', 'B']);
    expect(r.err).toContain('«Xã», «Phòng, ban», «Huyện», «Sở, ngành», «Tỉnh»');
  });
});

describe('tonghop --version', () => {
  it("prints the package's version and exits 0", async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`tonghop ${JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version}`);
  });
});

describe('tonghop compile: inputs', () => {
  it('exits 1 with a message when no input can be read at all (missing file, empty folder)', async () => {
    const missing = await run(['compile', at('khong-co.xlsx'), '-o', at('out.xlsx')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Không tìm thấy tệp hoặc thư mục/);
    expect(missing.err).toMatch(/Không có sổ Excel nào để đọc/);
    fs.mkdirSync(at('rong'));
    const empty = await run(['compile', at('rong'), '-o', at('out.xlsx')]);
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/không có sổ Excel nào/);
    expect(fs.existsSync(at('out.xlsx'))).toBe(false);
  });

  it('exits 1 with a Vietnamese message and writes nothing when the workbooks read hold no TTCCHC-1 report', async () => {
    fs.mkdirSync(at('in'));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Danh sách cán bộ'], ['Nguyễn Văn A', 45]]), 'Sheet1');
    fs.writeFileSync(at('in', 'danh-sach.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = await run(['compile', at('in'), '-o', at('out.xlsx'), '--docx', at('bc.docx')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Không có báo cáo nào để tổng hợp/);
    expect(r.out + r.err).not.toMatch(/năm \d{4}/);
    expect(fs.existsSync(at('out.xlsx'))).toBe(false);
    expect(fs.existsSync(at('bc.docx'))).toBe(false);
    const check = await run(['check', at('in')]);
    expect(check.code).toBe(1);
    expect(check.err).toMatch(/Không có báo cáo nào/);
  });

  it('compiles the good files when a bad file (password, corrupt, not a workbook) is among them', async () => {
    await twoCommunes(at('in'));
    fs.writeFileSync(at('in', 'mat-khau.xlsx'), encryptedWorkbookBytes());
    fs.writeFileSync(at('in', 'hong.xlsx'), truncated(fs.readFileSync(at('in', 'huong-loc.xlsx'))));
    fs.writeFileSync(at('in', 'ghi-chu.xlsx'), 'không phải bảng tính');
    const r = await run(['compile', at('in'), '-o', at('out.xlsx'), '--json', at('out.json')]);
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(at('out.json'), 'utf8'));
    expect(json.reports.filter((x: { counted: boolean }) => x.counted).map((x: { unit: string }) => x.unit).sort())
      .toEqual(['UBND xã Hương Lộc', 'UBND xã Hương Phú']);
    expect(json.summaries[0].figures.A1).toBe(46);
    const fileErrors = json.findings.filter((f: { sheet: string; severity: string }) => f.sheet === '' && f.severity === 'error');
    expect(fileErrors.map((f: { unit: string; rule: string }) => [f.unit, f.rule]).sort()).toEqual([
      ['ghi-chu.xlsx', 'file.not-xlsx'], ['hong.xlsx', 'file.corrupt'], ['mat-khau.xlsx', 'file.encrypted'],
    ]);
    expect(r.out).toMatch(/mat-khau\.xlsx.*mật khẩu/);
  });

  it('counts a formula by its cached value; a formula never calculated is an error on its cell', async () => {
    const sheet = unitReportSheet(commune('UBND xã Hương Lộc', { A1: 1, A2: 1, D2: 5, D4: 5 }));
    const rowOf = (code: string) => sheet.rows.findIndex((r) => r[0]?.v === code) + 1;
    const bytes = await exceljsWorkbook((wb) => {
      const ws = wb.addWorksheet(sheet.name);
      sheet.rows.forEach((row, r) => row.forEach((c, col) => { if (c?.v !== null && c?.v !== undefined) ws.getCell(r + 1, col + 1).value = c.v; }));
      ws.getCell(`D${rowOf('A1')}`).value = { formula: 'SUM(10,5)', result: 15 };
      ws.getCell(`D${rowOf('A2')}`).value = { formula: 'SUM(3,4)' } as never;
      // A merged value cell counts by its top-left cell.
      ws.getCell(`D${rowOf('B1')}`).value = 4;
      ws.mergeCells(`D${rowOf('B1')}:E${rowOf('B1')}`);
    });
    fs.writeFileSync(at('cong-thuc.xlsx'), bytes);
    const r = await run(['compile', at('cong-thuc.xlsx'), '-o', at('out.xlsx'), '--json', at('out.json')]);
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(at('out.json'), 'utf8'));
    expect(json.reports[0].figures.A1).toBe(15);
    expect(json.reports[0].figures.A2).toBeNull();
    expect(json.reports[0].figures.B1).toBe(4);
    const f = json.findings.find((x: { rule: string }) => x.rule === 'figure.no-cached-value');
    expect(f).toMatchObject({ severity: 'error', unit: 'UBND xã Hương Lộc', sheet: sheet.name, cell: `D${rowOf('A2')}` });
    expect(f.message).toMatch(/mở tệp bằng Excel và lưu lại/);
  });
});

describe('tonghop compile: outputs', () => {
  it('writes the output workbook: sheet names, text stays text, number formats, A4 landscape print setup', async () => {
    await twoCommunes(at('in'));
    await writeUnitFile(at('in', 'huong-son.xlsx'), commune('UBND xã Hương Sơn', { A1: 5, D2: 10, D4: 10 }, {
      assessment: { proposals: '=HYPERLINK("http://x") đề nghị cấp kinh phí', weaknesses: '+ chưa có trang thông tin' },
    }));
    const r = await run(['compile', at('in'), '-o', at('out', 'tong-hop.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Đã ghi .*tong-hop\.xlsx \(6 trang: TH Nam Đông, NV Nam Đông, BĐ Nam Đông, PL Nam Đông, BC Nam Đông, Kiểm tra\)/);
    const bytes = fs.readFileSync(at('out', 'tong-hop.xlsx'));
    const wb = XLSX.read(bytes, { type: 'buffer', cellFormula: true, cellNF: true });
    expect(wb.SheetNames).toEqual(['TH Nam Đông', 'NV Nam Đông', 'BĐ Nam Đông', 'PL Nam Đông', 'BC Nam Đông', 'Kiểm tra']);
    // No cell anywhere is a formula; the unit's `=…` and `+…` texts are string cells.
    const texts: string[] = [];
    for (const name of wb.SheetNames) {
      for (const [addr, cell] of Object.entries(wb.Sheets[name])) {
        if (addr.startsWith('!')) continue;
        expect((cell as XLSX.CellObject).f).toBeUndefined();
        if ((cell as XLSX.CellObject).t === 's') texts.push(String((cell as XLSX.CellObject).v));
      }
    }
    expect(texts.some((t) => t.includes('=HYPERLINK("http://x") đề nghị cấp kinh phí'))).toBe(true);
    expect(texts.some((t) => t.includes('+ chưa có trang thông tin'))).toBe(true);
    // The compiled report's A1 value cell holds 51 with the count format.
    const bc = wb.Sheets['BC Nam Đông'];
    const a1Row = Object.keys(bc).find((k) => !k.startsWith('!') && /^A\d+$/.test(k) && bc[k].v === 'A1')!;
    const value = bc[`D${a1Row.slice(1)}`];
    expect(value.v).toBe(51);
    expect(value.z).toBe('#,##0');
    // Print setup in the sheet XML: A4 (paperSize 9), landscape for the summary at a legible scale, in column blocks.
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<pageSetup paperSize="9" scale="80" orientation="landscape"\/>/);
    expect(xml).toMatch(/<colBreaks count="\d+"/);
  });

  it('prints the JSON result with --json - (summary to stderr) in the documented shape', async () => {
    await twoCommunes(at('in'));
    const r = await run(['compile', at('in'), '-o', at('out.xlsx'), '--json', '-']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json).sort()).toEqual(['findings', 'period', 'reports', 'summaries', 'year']);
    expect(json.period).toBe('Năm');
    expect(json.year).toBe(2022);
    expect(json.reports[0]).toEqual(expect.objectContaining({ unit: 'UBND xã Hương Lộc', file: 'huong-loc.xlsx', counted: true }));
    expect(Object.keys(json.reports[0].figures)).toEqual([...INDICATOR_CODES]);
    expect(json.summaries[0]).toEqual(expect.objectContaining({ unit: DISTRICT }));
    expect(json.summaries[0].figures.D2).toBe(1873);
    expect(json.summaries[0].rates.onTime).toBe(1);
    expect(r.err).toMatch(/Báo cáo được tính: 2\/2/);
  });

  it('gives the same totals when run twice with its output inside the input folder', async () => {
    await twoCommunes(at('in'));
    const first = await run(['compile', at('in'), '-o', at('in', 'tong-hop.xlsx'), '--json', at('1.json')]);
    const second = await run(['compile', at('in'), '-o', at('in', 'tong-hop.xlsx'), '--json', at('2.json')]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const a = JSON.parse(fs.readFileSync(at('1.json'), 'utf8'));
    const b = JSON.parse(fs.readFileSync(at('2.json'), 'utf8'));
    expect(b.summaries.map((s: { figures: unknown }) => s.figures)).toEqual(a.summaries.map((s: { figures: unknown }) => s.figures));
    expect(b.summaries[0].children).toEqual(a.summaries[0].children);
    // The earlier output was read and left out, not counted.
    expect(b.reports.filter((x: { counted: boolean }) => x.counted)).toHaveLength(2);
    expect(b.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('never writes its output over a unit\'s report file or the plan file given as input', async () => {
    await twoCommunes(at('in'));
    const unitFile = at('in', 'huong-loc.xlsx');
    const before = fs.readFileSync(unitFile);
    const r = await run(['compile', at('in'), '-o', unitFile]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/huong-loc\.xlsx.*báo cáo/);
    expect(r.err).not.toMatch(/\n\s+at /);
    // The commune's report is still there, byte for byte.
    expect(fs.readFileSync(unitFile).equals(before)).toBe(true);
    const planFile = at('ke-hoach.xlsx');
    fs.writeFileSync(planFile, await writeXlsx([planSheet({ compilingUnit: DISTRICT, level: 'Huyện', period: 'Năm', year: 2022, tasks: [], roster: [] })]));
    const planBefore = fs.readFileSync(planFile);
    const p = await run(['compile', at('in'), '--plan', planFile, '-o', planFile]);
    expect(p.code).toBe(1);
    expect(fs.readFileSync(planFile).equals(planBefore)).toBe(true);
    // A district's compiled workbook, read by the province, is someone else's report too.
    expect((await run(['compile', at('in'), '-o', at('huyen.xlsx')])).code).toBe(0);
    const districtBefore = fs.readFileSync(at('huyen.xlsx'));
    expect((await run(['compile', at('huyen.xlsx'), '-o', at('huyen.xlsx')])).code).toBe(1);
    expect(fs.readFileSync(at('huyen.xlsx')).equals(districtBefore)).toBe(true);
    // Nor does the template command write over the plan it takes its tasks from.
    const t = await run(['template', '--unit', 'UBND xã A', '--level', 'Xã', '--parent', DISTRICT, '--plan', planFile, '-o', planFile]);
    expect(t.code).toBe(1);
    expect(fs.readFileSync(planFile).equals(planBefore)).toBe(true);
  });

  it('exits 1 with a Vietnamese message when the output cannot be written', async () => {
    await twoCommunes(at('in'));
    fs.mkdirSync(at('la-thu-muc.xlsx'));
    const dir = await run(['compile', at('in'), '-o', at('la-thu-muc.xlsx')]);
    expect(dir.code).toBe(1);
    expect(dir.err).toMatch(/Không ghi được tệp .*thư mục/);
    fs.writeFileSync(at('tep'), 'x');
    const underFile = await run(['compile', at('in'), '-o', at('tep', 'out.xlsx')]);
    expect(underFile.code).toBe(1);
    expect(underFile.err).toMatch(/Không ghi được tệp/);
    expect(underFile.err).not.toMatch(/\n\s+at /);
  });
});

describe('tonghop check', () => {
  it('prints findings grouped by unit, units with errors first', async () => {
    await twoCommunes(at('in'));
    await writeUnitFile(at('in', 'huong-son.xlsx'), commune('UBND xã Hương Sơn', { A1: '33 tin, bài', D1: 4, D2: 612, D4: 598, D6: 9 }));
    const r = await run(['check', at('in')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Kiểm tra 3 tệp, 3 báo cáo đơn vị \(năm 2022\): 1 lỗi/);
    const son = r.out.search(/UBND xã Hương Sơn \(1 lỗi, \d+ cảnh báo\)/);
    expect(son).toBeGreaterThan(0);
    // Hương Sơn (the unit with an error) comes before the units with warnings only.
    expect(son).toBeLessThan(r.out.indexOf('UBND xã Hương Lộc ('));
    const block = r.out.slice(son).split('\n\n')[0];
    expect(block).toMatch(/\[Lỗi\] huong-son\.xlsx › 'Hương Sơn'!D\d+: D4 \+ D5 \+ D6/);
    expect(block.indexOf('[Lỗi]')).toBeLessThan(block.indexOf('[Cảnh báo]'));
    const json = await run(['check', at('in'), '--json']);
    expect(JSON.parse(json.out).findings.some((f: { rule: string }) => f.rule === 'dossier.balance' || /balance/.test(f.rule))).toBe(true);
  });
});

describe('tonghop template', () => {
  it('writes a blank TTCCHC-1 sheet that the reader reads back with its identification and the plan tasks', async () => {
    fs.writeFileSync(at('ke-hoach.xlsx'), await writeXlsx([planSheet({
      compilingUnit: DISTRICT, level: 'Huyện', parent: 'UBND tỉnh Thừa Thiên Huế', period: 'Năm', year: 2024,
      tasks: [{ stt: 1, name: 'Tuyên truyền trên Trang thông tin điện tử', indicator: 'A1', minimum: 12 }, { stt: 2, name: 'Niêm yết TTHC' }],
      roster: [{ code: 'X001', name: 'UBND xã Hương Lộc', level: 'Xã', parent: DISTRICT }],
    })]));
    const r = await run(['template', '--unit', 'UBND xã Hương Lộc', '--level', 'Xã', '--parent', DISTRICT,
      '--period', 'Năm', '--year', '2024', '--code', 'X001', '--plan', at('ke-hoach.xlsx'), '-o', at('mau.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 nhiệm vụ theo Kế hoạch/);
    const grids = await readXlsxFile(at('mau.xlsx'));
    expect(grids).toHaveLength(1);
    const read = readSheet(grids[0]);
    expect(read.kind).toBe('report');
    if (read.kind !== 'report') return;
    expect(read.report).toMatchObject({
      unit: 'UBND xã Hương Lộc', unitCode: 'X001', level: 'Xã', parent: DISTRICT, period: 'Năm', year: 2024, identificationOk: true, compiled: false,
    });
    expect(read.report.tasks.map((t) => [t.stt, t.name])).toEqual([[1, 'Tuyên truyền trên Trang thông tin điện tử'], [2, 'Niêm yết TTHC']]);
    // A blank form: only "not filled in yet" findings (empty figures, unmarked tasks), nothing about the form itself.
    const errors = read.findings.filter((f) => f.severity === 'error');
    expect(errors.every((f) => /nhiệm vụ .* chưa đánh dấu/.test(f.message))).toBe(true);
  });
});

describe('district → province', () => {
  it('compiles communes into two district reports, then the district reports into the province', async () => {
    const province = 'UBND tỉnh Thừa Thiên Huế';
    const districts = [
      { name: 'UBND huyện Nam Đông', communes: [['UBND xã Hương Lộc', 20], ['UBND xã Hương Phú', 26]] },
      { name: 'UBND huyện A Lưới', communes: [['UBND xã Hồng Kim', 11], ['UBND xã Hồng Bắc', 9], ['UBND xã A Ngo', 14]] },
    ] as const;
    for (const [i, d] of districts.entries()) {
      const dir = at(`huyen-${i}`);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'ke-hoach.xlsx'), await writeXlsx([planSheet({
        compilingUnit: d.name, level: 'Huyện', parent: province, period: 'Năm', year: 2022, tasks: [], roster: [],
      })]));
      for (const [j, [name, a1]] of d.communes.entries()) {
        await writeUnitFile(path.join(dir, `xa-${j}.xlsx`), { ...commune(name, { A1: a1, D2: 100 * (j + 1), D4: 100 * (j + 1) }), parent: d.name });
      }
      const r = await run(['compile', dir, '-o', at('tinh', `huyen-${i}.xlsx`)]);
      expect(r.code).toBe(0);
    }
    const r = await run(['compile', at('tinh'), '-o', at('tinh', 'tong-hop-tinh.xlsx'), '--json', at('tinh.json')]);
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(at('tinh.json'), 'utf8'));
    const top = json.summaries.find((s: { unit: string }) => s.unit === province);
    expect(top).toBeDefined();
    expect(top.figures.A1).toBe(20 + 26 + 11 + 9 + 14);
    expect(top.figures.D2).toBe(100 + 200 + 100 + 200 + 300);
    // Both districts counted (their compiled reports are dated today, so after the 2022 deadline: Nộp muộn).
    expect(top.children.map((c: { unit: string }) => c.unit).sort()).toEqual(['UBND huyện A Lưới', 'UBND huyện Nam Đông']);
    expect(top.children.every((c: { status: string }) => c.status !== 'Chưa nộp')).toBe(true);
    // The communes' own sheets were in the district files' folders, not here: only the BC sheets counted.
    expect(json.reports.filter((x: { counted: boolean }) => x.counted).map((x: { unit: string }) => x.unit).sort())
      .toEqual(['UBND huyện A Lưới', 'UBND huyện Nam Đông']);
  });
});

describe('--plan', () => {
  it('warns when the plan file holds no plan sheet, and a missing plan file is an error finding, not a stop', async () => {
    await twoCommunes(at('in'));
    const notPlan = await run(['compile', at('in'), '--plan', at('in', 'huong-loc.xlsx'), '-o', at('a.xlsx'), '--json', at('a.json')]);
    expect(notPlan.code).toBe(0);
    const a = JSON.parse(fs.readFileSync(at('a.json'), 'utf8'));
    expect(a.findings.filter((f: { rule: string }) => f.rule === 'plan.not-found').map((f: { unit: string }) => f.unit)).toEqual(['huong-loc.xlsx']);
    // The plan file named again inside the folder is read once.
    expect(a.reports).toHaveLength(2);
    const missing = await run(['compile', at('in'), '--plan', at('khong-co.xlsx'), '-o', at('b.xlsx'), '--json', at('b.json')]);
    expect(missing.code).toBe(0);
    const b = JSON.parse(fs.readFileSync(at('b.json'), 'utf8'));
    expect(b.findings.filter((f: { rule: string }) => f.rule === 'plan.not-found')).toEqual([]);
    expect(b.findings.some((f: { rule: string; unit: string }) => f.rule === 'file.missing' && f.unit === 'khong-co.xlsx')).toBe(true);
  });
});
