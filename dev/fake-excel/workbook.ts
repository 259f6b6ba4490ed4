/**
 * Workbook, worksheet collection, worksheet and their parts in the stand-in.
 */
import { FakeClientObject, FakeClientResult, FakeRequestContext, SyncTransaction } from './context';
import { VERY_HIDDEN_DELETE_MESSAGE, officeError } from './errors';
import { FakeRange, RangeTarget, rangeOnSheet, registerWorksheetOfRange } from './range';
import { Rect, SheetState, parseAddress, rectAddress, sheetNameProblem, usedRect } from './state';
import { importXlsxBase64 } from './xlsx-import';

export class FakeWorksheet extends FakeClientObject<SheetState> {
  protected scalarProps(): string[] {
    return ['name', 'id', 'position', 'visibility'];
  }
  protected override isGone(t: SheetState): boolean {
    return !!t.deleted;
  }
  protected readProp(t: SheetState, prop: string): unknown {
    switch (prop) {
      case 'name': return t.name;
      case 'id': return t.id;
      case 'position': return this.context.host.state.sheets.indexOf(t);
      case 'visibility': return t.visibility;
      default: throw officeError('InvalidArgument', `Cannot load property '${prop}' of Worksheet in the stand-in.`);
    }
  }
  protected override child(prop: string): FakeClientObject<unknown> | undefined {
    if (prop === 'protection') return this.protection as FakeClientObject<unknown>;
    return undefined;
  }

  get name(): string { return this._get('name'); }
  set name(v: string) {
    this._set('name', v, '1.1', (t) => {
      const problem = sheetNameProblem(v);
      if (problem) throw officeError('InvalidArgument', problem);
      const other = this.context.host.state.find(v);
      if (other && other !== t) throw officeError('ItemAlreadyExists', `A worksheet named '${v}' already exists.`);
      t.name = v;
    });
  }
  get id(): string { return this._get('id'); }
  get position(): number { return this._get('position'); }
  set position(p: number) {
    this._set('position', p, '1.1', (t) => {
      const sheets = this.context.host.state.sheets;
      if (!(p >= 0 && p < sheets.length)) throw officeError('InvalidArgument');
      sheets.splice(sheets.indexOf(t), 1);
      sheets.splice(p, 0, t);
    });
  }
  get visibility(): string { return this._get('visibility'); }
  set visibility(v: string) {
    this._set('visibility', v, '1.1', (t) => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw officeError('InvalidArgument');
      t.visibility = v;
    });
  }

  private sheetRange(path: string, fn: (s: SheetState) => Rect | null, nullable = false): FakeRange {
    return new FakeRange(this.context, `${this._path}.${path}`, (tx): RangeTarget | null => {
      const sheet = this._require(tx);
      const rect = fn(sheet);
      return rect ? { sheet, rect } : null;
    }, nullable);
  }

  /** No address: the whole sheet. */
  getRange(address?: string): FakeRange {
    if (address === undefined) {
      return this.sheetRange('getRange()', () => ({ r1: 0, c1: 0, r2: 1048575, c2: 16383, whole: 'sheet' }));
    }
    return this.sheetRange(`getRange(${JSON.stringify(address)})`, (s) => rangeOnSheet(s, address).rect);
  }

  getCell(row: number, column: number): FakeRange {
    return this.sheetRange(`getCell(${row},${column})`, () => parseAddress(rectAddress({ r1: row, c1: column, r2: row, c2: column })));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const r = this.sheetRange(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () =>
      parseAddress(rectAddress({ r1: startRow, c1: startColumn, r2: startRow + rowCount - 1, c2: startColumn + columnCount - 1 })));
    this.context.enqueue({ path: r._path, action: 'resolve' }, '1.7', (tx) => void r._resolve(tx));
    return r;
  }

  /** Excel: a blank sheet's used range is A1. */
  getUsedRange(valuesOnly = false): FakeRange {
    return this.sheetRange(`getUsedRange(${valuesOnly})`, (s) => usedRect(s, valuesOnly) ?? { r1: 0, c1: 0, r2: 0, c2: 0 });
  }

  /** A blank sheet gives a null object. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const r = this.sheetRange(`getUsedRangeOrNullObject(${valuesOnly})`, (s) => usedRect(s, valuesOnly), true);
    this.context.enqueue({ path: r._path, action: 'resolve' }, '1.4', (tx) => void r._resolve(tx));
    return r;
  }

  /**
   * Excel refuses to delete a very hidden sheet: «if the worksheet's visibility is set to "VeryHidden", the
   * delete operation will fail with an InvalidOperation exception. You should first change its visibility to
   * hidden or visible before deleting it» (Worksheet.delete, https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1);
   * the same words in @types/office-js).
   */
  delete(): void {
    this._call('delete', [], '1.1', (t) => {
      if (t.visibility === 'VeryHidden') throw officeError('InvalidOperation', VERY_HIDDEN_DELETE_MESSAGE);
      this.context.host.state.removeSheet(t);
    });
  }

  activate(): void {
    this._call('activate', [], '1.1', (t) => {
      if (t.visibility !== 'Visible') throw officeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.context.host.state.activeSheetId = t.id;
    });
  }

  private _freeze?: FakeFreezePanes;
  private _protection?: FakeWorksheetProtection;
  private _charts?: FakeChartCollection;
  private _pageLayout?: FakePageLayout;
  private partResolver = (tx: SyncTransaction) => this._require(tx);

  get freezePanes(): FakeFreezePanes {
    return (this._freeze ??= new FakeFreezePanes(this.context, `${this._path}.freezePanes`, this.partResolver));
  }
  get protection(): FakeWorksheetProtection {
    return (this._protection ??= new FakeWorksheetProtection(this.context, `${this._path}.protection`, this.partResolver));
  }
  get charts(): FakeChartCollection {
    return (this._charts ??= new FakeChartCollection(this.context, `${this._path}.charts`, this.partResolver));
  }
  get pageLayout(): FakePageLayout {
    return (this._pageLayout ??= new FakePageLayout(this.context, `${this._path}.pageLayout`, this.partResolver));
  }
  private _vBreaks?: FakePageBreaks;
  get verticalPageBreaks(): FakePageBreaks {
    return (this._vBreaks ??= new FakePageBreaks(this.context, `${this._path}.verticalPageBreaks`, this.partResolver, 'colBreaks'));
  }
  private _hBreaks?: FakePageBreaks;
  get horizontalPageBreaks(): FakePageBreaks {
    return (this._hBreaks ??= new FakePageBreaks(this.context, `${this._path}.horizontalPageBreaks`, this.partResolver, 'rowBreaks'));
  }
}

