/**
 * The example district (examples/*.xlsx with ke-hoach.xlsx as the plan)
 * compiled from grids as the command line does, with one file's grids
 * swapped for another reading of it (planted XML, another format), and
 * what a user checks in the result: each unit's status and figures, the
 * district's totals and tasks, and the findings with their cells.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileGrids } from '../../src/core/compile';
import type { SheetGrid } from '../../src/core/grid';
import type { CompileResult } from '../../src/core/model';
import { readXlsxFast } from '../../src/xlsx/fast-read';
import { EXAMPLES } from './plant-xlsx';

export const EXAMPLE_FILES = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')).sort((a, b) => a.localeCompare(b, 'vi'));

/** Every example file read by the fast reader, by name. */
export function exampleGrids(): Map<string, SheetGrid[]> {
  return new Map(EXAMPLE_FILES.map((f) => [f, readXlsxFast(fs.readFileSync(path.join(EXAMPLES, f)), f)!]));
}

/** The district compiled with `file`'s grids replaced by `grids` (read as `asName`). */
export function compileDistrict(base: Map<string, SheetGrid[]>, file: string, grids: SheetGrid[]): CompileResult {
  const all: SheetGrid[] = [...base.get('ke-hoach.xlsx')!];
  for (const f of EXAMPLE_FILES) {
    if (f === 'ke-hoach.xlsx' && file !== f) continue;
    all.push(...(f === file ? grids : base.get(f)!));
  }
  return compileGrids(all);
}

/** What a user reads in a compile, file names left out (a converted file has another name). */
export function whatUsersSee(r: CompileResult): unknown {
  return {
    period: r.period,
    year: r.year,
    summaries: r.summaries.map((s) => ({
      unit: s.unit,
      figures: s.figures,
      rates: s.rates,
      deadline: s.deadline,
      children: s.children.map((c) => ({ unit: c.unit, status: c.status, figures: c.figures, sentDate: c.sentDate, tasks: c.tasks })),
      tasks: s.tasks.map((t) => [t.stt, t.done, t.expected, t.complete]),
    })),
    findings: r.findings.map((f) => [f.severity, f.unit, f.sheet, f.cell, f.rule, f.message.replace(/"[^"]*\.(xlsx|xls|xlsb|ods)"/g, '"…"')]).sort(),
  };
}
