/**
 * Issue 9: what the field really sends. Each example file with one feature
 * of real producers planted into its XML (test/helpers/plant-xlsx.ts) must
 * be read the same by both readers (the fast one the command line uses,
 * SheetJS the add-in uses) and compile to exactly what the plain example
 * compiles to: what Excel shows did not change.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readFileSheets } from '../../src/cli/read-one';
import type { SheetGrid } from '../../src/core/grid';
import { readXlsxFast } from '../../src/xlsx/fast-read';
import { readWorkbook, readXlsxBuffer } from '../../src/xlsx/read';
import { compileDistrict, exampleGrids, whatUsersSee } from '../helpers/district';
import { EXAMPLES, FEATURES, plantedWorkbook, type Feature } from '../helpers/plant-xlsx';
import { tempDir } from '../helpers/xlsx-files';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip');

/** One real-data commune, the late one (a date cell), the five-sheet file, the hand-typed one, the plan. */
const FILES = ['xa-huong-loc.xlsx', 'xa-huong-huu.xlsx', 'phong-ban.xlsx', 'xa-thuong-quang.xlsx', 'ke-hoach.xlsx'];

const base = exampleGrids();
const plain = new Map(FILES.map((f) => [f, whatUsersSee(compileDistrict(base, f, base.get(f)!))]));

/** Grids without the sheets a feature adds that are not the unit's (a hidden list of choices). */
const reportSheets = (grids: SheetGrid[]) => grids.filter((g) => g.sheet !== 'DanhMuc');

describe('real-producer features planted into the example files', () => {
  for (const feature of FEATURES) {
    it(`${feature}: both readers agree, the fast one reads it, and the district compiles to the same figures and findings`, async () => {
      for (const file of FILES) {
        const bytes = await plantedWorkbook(file, [feature]);
        const fast = readXlsxFast(bytes, file);
        expect([file, fast === null]).toEqual([file, false]);
        const sheetjs = readXlsxBuffer(bytes, file);
        expect([file, fast]).toEqual([file, sheetjs]);
        expect([file, whatUsersSee(compileDistrict(base, file, reportSheets(sheetjs)))]).toEqual([file, plain.get(file)]);
      }
    });
  }

  it('all features at once', async () => {
    for (const file of FILES) {
      const bytes = await plantedWorkbook(file, FEATURES);
      const fast = readXlsxFast(bytes, file);
      expect(fast).not.toBeNull();
      expect(fast).toEqual(readXlsxBuffer(bytes, file));
      expect(whatUsersSee(compileDistrict(base, file, reportSheets(fast!)))).toEqual(plain.get(file));
    }
  });
});

describe('what each feature would have broken', () => {
  const late = (grids: SheetGrid[]) => compileDistrict(base, 'xa-huong-huu.xlsx', grids).summaries[0].children.find((c) => c.unit === 'UBND xã Hương Hữu');

  it('1904 dates: Ngày gửi 28/10/2022 stays late (Nộp muộn), the plan\'s Hạn nộp stays 20/10/2022', async () => {
    const bytes = await plantedWorkbook('xa-huong-huu.xlsx', ['date1904']);
    for (const grids of [readXlsxFast(bytes, 'h.xlsx')!, readXlsxBuffer(bytes, 'h.xlsx')]) {
      expect(grids[0].date1904).toBe(true);
      expect(late(grids)).toMatchObject({ status: 'Nộp muộn', sentDate: '2022-10-28' });
    }
    const plan = await plantedWorkbook('ke-hoach.xlsx', ['date1904']);
    const r = compileDistrict(base, 'ke-hoach.xlsx', readXlsxBuffer(plan, 'ke-hoach.xlsx'));
    expect(r.summaries[0].deadline).toBe('2022-10-20');
  });

  it('hidden sheets carry the flag in both readers; visible ones do not', async () => {
    const bytes = await plantedWorkbook('xa-huong-loc.xlsx', ['hiddenSheet']);
    for (const grids of [readXlsxFast(bytes, 'h.xlsx')!, readXlsxBuffer(bytes, 'h.xlsx')]) {
      expect(grids.map((g) => [g.sheet, g.hidden ?? false])).toEqual([['DanhMuc', true], ['Hương Lộc', false]]);
    }
  });

  it('a worksheet whose part is missing is named in a Vietnamese warning and the other sheets are read', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(EXAMPLES, 'phong-ban.xlsx')));
    zip.remove('xl/worksheets/sheet2.xml');
    const bytes: Buffer = await zip.generateAsync({ type: 'nodebuffer' });
    expect(readXlsxFast(bytes, 'pb.xlsx')).toBeNull();
    const errors = jest.spyOn(console, 'error');
    const { grids, warnings } = readWorkbook(bytes, 'pb.xlsx');
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    expect(grids.map((g) => g.sheet)).toEqual(base.get('phong-ban.xlsx')!.map((g) => g.sheet).filter((_, i) => i !== 1));
    expect(warnings).toEqual([expect.stringMatching(/^Trang ".*" của tệp "pb\.xlsx" bị hỏng/)]);
  });

  it('damaged XML (unclosed <c>) goes to SheetJS, which gives grids or a Vietnamese message, no English and nothing on the console', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(EXAMPLES, 'xa-huong-loc.xlsx')));
    const xml: string = await zip.file('xl/worksheets/sheet1.xml').async('string');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', `${'<row r="900"><c r="A900"><v>1</v>'.repeat(2000)}</sheetData>`));
    const bytes: Buffer = await zip.generateAsync({ type: 'nodebuffer' });
    expect(readXlsxFast(bytes, 'x.xlsx')).toBeNull();
    const errors = jest.spyOn(console, 'error');
    try {
      readXlsxBuffer(bytes, 'x.xlsx');
    } catch (e) {
      expect((e as Error).message).toMatch(/^Tệp "x\.xlsx" bị hỏng, không đọc được\. Hãy mở tệp trong Excel/);
    }
    // A zip cut in the middle of its central directory: SheetJS used to print thousands of lines.
    expect(() => readXlsxBuffer(bytes.subarray(0, bytes.length - 40), 'y.xlsx')).toThrow(/^Tệp "y\.xlsx" /);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('a workbook with no report or plan sheet is a finding, not silence', async () => {
    const tmp = tempDir();
    try {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(EXAMPLES, 'xa-huong-loc.xlsx')));
      const sst: string = await zip.file('xl/sharedStrings.xml').async('string');
      zip.file('xl/sharedStrings.xml', sst.replace('<t>Mã mẫu</t>', '<t>Ghi chép</t>'));
      const file = path.join(tmp.dir, 'ghi-chep.xlsx');
      fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
      const { reads, findings } = await readFileSheets(file);
      expect(reads.map((r) => r.kind)).toEqual(['skipped']);
      expect(findings).toEqual([expect.objectContaining({ severity: 'warning', rule: 'file.no-report', file: 'ghi-chep.xlsx' })]);
      expect(findings[0].message).toMatch(/"ghi-chep\.xlsx" không có trang báo cáo theo mẫu TTCCHC-1 nào.*Hương Lộc/);
    } finally {
      tmp.cleanup();
    }
  });
});

export type { Feature };