registerWorksheetOfRange((r) => new FakeWorksheet(r.context, `${r._path}.worksheet`, (tx) => r._require(tx).sheet));

abstract class SheetPart extends FakeClientObject<SheetState> {
  protected override isGone(t: SheetState): boolean {
    return !!t.deleted;
  }
}

export class FakeFreezePanes extends SheetPart {
  protected scalarProps(): string[] {
    return [];
  }
  protected readProp(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this._call('freezeRows', [count], '1.7', (t) => (t.freeze = { rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this._call('freezeColumns', [count], '1.7', (t) => (t.freeze = { rows: 0, cols: count }));
  }
  freezeAt(frozenRange: FakeRange | string): void {
    this._call('freezeAt', [typeof frozenRange === 'string' ? frozenRange : frozenRange._path], '1.7', (t, tx) => {
      const rect = typeof frozenRange === 'string' ? rangeOnSheet(t, frozenRange).rect : frozenRange._require(tx).rect;
      t.freeze = { rows: rect.r2 + 1, cols: rect.c2 + 1 };
    });
  }
  unfreeze(): void {
    this._call('unfreeze', [], '1.7', (t) => delete t.freeze);
  }
}

export class FakeWorksheetProtection extends SheetPart {
  protected scalarProps(): string[] {
    return ['protected', 'options'];
  }
  protected readProp(t: SheetState, prop: string): unknown {
    if (prop === 'protected') return t.protected;
    if (prop === 'options') return t.protectionOptions ?? {};
    throw officeError('InvalidArgument');
  }
  get protected(): boolean { return this._get('protected'); }
  get options(): unknown { return this._get('options'); }
  protect(options?: unknown, password?: string): void {
    // The password argument came with ExcelApi 1.7 ("ExcelApi 1.2 for options; 1.7 for password").
    this._call('protect', [options ?? null, password ?? null], password === undefined ? '1.2' : '1.7', (t) => {
      if (t.protected) throw officeError('InvalidOperation', 'The worksheet is already protected.');
      t.protected = true;
      t.protectionOptions = options;
      t.protectionPassword = password || undefined;
    });
  }
  /**
   * ExcelApi 1.7 (the 1.4 reference of WorksheetProtection has protect only).
   * A sheet protected with a password stays protected without it: Microsoft
   * does not document the code; Microsoft Graph's unprotect answers
   * InvalidArgument (https://github.com/microsoftgraph/microsoft-graph-docs/issues/10151).
   */
  unprotect(password?: string): void {
    this._call('unprotect', [password ?? null], '1.7', (t) => {
      if (t.protected && t.protectionPassword !== undefined && password !== t.protectionPassword) throw officeError('InvalidArgument');
      t.protected = false;
      delete t.protectionPassword;
    });
  }
}

export class FakePageLayout extends SheetPart {
  protected scalarProps(): string[] {
    return ['orientation', 'paperSize', 'zoom'];
  }
  protected readProp(t: SheetState, prop: string): unknown {
    if (prop === 'orientation') return t.pageLayout.orientation ?? 'Portrait';
    if (prop === 'paperSize') return t.pageLayout.paperSize ?? 'Letter';
    if (prop === 'zoom') return t.pageLayout.zoom ?? { scale: 100 };
    throw officeError('InvalidArgument');
  }
  get zoom(): unknown { return this._get('zoom'); }
  /** PageLayoutZoomOptions: a scale (10–400) or pages to fit to, not both. */
  set zoom(v: unknown) {
    this._set('zoom', v, '1.9', (t) => {
      const z = (v ?? {}) as { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
      if (z.scale !== undefined && (z.scale < 10 || z.scale > 400 || z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined)) throw officeError('InvalidArgument');
      t.pageLayout.zoom = { ...z };
    });
  }
  setPrintArea(area: FakeRange | string): void {
    const addr = typeof area === 'string' ? area : area._path;
    this._call('setPrintArea', [addr], '1.9', (t, tx) => {
      t.pageLayout.printArea = typeof area === 'string' ? rectAddress(rangeOnSheet(t, area).rect) : rectAddress(area._require(tx).rect);
    });
  }
  setPrintTitleColumns(cols: FakeRange | string): void {
    const addr = typeof cols === 'string' ? cols : cols._path;
    this._call('setPrintTitleColumns', [addr], '1.9', (t, tx) => {
      t.pageLayout.printTitleColumns = typeof cols === 'string' ? cols : rectAddress(cols._require(tx).rect);
    });
  }
  get orientation(): string { return this._get('orientation'); }
  set orientation(v: string) {
    this._set('orientation', v, '1.9', (t) => (t.pageLayout.orientation = v));
  }
  get paperSize(): string { return this._get('paperSize'); }
  set paperSize(v: string) {
    this._set('paperSize', v, '1.9', (t) => (t.pageLayout.paperSize = v));
  }
  setPrintTitleRows(rows: FakeRange | string): void {
    const addr = typeof rows === 'string' ? rows : rows._path;
    this._call('setPrintTitleRows', [addr], '1.9', (t, tx) => {
      t.pageLayout.printTitleRows = typeof rows === 'string' ? rows : rectAddress(rows._require(tx).rect);
    });
  }
}

/**
 * `Worksheet.verticalPageBreaks` and `horizontalPageBreaks` (ExcelApi 1.9,
 * Excel.PageBreakCollection): `add` («a page break before the top-left cell of
 * the range specified», the range given or its address) and `getCount`
 * (what a writer sending its breaks again reads first). Microsoft documents
 * no refusal of its own for `add` (learn.microsoft.com, Excel.PageBreakCollection;
 * @types/office-js PageBreakCollection.add): what it refuses is what any range
 * argument is refused for, an address that is no range of the sheet
 * (InvalidArgument, rangeOnSheet), and the set older than 1.9 (ApiNotFound, _call).
 */
export class FakePageBreaks extends SheetPart {
  constructor(context: ConstructorParameters<typeof SheetPart>[0], path: string, resolve: ConstructorParameters<typeof SheetPart>[2],
    private readonly key: 'colBreaks' | 'rowBreaks') {
    super(context, path, resolve);
  }
  protected scalarProps(): string[] {
    return ['count'];
  }
  protected readProp(t: SheetState, prop: string): unknown {
    if (prop === 'count') return (t.pageLayout[this.key] ?? []).length;
    throw officeError('InvalidArgument');
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this._call('getCount', [], '1.9', (t, tx) => tx.results.push({ result: r as FakeClientResult<unknown>, value: (t.pageLayout[this.key] ?? []).length }));
    return r;
  }
  add(pageBreakRange: FakeRange | string): void {
    const addr = typeof pageBreakRange === 'string' ? pageBreakRange : pageBreakRange._path;
    this._call('add', [addr], '1.9', (t, tx) => {
      const a = typeof pageBreakRange === 'string' ? rangeOnSheet(t, pageBreakRange).rect : pageBreakRange._require(tx).rect;
      (t.pageLayout[this.key] ??= []).push(rectAddress({ r1: a.r1, c1: a.c1, r2: a.r1, c2: a.c1 }));
    });
  }
}

export class FakeChartCollection extends SheetPart {
  protected scalarProps(): string[] {
    return ['count'];
  }
  protected readProp(t: SheetState, prop: string): unknown {
    if (prop === 'count') return t.charts.length;
    throw officeError('InvalidArgument');
  }
  get count(): number { return this._get('count'); }
  /** The chart at `index` on the sheet (ExcelApi 1.1); past the last one, ItemNotFound. */
  getItemAt(index: number): FakeChart {
    return new FakeChart(this.context, `${this._path}.getItemAt(${index})`, (tx) => {
      const t = this._require(tx);
      return index >= 0 && index < t.charts.length ? { sheet: t, index } : null;
    });
  }
  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChart {
    let created: number | undefined;
    const chart = new FakeChart(this.context, `${this._path}.add(${type})`, (tx) => {
      const t = this._require(tx);
      return created === undefined ? null : { sheet: t, index: created };
    });
    this._call('add', [type, sourceData._path, seriesBy], '1.1', (t, tx) => {
      const src = sourceData._require(tx);
      if (src.sheet.deleted) throw officeError('InvalidArgument');
      t.charts.push({ name: `Chart ${t.charts.length + 1}`, type, source: rectAddress(src.rect), seriesBy });
      created = t.charts.length - 1;
      chart._resolve(tx);
    });
    return chart;
  }
}

interface ChartTarget {
  sheet: SheetState;
  index: number;
}

export class FakeChart extends FakeClientObject<ChartTarget> {
  private _title?: FakeChartTitle;
  protected scalarProps(): string[] {
    return ['name'];
  }
  protected readProp(t: ChartTarget, prop: string): unknown {
    if (prop === 'name') return t.sheet.charts[t.index].name;
    throw officeError('InvalidArgument');
  }
  protected override child(prop: string): FakeClientObject<unknown> | undefined {
    return prop === 'title' ? (this.title as FakeClientObject<unknown>) : undefined;
  }
  get name(): string { return this._get('name'); }
  set name(v: string) { this._set('name', v, '1.1', (t) => (t.sheet.charts[t.index].name = v)); }
  get title(): FakeChartTitle {
    return (this._title ??= new FakeChartTitle(this.context, `${this._path}.title`, (tx) => this._require(tx)));
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const a = (x: FakeRange | string | undefined) => (typeof x === 'string' || x === undefined ? x : x._path);
    this._call('setPosition', [a(startCell), a(endCell)], '1.1', (t) => {
      const start = typeof startCell === 'string' ? startCell : a(startCell)!;
      const end = typeof endCell === 'string' ? endCell : endCell ? a(endCell) : undefined;
      if (typeof startCell === 'string') parseAddress(startCell);
      if (typeof endCell === 'string') parseAddress(endCell);
      t.sheet.charts[t.index].position = { start, end };
    });
  }
}

export class FakeChartTitle extends FakeClientObject<ChartTarget> {
  protected scalarProps(): string[] {
    return ['text'];
  }
  protected readProp(t: ChartTarget, prop: string): unknown {
    if (prop === 'text') return t.sheet.charts[t.index].title ?? '';
    throw officeError('InvalidArgument');
  }
  get text(): string { return this._get('text'); }
  set text(v: string) { this._set('text', v, '1.1', (t) => (t.sheet.charts[t.index].title = v)); }
}

export class FakeWorksheetCollection extends FakeClientObject<null> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'workbook.worksheets', () => null, true);
  }
  protected scalarProps(): string[] {
    return ['items/name', 'items/id', 'items/position', 'items/visibility'];
  }
  protected readProp(): unknown {
    return undefined;
  }
  /** `load('items/name')`, `load('name')`, `load()`: every sheet, each with those properties. */
  override load(arg?: string | string[] | { select?: string | string[] } | Record<string, unknown>): this {
    let props: string[] = ['name', 'id', 'position', 'visibility'];
    if (typeof arg === 'string') props = arg.split(',');
    else if (Array.isArray(arg)) props = arg;
    else if (arg && typeof arg.select === 'string') props = arg.select.split(',');
    props = props.map((p) => p.trim().replace(/^items\//, '')).filter(Boolean);
    this.context.enqueue({ path: this._path, action: 'load', args: props }, '1.1', (tx) => {
      const items = this.context.host.state.sheets.map((s) => {
        const ws = this.sheetProxy(s);
        ws._resolve(tx);
        for (const p of props) tx.loads.push({ obj: ws, prop: p, value: (ws as unknown as { readProp(t: SheetState, p: string): unknown }).readProp(s, p) });
        return ws;
      });
      tx.loads.push({ obj: this, prop: 'items', value: items, wire: null });
    });
    return this;
  }
  private sheetProxy(s: SheetState): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem(${JSON.stringify(s.id)})`, () => s);
  }
  get items(): FakeWorksheet[] { return this._get('items'); }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.getItem(${JSON.stringify(key)})`, () => this.context.host.state.find(key) ?? null);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, `worksheets.getItemOrNullObject(${JSON.stringify(key)})`, () => this.context.host.state.find(key) ?? null, true);
    this.context.enqueue({ path: ws._path, action: 'resolve' }, '1.4', (tx) => void ws._resolve(tx));
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    const st = this.context.host.state;
    return new FakeWorksheet(this.context, 'worksheets.getActiveWorksheet()', () => (st.activeSheetId ? st.find(st.activeSheetId) ?? null : null));
  }

  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.context.enqueue({ path: this._path, action: 'getCount' }, '1.4', (tx) => {
      tx.results.push({ result: r as FakeClientResult<unknown>, value: this.context.host.state.sheets.length });
    });
    return r;
  }

  add(name?: string): FakeWorksheet {
    let created: SheetState | undefined;
    const ws = new FakeWorksheet(this.context, `worksheets.add(${JSON.stringify(name ?? '')})`, () => created ?? null);
    this.context.enqueue({ path: this._path, action: 'add', args: name ?? null }, '1.1', (tx) => {
      const st = this.context.host.state;
      created = st.addSheet(name ?? st.defaultName());
      ws._resolve(tx);
    });
    return ws;
  }
}

