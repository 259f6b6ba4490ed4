/** A plain DOM view of the stand-in's workbook: sheet tabs and a table of the shown sheet's values. */
import { cellAddress, columnLetters, parseRangeAddress } from '../../src/core/address';

export interface SheetView {
  name: string;
  values: unknown[][];
  /** Excel number formats of the cells (`#,##0`, `0.0%`, `@`…), when known. */
  numberFormats?: string[][];
  /** Merged areas (`A1:F1`). */
  merges?: string[];
  /** Column widths in points from column A (undefined: Excel's default). */
  columnWidths?: (number | undefined)[];
  /** Fill colour and boldness of a cell (0-based), when the sheet has them. */
  formatAt?: (row: number, col: number) => { fill?: string; bold?: boolean } | undefined;
}

/** Excel's default column width (8.43 characters), in points. */
const DEFAULT_WIDTH_PT = 48;

/** Enough to read every output sheet while staying quick on big unit workbooks. */
const MAX_ROWS = 400;
const MAX_COLS = 40;

/** Excel serial date → `dd/mm/yyyy`. */
function serialToDate(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** A value as Excel (vi-VN) shows it under its number format: `1.031`, `99,8%`, a year as `2020`. */
function show(v: unknown, format = 'General'): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (/d.*m.*y|y.*m.*d/i.test(format)) return serialToDate(v);
    if (format.includes('%')) return `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
    const decimals = /0\.(0+)/.exec(format)?.[1].length ?? 0;
    if (format.includes('#,##0')) return v.toLocaleString('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    return v.toLocaleString('vi-VN', { useGrouping: false, maximumFractionDigits: 10 });
  }
  if (typeof v === 'object' && v && 'error' in v) return String((v as { error: unknown }).error);
  return String(v);
}

export function renderWorkbook(
  grid: HTMLElement,
  tabs: HTMLElement,
  sheets: SheetView[],
  shown: string | null,
  selection: { sheet: string; address: string } | null,
  onPick: (name: string) => void,
): void {
  tabs.replaceChildren(
    ...sheets.map((s) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.role = 'tab';
      b.textContent = s.name;
      b.setAttribute('aria-selected', String(s.name === shown));
      b.addEventListener('click', () => onPick(s.name));
      return b;
    }),
  );
  const sheet = sheets.find((s) => s.name === shown);
  if (!sheet) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'Sổ làm việc chưa có trang nào.';
    grid.replaceChildren(p);
    return;
  }
  const sel = selection && selection.sheet === sheet.name ? parseRangeAddress(selection.address) : null;
  const rows = Math.min(MAX_ROWS, Math.max(sheet.values.length, 20));
  const cols = Math.min(MAX_COLS, Math.max(8, ...sheet.values.slice(0, rows).map((r) => r.length)));
  const table = document.createElement('table');
  table.dataset.sheet = sheet.name;
  // Column widths as in the workbook, so output sheets read as in Excel.
  const colgroup = document.createElement('colgroup');
  const widths = [36, ...Array.from({ length: cols }, (_, c) => Math.round(((sheet.columnWidths?.[c] ?? DEFAULT_WIDTH_PT) * 4) / 3))];
  for (const w of widths) colgroup.appendChild(document.createElement('col')).style.width = `${w}px`;
  table.appendChild(colgroup);
  table.style.tableLayout = 'fixed';
  table.style.width = `${widths.reduce((a, b) => a + b, 0)}px`;
  // A merged area is one cell spanning its rows and columns; the cells it covers are not drawn.
  const span = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of sheet.merges ?? []) {
    const a = parseRangeAddress(m);
    if (!a) continue;
    span.set(`${a.r1},${a.c1}`, { rows: a.r2 - a.r1 + 1, cols: Math.min(a.c2, cols - 1) - a.c1 + 1 });
    for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) if (r !== a.r1 || c !== a.c1) covered.add(`${r},${c}`);
  }
  const head = table.createTHead().insertRow();
  head.appendChild(document.createElement('th'));
  for (let c = 0; c < cols; c++) {
    const th = document.createElement('th');
    th.textContent = columnLetters(c);
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (let r = 0; r < rows; r++) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.className = 'rowhead';
    th.textContent = String(r + 1);
    tr.appendChild(th);
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const v = sheet.values[r]?.[c];
      const td = tr.insertCell();
      const merged = span.get(`${r},${c}`);
      if (merged) {
        td.rowSpan = merged.rows;
        td.colSpan = merged.cols;
        td.classList.add('merged');
      }
      td.textContent = show(v, sheet.numberFormats?.[r]?.[c]);
      td.title = `${cellAddress(r, c)}: ${td.textContent}`;
      if (typeof v === 'number') td.classList.add('num');
      const f = sheet.formatAt?.(r, c);
      if (f?.fill) td.style.backgroundColor = f.fill;
      if (f?.bold) td.style.fontWeight = '600';
      if (sel && r >= sel.r1 && r <= sel.r2 && c >= sel.c1 && c <= sel.c2) td.classList.add('selected');
    }
  }
  grid.replaceChildren(table);
  // Show the selected cell; A1 (after a compile, a sheet link) shows the top-left corner.
  const selected = table.querySelector('td.selected');
  if (!sel || (sel.r1 === 0 && sel.c1 === 0)) grid.scrollTo(0, 0);
  else if (selected) selected.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
