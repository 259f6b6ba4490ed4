/**
 * Where a command writes, its exit codes and the failure it reports: shared by
 * main.ts (the dispatch) and every command under commands/.
 *
 * Exit codes: 0 it ran (findings in the units' sheets do not change that),
 * 1 it could not run (no input file at all, an output that cannot be
 * written), 2 a usage mistake (unknown option, missing value).
 */
import type { WriteHooks } from './run-outputs';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Where the command writes; tests pass their own to capture output. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Progress bar target (stderr); null for none. */
  progressStream?: NodeJS.WriteStream | null;
  /** Columns to wrap stdout / stderr lines to (terminal-text.ts wrapWidth); absent or null: not wrapped. */
  outWidth?: number | null;
  errWidth?: number | null;
  /** TEST ONLY (test/cli/output-safety.test.ts): a failure simulated between writing and renaming the outputs. */
  writeHooks?: WriteHooks;
}

/** A failure the user can act on: printed as is, exit 1. */
export class CommandError extends Error {}
