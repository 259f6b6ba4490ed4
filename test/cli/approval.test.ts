/**
 * The command line and the approval record: when the compiling
 * workbook (with its very hidden `Phê duyệt` sheet, here written by ExcelJS,
 * a producer not ours) is among the inputs, the record is read and checked;
 * `--approved-only` counts only approved reports and names the others;
 * `tonghop feedback` puts the recorded return reason into the unit's letter.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { APPROVAL_HEADERS, APPROVAL_SHEET_NAME, APPROVED, RETURNED, approvalRow, sheetFingerprint, type ApprovalRecord } from '../../src/core/approval';
import type { ResultJson } from '../../src/core/json';
import { readXlsxFile } from '../../src/xlsx/read-file';
import type { UnitSheetSpec } from '../helpers/unit-sheet';
import { captureIo, tempDir, unitWorkbook } from '../helpers/xlsx-files';
import { openDocx, textOf } from '../report/docx-helpers';

const DISTRICT = 'UBND huyện Nam Đông';
const commune = (name: string, a1: number): UnitSheetSpec => ({
  sheetName: name, unit: `UBND xã ${name}`, level: 'Xã', parent: DISTRICT, period: 'Năm', year: 2022,
  figures: { A1: a1, A6: 2, D1: 0, D2: 100, D3: 0, D4: 100, D5: 0, D6: 0, D7: 0, D8: 0 },
  tasks: [{ stt: 1, name: 'Tuyên truyền trên Trang thông tin điện tử', done: true, result: 'Đã thực hiện' }],
});

async function run(argv: string[]) {
  const cap = captureIo();
  const code = await main(argv, cap.io);
  return { code, out: cap.out(), err: cap.err() };
}

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => { tmp = tempDir('tonghop-approval-'); });
afterEach(() => tmp.cleanup());

/** The compiling workbook with a very hidden record sheet holding `rows` (ExcelJS writes it). */
async function withRecord(bytes: Buffer, rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(APPROVAL_SHEET_NAME) ?? wb.addWorksheet(APPROVAL_SHEET_NAME, { state: 'veryHidden' });
  rows.forEach((r, i) => { ws.getRow(i + 1).values = r; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The book of three communes; Hương Lộc approved, Hương Phú returned, Thượng Quảng not looked at; `edit` changes Hương Lộc after approval. */
async function compilingBook(edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const file = path.join(tmp.dir, 'so-tong-hop.xlsx');
  // The sheets as they are when approved, read as the command line reads them, for their fingerprints.
  const first = await withRecord(await unitWorkbook(commune('Hương Lộc', 20), commune('Hương Phú', 30), commune('Thượng Quảng', 40)), [[...APPROVAL_HEADERS]]);
  fs.writeFileSync(file, first);
  const grids = await readXlsxFile(file);
  const print = (sheet: string) => sheetFingerprint(grids.find((g) => g.sheet === sheet)!);
  const rec = (sheet: string, state: ApprovalRecord['state'], reason?: string): string[] =>
    approvalRow({ unit: `UBND xã ${sheet}`, sheet, state, time: '2025-11-05T09:00:00', fingerprint: print(sheet), ...(reason ? { reason } : {}) });
  let bytes = await withRecord(first, [[...APPROVAL_HEADERS], rec('Hương Lộc', APPROVED), rec('Hương Phú', RETURNED, 'Thiếu minh chứng số liệu A1')]);
  if (edit) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    edit(wb);
    bytes = Buffer.from(await wb.xlsx.writeBuffer());
  }
  fs.writeFileSync(file, bytes);
  return file;
}

const jsonOf = (out: string): ResultJson => JSON.parse(out) as ResultJson;

describe('tonghop and the approval record', () => {
  it('compile --approved-only: counts the approved report only and names the others; the record is not read as a report', async () => {
    const book = await compilingBook();
    const all = await run(['compile', book, '-o', path.join(tmp.dir, 'th.xlsx'), '--json', '-', '-q']);
    expect(all.code).toBe(0);
    const plain = jsonOf(all.out);
    expect(plain.reports.map((r) => [r.sheet, r.approval])).toEqual([['Hương Lộc', 'Đã duyệt'], ['Hương Phú', 'Trả lại'], ['Thượng Quảng', undefined]]);
    expect(plain.summaries[0].figures.A1).toBe(90);
    expect(plain.findings.filter((f) => f.severity === 'error')).toEqual([]);

    const only = await run(['compile', book, '-o', path.join(tmp.dir, 'th2.xlsx'), '--approved-only', '--json', '-', '-q']);
    expect(only.code).toBe(0);
    const r = jsonOf(only.out);
    expect(r.reports.map((x) => x.counted)).toEqual([true, false, false]);
    expect(r.summaries[0].figures.A1).toBe(20);
    expect(r.findings.filter((f) => f.rule === 'approval.not-approved').map((f) => [f.unit, f.sheet])).toEqual([
      ['UBND xã Hương Phú', 'Hương Phú'], ['UBND xã Thượng Quảng', 'Thượng Quảng'],
    ]);
  });

  it('an approved sheet changed since (in another program) is an error naming unit and sheet; --approved-only then counts nothing of it', async () => {
    const book = await compilingBook((wb) => {
      const ws = wb.getWorksheet('Hương Lộc')!;
      ws.eachRow((row) => { if (row.getCell(1).value === 'A1') row.getCell(4).value = 21; });
    });
    const res = await run(['check', book, '--approved-only', '--json']);
    const r = jsonOf(res.out);
    const changed = r.findings.filter((f) => f.rule === 'approval.changed');
    expect(changed.map((f) => [f.severity, f.unit, f.sheet, f.file])).toEqual([['error', 'UBND xã Hương Lộc', 'Hương Lộc', path.basename(book)]]);
    expect(changed[0].message).toContain('nhưng đã bị sửa sau đó: việc duyệt không còn giá trị');
    expect(r.reports.every((x) => !x.counted)).toBe(true);
  });

  it('feedback: the reason of a returned report is in its Phiếu phản hồi', async () => {
    const book = await compilingBook();
    const dir = path.join(tmp.dir, 'phan-hoi');
    const res = await run(['feedback', book, '-o', dir]);
    expect(res.code).toBe(0);
    const name = fs.readdirSync(dir).find((f) => f.includes('Hương Phú'))!;
    expect(name).toBeDefined();
    const text = textOf((await openDocx(fs.readFileSync(path.join(dir, name)))).document);
    expect(text).toContain('Thiếu minh chứng số liệu A1');

    // With --approved-only the reviewer's own notes (not approved, left out) stay out of the units' letters.
    const dir2 = path.join(tmp.dir, 'phan-hoi-2');
    expect((await run(['feedback', book, '--approved-only', '-o', dir2])).code).toBe(0);
    const texts = await Promise.all(fs.readdirSync(dir2).map(async (f) => textOf((await openDocx(fs.readFileSync(path.join(dir2, f)))).document)));
    expect(texts.join('\n')).toContain('Thiếu minh chứng số liệu A1');
    expect(texts.join('\n')).not.toMatch(/chưa được duyệt|Chỉ tổng hợp báo cáo đã duyệt/);
    // A unit whose report was received but is not approved yet is not chased as missing.
    expect(fs.readdirSync(dir2)).not.toContain('Cong-van-don-doc.docx');
  });
});
