/**
 * Reading the dossier figures (D1–D6, D9, D10) from a one-stop system's export
 * (docs/spec/TEMPLATE.md §12): the header by its text (header.ts), then the rows: a total
 * row (`Tổng cộng`, `Tổng số`) used when present and checked against the detail rows,
 * group subtotal rows (`I`, `A`, `Cộng khối …`) never added twice.
 */
import type { RuleId } from '../rule-names';
import { cellAddress } from '../address';
import { cellFinding, makeFinding, type Finding, type Severity } from '../findings';
import { cellAt, type SheetGrid } from '../grid';
import { formatNumber, parseFigure } from '../numbers';
import { cellText, fold, foldLoose } from '../text';
import { findHeader, type ColumnRole, type ExportColumn, type ExportHeader } from './header';
import { DOSSIER_CODES, type DossierCode, type DossierExport, type DossierFigure, type DossierFigures, type ExportUnit } from './model';

/** What the roles of a header give: how each code is computed from the columns, or why it cannot be. */
interface Recipe {
  plus: ExportColumn[];
  minus: ExportColumn[];
}

const LABEL_ROLES: readonly ColumnRole[] = ['unit', 'field', 'stt'];

/** Spec §12's mapping, from the columns found. */
function recipes(columns: readonly ExportColumn[]): { recipe: Partial<Record<DossierCode, Recipe>>; missing: Partial<Record<DossierCode, string>> } {
  const all = (role: ColumnRole) => columns.filter((c) => c.role === role);
  const one = (role: ColumnRole) => all(role).slice(0, 1);
  const recipe: Partial<Record<DossierCode, Recipe>> = {};
  const missing: Partial<Record<DossierCode, string>> = {};
  const set = (code: DossierCode, plus: ExportColumn[], minus: ExportColumn[] = []) => { recipe[code] = { plus, minus }; };

  if (one('carried').length) set('D1', one('carried'));
  else missing.D1 = 'cột «Từ kỳ trước» (hoặc «Kỳ trước chuyển qua») của «Số hồ sơ nhận giải quyết»';
  if (one('receivedNew').length) set('D2', one('receivedNew'));
  else if (one('received').length && one('carried').length) set('D2', one('received'), one('carried'));
  else missing.D2 = one('received').length
    ? 'cột «Từ kỳ trước» (D2 = «Tổng số» nhận giải quyết trừ số từ kỳ trước)'
    : 'cột «Tổng số» của «Số hồ sơ nhận giải quyết»';
  if (one('online').length) set('D3', one('online'));
  else if (all('onlinePart').length) set('D3', all('onlinePart'));
  else missing.D3 = 'cột «Trực tuyến» của «Số hồ sơ nhận giải quyết»';
  if (one('earlyOrOnTime').length) set('D4', one('earlyOrOnTime'));
  else if (one('early').length && one('onTime').length) set('D4', [...one('early'), ...one('onTime')]);
  else missing.D4 = 'cột «Trước hạn» và «Đúng hạn» (hoặc «Đúng và trước hạn») của «Số hồ sơ đã giải quyết»';
  if (one('late').length) set('D5', one('late'));
  else if (all('latePart').length) set('D5', all('latePart'));
  else missing.D5 = 'cột «Quá hạn» của «Số hồ sơ đã giải quyết»';
  if (one('pending').length) set('D6', one('pending'));
  else if (one('pendingInTime').length && one('pendingLate').length) set('D6', [...one('pendingInTime'), ...one('pendingLate')]);
  else missing.D6 = 'cột «Tổng số» của «Số hồ sơ đang giải quyết»';
  if (one('pendingLate').length) set('D10', one('pendingLate'));
  else missing.D10 = 'cột «Quá hạn» của «Số hồ sơ đang giải quyết»';
  // No withdrawn / returned / stopped columns: D9 is 0 (spec §12).
  set('D9', [...one('withdrawn'), ...one('returned'), ...one('stopped')]);
  return { recipe, missing };
}

type RowKind = 'total' | 'subtotal' | 'detail';

const TOTAL = /^(tong cong|tong so|tong|cong|toan tinh|toan thanh pho|tong cong toan tinh)$/;
const SUBTOTAL = /^(cong|tong|tong cong|khoi|cap) /;
const GROUP_STT = /^(?:[IVXLC]+|[A-ZĐ])\.?$/;

