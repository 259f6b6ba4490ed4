/** Three communes of one district, as the pane-action tests load them into the workbook. */
import type { SheetGrid } from '../../src/core/grid';
import { makeUnitGrid, sampleSpec, type UnitSpec } from '../helpers/unit-grid';

export const COMMUNES: Partial<UnitSpec>[] = [
  { unit: 'UBND xã Hương Lộc', unitCode: 'X001', figures: { ...sampleSpec().figures, A1: 20 } },
  { unit: 'UBND xã Thượng Quảng', unitCode: 'X002', figures: { ...sampleSpec().figures, A1: 7 } },
  { unit: 'UBND thị trấn Khe Tre', unitCode: 'X003', figures: { ...sampleSpec().figures, A1: 13 } },
];

export const commune = (o: Partial<UnitSpec>): SheetGrid => makeUnitGrid(sampleSpec(o));
