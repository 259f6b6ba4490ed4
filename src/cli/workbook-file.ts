/**
 * One workbook a command needs whole (`report`'s compiled workbook, a
 * `--plan`, `--tasks-from`): read, or the command stops with the reader's
 * Vietnamese message (exit 1).
 */
import * as path from 'path';
import type { SheetGrid } from '../core/grid';
import type { Plan } from '../core/model';
import { readSheet } from '../core/reader';
import { readErrorFinding, readXlsxFile } from '../xlsx/read-file';
import { CommandError } from './io';

export async function workbookGrids(file: string): Promise<SheetGrid[]> {
  try {
    return await readXlsxFile(file);
  } catch (e) {
    throw new CommandError(readErrorFinding(file, e).message);
  }
}

/** Every sheet of the file as the reader sees it. */
export async function workbookSheets(file: string): Promise<ReturnType<typeof readSheet>[]> {
  return (await workbookGrids(file)).map((g) => readSheet(g));
}

/** The plan sheet of a file (`--plan`). */
export async function readPlanFile(file: string): Promise<Plan> {
  for (const r of await workbookSheets(file)) if (r.kind === 'plan') return r.plan;
  throw new CommandError(`Tệp "${path.basename(file)}" không có trang "Kế hoạch".`);
}
