/**
 * Outlier warnings (src/core/outliers.ts) on the bundled example district,
 * which has no planted outlier and must raise none, and on the same data
 * with the typos a clerk really makes: an extra zero, a value in the wrong row.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileGrids } from '../../src/core/compile';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import type { PreviousPeriod } from '../../src/core/model';
import { findOutliers, siblingOutliers, withPreviousOutliers } from '../../src/core/outliers';
import { emptyFigures } from '../../src/core/template';
import { unitKey } from '../../src/core/unit-names';
import { readXlsxFile } from '../../src/xlsx/read-file';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

async function exampleGrids(): Promise<SheetGrid[]> {
  const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')).sort();
  return (await Promise.all(files.map((f) => readXlsxFile(path.join(EXAMPLES, f))))).flat();
}

/** The grid with the value cell of `code` replaced (the row whose column A holds the code). */
function withFigure(grid: SheetGrid, code: string, value: (old: CellValue) => CellValue): SheetGrid {
  const values = grid.cells.map((row) => [...row]);
  const r = values.findIndex((row) => row.some((c) => c === code));
  if (r < 0) throw new Error(`no row ${code} in ${grid.sheet}`);
  const codeCol = values[r].indexOf(code);
  const header = values.findIndex((row) => row.some((c) => c === 'Số liệu'));
  const col = values[header].indexOf('Số liệu');
  expect(col).toBeGreaterThan(codeCol);
  values[r][col] = value(values[r][col]);
  return { ...grid, cells: values };
}

const valueOf = (grid: SheetGrid, code: string): number => {
  let found = NaN;
  withFigure(grid, code, (old) => ((found = Number(old)), old));
  return found;
};

describe('outlier warnings', () => {
  let grids: SheetGrid[];
  beforeAll(async () => {
    grids = await exampleGrids();
  });

  it('raise none on the example district as shipped', () => {
    const result = compileGrids(grids);
    expect(result.reports.filter((r) => r.counted).length).toBeGreaterThan(10);
    expect(findOutliers(result)).toEqual([]);
  });

  it('catch an extra zero typed into one commune, quoting the figure and the median, at its cell', () => {
    const i = grids.findIndex((g) => /Hương Sơn/.test(g.sheet));
    expect(i).toBeGreaterThanOrEqual(0);
    const original = valueOf(grids[i], 'A3');
    const planted = grids.map((g, j) => (j === i ? withFigure(g, 'A3', () => original * 10) : g));
    const out = findOutliers(compileGrids(planted));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'warning', rule: 'figure.outlier', sheet: grids[i].sheet });
    expect(out[0].cell).toMatch(/^[A-Z]+\d+$/);
    expect(out[0].message).toMatch(/^A3 = [\d.]+, gấp [\d,]+ lần trung vị của các xã \([\d.,]+\)/);
  });

  it('say when the figure sits on a hidden sheet, as every other finding does (findings.ts hiddenNote)', () => {
    const i = grids.findIndex((g) => /Hương Sơn/.test(g.sheet));
    const original = valueOf(grids[i], 'A3');
    const planted = grids.map((g, j) => (j === i ? { ...withFigure(g, 'A3', () => original * 10), hidden: true } : g));
    const out = findOutliers(compileGrids(planted));
    expect(out).toHaveLength(1);
    expect(out[0].hidden).toBe(true);
  });

  it('catch the participants (C2) typed into the conferences row (C1)', () => {
    const i = grids.findIndex((g) => /Hương Phú/.test(g.sheet));
    expect(i).toBeGreaterThanOrEqual(0);
    const c2 = valueOf(grids[i], 'C2');
    expect(c2).toBeGreaterThan(50);
    const planted = grids.map((g, j) => (j === i ? withFigure(g, 'C1', () => c2) : g));
    const out = findOutliers(compileGrids(planted));
    expect(out.map((f) => f.message.slice(0, 3))).toEqual(['C1 ']);
  });

  it('never flag small counts or a group too small to have a median worth the name', () => {
    const spec = (unit: string, c1: number) => sampleSpec({ unit, parent: 'UBND tỉnh Quảng Trị', figures: { ...sampleSpec().figures, C1: c1 } });
    const five = ['A', 'B', 'C', 'D', 'E'].map((n, k) => makeUnitGrid(spec(`UBND xã ${n}`, k === 0 ? 12 : 1)));
    expect(siblingOutliers(compileGrids(five).reports).filter((f) => f.message.startsWith('C1'))).toEqual([]);
    const four = ['A', 'B', 'C', 'D'].map((n, k) => makeUnitGrid(spec(`UBND xã ${n}`, k === 0 ? 9000 : 100)));
    expect(siblingOutliers(compileGrids(four).reports)).toEqual([]);
  });

  it('compare with last period: a figure ten times the same unit\'s previous one is named with both numbers', () => {
    const result = compileGrids(grids);
    const loc = result.reports.find((r) => r.counted && /Hương Lộc/.test(r.report.unit))!;
    const byUnit: PreviousPeriod['byUnit'] = {};
    for (const r of result.reports.filter((x) => x.counted)) byUnit[unitKey(r.report.unit)] = { ...r.report.figures };
    // Last period equal to this one: nothing to say.
    expect(findOutliers(result, { period: 'Năm', year: 2021, byUnit })).toEqual([]);
    const d2 = loc.report.figures.D2!;
    byUnit[unitKey(loc.report.unit)] = { ...emptyFigures(), ...byUnit[unitKey(loc.report.unit)], D2: Math.round(d2 / 10) };
    const out = findOutliers(result, { period: 'Năm', year: 2021, byUnit });
    expect(out).toHaveLength(1);
    expect(out[0].message).toMatch(new RegExp(`^D2 = [\\d.]+, kỳ trước [\\d.]+`));
    expect(out[0].cell).toBe(loc.report.figureCells.D2);
  });

  it('are part of every compile\'s findings (CLI, pane, Kiểm tra sheet), and last period\'s are added by withPreviousOutliers', () => {
    expect(compileGrids(grids).findings.filter((f) => f.rule === 'figure.outlier')).toEqual([]);
    const i = grids.findIndex((g) => /Hương Sơn/.test(g.sheet));
    const planted = grids.map((g, j) => (j === i ? withFigure(g, 'A3', (old) => Number(old) * 10) : g));
    const result = compileGrids(planted);
    const outliers = result.findings.filter((f) => f.rule === 'figure.outlier');
    expect(outliers).toEqual(findOutliers(result));
    expect(outliers).toHaveLength(1);
    // Errors stay first: the warning is listed after every error.
    const firstWarning = result.findings.findIndex((f) => f.severity === 'warning');
    expect(result.findings.slice(firstWarning).every((f) => f.severity === 'warning')).toBe(true);

    const clean = compileGrids(grids);
    expect(withPreviousOutliers(clean)).toBe(clean);
    const loc = clean.reports.find((r) => r.counted && /Hương Lộc/.test(r.report.unit))!;
    const byUnit: PreviousPeriod['byUnit'] = { [unitKey(loc.report.unit)]: { ...loc.report.figures, D2: Math.round(loc.report.figures.D2! / 10) } };
    const compared = withPreviousOutliers(clean, { period: 'Năm', year: 2021, byUnit });
    expect(compared.findings).toHaveLength(clean.findings.length + 1);
    expect(compared.findings.find((f) => f.rule === 'figure.outlier')).toMatchObject({ unit: loc.report.unit, cell: loc.report.figureCells.D2 });
    expect(clean.findings.some((f) => f.rule === 'figure.outlier')).toBe(false);
  });
});
