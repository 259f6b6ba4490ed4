/**
 * A template (core/layout/template-sheet.ts) typed into as a clerk would: the
 * figures, the task marks and the sending details put in the cells the
 * template leaves open, found by reading the template with the real reader.
 * Used by the check-block test, the province example (scripts/make-province-example.js)
 * and the benchmark's round trip.
 */
import { parseCellAddress } from '../../src/core/address';
import { outputSheetToGrid } from '../../src/core/layout';
import { readSheet } from '../../src/core/reader';
import type { OutCell, OutputSheet } from '../../src/core/sheet-model';
import type { IndicatorCode } from '../../src/core/template';

export interface TemplateFill {
  /** As typed: a number, or text (`khoảng 15`). */
  figures?: Partial<Record<IndicatorCode, number | string>>;
  /** Per task row, the two mark cells (Hoàn thành, Chưa hoàn thành): `['x', '']`. */
  marks?: [string, string][];
  /** Per task row, `Kết quả thực hiện` (and `Ghi chú` for one not done). */
  results?: string[];
  notes?: string[];
  /** Excel date serial or `dd/mm/yyyy` text. */
  sentDate?: number | string;
  docRef?: string;
  preparer?: string;
  /** Per blank `K` row, in order: `[label, unit, value]` typed in Chỉ tiêu, Đơn vị tính, Số liệu. */
  otherForms?: [string, string, number | string | ''][];
}

export function fillTemplate(sheet: OutputSheet, fill: TemplateFill): OutputSheet {
  const read = readSheet(outputSheetToGrid(sheet));
  if (read.kind !== 'report') throw new Error(`${sheet.name} is not read as a unit report`);
  const rep = read.report;
  const rows = sheet.rows.map((r) => (r ? r.slice() : []));
  const put = (addr: string | undefined, v: string | number | undefined, style?: OutCell['style']) => {
    if (!addr || v === undefined || v === '') return;
    const p = parseCellAddress(addr)!;
    rows[p.row] = rows[p.row] ?? [];
    rows[p.row][p.col] = { v, style: style ?? rows[p.row][p.col]?.style };
  };
  for (const [code, v] of Object.entries(fill.figures ?? {})) put(rep.figureCells[code as IndicatorCode], v);
  rep.tasks.forEach((t, i) => {
    const row = parseCellAddress(t.cell)!.row;
    const at = (col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;
    // Section II columns (unit-report-sheet.ts): C result, D Hoàn thành, E Chưa hoàn thành, F note.
    put(at(2), fill.results?.[i]);
    put(at(3), fill.marks?.[i]?.[0]);
    put(at(4), fill.marks?.[i]?.[1]);
    put(at(5), fill.notes?.[i]);
  });
  // The blank K rows are not read (nothing typed): found by their code in column A (unit-report-sheet.ts).
  const kRows = sheet.rows.flatMap((r, i) => (typeof r?.[0]?.v === 'string' && /^K[1-9]$/.test(r[0].v) ? [i] : []));
  (fill.otherForms ?? []).forEach(([label, unit, value], i) => {
    const row = kRows[i];
    if (row === undefined) throw new Error(`${sheet.name} has no K row ${i + 1}`);
    put(`B${row + 1}`, label);
    put(`C${row + 1}`, unit);
    put(`D${row + 1}`, value);
  });
  put(rep.idCells.sentDate, fill.sentDate, typeof fill.sentDate === 'number' ? { numberFormat: 'dd/mm/yyyy', align: 'left' } : undefined);
  put(rep.idCells.docRef, fill.docRef);
  put(rep.idCells.preparer, fill.preparer);
  return { ...sheet, rows };
}