export class FakeWorkbook extends FakeClientObject<null> {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'workbook', () => null, true);
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  protected scalarProps(): string[] {
    return [];
  }
  protected readProp(): unknown {
    return undefined;
  }

  /** Excel's worksheet functions (ExcelApi 1.2); only DATE, which the reader uses to learn the date system. */
  get functions(): FakeFunctions {
    return new FakeFunctions(this.context, 'workbook.functions', () => ({}));
  }

  getSelectedRange(): FakeRange {
    const st = this.context.host.state;
    return new FakeRange(this.context, 'workbook.getSelectedRange()', () => {
      const sheet = st.selection ? st.find(st.selection.sheetId) : st.activeSheetId ? st.find(st.activeSheetId) : undefined;
      if (!sheet) return null;
      const rect = st.selection?.sheetId === sheet.id ? st.selection.rect : { r1: 0, c1: 0, r2: 0, c2: 0 };
      return { sheet, rect };
    });
  }

  /**
   * ExcelApi 1.13. Inserts the sheets of an .xlsx given in base64; a name
   * already taken becomes `Name (2)`. Returns the new sheets' ids.
   */
  insertWorksheetsFromBase64(
    base64File: string,
    options?: { sheetNamesToInsert?: string[]; positionType?: string; relativeTo?: string | FakeWorksheet },
  ): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>();
    const rel = options?.relativeTo;
    this.context.enqueue(
      { path: this._path, action: 'insertWorksheetsFromBase64', args: [base64File, { ...options, relativeTo: typeof rel === 'string' ? rel : rel?._path }] },
      '1.13',
      (tx) => {
        const host = this.context.host;
        const failure = host.options.insertFromBase64Failure;
        if (failure && !host.options.insertFromBase64FailsAfterInserting) throw officeError(failure);
        const st = host.state;
        let imported = importXlsxBase64(base64File, () => st.newId());
        const wanted = options?.sheetNamesToInsert;
        if (wanted && wanted.length) {
          for (const w of wanted) {
            if (!imported.some((s) => s.name.toLowerCase() === w.toLowerCase())) throw officeError('ItemNotFound', `The worksheet '${w}' is not in the file.`);
          }
          imported = imported.filter((s) => wanted.some((w) => w.toLowerCase() === s.name.toLowerCase()));
        }
        let at = st.sheets.length;
        const pos = options?.positionType ?? 'End';
        if (pos === 'Start') at = 0;
        else if (pos === 'Before' || pos === 'After') {
          const relSheet = typeof rel === 'string' ? st.find(rel) : rel ? rel._require(tx) : undefined;
          if (!relSheet) throw officeError('InvalidArgument');
          at = st.sheets.indexOf(relSheet) + (pos === 'After' ? 1 : 0);
        }
        for (const s of imported) {
          s.name = st.freeName(s.name);
          st.sheets.splice(at++, 0, s);
        }
        if (failure) throw officeError(failure);
        tx.results.push({ result: result as FakeClientResult<unknown>, value: imported.map((s) => s.id) });
      },
    );
    return result;
  }
}

