/**
 * OutputSheet[] → worksheets of the open workbook.
 *
 * Each sheet is built under a temporary name; only when every sheet is
 * built are the old sheets of the same names (and stale own outputs)
 * deleted and the new ones renamed, so a failure midway leaves the previous
 * output as it was. Operations of all sheets are packed into a few syncs
 * (names, build — more only for a lot of data —, swap). Which sheets are
 * the compiler's own earlier output is not decided here: the core decides
 * (src/core/own-outputs.ts) and the caller passes the names (`replace`);
 * every other sheet, a unit's report above all, is never touched.
 */
import { cellAddress, columnLetters, parseCellAddress, rangeAddress } from '../core/address';
import { safeSheetName } from '../core/layout/names';
import type { CellStyle, ChartSpec, OutputSheet, Validation } from '../core/sheet-model';
import { NUMBER_FORMATS, capCellText, internalLink, listItem, sheetFont } from '../core/sheet-model';
import { OPTIONAL_SETS, isExcelApiSupported } from './api-sets';
import { jsonBytes } from './cell-values';
import { ExcelActionError, describeOfficeError } from './errors';
import { forgetSheetList, sheetList } from './sheet-list';
import { SheetNameError, sheetNameProblem } from './sheet-names';
import { DEFAULT_MAX_REQUEST_BYTES, SyncBudget, type Recheck } from './sync-budget';
import { untrackedRange, WIRE, bordersCost, gridWriteCost, rangeCallCost, rangeSetCost, rangeSetsCost, sheetCost, sheetPartCost } from './wire-cost';

export interface WriteOptions {
  /**
   * Lower-cased names of the sheets that are the compiler's own earlier
   * output, as the core decided them (CompileResult.ownOutputs through
   * ownOutputSheetNames, src/core/own-outputs.ts). Those of the same name as
   * an output are replaced, the others deleted; any other sheet is left
   * alone (a clashing output then gets a free name such as
   * `TH Nam Đông (2)`). Default: none (the import and the template).
   */
  replace?: ReadonlySet<string>;
  /** Largest request one sync may carry (default 4 MB; Excel on the web refuses over 5 MB). */
  maxRequestBytes?: number;
  /** The workbook's sheets, when the caller has just loaded them in this action (they are not loaded again). */
  sheets?: readonly SheetEntry[];
}

/** A sheet of the open workbook: its name and Excel's id for it. */
export interface SheetEntry {
  name: string;
  id: string;
}

export interface WriteResult {
  /** Final names of the sheets written, in order. */
  written: string[];
  syncs: number;
  /** Outputs written under another name because a sheet that is not ours had theirs. */
  renamed: { wanted: string; actual: string }[];
  /** Earlier sheets deleted (replaced or stale own outputs). */
  deleted: string[];
  /** Things the host could not do (older Excel), in Vietnamese. */
  notes: string[];
}

/** Excel column width in points for a width in character units (7 px a character + 5 px padding, 0.75 pt a px). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center' } as const;
const CHART_TYPES: Record<ChartSpec['type'], 'ColumnClustered' | 'BarClustered'> = {
  columnClustered: 'ColumnClustered',
  barClustered: 'BarClustered',
};
/** Office.js paper names for `print.paper`. */
const PAPER_SIZES: Record<NonNullable<OutputSheet['print']['paper']>, 'A4'> = { A4: 'A4' };
const TEMP_PREFIX = '~tam ';
const ASIDE_PREFIX = '~cu ';

/** Number format of a cell: text is always `@` so it can never turn into a formula. */
function numberFormatOf(v: string | number | null, style: CellStyle | undefined): string {
  if (typeof v === 'string') return NUMBER_FORMATS.text;
  return style?.numberFormat ?? NUMBER_FORMATS.general;
}

