/**
 * Messy-but-valid layouts (spec: "rows or columns may be inserted or shifted,
 * blank rows may appear, a header may be merged across cells, labels may
 * differ in case … or lack Vietnamese diacritics"): every one reads to the
 * same report as the canonical sheet, with no error finding, and findings
 * still point at the real worksheet cells.
 */
import fc from 'fast-check';
import type { SheetRead, UnitReport } from '../../src/core/model';
import { readSheet } from '../../src/core/reader';
import { buildUnitGrid, sampleSpec, Variations } from '../helpers/unit-grid';

function report(r: SheetRead): UnitReport {
  if (r.kind !== 'report') throw new Error(`expected a report, got ${r.kind}`);
  return r.report;
}

/** What a user checks: identification, figures, tasks, assessment (not the addresses). */
function content(r: UnitReport) {
  const { figureCells, idCells, source, ...rest } = r;
  return { ...rest, tasks: r.tasks.map(({ cell, ...t }) => t) };
}

const canonical = readSheet(buildUnitGrid(sampleSpec()).grid);

const LAYOUTS: [string, Variations][] = [
  ['rows inserted in every section', { insertRows: [1, 5, 15, 20, 38, 40] }],
  ['columns inserted on the left', { insertCols: 3 }],
  ['blank rows between sections', { blankRowsBetweenSections: 4 }],
  ['labels and headers in upper case', { upperCase: true }],
  ['no diacritics (HOAN THANH, Quy I, Xa)', { stripDiacritics: true }],
  ['upper case without diacritics', { upperCase: true, stripDiacritics: true }],
  ['lower-case codes (a1)', { lowerCaseCodes: true }],
  ['merged headers: labels separated by empty merged cells', { mergedHeaderGaps: true }],
  ['used range not starting at A1', { origin: { row: 4, col: 2 } }],
  [
    'everything at once',
    {
      insertRows: [3, 17], insertCols: 1, blankRowsBetweenSections: 2, upperCase: true, stripDiacritics: true,
      lowerCaseCodes: true, mergedHeaderGaps: true, origin: { row: 2, col: 1 },
    },
  ],
];

describe('messy-but-valid layouts read like the canonical sheet', () => {
  test('the canonical sheet itself has no finding', () => {
    expect(canonical.kind === 'report' && canonical.findings).toEqual([]);
  });

  test.each(LAYOUTS)('%s', (_name, v) => {
    const { grid, addr } = buildUnitGrid(sampleSpec(), v);
    const r = readSheet(grid);
    expect(r.kind).toBe('report');
    if (r.kind !== 'report') return;
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(content(r.report)).toEqual(content(report(canonical)));
    // Addresses follow the real cells.
    expect(r.report.figureCells.D4).toBe(addr.figure('D4'));
    expect(r.report.idCells.period).toBe(addr.id('period'));
    expect(r.report.tasks[0].cell).toBe(addr.task(0, 'stt'));
  });

  test('the helper really produces the messy texts (so the cases above test something)', () => {
    const { grid } = buildUnitGrid(sampleSpec(), { upperCase: true, stripDiacritics: true, lowerCaseCodes: true });
    const texts = grid.cells.flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('HOAN THANH');
    expect(texts).toContain('CHUA HOAN THANH');
    expect(texts).toContain('Nam'); // the period value
    expect(texts).toContain('a1');
    const gaps = buildUnitGrid(sampleSpec(), { mergedHeaderGaps: true }).grid;
    expect(gaps.cells.find((r) => r[0] === 'Mã')).toEqual(['Mã', null, 'Chỉ tiêu', null, 'Đơn vị tính', null, 'Số liệu', null, 'Ghi chú']);
  });

  test('findings point at real worksheet cells when the used range starts at C5', () => {
    const spec = sampleSpec({ sheet: 'HuongLoc' });
    spec.figures = { ...spec.figures, A1: 'abc' };
    const r = readSheet(buildUnitGrid(spec, { origin: { row: 4, col: 2 } }).grid);
    if (r.kind !== 'report') throw new Error();
    const f = r.findings.find((x) => x.rule === 'figure.not-a-number')!;
    // Canonical D14, shifted 4 rows down and 2 columns right.
    expect(f.cell).toBe('F18');
    expect(f.message).toContain('HuongLoc!F18');
  });

  test('with merged header gaps and inserted columns a mark error names the shifted cell', () => {
    const spec = sampleSpec({ sheet: 'S' });
    spec.tasks = [{ stt: 1, name: 'Việc A', result: 'x', done: { done: 'có', notDone: null } }];
    const { grid, addr } = buildUnitGrid(spec, { mergedHeaderGaps: true, insertCols: 1 });
    const r = readSheet(grid);
    if (r.kind !== 'report') throw new Error();
    const f = r.findings.find((x) => x.rule === 'task.mark-invalid')!;
    expect(f.cell).toBe(addr.task(0, 'done'));
    expect(f.cell).toBe('H39'); // column D → 1 + 3 × 2 = column index 7
  });
});

describe('any combination of the messy layouts', () => {
  test('reads to the canonical content, with no finding, and addresses that follow the cells', () => {
    const variations: fc.Arbitrary<Variations> = fc.record(
      {
        insertRows: fc.uniqueArray(fc.nat(60), { maxLength: 8 }),
        insertCols: fc.nat(4),
        blankRowsBetweenSections: fc.nat(4),
        upperCase: fc.boolean(),
        stripDiacritics: fc.boolean(),
        lowerCaseCodes: fc.boolean(),
        mergedHeaderGaps: fc.boolean(),
        origin: fc.record({ row: fc.nat(200), col: fc.nat(30) }),
      },
      { requiredKeys: [] },
    );
    const expected = content(report(canonical));
    fc.assert(
      fc.property(variations, (v) => {
        const { grid, addr } = buildUnitGrid(sampleSpec(), v);
        const r = readSheet(grid);
        expect(r.kind).toBe('report');
        if (r.kind !== 'report') return;
        expect(r.findings).toEqual([]);
        expect(content(r.report)).toEqual(expected);
        expect(r.report.figureCells.E1).toBe(addr.figure('E1'));
        expect(r.report.tasks[2].cell).toBe(addr.task(2, 'stt'));
      }),
      { numRuns: 100 },
    );
  });
});