interface DataRow {
  row: number;
  kind: RowKind;
  label: string;
  /** The row has a running number (`STT` 1, 2, 3…): a unit's or a lĩnh vực's row, never a group's. */
  numbered: boolean;
  /** Number per column, 0 for an empty cell (an export writes nothing for none). */
  values: Map<number, number>;
}

function labelOf(grid: SheetGrid, r: number, header: ExportHeader, firstFigureCol: number): { label: string; texts: string[]; stt: string } {
  const texts: string[] = [];
  for (let c = 0; c < firstFigureCol; c++) {
    const t = cellText(cellAt(grid, r, c));
    if (t) texts.push(t);
  }
  const at = (role: ColumnRole) => {
    const col = header.columns.find((c) => c.role === role);
    return col ? cellText(cellAt(grid, r, col.col)) : '';
  };
  const label = at('unit') || at('field') || texts.find((t) => /\p{L}/u.test(t) && !GROUP_STT.test(t)) || '';
  return { label, texts, stt: at('stt') || texts[0] || '' };
}

/** The number cells a figure needs; issues about them become findings. */
function readRows(grid: SheetGrid, header: ExportHeader, place: Place, findings: Finding[]): DataRow[] {
  const figureCols = header.columns.filter((c) => !LABEL_ROLES.includes(c.role));
  const firstFigureCol = Math.min(...figureCols.map((c) => c.col));
  const rows: DataRow[] = [];
  for (let r = header.firstData; r < grid.cells.length; r++) {
    const values = new Map<number, number>();
    const parsed = figureCols.map((c) => ({ c, p: parseFigure(cellAt(grid, r, c.col), 'count') }));
    // A row with no number at all is a heading, a blank or the signature lines under the table.
    if (!parsed.some(({ p }) => p.value !== null)) continue;
    for (const { c, p } of parsed) {
      if (p.issue && p.issue.severity === 'error') {
        findings.push(place.finding('error', r, c.col, 'tthc.not-a-number', `${p.issue.message} (cột «${c.header}»)`));
        continue;
      }
      values.set(c.col, p.value ?? 0);
    }
    const { label, texts, stt } = labelOf(grid, r, header, firstFigureCol);
    const foldedTexts = texts.map(foldLoose);
    const kind: RowKind = foldedTexts.some((t) => TOTAL.test(t) || t.startsWith('tong cong'))
      ? 'total'
      : GROUP_STT.test(stt.trim()) || foldedTexts.some((t) => SUBTOTAL.test(t)) ? 'subtotal' : 'detail';
    rows.push({ row: r, kind, label, numbered: /^\d+\.?$/.test(stt.trim()), values });
  }
  markSumRows(rows);
  return rows;
}

/**
 * A group row with no word or number saying so (`Các xã` above its communes): a detail row
 * whose every figure is the sum of the detail rows right under it, or right above it, is a subtotal, never added again. Two rows at least, and
 * some figure not 0, and no running number (`STT`), so that a unit is never mistaken for one.
 */
function markSumRows(rows: DataRow[]): void {
  // The rows under a group row may run on into the next group (whose own row is not marked yet): any first k ≥ 2 of them.
  const isSumOf = (row: DataRow, run: readonly DataRow[]) => {
    if (![...row.values.values()].some((v) => v !== 0)) return false;
    const sums = new Map<number, number>();
    for (let k = 0; k < run.length; k++) {
      for (const col of row.values.keys()) sums.set(col, (sums.get(col) ?? 0) + (run[k].values.get(col) ?? 0));
      if (k >= 1 && [...row.values].every(([col, v]) => sums.get(col) === v)) return true;
    }
    return false;
  };
  const runFrom = (i: number, step: 1 | -1) => {
    const run: DataRow[] = [];
    for (let j = i + step; j >= 0 && j < rows.length && rows[j].kind === 'detail'; j += step) run.push(rows[j]);
    return run;
  };
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].kind !== 'detail' || rows[i].numbered) continue;
    if (isSumOf(rows[i], runFrom(i, 1)) || isSumOf(rows[i], runFrom(i, -1))) rows[i].kind = 'subtotal';
  }
}

interface Place {
  /** About one cell of the export. */
  finding(severity: Severity, row: number, col: number, rule: RuleId, text: string): Finding;
  /** About the whole sheet (a warning): `Hệ thống một cửa, tệp «…», trang «…»` then the text. */
  sheetWarning(rule: RuleId, text: string): Finding;
}

