import { formatNumber } from '../../src/core/numbers';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { readDossierWorkbook } from '../../src/core/tthc/read-export';
import type { DossierCode, DossierExport } from '../../src/core/tthc/model';
import {
  circularByField, exportBytes, flatOneRow, late, newerByUnit, pending, provinceByUnit, received, sampleFields, sampleUnits,
  type DossierRow, type Drawn,
} from '../helpers/tthc-exports';

/** Spec §12's mapping, by hand from a system's own counts. */
function expected(d: DossierRow, withdrawnColumns: (keyof DossierRow)[]): Record<DossierCode, number> {
  return {
    D1: d.carried,
    D2: received(d) - d.carried,
    D3: d.onlineFull + d.onlinePart,
    D4: d.early + d.onTime,
    D5: late(d),
    D6: pending(d),
    D9: withdrawnColumns.reduce((s, k) => s + (d[k] as number), 0),
    D10: d.pendingLate,
  };
}

function sum(rows: readonly DossierRow[]): DossierRow {
  const out = { ...rows[0], name: 'sum' };
  for (const k of Object.keys(out) as (keyof DossierRow)[]) if (k !== 'name') (out[k] as number) = rows.reduce((s, r) => s + (r[k] as number), 0);
  return out;
}

function read(drawn: Drawn, ext: 'xlsx' | 'xls'): DossierExport[] {
  const file = `mot-cua.${ext}`;
  return readDossierWorkbook(readXlsxBuffer(exportBytes(drawn, ext === 'xls' ? 'biff8' : 'xlsx'), file), file);
}

const values = (e: DossierExport, unit: number) =>
  Object.fromEntries(Object.entries(e.units[unit].figures).map(([k, f]) => [k, f!.value]));

describe.each(['xlsx', 'xls'] as const)('one-stop export as .%s', (ext) => {
  test('(a) Biểu số 06 by lĩnh vực: the Tổng cộng row of one unit, D9 = 0 without withdrawn columns', () => {
    const fields = sampleFields();
    const [e] = read(circularByField('UBND xã Hương Lộc', fields), ext);
    expect(e.layout).toBe('by-field');
    expect(e.units).toHaveLength(1);
    expect(e.units[0].unit).toBe('UBND xã Hương Lộc');
    expect(values(e, 0)).toEqual(expected(sum(fields), []));
    expect(e.span).toContain('14/03/2026');
    expect(e.asOf).toBe('2026-03-14');
    expect(e.findings).toEqual([]);
    // Each figure names the cells it came from: D2 is the total row's «Tổng số» less «Từ kỳ trước».
    expect(e.units[0].figures.D2!.from).toBe('D10 − G10');
    expect(e.units[0].figures.D4!.from).toBe('I10 + J10');
  });

  test('(b) province-wide by unit: group subtotal rows are not added, the Tổng số row agrees', () => {
    const units = sampleUnits();
    const [e] = read(provinceByUnit([{ name: 'Các xã', units: units.slice(0, 2) }, { name: 'Các phường', units: units.slice(2) }]), ext);
    expect(e.layout).toBe('by-unit');
    expect(e.units.map((u) => u.unit)).toEqual(units.map((u) => u.name));
    units.forEach((u, i) => expect(values(e, i)).toEqual(expected(u, ['withdrawn'])));
    expect(e.findings).toEqual([]);
  });

  test('(c) newer layout: online and overdue parts summed, withdrawn + returned + stopped, a Cộng khối row skipped', () => {
    const units = sampleUnits();
    const [e] = read(newerByUnit(units, 2), ext);
    expect(e.units.map((u) => u.unit)).toEqual(units.map((u) => u.name));
    units.forEach((u, i) => expect(values(e, i)).toEqual(expected(u, ['withdrawn', 'returned', 'stopped'])));
    expect(e.units[2].figures.D9!.from).toBe('P10 + Q10 + R10');
    expect(e.findings).toEqual([]);
  });
});

