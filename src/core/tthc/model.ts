/**
 * The dossier figures read from a one-stop system's export (docs/spec/TEMPLATE.md §12),
 * as plain data: each figure with the cells it came from.
 */
import type { Finding } from '../findings';

/**
 * The codes of the dossier block an export gives (D7 and D8, procedures listed, are not
 * in it). Kept as strings here so that this module does not depend on D9/D10 being in
 * template.ts's IndicatorCode union.
 */
export type DossierCode = 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D9' | 'D10';
export const DOSSIER_CODES: readonly DossierCode[] = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D9', 'D10'];

export interface DossierFigure {
  value: number;
  /** Where it came from, as a user checks it in the export: `E25 − H25`, `F9:F20 + G9:G20`. */
  from: string;
  /** The header texts of the columns used (`Số hồ sơ nhận giải quyết › Tổng số`). */
  columns: string[];
}

export type DossierFigures = Partial<Record<DossierCode, DossierFigure>>;

export interface ExportUnit {
  /** Unit name as the export writes it (by-unit layout) or as its title names it (by-field layout). */
  unit: string;
  /** `Tổng cộng` row, one unit's row, or the detail rows summed (no total row). */
  rows: string;
  figures: DossierFigures;
}

/** By lĩnh vực for one unit (Biểu số 06/VPCP/KSTT), or one row per unit (province-wide). */
export type ExportLayout = 'by-field' | 'by-unit';

export interface DossierExport {
  file?: string;
  sheet: string;
  layout: ExportLayout;
  /** The export's span as its title says it (`Từ ngày 15/12/2025 đến ngày 14/03/2026`), when it says one. */
  span?: string;
  /** The last date of that span (ISO), when there is one: the date a pre-filled template cites. */
  asOf?: string;
  units: ExportUnit[];
  findings: Finding[];
}
