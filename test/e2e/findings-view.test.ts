/** How the pane arranges findings: by unit, units with errors first, errors before warnings. */
import type { Finding } from '../../src/core/findings';
import { filterFindings, foldRepeated, groupFindings, unitsPhrase } from '../../src/taskpane/findings-view';

const f = (severity: Finding['severity'], unit: string, cell: string, message = `${unit} ${cell}`): Finding => ({
  severity, unit, sheet: unit.replace(/^UBND /, ''), cell, rule: 'other.unknown', message,
});

describe('groupFindings', () => {
  it('puts units with an error first, keeps reading order otherwise, errors before warnings in a unit', () => {
    const groups = groupFindings([
      f('warning', 'UBND xã A', 'D14'),
      f('warning', 'UBND xã B', 'D15'),
      f('error', 'UBND xã C', 'D16'),
      f('warning', 'UBND xã C', 'B2'),
      f('error', 'UBND xã C', 'D20'),
      f('error', 'UBND xã B', 'D30'),
    ]);
    expect(groups.map((g) => g.unit)).toEqual(['UBND xã B', 'UBND xã C', 'UBND xã A']);
    expect(groups[1].findings.map((x) => x.cell)).toEqual(['D16', 'D20', 'B2']);
    expect(groups.map((g) => [g.errors, g.warnings])).toEqual([[1, 1], [2, 1], [0, 1]]);
  });

  it('puts "UBND xã Hương Lộc" and "Xã Hương Lộc" in one group, as the compile matches units', () => {
    const groups = groupFindings([f('warning', 'UBND xã Hương Lộc', 'D14'), f('error', 'Xã Hương Lộc', 'B2')]);
    expect(groups).toHaveLength(1);
    expect(groups[0].findings.map((x) => x.severity)).toEqual(['error', 'warning']);
  });

  it('names a finding about an unreadable file after the file', () => {
    const groups = groupFindings([{ severity: 'error', unit: '', file: 'hong.xlsx', sheet: '', cell: '', rule: 'file.unreadable', message: 'Tệp "hong.xlsx" rỗng.' }]);
    expect(groups[0].unit).toBe('hong.xlsx');
  });
});

describe('foldRepeated, unitsPhrase, filterFindings', () => {
  const same = (unit: string) => f('warning', unit, 'C8', `'${unit}'!C8: Chưa ghi ngày gửi.`);
  it('folds a message said the same way in three units or more, keeps the others by unit', () => {
    const own = f('error', 'UBND xã D', 'D14');
    const { repeated, rest } = foldRepeated([same('xã A'), same('xã B'), own, same('xã C')]);
    expect(repeated).toHaveLength(1);
    expect(repeated[0].text).toBe('Chưa ghi ngày gửi.');
    expect(repeated[0].findings).toHaveLength(3);
    expect(rest).toEqual([own]);
    expect(foldRepeated([same('xã A'), same('xã B')]).repeated).toEqual([]);
  });
  it('says a long list of units in one short line', () => {
    const names = Array.from({ length: 120 }, (_, i) => `xã ${i + 1}`);
    expect(unitsPhrase(names)).toBe('xã 1, xã 2 và 118 đơn vị khác');
    expect(unitsPhrase(['a', 'b', 'c'])).toBe('a, b, c');
  });
  it('filters by severity', () => {
    const all = [f('error', 'A', 'D1'), f('warning', 'A', 'D2')];
    expect(filterFindings(all, 'error').map((x) => x.cell)).toEqual(['D1']);
    expect(filterFindings(all, 'all')).toHaveLength(2);
  });
});
