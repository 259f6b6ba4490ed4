/**
 * Range and its format proxies of the stand-in.
 */
import { FakeClientObject, FakeRequestContext, SyncTransaction } from './context';
import { SIZE_MISMATCH_MESSAGE, officeError } from './errors';
import { FakeConditionalFormatCollection } from './conditional-formats';
import {
  CellFormat, CellState, MAX_COLS, MAX_ROWS, Rect, SheetState, isEmptyCell, key, parseAddress, qualifiedAddress,
  rectAddress, rectCols, rectRows, rectsOverlap, storeWrittenValue,
} from './state';
import type { FakeWorksheet } from './workbook';

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

/** Default sizes of an Excel sheet, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

function forEachCell(t: RangeTarget, fn: (row: number, col: number) => void): void {
  const { rect } = t;
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) fn(r, c);
}

function cellOf(t: RangeTarget, row: number, col: number, create: true): CellState;
function cellOf(t: RangeTarget, row: number, col: number, create?: false): CellState | undefined;
function cellOf(t: RangeTarget, row: number, col: number, create = false): CellState | undefined {
  const k = key(row, col);
  let c = t.sheet.cells.get(k);
  if (!c && create) {
    c = { value: '' };
    t.sheet.cells.set(k, c);
  }
  return c;
}

/** A protected sheet refuses changes to its locked cells. */
function assertEditable(t: RangeTarget): void {
  if (!t.sheet.protected) return;
  let locked = false;
  forEachCell(t, (r, c) => {
    if (cellOf(t, r, c)?.format?.locked !== false) locked = true;
  });
  if (locked) throw officeError('AccessDenied', "The cell or chart you're trying to change is on a protected sheet.");
}

/** Checks a 2-D input against the range's shape; a scalar applies to every cell. */
function cellInput(t: RangeTarget, input: unknown): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const rows = rectRows(t.rect), cols = rectCols(t.rect);
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw officeError('InvalidArgument', SIZE_MISMATCH_MESSAGE);
  }
  return (i, j) => (input as unknown[][])[i][j];
}

function grid<V>(t: RangeTarget, tx: SyncTransaction, fn: (c: CellState | undefined) => V): V[][] | null {
  if (t.rect.whole) return null; // Excel: whole-column/row ranges give null values
  tx.cellsRead += rectRows(t.rect) * rectCols(t.rect);
  const out: V[][] = [];
  for (let r = t.rect.r1; r <= t.rect.r2; r++) {
    const row: V[] = [];
    for (let c = t.rect.c1; c <= t.rect.c2; c++) row.push(fn(cellOf(t, r, c)));
    out.push(row);
  }
  return out;
}

/** The common value of every cell, or null when they differ (as Excel reports mixed formats). */
function uniform<V>(t: RangeTarget, fn: (c: CellState | undefined) => V): V | null {
  let first: V | undefined;
  let mixed = false;
  const limit = Math.min(t.rect.r2, t.rect.r1 + 10000);
  for (let r = t.rect.r1; r <= limit && !mixed; r++) {
    for (let c = t.rect.c1; c <= Math.min(t.rect.c2, t.rect.c1 + 1000); c++) {
      const v = fn(cellOf(t, r, c));
      if (first === undefined) first = v;
      else if (v !== first) mixed = true;
    }
  }
  return mixed || first === undefined ? null : first;
}

