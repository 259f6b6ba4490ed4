/**
 * One answer for each child's state, decided once by the compile (ChildRow.status,
 * .approval, .reason) and said alike by every view: with «Chỉ tổng hợp báo cáo đã
 * duyệt», a report that came in but is not approved is «Không tính», never «Chưa
 * nộp»; the pane's view model, the command line's summary, the summary sheet (TH),
 * the .docx data and the letters name the same missing units and the same count.
 */
import * as fs from 'fs';
import * as path from 'path';
import { APPROVAL_SHEET_NAME, APPROVED, approvalsToRows, sheetFingerprint } from '../../src/core/approval';
import { compileGrids, compileReads } from '../../src/core/compile';
import type { SheetGrid } from '../../src/core/grid';
import { layoutOutputs } from '../../src/core/layout';
import { readSheet } from '../../src/core/reader';
import { unitCount } from '../../src/core/rollup';
import { compileSummary } from '../../src/cli/summary';
import { fromCompileResult } from '../../src/report/report-data';
import { narrativeBlocks } from '../../src/report/narrative';
import { readXlsxFile } from '../../src/xlsx/read-file';
import { lettersFromCompile } from '../../src/report/letters/letter-data';
import { countResult, missingUnits } from '../../src/taskpane/findings-view';
import { planRead } from './compile-fixtures';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';

const DISTRICT = 'UBND huyện Nam Đông';
const commune = (name: string): SheetGrid =>
  ({ ...makeUnitGrid(sampleSpec({ unit: `UBND xã ${name}`, parent: DISTRICT, year: 2020, period: 'Năm' })), sheet: name });
const LOC = commune('Hương Lộc');
const PHU = commune('Hương Phú');
const records: SheetGrid = {
  sheet: APPROVAL_SHEET_NAME, originRow: 0, originCol: 0, hidden: true,
  cells: approvalsToRows([{ unit: 'UBND xã Hương Lộc', sheet: 'Hương Lộc', state: APPROVED, time: '2020-12-20T09:00:00', fingerprint: sheetFingerprint(LOC) }]),
};

/** Three communes expected: Hương Lộc sent and approved, Hương Phú sent and not approved, Thượng Quảng sent nothing. */
function compile() {
  return compileReads([
    planRead({ compilingUnit: DISTRICT, parent: 'UBND tỉnh Thừa Thiên Huế', roster: ['Hương Lộc', 'Hương Phú', 'Thượng Quảng'].map((n) => ({ name: `UBND xã ${n}`, level: 'Xã' as const, parent: DISTRICT })) }),
    ...[LOC, PHU, records].map(readSheet),
  ], { approvedOnly: true, openWorkbook: true });
}

describe('one answer for each child', () => {
  const result = compile();
  const summary = result.summaries.find((s) => s.unit === DISTRICT)!;
  const MISSING = ['UBND xã Thượng Quảng'];

  test('the compile decides it: counted and approved, sent but not counted (and why), missing', () => {
    const rows = summary.children.filter((c) => !c.isSelf).map((c) => [c.unit, c.status, c.approval ?? null]);
    expect(rows).toEqual([
      ['UBND xã Hương Lộc', 'Đã nộp', APPROVED],
      ['UBND xã Hương Phú', 'Không tính', null],
      ['UBND xã Thượng Quảng', 'Chưa nộp', null],
    ]);
    expect(summary.children.find((c) => c.unit === 'UBND xã Hương Phú')!.reason).toContain('chưa được duyệt');
    expect(unitCount(summary.children)).toEqual({ expected: 3, sent: 2, late: [], missing: MISSING, notCounted: ['UBND xã Hương Phú'] });
  });

  test('the pane, the command line, TH, the .docx data and the letters name the same missing units', () => {
    expect(missingUnits(result)).toEqual(MISSING);
    expect(countResult(result).missing).toBe(1);

    const cli = compileSummary({ result, filesRead: 1, sheetsRead: 4, written: [] });
    expect(cli).toContain(`• ${DISTRICT}: 2/3 đơn vị đã nộp, 1 không tính (UBND xã Hương Phú); chưa nộp: UBND xã Thượng Quảng.`);

    const th = layoutOutputs(result, { now: new Date(2021, 0, 5) }).find((s) => s.role === 'summary' && s.unit === DISTRICT)!;
    const values = th.rows.map((r) => r.map((c) => c?.v));
    const statusOf = (unit: string) => values.find((r) => r[1] === unit)?.[3];
    expect(statusOf('UBND xã Thượng Quảng')).toBe('Chưa nộp');
    expect(statusOf('UBND xã Hương Phú')).toBe('Không tính');
    expect(values.flat()).toContain('Đã nộp 2/3');

    expect(fromCompileResult(result, { unit: DISTRICT }).missingUnits).toEqual(MISSING);
    expect(lettersFromCompile(result).reminder?.missing).toEqual(MISSING);
  });
});

describe('the example district: one count of its units everywhere', () => {
  test('«Đã nộp N/M» on TH, M on NV, N/M in the report and on the command line', async () => {
    const dir = path.join(__dirname, '..', '..', 'examples');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();
    const grids = (await Promise.all(files.map(async (f) => (await readXlsxFile(path.join(dir, f))).map((g) => ({ ...g, file: f }))))).flat();
    const result = compileGrids(grids, {});
    const top = result.summaries[result.summaries.length - 1];
    const { sent, expected } = unitCount(top.children);
    expect(expected).toBeGreaterThan(10);
    const sheets = layoutOutputs(result, { now: new Date(2023, 0, 5) });
    const th = sheets.find((s) => s.role === 'summary' && s.unit === top.unit)!;
    expect(th.rows.flat().map((c) => c?.v)).toContain(`Đã nộp ${sent}/${expected}`);
    // NV: each task's done/expected counts the same units.
    expect(top.tasks.every((t) => t.expected === expected)).toBe(true);
    const report = narrativeBlocks(fromCompileResult(result)).map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(report).toContain(`Có ${sent}/${expected} đơn vị gửi báo cáo`);
    expect(compileSummary({ result, filesRead: files.length, sheetsRead: grids.length, written: [] })).toContain(`• ${top.unit}: ${sent}/${expected} đơn vị đã nộp`);
  });
});
