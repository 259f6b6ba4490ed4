/**
 * Dates typed by people or stored by Excel (docs/spec/TEMPLATE.md §2, "Dates"): Excel serial
 * numbers (1900 date system), `dd/mm/yyyy`, `d/m/yyyy`, `ngày dd tháng mm năm
 * yyyy` (diacritics optional), and the date inside a document reference
 * (`45/BC-UBND ngày 15/10/2020`). Everything comes out as ISO `yyyy-mm-dd`.
 */
import { CellValue } from './grid';
import { fold } from './text';

/** Excel's largest date serial (31/12/9999). */
const MAX_SERIAL = 2958465;

// Compiled once.
const NUMERIC_DATE = /(^|[^\d])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/;
const WORDED_DATE = /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})(?!\d)/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const WHOLE_NUMERIC = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const WHOLE_WORDED = /^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$/;
/** `15/10/20`: a two-digit year is this century's. */
const SHORT_YEAR = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2})$/;

/**
 * Days between the 1904 date system's day 0 (01/01/1904) and the 1900
 * system's (Excel's own figure: a 1904 serial + 1462 is the 1900 serial).
 */
export const DATE1904_OFFSET = 1462;

/**
 * A cell that holds a date (serial number or text), as ISO; null when it is
 * not one. `date1904`: the grid's workbook uses the 1904 date system
 * (SheetGrid.date1904), so a serial counts from 01/01/1904.
 */
export function parseDateCell(v: CellValue, date1904 = false): string | null {
  if (typeof v === 'number') return fromExcelSerial(date1904 ? v + DATE1904_OFFSET : v);
  if (typeof v !== 'string') return null;
  const t = fold(v).replace(/[,.;]$/, '');
  if (t === '') return null;
  let m = ISO_DATE.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = WHOLE_NUMERIC.exec(t);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = WHOLE_WORDED.exec(t);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = SHORT_YEAR.exec(t);
  if (m) return isoOf(2000 + Number(m[3]), Number(m[2]), Number(m[1]));
  // `Ngày 15/10/2020`, `15/10/2020 08:30`: the date inside. A serial typed as
  // text ("44120") is not a date anyone types: it stays unread.
  return findDateInText(t);
}

/** The first date inside free text, e.g. `45/BC-UBND ngày 15/10/2020` → `2020-10-15`. */
export function findDateInText(s: string): string | null {
  if (typeof s !== 'string' || s === '') return null;
  const t = fold(s);
  const worded = WORDED_DATE.exec(t);
  const numeric = NUMERIC_DATE.exec(t);
  // Take whichever comes first in the text.
  const wordedAt = worded ? worded.index : Infinity;
  const numericAt = numeric ? numeric.index + numeric[1].length : Infinity;
  if (worded && wordedAt <= numericAt) {
    const iso = isoOf(Number(worded[3]), Number(worded[2]), Number(worded[1]));
    if (iso) return iso;
  }
  if (numeric) return isoOf(Number(numeric[4]), Number(numeric[3]), Number(numeric[2]));
  return null;
}

/**
 * Excel serial (1900 system) → ISO. Excel counts 29/02/1900, a day that never
 * was (the Lotus bug): serials from 61 on are one day ahead of a plain count.
 * Serial 60 is that phantom day: null. A time of day (fraction) is dropped.
 */
export function fromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return null;
  const day = Math.floor(serial);
  if (day === 60) return null;
  const offset = day < 60 ? day : day - 1; // days after 31/12/1899
  const ms = Date.UTC(1899, 11, 31) + offset * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO → Excel serial (1900 system), for writers that store real date cells. */
export function toExcelSerial(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const offset = Math.round((ms - Date.UTC(1899, 11, 31)) / 86400000);
  if (offset < 1) return null;
  return offset < 60 ? offset : offset + 1;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z)?$/;

/**
 * An ISO date cell (`<c t="d"><v>2022-10-28T00:00:00</v>`, as Strict files
 * and some libraries write it) → the serial Excel stores, in the workbook's
 * date system; null when it is not such a date.
 */
export function isoToSerial(iso: string, date1904 = false): number | null {
  const m = ISO_DATE_TIME.exec(iso);
  if (!m) return null;
  const day = toExcelSerial(`${m[1]}-${m[2]}-${m[3]}`);
  if (day === null) return null;
  const fraction = ((Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) * 60 + Number(m[6] ?? 0)) / 86400;
  return day + fraction - (date1904 ? DATE1904_OFFSET : 0);
}

/** `2020-10-15` → `15/10/2020`; anything else is returned unchanged. */
export function formatDateVi(iso: string): string {
  const m = ISO_DATE.exec(iso ?? '');
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** Valid calendar date → ISO; null otherwise (31/02, month 13, year 0…). */
function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > dim) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
