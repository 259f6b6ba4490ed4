/** A quarter's figures for the cumulative-period tests (core and the pane's workbook). */
import type { IndicatorCode } from '../../src/core/template';

/** Each figure different and derived from `seed`, so a wrong pick (start or end of the span) or a wrong sum shows. */
export function quarterFigures(seed: number): Partial<Record<IndicatorCode, number>> {
  return {
    A1: 10 + seed, A2: 3 * seed, A3: 20 + seed, A4: seed, A5: 1, A6: seed,
    B1: 1, B2: seed, B3: 100 * seed, C1: 1, C2: 10 * seed, C3: 0, C4: 0,
    D1: 5 * seed, D2: 100 * seed, D3: 50 * seed, D4: 90 * seed, D5: 0, D6: 10 * seed, D7: 200 + seed, D8: 190 + seed,
    E1: 1000 * seed,
  };
}
