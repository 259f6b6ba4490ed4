/** A plain DOM view of the stand-in's workbook: sheet tabs and a table of the shown sheet's values. */
import { cellAddress, columnLetters, parseRangeAddress } from '../core/address';

export interface SheetView {
  name: string;
  values: unknown[][];
  /** Excel number formats of the cells (`#,##0`, `0.0%`, `@`…), when known. */
  numberFormats?: string[][];
}

/** Enough to read every output sheet while staying quick on big unit workbooks. */
const MAX_ROWS = 400;
const MAX_COLS = 40;

/** A value as Excel (vi-VN) shows it under its number format: `1.031`, `99,8%`, a year as `2020`. */
function show(v: unknown, format = 'General'): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
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
      const v = sheet.values[r]?.[c];
      const td = tr.insertCell();
      td.textContent = show(v, sheet.numberFormats?.[r]?.[c]);
      td.title = `${cellAddress(r, c)}: ${td.textContent}`;
      if (typeof v === 'number') td.className = 'num';
      if (sel && r >= sel.r1 && r <= sel.r2 && c >= sel.c1 && c <= sel.c2) td.classList.add('selected');
    }
  }
  grid.replaceChildren(table);
  const selected = table.querySelector('td.selected');
  if (selected) selected.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
