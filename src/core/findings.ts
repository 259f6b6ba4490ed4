/** Findings: what the reader and the checks found, each addressed to a cell. */

export type Severity = 'error' | 'warning';

/** Vietnamese names of the severities, as shown in output sheets and the pane. */
export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo' };

export interface Finding {
  severity: Severity;
  /** Unit name as read (or the file/sheet name when the unit could not be read). */
  unit: string;
  /** Source file (command line); absent for sheets of the open workbook. */
  file?: string;
  /** Worksheet name ('' when the whole file could not be read). */
  sheet: string;
  /** Cell address such as `D14` ('' when the finding is about the whole sheet or file). */
  cell: string;
  /** Stable rule id, e.g. `figure.not-a-number`, `dossier.balance`. */
  rule: string;
  /** Plain Vietnamese message naming what is wrong and what to do. */
  message: string;
}

/** Errors first, then by file, sheet, row and column of the cell. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return 0;
}

/** `Hương Lộc!D14`: how a message names a cell. */
export function cellRef(sheet: string, cell: string): string {
  if (!cell) return sheet;
  const quoted = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${cell}`;
}
