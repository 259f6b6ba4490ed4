/**
 * The workbook model behind the RichApi host (dev/office-host): its state,
 * request contexts whose objects carry out each Excel member's effect, and
 * accessors tests use to look at the workbook. Its own client (globals
 * `Office`/`Excel`, `Excel.run`) is retired: tests and the browser harness
 * use Microsoft's real client, which talks to the host.
 */
import type { SheetGrid } from '../../src/core/grid';
import { isCellError } from '../../src/core/grid';
import {
  FakeHost, FakeOptions, FakeRequestContext, FakeStats, InjectedFailure, MB, WireOp, emptyStats, versionAtLeast,
} from './context';
import { CellFormat, CellState, SheetState, WorkbookState, key, parseAddress, rectAddress, usedRect } from './state';
import { FakeWorkbook } from './workbook';
import { importXlsxBase64 } from './xlsx-import';

/** What a test sees of one sheet: the used area from A1, empty cells as null. */
export interface SheetSnapshot {
  name: string;
  id: string;
  position: number;
  visibility: string;
  /** Row-major from A1 to the last used cell; formulas read as their shown value. */
  values: (string | number | boolean | null)[][];
  /** Formula text where a cell holds one, else null. */
  formulas: (string | null)[][];
  numberFormats: string[][];
  merges: string[];
  /** Column widths in points, from column A (undefined = default). */
  columnWidths: (number | undefined)[];
  rowHeights: Record<number, number>;
  freeze?: { rows: number; cols: number };
  protected: boolean;
  charts: { name: string; type: string; title?: string; source: string; position?: { start: string; end?: string } }[];
  validations: { address: string; rule: unknown; prompt?: unknown; errorAlert?: unknown }[];
  conditionalFormats: import('./conditional-formats').ConditionalFormatState[];
  pageLayout: {
    orientation?: string; paperSize?: string; printTitleRows?: string; printTitleColumns?: string; printArea?: string;
    zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
    /** Vertical page breaks: the address of the cell each starts at. */
    colBreaks?: string[];
    /** Horizontal page breaks (Worksheet.horizontalPageBreaks): the address of the cell each starts at. */
    rowBreaks?: string[];
  };
}

export interface CellSnapshot {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat: string;
  format: CellFormat;
  hyperlink?: CellState['hyperlink'];
}

export class FakeOffice {
  readonly host: FakeHost;

  constructor(options: FakeOptions = {}) {
    this.host = {
      state: new WorkbookState(),
      options: { apiVersion: '1.13', payloadLimit: 5 * MB, cellReadLimit: 5_000_000, ...options },
      stats: emptyStats(),
      failures: [],
      cellEditMode: false,
    };
  }

