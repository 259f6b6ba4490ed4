/**
 * Test helper shared by the core, compile, xlsx and CLI tests: builds a
 * TTCCHC-1 unit sheet as a SheetGrid, in the canonical layout or in any of
 * the messy-but-valid layouts people really send.
 *
 * Canonical layout (grid rows from 0, before variations):
 *   Mã mẫu | TTCCHC-1                      identification block, label in A, value in B,
 *   Đơn vị báo cáo | …                     one row per field given (see UnitSpec)
 *   …
 *   (blank)
 *   I. SỐ LIỆU
 *   Mã | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú         (A–E), then one row per code A1…E1
 *   (blank)
 *   II. PHỤ LỤC NHIỆM VỤ
 *   STT | Nội dung nhiệm vụ | Kết quả thực hiện | Hoàn thành | Chưa hoàn thành | Ghi chú   (A–F)
 *   (blank)
 *   III. ĐÁNH GIÁ
 *   Ưu điểm, thuận lợi | …                 one row per assessment text given
 *
 * Usage:
 *   const grid = makeUnitGrid({ unit: 'UBND xã Hương Lộc', level: 'Xã', parent: 'UBND huyện Nam Đông',
 *                               period: 'Năm', year: 2020, figures: { A1: 20, D2: 1031 }, tasks: [] });
 *   const { grid, addr } = buildUnitGrid(spec, { insertCols: 2, upperCase: true });
 *   addr.figure('D4') → 'D24' (real worksheet address of D4's value cell, variations and origin applied)
 *
 * Spec fields: `undefined` leaves the row out; `null` writes the label with an
 * empty value. Figures not listed are written as empty cells (use
 * `omitCodes` to leave rows out, `extraFigureRows` for unknown/duplicate codes).
 */
import { cellAddress } from '../../src/core/address';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import {
  ASSESSMENT_LABELS,
  AssessmentKey,
  COMPILED_REPORT_TYPE,
  FIGURE_HEADERS,
  ID_LABELS,
  IdField,
  INDICATORS,
  IndicatorCode,
  MARK,
  SECTION_TITLES,
  TASK_HEADERS,
  TEMPLATE_CODE,
} from '../../src/core/template';

export interface TaskSpec {
  stt: CellValue;
  name: CellValue;
  result?: CellValue;
  /** true: x under Hoàn thành; false: x under Chưa hoàn thành; null: no mark; or the two cells as given. */
  done?: boolean | null | { done: CellValue; notDone: CellValue };
  note?: CellValue;
}

export interface UnitSpec {
  /** Written into `Mã mẫu`; default TTCCHC-1. */
  templateCode?: CellValue;
  unit?: CellValue;
  unitCode?: CellValue;
  level?: CellValue;
  parent?: CellValue;
  period?: CellValue;
  year?: CellValue;
  docRef?: CellValue;
  preparer?: CellValue;
  phone?: CellValue;
  sentDate?: CellValue;
  /** true writes `Loại báo cáo: Tổng hợp`. */
  compiled?: boolean;
  figures?: Partial<Record<IndicatorCode, CellValue>>;
  /** Codes whose rows are left out of section I. */
  omitCodes?: IndicatorCode[];
  /** Rows appended to section I: [code cell, value cell]. */
  extraFigureRows?: [CellValue, CellValue][];
  /** Section II rows; omit the whole section with `tasks: undefined` and `noTaskTable: true`. */
  tasks?: TaskSpec[];
  noTaskTable?: boolean;
  noFigureTable?: boolean;
  assessment?: Partial<Record<AssessmentKey, string>>;
  /** Sheet name; default the unit name without `UBND `. */
  sheet?: string;
  file?: string;
}

export interface Variations {
  /** Insert a blank row before each of these canonical row indices (0-based, before other variations). */
  insertRows?: number[];
  /** Shift everything right by this many empty columns. */
  insertCols?: number;
  /** Blank rows before each section title. */
  blankRowsBetweenSections?: number;
  /** Labels, headers and titles in upper case (`HOÀN THÀNH`). */
  upperCase?: boolean;
  /** Labels, headers, titles, levels and periods without diacritics (`Hoan thanh`, `Quy I`). */
  stripDiacritics?: boolean;
  /** Indicator codes in lower case (`a1`). */
  lowerCaseCodes?: boolean;
  /** An empty (merged) column after each column: header labels separated by empty merged cells. */
  mergedHeaderGaps?: boolean;
  /** The used range starts here (0-based): originRow/originCol of the grid. */
  origin?: { row: number; col: number };
}