export async function writeOutputSheets(
  context: Excel.RequestContext,
  sheets: OutputSheet[],
  opts: WriteOptions = {},
): Promise<WriteResult> {
  const seen = new Set<string>();
  for (const s of sheets) {
    const problem = sheetNameProblem(s.name);
    if (problem) throw new SheetNameError(s.name, problem);
    if (seen.has(s.name.toLowerCase())) throw new SheetNameError(s.name, 'hai trang kết quả trùng tên');
    seen.add(s.name.toLowerCase());
  }
  const budget = new SyncBudget(context, opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
  const result: WriteResult = { written: [], syncs: 0, renamed: [], deleted: [], notes: [] };

  // 1. What the workbook has now.
  const worksheets = context.workbook.worksheets;
  const listed: readonly SheetEntry[] = opts.sheets ?? await sheetList(context, () => budget.sync());
  // From here on this action changes the sheets: whoever needs them next loads them again.
  forgetSheetList(context);
  const existing = listed.map((w) => w.name);
  const ownNames = opts.replace ?? new Set<string>();
  const isOwn = (name: string) => ownNames.has(name.toLowerCase());

  // 2. Final and temporary names.
  const taken = new Set<string>(existing);
  const plans = sheets.map((sheet) => {
    const old = existing.find((n) => n.toLowerCase() === sheet.name.toLowerCase());
    let finalName = sheet.name;
    let replace: string | undefined;
    if (old !== undefined) {
      if (isOwn(old)) replace = old;
      else finalName = '';
    }
    return { sheet, finalName, replace, temp: '' };
  });
  const finals = new Set<string>(existing.filter((n) => !plans.some((p) => p.replace === n)));
  for (const p of plans) {
    if (p.finalName) finals.add(p.finalName);
  }
  for (const p of plans) {
    if (!p.finalName) {
      p.finalName = safeSheetName(p.sheet.name, finals);
      result.renamed.push({ wanted: p.sheet.name, actual: p.finalName });
    }
    p.temp = safeSheetName(`${TEMP_PREFIX}${p.finalName}`, taken);
  }

  // 3. Build every sheet under its temporary name: the sheets first (their own sync, so
  //    that everything after refers to them by id and can be sent again), then their content.
  const built: Excel.Worksheet[] = [];
  try {
    let bytes = 0;
    for (const p of plans) {
      const cost = sheetCost(p.temp, WIRE.load);
      if (bytes && bytes + cost > budget.maxBytes) {
        await budget.sync();
        bytes = 0;
      }
      bytes += cost;
      const ws = worksheets.add(p.temp);
      ws.load('id'); // to find it again if the swap fails
      built.push(ws);
    }
    await budget.sync();
    for (const [i, p] of plans.entries()) await queueSheetContent(built[i], p.sheet, budget, result.notes);
    // Protection last: after it the sheet refuses changes to locked cells.
    for (const [i, p] of plans.entries()) await queueProtectionOps(built[i], p.sheet, budget);
    await budget.flush();
  } catch (e) {
    const left = await removeTempSheets(context, plans.map((p) => p.temp));
    throw withLeftovers(e, left);
  }

  // 4. Swap, in one sync: old outputs renamed aside, new ones renamed in, then the old deleted.
  const ids = new Map(listed.map((w) => [w.name, w.id]));
  const aside = new Set<string>([...existing, ...plans.map((p) => p.temp), ...plans.map((p) => p.finalName)]);
  const replaced = plans.map((p) => (p.replace === undefined ? undefined : { id: ids.get(p.replace)!, name: p.replace }));
  const asideNames: string[] = [];
  const olds = replaced.map((r) => {
    if (!r) return undefined;
    const ws = worksheets.getItem(r.id);
    const name = safeSheetName(`${ASIDE_PREFIX}${r.name}`, aside);
    asideNames.push(name);
    ws.name = name;
    return ws;
  });
  plans.forEach((p, i) => (built[i].name = p.finalName));
  for (const [i, ws] of olds.entries()) {
    if (ws) {
      ws.delete();
      result.deleted.push(replaced[i]!.name);
    }
  }
  // Stale own outputs, and sheets left half-made by an interrupted run (`~tam …`, `~cu …`).
  const finalLower = new Set(plans.map((p) => p.finalName.toLowerCase()));
  for (const n of existing) {
    const leftover = n.startsWith(TEMP_PREFIX) || n.startsWith(ASIDE_PREFIX);
    if (leftover || (!finalLower.has(n.toLowerCase()) && isOwn(n))) {
      worksheets.getItem(ids.get(n)!).delete();
      result.deleted.push(n);
    }
  }
  try {
    await budget.sync();
  } catch (e) {
    await restoreOldOutputs(context, built.map((w) => w.id), replaced);
    // Half a swap: temporary sheets, old outputs set aside, new outputs already under a name that was free.
    const fresh = plans.filter((p) => p.replace === undefined && !existing.includes(p.finalName)).map((p) => p.finalName);
    throw withLeftovers(e, await sheetsStillThere(context, [...plans.map((p) => p.temp), ...asideNames, ...fresh]));
  }
  result.written = plans.map((p) => p.finalName);
  result.syncs = budget.syncs;
  return result;
}

/**
 * After a failed swap: wherever an old output still exists, its new sheet
 * goes and the old one gets its name back. A new sheet whose old one is
 * already gone stays, so nothing ends up with neither.
 */
async function restoreOldOutputs(
  context: Excel.RequestContext,
  newIds: string[],
  replaced: ({ id: string; name: string } | undefined)[],
): Promise<void> {
  try {
    const worksheets = context.workbook.worksheets;
    const news = newIds.map((id) => worksheets.getItemOrNullObject(id));
    const olds = replaced.map((r) => (r ? worksheets.getItemOrNullObject(r.id) : undefined));
    await context.sync();
    const anyOldGone = olds.some((o) => o && o.isNullObject);
    news.forEach((n, i) => {
      const o = olds[i];
      if (n.isNullObject) return;
      if (o ? !o.isNullObject : !anyOldGone) n.delete();
    });
    olds.forEach((o, i) => {
      if (o && !o.isNullObject) o.name = replaced[i]!.name;
    });
    await context.sync();
  } catch {
    // Best effort: the original error is the one to report.
  }
}

/** After a failure: delete whichever temporary sheets got created; the old output stays. Returns those still there. */
async function removeTempSheets(context: Excel.RequestContext, temps: string[]): Promise<string[]> {
  try {
    const found = temps.map((t) => context.workbook.worksheets.getItemOrNullObject(t));
    await context.sync();
    for (const ws of found) if (!ws.isNullObject) ws.delete();
    await context.sync();
    return [];
  } catch {
    // The original error is the one to report; what could not be removed is named with it.
    return sheetsStillThere(context, temps);
  }
}

/** Which of these sheets exist; when Excel cannot even say, all of them may. */
async function sheetsStillThere(context: Excel.RequestContext, names: string[]): Promise<string[]> {
  try {
    const found = names.map((n) => ({ n, ws: context.workbook.worksheets.getItemOrNullObject(n) }));
    await context.sync();
    return found.filter((f) => !f.ws.isNullObject).map((f) => f.n);
  } catch {
    return names;
  }
}

/**
 * The error of a failed write, with the sheets it could not take away named:
 * the user is never left with `~tam …` sheets (or half an output) without a
 * word. The next write deletes `~tam …` / `~cu …` leftovers and replaces its
 * own outputs (the swap above).
 */
function withLeftovers(e: unknown, left: string[]): unknown {
  if (!left.length) return e;
  const names = left.map((n) => `«${n}»`).join(', ');
  return new ExcelActionError(
    `${describeOfficeError(e)} Excel không cho xóa các trang dở dang của lần ghi này: ${names}. Lần chạy sau sẽ thay hoặc xóa chúng; bạn cũng có thể tự xóa. Các trang báo cáo của đơn vị không bị thay đổi.`,
  );
}


// ---------------------------------------------------------------- one sheet

/**
 * Members newer than the manifest's minimum are used only under an
 * `isExcelApiSupported` check right where they are used (test/excel/api-set.test.ts).
 */
async function queueSheetContent(ws: Excel.Worksheet, sheet: OutputSheet, budget: SyncBudget, notes: string[]): Promise<void> {
  const rows = sheet.rows;
  const nCols = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const where = `trang "${sheet.name}"`;
  if (rows.length && nCols) {
    await queueValues(ws, sheet, nCols, budget);
    // The sheet's font on its used range first, so that a cell's own fontSize (queueStyles) wins, as in the .xlsx writer.
    const font = sheetFont(sheet);
    const used = rangeAddress(0, 0, rows.length - 1, nCols - 1);
    await budget.add(rangeSetsCost(used, 2, [font.name, font.size]), () => {
      const f = untrackedRange(ws, used).format.font;
      f.name = font.name;
      f.size = font.size;
    }, where);
  }
  await queueStyles(ws, sheet, budget);
  await queueLinks(ws, sheet, budget, notes);
  await queueConditionalFormats(ws, sheet, budget, notes);

  for (const m of sheet.merges) await budget.add(rangeCallCost(m, 0, [false]), () => untrackedRange(ws, m).merge(false), where);
  for (const [first, last, width] of runs(sheet.columnWidths.map((w) => w))) {
    const cols = `${columnLetters(first)}:${columnLetters(last)}`;
    await budget.add(rangeSetCost(cols, 1, columnWidthPoints(width)), () => (untrackedRange(ws, cols).format.columnWidth = columnWidthPoints(width)), where);
  }
  const heights = sheet.rowHeights ?? {};
  for (const [r, h] of Object.entries(heights)) {
    const row = `${Number(r) + 1}:${Number(r) + 1}`;
    await budget.add(rangeSetCost(row, 1, h), () => (untrackedRange(ws, row).format.rowHeight = h), where);
  }
  if (sheet.freeze && (sheet.freeze.rows || sheet.freeze.cols)) {
    if (isExcelApiSupported(OPTIONAL_SETS.freezePanes)) {
      const { rows: fr, cols: fc } = sheet.freeze;
      await budget.add(rangeCallCost('A1:Z999', 1), () => {
        if (!isExcelApiSupported(OPTIONAL_SETS.freezePanes)) return;
        if (fr && fc) ws.freezePanes.freezeAt(untrackedRange(ws, rangeAddress(0, 0, fr - 1, fc - 1)));
        else if (fr) ws.freezePanes.freezeRows(fr);
        else ws.freezePanes.freezeColumns(fc);
      }, where);
    } else notes.push(`Excel này chưa hỗ trợ cố định dòng tiêu đề (cần ExcelApi ${OPTIONAL_SETS.freezePanes}): trang "${sheet.name}" không cố định tiêu đề.`);
  }
  if (isExcelApiSupported(OPTIONAL_SETS.pageLayout)) {
    const orientation = sheet.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    // `print.paper` absent means A4 (core/sheet-model.ts), as the .xlsx writer reads it.
    const paper = PAPER_SIZES[sheet.print.paper ?? 'A4'];
    const { repeatRows, repeatCols, colBreaks = [], rowBreaks = [], area } = sheet.print;
    const titles = repeatRows ? `$${repeatRows[0]}:$${repeatRows[1]}` : undefined;
    const titleCols = repeatCols ? `$${columnLetters(repeatCols[0])}:$${columnLetters(repeatCols[1])}` : undefined;
    // The layout's scale (legible text, core/sheet-model.ts print.scale) or one page (the template). A sheet
    // fitted to the width only keeps Excel's own zoom here: whether Excel takes `verticalFitToPages: 0` for
    // "automatic" is not checked against a real Excel yet.
    const zoom: Excel.PageLayoutZoomOptions | undefined = sheet.print.scale !== undefined
      ? { scale: Math.round(sheet.print.scale) } : sheet.print.onePage ? { horizontalFitToPages: 1, verticalFitToPages: 1 } : undefined;
    const calls = [...(titles ? [[titles]] : []), ...(titleCols ? [[titleCols]] : []), ...(area ? [[area]] : []), ...colBreaks.map((c) => [cellAddress(0, c)]), ...rowBreaks.map((r) => [cellAddress(r, 0)])];
    // Page breaks are added, not set: sent again after a refused request, only those Excel does not have yet.
    let breaksThere = 0;
    let rowBreaksThere = 0;
    const recheck: Recheck = () => {
      if (!isExcelApiSupported(OPTIONAL_SETS.pageLayout)) return () => undefined;
      const count = ws.verticalPageBreaks.getCount();
      const rowCount = ws.horizontalPageBreaks.getCount();
      return () => {
        breaksThere = count.value;
        rowBreaksThere = rowCount.value;
      };
    };
    await budget.add(sheetPartCost(1 + colBreaks.length + rowBreaks.length, [orientation, paper, ...(zoom ? [zoom] : [])], calls), () => {
      if (!isExcelApiSupported(OPTIONAL_SETS.pageLayout)) return;
      ws.pageLayout.orientation = orientation;
      ws.pageLayout.paperSize = paper;
      if (zoom) ws.pageLayout.zoom = zoom;
      if (titles) ws.pageLayout.setPrintTitleRows(titles);
      if (titleCols) ws.pageLayout.setPrintTitleColumns(titleCols);
      if (area) ws.pageLayout.setPrintArea(area);
      // A break before each column block (same API set as pageLayout).
      for (const c of colBreaks.slice(breaksThere)) ws.verticalPageBreaks.add(cellAddress(0, c));
      // A break before each row that starts a page (a heading kept with its table, NV's pages: print-blocks.ts keepWithNext).
      for (const r of rowBreaks.slice(rowBreaksThere)) ws.horizontalPageBreaks.add(cellAddress(r, 0));
    }, where, colBreaks.length || rowBreaks.length ? recheck : undefined);
  }
  if (sheet.validations?.length) {
    if (isExcelApiSupported(OPTIONAL_SETS.dataValidation)) await queueValidations(ws, sheet, budget);
    else notes.push(`Excel này chưa hỗ trợ kiểm tra dữ liệu nhập (cần ExcelApi ${OPTIONAL_SETS.dataValidation}): trang "${sheet.name}" không có danh sách chọn.`);
  }
  for (const [index, c] of (sheet.charts ?? []).entries()) {
    const cost = rangeCallCost(c.dataRange, 1, [CHART_TYPES[c.type], 'Auto']) + WIRE.nav + WIRE.set + jsonBytes(c.title) + WIRE.call + jsonBytes(c.anchor) + 20;
    // Charts are added in order: after a refused request, the chart is added only if Excel does not have it yet.
    let there = false;
    const recheck: Recheck = () => {
      const charts = ws.charts;
      charts.load('count');
      return () => (there = charts.count > index);
    };
    await budget.add(cost, () => {
      const chart = there ? ws.charts.getItemAt(index) : ws.charts.add(CHART_TYPES[c.type], untrackedRange(ws, c.dataRange), 'Auto');
      chart.title.text = c.title;
      const a = parseCellAddress(c.anchor.split(':')[0]);
      if (a) chart.setPosition(cellAddress(a.row, a.col), cellAddress(a.row + Math.max(1, c.height) - 1, a.col + Math.max(1, c.width) - 1));
    }, where, recheck);
  }
}

/**
 * Number formats first (`@` on text), then values, in row chunks that fit
 * the request budget (each chunk one range: its format and its values).
 */
async function queueValues(ws: Excel.Worksheet, sheet: OutputSheet, nCols: number, budget: SyncBudget): Promise<void> {
  // Every text capped to what one cell holds (core sheet-model.ts capCellText), as the .xlsx writer does.
  // The layout's own formulas (OutCell.formula: the check block) go in with `=`; their cells are not `@`, so
  // Excel takes them as formulas. A unit's text is a string value under `@`: never a formula, whatever it starts with.
  const values = sheet.rows.map((row) => Array.from({ length: nCols }, (_, c) => {
    const cell = row[c];
    if (cell?.formula) return `=${cell.formula}`;
    const v = cell?.v ?? '';
    return typeof v === 'string' ? capCellText(v) : v;
  }));
  const formats = sheet.rows.map((row) => Array.from({ length: nCols }, (_, c) => (row[c]?.formula
    ? row[c].style?.numberFormat && row[c].style?.numberFormat !== NUMBER_FORMATS.text ? row[c].style!.numberFormat! : NUMBER_FORMATS.general
    : numberFormatOf(row[c]?.v ?? null, row[c]?.style))));
  const rowBytes = values.map((v, i) => jsonBytes(v) + jsonBytes(formats[i]) + 2);
  // The address of a chunk is at most `A1:XFD1048576`.
  const cost = (json: number, rows: number) => gridWriteCost('A1:XFD1048576', json, rows * nCols);
  let start = 0;
  while (start < values.length) {
    const room = budget.isEmpty ? budget.maxBytes : budget.remaining;
    let end = start;
    let json = 0;
    while (end < values.length && cost(json + rowBytes[end], end - start + 1) <= room) json += rowBytes[end++];
    if (end === start) {
      if (!budget.isEmpty) {
        await budget.flush();
        continue;
      }
      json = rowBytes[start]; // one row larger than a whole request: refused below, in Vietnamese
      end = start + 1;
    }
    const bytes = cost(json, end - start);
    const address = rangeAddress(start, 0, end - 1, nCols - 1);
    const fmt = formats.slice(start, end);
    const val = values.slice(start, end);
    const what = end - start === 1 ? `dòng ${start + 1} của trang "${sheet.name}"` : `dòng ${start + 1}–${end} của trang "${sheet.name}"`;
    await budget.add(bytes, () => {
      const range = untrackedRange(ws, address);
      range.numberFormat = fmt;
      range.values = val;
    }, what);
    start = end;
  }
}

/**
 * Links to cells of this workbook (OutCell.link: the findings' cells), as the
 * .xlsx writer's `<hyperlink location>`: the target sheet name quoted by the
 * core (internalLink), whatever characters a unit gave it.
 */
async function queueLinks(ws: Excel.Worksheet, sheet: OutputSheet, budget: SyncBudget, notes: string[]): Promise<void> {
  const links = sheet.rows.flatMap((row, r) => row.flatMap((cell, c) => (cell?.link ? [{ address: cellAddress(r, c), cell }] : [])));
  if (!links.length) return;
  if (!isExcelApiSupported(OPTIONAL_SETS.hyperlink)) {
    notes.push(`Excel này chưa hỗ trợ liên kết trong bảng tính (cần ExcelApi ${OPTIONAL_SETS.hyperlink}): trang "${sheet.name}" không có liên kết tới ô.`);
    return;
  }
  for (const { address, cell } of links) {
    const link: Excel.RangeHyperlink = { documentReference: internalLink(cell.link!), textToDisplay: typeof cell.v === 'string' ? capCellText(cell.v) : String(cell.v ?? '') };
    await budget.add(rangeSetCost(address, 0, link), () => {
      if (isExcelApiSupported(OPTIONAL_SETS.hyperlink)) untrackedRange(ws, address).hyperlink = link;
    }, `trang "${sheet.name}"`);
  }
}

/**
 * The sheet model's conditional formats (the check block's offending cells), as
 * custom rules, as the .xlsx writer's `<conditionalFormatting>`. A range of
 * several areas (`D31 D32 D34`) gets one rule per area: the layout gives such
 * ranges formulas with absolute references only (layout/check-block.ts), so
 * each area's rule reads the same.
 */
async function queueConditionalFormats(ws: Excel.Worksheet, sheet: OutputSheet, budget: SyncBudget, notes: string[]): Promise<void> {
  const formats = sheet.conditionalFormats ?? [];
  if (!formats.length) return;
  if (!isExcelApiSupported(OPTIONAL_SETS.conditionalFormats)) {
    notes.push(`Excel này chưa hỗ trợ định dạng có điều kiện (cần ExcelApi ${OPTIONAL_SETS.conditionalFormats}): trang "${sheet.name}" không tô màu ô sai.`);
    return;
  }
  /** Rules already queued on each area: a rule is the n-th of its area. */
  const perArea = new Map<string, number>();
  for (const f of formats) {
    for (const area of f.range.split(/[\s,]+/).filter(Boolean)) {
      const formula = `=${f.formula}`;
      const cost = rangeCallCost(area, 1, ['Custom']) + 4 * WIRE.nav + 3 * WIRE.set + jsonBytes(formula) + jsonBytes(f.style);
      const index = perArea.get(area) ?? 0;
      perArea.set(area, index + 1);
      // Rules are added, not set: after a refused request, added only if the area does not have its n-th rule yet.
      let there = false;
      const recheck: Recheck = () => {
        if (!isExcelApiSupported(OPTIONAL_SETS.conditionalFormats)) return () => undefined;
        const count = untrackedRange(ws, area).conditionalFormats.getCount();
        return () => (there = count.value > index);
      };
      await budget.add(cost, () => {
        if (!isExcelApiSupported(OPTIONAL_SETS.conditionalFormats)) return;
        const rules = untrackedRange(ws, area).conditionalFormats;
        const custom = (there ? rules.getItemAt(index) : rules.add('Custom' as Excel.ConditionalFormatType)).custom;
        custom.rule.formula = formula;
        if (f.style.fill) custom.format.fill.color = f.style.fill;
        if (f.style.color) custom.format.font.color = f.style.color;
        if (f.style.bold) custom.format.font.bold = true;
      }, `trang "${sheet.name}"`, recheck);
    }
  }
}

type StyleOp = (f: Excel.RangeFormat, rows: number, cols: number) => void;
/** A style's wire cost on a rectangle of `rows` × `cols` at `address`. */
type StyleCost = (address: string, rows: number, cols: number) => number;

/** One operation per (property, value) and rectangle of cells sharing it. */
async function queueStyles(ws: Excel.Worksheet, sheet: OutputSheet, budget: SyncBudget): Promise<void> {
  const groups = new Map<string, { op: StyleOp; cost: StyleCost; cells: [number, number][] }>();
  /** `navs`: steps from the range to the property (`format.wrapText` 1, `format.font.bold` 2). */
  const add = (k: string, op: StyleOp, navs: number, value: unknown, r: number, c: number) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { op, cost: (a) => rangeSetCost(a, navs, value), cells: [] }));
    g.cells.push([r, c]);
  };
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const s = cell?.style;
      if (!s) return;
      if (s.bold) add('bold', (f) => (f.font.bold = true), 2, true, r, c);
      if (s.italic) add('italic', (f) => (f.font.italic = true), 2, true, r, c);
      if (s.fontSize) add(`size:${s.fontSize}`, (f) => (f.font.size = s.fontSize!), 2, s.fontSize, r, c);
      if (s.color) add(`color:${s.color}`, (f) => (f.font.color = s.color!), 2, s.color, r, c);
      if (s.fill) add(`fill:${s.fill}`, (f) => (f.fill.color = s.fill!), 2, s.fill, r, c);
      if (s.align) add(`align:${s.align}`, (f) => (f.horizontalAlignment = H_ALIGN[s.align!]), 1, H_ALIGN[s.align], r, c);
      if (s.valign) add(`valign:${s.valign}`, (f) => (f.verticalAlignment = V_ALIGN[s.valign!]), 1, V_ALIGN[s.valign], r, c);
      if (s.wrap) add('wrap', (f) => (f.wrapText = true), 1, true, r, c);
      if (s.border) {
        let g = groups.get('border');
        if (!g) groups.set('border', (g = { op: setBorders, cost: (a, rows, cols) => bordersCost(a, borderEdges(rows, cols).length), cells: [] }));
        g.cells.push([r, c]);
      }
    }),
  );
  for (const { op, cost, cells } of groups.values()) {
    for (const rect of rectangles(cells)) {
      const address = rangeAddress(rect.r1, rect.c1, rect.r2, rect.c2);
      const rows = rect.r2 - rect.r1 + 1;
      const cols = rect.c2 - rect.c1 + 1;
      await budget.add(cost(address, rows, cols), () => op(untrackedRange(ws, address).format, rows, cols), `trang "${sheet.name}"`);
    }
  }
}

