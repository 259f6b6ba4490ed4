import { compileGrids } from '../../src/core/compile';
import type { Plan } from '../../src/core/model';
import { readSheet } from '../../src/core/reader';
import { templatesForPlan } from '../../src/core/layout/plan-templates';
import { compareWithExport } from '../../src/core/tthc/compare';
import type { DossierExport } from '../../src/core/tthc/model';
import { prefillTemplates } from '../../src/core/tthc/prefill';
import { readDossierWorkbook } from '../../src/core/tthc/read-export';
import type { SheetGrid } from '../../src/core/grid';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { exportBytes, provinceByUnit, sampleUnits } from '../helpers/tthc-exports';

const PLAN: Plan = {
  source: { sheet: 'Kế hoạch' }, compilingUnit: 'UBND thành phố Huế', level: 'Tỉnh', period: 'Quý I', year: 2026, tasks: [],
  roster: [
    { name: 'UBND xã Hương Lộc', code: '19999', level: 'Xã' },
    { name: 'UBND xã Thượng Quảng', level: 'Xã' },
    { name: 'UBND phường Phú Xuân', level: 'Xã' },
    { name: 'UBND xã Lộc Bổn', level: 'Xã' },
  ],
};

function provinceExport(): DossierExport[] {
  const units = sampleUnits();
  const bytes = exportBytes(provinceByUnit([{ name: 'Xã, phường', units }]), 'xlsx');
  return readDossierWorkbook(readXlsxBuffer(bytes, 'mot-cua.xlsx'), 'mot-cua.xlsx');
}

async function writtenAndRead(sheet: Parameters<typeof writeXlsx>[0][number], file: string): Promise<SheetGrid> {
  return readXlsxBuffer(await writeXlsx([sheet]), file)[0];
}

const CODES = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6'] as const;

test('pre-filled templates read back with the export\'s figures, the source and its date in Ghi chú', async () => {
  const exports = provinceExport();
  const out = prefillTemplates(templatesForPlan(PLAN), exports, '2026-03-20');
  expect(out.filled.map((f) => f.unit)).toEqual(PLAN.roster.map((u) => u.name));
  expect(out.unmatched).toEqual([]);
  for (const t of out.templates) {
    const read = readSheet(await writtenAndRead(t.sheet, t.fileName));
    if (read.kind !== 'report') throw new Error(`not a report: ${read.kind}`);
    const exported = exports[0].units.find((u) => `UBND ${u.unit}`.toLowerCase() === t.unit.toLowerCase())!;
    for (const code of CODES) expect([code, read.report.figures[code]]).toEqual([code, exported.figures[code]!.value]);
    // D7, D8 are not in the export: left for the clerk.
    expect(read.report.figures.D7).toBeNull();
  }
  const grid = await writtenAndRead(out.templates[0].sheet, 'a.xlsx');
  const noteRow = grid.cells.find((r) => r[0] === 'D2')!;
  expect(noteRow).toContain('Theo Hệ thống một cửa (mot-cua.xlsx), đến ngày 14/03/2026');
});

test('comparing: one warning per difference, quoting both, at the unit\'s cell; rows outside the roster named', async () => {
  const exports = provinceExport();
  const { templates } = prefillTemplates(templatesForPlan(PLAN), exports, '2026-03-20');
  const grids = await Promise.all(templates.map((t) => writtenAndRead(t.sheet, t.fileName)));
  // Hương Lộc typed D2 by hand, three fewer than the system holds.
  const d2 = grids[0].cells.findIndex((r) => r[0] === 'D2');
  const systemD2 = grids[0].cells[d2][3] as number;
  grids[0].cells[d2][3] = systemD2 - 3;
  const result = compileGrids(grids, { period: 'Quý I', year: 2026 });
  const differs = compareWithExport({ ...result, plan: PLAN }, exports);
  const w = differs.filter((f) => f.rule === 'tthc.differs');
  expect(w).toHaveLength(1);
  expect(w[0].unit).toBe('UBND xã Hương Lộc');
  expect(w[0].cell).toBe(`D${d2 + 1}`);
  expect(w[0].message).toContain(`D2: đơn vị ghi ${systemD2 - 3}, Hệ thống một cửa ${systemD2}`);
  expect(w[0].message).toContain('mot-cua.xlsx');

  const stranger = [{ ...exports[0], units: [...exports[0].units, { ...exports[0].units[0], unit: 'Xã Không Có' }] }];
  const notIn = compareWithExport({ ...result, plan: PLAN }, stranger).filter((f) => f.rule === 'tthc.not-in-roster');
  expect(notIn.map((f) => f.unit)).toEqual(['Xã Không Có']);
});