export interface UnitGridLayout {
  grid: SheetGrid;
  /** Real worksheet addresses (variations and origin applied). */
  addr: {
    id(field: IdField): string;
    figure(code: IndicatorCode): string;
    figureCode(code: IndicatorCode): string;
    /** Cells of the i-th task row (0-based, in spec order). */
    task(i: number, col: keyof typeof TASK_HEADERS): string;
    /** Grid position (row, col) of a canonical cell, for tests that edit the grid. */
    pos(canonicalRow: number, canonicalCol: number): { row: number; col: number };
    /** Canonical row index of things. */
    rows: { id: Partial<Record<IdField, number>>; figures: Partial<Record<IndicatorCode, number>>; tasks: number[]; taskHeader: number; figureHeader: number };
  };
}

/** Kinds of cells, so variations change labels but not values. */
type Kind = 'label' | 'enum' | 'code' | 'value';
interface Cell { v: CellValue; kind: Kind }

const FIELD_KIND: Partial<Record<IdField, Kind>> = { level: 'enum', period: 'enum', templateCode: 'value' };

export function makeUnitGrid(spec: UnitSpec, variations: Variations = {}): SheetGrid {
  return buildUnitGrid(spec, variations).grid;
}

export function buildUnitGrid(spec: UnitSpec, variations: Variations = {}): UnitGridLayout {
  const rows: Cell[][] = [];
  const L = (v: CellValue): Cell => ({ v, kind: 'label' });
  const V = (v: CellValue, kind: Kind = 'value'): Cell => ({ v, kind });
  const idRows: Partial<Record<IdField, number>> = {};
  const figRows: Partial<Record<IndicatorCode, number>> = {};
  const taskRows: number[] = [];
  const sectionRows: number[] = [];

  const values: Record<IdField, CellValue | undefined> = {
    templateCode: spec.templateCode === undefined ? TEMPLATE_CODE : spec.templateCode,
    unit: spec.unit,
    unitCode: spec.unitCode,
    level: spec.level,
    parent: spec.parent,
    period: spec.period,
    year: spec.year,
    docRef: spec.docRef,
    preparer: spec.preparer,
    phone: spec.phone,
    sentDate: spec.sentDate,
    reportType: spec.compiled ? COMPILED_REPORT_TYPE : undefined,
  };
  for (const l of ID_LABELS) {
    const v = values[l.field];
    if (v === undefined) continue;
    idRows[l.field] = rows.length;
    rows.push([L(l.label), V(v, FIELD_KIND[l.field] ?? 'value')]);
  }

  let figureHeader = -1;
  if (!spec.noFigureTable) {
    rows.push([]);
    sectionRows.push(rows.length);
    rows.push([L(SECTION_TITLES.figures)]);
    figureHeader = rows.length;
    rows.push([L(FIGURE_HEADERS.code), L(FIGURE_HEADERS.label), L(FIGURE_HEADERS.unit), L(FIGURE_HEADERS.value), L(FIGURE_HEADERS.note)]);
    for (const ind of INDICATORS) {
      if (spec.omitCodes?.includes(ind.code)) continue;
      const v = spec.figures?.[ind.code];
      // A sheet made before the codes added later (D9, D10) lacks their rows, unless the spec gives them a value.
      if (ind.mayBeAbsent && v === undefined) continue;
      figRows[ind.code] = rows.length;
      rows.push([V(ind.code, 'code'), V(ind.label), V(ind.unit), V(v === undefined ? null : v), V(null)]);
    }
    for (const [code, v] of spec.extraFigureRows ?? []) rows.push([V(code, 'code'), V('Chỉ tiêu khác'), V(''), V(v), V(null)]);
  }

  let taskHeader = -1;
  if (!spec.noTaskTable) {
    rows.push([]);
    sectionRows.push(rows.length);
    rows.push([L(SECTION_TITLES.tasks)]);
    taskHeader = rows.length;
    rows.push([L(TASK_HEADERS.stt), L(TASK_HEADERS.name), L(TASK_HEADERS.result), L(TASK_HEADERS.done), L(TASK_HEADERS.notDone), L(TASK_HEADERS.note)]);
    for (const t of spec.tasks ?? []) {
      let d: CellValue = null;
      let nd: CellValue = null;
      if (t.done === true) d = MARK;
      else if (t.done === false) nd = MARK;
      else if (t.done && typeof t.done === 'object') ({ done: d, notDone: nd } = t.done);
      taskRows.push(rows.length);
      rows.push([V(t.stt), V(t.name), V(t.result ?? null), V(d), V(nd), V(t.note ?? null)]);
    }
  }

  if (spec.assessment) {
    rows.push([]);
    sectionRows.push(rows.length);
    rows.push([L(SECTION_TITLES.assessment)]);
    for (const a of ASSESSMENT_LABELS) {
      const text = spec.assessment[a.key];
      if (text !== undefined) rows.push([L(a.label), V(text)]);
    }
  }

  // ---- variations: text first, then rows, then columns.
  const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
  for (const row of rows) {
    for (const c of row) {
      if (typeof c.v !== 'string') continue;
      if (c.kind === 'label' || c.kind === 'enum') {
        if (variations.stripDiacritics) c.v = strip(c.v);
        if (variations.upperCase && c.kind === 'label') c.v = c.v.toUpperCase();
      }
      if (c.kind === 'code' && variations.lowerCaseCodes) c.v = c.v.toLowerCase();
    }
  }

  // Canonical row → final row.
  const rowMap: number[] = [];
  const out: Cell[][] = [];
  const inserts = new Set(variations.insertRows ?? []);
  const sections = new Set(sectionRows);
  rows.forEach((row, i) => {
    if (inserts.has(i)) out.push([]);
    if (sections.has(i)) for (let k = 0; k < (variations.blankRowsBetweenSections ?? 0); k++) out.push([]);
    rowMap[i] = out.length;
    out.push(row);
  });

  const gap = variations.mergedHeaderGaps ? 2 : 1;
  const shift = variations.insertCols ?? 0;
  const colOf = (c: number) => shift + c * gap;
  const cells: CellValue[][] = out.map((row) => {
    const r: CellValue[] = [];
    row.forEach((c, j) => {
      const col = colOf(j);
      while (r.length < col) r.push(null);
      r[col] = c.v;
    });
    return r;
  });

  const origin = variations.origin ?? { row: 0, col: 0 };
  const grid: SheetGrid = {
    sheet: spec.sheet ?? (typeof spec.unit === 'string' && spec.unit ? spec.unit.replace(/^UBND\s+/i, '') : 'Đơn vị'),
    originRow: origin.row,
    originCol: origin.col,
    cells,
    ...(spec.file ? { file: spec.file } : {}),
  };
  const at = (canonRow: number, canonCol: number) => cellAddress(origin.row + rowMap[canonRow], origin.col + colOf(canonCol));
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined || v === -1) throw new Error(`unit-grid: no ${what} in this layout`);
    return v;
  };
  const taskCol: Record<keyof typeof TASK_HEADERS, number> = { stt: 0, name: 1, result: 2, done: 3, notDone: 4, note: 5 };
  return {
    grid,
    addr: {
      id: (f) => at(need(idRows[f], `row ${f}`), 1),
      figure: (c) => at(need(figRows[c], `row ${c}`), 3),
      figureCode: (c) => at(need(figRows[c], `row ${c}`), 0),
      task: (i, col) => at(need(taskRows[i], `task ${i}`), taskCol[col]),
      pos: (r, c) => ({ row: rowMap[r], col: colOf(c) }),
      rows: { id: idRows, figures: figRows, tasks: taskRows, taskHeader, figureHeader },
    },
  };
}

