/**
 * Comparing what units report with what the one-stop system holds (docs/spec/TEMPLATE.md §12):
 * one warning per difference, quoting both (`D2: đơn vị ghi 842, Hệ thống một cửa 845`),
 * at the unit's own cell. Export rows are matched to units like reports are (§8: by
 * unitKey, the `UBND` prefix, case and diacritics folded).
 */
import { cellFinding, makeFinding, type Finding } from '../findings';
import type { CompileResult } from '../model';
import { formatNumber } from '../numbers';
import { rosterFromPlan } from '../roster';
import { unitKey } from '../unit-names';
import { DOSSIER_CODES, type DossierCode, type DossierExport, type DossierFigure, type ExportUnit } from './model';

export interface ExportedUnit {
  unit: ExportUnit;
  source: DossierExport;
}

/** The export's units by unitKey; the first export naming a unit wins. */
export function exportedUnits(exports: readonly DossierExport[]): Map<string, ExportedUnit> {
  const out = new Map<string, ExportedUnit>();
  for (const source of exports) {
    for (const unit of source.units) {
      const k = unitKey(unit.unit);
      if (k && !out.has(k)) out.set(k, { unit, source });
    }
  }
  return out;
}

/** `tệp «mot-cua.xlsx», trang «Sheet1», E25 − H25`: where a figure of the export is, for a message. */
export function exportPlace(source: DossierExport, figure: DossierFigure): string {
  return [source.file ? `tệp «${source.file}»` : '', source.sheet ? `trang «${source.sheet}»` : '', figure.from].filter(Boolean).join(', ');
}

/** Codes a sheet made before D9 and D10 existed simply lacks (spec §3): compared only when the unit wrote them. */
const NEWER_CODES: readonly DossierCode[] = ['D9', 'D10'];

/**
 * Warnings for every counted report whose D figures differ from the export's, and for
 * export rows that name no unit of the plan's roster.
 */
export function compareWithExport(result: CompileResult, exports: readonly DossierExport[]): Finding[] {
  const byKey = exportedUnits(exports);
  const findings: Finding[] = [];
  for (const entry of result.reports) {
    if (!entry.counted) continue;
    const r = entry.report;
    const hit = byKey.get(unitKey(r.unit));
    if (!hit) continue;
    const reported = r.figures as Partial<Record<string, number | null>>;
    const cells = r.figureCells as Partial<Record<string, string>>;
    for (const code of DOSSIER_CODES) {
      const fig = hit.unit.figures[code];
      if (!fig) continue;
      const own = reported[code];
      if (own === fig.value) continue;
      if ((own === null || own === undefined) && NEWER_CODES.includes(code)) continue;
      const said = own === null || own === undefined ? 'đơn vị để trống' : `đơn vị ghi ${formatNumber(own)}`;
      findings.push(cellFinding('warning', { unit: r.unit, file: r.source.file, sheet: r.source.sheet, cell: cells[code] ?? '', hidden: r.source.hidden },
        'tthc.differs', `${code}: ${said}, Hệ thống một cửa ${formatNumber(fig.value)} (${exportPlace(hit.source, fig)}).`));
    }
  }
  const roster = rosterFromPlan(result.plan);
  if (roster.closed) {
    for (const { unit, source } of byKey.values()) {
      if (roster.find(unit.unit)) continue;
      findings.push(makeFinding('warning', { unit: unit.unit, ...(source.file ? { file: source.file } : {}), sheet: source.sheet, cell: '' }, 'tthc.not-in-roster',
        `Hệ thống một cửa${source.file ? `, tệp «${source.file}»` : ''}, ${unit.rows}: đơn vị «${unit.unit}» không có trong danh sách đơn vị của Kế hoạch, số liệu của đơn vị này không được đối chiếu.`));
    }
  }
  return findings;
}

/**
 * The counted reports' units the exports have no row for (their D figures were not
 * compared), and how many were: what the pane says beside the differences.
 */
export function exportCoverage(result: CompileResult, exports: readonly DossierExport[]): { compared: number; notInExport: string[] } {
  const byKey = exportedUnits(exports);
  const units = [...new Map(result.reports.filter((e) => e.counted).map((e) => [unitKey(e.report.unit), e.report.unit])).entries()];
  return { compared: units.filter(([k]) => byKey.has(k)).length, notInExport: units.filter(([k]) => !byKey.has(k)).map(([, u]) => u) };
}
