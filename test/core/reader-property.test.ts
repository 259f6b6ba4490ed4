/**
 * readSheet never throws, whatever the grid holds: ragged rows, booleans,
 * error values, NaN and huge numbers, strings of spaces, and random grids
 * that contain the recognition label so that the deep paths run.
 * The reader's last-resort catch turns a bug into a `read.internal` finding:
 * the properties also assert that never happens, so a bug fails the test.
 */
import fc from 'fast-check';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { NO_CACHED_VALUE } from '../../src/core/grid';
import type { SheetRead } from '../../src/core/model';
import { readSheet } from '../../src/core/reader';
import { readPlan } from '../../src/core/plan-reader';
import { checkTasksAgainstPlan } from '../../src/core/task-checks';
import {
  ASSESSMENT_LABELS, FIGURE_HEADERS, ID_LABELS, INDICATOR_CODES, LEVELS, MARKS, PERIODS, PLAN_ID_LABELS,
  PLAN_ROSTER_HEADERS, PLAN_TASK_HEADERS, SECTION_TITLES, TASK_HEADERS,
} from '../../src/core/template';
import { buildUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { foldFast, foldLooseFast, labelKey, labelKeyFast, MAX_LABEL_CHARS } from '../../src/core/labels';
import { fold, foldLoose } from '../../src/core/text';

/** Words the reader looks for, so random grids hit its real paths. */
const VOCAB: string[] = [
  ...ID_LABELS.map((l) => l.label),
  ...Object.values(FIGURE_HEADERS), ...Object.values(TASK_HEADERS), ...Object.values(SECTION_TITLES),
  ...ASSESSMENT_LABELS.map((a) => a.label), ...INDICATOR_CODES, ...MARKS, ...PERIODS,
  ...LEVELS.flatMap((l) => l.synonyms), ...Object.values(PLAN_ID_LABELS), ...Object.values(PLAN_TASK_HEADERS),
  ...Object.values(PLAN_ROSTER_HEADERS),
  'TTCCHC-1', 'TTCCHC-2', 'ttcchc-1', 'Năm', 'x', '33 tin, bài', 'hơn 20', '1.031', '2,5', '-3', '   ', '',
  'ngày 15/10/2020', '45/BC-UBND ngày 15/10/2020', '15/10/2020', 'I', 'A', 'II.', 'Kế hoạch', 'Nhiệm vụ', 'Đơn vị',
  '=SUM(A1)', 'Đơn vị tổng hợp',
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VOCAB) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 3000 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308, 44119, 60) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: '#N/A' }, { error: NO_CACHED_VALUE }, { error: '' }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[ \t\u00a0]{0,5}$/) },
);

const row = fc.array(cell, { maxLength: 9 });

/** Random grid; half of them start with the recognition label. */
const randomGrid: fc.Arbitrary<SheetGrid> = fc
  .record({
    rows: fc.array(row, { maxLength: 45 }),
    labelled: fc.boolean(),
    version: fc.constantFrom('TTCCHC-1', 'TTCCHC-2', 'ttcchc 1'),
    sheet: fc.oneof(fc.constantFrom('Kế hoạch', 'Hương Lộc', 'ke hoach', ''), fc.string({ maxLength: 10 })),
    originRow: fc.oneof(fc.nat(1000), fc.constantFrom(Number.NaN, -1)),
    originCol: fc.nat(60),
  })
  .map(({ rows, labelled, version, sheet, originRow, originCol }) => ({
    sheet,
    originRow,
    originCol,
    cells: labelled ? [['Mã mẫu', version], ...rows] : rows,
  }));

/** The canonical sheet with random cells overwritten: realistic structure, hostile values. */
const damagedUnitGrid: fc.Arbitrary<SheetGrid> = fc
  .array(fc.tuple(fc.nat(50), fc.nat(8), cell), { maxLength: 40 })
  .map((edits) => {
    const { grid } = buildUnitGrid(sampleSpec());
    const cells = grid.cells.map((r) => [...r]);
    for (const [r, c, v] of edits) {
      if (!cells[r]) continue;
      cells[r][c] = v;
    }
    return { ...grid, cells };
  });

function assertSane(read: SheetRead): void {
  if (read.kind === 'skipped') return;
  for (const f of read.findings) {
    expect(f.rule).not.toBe('read.internal');
    expect(['error', 'warning']).toContain(f.severity);
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    expect(typeof f.cell).toBe('string');
  }
  if (read.kind === 'report') {
    for (const v of Object.values(read.report.figures)) {
      expect(v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0)).toBe(true);
    }
  }
}

describe('readSheet never throws', () => {
  test('on random grids (half of them recognised as unit sheets)', () => {
    fc.assert(
      fc.property(randomGrid, (grid) => {
        const r = readSheet(grid);
        assertSane(r);
        if (r.kind === 'report') {
          // The plan checks must survive whatever was read, too.
          const plan = readPlan(grid).plan;
          checkTasksAgainstPlan(r.report, plan);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('on the canonical sheet with random cells overwritten', () => {
    fc.assert(
      fc.property(damagedUnitGrid, (grid) => {
        const r = readSheet(grid);
        expect(r.kind === 'report' || r.kind === 'unsupported' || r.kind === 'skipped').toBe(true);
        assertSane(r);
      }),
      { numRuns: 300 },
    );
  });

  test('readPlan never throws on random grids', () => {
    fc.assert(
      fc.property(randomGrid, (grid) => {
        const { plan, findings } = readPlan(grid);
        expect(Array.isArray(plan.tasks)).toBe(true);
        for (const t of plan.tasks) expect(t.threshold >= 0 && t.threshold <= 1).toBe(true);
        expect(Array.isArray(findings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('hostile shapes: holes, undefined rows, non-array rows', () => {
    const holes: CellValue[][] = [];
    holes[3] = [];
    holes[5] = ['Mã mẫu', 'TTCCHC-1'];
    holes[9] = [];
    holes[9][4] = 'Số liệu';
    const weird = [
      { sheet: 'A', originRow: 0, originCol: 0, cells: holes },
      { sheet: 'B', originRow: 0, originCol: 0, cells: [null, undefined, 'text', ['Mã mẫu', 'TTCCHC-1'], [undefined, {}]] as never },
      { sheet: 'C', originRow: 0, originCol: 0, cells: undefined as never },
      { sheet: undefined as never, originRow: undefined as never, originCol: 0, cells: [['Mã mẫu', 'TTCCHC-1']] },
    ];
    for (const g of weird) {
      const r = readSheet(g);
      assertSane(r);
    }
  });
});

describe('fast folding gives the same results as text.ts', () => {
  const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...VOCAB), fc.string({ unit: 'binary', maxLength: 20 }));
  test('foldFast = fold, labelKeyFast = labelKey (text up to the label length)', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(foldFast(s)).toBe(fold(s));
        expect(foldFast(s)).toBe(fold(s)); // memoised second call
        expect(foldLooseFast(s)).toBe(foldLoose(s));
        if (s.length <= MAX_LABEL_CHARS) expect(labelKeyFast(s)).toBe(labelKey(s));
      }),
      { numRuns: 500 },
    );
  });
  test('text longer than any label matches no label', () => {
    const long = 'Đơn vị báo cáo '.repeat(10);
    expect(labelKeyFast(long)).not.toBe(labelKey('Đơn vị báo cáo'));
    expect(labelKeyFast(long)).not.toBe('');
  });
});
