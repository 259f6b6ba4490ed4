import * as fs from 'fs';
import * as path from 'path';
import { NO_CACHED_VALUE, cellAt } from '../../src/core/grid';
import { readWorkbook, readXlsxBuffer, XlsxReadError } from '../../src/xlsx/read';
import { expandInputs, readXlsxFileSafely } from '../../src/xlsx/read-file';
import {
  docxLikeZipBytes, encryptedWorkbookBytes, exceljsWorkbook, oldXlsBytes, tempDir, truncated, unitWorkbook,
} from '../helpers/xlsx-files';

const SPEC = {
  unit: 'UBND xã Hương Lộc', level: 'Xã', parent: 'UBND huyện Nam Đông', period: 'Năm', year: 2022,
  figures: { A1: 'hơn 20', A2: 10, D2: 1031, D4: 1031 },
};

function readError(bytes: Uint8Array, name: string): XlsxReadError {
  try {
    readXlsxBuffer(bytes, name);
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  throw new Error('expected XlsxReadError');
}

describe('readXlsxBuffer: values', () => {
  it('gives numbers, text, errors, dates as serials and formulas by their cached value', async () => {
    const bytes = await exceljsWorkbook((wb) => {
      const ws = wb.addWorksheet('Hương Lộc');
      ws.getCell('B2').value = 'Mã mẫu';
      ws.getCell('C2').value = 'TTCCHC-1';
      ws.getCell('D3').value = { formula: '10+5', result: 15 };
      ws.getCell('D4').value = { formula: 'A1+2' } as never; // never calculated: no cached value
      ws.getCell('D5').value = { error: '#N/A' };
      ws.getCell('D6').value = new Date(Date.UTC(2022, 9, 15));
      ws.getCell('D7').value = '=1+1 ghi chú';
      ws.getCell('D8').value = true;
      ws.getCell('E9').value = 1031;
    });
    const [grid] = readXlsxBuffer(bytes, 'huong-loc.xlsx');
    expect(grid.sheet).toBe('Hương Lộc');
    expect(grid.file).toBe('huong-loc.xlsx');
    // The used range starts at B2: cells[0][0] is B2.
    expect([grid.originRow, grid.originCol]).toEqual([1, 1]);
    const at = (a1Row: number, col: string) => cellAt(grid, a1Row - 1 - grid.originRow, col.charCodeAt(0) - 65 - grid.originCol);
    expect(at(2, 'B')).toBe('Mã mẫu');
    expect(at(3, 'D')).toBe(15);
    expect(at(4, 'D')).toEqual({ error: NO_CACHED_VALUE });
    expect(at(5, 'D')).toEqual({ error: '#N/A' });
    // 15/10/2022 is serial 44849 in Excel's 1900 date system.
    expect(at(6, 'D')).toBe(44849);
    expect(at(7, 'D')).toBe('=1+1 ghi chú');
    expect(at(8, 'D')).toBe(true);
    expect(at(9, 'E')).toBe(1031);
    expect(at(9, 'D')).toBeNull();
  });

  it('puts a merged area\'s value in its top-left cell only, and empty styled cells are null', async () => {
    const bytes = await exceljsWorkbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 'BÁO CÁO';
      ws.mergeCells('A1:F1');
      ws.getCell('B3').border = { top: { style: 'thin' } }; // a styled empty cell
      ws.getCell('A3').value = 'Cấp';
      ws.getCell('C3').value = 'Xã';
    });
    const [grid] = readXlsxBuffer(bytes, 'a.xlsx');
    expect([grid.originRow, grid.originCol]).toEqual([0, 0]);
    expect(cellAt(grid, 0, 0)).toBe('BÁO CÁO');
    for (let c = 1; c <= 5; c++) expect(cellAt(grid, 0, c)).toBeNull();
    expect(cellAt(grid, 2, 1)).toBeNull();
    expect(cellAt(grid, 2, 2)).toBe('Xã');
  });

  it('reads every sheet in workbook order, a unit sheet written by our writer included', async () => {
    const bytes = await unitWorkbook({ ...SPEC, sheetName: 'Hương Lộc' }, { ...SPEC, unit: 'UBND xã Hương Phú', sheetName: 'Hương Phú' });
    const grids = readXlsxBuffer(bytes, 'x.xlsx');
    expect(grids.map((g) => g.sheet)).toEqual(['Hương Lộc', 'Hương Phú']);
    const flat = grids[0].cells.flat();
    expect(flat).toContain('UBND xã Hương Lộc');
    expect(flat).toContain('hơn 20');
    expect(flat).toContain(1031);
    expect(flat).not.toContain(''); // empty cells are null, never ''
  });
});