test('(d) a flat one-row header the reader was not designed around gives the same figures', () => {
  const units = sampleUnits();
  const [e] = read(flatOneRow(units), 'xlsx');
  units.forEach((u, i) => expect(values(e, i)).toEqual(expected(u, ['withdrawn'])));
});

test('a total row that disagrees with its detail rows is used, with a warning quoting both', () => {
  const fields = sampleFields();
  const total = sum(fields);
  const [e] = read(circularByField('UBND xã Hương Lộc', fields, { totalOverride: { direct: total.direct + 3 } }), 'xlsx');
  expect(e.units[0].figures.D2!.value).toBe(received(total) + 3 - total.carried);
  const w = e.findings.filter((f) => f.rule === 'tthc.total-mismatch');
  expect(w).toHaveLength(1);
  expect(w[0].message).toContain(`D2: dòng «Tổng cộng» ghi ${formatNumber(received(total) + 3 - total.carried)}`);
  expect(w[0].message).toContain(`cộng các dòng chi tiết được ${formatNumber(received(total) - total.carried)}`);
  expect(w[0].cell).toBe('D10');
});

test('what cannot be found is said plainly: a missing column, a file with no export', () => {
  const drawn = circularByField('UBND xã A', sampleFields());
  // Drop «Từ kỳ trước»: no D1, and D2 cannot be told from the total.
  drawn.rows[7][6] = 'Khác';
  const [e] = read(drawn, 'xlsx');
  expect(e.units[0].figures.D1).toBeUndefined();
  expect(e.units[0].figures.D2).toBeUndefined();
  const missing = e.findings.filter((f) => f.rule === 'tthc.column-missing').map((f) => f.message);
  expect(missing.some((m) => m.includes('«Từ kỳ trước»') && m.includes('không có D1') && m.includes('mot-cua.xlsx'))).toBe(true);

  const nameless = circularByField('UBND xã A', sampleFields());
  nameless.rows[3] = [];
  const [n] = read(nameless, 'xlsx');
  expect(n.units[0].unit).toBe('');
  expect(n.findings.map((f) => f.message)).toContain('Hệ thống một cửa, tệp «mot-cua.xlsx», trang «Sheet1»: phần đầu biểu không ghi tên đơn vị (dòng «Đơn vị: …»), không biết số liệu là của đơn vị nào.');

  const none = readDossierWorkbook([{ file: 'x.xlsx', sheet: 'Sheet1', originRow: 0, originCol: 0, cells: [['Danh sách cán bộ']] }], 'x.xlsx');
  expect(none[0].units).toEqual([]);
  expect(none[0].findings[0].message).toMatch(/Tệp «x\.xlsx» không có trang nào giống biểu xuất từ Hệ thống một cửa/);
});

test('a group row named like a unit (no STT, no «Cộng») is told by its figures being its units\' sum', () => {
  const units = sampleUnits();
  const drawn = provinceByUnit([{ name: 'Các xã', units: units.slice(0, 2) }, { name: 'Các phường', units: units.slice(2) }]);
  for (const r of drawn.rows) if (r[1] === 'I' || r[1] === 'II') r[1] = null;
  const [e] = read(drawn, 'xlsx');
  expect(e.units.map((u) => u.unit)).toEqual(units.map((u) => u.name));
  units.forEach((u, i) => expect(values(e, i)).toEqual(expected(u, ['withdrawn'])));
  expect(e.findings).toEqual([]);
});

test('a numbered unit whose figures happen to equal its neighbours\' sum stays a unit', () => {
  const [a, b] = sampleUnits();
  const c = { ...sum([a, b]), name: 'Xã Trùng Tổng' };
  const [e] = read(provinceByUnit([{ name: 'Các xã', units: [a, b, c] }]), 'xlsx');
  expect(e.units.map((u) => u.unit)).toEqual([a.name, b.name, c.name]);
  expect(values(e, 2)).toEqual(expected(c, ['withdrawn']));
});
