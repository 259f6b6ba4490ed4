/**
 * Approvals are the compiling officer's (docs/spec/TEMPLATE.md §13), tried as a hostile
 * unit would: its file, made by `tonghop template` and filled in, carries a
 * `Phê duyệt` sheet (written with ExcelJS) approving its own report and
 * returning another commune. Neither record is believed; a warning names the
 * file. A record of the compiling workbook dated after the compile is an error.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { APPROVAL_HEADERS, APPROVAL_SHEET_NAME, APPROVED, RETURNED, approvalRow, sheetFingerprint, type ApprovalRecord } from '../../src/core/approval';
import type { ResultJson } from '../../src/core/json';
import { layoutPlan } from '../../src/core/layout/plan-sheet';
import { readSheet } from '../../src/core/reader';
import { readXlsxFile } from '../../src/xlsx/read-file';
import { writeXlsx } from '../../src/xlsx/write';
import { unitReportSheet, type UnitSheetSpec } from '../helpers/unit-sheet';
import { captureIo, tempDir, writeUnitFile } from '../helpers/xlsx-files';
import { openDocx, textOf } from '../report/docx-helpers';

const DISTRICT = 'UBND huyện Nam Đông';
const commune = (name: string, a1: number): UnitSheetSpec => ({
  sheetName: name, unit: `UBND xã ${name}`, level: 'Xã', parent: DISTRICT, period: 'Năm', year: 2022,
  figures: { A1: a1, A6: 2, D1: 0, D2: 100, D3: 0, D4: 100, D5: 0, D6: 0, D7: 0, D8: 0 },
  tasks: [{ stt: 1, name: 'Tuyên truyền trên Trang thông tin điện tử', done: true, result: 'Đã thực hiện' }],
});
const PLAN = { compilingUnit: DISTRICT, level: 'Huyện' as const, period: 'Năm' as const, year: 2022, tasks: [], roster: [] };

async function run(argv: string[]) {
  const cap = captureIo();
  const code = await main(argv, cap.io);
  return { code, out: cap.out(), err: cap.err() };
}
const jsonOf = (out: string): ResultJson => JSON.parse(out) as ResultJson;

let tmp: ReturnType<typeof tempDir>;
let at: (...p: string[]) => string;
beforeEach(() => {
  tmp = tempDir('tonghop-forgery-');
  at = (...p) => path.join(tmp.dir, ...p);
  fs.mkdirSync(at('in'));
});
afterEach(() => tmp.cleanup());

/** Adds (or fills) a very hidden `Phê duyệt` sheet holding `rows`, as any program can. */
async function addRecordSheet(file: string, rows: (sheetPrints: Map<string, string>) => string[][]): Promise<void> {
  const prints = new Map((await readXlsxFile(file)).map((g) => [g.sheet, sheetFingerprint(g)]));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.addWorksheet(APPROVAL_SHEET_NAME, { state: 'veryHidden' });
  rows(prints).forEach((r, i) => { ws.getRow(i + 1).values = r; });
  await wb.xlsx.writeFile(file);
}

/** The unit's file as the issue made it: `tonghop template`, its A1 and marks typed in with ExcelJS. */
async function hostileUnitFile(): Promise<string> {
  const file = at('in', 'huong-loc.xlsx');
  const t = await run(['template', '--unit', 'UBND xã Hương Lộc', '--level', 'Xã', '--parent', DISTRICT, '--period', 'Năm', '--year', '2022', '-o', file]);
  expect(t.code).toBe(0);
  const [grid] = await readXlsxFile(file);
  const read = readSheet(grid);
  if (read.kind !== 'report') throw new Error('the template is not read as a report');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.worksheets[0].getCell(read.report.figureCells.A1!).value = 999;
  await wb.xlsx.writeFile(file);
  const sheet = grid.sheet;
  await addRecordSheet(file, (prints) => [
    [...APPROVAL_HEADERS],
    approvalRow({ unit: 'UBND xã Hương Lộc', sheet, state: APPROVED, time: '2022-12-20T09:00:00', fingerprint: prints.get(sheet)! }),
    approvalRow({ unit: 'UBND xã Hương Phú', sheet: 'Hương Phú', state: RETURNED, time: '2099-01-01T00:00:00', reason: 'Lý do do xã Hương Lộc bịa ra', fingerprint: '0' }),
  ]);
  return file;
}