describe('readXlsxBuffer: files that are not a readable .xlsx', () => {
  it('says a password-protected workbook must have its password removed', () => {
    const e = readError(encryptedWorkbookBytes(), 'bao-cao.xlsx');
    expect(e.reason).toBe('encrypted');
    expect(e.message).toMatch(/mật khẩu/);
    expect(e.message).toContain('bao-cao.xlsx');
  });

  it('reads an old .xls, with a warning naming the file and asking for .xlsx next time', () => {
    const { grids, warnings } = readWorkbook(oldXlsBytes(), 'cu.xls');
    expect(grids[0].cells[0]).toEqual(['Mã mẫu', 'TTCCHC-1']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"cu.xls"');
    expect(warnings[0]).toMatch(/Excel 97–2003 \(\.xls\).*lưu dưới dạng "Sổ làm việc Excel \(\.xlsx\)"/);
  });

  it('rejects a .docx renamed to .xlsx, a CSV and a text file, naming the accepted formats', async () => {
    for (const [bytes, name] of [
      [await docxLikeZipBytes(), 'word.xlsx'],
      [Buffer.from('Mã,Số liệu\nA1,20\n', 'utf8'), 'so-lieu.xlsx'],
      [Buffer.from('%PDF-1.4 …'), 'scan.xlsx'],
    ] as const) {
      const e = readError(bytes, name);
      expect(e.reason).toBe('not-xlsx');
      expect(e.message).toContain(name);
      expect(e.message).toMatch(/Nhận tệp Excel \.xlsx \(đọc được cả .*\.xls, \.xlsb, \.ods\)/);
    }
  });

  it('reports a corrupt zip as a damaged file, not a crash', async () => {
    const good = await unitWorkbook(SPEC);
    const e = readError(truncated(good), 'hong.xlsx');
    expect(e.reason).toBe('corrupt');
    expect(e.message).toMatch(/bị hỏng/);
    const garbled = Buffer.from(good);
    for (let i = 100; i < garbled.length; i += 7) garbled[i] ^= 0x5a;
    expect(readError(garbled, 'rac.xlsx').reason).toMatch(/corrupt|not-xlsx/);
  });

  it('reports an empty file', () => {
    expect(readError(new Uint8Array(0), 'rong.xlsx').reason).toBe('empty');
  });
});

describe('expandInputs and readXlsxFileSafely', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => { tmp = tempDir(); });
  afterEach(() => tmp.cleanup());

  it('expands a folder to its workbooks (.xlsx, .xls, .xltx…) sorted by name, skipping lock files, warning about .csv', async () => {
    const good = await unitWorkbook(SPEC);
    for (const n of ['xa-huong-phu.xlsx', 'Xa-huong-loc.xlsx', '~$xa-huong-loc.xlsx', 'ghi-chu.txt', 'cu.xls', 'mau.xltx', 'so-lieu.csv']) {
      fs.writeFileSync(path.join(tmp.dir, n), good);
    }
    fs.mkdirSync(path.join(tmp.dir, 'con'));
    const { files, findings } = await expandInputs([tmp.dir]);
    expect(files.map((f) => path.basename(f))).toEqual(['cu.xls', 'mau.xltx', 'Xa-huong-loc.xlsx', 'xa-huong-phu.xlsx']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', unit: 'so-lieu.csv', sheet: '', cell: '', rule: 'file.not-xlsx' });
  });

  it('turns a missing file, a non-.xlsx file and an empty folder into error findings, keeping good inputs', async () => {
    const good = path.join(tmp.dir, 'tot.xlsx');
    fs.writeFileSync(good, await unitWorkbook(SPEC));
    const txt = path.join(tmp.dir, 'bao-cao.docx');
    fs.writeFileSync(txt, 'x');
    const empty = path.join(tmp.dir, 'rong');
    fs.mkdirSync(empty);
    const { files, findings } = await expandInputs([path.join(tmp.dir, 'khong-co.xlsx'), txt, empty, good, good]);
    expect(files).toEqual([good]);
    expect(findings.map((f) => [f.severity, f.rule])).toEqual([
      ['error', 'file.missing'], ['error', 'file.not-xlsx'], ['error', 'input.empty-folder'],
    ]);
    expect(findings[0].message).toMatch(/Không tìm thấy/);
    expect(findings[1].unit).toBe('bao-cao.docx');
    expect(findings[2].message).toMatch(/không có sổ Excel nào/);
  });

  it('gives one file-level error finding for a bad file', async () => {
    const bad = path.join(tmp.dir, 'mat-khau.xlsx');
    fs.writeFileSync(bad, encryptedWorkbookBytes());
    const r = await readXlsxFileSafely(bad);
    expect(r.grids).toEqual([]);
    expect(r.findings).toEqual([
      expect.objectContaining({ severity: 'error', unit: 'mat-khau.xlsx', file: 'mat-khau.xlsx', sheet: '', cell: '', rule: 'file.encrypted' }),
    ]);
    const ok = path.join(tmp.dir, 'ok.xlsx');
    fs.writeFileSync(ok, await unitWorkbook(SPEC));
    const r2 = await readXlsxFileSafely(ok);
    expect(r2.findings).toEqual([]);
    expect(r2.grids[0].file).toBe('ok.xlsx');
    // An .xltx (a template saved by a unit) is read by the fast path, with the format warning.
    const tpl = path.join(tmp.dir, 'mau.xltx');
    fs.writeFileSync(tpl, await unitWorkbook(SPEC));
    const r3 = await readXlsxFileSafely(tpl);
    expect(r3.grids).toEqual(r2.grids.map((g) => ({ ...g, file: 'mau.xltx' })));
    expect(r3.findings).toEqual([expect.objectContaining({ severity: 'warning', unit: 'mau.xltx', rule: 'file.other-format' })]);
    expect(r3.findings[0].message).toMatch(/"mau\.xltx" ở định dạng mẫu Excel \(\.xltx\)/);
  });
});
