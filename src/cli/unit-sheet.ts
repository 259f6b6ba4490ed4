/**
 * A filled TTCCHC-1 unit sheet in the canonical layout, as plain OutputSheet
 * data: used by the example generator, the benchmark and the tests to make
 * the files units would send. Labels and codes all come from template.ts.
 *
 * Canonical columns: A = label / Mã / STT, B = value / Chỉ tiêu / Nội dung,
 * C = Đơn vị tính / Kết quả, D = Số liệu / Hoàn thành, E = Ghi chú / Chưa
 * hoàn thành, F = Ghi chú (tasks).
 */
import type { AssessmentKey, IndicatorCode } from '../core/template';
import {
  emptyFigures,
  ASSESSMENT_LABELS, FIGURE_HEADERS, ID_LABELS, INDICATORS, MARK, SECTION_TITLES, TASK_HEADERS, TEMPLATE_CODE,
} from '../core/template';
import type { CellStyle, OutCell, OutputSheet } from '../core/sheet-model';
import { NUMBER_FORMATS } from '../core/sheet-model';
import { layoutUnitReport } from '../core/layout';
import { parseLevel, parsePeriod, parseYear } from '../core/labels';

/** A value as a unit would type it: a number, text (`33 tin, bài`, `hơn 20`), or empty. */
export type TypedValue = number | string | null | undefined;

export interface UnitTaskSpec {
  stt: number | string;
  name: string;
  result?: string;
  /** true: x under Hoàn thành; false: x under Chưa hoàn thành; 'both': a mistake; null/undefined: no mark. */
  done?: boolean | 'both' | null;
  note?: string;
}

export interface UnitSheetSpec {
  sheetName?: string;
  /** `TTCCHC-1` unless given (a test may write `TTCCHC-2`). */
  templateCode?: string;
  unit: string;
  unitCode?: string;
  level: string;
  parent?: string;
  period: string;
  year: number | string;
  docRef?: string;
  preparer?: string;
  phone?: string;
  /** A date serial number or text as typed (`15/10/2022`). */
  sentDate?: number | string;
  reportType?: string;
  figures: Partial<Record<IndicatorCode, TypedValue>>;
  figureNotes?: Partial<Record<IndicatorCode, string>>;
  /** Rows a unit added under Section I (an unknown code such as `F1`). */
  extraFigureRows?: { code: string; label: string; unit: string; value: TypedValue }[];
  tasks?: UnitTaskSpec[];
  assessment?: Partial<Record<AssessmentKey, string>>;
}

const TITLE = 'BÁO CÁO KẾT QUẢ CÔNG TÁC TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH';

const S = {
  title: { bold: true, fontSize: 14, align: 'center' } as CellStyle,
  label: { bold: true } as CellStyle,
  text: { numberFormat: NUMBER_FORMATS.text } as CellStyle,
  section: { bold: true, fontSize: 13 } as CellStyle,
  header: { bold: true, border: true, align: 'center', valign: 'middle', wrap: true, fill: '#DDEBF7' } as CellStyle,
  cellText: { border: true, wrap: true, numberFormat: NUMBER_FORMATS.text, valign: 'top' } as CellStyle,
  cellCenter: { border: true, align: 'center', valign: 'top', numberFormat: NUMBER_FORMATS.text } as CellStyle,
  count: { border: true, numberFormat: NUMBER_FORMATS.count, valign: 'top' } as CellStyle,
  hours: { border: true, numberFormat: NUMBER_FORMATS.hours, valign: 'top' } as CellStyle,
  date: { numberFormat: NUMBER_FORMATS.date, align: 'left' } as CellStyle,
};

const txt = (v: string, style: CellStyle = S.text): OutCell => ({ v, style });

function typed(v: TypedValue, numStyle: CellStyle): OutCell {
  if (v === null || v === undefined || v === '') return { v: null, style: numStyle };
  if (typeof v === 'number') return { v, style: numStyle };
  return { v, style: { ...numStyle, numberFormat: NUMBER_FORMATS.text } };
}

