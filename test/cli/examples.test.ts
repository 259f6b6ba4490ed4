/**
 * The bundled example district (examples/*.xlsx) compiled by the command
 * line, checked against sums computed here from the generator's data
 * (scripts/make-examples-data.js), not from the compiler.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { INDICATOR_CODES, type IndicatorCode } from '../../src/core/template';
import { captureIo, tempDir } from '../helpers/xlsx-files';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const DATA = require('../../scripts/make-examples-data.js') as {
  FILES: { file: string; sheets: { unit: string; figures: Record<string, number | string | null | undefined>; tasks: { stt: number; done: unknown }[] }[] }[];
  PLAN: { tasks: { stt: number; threshold?: number }[]; roster: { name: string }[] };
};

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

/**
 * What a value typed by a unit counts for, by the spec's rules: a number ≥ 0
 * counts; text with a number in it (`hơn 20`, `33 tin, bài`, `1.245`, `2,5`)
 * counts as that number; a negative number or text with no number counts as
 * not reported (0 in sums).
 */
function counts(v: number | string | null | undefined): number {
  if (typeof v === 'number') return v >= 0 ? v : 0;
  if (typeof v !== 'string') return 0;
  const m = /\d[\d.]*(?:,\d+)?/.exec(v);
  if (!m) return 0;
  return Number(m[0].replace(/\./g, '').replace(',', '.'));
}

const units = DATA.FILES.flatMap((f) => f.sheets);

describe('the example district compiled by tonghop compile', () => {
  let tmp: ReturnType<typeof tempDir>;
  let json: {
    reports: { unit: string; counted: boolean }[];
    summaries: { unit: string; figures: Record<IndicatorCode, number | null>; children: { unit: string; status: string }[]; tasks: { stt: number; done: number; expected: number; status: string }[] }[];
    findings: { severity: string; unit: string; sheet: string; cell: string; rule: string }[];
  };
  let out: string;

  beforeAll(async () => {
    tmp = tempDir('tonghop-examples-');
    const cap = captureIo();
    const code = await main(['compile', EXAMPLES, '--plan', path.join(EXAMPLES, 'ke-hoach.xlsx'), '-o', path.join(tmp.dir, 'tong-hop.xlsx'), '--json', path.join(tmp.dir, 'tong-hop.json')], cap.io);
    expect(code).toBe(0);
    out = cap.out();
    json = JSON.parse(fs.readFileSync(path.join(tmp.dir, 'tong-hop.json'), 'utf8'));
  });
  afterAll(() => tmp.cleanup());

  it('counts every unit report in the folder', () => {
    expect(json.reports).toHaveLength(units.length);
    expect(json.reports.every((r) => r.counted)).toBe(true);
  });

  it('gives the district totals of the data, indicator by indicator (sums; A6 the mean of those that reported it)', () => {
    const district = json.summaries.find((s) => s.unit === 'UBND huyện Nam Đông')!;
    for (const code of INDICATOR_CODES) {
      if (code === 'A6') continue;
      // A code no unit reported (D9, D10: the examples were made before them) stays not reported.
      const reported = units.some((u) => u.figures[code] !== null && u.figures[code] !== undefined && u.figures[code] !== '');
      const expected = reported ? units.reduce((s, u) => s + counts(u.figures[code]), 0) : null;
      expect([code, district.figures[code]]).toEqual([code, expected]);
    }
    const a6 = units.map((u) => u.figures.A6).filter((v) => v !== null && v !== undefined && v !== '');
    expect(district.figures.A6).toBeCloseTo(a6.reduce((s: number, v) => s + counts(v), 0) / a6.length, 6);
  });

  it('shows the late unit and the missing unit, every roster unit listed once', () => {
    const district = json.summaries.find((s) => s.unit === 'UBND huyện Nam Đông')!;
    const status = Object.fromEntries(district.children.map((c) => [c.unit, c.status]));
    expect(status['UBND xã Hương Hữu']).toBe('Nộp muộn');
    expect(status['UBND xã Thượng Lộ']).toBe('Chưa nộp');
    expect(status['UBND xã Thượng Quảng']).toBe('Đã nộp'); // the hand-typed sheet, matched without diacritics
    for (const r of DATA.PLAN.roster) expect(district.children.filter((c) => c.unit === r.name)).toHaveLength(1);
    expect(out).toMatch(/chưa nộp: UBND xã Thượng Lộ/);
  });

  it('counts the tasks done per the marks (both marks and a missing unit count as not done)', () => {
    const district = json.summaries.find((s) => s.unit === 'UBND huyện Nam Đông')!;
    // The roster's units: the district's own sheet is not one of the units counted (core/rollup.ts reportingUnits).
    const expected = DATA.PLAN.roster.length;
    for (const t of DATA.PLAN.tasks) {
      const done = units.filter((u) => u.unit !== district.unit && u.tasks.find((x) => x.stt === t.stt)?.done === true).length;
      const row = district.tasks.find((x) => x.stt === t.stt)!;
      expect([t.stt, row.done, row.expected]).toEqual([t.stt, done, expected]);
      expect(row.status).toBe(done / expected >= (t.threshold ?? 100) / 100 ? 'Hoàn thành' : 'Chưa hoàn thành');
    }
  });

  it('finds the plan among the inputs without --plan: same totals, statuses and tasks', async () => {
    const cap = captureIo();
    const code = await main(['compile', EXAMPLES, '-o', path.join(tmp.dir, 'b.xlsx'), '--json', path.join(tmp.dir, 'b.json')], cap.io);
    expect(code).toBe(0);
    const b = JSON.parse(fs.readFileSync(path.join(tmp.dir, 'b.json'), 'utf8'));
    expect(b.summaries).toEqual(json.summaries);
  });

  it('raises the intended findings at their cells, and on the hand-typed sheet only its bare reference', () => {
    const has = (unit: string, rule: RegExp, severity: string) =>
      json.findings.some((f) => f.unit === unit && rule.test(f.rule) && f.severity === severity && f.cell !== '');
    expect(has('UBND xã Hương Sơn', /balance/, 'error')).toBe(true);
    expect(has('UBND xã Hương Hòa', /negative/, 'error')).toBe(true);
    expect(has('UBND xã Thượng Nhật', /not-a-number|unreadable/, 'error')).toBe(true);
    expect(has('UBND xã Hương Giang', /mark/, 'error')).toBe(true);
    expect(has('UBND xã Hương Phú', /text/, 'warning')).toBe(true);
    expect(has('UBND xã Hương Lộc', /text/, 'warning')).toBe(true);
    expect(has('UBND xã Thượng Long', /unknown/, 'warning')).toBe(true);
    expect(has('UBND xã Hương Xuân', /minimum|target/, 'warning')).toBe(true);
    expect(json.findings.filter((f) => f.severity === 'error')).toHaveLength(4);
    // The hand-typed sheet reads clean; its one warning is its reference typed without diacritics (quoted as is by the report).
    expect(json.findings.filter((f) => /thuong quang/i.test(f.unit.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))).map((f) => [f.rule, f.cell]))
      .toEqual([['id.no-diacritics', 'D12']]);
  });
});