function setFormat(t: RangeTarget, fn: (f: CellFormat) => void): void {
  assertEditable(t);
  forEachCell(t, (r, c) => {
    const cell = cellOf(t, r, c, true);
    cell.format ??= {};
    fn(cell.format);
  });
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  constructor(ctx: FakeRequestContext, path: string, resolver: (tx: SyncTransaction) => RangeTarget | null, nullable = false) {
    super(ctx, path, resolver, nullable);
  }

  protected scalarProps(): string[] {
    return ['address', 'addressLocal', 'values', 'formulas', 'numberFormat', 'text', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'cellCount'];
  }

  protected override isGone(t: RangeTarget): boolean {
    return !!t.sheet.deleted;
  }

  protected readProp(t: RangeTarget, prop: string, tx: SyncTransaction): unknown {
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return qualifiedAddress(t.sheet.name, t.rect);
      case 'rowCount':
        return rectRows(t.rect);
      case 'columnCount':
        return rectCols(t.rect);
      case 'cellCount':
        return rectRows(t.rect) * rectCols(t.rect);
      case 'rowIndex':
        return t.rect.r1;
      case 'columnIndex':
        return t.rect.c1;
      case 'values':
        return grid(t, tx, (c) => (isEmptyCell(c) ? '' : c!.value));
      case 'formulas':
        return grid(t, tx, (c) => (isEmptyCell(c) ? '' : c!.formula ?? c!.value));
      case 'numberFormat':
        return grid(t, tx, (c) => c?.numberFormat ?? 'General');
      case 'text':
        return grid(t, tx, (c) => (isEmptyCell(c) ? '' : String(c!.value)));
      case 'columnHidden':
        return t.sheet.columnWidths.get(t.rect.c1) === 0;
      default:
        throw officeError('InvalidArgument', `Cannot load property '${prop}' of Range in the stand-in.`);
    }
  }

  private _format: FakeRangeFormat | undefined;
  private _validation: FakeDataValidation | undefined;

  protected override child(prop: string): FakeClientObject<unknown> | undefined {
    if (prop === 'format') return this.format as FakeClientObject<unknown>;
    return undefined;
  }

  get address(): string { return this._get('address'); }
  get addressLocal(): string { return this._get('addressLocal'); }
  get rowCount(): number { return this._get('rowCount'); }
  get columnCount(): number { return this._get('columnCount'); }
  get cellCount(): number { return this._get('cellCount'); }
  get rowIndex(): number { return this._get('rowIndex'); }
  get columnIndex(): number { return this._get('columnIndex'); }
  get text(): string[][] { return this._get('text'); }

  get values(): unknown[][] { return this._get('values'); }
  set values(v: unknown[][]) {
    this._set('values', v, '1.1', (t) => {
      const at = cellInput(t, v);
      assertEditable(t);
      forEachCell(t, (r, c) => {
        const x = at(r - t.rect.r1, c - t.rect.c1);
        if (x === null || x === undefined) return; // Office.js: null leaves the cell unchanged
        const cell = cellOf(t, r, c, true);
        if (x === '') {
          cell.value = '';
          delete cell.formula;
        } else storeWrittenValue(cell, x);
      });
    });
  }

  get formulas(): unknown[][] { return this._get('formulas'); }
  set formulas(v: unknown[][]) {
    this._set('formulas', v, '1.1', (t) => {
      const at = cellInput(t, v);
      assertEditable(t);
      forEachCell(t, (r, c) => {
        const x = at(r - t.rect.r1, c - t.rect.c1);
        if (x === null || x === undefined) return;
        storeWrittenValue(cellOf(t, r, c, true), x);
      });
    });
  }

  /** A link on every cell of the range; `textToDisplay` also becomes the cell's value, as Excel does. */
  set hyperlink(v: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this._set('hyperlink', v, '1.7', (t) => {
      assertEditable(t);
      if (!v || (!v.documentReference && !v.address)) throw officeError('InvalidArgument');
      forEachCell(t, (r, c) => {
        const cell = cellOf(t, r, c, true);
        cell.hyperlink = { ...v };
        if (v.textToDisplay !== undefined) storeWrittenValue(cell, v.textToDisplay);
      });
    });
  }

  get numberFormat(): string[][] { return this._get('numberFormat'); }
  set numberFormat(v: string[][]) {
    this._set('numberFormat', v, '1.1', (t) => {
      const at = cellInput(t, v);
      assertEditable(t);
      forEachCell(t, (r, c) => {
        const x = at(r - t.rect.r1, c - t.rect.c1);
        if (x === null || x === undefined) return;
        cellOf(t, r, c, true).numberFormat = String(x);
      });
    });
  }

  private _cfs?: FakeConditionalFormatCollection;
  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this._cfs ??= new FakeConditionalFormatCollection(this.context, `${this._path}.conditionalFormats`, (tx) => this._require(tx)));
  }

  get format(): FakeRangeFormat {
    this._format ??= new FakeRangeFormat(this.context, `${this._path}.format`, (tx) => this._require(tx));
    return this._format;
  }

  get dataValidation(): FakeDataValidation {
    this._validation ??= new FakeDataValidation(this.context, `${this._path}.dataValidation`, (tx) => this._require(tx));
    return this._validation;
  }

  /** The worksheet the range is on. */
  get worksheet(): FakeWorksheet {
    // Resolved lazily: the workbook module registers the factory (avoids an import cycle).
    return worksheetOfRange(this);
  }

  private derived(name: string, fn: (t: RangeTarget) => Rect, version = '1.1'): FakeRange {
    const r = new FakeRange(this.context, `${this._path}.${name}`, (tx) => {
      const t = this._require(tx);
      const rect = fn(t);
      if (rect.r1 < 0 || rect.c1 < 0 || rect.r2 >= MAX_ROWS || rect.c2 >= MAX_COLS || rect.r2 < rect.r1 || rect.c2 < rect.c1) {
        throw officeError('InvalidArgument');
      }
      return { sheet: t.sheet, rect };
    });
    if (version !== '1.1') this.context.enqueue({ path: r._path, action: 'resolve' }, version, (tx) => void r._resolve(tx));
    return r;
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived(`getCell(${row},${column})`, (t) => ({ r1: t.rect.r1 + row, c1: t.rect.c1 + column, r2: t.rect.r1 + row, c2: t.rect.c1 + column }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived(`getOffsetRange(${rowOffset},${columnOffset})`, (t) => ({
      r1: t.rect.r1 + rowOffset, c1: t.rect.c1 + columnOffset, r2: t.rect.r2 + rowOffset, c2: t.rect.c2 + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, (t) => ({
      r1: t.rect.r1, c1: t.rect.c1, r2: t.rect.r2 + deltaRows, c2: t.rect.c2 + deltaColumns,
    }), '1.2');
  }

  /** Hidden columns are stored as width 0, as Excel does. */
  get columnHidden(): boolean { return this._get('columnHidden'); }
  set columnHidden(v: boolean) {
    this._set('columnHidden', v, '1.2', (t) => {
      for (let c = t.rect.c1; c <= t.rect.c2; c++) {
        if (v) t.sheet.columnWidths.set(c, 0);
        else if (t.sheet.columnWidths.get(c) === 0) t.sheet.columnWidths.delete(c);
      }
    });
  }
  merge(across = false): void {
    this._call('merge', [across], '1.2', (t) => {
      assertEditable(t);
      const areas: Rect[] = across
        ? Array.from({ length: rectRows(t.rect) }, (_, i) => ({ r1: t.rect.r1 + i, r2: t.rect.r1 + i, c1: t.rect.c1, c2: t.rect.c2 }))
        : [{ ...t.rect }];
      t.sheet.merges = t.sheet.merges.filter((m) => !areas.some((a) => rectsOverlap(a, m)));
      t.sheet.merges.push(...areas.filter((a) => rectRows(a) * rectCols(a) > 1));
    });
  }

  unmerge(): void {
    this._call('unmerge', [], '1.2', (t) => {
      t.sheet.merges = t.sheet.merges.filter((m) => !rectsOverlap(t.rect, m));
    });
  }

  select(): void {
    this._call('select', [], '1.1', (t) => {
      const host = this.context.host;
      // Stricter than some hosts: selecting needs the sheet active, so a missing activate() shows.
      if (t.sheet.visibility !== 'Visible' || host.state.activeSheetId !== t.sheet.id) {
        throw officeError('InvalidOperation', 'The range can only be selected on the active worksheet.');
      }
      host.state.selection = { sheetId: t.sheet.id, rect: { ...t.rect } };
    });
  }

  clear(applyTo: string = 'All'): void {
    this._call('clear', [applyTo], '1.1', (t) => {
      assertEditable(t);
      forEachCell(t, (r, c) => {
        const cell = cellOf(t, r, c);
        if (!cell) return;
        if (applyTo === 'All' || applyTo === 'Contents') {
          cell.value = '';
          delete cell.formula;
        }
        if (applyTo === 'All' || applyTo === 'Formats') {
          delete cell.format;
          delete cell.numberFormat;
        }
      });
    });
  }
}

let worksheetOfRange: (r: FakeRange) => FakeWorksheet = () => {
  throw new Error('fake-excel: workbook module not loaded');
};
export function registerWorksheetOfRange(fn: (r: FakeRange) => FakeWorksheet): void {
  worksheetOfRange = fn;
}

type FormatResolver = (tx: SyncTransaction) => RangeTarget;

abstract class FormatPart extends FakeClientObject<RangeTarget> {
  constructor(ctx: FakeRequestContext, path: string, resolver: FormatResolver) {
    super(ctx, path, resolver);
  }
  protected override isGone(t: RangeTarget): boolean {
    return !!t.sheet.deleted;
  }
}

export class FakeRangeFormat extends FormatPart {
  private _font?: FakeRangeFont;
  private _fill?: FakeRangeFill;
  private _borders?: FakeRangeBorderCollection;
  private _protection?: FakeFormatProtection;

  protected scalarProps(): string[] {
    return ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText'];
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case 'columnWidth': {
        let w: number | null | undefined;
        for (let c = t.rect.c1; c <= Math.min(t.rect.c2, t.rect.c1 + 1000); c++) {
          const x = t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
          w = w === undefined || w === x ? x : null;
        }
        return w ?? null;
      }
      case 'rowHeight': {
        let h: number | null | undefined;
        for (let r = t.rect.r1; r <= Math.min(t.rect.r2, t.rect.r1 + 10000); r++) {
          const x = t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
          h = h === undefined || h === x ? x : null;
        }
        return h ?? null;
      }
      case 'horizontalAlignment':
        return uniform(t, (c) => c?.format?.horizontalAlignment ?? 'General');
      case 'verticalAlignment':
        return uniform(t, (c) => c?.format?.verticalAlignment ?? 'Bottom');
      case 'wrapText':
        return uniform(t, (c) => c?.format?.wrapText ?? false);

      default:
        throw officeError('InvalidArgument', `Cannot load property '${prop}' of RangeFormat in the stand-in.`);
    }
  }
  protected override child(prop: string): FakeClientObject<unknown> | undefined {
    const c = { font: this.font, fill: this.fill, protection: this.protection }[prop];
    return c as FakeClientObject<unknown> | undefined;
  }
  private resolver: FormatResolver = (tx) => this._require(tx);

  get font(): FakeRangeFont {
    return (this._font ??= new FakeRangeFont(this.context, `${this._path}.font`, this.resolver));
  }
  get fill(): FakeRangeFill {
    return (this._fill ??= new FakeRangeFill(this.context, `${this._path}.fill`, this.resolver));
  }
  get borders(): FakeRangeBorderCollection {
    return (this._borders ??= new FakeRangeBorderCollection(this.context, `${this._path}.borders`, this.resolver));
  }
  get protection(): FakeFormatProtection {
    return (this._protection ??= new FakeFormatProtection(this.context, `${this._path}.protection`, this.resolver));
  }

  get columnWidth(): number { return this._get('columnWidth'); }
  set columnWidth(w: number) {
    this._set('columnWidth', w, '1.2', (t) => {
      if (!(w >= 0)) throw officeError('InvalidArgument');
      for (let c = t.rect.c1; c <= t.rect.c2; c++) t.sheet.columnWidths.set(c, w);
    });
  }
  get rowHeight(): number { return this._get('rowHeight'); }
  set rowHeight(h: number) {
    this._set('rowHeight', h, '1.2', (t) => {
      if (!(h >= 0 && h <= 409)) throw officeError('InvalidArgument');
      for (let r = t.rect.r1; r <= t.rect.r2; r++) t.sheet.rowHeights.set(r, h);
    });
  }
  get horizontalAlignment(): string { return this._get('horizontalAlignment'); }
  set horizontalAlignment(v: string) {
    this._set('horizontalAlignment', v, '1.1', (t) => setFormat(t, (f) => (f.horizontalAlignment = v)));
  }
  get verticalAlignment(): string { return this._get('verticalAlignment'); }
  set verticalAlignment(v: string) {
    this._set('verticalAlignment', v, '1.1', (t) => setFormat(t, (f) => (f.verticalAlignment = v)));
  }
  get wrapText(): boolean { return this._get('wrapText'); }
  set wrapText(v: boolean) {
    this._set('wrapText', v, '1.1', (t) => setFormat(t, (f) => (f.wrapText = v)));
  }
  autofitColumns(): void {
    this._call('autofitColumns', [], '1.2', () => undefined);
  }
  autofitRows(): void {
    this._call('autofitRows', [], '1.2', () => undefined);
  }
}

export class FakeRangeFont extends FormatPart {
  protected scalarProps(): string[] {
    return ['bold', 'italic', 'size', 'color', 'name'];
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    switch (prop) {
      case 'bold': return uniform(t, (c) => c?.format?.bold ?? false);
      case 'italic': return uniform(t, (c) => c?.format?.italic ?? false);
      case 'size': return uniform(t, (c) => c?.format?.size ?? 11);
      case 'color': return uniform(t, (c) => c?.format?.color ?? '#000000');
      case 'name': return uniform(t, (c) => c?.format?.fontName ?? 'Calibri');
      default: throw officeError('InvalidArgument', `Cannot load property '${prop}' of RangeFont in the stand-in.`);
    }
  }
  get bold(): boolean { return this._get('bold'); }
  set bold(v: boolean) { this._set('bold', v, '1.1', (t) => setFormat(t, (f) => (f.bold = v))); }
  get italic(): boolean { return this._get('italic'); }
  set italic(v: boolean) { this._set('italic', v, '1.1', (t) => setFormat(t, (f) => (f.italic = v))); }
  get size(): number { return this._get('size'); }
  set size(v: number) { this._set('size', v, '1.1', (t) => setFormat(t, (f) => (f.size = v))); }
  get color(): string { return this._get('color'); }
  set color(v: string) { this._set('color', v, '1.1', (t) => setFormat(t, (f) => (f.color = v.toUpperCase()))); }
  get name(): string { return this._get('name'); }
  set name(v: string) { this._set('name', v, '1.1', (t) => setFormat(t, (f) => (f.fontName = v))); }
}

export class FakeRangeFill extends FormatPart {
  protected scalarProps(): string[] {
    return ['color'];
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    if (prop === 'color') return uniform(t, (c) => c?.format?.fill ?? '#FFFFFF');
    throw officeError('InvalidArgument', `Cannot load property '${prop}' of RangeFill in the stand-in.`);
  }
  get color(): string { return this._get('color'); }
  set color(v: string) { this._set('color', v, '1.1', (t) => setFormat(t, (f) => (f.fill = v.toUpperCase()))); }
  clear(): void {
    this._call('clear', [], '1.1', (t) => setFormat(t, (f) => delete f.fill));
  }
}

export class FakeRangeBorderCollection extends FormatPart {
  private items = new Map<string, FakeRangeBorder>();
  protected scalarProps(): string[] {
    return [];
  }
  protected readProp(): unknown {
    return undefined;
  }
  getItem(index: string): FakeRangeBorder {
    let b = this.items.get(index);
    if (!b) {
      b = new FakeRangeBorder(this.context, `${this._path}.getItem(${index})`, (tx) => this._require(tx), index);
      this.items.set(index, b);
    }
    return b;
  }
}

export class FakeRangeBorder extends FormatPart {
  constructor(ctx: FakeRequestContext, path: string, resolver: FormatResolver, readonly sideIndex: string) {
    super(ctx, path, resolver);
  }
  protected scalarProps(): string[] {
    return ['style', 'color', 'weight'];
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    if (prop === 'style') return uniform(t, (c) => c?.format?.borders?.[this.sideIndex] ?? 'None');
    return null;
  }
  get style(): string { return this._get('style'); }
  set style(v: string) {
    this._set('style', v, '1.1', (t) => setFormat(t, (f) => (f.borders = { ...f.borders, [this.sideIndex]: v })));
  }
  get color(): string { return this._get('color'); }
  set color(v: string) { this._set('color', v, '1.1', () => undefined); }
  get weight(): string { return this._get('weight'); }
  set weight(v: string) { this._set('weight', v, '1.1', () => undefined); }
}

export class FakeFormatProtection extends FormatPart {
  protected scalarProps(): string[] {
    return ['locked'];
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    if (prop === 'locked') return uniform(t, (c) => c?.format?.locked ?? true);
    return null;
  }
  get locked(): boolean { return this._get('locked'); }
  set locked(v: boolean) {
    this._set('locked', v, '1.2', (t) => setFormat(t, (f) => (f.locked = v)));
  }
}

export class FakeDataValidation extends FormatPart {
  protected scalarProps(): string[] {
    return ['rule', 'prompt', 'errorAlert'];
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    const v = t.sheet.validations.find((x) => x.address === rectAddress(t.rect));
    return v ? (v as unknown as Record<string, unknown>)[prop] ?? null : null;
  }
  private entry(t: RangeTarget) {
    const address = rectAddress(t.rect);
    let v = t.sheet.validations.find((x) => x.address === address);
    if (!v) {
      v = { address, rule: null };
      t.sheet.validations.push(v);
    }
    return v;
  }
  get rule(): unknown { return this._get('rule'); }
  set rule(v: unknown) { this._set('rule', v, '1.8', (t) => { assertEditable(t); this.entry(t).rule = v; }); }
  get prompt(): unknown { return this._get('prompt'); }
  set prompt(v: unknown) { this._set('prompt', v, '1.8', (t) => { this.entry(t).prompt = v; }); }
  get errorAlert(): unknown { return this._get('errorAlert'); }
  set errorAlert(v: unknown) { this._set('errorAlert', v, '1.8', (t) => { this.entry(t).errorAlert = v; }); }
  clear(): void {
    this._call('clear', [], '1.8', (t) => {
      t.sheet.validations = t.sheet.validations.filter((x) => x.address !== rectAddress(t.rect));
    });
  }
}

/** Resolves `address` (or `Sheet!address` on the same sheet) against a sheet. */
export function rangeOnSheet(sheet: SheetState, address: string): RangeTarget {
  const bang = address.lastIndexOf('!');
  const bare = bang >= 0 ? address.slice(bang + 1) : address;
  return { sheet, rect: parseAddress(bare) };
}