/** The spec's identification value for a field, as the cell should hold it. */
function idValue(spec: UnitSheetSpec, field: string): OutCell | null {
  switch (field) {
    case 'templateCode': return txt(spec.templateCode ?? TEMPLATE_CODE);
    case 'unit': return txt(spec.unit);
    case 'unitCode': return spec.unitCode ? txt(spec.unitCode) : null;
    case 'level': return txt(spec.level);
    case 'parent': return spec.parent ? txt(spec.parent) : null;
    case 'period': return txt(spec.period);
    case 'year': return typeof spec.year === 'number' ? { v: spec.year, style: { align: 'left' } } : txt(spec.year);
    case 'docRef': return spec.docRef ? txt(spec.docRef) : null;
    case 'preparer': return spec.preparer ? txt(spec.preparer) : null;
    case 'phone': return spec.phone ? txt(spec.phone) : null;
    case 'sentDate':
      if (spec.sentDate === undefined) return null;
      return typeof spec.sentDate === 'number' ? { v: spec.sentDate, style: S.date } : txt(spec.sentDate);
    case 'reportType': return spec.reportType ? txt(spec.reportType) : null;
    default: return null;
  }
}

export function unitReportSheet(spec: UnitSheetSpec): OutputSheet {
  const rows: OutCell[][] = [];
  const merges: string[] = [];
  const push = (cells: (OutCell | null)[]) => rows.push(cells.map((c) => c ?? { v: null }));

  push([{ v: TITLE, style: S.title }]);
  merges.push('A1:F1');
  push([]);
  for (const { field, label } of ID_LABELS) {
    const value = idValue(spec, field);
    if (!value && field !== 'unitCode' && field !== 'docRef') continue;
    push([txt(label, S.label), value]);
  }
  push([]);

  push([txt(SECTION_TITLES.figures, S.section)]);
  push([FIGURE_HEADERS.code, FIGURE_HEADERS.label, FIGURE_HEADERS.unit, FIGURE_HEADERS.value, FIGURE_HEADERS.note].map((h) => txt(h, S.header)));
  for (const ind of INDICATORS) {
    const numStyle = ind.kind === 'hours' ? S.hours : S.count;
    push([
      txt(ind.code, S.cellCenter), txt(ind.label, S.cellText), txt(ind.unit, S.cellCenter),
      typed(spec.figures[ind.code], numStyle), txt(spec.figureNotes?.[ind.code] ?? '', S.cellText),
    ]);
  }
  for (const extra of spec.extraFigureRows ?? []) {
    push([txt(extra.code, S.cellCenter), txt(extra.label, S.cellText), txt(extra.unit, S.cellCenter), typed(extra.value, S.count), txt('', S.cellText)]);
  }
  push([]);

  push([txt(SECTION_TITLES.tasks, S.section)]);
  push([TASK_HEADERS.stt, TASK_HEADERS.name, TASK_HEADERS.result, TASK_HEADERS.done, TASK_HEADERS.notDone, TASK_HEADERS.note].map((h) => txt(h, S.header)));
  for (const t of spec.tasks ?? []) {
    const doneMark = t.done === true || t.done === 'both' ? MARK : '';
    const notDoneMark = t.done === false || t.done === 'both' ? MARK : '';
    push([
      typeof t.stt === 'number' ? { v: t.stt, style: { ...S.cellCenter, numberFormat: NUMBER_FORMATS.general } } : txt(t.stt, S.cellCenter),
      txt(t.name, S.cellText), txt(t.result ?? '', S.cellText), txt(doneMark, S.cellCenter), txt(notDoneMark, S.cellCenter), txt(t.note ?? '', S.cellText),
    ]);
  }
  push([]);

  push([txt(SECTION_TITLES.assessment, S.section)]);
  for (const { key, label } of ASSESSMENT_LABELS) {
    const r = rows.length;
    push([txt(label, S.label), txt(spec.assessment?.[key] ?? '', { ...S.text, wrap: true, valign: 'top' })]);
    merges.push(`B${r + 1}:F${r + 1}`);
  }

  // Empty text cells carry only their style; keep them null so the sheet's used range stays honest.
  for (const row of rows) for (const c of row) if (c.v === '') c.v = null;

  return {
    name: spec.sheetName ?? spec.unit.slice(0, 31),
    role: 'template',
    unit: spec.unit,
    rows,
    merges,
    columnWidths: [18, 48, 24, 14, 14, 28],
    print: { orientation: 'portrait' },
  };
}

