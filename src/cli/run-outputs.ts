/**
 * What one command run may write over and how it writes: the
 * files a run must not touch, built once per command, checked by
 * output-files.ts guardOutputs before reading (cheap: a wrong `-o` fails
 * before minutes of reading) and again after compiling, when the core has
 * told which inputs are only the compiler's own earlier output
 * (src/core/own-outputs.ts), which this run may replace.
 */
import * as path from 'path';
import { guardOutputs, writeAllOrNone, type OutputFile, type ProtectedFile, type WriteHooks } from './output-files';

export const ROLE_INPUT = 'tệp báo cáo đầu vào';
export const ROLE_PLAN = 'tệp Kế hoạch';
export const ROLE_PREVIOUS = 'sổ tổng hợp kỳ trước';

/** The protected files of a run: the plan, last period's workbook, every input. */
export function protectedFiles(opts: { plan?: string; previous?: string; inputs?: readonly string[]; ownOutputs?: readonly string[] | null }): ProtectedFile[] {
  const list: ProtectedFile[] = [];
  if (opts.plan) list.push({ path: opts.plan, role: ROLE_PLAN });
  if (opts.previous) list.push({ path: opts.previous, role: ROLE_PREVIOUS });
  for (const f of opts.inputs ?? []) {
    // Before compiling (ownOutputs null) every input is let through here and judged again after.
    const replaceable = opts.ownOutputs === null || (opts.ownOutputs?.includes(path.basename(f)) ?? false);
    list.push({ path: f, role: ROLE_INPUT, replaceable });
  }
  return list;
}

/** Checks, then writes all outputs of the run or none (temporary files renamed into place). */
export function guardAndWrite(outputs: readonly OutputFile[], protect: readonly ProtectedFile[], hooks?: WriteHooks): void {
  guardOutputs(outputs.map((o) => o.path), protect);
  writeAllOrNone(outputs, hooks);
}

export { guardOutputs };
export type { OutputFile, WriteHooks };
