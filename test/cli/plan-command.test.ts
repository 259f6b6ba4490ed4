import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { readSheet } from '../../src/core/reader';
import { provinces } from '../../src/core/national-units';
import { layoutPlan, newPlanSpec } from '../../src/core/layout/plan-sheet';
import { readXlsxFile } from '../../src/xlsx/read-file';
import { writeXlsx } from '../../src/xlsx/write';
import { captureIo, tempDir } from '../helpers/xlsx-files';
import type { Plan, UnitReport } from '../../src/core/model';

async function run(argv: string[]) {
  const cap = captureIo();
  const code = await main(argv, cap.io);
  return { code, out: cap.out(), err: cap.err() };
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => { tmp = tempDir('tonghop-plan-'); });
afterEach(() => tmp.cleanup());
const at = (...p: string[]) => path.join(tmp.dir, ...p);

async function planOf(file: string): Promise<Plan> {
  const reads = (await readXlsxFile(file)).map((g) => readSheet(g));
  const plan = reads.find((r) => r.kind === 'plan');
  if (plan?.kind !== 'plan') throw new Error(`no plan in ${file}`);
  expect(plan.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return plan.plan;
}

async function reportOf(file: string): Promise<UnitReport> {
  const reads = (await readXlsxFile(file)).map((g) => readSheet(g));
  const r = reads.find((x) => x.kind === 'report');
  if (r?.kind !== 'report') throw new Error(`no report in ${file}`);
  return r.report;
}

describe('tonghop plan', () => {
  it('writes a complete Kế hoạch for a province typed without diacritics: the province compiles every commune by its 5-digit code', async () => {
    const res = await run(['plan', '--province', 'quang tri', '--period', 'Quý I', '--year', '2026', '-o', at('ke-hoach.xlsx')]);
    expect(res.code).toBe(0);
    const plan = await planOf(at('ke-hoach.xlsx'));
    const qt = provinces().find((p) => p.name === 'Quảng Trị')!;
    // The span of Quý I (spec §11) and two working days after it (14/03/2026 is a Saturday).
    expect(plan).toMatchObject({ compilingUnit: 'UBND tỉnh Quảng Trị', level: 'Tỉnh', period: 'Quý I', year: 2026, from: '2025-12-15', to: '2026-03-14', deadline: '2026-03-17' });
    expect(plan.roster).toHaveLength(qt.communes.length);
    expect(plan.roster.every((u) => /^\d{5}$/.test(u.code ?? '') && u.parent === 'UBND tỉnh Quảng Trị' && u.level === 'Xã')).toBe(true);
    expect(plan.roster.map((u) => u.name)).toEqual(qt.communes.map((c) => c.unitName));
    expect(plan.roster.some((u) => u.name.startsWith('UBND phường '))).toBe(true);
    expect(plan.tasks.map((t) => t.stt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(plan.tasks[0]).toMatchObject({ indicator: 'A1', minimum: 12, threshold: 0.8 });
    expect(res.out).toContain(`${qt.communes.length} đơn vị cấp xã`);
  });

  it('matches a full name, a code, and names a centrally governed city UBND thành phố', async () => {
    expect((await run(['plan', '--province', 'Tỉnh Quảng Trị', '-o', at('a.xlsx')])).code).toBe(0);
    expect((await planOf(at('a.xlsx'))).compilingUnit).toBe('UBND tỉnh Quảng Trị');
    const hanoi = provinces().find((p) => p.code === '01')!;
    expect((await run(['plan', '--province', '1', '--period', 'Năm', '--year', '2025', '-o', at('b.xlsx')])).code).toBe(0);
    const plan = await planOf(at('b.xlsx'));
    expect(plan.compilingUnit).toBe('UBND thành phố Hà Nội');
    expect(plan.roster).toHaveLength(hanoi.communes.length);
    // Năm 2025 ends on Sunday 14/12: Monday, Tuesday.
    expect(plan.deadline).toBe('2025-12-16');
  });

  it('an unknown province is a usage error listing the 34 names, and writes nothing', async () => {
    const res = await run(['plan', '--province', 'Atlantis', '-o', at('x.xlsx')]);
    expect(res.code).toBe(2);
    expect(res.err).toContain('Atlantis');
    for (const p of provinces()) expect(res.err).toContain(p.fullName);
    expect(provinces()).toHaveLength(34);
    expect(fs.existsSync(at('x.xlsx'))).toBe(false);
  });

  it('without --province writes a blank plan for any compiling unit, with the default tasks', async () => {
    expect((await run(['plan', '-o', at('blank.xlsx')])).code).toBe(0);
    const plan = await planOf(at('blank.xlsx'));
    expect(plan.roster).toEqual([]);
    expect(plan.compilingUnit ?? '').toBe('');
    expect(plan.tasks).toHaveLength(8);
  });

  it('--tasks-from takes the tasks of another plan', async () => {
    const spec = newPlanSpec({ period: 'Năm', year: 2025, tasks: [{ stt: 1, name: 'Nhiệm vụ riêng của tỉnh', threshold: 0.5 }] });
    fs.writeFileSync(at('cu.xlsx'), await writeXlsx([layoutPlan({ ...spec, compilingUnit: 'UBND tỉnh Quảng Trị', level: 'Tỉnh' })]));
    expect((await run(['plan', '--province', '44', '--tasks-from', at('cu.xlsx'), '-o', at('moi.xlsx')])).code).toBe(0);
    expect((await planOf(at('moi.xlsx'))).tasks).toEqual([{ stt: 1, name: 'Nhiệm vụ riêng của tỉnh', threshold: 0.5 }]);
  });
});

describe('tonghop template --plan … -o <thư mục>', () => {
  it('writes one pre-filled template per roster unit, named by code and short name, a department without a code too', async () => {
    const spec = newPlanSpec({ province: provinces().find((p) => p.code === '44'), period: 'Quý I', year: 2026 });
    spec.roster = [...spec.roster.slice(0, 3), { name: 'Sở Nội vụ', level: 'Sở, ngành', parent: 'UBND tỉnh Quảng Trị' }];
    fs.writeFileSync(at('ke-hoach.xlsx'), await writeXlsx([layoutPlan(spec)]));
    const res = await run(['template', '--plan', at('ke-hoach.xlsx'), '-o', at('mau')]);
    expect(res.code).toBe(0);
    const files = fs.readdirSync(at('mau')).filter((f) => !f.startsWith('.')).sort();
    const first = spec.roster[0];
    expect(files).toEqual([...spec.roster.slice(0, 3).map((u) => `${u.code} ${u.name.replace(/^UBND (xã|phường|đặc khu) /, '')}.xlsx`), 'Sở Nội vụ.xlsx'].sort());
    const r = await reportOf(at('mau', `${first.code} ${first.name.replace(/^UBND (xã|phường|đặc khu) /, '')}.xlsx`));
    expect(r).toMatchObject({ unit: first.name, unitCode: first.code, level: 'Xã', parent: 'UBND tỉnh Quảng Trị', period: 'Quý I', year: 2026 });
    expect(r.tasks.map((t) => t.name)).toEqual(spec.tasks.map((t) => t.name));
    const dept = await reportOf(at('mau', 'Sở Nội vụ.xlsx'));
    expect(dept).toMatchObject({ unit: 'Sở Nội vụ', level: 'Sở, ngành', parent: 'UBND tỉnh Quảng Trị' });
  });

  it('refuses a plan without a roster, and a .xlsx name for the folder', async () => {
    fs.writeFileSync(at('trong.xlsx'), await writeXlsx([layoutPlan(newPlanSpec({ period: 'Năm', year: 2025 }))]));
    const empty = await run(['template', '--plan', at('trong.xlsx'), '-o', at('mau')]);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('chưa có danh sách đơn vị');
    expect((await run(['template', '--plan', at('trong.xlsx'), '-o', at('mau.xlsx')])).code).toBe(2);
  });
});