/** A complete, consistent report (all codes filled, D balanced) to start tests from. */
export function sampleSpec(overrides: Partial<UnitSpec> = {}): UnitSpec {
  return {
    unit: 'UBND xã Hương Lộc',
    unitCode: 'X001',
    level: 'Xã',
    parent: 'UBND huyện Nam Đông',
    period: 'Năm',
    year: 2020,
    docRef: '45/BC-UBND ngày 15/10/2020',
    preparer: 'Nguyễn Văn A',
    phone: '0234 3876 123',
    figures: {
      A1: 20, A2: 10, A3: 120, A4: 15, A5: 2, A6: 2.5,
      B1: 2, B2: 6, B3: 300,
      C1: 1, C2: 45, C3: 1, C4: 120,
      D1: 5, D2: 1031, D3: 600, D4: 1020, D5: 0, D6: 16,
      D7: 180, D8: 175,
      E1: 5000,
    },
    tasks: [
      { stt: 1, name: 'Tuyên truyền trên Cổng thông tin điện tử', result: 'Đăng 20 tin, bài', done: true },
      { stt: 2, name: 'Tuyên truyền qua hệ thống truyền thanh', result: 'Phát 10 tin, bài', done: true },
      { stt: 3, name: 'Tổ chức cuộc thi tìm hiểu CCHC', result: '', done: false, note: 'Chưa bố trí kinh phí' },
    ],
    assessment: {
      strengths: 'Được sự quan tâm chỉ đạo của Đảng ủy, UBND xã.',
      weaknesses: 'Kinh phí còn hạn chế.',
    },
    ...overrides,
  };
}
