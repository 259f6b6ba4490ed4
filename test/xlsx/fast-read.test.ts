/** The fast Node reader gives exactly what SheetJS gives, and steps aside for what it does not read. */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { readXlsxFast, unescapeXml } from '../../src/xlsx/fast-read';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { encryptedWorkbookBytes, exceljsWorkbook, unitWorkbook } from '../helpers/xlsx-files';
import { packZip, partsOf } from '../helpers/zip-build';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

describe('readXlsxFast', () => {
  it('equals SheetJS on every example file', () => {
    const names = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx'));
    expect(names.length).toBeGreaterThan(10);
    for (const n of names) {
      const bytes = fs.readFileSync(path.join(EXAMPLES, n));
      const fast = readXlsxFast(bytes, n);
      expect(fast).not.toBeNull();
      expect([n, fast]).toEqual([n, readXlsxBuffer(bytes, n)]);
    }
  });

  it('equals SheetJS on odd cells: rich text, entities, line breaks, errors, booleans, formulas, dates, a shifted used range', async () => {
    const bytes = await exceljsWorkbook((wb) => {
      const ws = wb.addWorksheet('Lạ & <khác>');
      ws.getCell('C3').value = { richText: [{ text: 'Hương ', font: { bold: true } }, { text: 'Lộc' }] };
      ws.getCell('C4').value = 'A & B < C > "D" \'E\'';
      ws.getCell('C5').value = 'dòng 1\r\ndòng 2';
      ws.getCell('C6').value = { error: '#DIV/0!' };
      ws.getCell('C7').value = false;
      ws.getCell('C8').value = { formula: '"a"&"b"', result: 'ab' };
      ws.getCell('C9').value = { formula: '1/0', result: { error: '#DIV/0!' } } as never;
      ws.getCell('C10').value = { formula: 'A1' } as never;
      ws.getCell('C11').value = new Date(Date.UTC(2022, 9, 20));
      ws.getCell('D12').value = 1.5e-7;
      ws.getCell('E13').value = '  khoảng trắng  ';
      ws.getCell('F14').border = { top: { style: 'thin' } };
      wb.addWorksheet('Trống');
    });
    const fast = readXlsxFast(bytes, 'la.xlsx');
    expect(fast).not.toBeNull();
    expect(fast).toEqual(readXlsxBuffer(bytes, 'la.xlsx'));
    expect(fast![0]).toMatchObject({ sheet: 'Lạ & <khác>', originRow: 2, originCol: 2 });
    expect(fast![0].cells[0][0]).toBe('Hương Lộc');
    expect(fast![1].cells).toEqual([]);
  });

  it('equals SheetJS on a workbook SheetJS wrote (inline strings, no dimension quirks)', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Mã mẫu', 'TTCCHC-1'], [null, 3, true], ['x', -2.5]]), 'S');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    expect(readXlsxFast(bytes, 's.xlsx')).toEqual(readXlsxBuffer(bytes, 's.xlsx'));
  });

  it('returns null (SheetJS decides) for a non-zip, an encrypted file, a broken zip', async () => {
    expect(readXlsxFast(Buffer.from('Mã,Số\n'), 'a.xlsx')).toBeNull();
    expect(readXlsxFast(encryptedWorkbookBytes(), 'b.xlsx')).toBeNull();
    const good = await unitWorkbook({ unit: 'UBND xã A', level: 'Xã', parent: 'B', period: 'Năm', year: 2022, figures: {} });
    expect(readXlsxFast(good.subarray(0, good.length - 30), 'c.xlsx')).toBeNull();
  });

  it('reads every part whole whatever its declared size says, and a good file after a damaged one', async () => {
    const good = await unitWorkbook({ unit: 'UBND xã A', level: 'Xã', parent: 'B', period: 'Năm', year: 2022, figures: { A1: 3 } });
    const expected = readXlsxBuffer(good, 'a.xlsx');
    const parts = await partsOf(good);
    const sheet = 'xl/worksheets/sheet1.xml';
    // The directory says less than the part inflates to (or more): the reader takes the part as it is.
    for (const size of [10, 1_000_000]) {
      const odd = packZip(parts.map((p) => (p.name === sheet ? { ...p, size } : p)));
      expect([size, readXlsxFast(odd, 'a.xlsx')]).toEqual([size, expected]);
    }
    // A sheet part cut short: SheetJS decides; the next file still reads.
    const cut = packZip(parts.map((p) => (p.name === sheet ? { ...p, deflated: p.deflated.subarray(0, p.deflated.length >> 1) } : p)));
    expect(readXlsxFast(cut, 'c.xlsx')).toBeNull();
    expect(readXlsxFast(good, 'a.xlsx')).toEqual(expected);
  });

  it('unescapes XML entities and Excel _xHHHH_ escapes', () => {
    expect(unescapeXml('a &amp; b &lt;c&gt; &#272;&#x1EA1;i _x000D_')).toBe('a & b <c> Đại \r');
  });
});
