/**
 * The pane's one door to the other parts (core, .xlsx reader, Office.js
 * layer, report): if one of their signatures moves, only this file follows.
 */
import { compileGrids as coreCompileGrids } from '../core/compile';
import type { Finding } from '../core/findings';
import type { SheetGrid } from '../core/grid';
import type { CompileResult } from '../core/model';
import type { OutputSheet } from '../core/sheet-model';
import { layoutOutputs as coreLayoutOutputs, layoutTemplate as coreLayoutTemplate, isOwnOutputSheet } from '../core/layout';
import { readSheet } from '../core/reader';
import { readXlsxBuffer as xlsxRead } from '../xlsx/read';
import * as excel from '../excel';
import { buildReportDocx as reportDocx } from '../report';
import type { PickedFile, ImportOutcome, TemplateForm } from './actions';

export const compileGrids = (grids: SheetGrid[], options: { period?: CompileResult['period']; year?: number }, extra?: Finding[]): CompileResult =>
  coreCompileGrids(grids, options, extra);

export const layoutOutputs = (result: CompileResult): OutputSheet[] => coreLayoutOutputs(result, {});

export const readXlsxBuffer = (bytes: Uint8Array, name: string): SheetGrid[] => xlsxRead(bytes, name);

export const isPlanSheet = (g: SheetGrid): boolean => readSheet(g).kind === 'plan';

export const readWorkbookGrids = (ctx: Excel.RequestContext): Promise<SheetGrid[]> => excel.readWorkbookGrids(ctx);

/** Writes the outputs, replacing the compiler's own earlier sheets and nothing else. */
export const writeOutputSheets = async (ctx: Excel.RequestContext, sheets: OutputSheet[]): Promise<void> => {
  await excel.writeOutputSheets(ctx, sheets, { isOwnOutput: isOwnOutputSheet });
};

export const selectCell = (ctx: Excel.RequestContext, sheet: string, cell: string): Promise<void> => excel.selectCell(ctx, sheet, cell);

export const highlightFindings = async (ctx: Excel.RequestContext, findings: readonly Finding[]): Promise<void> => {
  await excel.highlightFindings(ctx, [...findings]);
};

export const clearHighlights = async (ctx: Excel.RequestContext): Promise<void> => {
  await excel.clearHighlights(ctx);
};

export const insertSheetsFromFiles = async (ctx: Excel.RequestContext, files: readonly PickedFile[]): Promise<ImportOutcome> => {
  const r = await excel.insertSheetsFromFiles(ctx, [...files], {});
  return { added: r.added, fileProblems: r.problems };
};

/** The plan's tasks go into the blank sheet when the workbook has a plan. */
export const layoutTemplate = (form: TemplateForm, planGrids: SheetGrid[]): OutputSheet => {
  const read = planGrids.map(readSheet).find((r) => r.kind === 'plan');
  return coreLayoutTemplate({ ...form, plan: read && read.kind === 'plan' ? read.plan : undefined });
};

/** Adds the template sheet under a name no sheet has yet; returns that name. */
export const addTemplateSheet = async (ctx: Excel.RequestContext, sheet: OutputSheet, existing: string[]): Promise<string> => {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  let name = sheet.name;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = sheet.name.slice(0, 31 - suffix.length) + suffix;
  }
  await excel.writeOutputSheets(ctx, [{ ...sheet, name }], { isOwnOutput: () => false });
  return name;
};

export const buildReportDocx = (result: CompileResult): Promise<Uint8Array> => reportDocx(result);

export const describeError = (e: unknown): string => excel.describeOfficeError(e);
