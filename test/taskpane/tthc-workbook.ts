/**
 * A small one-stop system export and the workbook it goes with, shared by the pane's tests
 * of the export (tthc-actions.test.ts on the real client, test/e2e/tthc-pane.e2e.test.ts in
 * Chromium): the plan lists three of the export's four units and one it lacks.
 */
import type { SheetGrid } from '../../src/core/grid';
import { layoutPlan, newPlanSpec } from '../../src/core/layout/plan-sheet';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { exportBytes, late, pending, provinceByUnit, received, sampleUnits, type DossierRow } from '../helpers/tthc-exports';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';

export const CITY = 'UBND thành phố Huế';
export const units = sampleUnits(); // Xã Hương Lộc, Xã Thượng Quảng, Phường Phú Xuân, Xã Lộc Bổn
/** The plan lists the first three of the export's units and one the export lacks; Xã Lộc Bổn is in no plan. */
export const ROSTER = [
  { code: '19001', name: 'UBND xã Hương Lộc', row: units[0] },
  { code: '19002', name: 'UBND xã Thượng Quảng', row: units[1] },
  { code: '19003', name: 'UBND phường Phú Xuân', row: units[2] },
  { code: '19004', name: 'UBND xã Hương Trà', row: null },
];

export const exportFile = (rows: readonly DossierRow[] = units) => ({ name: 'mot-cua.xlsx', bytes: exportBytes(provinceByUnit([{ name: 'Các xã, phường', units: rows }]), 'xlsx') });

/** The plan's file, as `tonghop plan` writes it. */
export function planFile(): Promise<Uint8Array> {
  const spec = newPlanSpec({ period: 'Quý I', year: 2026 });
  return writeXlsx([layoutPlan({ ...spec, compilingUnit: CITY, level: 'Tỉnh', roster: ROSTER.map((u) => ({ code: u.code, name: u.name, level: 'Xã', parent: CITY })) })]);
}

export async function planGrid(): Promise<SheetGrid> {
  return readXlsxBuffer(await planFile(), 'ke-hoach.xlsx')[0];
}

/** The D figures a unit writes when it copies the export (spec §12's mapping). */
export const dossierOf = (d: DossierRow) => ({ D1: d.carried, D2: received(d) - d.carried, D3: d.onlineFull + d.onlinePart, D4: d.early + d.onTime, D5: late(d), D6: pending(d) });

/** A unit's Quý I report, its dossier block as the export says (changed by `over`), or the sample's figures. */
export function unitSheet(u: (typeof ROSTER)[number], over: Partial<Record<'D5', number>> = {}): SheetGrid {
  const d = u.row ? { ...dossierOf(u.row), ...over } : {};
  return makeUnitGrid(sampleSpec({ unit: u.name, unitCode: u.code, level: 'Xã', parent: CITY, period: 'Quý I', year: 2026, sentDate: '16/03/2026', figures: { ...sampleSpec().figures, ...d } }));
}
