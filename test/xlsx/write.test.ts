import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import type { OutputSheet } from '../../src/core/sheet-model';
import { NUMBER_FORMATS } from '../../src/core/sheet-model';
import { PAPER_A4, writeXlsx } from '../../src/xlsx/write';
import { readXlsxBuffer } from '../../src/xlsx/read';

const SUMMARY: OutputSheet = {
  name: 'Tổng hợp Nam Đông',
  role: 'summary',
  unit: 'UBND huyện Nam Đông',
  rows: [
    [{ v: 'TỔNG HỢP SỐ LIỆU', style: { bold: true, fontSize: 14, align: 'center' } }],
    [],
    [
      { v: 'Đơn vị', style: { bold: true, border: true, fill: '#DDEBF7', wrap: true } },
      { v: 'A1', style: { bold: true, border: true } },
      { v: 'Tỷ lệ', style: { bold: true, border: true } },
      { v: 'Ghi chú', style: { bold: true, border: true } },
    ],
    [
      { v: 'UBND xã Hương Lộc', style: { border: true, numberFormat: '@' } },
      { v: 1031, style: { border: true, numberFormat: NUMBER_FORMATS.count } },
      { v: 0.998, style: { border: true, numberFormat: NUMBER_FORMATS.percent } },
      { v: '=SUM(A1:A9) là ghi chú của đơn vị', style: { border: true, numberFormat: '@', italic: true, color: '#C00000' } },
    ],
    [{ v: '+84 234 3871 234', style: { numberFormat: '@' } }, { v: null }, { v: Number.NaN }, { v: '-' }],
  ],
  merges: ['A1:D1'],
  columnWidths: [30, 12, 10, 40],
  rowHeights: { 0: 28 },
  freeze: { rows: 3, cols: 1 },
  print: { orientation: 'landscape', repeatRows: [3, 3] },
  validations: [
    { range: 'B4:B5', type: 'wholeNumber', min: 0, error: 'Nhập số nguyên không âm' },
    { range: 'C4:C5', type: 'decimal', min: 0, max: 24 },
    { range: 'D6', type: 'list', values: ['Hoàn thành', 'Chưa hoàn thành'] },
  ],
  protection: { unlockedRanges: ['B4:C5'] },
};

const FINDINGS: OutputSheet = {
  name: 'Kiểm tra',
  role: 'findings',
  rows: [[{ v: 'Mức độ' }, { v: 'Ô' }], [{ v: 'Lỗi' }, { v: "'Hương Lộc'!D14" }]],
  merges: [],
  columnWidths: [10, 20],
  print: { orientation: 'portrait' },
};

