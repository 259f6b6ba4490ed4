/** Consistency rules between figures (docs/spec/TEMPLATE.md §3), as readSheet reports them. */
import { checkFigures } from '../../src/core/figure-checks';
import type { Finding } from '../../src/core/findings';
import { cellRef } from '../../src/core/findings';
import type { IndicatorCode } from '../../src/core/template';
import { readSheet } from '../../src/core/reader';
import { buildUnitGrid, makeUnitGrid, sampleSpec } from '../helpers/unit-grid';

const SHEET = 'HuongLoc';

function findingsFor(figures: Partial<Record<IndicatorCode, unknown>>): Finding[] {
  const base = sampleSpec().figures!;
  const r = readSheet(makeUnitGrid(sampleSpec({ sheet: SHEET, figures: { ...base, ...figures } as never })));
  if (r.kind !== 'report') throw new Error();
  return r.findings;
}
const rule = (fs: Finding[], id: string) => fs.filter((f) => f.rule === id);

describe('dossiers: D4 + D5 + D6 + D9 = D1 + D2', () => {
  test('balanced: no finding', () => {
    expect(findingsFor({ D1: 5, D2: 100, D3: 60, D4: 90, D5: 5, D6: 10 })).toEqual([]);
  });

  test('unbalanced: error at D4, message quotes the numbers', () => {
    const fs = rule(findingsFor({ D1: 5, D2: 100, D4: 90, D5: 5, D6: 7 }), 'dossier.balance');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', cell: 'D30', sheet: SHEET, unit: 'UBND xã Hương Lộc' });
    expect(fs[0].message).toContain(`${cellRef(SHEET, 'D30')}:`);
    expect(fs[0].message).toContain('90 + 5 + 7 + 0 = 102');
    expect(fs[0].message).toContain('5 + 100 = 105');
    expect(fs[0].message).toContain('chênh 3');
  });

  test('big numbers are quoted with Vietnamese grouping', () => {
    const fs = rule(findingsFor({ D1: 0, D2: 1031, D4: 1000, D5: 0, D6: 0 }), 'dossier.balance');
    expect(fs[0].message).toContain('0 + 1.031 = 1.031');
  });

  test('an empty cell counts as 0 in the balance (D1 empty: nothing carried over)', () => {
    expect(rule(findingsFor({ D1: null, D2: 100, D4: 95, D5: 5, D6: 0 }), 'dossier.balance')).toEqual([]);
    expect(rule(findingsFor({ D1: null, D2: 100, D4: 95, D5: 0, D6: 0 }), 'dossier.balance')).toHaveLength(1);
  });

  test('an unreadable figure is already an error: the balance is not reported on top', () => {
    const fs = findingsFor({ D2: 'nhiều' });
    expect(rule(fs, 'figure.not-a-number')).toHaveLength(1);
    expect(rule(fs, 'dossier.balance')).toEqual([]);
  });
});

describe('parts of a whole', () => {
  test('D3 > D2 → error at D3', () => {
    const fs = rule(findingsFor({ D3: 2000 }), 'dossier.online');
    expect(fs).toEqual([expect.objectContaining({ severity: 'error', cell: 'D29' })]);
    expect(fs[0].message).toContain('2.000');
    expect(fs[0].message).toContain('1.031');
  });
  test('D3 = D2 is fine', () => expect(rule(findingsFor({ D3: 1031 }), 'dossier.online')).toEqual([]));
  test('D8 > D7 → error at D8', () => {
    expect(rule(findingsFor({ D8: 181 }), 'dossier.posted')).toEqual([expect.objectContaining({ severity: 'error', cell: 'D34' })]);
  });
});

describe('participants need an event (warnings)', () => {
  test('C2 > 0 with C1 = 0 → warning at C1', () => {
    const fs = rule(findingsFor({ C1: 0, C2: 45 }), 'training.participants');
    expect(fs).toEqual([expect.objectContaining({ severity: 'warning', cell: 'D23' })]);
    expect(fs[0].message).toContain('45');
  });
  test('C4 > 0 with C3 empty → warning at C3', () => {
    const fs = rule(findingsFor({ C3: null, C4: 120 }), 'contest.participants');
    expect(fs).toEqual([expect.objectContaining({ severity: 'warning', cell: 'D25' })]);
    expect(fs[0].message).toContain('để trống');
  });
  test('no participants, no event: fine', () => {
    expect(findingsFor({ C1: 0, C2: 0, C3: 0, C4: 0 })).toEqual([]);
  });
});

describe('a rule whose first row is missing from the sheet still names a cell', () => {
  /** The sheet without the rows of `omit`, read: its findings and where each code's value sits. */
  function readWithout(omit: IndicatorCode[], figures: Partial<Record<IndicatorCode, unknown>>) {
    const { grid, addr } = buildUnitGrid(sampleSpec({ sheet: SHEET, figures: { ...sampleSpec().figures!, ...figures } as never, omitCodes: omit }));
    const r = readSheet(grid);
    if (r.kind !== 'report') throw new Error();
    return { findings: r.findings, addr };
  }

  test('D4 row deleted, dossiers do not balance: the error points at D5, the next row of the rule', () => {
    const { findings, addr } = readWithout(['D4'], { D1: 0, D2: 1031, D5: 0, D6: 0 });
    const fs = rule(findings, 'dossier.balance');
    expect(fs).toHaveLength(1);
    expect(fs[0].cell).toBe(addr.figure('D5'));
    expect(fs[0].message.startsWith(`${cellRef(SHEET, addr.figure('D5'))}:`)).toBe(true);
  });

  test('C1 row deleted while C2 has participants: the warning points at C2', () => {
    const { findings, addr } = readWithout(['C1'], { C2: 65 });
    const fs = rule(findings, 'training.participants');
    expect(fs).toEqual([expect.objectContaining({ severity: 'warning', cell: addr.figure('C2') })]);
  });
});

describe('checkFigures on its own', () => {
  test('a report whose rows were not found gives findings with an empty cell, never a crash', () => {
    const r = readSheet(makeUnitGrid(sampleSpec({ sheet: SHEET })));
    if (r.kind !== 'report') throw new Error();
    const report = { ...r.report, figureCells: {}, figures: { ...r.report.figures, D3: 5000 } };
    const fs = checkFigures(report);
    expect(fs).toEqual([expect.objectContaining({ rule: 'dossier.online', cell: '' })]);
  });
});