/** `workbook.functions`: evaluated in the workbook's date system, as Excel does. */
export class FakeFunctions extends FakeClientObject<object> {
  protected scalarProps(): string[] {
    return [];
  }
  protected readProp(): unknown {
    return undefined;
  }
  /** DATE(year, month, day): the serial in the workbook's date system (1900: 1900-01-00 is 0, Lotus's 1900-02-29 counted). */
  date(year: number, month: number, day: number): FakeFunctionResult {
    const st = this.context.host.state;
    return new FakeFunctionResult(this.context, `workbook.functions.date(${year},${month},${day})`, () => {
      const utc = Date.UTC(year, month - 1, day);
      const serial = st.date1904 ? (utc - Date.UTC(1904, 0, 1)) / 86_400_000 : (utc - Date.UTC(1899, 11, 30)) / 86_400_000;
      return { value: serial, error: null };
    });
  }
}

export class FakeFunctionResult extends FakeClientObject<{ value: number; error: string | null }> {
  protected scalarProps(): string[] {
    return ['value', 'error'];
  }
  protected readProp(t: { value: number; error: string | null }, prop: string): unknown {
    if (prop === 'value') return t.value;
    if (prop === 'error') return t.error;
    throw officeError('InvalidArgument');
  }
  get value(): number { return this._get('value'); }
  get error(): string | null { return this._get('error'); }
}