function borderEdges(rows: number, cols: number): Excel.BorderIndex[] {
  const edges: Excel.BorderIndex[] = [
    'EdgeTop' as Excel.BorderIndex, 'EdgeBottom' as Excel.BorderIndex, 'EdgeLeft' as Excel.BorderIndex, 'EdgeRight' as Excel.BorderIndex,
  ];
  if (rows > 1) edges.push('InsideHorizontal' as Excel.BorderIndex);
  if (cols > 1) edges.push('InsideVertical' as Excel.BorderIndex);
  return edges;
}

function setBorders(f: Excel.RangeFormat, rows: number, cols: number): void {
  for (const e of borderEdges(rows, cols)) f.borders.getItem(e).style = 'Continuous';
}

/** Cells → rectangles: runs along each row, then runs of the same columns stacked. */
export function rectangles(cells: [number, number][]): { r1: number; c1: number; r2: number; c2: number }[] {
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) {
    const l = byRow.get(r);
    if (l) l.push(c);
    else byRow.set(r, [c]);
  }
  const out: { r1: number; c1: number; r2: number; c2: number }[] = [];
  let open = new Map<string, { r1: number; c1: number; r2: number; c2: number }>();
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(r)!)].sort((a, b) => a - b);
    const next = new Map<string, { r1: number; c1: number; r2: number; c2: number }>();
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const k = `${cols[i]}:${cols[j]}`;
      const prev = open.get(k);
      if (prev && prev.r2 === r - 1) {
        prev.r2 = r;
        next.set(k, prev);
        open.delete(k);
      } else next.set(k, { r1: r, c1: cols[i], r2: r, c2: cols[j] });
      i = j + 1;
    }
    out.push(...open.values());
    open = next;
  }
  out.push(...open.values());
  return out;
}

