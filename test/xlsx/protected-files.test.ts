/**
 * Password-protected and damaged files, as real programs save them
 * (test/fixtures/protected, made by dev/protected-files/make.sh with
 * LibreOffice and Info-ZIP): each reader says in Vietnamese, naming the
 * file, what is wrong and what to do; no English of SheetJS, fflate or zlib
 * («Unsupported ZIP encryption», «invalid distance») reaches the user.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook, XlsxReadError } from '../../src/xlsx/read';
import { readXlsxFast } from '../../src/xlsx/fast-read';
import { readXlsxFileSafely } from '../../src/xlsx/read-file';
import { tempDir } from '../helpers/xlsx-files';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'protected');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const example = () => new Uint8Array(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'xa-huong-loc.xlsx')));

/** What the SheetJS reader (the add-in's file picker, the CLI's fallback) throws for these bytes. */
function sheetJsError(bytes: Uint8Array, name: string): XlsxReadError {
  try {
    readWorkbook(bytes, name);
  } catch (e) {
    return e as XlsxReadError;
  }
  throw new Error(`${name} was read`);
}

/** Words of the libraries' English messages (xlsx.js, fflate, zlib) that must never be shown. */
const ENGLISH = /\b(Unsupported|encryption|password|invalid|Error|undefined|Cannot|File is|zip data|length|header)\b/;

describe('password-protected workbooks saved by real programs', () => {
  const tmp = tempDir();
  const cases = [
    ['mat-khau-libreoffice.xlsx', 'LibreOffice «Save with password» (encrypted OOXML, an OLE container)'],
    ['zip-mat-khau.xlsx', 'a zip with encrypted parts (Info-ZIP zip -e), where SheetJS says «Unsupported ZIP encryption»'],
  ] as const;

  it.each(cases)('%s (%s): «được đặt mật khẩu (mã hoá)», naming the file, on the SheetJS reader', (name) => {
    const e = sheetJsError(fixture(name), name);
    expect(e).toBeInstanceOf(XlsxReadError);
    expect(e.reason).toBe('encrypted');
    expect(e.message).toContain(`Tệp "${name}" được đặt mật khẩu (mã hoá)`);
    expect(e.message).toMatch(/bỏ mật khẩu.*lưu lại rồi gửi lại/);
    expect(e.message).not.toMatch(ENGLISH);
  });

  it.each(cases)('%s: the command line (fast reader, then SheetJS) gives one finding file.encrypted', async (name) => {
    const file = path.join(tmp.dir, name);
    fs.writeFileSync(file, fixture(name));
    if (name.startsWith('zip')) expect(() => readXlsxFast(Buffer.from(fixture(name)), name)).toThrow(/được đặt mật khẩu/);
    const r = await readXlsxFileSafely(file);
    expect(r.grids).toEqual([]);
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'error', rule: 'file.encrypted', unit: name, file: name })]);
    expect(r.findings[0].message).not.toMatch(ENGLISH);
  });
});

describe('damaged files', () => {
  it('a real workbook damaged anywhere: always a Vietnamese XlsxReadError naming the file, never a library\'s English, never a hang (SheetJS looped forever on a cut zip)', () => {
    const good = example();
    // Deterministic damage: a byte flipped, a run zeroed, the tail cut, at many places of the file.
    let seed = 14;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const seen = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const bytes = good.slice();
      const at = 4 + rnd(bytes.length - 4);
      const kind = i % 3;
      if (kind === 0) bytes[at] ^= 1 + rnd(255);
      else if (kind === 1) bytes.fill(0, at, Math.min(bytes.length, at + 1 + rnd(64)));
      const input = kind === 2 ? bytes.subarray(0, at) : bytes;
      let thrown: unknown = null;
      try {
        readWorkbook(input, 'hong.xlsx');
      } catch (e) {
        thrown = e;
      }
      if (thrown === null) continue; // damage where nothing is read (a comment, padding) is not an error
      expect(thrown).toBeInstanceOf(XlsxReadError);
      const message = (thrown as Error).message;
      expect(message).toContain('"hong.xlsx"');
      expect(message).not.toMatch(ENGLISH);
      seen.add((thrown as XlsxReadError).reason);
    }
    expect(seen.has('corrupt')).toBe(true);
  });
});
