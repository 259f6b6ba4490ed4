/**
 * A filled TTCCHC-1 unit sheet, as plain OutputSheet data: the one builder of
 * the unit files the tests, the example generator (scripts/make-examples.js)
 * and the benchmark (scripts/bench-data.js) write. The form is drawn by the
 * core's own layout (src/core/layout, the template the add-in gives units),
 * then filled as a unit typed it. The scripts run the compiled copy from
 * lib-dev/ (tsconfig.dev.json); reader tests that need other layouts build
 * grids with unit-grid.ts instead.
 */
import type { AssessmentKey, IndicatorCode } from '../../src/core/template';
import { emptyFigures, MARK } from '../../src/core/template';
import type { CellStyle, OutCell, OutputSheet } from '../../src/core/sheet-model';
import { NUMBER_FORMATS } from '../../src/core/sheet-model';
import { layoutUnitReport } from '../../src/core/layout';
import { parseLevel, parsePeriod, parseYear } from '../../src/core/labels';

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

const txt = (v: string, style: CellStyle = { numberFormat: NUMBER_FORMATS.text }): OutCell => ({ v, style });

function typed(v: TypedValue, numStyle: CellStyle): OutCell {
  if (v === null || v === undefined || v === '') return { v: null, style: numStyle };
  if (typeof v === 'number') return { v, style: numStyle };
  return { v, style: { ...numStyle, numberFormat: NUMBER_FORMATS.text } };
}

/**
 * The unit sheet drawn by the core's own layout, then filled as the unit
 * typed it: text values such as `hơn 20` and mistakes such as both marks are
 * written over the layout's cells, which a Figures object cannot hold.
 */
export function unitReportSheet(spec: UnitSheetSpec): OutputSheet {
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