describe('writeXlsx', () => {
  let buf: Buffer;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    buf = await writeXlsx([SUMMARY, FINDINGS]);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  });

  it('writes the sheets in order with their names', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp Nam Đông', 'Kiểm tra']);
  });

  it('keeps a note starting with = + - as a text cell, never a formula', () => {
    const sheet = XLSX.read(buf, { type: 'buffer', cellFormula: true }).Sheets['Tổng hợp Nam Đông'];
    for (const a of ['D4', 'A5', 'D5']) {
      expect(sheet[a].t).toBe('s');
      expect(sheet[a].f).toBeUndefined();
    }
    expect(sheet.D4.v).toBe('=SUM(A1:A9) là ghi chú của đơn vị');
    const ws = wb.getWorksheet('Tổng hợp Nam Đông')!;
    expect(ws.getCell('D4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('D4').numFmt).toBe('@');
  });

  it('writes numbers as numbers with their formats, and no value for null or NaN', () => {
    const ws = wb.getWorksheet('Tổng hợp Nam Đông')!;
    expect(ws.getCell('B4').value).toBe(1031);
    expect(ws.getCell('B4').numFmt).toBe('#,##0');
    expect(ws.getCell('C4').numFmt).toBe('0.0%');
    expect(ws.getCell('B5').value).toBeNull();
    expect(ws.getCell('C5').value).toBeNull();
  });

  it('applies fonts, fills, borders, wrap, merges, widths, heights and frozen panes', () => {
    const ws = wb.getWorksheet('Tổng hợp Nam Đông')!;
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14, name: 'Times New Roman' });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(ws.getCell('A3').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('A3').border.top).toMatchObject({ style: 'thin' });
    expect(ws.getCell('A3').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('D4').font).toMatchObject({ italic: true, color: { argb: 'FFC00000' } });
    expect(ws.getCell('B1').isMerged).toBe(true);
    expect(ws.getCell('B1').master.address).toBe('A1');
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(4).width).toBe(40);
    expect(ws.getRow(1).height).toBe(28);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3 });
  });

  it('writes a grown row\'s height without the custom mark, so Excel fits it to what is typed; other heights are fixed', async () => {
    const grown = await writeXlsx([{ ...FINDINGS, rowHeights: { 0: 33, 1: 48 }, growRows: [1] }]);
    const xml = XLSX.read(grown, { type: 'buffer', bookFiles: true }) as unknown as { files: Record<string, { content: Uint8Array }> };
    const sheet = new TextDecoder().decode(Object.entries(xml.files).find(([k]) => /sheet1\.xml$/.test(k))![1].content);
    expect(sheet.match(/<row [^>]*>/g)).toEqual(['<row r="1" ht="33" customHeight="1">', '<row r="2" ht="48">']);
  });

  it('sets A4, orientation, fit to width and repeated title rows for printing', () => {
    const ws = wb.getWorksheet('Tổng hợp Nam Đông')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: PAPER_A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(wb.getWorksheet('Kiểm tra')!.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
  });

  it('writes data validations and protects the sheet leaving the input cells unlocked', () => {
    const ws = wb.getWorksheet('Tổng hợp Nam Đông')!;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const byRange = (addr: string) => Object.entries(dv).find(([k]) => k.includes(addr.split(':')[0]))?.[1];
    expect(byRange('B4')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(byRange('C4')).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 24] });
    expect(byRange('D6')).toMatchObject({ type: 'list', formulae: ['"Hoàn thành,Chưa hoàn thành"'] });
    expect((ws as unknown as { sheetProtection: { sheet: boolean } | null }).sheetProtection?.sheet).toBe(true);
    expect(ws.getCell('B4').protection).toMatchObject({ locked: false });
    expect(ws.getCell('C5').protection).toMatchObject({ locked: false });
    expect(ws.getCell('A4').protection?.locked).not.toBe(false);
    // Unlocked cells keep their own style (no shared style object mutated).
    expect(ws.getCell('D4').protection?.locked).not.toBe(false);
    expect(wb.getWorksheet('Kiểm tra')!.getCell('A1').protection?.locked).not.toBe(false);
  });

  it('reads back through our reader with the same values', () => {
    const grids = readXlsxBuffer(buf, 'out.xlsx');
    expect(grids[0].cells[3]).toEqual(['UBND xã Hương Lộc', 1031, 0.998, '=SUM(A1:A9) là ghi chú của đơn vị']);
    expect(grids[1].cells[1]).toEqual(['Lỗi', "'Hương Lộc'!D14"]);
  });

  it('cuts a text longer than Excel allows in a cell (32,767 characters) instead of writing a damaged file', async () => {
    const long = 'x'.repeat(40000);
    const out = await writeXlsx([{ ...FINDINGS, rows: [[{ v: long }]] }]);
    const [grid] = readXlsxBuffer(out, 'l.xlsx');
    const v = grid.cells[0][0] as string;
    expect(v).toHaveLength(32767);
    expect(v.endsWith('…')).toBe(true);
  });

  it('makes invalid or duplicate sheet names valid instead of failing', async () => {
    const out = await writeXlsx([
      { ...FINDINGS, name: 'Tổng hợp: huyện/xã [2022]' },
      { ...FINDINGS, name: 'kiểm tra' },
      { ...FINDINGS, name: 'Kiểm tra' },
    ]);
    const names = XLSX.read(out, { type: 'buffer' }).SheetNames;
    expect(names).toEqual(['Tổng hợp huyện xã 2022', 'kiểm tra', 'Kiểm tra (2)']);
  });
});

describe('list validations', () => {
  it('offers the levels with a comma (Phòng, ban; Sở, ngành) as one clean item each, read back as the same level', async () => {
    const { LEVEL_NAMES } = await import('../../src/core/template');
    const { parseLevel } = await import('../../src/core/reader');
    const sheet: OutputSheet = {
      name: 'Mẫu', role: 'template', rows: [[{ v: 'Cấp' }, { v: 'Xã' }]], merges: [], columnWidths: [10, 10],
      print: { orientation: 'portrait' },
      validations: [{ range: 'B1', type: 'list', values: [...LEVEL_NAMES] }],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx([sheet])) as unknown as ArrayBuffer);
    const dv = (wb.getWorksheet('Mẫu') as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const formula = String(Object.values(dv)[0].formulae[0]);
    const items = formula.replace(/^"|"$/g, '').split(',');
    expect(items).toEqual(['Xã', 'Phòng ban', 'Huyện', 'Sở ngành', 'Tỉnh']);
    expect(items.map((i) => parseLevel(i))).toEqual([...LEVEL_NAMES]);
  });
});
