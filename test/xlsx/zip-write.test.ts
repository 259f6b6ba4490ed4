/**
 * The zip container (src/xlsx/zip-write.ts), read by programs we did not
 * write: Info-ZIP's unzip (Debian), JSZip, SheetJS and ExcelJS. The same
 * package with fflate's deflate (the pane) and Node's zlib (write-node.ts,
 * the command line) reads back the same.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { OutputSheet } from '../../src/core/sheet-model';
import { crc32, zipEntries, type ZipOptions } from '../../src/xlsx/zip-write';
import { fflateDeflateRaw } from '../../src/xlsx/deflate-fflate';
import { writeXlsx } from '../../src/xlsx/write';
import { writeXlsx as writeXlsxNode } from '../../src/xlsx/write-node';
import { readXlsxBuffer } from '../../src/xlsx/read';
import * as zlib from 'zlib';

const enc = new TextEncoder();
const files = [
  { name: 'Mẫu báo cáo/19363 Vĩnh Linh.txt', data: enc.encode('Ủy ban nhân dân xã Vĩnh Linh '.repeat(200)) },
  { name: 'empty.bin', data: new Uint8Array(0) },
  { name: 'random.bin', data: Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251) },
];

function unzipList(bytes: Uint8Array): { test: string; names: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-write-'));
  const file = path.join(dir, 'a.zip');
  fs.writeFileSync(file, bytes);
  const test = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
  const names = execFileSync('zipinfo', ['-1', file], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } }).trim().split('\n');
  fs.rmSync(dir, { recursive: true, force: true });
  return { test, names };
}

describe('zipEntries', () => {
  const cases: [string, ZipOptions][] = [
    ['deflated (fflate)', { deflateRaw: fflateDeflateRaw }],
    ['stored', { store: true }],
    ['deflated (Node zlib)', { deflateRaw: (d: Uint8Array) => zlib.deflateRawSync(d) }],
  ];
  it.each(cases)(
    '%s: unzip -t finds no error, the UTF-8 names and bytes come back',
    async (_label, options) => {
      const bytes = zipEntries(files, { when: new Date(2026, 2, 31, 14, 5, 8), ...options });
      const { test, names } = unzipList(bytes);
      expect(test).toMatch(/No errors detected/);
      expect(names).toEqual(files.map((f) => f.name));
      const zip = await JSZip.loadAsync(bytes);
      for (const f of files) expect(Buffer.from(await zip.file(f.name)!.async('uint8array')).equals(Buffer.from(f.data))).toBe(true);
      expect(zip.file(files[0].name)!.date.getUTCFullYear()).toBe(2026);
    },
  );

  it('its CRC-32 is the one zlib computes', () => {
    for (const f of files) expect(crc32(f.data)).toBe(zlib.crc32 ? zlib.crc32(f.data) >>> 0 : crc32(f.data));
    // The check value of the CRC-32 standard.
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('writeXlsx with either deflate', () => {
  const sheet: OutputSheet = {
    name: 'Mẫu Vĩnh Linh',
    role: 'template',
    unit: 'UBND xã Vĩnh Linh',
    rows: [[{ v: 'Đơn vị' }, { v: 'UBND xã Vĩnh Linh' }], [{ v: 'A1' }, { v: 12 }, { v: null, formula: 'B2*2' }]],
    merges: [],
    columnWidths: [20, 30, 10],
    print: { orientation: 'portrait' },
  };

  it('the pane\'s (fflate) and the command line\'s (zlib) packages read back the same in SheetJS and ExcelJS', async () => {
    const when = new Date(2026, 0, 1);
    const [browser, node] = [await writeXlsx([sheet], { date: when }), await writeXlsxNode([sheet], { date: when })];
    expect(unzipList(browser).test).toMatch(/No errors detected/);
    expect(readXlsxBuffer(new Uint8Array(browser), 'a.xlsx')).toEqual(readXlsxBuffer(new Uint8Array(node), 'a.xlsx'));
    for (const bytes of [browser, node]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('Mẫu Vĩnh Linh')!;
      expect(ws.getCell('B1').value).toBe('UBND xã Vĩnh Linh');
      expect(ws.getCell('B2').value).toBe(12);
      expect((ws.getCell('C2').value as { formula: string }).formula).toBe('B2*2');
    }
  });
});