/**
 * The same unit sheet drawn by the core's own layout (the form the add-in's
 * template gives a unit), then filled as the unit typed it: text values such
 * as `hơn 20` and mistakes such as both marks are written over the layout's
 * cells, which a Figures object cannot hold.
 */
export function unitReportFromLayout(spec: UnitSheetSpec): OutputSheet {
  const figures = emptyFigures();
  for (const [code, v] of Object.entries(spec.figures) as [IndicatorCode, TypedValue][]) {
    figures[code] = typeof v === 'number' ? v : null;
  }
  const { sheet, cells } = layoutUnitReport({
    name: spec.sheetName ?? spec.unit.slice(0, 31),
    role: 'report',
    unit: spec.unit,
    unitCode: spec.unitCode,
    level: parseLevel(spec.level),
    parent: spec.parent,
    period: parsePeriod(spec.period),
    year: typeof spec.year === 'number' ? spec.year : parseYear(spec.year),
    docRef: spec.docRef,
    preparer: spec.preparer,
    phone: spec.phone,
    compiled: false,
    figures,
    figureNotes: spec.figureNotes,
    tasks: (spec.tasks ?? []).map((t) => ({
      stt: typeof t.stt === 'number' ? t.stt : null, name: t.name, result: t.result, note: t.note,
      done: t.done === 'both' ? null : t.done ?? null,
    })),
    assessment: spec.assessment,
  });
  const rows = sheet.rows.map((r) => r.slice());
  const put = (row: number, col: number, cell: OutCell) => {
    while (rows.length <= row) rows.push([]);
    rows[row][col] = { ...cell, style: { ...rows[row][col]?.style, ...cell.style } };
  };
  // Identification as typed (level, period and year words, a date typed as text).
  const id = (field: string, cell: OutCell | null) => {
    const at = cells.id[field as keyof typeof cells.id];
    if (at && cell) put(at.row, at.col, cell);
  };
  id('templateCode', spec.templateCode ? txt(spec.templateCode) : null);
  id('level', txt(spec.level));
  id('period', txt(spec.period));
  id('year', typeof spec.year === 'number' ? { v: spec.year, style: { numberFormat: '0' } } : txt(spec.year));
  if (spec.sentDate !== undefined) {
    id('sentDate', typeof spec.sentDate === 'number' ? { v: spec.sentDate, style: { numberFormat: NUMBER_FORMATS.date } } : txt(spec.sentDate));
  }
  for (const [code, v] of Object.entries(spec.figures) as [IndicatorCode, TypedValue][]) {
    if (typeof v === 'string' && v !== '') put(cells.figureRows[code], cells.valueCol, { v, style: { numberFormat: NUMBER_FORMATS.text } });
  }
  (spec.tasks ?? []).forEach((t, i) => {
    const row = cells.taskRows[i];
    if (typeof t.stt === 'string') put(row, 0, txt(t.stt));
    if (t.done === 'both') {
      put(row, cells.taskDoneCol, txt(MARK));
      put(row, cells.taskNotDoneCol, txt(MARK));
    }
  });
  // Rows a unit added under Section I go right after the last indicator, as an inserted row would.
  const extra = spec.extraFigureRows ?? [];
  if (extra.length) {
    const after = Math.max(...Object.values(cells.figureRows)) + 1;
    const added = extra.map((e) => [
      txt(e.code, { align: 'center', border: true }), txt(e.label, { border: true, wrap: true }), txt(e.unit, { border: true }),
      typed(e.value, { border: true, numberFormat: NUMBER_FORMATS.count }), txt('', { border: true }),
    ]);
    rows.splice(after, 0, ...added);
    const shift = (m: string) => m.replace(/([A-Z]+)(\d+)/g, (_x, c: string, r: string) => `${c}${Number(r) - 1 >= after ? Number(r) + added.length : Number(r)}`);
    const heights: Record<number, number> = {};
    for (const [r, h] of Object.entries(sheet.rowHeights ?? {})) heights[Number(r) >= after ? Number(r) + added.length : Number(r)] = h;
    return { ...sheet, rows, merges: sheet.merges.map(shift), rowHeights: heights };
  }
  return { ...sheet, rows };
}
