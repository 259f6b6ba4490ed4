/**
 * The one rule for "is this sheet the compiler's own earlier output?"
 * (src/core/own-outputs.ts), as the pane and the command line now take it
 * from CompileResult instead of deciding again.
 */
import { compileReads } from '../../src/core/compile';
import { layoutOutputs, outputSheetToGrid } from '../../src/core/layout';
import { readSheet } from '../../src/core/reader';
import { ownOutputSheetNames, ownOutputsBeside } from '../../src/core/own-outputs';
import { PROVINCE, planRead, reportRead } from './compile-fixtures';

const roster = [
  { name: 'UBND huyện Nam Đông', level: 'Huyện' as const, parent: PROVINCE },
  { name: 'UBND xã Hương Lộc', level: 'Xã' as const, parent: 'UBND huyện Nam Đông' },
  { name: 'UBND xã Thượng Quảng', level: 'Xã' as const, parent: 'UBND huyện Nam Đông' },
];
const communes = () => [reportRead('UBND xã Hương Lộc', { figures: { A1: 1 } }), reportRead('UBND xã Thượng Quảng', { figures: { A1: 2 } })];
const provincePlan = () => planRead({ compilingUnit: PROVINCE, level: 'Tỉnh', roster });

/** Last run's outputs of the province compile, as sheets (of the open workbook, or of `file`). */
function lastRun(file?: string) {
  const first = compileReads([provincePlan(), ...communes()], {});
  return { first, outputs: layoutOutputs(first).map((s) => readSheet(outputSheetToGrid(s, file))) };
}

describe('own earlier output', () => {
  test('in the open workbook, every sheet of last run (the district\'s BC too) is own output: same totals, same findings, no warning', () => {
    const { first, outputs } = lastRun();
    const again = compileReads([provincePlan(), ...outputs, ...communes()], { openWorkbook: true });
    expect(again.summaries.map((s) => [s.unit, s.figures])).toEqual(first.summaries.map((s) => [s.unit, s.figures]));
    expect(again.findings).toEqual(first.findings);
    expect([...ownOutputSheetNames(again.ownOutputs)].sort()).toEqual(layoutOutputs(first).map((s) => s.name.toLowerCase()).sort());
  });

  test('from files, the district\'s compiled report beside its communes is a document: left out with a warning, not own output', () => {
    const { outputs } = lastRun('tinh.xlsx');
    const again = compileReads([provincePlan(), ...outputs, ...communes()], {});
    expect(again.findings.map((f) => f.rule)).toContain('compile.compiled-superseded');
    // Only the province's own report of last run is left out silently.
    expect(again.ownOutputs).toEqual(again.reports.filter((r) => r.report.unit === PROVINCE).map((r) => r.report.source));
    expect(again.ownOutputs).toHaveLength(1);
    // The whole file is last run's output: the command line may write over it.
    expect(again.ownOutputFiles).toEqual(['tinh.xlsx']);
  });

  test('a file holding a unit\'s own report is never own output, even named like an output', () => {
    const unitSheet = reportRead('UBND xã Hương Lộc', { figures: { A1: 1 } });
    if (unitSheet.kind !== 'report') throw new Error('fixture');
    unitSheet.report.source = { file: 'tinh.xlsx', sheet: 'BC Hương Lộc' };
    const { outputs } = lastRun('tinh.xlsx');
    const again = compileReads([provincePlan(), ...outputs, unitSheet, reportRead('UBND xã Thượng Quảng', { figures: { A1: 2 } })], {});
    expect(again.ownOutputFiles).toEqual([]);
  });

  test('a district\'s compiled report imported as `BC …` with no communes beside it is a child to count, not own output', () => {
    const district = compileReads([planRead({ compilingUnit: 'UBND huyện Nam Đông', level: 'Huyện', parent: PROVINCE }), ...communes()], {});
    const bc = readSheet(outputSheetToGrid(layoutOutputs(district).find((s) => s.role === 'report')!));
    const province = compileReads([planRead({ compilingUnit: PROVINCE, level: 'Tỉnh', roster: roster.slice(0, 1) }), bc], { openWorkbook: true });
    expect(province.reports[0].counted).toBe(true);
    expect(province.ownOutputs).toEqual([]);
    expect(ownOutputsBeside([bc], province)).toEqual([]);
  });
});
