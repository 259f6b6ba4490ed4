/**
 * Sheet names cut to Excel's 31 characters at a word boundary (never
 * mid-word), still unique; one home:
 * src/core/layout/names.ts safeSheetName.
 */
import { safeSheetName } from '../../src/core/layout';
import { OUTPUT_PREFIXES, isOwnOutputSheet, sheetNameProblem, uniqueSheetNames } from '../../src/core/layout/names';
import { uniqueSheetNames as xlsxUniqueSheetNames } from '../../src/xlsx/write';
import { sheetNameProblem as excelSheetNameProblem } from '../../src/excel/sheet-names';
import { layoutTemplate } from '../../src/core/layout';
import { SHEET_NAME_MAX } from '../../src/core/sheet-model';

const words = (s: string): string[] => s.replace(/ \(\d+\)$/, '').split(' ');

describe('safeSheetName cuts at a word boundary', () => {
  it.each([
    'Mẫu Văn phòng Hội đồng nhân dân và Ủy ban nhân dân',
    'TH Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh',
    'Mẫu Trung tâm Phục vụ hành chính công tỉnh Quảng Trị',
  ])('%s: every word whole, at most 31 characters, unique when cut twice', (base) => {
    const taken = new Set<string>();
    const first = safeSheetName(base, taken);
    const second = safeSheetName(base, taken);
    const all = base.split(' ');
    for (const name of [first, second]) {
      expect(Array.from(name).length).toBeLessThanOrEqual(SHEET_NAME_MAX);
      // Each word of the name is a whole word of the base, in order.
      expect(words(name)).toEqual(all.slice(0, words(name).length));
    }
    expect(second).not.toBe(first);
    expect(second.endsWith(' (2)')).toBe(true);
  });

  it('a word that alone is longer than 31 characters is still cut, and a name that fits is kept', () => {
    expect(safeSheetName('x'.repeat(40))).toBe('x'.repeat(31));
    expect(safeSheetName('Mẫu Hương Lộc')).toBe('Mẫu Hương Lộc');
    // Exactly 31 characters followed by a space: nothing lost.
    const exact = 'Mẫu ' + 'a'.repeat(27);
    expect(safeSheetName(`${exact} bcd`)).toBe(exact);
  });

  it('the template of a long unit name gets a sheet name of whole words', () => {
    const sheet = layoutTemplate({ unit: 'Trung tâm Phục vụ hành chính công tỉnh', level: 'Sở, ngành', parent: 'UBND tỉnh Quảng Trị', period: 'Quý I', year: 2026 });
    expect(sheet.name).toBe('Mẫu Trung tâm Phục vụ hành');
  });
});

describe('one home for legal sheet names and the compiler\'s own prefixes (core/layout/names.ts)', () => {
  it('both writers name sheets alike; every name made is one Excel takes', () => {
    const bases = ['History', '', "'Hương Lộc'", 'a/b:c*d?[e]', 'TH Nam Đông', 'th nam đông', 'x'.repeat(40)];
    const names = uniqueSheetNames(bases.map((name) => ({ name })));
    expect(names.map(sheetNameProblem)).toEqual(bases.map(() => null));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toEqual(xlsxUniqueSheetNames(bases.map((name) => ({ name }))));
    expect(excelSheetNameProblem('a:b')).toBe(sheetNameProblem('a:b'));
  });

  it('every kind of sheet a compile writes is recognised as its own; a template is not', () => {
    for (const [role, prefix] of Object.entries(OUTPUT_PREFIXES)) {
      expect([role, isOwnOutputSheet(`${prefix} Nam Đông`)]).toEqual([role, role !== 'template']);
    }
  });
});
