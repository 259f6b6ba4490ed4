/**
 * Cumulative periods compiled from the open workbook (docs/spec/TEMPLATE.md §11), on
 * Microsoft's real Excel client (each build) and the RichApi host of dev/office-host:
 * the workbook's Kế hoạch says `6 tháng`, and each unit's Quý I and Quý II sheets are in the
 * workbook (as Nhập báo cáo puts them there). Tổng hợp builds each unit's figures from its
 * quarters: flows summed, D1 from Quý I, the stocks D6–D8 from Quý II; the summary sheet's
 * total is the units' sum. The expected values are test/core/cumulative.test.ts's.
 */
import type { SheetGrid } from '../../src/core/grid';

import type { RichApiHost } from '../../dev/office-host';
import { layoutPlan, newPlanSpec } from '../../src/core/layout/plan-sheet';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import * as actions from '../../src/taskpane/actions';
import { onEachClient, setup } from '../excel/helpers';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { gridXlsx } from '../helpers/xlsx-files';
import { quarterFigures } from '../helpers/quarter-figures';

const CITY = 'UBND thành phố Huế';
const UNITS = [
  { code: 'X001', name: 'UBND xã Hương Lộc', short: 'Hương Lộc' },
  { code: 'X002', name: 'UBND xã Thượng Quảng', short: 'Thượng Quảng' },
  { code: 'X003', name: 'UBND thị trấn Khe Tre', short: 'Khe Tre' },
];

/** Unit i's quarter q: seeds 1..6, so every unit and quarter differs. */
const seedOf = (i: number, q: 1 | 2) => 2 * i + q;

async function planGrid(): Promise<SheetGrid> {
  const spec = newPlanSpec({ period: '6 tháng', year: 2026 });
  const sheet = layoutPlan({ ...spec, compilingUnit: CITY, level: 'Tỉnh', roster: UNITS.map((u) => ({ code: u.code, name: u.name, level: 'Xã', parent: CITY })) });
  return readXlsxBuffer(await writeXlsx([sheet]), 'ke-hoach.xlsx')[0];
}

function quarter(i: number, q: 1 | 2): SheetGrid {
  const u = UNITS[i];
  return makeUnitGrid(sampleSpec({
    unit: u.name, unitCode: u.code, level: 'Xã', parent: CITY, period: q === 1 ? 'Quý I' : 'Quý II', year: 2026,
    sentDate: q === 1 ? '15/03/2026' : '15/06/2026', figures: quarterFigures(seedOf(i, q)), sheet: `${u.short} Q${q}`,
  }));
}

let fake: RichApiHost;

/** The TH sheet's row whose first cells name `unit` (or `Tổng cộng`), and the column of each code from its header. */
function summary(name: string): { row: (label: string) => (string | number | boolean | null)[]; col: (code: string) => number } {
  const values = fake.sheet(name)!.values;
  const header = values.findIndex((r) => r.includes('A1') && r.includes('D6'));
  if (header < 0) throw new Error(`no code header in ${name}`);
  return {
    row: (label) => {
      const r = values.slice(header + 1).find((x) => x.slice(0, 3).some((v) => typeof v === 'string' && v.includes(label)));
      if (!r) throw new Error(`no row ${label} in ${name}`);
      return r;
    },
    col: (code) => values[header].indexOf(code),
  };
}

/** Expected figures of unit i, and the check of the TH sheet against them and their total. */
function expectSummed(o: actions.CompileOutcome): void {
  expect([o.result.period, o.result.year]).toEqual(['6 tháng', 2026]);
  // «Báo cáo được tính» as the command line says it (core/rollup.ts reportsCounted): both quarters of each unit.
  expect(o.counts).toMatchObject({ reports: 2 * UNITS.length, missing: 0 });
  expect(o.result.findings.map((f) => f.rule)).not.toContain('compile.other-period');
  const th = o.written.find((n) => n.startsWith('TH '))!;
  const s = summary(th);
  const total: Record<string, number> = {};
  for (const [i, u] of UNITS.entries()) {
    const q1 = quarterFigures(seedOf(i, 1));
    const q2 = quarterFigures(seedOf(i, 2));
    const expected: Record<string, number> = {};
    for (const code of ['A1', 'A2', 'B3', 'C2', 'D2', 'D3', 'D4', 'E1'] as const) expected[code] = q1[code]! + q2[code]!;
    expected.D1 = q1.D1!;
    for (const code of ['D6', 'D7', 'D8'] as const) expected[code] = q2[code]!;
    const row = s.row(u.short);
    for (const [code, v] of Object.entries(expected)) {
      expect([u.short, code, row[s.col(code)]]).toEqual([u.short, code, v]);
      total[code] = (total[code] ?? 0) + v;
    }
  }
  const totals = s.row('Tổng');
  for (const [code, v] of Object.entries(total)) expect([code, totals[s.col(code)]]).toEqual([code, v]);
  // Each unit is listed as built from its two quarters (core/cumulative.ts: information, not a finding).
  const built = (o.result.cumulative ?? []).filter((c) => c.built);
  expect(built.map((c) => c.unit).sort()).toEqual(UNITS.map((u) => u.name).sort());
  expect(built[0].parts.map((p) => p.period)).toEqual(['Quý I', 'Quý II']);
}

onEachClient(() => {
  it('6 tháng from the Quý I and Quý II sheets in the workbook: flows summed, D1 from Quý I, stocks from Quý II, the total their sum', async () => {
    fake = setup([await planGrid(), ...UNITS.flatMap((_u, i) => [quarter(i, 1), quarter(i, 2)])], { apiVersion: '1.13' });
    expectSummed(await actions.compileWorkbook());
  });

  it('the same after Nhập báo cáo of each unit\'s two quarterly files, whose sheets bear the same name', async () => {
    fake = setup([await planGrid()], { apiVersion: '1.13' });
    const files = UNITS.flatMap((u, i) => ([1, 2] as const).map((q) => ({ name: `${u.short} quý ${q}.xlsx`, bytes: gridXlsx({ ...quarter(i, q), sheet: u.short }) })));
    const imported = await actions.importReports(files);
    expect(imported.fileProblems).toEqual([]);
    expect(imported.added).toHaveLength(6);
    expectSummed(await actions.compileWorkbook());
  });
});
