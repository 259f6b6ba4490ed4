/** How the pane arranges findings: by unit, units with errors first, errors before warnings. */
import type { Finding } from '../../src/core/findings';
import { groupFindings } from '../../src/taskpane/findings-view';

const f = (severity: Finding['severity'], unit: string, cell: string, message = `${unit} ${cell}`): Finding => ({
  severity, unit, sheet: unit.replace(/^UBND /, ''), cell, rule: 'test', message,
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
