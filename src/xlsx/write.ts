/**
 * OutputSheet[] → a styled .xlsx (exceljs, Node only). The layout is decided
 * in the core; this only copies it out, so the file matches what the add-in
 * writes into the open workbook.
 */
import ExcelJS from 'exceljs';
import { parseRangeAddress } from '../core/address';
import type { CellStyle, OutputSheet, Validation } from '../core/sheet-model';
import { SHEET_NAME_FORBIDDEN, SHEET_NAME_MAX } from '../core/sheet-model';

/** Printed reports in Vietnamese offices use Times New Roman. */
export const OUTPUT_FONT = 'Times New Roman';
export const OUTPUT_FONT_SIZE = 12;
/** exceljs / Excel paper size code for A4. */
export const PAPER_A4 = 9;

const argb = (hex: string): string => 'FF' + hex.replace(/^#/, '').toUpperCase().padStart(6, '0').slice(-6);

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

/** exceljs style for a CellStyle; memoised because most cells share a handful of styles. */
function toExcelStyle(style: CellStyle | undefined, cache: Map<string, Partial<ExcelJS.Style>>): Partial<ExcelJS.Style> {
  const key = style ? JSON.stringify(style) : '';
  const hit = cache.get(key);
  if (hit) return hit;
  const s = style ?? {};
  const out: Partial<ExcelJS.Style> = {
    font: {
      name: OUTPUT_FONT,
      size: s.fontSize ?? OUTPUT_FONT_SIZE,
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.color ? { color: { argb: argb(s.color) } } : {}),
    },
  };
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.align || s.valign || s.wrap) {
    out.alignment = {
      ...(s.align ? { horizontal: s.align } : {}),
      ...(s.valign ? { vertical: s.valign } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
    };
  }
  if (s.numberFormat) out.numFmt = s.numberFormat;
  cache.set(key, out);
  return out;
}

/** Every cell of `A1:C3`-style ranges, as `row,col` (0-based) keys. */
function cellsOfRanges(ranges: string[]): Set<string> {
  const out = new Set<string>();
  for (const r of ranges) {
    const p = parseRangeAddress(r);
    if (!p) continue;
    for (let row = p.r1; row <= p.r2; row++) for (let col = p.c1; col <= p.c2; col++) out.add(`${row},${col}`);
  }
  return out;
}

function toExcelValidation(v: Validation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    ...(v.error ? { error: v.error, errorTitle: 'Giá trị không hợp lệ' } : {}),
  };
  switch (v.type) {
    case 'list':
      // Excel keeps a literal list in one quoted formula; items must not hold commas.
      return { ...common, type: 'list', formulae: [`"${v.values.map((x) => x.replace(/[",]/g, ' ')).join(',')}"`] };
    case 'wholeNumber':
      return v.max === undefined
        ? { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [v.min] }
        : { ...common, type: 'whole', operator: 'between', formulae: [v.min, v.max] };
    case 'decimal':
      return { ...common, type: 'decimal', operator: 'between', formulae: [v.min, v.max] };
  }
}

/** Excel refuses some names and any case-insensitive duplicate: make each one valid and unique. */
function uniqueSheetNames(sheets: OutputSheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((s) => {
    const base = (s.name.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/^'+|'+$/g, '').trim() || 'Trang').slice(0, SHEET_NAME_MAX);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()) || name.toLowerCase() === 'history'; i++) {
      const suffix = ` (${i})`;
      name = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

function addSheet(wb: ExcelJS.Workbook, sheet: OutputSheet, name: string, cache: Map<string, Partial<ExcelJS.Style>>): void {
  const rows = sheet.print.repeatRows;
  const ws = wb.addWorksheet(name, {
    views: sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)
      ? [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }]
      : [{}],
    pageSetup: {
      paperSize: PAPER_A4 as ExcelJS.PaperSize,
      orientation: sheet.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(rows ? { printTitlesRow: `${rows[0]}:${rows[1]}` } : {}),
    },
  });

  sheet.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });

  const unlocked = sheet.protection ? cellsOfRanges(sheet.protection.unlockedRanges) : new Set<string>();

  sheet.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const xc = ws.getCell(r + 1, c + 1);
      const base = toExcelStyle(cell.style, cache);
      // A fresh object per cell: exceljs mutates a cell's style in place (protection, merges).
      xc.style = unlocked.has(`${r},${c}`) ? { ...base, protection: { locked: false } } : { ...base };
      const v = cell.v;
      // A JS string is written as a shared string, never a formula, whatever it starts with.
      if (typeof v === 'string') xc.value = v;
      else if (typeof v === 'number' && Number.isFinite(v)) xc.value = v;
    });
  });

  // Unlocked cells the layout left empty still need their own style to be editable.
  for (const key of unlocked) {
    const [r, c] = key.split(',').map(Number);
    if (sheet.rows[r]?.[c]) continue;
    const xc = ws.getCell(r + 1, c + 1);
    xc.style = { ...toExcelStyle(undefined, cache), protection: { locked: false } };
  }

  if (sheet.rowHeights) {
    for (const [r, h] of Object.entries(sheet.rowHeights)) ws.getRow(Number(r) + 1).height = h;
  }

  for (const m of sheet.merges) {
    const p = parseRangeAddress(m);
    if (!p || (p.r1 === p.r2 && p.c1 === p.c2)) continue;
    ws.mergeCells(p.r1 + 1, p.c1 + 1, p.r2 + 1, p.c2 + 1);
  }

  for (const v of sheet.validations ?? []) {
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, toExcelValidation(v));
  }
}

/**
 * Writes the sheets into a new workbook. Strings stay text (cells the layout
 * marks `@` also get the Text number format); charts are not written (exceljs
 * cannot), the data ranges they would show are in the sheets.
 */
export async function writeXlsx(sheets: OutputSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tổng hợp CCHC';
  wb.created = new Date();
  const cache = new Map<string, Partial<ExcelJS.Style>>();
  const names = uniqueSheetNames(sheets);
  sheets.forEach((s, i) => addSheet(wb, s, names[i], cache));
  for (let i = 0; i < sheets.length; i++) {
    if (sheets[i].protection) {
      await wb.worksheets[i].protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
      });
    }
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
