/**
 * Reads an .xlsx (base64) into the stand-in's sheets, for
 * `insertWorksheetsFromBase64` and `fake.loadXlsx`. SheetJS CE works in Node
 * and in the browser harness alike.
 */
import * as XLSX from '@e965/xlsx';
import { officeError } from './errors';
import { CellState, Rect, SheetState, emptySheet, key } from './state';

/** Excel error codes as SheetJS gives them (`t: 'e'`, numeric `v`). */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A',
};

/** Points per Excel character width unit (approximately: 7 px a character + 5 px padding, 0.75 pt a px). */
export const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

export function importXlsxBase64(base64: string, newId: () => string): SheetState[] {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(base64, { type: 'base64', cellFormula: true, cellNF: true, cellDates: false });
  } catch {
    throw officeError('InvalidArgument', 'The file is not a valid workbook.');
  }
  if (!wb.SheetNames.length) throw officeError('InvalidArgument', 'The file is not a valid workbook.');
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const sheet = emptySheet(newId(), name);
    for (const addr of Object.keys(ws)) {
      if (addr[0] === '!') continue;
      const c = ws[addr] as XLSX.CellObject;
      const { r, c: col } = XLSX.utils.decode_cell(addr);
      const cell: CellState = { value: '' };
      if (c.t === 'e') cell.value = ERRORS[c.v as number] ?? '#N/A';
      else if (c.t === 'z' || c.v === undefined || c.v === null) cell.value = '';
      else if (c.v instanceof Date) cell.value = c.v.getTime() / 86400000 + 25569;
      else cell.value = c.v as string | number | boolean;
      if (c.f) cell.formula = `=${c.f}`;
      if (c.z && c.z !== 'General') cell.numberFormat = String(c.z);
      if (cell.value !== '' || cell.formula || cell.numberFormat) sheet.cells.set(key(r, col), cell);
    }
    for (const m of (ws['!merges'] ?? []) as XLSX.Range[]) {
      const rect: Rect = { r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c };
      sheet.merges.push(rect);
    }
    (ws['!cols'] ?? []).forEach((ci, i) => {
      if (ci && typeof ci.wch === 'number') sheet.columnWidths.set(i, charsToPoints(ci.wch));
    });
    return sheet;
  });
}
