import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { main } from '../../src/cli/main';
import { readSheet } from '../../src/core/reader';
import { layoutPlan, newPlanSpec } from '../../src/core/layout/plan-sheet';
import { readXlsxFile } from '../../src/xlsx/read-file';
import { writeXlsx } from '../../src/xlsx/write';
import { captureIo, tempDir } from '../helpers/xlsx-files';
import { circularByField, exportBytes, late, pending, provinceByUnit, received, sampleFields, sampleUnits, type DossierRow } from '../helpers/tthc-exports';

async function run(argv: string[]) {
  const cap = captureIo();
  const code = await main(argv, cap.io);
  return { code, out: cap.out(), err: cap.err() };
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => { tmp = tempDir('tonghop-tthc-'); });
afterEach(() => tmp.cleanup());
const at = (...p: string[]) => path.join(tmp.dir, ...p);

const total = (rows: readonly DossierRow[], k: (d: DossierRow) => number) => rows.reduce((s, r) => s + k(r), 0);

test('tonghop tthc prints each unit\'s D figures with the cells they came from, and --json - with the codes as keys', async () => {
  const fields = sampleFields();
  fs.writeFileSync(at('bieu06.xls'), exportBytes(circularByField('UBND xã Hương Lộc', fields), 'biff8'));
  const res = await run(['tthc', at('bieu06.xls')]);
  expect(res.code).toBe(0);
  const d2 = total(fields, received) - total(fields, (d) => d.carried);
  expect(res.out).toContain('UBND xã Hương Lộc');
  expect(res.out).toMatch(new RegExp(`D2 += +${d2.toLocaleString('de-DE').replace('.', '\\.')} +D10 − G10`));
  expect(res.out).toContain('D9  =       0   không có cột rút, trả lại, dừng xử lý: 0');

  const units = sampleUnits();
  fs.writeFileSync(at('tinh.xlsx'), exportBytes(provinceByUnit([{ name: 'Các xã', units }]), 'xlsx'));
  const json = await run(['tthc', at('tinh.xlsx'), '--json', '-']);
  const parsed = JSON.parse(json.out) as { units: { unit: string; figures: Record<string, number>; sources: Record<string, { from: string }> }[] }[];
  expect(parsed[0].units.map((u) => u.unit)).toEqual(units.map((u) => u.name));
  expect(parsed[0].units[1].figures).toEqual({
    D1: units[1].carried, D2: received(units[1]) - units[1].carried, D3: units[1].onlineFull + units[1].onlinePart,
    D4: units[1].early + units[1].onTime, D5: late(units[1]), D6: pending(units[1]), D9: units[1].withdrawn, D10: units[1].pendingLate,
  });
  expect(parsed[0].units[1].sources.D1.from).toBe('E8');
});

test('tonghop tthc on a file that is no export says so and exits 1', async () => {
  fs.writeFileSync(at('khac.xlsx'), exportBytes({ rows: [['Danh sách cán bộ'], ['Nguyễn Văn A', 45]], merges: [] }, 'xlsx'));
  const res = await run(['tthc', at('khac.xlsx')]);
  expect(res.code).toBe(1);
  expect(res.out).toContain('Tệp «khac.xlsx» không có trang nào giống biểu xuất từ Hệ thống một cửa');
});