  get state(): WorkbookState {
    return this.host.state;
  }
  get stats(): FakeStats {
    return this.host.stats;
  }
  get options(): FakeHost['options'] {
    return this.host.options;
  }
  resetStats(): void {
    this.host.stats = emptyStats();
  }
  /** Change limits or the API version between runs. */
  configure(options: Partial<FakeOptions>): void {
    Object.assign(this.host.options, options);
  }

  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, minVersion = '1.1'): boolean {
    return name === 'ExcelApi' && versionAtLeast(this.host.options.apiVersion, String(minVersion));
  }

  /** A new request context (what `Excel.run` passes to its batch). */
  newContext(): FakeRequestContext {
    const ctx = new FakeRequestContext(this.host);
    ctx.workbook = new FakeWorkbook(ctx);
    return ctx;
  }

  /** The first queued operation matching `match` fails with `code` (once, unless persistent). */
  injectFailure(f: InjectedFailure): void {
    this.host.failures.push(f);
  }
  clearFailures(): void {
    this.host.failures.length = 0;
  }
  /** While on, every sync fails as when the user is typing in a cell. */
  setCellEditMode(on: boolean): void {
    this.host.cellEditMode = on;
  }

  /** Replaces the workbook with these sheets (each grid at its origin). */
  loadGrids(grids: SheetGrid[]): void {
    const st = new WorkbookState();
    st.date1904 = grids.some((g) => g.date1904);
    for (const g of grids) {
      const s = st.addSheet(g.sheet);
      g.cells.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null || v === undefined || v === '') return;
          const value = isCellError(v) ? v.error : v;
          s.cells.set(key(g.originRow + i, g.originCol + j), { value });
        }),
      );
    }
    if (!st.sheets.length) st.addSheet('Sheet1');
    this.host.state = st;
  }

  /** Replaces the workbook with the sheets of these .xlsx files (names made unique like Excel's `Name (2)`). */
  loadXlsx(base64Files: string[]): void {
    const st = new WorkbookState();
    for (const b64 of base64Files) {
      for (const s of importXlsxBase64(b64, () => st.newId())) {
        s.name = st.freeName(s.name);
        st.sheets.push(s);
      }
    }
    if (!st.sheets.length) st.addSheet('Sheet1');
    st.activeSheetId = st.sheets[0].id;
    this.host.state = st;
  }

  /** Adds one sheet directly (test set-up, not through the API). */
  addSheet(name: string, rows: (string | number | boolean | null)[][] = [], opts: { protected?: boolean } = {}): void {
    const s = this.host.state.addSheet(name);
    rows.forEach((row, i) => row.forEach((v, j) => {
      if (v !== null && v !== '') s.cells.set(key(i, j), { value: v });
    }));
    s.protected = !!opts.protected;
  }

  sheetNames(): string[] {
    return this.host.state.sheets.map((s) => s.name);
  }

  sheets(): SheetSnapshot[] {
    return this.host.state.sheets.map((s, i) => snapshot(s, i));
  }

  sheet(name: string): SheetSnapshot | undefined {
    const s = this.host.state.find(name);
    return s && snapshot(s, this.host.state.sheets.indexOf(s));
  }

  cell(sheetName: string, address: string): CellSnapshot {
    const s = this.host.state.find(sheetName);
    if (!s) throw new Error(`fake-excel: no sheet ${sheetName}`);
    const r = parseAddress(address);
    const c = s.cells.get(key(r.r1, r.c1));
    return {
      value: c && (c.value !== '' || c.formula) ? c.value : null,
      formula: c?.formula,
      numberFormat: c?.numberFormat ?? 'General',
      format: { ...c?.format },
      ...(c?.hyperlink ? { hyperlink: { ...c.hyperlink } } : {}),
    };
  }

  /** Active sheet name and selected address (undefined when nothing was selected on the active sheet). */
  selection(): { sheet: string | undefined; address: string | undefined } {
    const st = this.host.state;
    const active = st.activeSheetId ? st.find(st.activeSheetId) : undefined;
    const sel = active && st.selection && st.selection.sheetId === active.id ? st.selection.rect : undefined;
    return { sheet: active?.name, address: sel ? rectAddress(sel) : undefined };
  }
}

function snapshot(s: SheetState, position: number): SheetSnapshot {
  const used = usedRect(s, true);
  const rows = used ? used.r2 + 1 : 0;
  const cols = used ? used.c2 + 1 : 0;
  const values: SheetSnapshot['values'] = [];
  const formulas: SheetSnapshot['formulas'] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const v: SheetSnapshot['values'][number] = [];
    const f: (string | null)[] = [];
    const n: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell: CellState | undefined = s.cells.get(key(r, c));
      v.push(cell && (cell.value !== '' || cell.formula) ? cell.value : null);
      f.push(cell?.formula ?? null);
      n.push(cell?.numberFormat ?? 'General');
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(n);
  }
  const maxCol = Math.max(-1, ...s.columnWidths.keys());
  return {
    name: s.name,
    id: s.id,
    position,
    visibility: s.visibility,
    values,
    formulas,
    numberFormats,
    merges: s.merges.map(rectAddress),
    columnWidths: Array.from({ length: maxCol + 1 }, (_, i) => s.columnWidths.get(i)),
    rowHeights: Object.fromEntries(s.rowHeights),
    freeze: s.freeze && { ...s.freeze },
    protected: s.protected,
    charts: s.charts.map((c) => ({ ...c })),
    conditionalFormats: (s.conditionalFormats ?? []).map((f) => ({ ...f })),
    validations: s.validations.map((v) => ({ ...v })),
    pageLayout: {
      ...s.pageLayout,
      ...(s.pageLayout.colBreaks ? { colBreaks: [...s.pageLayout.colBreaks] } : {}),
      ...(s.pageLayout.rowBreaks ? { rowBreaks: [...s.pageLayout.rowBreaks] } : {}),
    },
  };
}

export type { FakeOptions, FakeStats, InjectedFailure, WireOp };