/** `F9:F20` for consecutive rows, `F9 + F12` otherwise, `F25` for one. */
function cellsOf(col: number, rows: readonly number[], o: Origin): string {
  col += o.col;
  rows = rows.map((r) => r + o.row);
  if (rows.length === 1) return cellAddress(rows[0], col);
  const consecutive = rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  return consecutive ? `${cellAddress(rows[0], col)}:${cellAddress(rows[rows.length - 1], col)}` : rows.map((r) => cellAddress(r, col)).join(' + ');
}

interface Origin { row: number; col: number }

function figureOf(recipe: Recipe, rows: readonly DataRow[], o: Origin): DossierFigure {
  const sum = (c: ExportColumn) => rows.reduce((s, r) => s + (r.values.get(c.col) ?? 0), 0);
  const value = recipe.plus.reduce((s, c) => s + sum(c), 0) - recipe.minus.reduce((s, c) => s + sum(c), 0);
  const nums = rows.map((r) => r.row);
  const from = recipe.plus.length === 0 && recipe.minus.length === 0
    ? 'không có cột rút, trả lại, dừng xử lý: 0'
    : [recipe.plus.map((c) => cellsOf(c.col, nums, o)).join(' + '), ...recipe.minus.map((c) => cellsOf(c.col, nums, o))].join(' − ');
  return { value, from, columns: [...recipe.plus, ...recipe.minus].map((c) => c.header) };
}

function figuresOf(recipe: Partial<Record<DossierCode, Recipe>>, rows: readonly DataRow[], o: Origin): DossierFigures {
  const out: DossierFigures = {};
  for (const code of DOSSIER_CODES) {
    const r = recipe[code];
    if (r) out[code] = figureOf(r, rows, o);
  }
  return out;
}

/** The unit a by-lĩnh-vực export is about: `Đơn vị: UBND xã …` (or `Cơ quan…`) above the header, or a line naming a UBND. */
function titleUnit(grid: SheetGrid, header: ExportHeader): string {
  let committee = '';
  for (let r = 0; r < header.top; r++) {
    const row = grid.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      const f = fold(t);
      const m = /^(ten don vi|don vi bao cao|don vi|co quan, don vi|co quan)\s*:\s*(.*)$/.exec(f);
      if (m) {
        const rest = t.slice(t.indexOf(':') + 1).trim();
        return rest || cellText(row.slice(c + 1).find((v) => cellText(v)) ?? null);
      }
      if (!committee && /^(ubnd|uy ban nhan dan) /.test(f) && !/^uy ban nhan dan (tinh|thanh pho)$/.test(f)) committee = t;
    }
  }
  return committee;
}

/** The span the title gives (`Từ ngày … đến ngày …`, `Kỳ báo cáo: …`) and its last date. */
function titleSpan(grid: SheetGrid, header: ExportHeader): { span?: string; asOf?: string } {
  for (let r = 0; r < header.top; r++) {
    for (const v of grid.cells[r] ?? []) {
      const t = cellText(v);
      if (!/(tu ngay|den ngay|ky bao cao|tinh den)/.test(fold(t))) continue;
      const dates = [...t.matchAll(/(\d{1,2})\/(\d{1,2})\/(\d{4})/g)];
      const last = dates[dates.length - 1];
      const asOf = last ? `${last[3]}-${last[2].padStart(2, '0')}-${last[1].padStart(2, '0')}` : undefined;
      return { span: t.replace(/\s+/g, ' '), ...(asOf ? { asOf } : {}) };
    }
  }
  return {};
}

/** D figures that differ between a total row and the detail rows' sum: one warning each, quoting both. */
function checkTotal(total: DataRow, details: readonly DataRow[], recipe: Partial<Record<DossierCode, Recipe>>, place: Place, o: Origin): Finding[] {
  const out: Finding[] = [];
  for (const code of DOSSIER_CODES) {
    const r = recipe[code];
    if (!r || r.plus.length + r.minus.length === 0) continue;
    const t = figureOf(r, [total], o);
    const d = figureOf(r, details, o);
    if (t.value !== d.value) {
      out.push(place.finding('warning', total.row, (r.plus[0] ?? r.minus[0]).col, 'tthc.total-mismatch',
        `${code}: dòng «${total.label || 'Tổng cộng'}» ghi ${formatNumber(t.value)} (${t.from}), cộng các dòng chi tiết được ${formatNumber(d.value)} (${d.from}); dùng số của dòng tổng cộng.`));
    }
  }
  return out;
}

/**
 * The dossier figures of one sheet of a one-stop export, or null when the sheet has no
 * such header (another sheet of the workbook may have it: readDossierWorkbook).
 */
