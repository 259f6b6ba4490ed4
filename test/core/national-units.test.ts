import * as fs from 'fs';
import * as path from 'path';
import { findCommune, findProvince, provinces } from '../../src/core/national-units';

const CSV = path.resolve(__dirname, '..', '..', '..', 'shared', 'data', 'don-vi-hanh-chinh-2026.csv');

describe('the national list of provinces and communes', () => {
  it('holds 34 provinces and 3,321 communes (2,611 xã, 697 phường, 13 đặc khu), as its README says', () => {
    const all = provinces().flatMap((p) => p.communes);
    expect(provinces()).toHaveLength(34);
    expect(all).toHaveLength(3321);
    const byKind = (k: string) => all.filter((c) => c.kind === k).length;
    expect([byKind('Xã'), byKind('Phường'), byKind('Đặc khu')]).toEqual([2611, 697, 13]);
    expect(new Set(all.map((c) => c.code)).size).toBe(3321);
    expect(all.every((c) => /^\d{5}$/.test(c.code))).toBe(true);
  });

  it('is the same list as the shared CSV it was generated from, row for row', () => {
    const rows = fs.readFileSync(CSV, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    const shipped = provinces().flatMap((p) => p.communes.map((c) => [p.code, p.fullName, p.kind, c.code, c.kind]));
    expect(shipped).toEqual(rows.map((r) => [r[0], r[1], r[2], r[3], r[5]]));
    const names = provinces().flatMap((p) => p.communes.map((c) => `${c.kind} ${c.name}`.toLowerCase()));
    expect(names).toEqual(rows.map((r) => r[4].toLowerCase()));
  });

  it('names units as their reports do: UBND tỉnh/thành phố …, UBND xã/phường/đặc khu …', () => {
    const qt = findProvince('44')!;
    expect(qt.unitName).toBe('UBND tỉnh Quảng Trị');
    expect(findProvince('Huế')!.unitName).toBe('UBND thành phố Huế');
    expect(qt.communes.find((c) => c.code === '19363')?.unitName).toBe('UBND xã Vĩnh Linh');
    // The list writes one commune's kind in lower case; the name is still right.
    const bacSon = findCommune('06325')!;
    expect(bacSon.commune.unitName).toBe('UBND xã Bắc Sơn');
    expect(bacSon.province.fullName).toBe('Tỉnh Lạng Sơn');
    const dacKhu = provinces().flatMap((p) => p.communes).filter((c) => c.kind === 'Đặc khu');
    expect(dacKhu.every((c) => c.unitName.startsWith('UBND đặc khu '))).toBe(true);
  });

  it.each([
    ['Quảng Trị', '44'],
    ['quang tri', '44'],
    ['Tỉnh Quảng Trị', '44'],
    ['UBND tỉnh Quảng Trị', '44'],
    ['44', '44'],
    ['044', '44'],
    ['1', '01'],
    ['ha noi', '01'],
    ['TP. Hồ Chí Minh', '79'],
    ['thanh pho ho chi minh', '79'],
    ['Thanh Hóa', '38'],
    ['Khánh Hòa', '56'],
  ])('finds %s as province %s', (q, code) => {
    expect(findProvince(q)?.code).toBe(code);
  });

  it('finds nothing for an unknown or empty name (the caller lists the 34)', () => {
    expect(findProvince('Quảng Bình')).toBeUndefined();
    expect(findProvince('99')).toBeUndefined();
    expect(findProvince('  ')).toBeUndefined();
    expect(findCommune('99999')).toBeUndefined();
  });
});
