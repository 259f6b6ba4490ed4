/** A1-style addresses. Rows and columns here are 0-based. */

/** The first columns' letters, made once: every cell address a writer or a finding spells starts with one. */
const FIRST_COLUMNS = Array.from({ length: 256 }, (_, c) => lettersOf(c));

export function columnLetters(col: number): string {
  return col >= 0 && col < FIRST_COLUMNS.length ? FIRST_COLUMNS[col] : lettersOf(col);
}

function lettersOf(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `cellAddress(13, 3)` is `D14`. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `rangeAddress(0, 0, 2, 3)` is `A1:D3` (inclusive corners). */
export function rangeAddress(r1: number, c1: number, r2: number, c2: number): string {
  const a = cellAddress(r1, c1);
  const b = cellAddress(r2, c2);
  return a === b ? a : `${a}:${b}`;
}

export function parseCellAddress(addr: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(addr.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function parseRangeAddress(addr: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const bare = addr.includes('!') ? addr.slice(addr.lastIndexOf('!') + 1) : addr;
  const [a, b] = bare.split(':');
  const p = parseCellAddress(a);
  const q = b ? parseCellAddress(b) : p;
  if (!p || !q) return null;
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}