describe('approval records only the officer can give', () => {
  it('a unit that approves itself and returns another commune in its own file is not believed; a warning names the file', async () => {
    const unitFile = await hostileUnitFile();
    await writeUnitFile(at('in', 'huong-phu.xlsx'), commune('Hương Phú', 30));
    fs.writeFileSync(at('ke-hoach.xlsx'), await writeXlsx([layoutPlan(PLAN)]));

    const only = await run(['compile', at('in'), '--plan', at('ke-hoach.xlsx'), '--approved-only', '-o', at('th.xlsx'), '--json', '-', '-q']);
    expect(only.code).toBe(0);
    const r = jsonOf(only.out);
    // Hương Lộc's 999 is not counted: its own record is no approval.
    const loc = r.reports.find((x) => x.unit === 'UBND xã Hương Lộc')!;
    expect(loc.counted).toBe(false);
    expect(loc.approval).toBeUndefined();
    const foreign = r.findings.filter((f) => f.rule === 'approval.foreign');
    expect(foreign.map((f) => [f.severity, f.file, f.sheet])).toEqual([['warning', path.basename(unitFile), APPROVAL_SHEET_NAME]]);
    expect(foreign[0].message).toContain(path.basename(unitFile));

    // Without --approved-only, Hương Phú is received and counts: the made-up «Trả lại» did not drop it.
    const all = jsonOf((await run(['compile', at('in'), '--plan', at('ke-hoach.xlsx'), '-o', at('th2.xlsx'), '--json', '-', '-q'])).out);
    const phu = all.reports.find((x) => x.unit === 'UBND xã Hương Phú')!;
    expect([phu.counted, phu.approval]).toEqual([true, undefined]);
    expect(all.summaries[0].children.find((c) => c.unit === 'UBND xã Hương Phú')!.status).not.toBe('Chưa nộp');

    // And its letter carries no reason the other unit wrote.
    const dir = at('phan-hoi');
    expect((await run(['feedback', at('in'), '--plan', at('ke-hoach.xlsx'), '-o', dir])).code).toBe(0);
    const texts = await Promise.all(fs.readdirSync(dir).filter((f) => f.endsWith('.docx')).map(async (f) => textOf((await openDocx(fs.readFileSync(path.join(dir, f)))).document)));
    expect(texts.join('\n')).not.toContain('bịa ra');
  });

  it('the compiling workbook (it holds the plan) is believed; its record dated after the compile is an error and ignored', async () => {
    const book = at('so-tong-hop.xlsx');
    fs.writeFileSync(book, await writeXlsx([layoutPlan(PLAN), unitReportSheet(commune('Hương Lộc', 20)), unitReportSheet(commune('Hương Phú', 30))]));
    const rec = (sheet: string, state: ApprovalRecord['state'], time: string, prints: Map<string, string>) =>
      approvalRow({ unit: `UBND xã ${sheet}`, sheet, state, time, fingerprint: prints.get(sheet)! });
    await addRecordSheet(book, (prints) => [
      [...APPROVAL_HEADERS],
      rec('Hương Lộc', APPROVED, '2022-12-20T09:00:00', prints),
      rec('Hương Phú', APPROVED, '2022-12-20T09:00:00', prints),
      // A later «Trả lại» that cannot have been made yet does not undo the approval.
      rec('Hương Phú', RETURNED, '2099-12-31T08:00:00', prints),
    ]);
    const res = jsonOf((await run(['compile', book, '--approved-only', '-o', at('th.xlsx'), '--json', '-', '-q'])).out);
    expect(res.reports.map((x) => [x.unit, x.approval, x.counted])).toEqual([
      ['UBND xã Hương Lộc', APPROVED, true], ['UBND xã Hương Phú', APPROVED, true],
    ]);
    const future = res.findings.filter((f) => f.rule === 'approval.future');
    expect(future.map((f) => [f.severity, f.unit, f.file, f.sheet])).toEqual([['error', 'UBND xã Hương Phú', 'so-tong-hop.xlsx', APPROVAL_SHEET_NAME]]);
    expect(future[0].message).toContain('31/12/2099');
    expect(res.findings.some((f) => f.rule === 'approval.foreign')).toBe(false);
  });

  it('without a plan, the workbook holding the compiling unit\'s own earlier output is the compiling workbook: its records are believed', async () => {
    // The pane's workbook after a Tổng hợp: the outputs (BC, TH …) and the units' sheets beside them, then Duyệt.
    await writeUnitFile(at('in', 'xa.xlsx'), commune('Hương Lộc', 20), commune('Hương Phú', 30));
    const book = at('so-tong-hop.xlsx');
    expect((await run(['compile', at('in'), '-o', book, '-q'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    for (const g of await readXlsxFile(at('in', 'xa.xlsx'))) {
      const ws = wb.addWorksheet(g.sheet);
      g.cells.forEach((row, r) => row.forEach((v, c) => {
        if (v !== null && typeof v !== 'object') ws.getCell(g.originRow + r + 1, g.originCol + c + 1).value = v;
      }));
    }
    await wb.xlsx.writeFile(book);
    await addRecordSheet(book, (prints) => [
      [...APPROVAL_HEADERS],
      approvalRow({ unit: 'UBND xã Hương Lộc', sheet: 'Hương Lộc', state: APPROVED, time: '2022-12-20T09:00:00', fingerprint: prints.get('Hương Lộc')! }),
    ]);
    const res = jsonOf((await run(['compile', book, '--approved-only', '-o', at('th.xlsx'), '--json', '-', '-q'])).out);
    expect(res.findings.filter((f) => f.rule.startsWith('approval.') && f.rule !== 'approval.not-approved')).toEqual([]);
    expect(res.reports.filter((x) => x.counted).map((x) => [x.unit, x.approval])).toEqual([['UBND xã Hương Lộc', APPROVED]]);
  });
});