export function readDossierExport(grid: SheetGrid): DossierExport | null {
  const header = findHeader(grid);
  if (!header) return null;
  const findings: Finding[] = [];
  const fileOrSheet = grid.file ?? grid.sheet;
  const byUnit = header.columns.some((c) => c.role === 'unit');
  const unitOfTitle = byUnit ? '' : titleUnit(grid, header);
  const place: Place = {
    finding: (severity, row, col, rule, text) => cellFinding(severity,
      { unit: unitOfTitle || fileOrSheet, ...(grid.file ? { file: grid.file } : {}), sheet: grid.sheet, cell: cellAddress(row + grid.originRow, col + grid.originCol) },
      rule, `Hệ thống một cửa: ${text}`),
    sheetWarning: (rule, text) => makeFinding('warning', { unit: unitOfTitle || fileOrSheet, ...(grid.file ? { file: grid.file } : {}), sheet: grid.sheet, cell: '' },
      rule, `Hệ thống một cửa${grid.file ? `, tệp «${grid.file}»` : ''}, trang «${grid.sheet}»${text}`),
  };
  const origin: Origin = { row: grid.originRow, col: grid.originCol };
  const { recipe, missing } = recipes(header.columns);
  for (const [code, what] of Object.entries(missing)) {
    findings.push(place.sheetWarning('tthc.column-missing', ` (tiêu đề dòng ${header.top + 1 + grid.originRow}–${header.bottom + 1 + grid.originRow}): không tìm thấy ${what}, nên không có ${code}.`));
  }
  const rows = readRows(grid, header, place, findings);
  const totals = rows.filter((r) => r.kind === 'total');
  const details = rows.filter((r) => r.kind === 'detail');
  const units: ExportUnit[] = [];
  if (byUnit) {
    // One row per unit; a unit on several rows (one per lĩnh vực) is their sum.
    const byName = new Map<string, DataRow[]>();
    for (const d of details) {
      if (!d.label) continue;
      const k = foldLoose(d.label);
      byName.set(k, [...(byName.get(k) ?? []), d]);
    }
    for (const group of byName.values()) {
      units.push({ unit: group[0].label, rows: group.map((g) => `dòng ${g.row + 1 + grid.originRow}`).join(', '), figures: figuresOf(recipe, group, origin) });
    }
  } else if (totals.length || details.length) {
    const used = totals.length ? [totals[0]] : details;
    units.push({
      unit: unitOfTitle,
      rows: totals.length ? `dòng «${totals[0].label}» (dòng ${totals[0].row + 1 + grid.originRow})` : `cộng ${details.length} dòng chi tiết`,
      figures: figuresOf(recipe, used, origin),
    });
    if (!unitOfTitle) {
      findings.push(place.sheetWarning('tthc.no-unit', `: phần đầu biểu không ghi tên đơn vị (dòng «Đơn vị: …»), không biết số liệu là của đơn vị nào.`));
    }
  }
  if (totals.length && details.length) findings.push(...checkTotal(totals[0], details, recipe, place, origin));
  if (!rows.length) {
    findings.push(place.sheetWarning('tthc.no-rows', `: có tiêu đề nhưng không có dòng số liệu nào dưới dòng ${header.bottom + 1 + grid.originRow}.`));
  }
  return {
    ...(grid.file ? { file: grid.file } : {}), sheet: grid.sheet, layout: byUnit ? 'by-unit' : 'by-field',
    ...titleSpan(grid, header), units, findings,
  };
}

/** Every sheet of an export file; a file with no such sheet is said plainly (one error naming the file). */
export function readDossierWorkbook(grids: readonly SheetGrid[], file?: string): DossierExport[] {
  const out = grids.filter((g) => !g.hidden).map(readDossierExport).filter((x): x is DossierExport => x !== null);
  if (out.length) return out;
  const name = file ?? grids[0]?.file ?? '';
  return [{
    ...(name ? { file: name } : {}), sheet: '', layout: 'by-field', units: [],
    findings: [makeFinding('error', { unit: name, ...(name ? { file: name } : {}), sheet: '', cell: '' }, 'tthc.no-header',
      `Tệp «${name}» không có trang nào giống biểu xuất từ Hệ thống một cửa: không tìm thấy dòng tiêu đề có «Số hồ sơ nhận giải quyết», «đã giải quyết», «đang giải quyết» (trang đã xem: ${grids.map((g) => `«${g.sheet}»`).join(', ') || 'không có'}).`)],
  }];
}