/** Consecutive equal widths → [first, last, width]. */
function runs(widths: (number | undefined)[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  widths.forEach((w, i) => {
    if (w === undefined || w === null) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === w) last[1] = i;
    else out.push([i, i, w]);
  });
  return out;
}

/**
 * Data validation (ExcelApi 1.8). A literal list is one comma-separated
 * string: each item goes through the core's listItem (`Phòng, ban` →
 * `Phòng ban`), exactly as the .xlsx writer does, so both give the same sheet.
 */
async function queueValidations(ws: Excel.Worksheet, sheet: OutputSheet, budget: SyncBudget): Promise<void> {
  if (!isExcelApiSupported(OPTIONAL_SETS.dataValidation)) return;
  for (const v of sheet.validations ?? []) {
    const rule = validationRule(v);
    await budget.add(rangeSetCost(v.range, 1, rule) + 2 * (WIRE.set + jsonBytes(v)), () => {
      if (!isExcelApiSupported(OPTIONAL_SETS.dataValidation)) return;
      const dv = untrackedRange(ws, v.range).dataValidation;
      dv.rule = rule;
      if (v.prompt) dv.prompt = { showPrompt: true, title: '', message: v.prompt };
      if (v.error) dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Giá trị không hợp lệ', message: v.error };
    }, `trang "${sheet.name}"`);
  }
}