test('template --plan --tthc pre-fills each unit\'s dossier block; compile --tthc warns on each difference', async () => {
  const units = sampleUnits();
  fs.writeFileSync(at('mot-cua.xlsx'), exportBytes(provinceByUnit([{ name: 'Các xã', units }]), 'xlsx'));
  const spec = newPlanSpec({ period: 'Quý I', year: 2026 });
  const roster = units.map((u, i) => ({ code: `1900${i}`, name: `UBND ${u.name.replace(/^X/, 'x').replace(/^P/, 'p')}`, level: 'Xã', parent: 'UBND thành phố Huế' }));
  fs.writeFileSync(at('ke-hoach.xlsx'), await writeXlsx([layoutPlan({ ...spec, compilingUnit: 'UBND thành phố Huế', level: 'Tỉnh', roster })]));
  const made = await run(['template', '--plan', at('ke-hoach.xlsx'), '--tthc', at('mot-cua.xlsx'), '-o', at('mau')]);
  expect(made.code).toBe(0);
  expect(made.out).toContain(`cho ${units.length}/${units.length} đơn vị`);

  const files = fs.readdirSync(at('mau')).sort();
  const first = at('mau', files.find((f) => f.startsWith('19000'))!);
  const read = readSheet((await readXlsxFile(first))[0]);
  if (read.kind !== 'report') throw new Error(read.kind);
  expect(read.report.figures.D2).toBe(received(units[0]) - units[0].carried);
  expect(read.report.figures.D6).toBe(pending(units[0]));

  // A clerk changes D5 in one template; the compile against the export says so, quoting both.
  const grids = await readXlsxFile(first);
  const d5 = grids[0].cells.findIndex((r) => r[0] === 'D5');
  const changed = grids[0].cells.map((r) => r.slice());
  changed[d5][3] = late(units[0]) + 4;
  // The unit's file saved again with that one change.
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(changed.map((r) => r.map((v) => (v === null || typeof v === 'object' ? undefined : v)))), grids[0].sheet);
  fs.writeFileSync(first, XLSX.write(wb, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
  const res = await run(['compile', at('mau'), '--plan', at('ke-hoach.xlsx'), '--tthc', at('mot-cua.xlsx'), '-o', at('tong-hop.xlsx'), '--json', '-']);
  expect(res.code).toBe(0);
  const result = JSON.parse(res.out) as { findings: { rule: string; message: string; unit: string }[] };
  const differs = result.findings.filter((f) => f.rule === 'tthc.differs');
  expect(differs.map((f) => f.message)).toEqual([expect.stringContaining(`D5: đơn vị ghi ${late(units[0]) + 4}, Hệ thống một cửa ${late(units[0])}`)]);
});

test('template --plan --tthc names, in one line, the plan\'s units the export has no row for (D block left blank)', async () => {
  const units = sampleUnits();
  fs.writeFileSync(at('mot-cua.xlsx'), exportBytes(provinceByUnit([{ name: 'Các xã', units }]), 'xlsx'));
  const spec = newPlanSpec({ period: 'Quý I', year: 2026 });
  const absent = Array.from({ length: 10 }, (_, i) => `UBND xã Vắng ${i + 1}`);
  const roster = [...units.map((u) => `UBND ${u.name.replace(/^X/, 'x').replace(/^P/, 'p')}`), ...absent]
    .map((name, i) => ({ code: `${19000 + i}`, name, level: 'Xã', parent: 'UBND thành phố Huế' }));
  fs.writeFileSync(at('ke-hoach.xlsx'), await writeXlsx([layoutPlan({ ...spec, compilingUnit: 'UBND thành phố Huế', level: 'Tỉnh', roster })]));
  const made = await run(['template', '--plan', at('ke-hoach.xlsx'), '--tthc', at('mot-cua.xlsx'), '-o', at('mau')]);
  expect(made.code).toBe(0);
  expect(made.out).toContain(`cho ${units.length}/${roster.length} đơn vị`);
  const said = made.err.split('\n').filter((l) => l.includes('không có trong số liệu Hệ thống một cửa'));
  expect(said).toEqual([`[Cảnh báo] 10 đơn vị không có trong số liệu Hệ thống một cửa, khối D trong mẫu của các đơn vị này để trống, đơn vị tự điền: ${absent.slice(0, 8).join(', ')} và 2 đơn vị khác.`]);
  // Every unit of the export found its template: nothing else said.
  expect(made.err).not.toContain('không có trong danh sách đơn vị của Kế hoạch');
});
