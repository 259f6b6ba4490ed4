/**
 * Templates pre-filled from the one-stop export (docs/spec/TEMPLATE.md §12): each unit's
 * dossier block written before the template is sent, with the source and its date in
 * `Ghi chú`, so the clerk checks the figures instead of typing them.
 */
import { formatDateVi } from '../dates';
import { makeFinding, type Finding } from '../findings';
import type { UnitTemplate } from '../layout/plan-templates';
import type { OutputSheet } from '../sheet-model';
import { FIGURE_HEADERS } from '../template';
import { cellText, fold } from '../text';
import { unitKey } from '../unit-names';
import { exportedUnits } from './compare';
import { DOSSIER_CODES, type DossierCode, type DossierExport, type DossierFigures, type ExportUnit } from './model';

/** `Theo Hệ thống một cửa (mot-cua.xlsx), đến ngày 14/03/2026`: the note each pre-filled figure carries. */
export function prefillNote(source: Pick<DossierExport, 'file' | 'asOf'>, madeOn: string): string {
  const date = source.asOf ? `đến ngày ${formatDateVi(source.asOf)}` : `xuất ngày ${formatDateVi(madeOn)}`;
  return `Theo Hệ thống một cửa${source.file ? ` (${source.file})` : ''}, ${date}`;
}

/**
 * The sheet with the dossier figures written into `Số liệu` and the note into `Ghi chú`
 * (rows found by their code under the `Mã` / `Số liệu` / `Ghi chú` header, as the reader
 * finds them); codes the template has no row for are left out. Returns the codes written.
 */
export function prefillDossierBlock(sheet: OutputSheet, figures: DossierFigures, note: string): { sheet: OutputSheet; written: DossierCode[] } {
  const rows = sheet.rows.map((r) => r.slice());
  const header = rows.findIndex((r) => fold(cellText(r[0]?.v)) === fold(FIGURE_HEADERS.code) && r.some((c) => fold(cellText(c?.v)) === fold(FIGURE_HEADERS.value)));
  const written: DossierCode[] = [];
  if (header < 0) return { sheet, written };
  const colOf = (label: string) => rows[header].findIndex((c) => fold(cellText(c?.v)) === fold(label));
  const valueCol = colOf(FIGURE_HEADERS.value);
  const noteCol = colOf(FIGURE_HEADERS.note);
  for (let r = header + 1; r < rows.length; r++) {
    const code = cellText(rows[r]?.[0]?.v) as DossierCode;
    if (!DOSSIER_CODES.includes(code)) continue;
    const fig = figures[code];
    if (!fig) continue;
    rows[r][valueCol] = { ...rows[r][valueCol], v: fig.value };
    if (noteCol >= 0) rows[r][noteCol] = { ...rows[r][noteCol], v: note };
    written.push(code);
  }
  return { sheet: { ...sheet, rows }, written };
}

export interface PrefillOutcome {
  templates: UnitTemplate[];
  /** Units whose template got figures, with the codes written. */
  filled: { unit: string; written: DossierCode[] }[];
  /** Export rows that match no template's unit. */
  unmatched: ExportUnit[];
  /** Template units the export has no row for: their dossier block stays blank. */
  notInExport: string[];
}

/** Every plan template whose unit the export has, pre-filled; `madeOn` (ISO) dates the note when the export gives no date. */
export function prefillTemplates(templates: readonly UnitTemplate[], exports: readonly DossierExport[], madeOn: string): PrefillOutcome {
  const byKey = exportedUnits(exports);
  const used = new Set<string>();
  const filled: PrefillOutcome['filled'] = [];
  const out = templates.map((t) => {
    const k = unitKey(t.unit);
    const hit = byKey.get(k);
    if (!hit) return t;
    used.add(k);
    const { sheet, written } = prefillDossierBlock(t.sheet, hit.unit.figures, prefillNote(hit.source, madeOn));
    filled.push({ unit: t.unit, written });
    return { ...t, sheet };
  });
  const unmatched = [...byKey.entries()].filter(([k]) => !used.has(k)).map(([, v]) => v.unit);
  const notInExport = templates.filter((t) => !byKey.has(unitKey(t.unit))).map((t) => t.unit);
  return { templates: out, filled, unmatched, notInExport };
}

/**
 * What a pre-fill says, the same on the command line (`template --plan --tthc`) and in the
 * pane (Tạo mẫu cho mọi đơn vị): how many templates got figures, and a warning for each
 * export row that names no unit of the plan.
 */
export function prefillSentence(outcome: Pick<PrefillOutcome, 'filled'>, templates: number): string {
  return `Điền sẵn số liệu hồ sơ TTHC từ Hệ thống một cửa cho ${outcome.filled.length}/${templates} đơn vị.`;
}

/**
 * The plan's units the export has no row for, said the same on the command line and in the
 * pane: a title (`N đơn vị không có …`) and what it means for their templates.
 */
export function notInExportWords(count: number): { title: string; consequence: string } {
  return {
    title: `${count} đơn vị không có trong số liệu Hệ thống một cửa`,
    consequence: 'khối D trong mẫu của các đơn vị này để trống, đơn vị tự điền',
  };
}

export function unmatchedExportFinding(u: ExportUnit): Finding {
  return makeFinding('warning', { unit: u.unit, sheet: '', cell: '' }, 'tthc.not-in-roster',
    `Hệ thống một cửa, ${u.rows}: đơn vị «${u.unit}» không có trong danh sách đơn vị của Kế hoạch, không điền được vào mẫu nào.`);
}