function validationRule(v: Validation): Excel.DataValidationRule {
  switch (v.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: v.values.map(listItem).join(',') } };
    case 'wholeNumber':
      return v.max === undefined
        ? { wholeNumber: { formula1: v.min, operator: 'GreaterThanOrEqualTo' } }
        : { wholeNumber: { formula1: v.min, formula2: v.max, operator: 'Between' } };
    case 'decimal':
      return { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
  }
}

/** Unlock the cells people fill, then protect (no password, ExcelApi 1.2). */
async function queueProtectionOps(ws: Excel.Worksheet, sheet: OutputSheet, budget: SyncBudget): Promise<void> {
  if (!sheet.protection) return;
  const where = `trang "${sheet.name}"`;
  // Excel refuses to protect a protected sheet, and to unlock cells on one: after a refused request whose
  // protect was applied, nothing of this is sent again.
  let done = false;
  const recheck: Recheck = () => {
    const protection = ws.protection;
    protection.load('protected');
    return () => (done = protection.protected);
  };
  for (const r of sheet.protection.unlockedRanges) {
    await budget.add(rangeSetCost(r, 2, false), () => {
      if (!done) untrackedRange(ws, r).format.protection.locked = false;
    }, where, recheck);
  }
  const options = { allowFormatColumns: true, allowFormatRows: true };
  await budget.add(WIRE.nav + WIRE.call + jsonBytes(options) + 20, () => {
    if (!done) ws.protection.protect(options);
  }, where, recheck);
}
