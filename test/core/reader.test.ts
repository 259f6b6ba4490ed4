/**
 * readSheet on one grid: recognition, identification block, section I
 * figures, section II tasks, section III assessment. Cell addresses are
 * asserted literally (canonical layout: id values in B1…, figure values in
 * column D from D14, task rows from row 39).
 */
import type { Finding } from '../../src/core/findings';
import { cellRef } from '../../src/core/findings';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { NO_CACHED_VALUE } from '../../src/core/grid';
import type { SheetRead, UnitReport } from '../../src/core/model';
import { readSheet } from '../../src/core/reader';
import { buildUnitGrid, makeUnitGrid, sampleSpec, UnitSpec } from '../helpers/unit-grid';

const SHEET = 'Hương Lộc';

function read(overrides: Partial<UnitSpec> = {}): { report: UnitReport; findings: Finding[]; read: SheetRead } {
  const r = readSheet(makeUnitGrid(sampleSpec({ sheet: SHEET, ...overrides })));
  if (r.kind !== 'report') throw new Error(`expected a report, got ${r.kind}`);
  return { report: r.report, findings: r.findings, read: r };
}

/** A small hand-written sheet: the recognition row `Mã mẫu | TTCCHC-1`, then `rows`, read as a report. */
function readRows(...rows: CellValue[][]): { report: UnitReport; findings: Finding[] } {
  const r = readSheet({ sheet: 'S', originRow: 0, originCol: 0, cells: [['Mã mẫu', 'TTCCHC-1'], ...rows] });
  if (r.kind !== 'report') throw new Error(`expected a report, got ${r.kind}`);
  return { report: r.report, findings: r.findings };
}

const only = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');

describe('recognising a unit sheet', () => {
  test('the canonical sheet is a report with no findings', () => {
    const { report, findings } = read();
    expect(findings).toEqual([]);
    expect(report.unit).toBe('UBND xã Hương Lộc');
    expect(report.identificationOk).toBe(true);
  });

  test.each(['ttcchc-1', ' TTCCHC - 1 ', 'TTCCHC-1 '])('template value %p is TTCCHC-1', (code) => {
    expect(readSheet(makeUnitGrid(sampleSpec({ templateCode: code }))).kind).toBe('report');
  });

  test('TTCCHC-2 is an unsupported version, named at the template cell, not misread', () => {
    const r = readSheet(makeUnitGrid(sampleSpec({ templateCode: 'TTCCHC-2', sheet: SHEET })));
    expect(r.kind).toBe('unsupported');
    if (r.kind !== 'unsupported') return;
    expect(r.version).toBe('TTCCHC-2');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ cell: 'B1', sheet: SHEET, rule: 'template.unsupported' });
    expect(r.findings[0].message).toContain('phiên bản mẫu chưa được hỗ trợ');
    expect(r.findings[0].message).toContain(cellRef(SHEET, 'B1'));
  });

  test('other sheets are skipped, not errors', () => {
    expect(readSheet({ sheet: 'Ghi chú', originRow: 0, originCol: 0, cells: [['Danh sách'], ['Mã', 'Tên']] })).toEqual({
      kind: 'skipped',
      source: { sheet: 'Ghi chú' },
    });
    expect(readSheet({ sheet: 'Trống', originRow: 0, originCol: 0, cells: [] }).kind).toBe('skipped');
  });

  test('the template label is looked for in the first 15 rows only', () => {
    const grid = makeUnitGrid(sampleSpec(), { insertRows: [0] });
    expect(readSheet(grid).kind).toBe('report'); // one row inserted: label on row 2
    const deep: SheetGrid = { ...grid, cells: [...Array(15).fill([]), ...grid.cells] };
    expect(readSheet(deep).kind).toBe('skipped');
  });

  test('a `Mã mẫu` label in a value cell position still counts (label found anywhere in the row)', () => {
    const grid: SheetGrid = { sheet: 'S', originRow: 0, originCol: 0, cells: [['BÁO CÁO', 'Mã mẫu:', 'TTCCHC-1'], ['Đơn vị báo cáo', 'UBND xã A']] };
    expect(readSheet(grid).kind).toBe('report');
  });

  test('`Mã mẫu: TTCCHC-1` written in one cell', () => {
    const grid: SheetGrid = { sheet: 'S', originRow: 0, originCol: 0, cells: [['Mã mẫu: TTCCHC-1'], ['Đơn vị báo cáo', 'UBND xã A']] };
    expect(readSheet(grid).kind).toBe('report');
    const v2 = readSheet({ ...grid, cells: [['Mã mẫu: TTCCHC-2']] });
    expect(v2.kind === 'unsupported' && v2.findings[0].cell).toBe('A1');
  });

  test('a blank form (no unit, no figure, no mark) is skipped, not counted as sent', () => {
    const blank = sampleSpec({ unit: null, figures: {}, tasks: [{ stt: 1, name: 'Việc A' }, { stt: 2, name: 'Việc B' }], assessment: undefined });
    expect(readSheet(makeUnitGrid(blank)).kind).toBe('skipped');
    // Anything filled makes it a report (with its findings).
    expect(readSheet(makeUnitGrid({ ...blank, figures: { A1: 3 } })).kind).toBe('report');
    expect(readSheet(makeUnitGrid({ ...blank, figures: { A1: 'abc' } })).kind).toBe('report');
    expect(readSheet(makeUnitGrid({ ...blank, tasks: [{ stt: 1, name: 'Việc A', done: true }] })).kind).toBe('report');
    expect(readSheet(makeUnitGrid({ ...blank, unit: 'UBND xã A' })).kind).toBe('report');
  });

  test('file and sheet are carried into the source and every finding', () => {
    const r = readSheet(makeUnitGrid(sampleSpec({ file: 'huong-loc.xlsx', sheet: SHEET, figures: {} })));
    if (r.kind !== 'report') throw new Error();
    expect(r.report.source).toEqual({ file: 'huong-loc.xlsx', sheet: SHEET });
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) expect(f).toMatchObject({ file: 'huong-loc.xlsx', sheet: SHEET, unit: 'UBND xã Hương Lộc' });
  });
});

describe('identification block', () => {
  test('fields and their value cells', () => {
    const { report } = read({ compiled: true, sentDate: '20/10/2020' });
    expect(report).toMatchObject({
      unit: 'UBND xã Hương Lộc', unitCode: 'X001', level: 'Xã', parent: 'UBND huyện Nam Đông',
      period: 'Năm', year: 2020, docRef: '45/BC-UBND ngày 15/10/2020', preparer: 'Nguyễn Văn A',
      phone: '0234 3876 123', sentDate: '2020-10-20', compiled: true,
    });
    expect(report.idCells).toMatchObject({ templateCode: 'B1', unit: 'B2', unitCode: 'B3', level: 'B4', parent: 'B5', period: 'B6', year: 'B7', sentDate: 'B11', reportType: 'B12' });
  });

  test('a unit report without `Loại báo cáo` is not compiled', () => {
    expect(read().report.compiled).toBe(false);
  });

  test.each([
    ['Quý I', 'Quý I'], ['quy 1', 'Quý I'], ['Quý 1', 'Quý I'], ['QUÝ I', 'Quý I'], ['Quý II', 'Quý II'],
    ['quý iii', 'Quý III'], ['Quý IV', 'Quý IV'], ['Quý 4', 'Quý IV'], ['6 tháng', '6 tháng'], ['6 thang', '6 tháng'],
    ['6 tháng đầu năm', '6 tháng'], ['9 THÁNG', '9 tháng'], ['Năm', 'Năm'], ['nam', 'Năm'], ['Cả năm', 'Năm'],
    ['Quý I năm 2024', 'Quý I'], ['Quý I/2024', 'Quý I'], ['Q2', 'Quý II'], ['Báo cáo năm', 'Năm'], ['Kỳ báo cáo: 9 tháng', '9 tháng'],
  ])('period %p → %p', (text, period) => {
    expect(read({ period: text }).report.period).toBe(period);
  });

  test.each([
    ['Xã', 'Xã'], ['Phường', 'Xã'], ['Thị trấn', 'Xã'], ['Đặc khu', 'Xã'], ['phong ban', 'Phòng, ban'],
    ['Huyện', 'Huyện'], ['Quận', 'Huyện'], ['Thị xã', 'Huyện'], ['Thành phố', 'Huyện'], ['Cấp huyện', 'Huyện'],
    ['Sở', 'Sở, ngành'], ['SỞ, NGÀNH', 'Sở, ngành'], ['Tỉnh', 'Tỉnh'], ['UBND xã', 'Xã'], ['cap xa', 'Xã'],
  ])('level %p → %p', (text, level) => {
    expect(read({ level: text }).report.level).toBe(level);
  });

  test.each([[2024, 2024], ['2024', 2024], [' 2024 ', 2024], ['Năm 2024', 2024]])('year %p → %p', (v, y) => {
    expect(read({ year: v }).report.year).toBe(y);
  });

  test('`Năm` as the period and `Năm` as the year label are told apart', () => {
    const { report, findings } = read({ period: 'Năm', year: 2024 });
    expect(report.period).toBe('Năm');
    expect(report.year).toBe(2024);
    expect(findings).toEqual([]);
  });

  test('the year row above the period row, with the value `Năm` in the period row', () => {
    const r = readRows(
      ['Năm', 2023], ['Đơn vị báo cáo', 'UBND xã A'], ['Cấp', 'Xã'],
      ['Đơn vị cấp trên', 'UBND huyện B'], ['Kỳ báo cáo', 'Năm'],
    );
    expect(r.report.year).toBe(2023);
    expect(r.report.period).toBe('Năm');
    expect(r.report.identificationOk).toBe(true);
  });

  test('`Năm` written in the year row is not a year: error at the value cell', () => {
    const { report, findings } = read({ year: 'Năm' });
    expect(report.year).toBeNull();
    expect(report.identificationOk).toBe(false);
    expect(only(findings, 'id.year')).toEqual([expect.objectContaining({ severity: 'error', cell: 'B7' })]);
  });

  test.each([['24'], ['20244'], [2024.5], [1850]])('year %p is an error at B7', (v) => {
    const { findings } = read({ year: v });
    expect(only(findings, 'id.year').map((f) => f.cell)).toEqual(['B7']);
  });

  test('an empty required value is an error at its value cell; identification then fails', () => {
    const { report, findings } = read({ unit: null });
    expect(report.identificationOk).toBe(false);
    const f = only(findings, 'id.missing');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', cell: 'B2', unit: SHEET });
    expect(f[0].message).toContain(`${cellRef(SHEET, 'B2')}: «Đơn vị báo cáo» để trống`);
  });

  test('a missing required row is an error naming the field', () => {
    const { report, findings } = read({ level: undefined });
    expect(report.level).toBeNull();
    expect(report.identificationOk).toBe(false);
    const f = only(findings, 'id.missing');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('«Cấp»');
    expect(f[0].cell).toBe('A1');
  });

  test('unknown level and period are errors at their value cells', () => {
    const { findings } = read({ level: 'Thôn', period: 'Quý V' });
    expect(only(findings, 'id.level')).toEqual([expect.objectContaining({ cell: 'B4', severity: 'error' })]);
    expect(only(findings, 'id.period')).toEqual([expect.objectContaining({ cell: 'B6', severity: 'error' })]);
    expect(only(findings, 'id.period')[0].message).toContain('«Quý V»');
  });

  test('the province needs no parent; a commune does', () => {
    expect(read({ level: 'Tỉnh', parent: undefined }).report.identificationOk).toBe(true);
    expect(errors(read({ level: 'Tỉnh', parent: undefined }).findings)).toEqual([]);
    const commune = read({ parent: null });
    expect(commune.report.identificationOk).toBe(false);
    expect(only(commune.findings, 'id.missing').map((f) => f.cell)).toEqual(['B5']);
  });

  test('sent date: a date cell (serial) is taken over the document reference', () => {
    expect(read({ sentDate: 44124 }).report.sentDate).toBe('2020-10-20');
  });

  test('sent date: the date inside `Số, ngày văn bản` when `Ngày gửi` is absent', () => {
    expect(read().report.sentDate).toBe('2020-10-15');
  });

  test('sent date: unreadable `Ngày gửi` is a warning, then the document date is used', () => {
    const { report, findings } = read({ sentDate: 'hôm qua' });
    expect(report.sentDate).toBe('2020-10-15');
    expect(only(findings, 'id.date')).toEqual([expect.objectContaining({ severity: 'warning', cell: 'B11' })]);
  });

  test('no date at all: no sentDate (taken as on time), no finding', () => {
    const { report, findings } = read({ docRef: '45/BC-UBND' });
    expect(report.sentDate).toBeUndefined();
    expect(findings).toEqual([]);
  });

  test('labels with a trailing colon, odd case and no diacritics; value a few cells to the right', () => {
    const grid: SheetGrid = {
      sheet: 'S', originRow: 0, originCol: 0,
      cells: [
        ['BÁO CÁO CÔNG TÁC TUYÊN TRUYỀN CCHC'],
        ['Mã mẫu:', null, 'TTCCHC-1'],
        ['  DON VI BAO CAO : ', null, null, 'UBND phường An Cựu'],
        ['cấp', '', 'Phường'],
        ['Đơn vị cấp trên:', 'UBND thành phố Huế'],
        ['KỲ BÁO CÁO', 'Quý II'],
        ['năm:', '2024'],
        ['Loai bao cao', 'tong hop'],
      ],
    };
    const r = readSheet(grid);
    if (r.kind !== 'report') throw new Error();
    expect(r.report).toMatchObject({ unit: 'UBND phường An Cựu', level: 'Xã', parent: 'UBND thành phố Huế', period: 'Quý II', year: 2024, compiled: true, identificationOk: true });
    expect(r.report.idCells.unit).toBe('D3');
  });

  test('label and value in one cell (`Kỳ báo cáo: Quý I`)', () => {
    const grid: SheetGrid = {
      sheet: 'S', originRow: 0, originCol: 0,
      cells: [
        ['Mã mẫu: TTCCHC-1'], ['Đơn vị báo cáo: UBND xã A'], ['Cấp: Xã'], ['Đơn vị cấp trên: UBND huyện B'],
        ['Kỳ báo cáo: Quý I'], ['Năm:', 2024], ['Ngày gửi: 20/04/2024'],
      ],
    };
    const r = readSheet(grid);
    if (r.kind !== 'report') throw new Error();
    expect(r.report).toMatchObject({ unit: 'UBND xã A', level: 'Xã', parent: 'UBND huyện B', period: 'Quý I', year: 2024, sentDate: '2024-04-20', identificationOk: true });
    expect(r.report.idCells).toMatchObject({ unit: 'A2', period: 'A5', year: 'B6' });
  });

  test('the year inside the period text serves when there is no `Năm` row', () => {
    const { report, findings } = read({ period: 'Quý I năm 2024', year: undefined });
    expect(report.period).toBe('Quý I');
    expect(report.year).toBe(2024);
    expect(findings).toEqual([]);
    // With no year anywhere, the missing row is an error.
    expect(only(read({ period: 'Quý I', year: undefined }).findings, 'id.missing')[0].message).toContain('«Năm»');
  });

  test('a titled identification block (`I. THÔNG TIN ĐƠN VỊ`) is read whole', () => {
    const r = readRows(
      ['I. THÔNG TIN ĐƠN VỊ'], ['Đơn vị báo cáo', 'UBND xã A'], ['Cấp', 'Xã'],
      ['Đơn vị cấp trên', 'UBND huyện B'], ['Kỳ báo cáo', 'Quý III'], ['Năm', 2025],
      ['II. SỐ LIỆU'], ['Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu', 'Ghi chú'], ['A1', 'Tin, bài', 'tin, bài', 4],
    );
    expect(r.report).toMatchObject({ unit: 'UBND xã A', period: 'Quý III', year: 2025, identificationOk: true });
    expect(r.report.figures.A1).toBe(4);
  });

  test('an error value in a required cell is an error, not a crash', () => {
    const { report, findings } = read({ unit: { error: '#REF!' } });
    expect(report.unit).toBe('');
    expect(only(findings, 'id.missing')[0]).toMatchObject({ cell: 'B2' });
  });
});

describe('section I: figures', () => {
  test('values and cells are read by code', () => {
    const { report } = read();
    expect(report.figures.A1).toBe(20);
    expect(report.figures.A6).toBe(2.5);
    expect(report.figures.D2).toBe(1031);
    expect(report.figureCells.A1).toBe('D14');
    expect(report.figureCells.E1).toBe('D35');
  });

  test('`33 tin, bài` is read as 33 with a warning at its cell quoting the text', () => {
    const { report, findings } = read({ figures: { ...sampleSpec().figures, A1: '33 tin, bài' } });
    expect(report.figures.A1).toBe(33);
    const f = only(findings, 'figure.text-number');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', cell: 'D14', unit: 'UBND xã Hương Lộc', sheet: SHEET });
    expect(f[0].message).toContain(cellRef(SHEET, 'D14'));
    expect(f[0].message).toContain('«33 tin, bài»');
    expect(f[0].message).toContain('A1');
  });

  test('text numbers with Vietnamese grouping are read without findings', () => {
    const { report, findings } = read({ figures: { ...sampleSpec().figures, D2: '1.031', A6: '2,5', B3: '300' } });
    expect(report.figures.D2).toBe(1031);
    expect(report.figures.A6).toBe(2.5);
    expect(report.figures.B3).toBe(300);
    expect(findings).toEqual([]);
  });

  test.each([
    ['A1', 'abc', 'figure.not-a-number', 'D14'],
    ['B2', -3, 'figure.negative', 'D21'],
    ['A1', '2,5', 'figure.not-integer', 'D14'],
    ['A6', 30, 'figure.hours-range', 'D19'],
    ['E1', { error: '#N/A' }, 'figure.error-value', 'D35'],
    ['C2', { error: NO_CACHED_VALUE }, 'figure.no-cached-value', 'D24'],
  ])('%s = %p → error %s at %s, value not counted', (code, v, rule, cell) => {
    const { report, findings } = read({ figures: { ...sampleSpec().figures, [code]: v } });
    expect(report.figures[code as 'A1']).toBeNull();
    const f = only(findings, rule);
    expect(f).toEqual([expect.objectContaining({ severity: 'error', cell })]);
    expect(f[0].message).toContain(cellRef(SHEET, cell));
  });

  test('empty cells give ONE warning listing the codes, at the first empty cell', () => {
    const figs = { ...sampleSpec().figures };
    delete figs.A2;
    delete figs.B1;
    delete figs.E1;
    const { report, findings } = read({ figures: figs });
    expect(report.figures.A2).toBeNull();
    const f = only(findings, 'figure.empty');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', cell: 'D15' });
    expect(f[0].message).toContain('A2, B1, E1');
    expect(errors(findings)).toEqual([]);
  });

  test('a department that handles no dossiers: D codes empty, one warning, no consistency error', () => {
    const figs = { ...sampleSpec().figures };
    for (const c of ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8'] as const) delete figs[c];
    const { findings } = read({ level: 'Phòng, ban', figures: figs });
    expect(findings.map((f) => f.rule)).toEqual(['figure.empty']);
  });

  test('unknown code → warning at the code cell; duplicate code → error, first row kept', () => {
    const { report, findings } = read({ extraFigureRows: [['F1', 5], ['A1', 99], ['a 1', 7]] });
    expect(only(findings, 'figure.unknown-code')).toEqual([expect.objectContaining({ severity: 'warning', cell: 'A36' })]);
    expect(only(findings, 'figure.unknown-code')[0].message).toContain('«F1»');
    const dup = only(findings, 'figure.duplicate-code');
    expect(dup.map((f) => f.cell)).toEqual(['A37', 'A38']);
    expect(dup[0].severity).toBe('error');
    expect(dup[0].message).toContain(cellRef(SHEET, 'D14'));
    expect(report.figures.A1).toBe(20);
  });

  test('a value with no code is reported, not silently dropped', () => {
    const { findings } = read({ extraFigureRows: [[null, 12]] });
    expect(only(findings, 'figure.unknown-code')).toEqual([expect.objectContaining({ cell: 'A36' })]);
  });

  test('group heading rows (`A`, no value) pass quietly', () => {
    const { grid, addr } = buildUnitGrid(sampleSpec());
    const p = addr.pos(addr.rows.figures.A1!, 0);
    const cells = grid.cells.map((r) => [...r]);
    cells.splice(p.row, 0, ['A', 'Tuyên truyền trên phương tiện thông tin']);
    const r = readSheet({ ...grid, cells });
    if (r.kind !== 'report') throw new Error();
    expect(r.findings).toEqual([]);
    expect(r.report.figures.A1).toBe(20);
  });

  test('a missing known code is a warning `chưa có chỉ tiêu` naming it', () => {
    const { findings, report } = read({ omitCodes: ['D7', 'D8'] });
    const f = only(findings, 'figure.missing-code');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].message).toContain('chưa có chỉ tiêu');
    expect(f[0].message).toContain('D7');
    expect(f[0].message).toContain('D8');
    expect(f[0].cell).toBe('A13');
    expect(report.figures.D7).toBeNull();
  });

  test('no figures table: one error, no figures', () => {
    const { findings, report } = read({ noFigureTable: true });
    expect(only(findings, 'figure.no-table')).toHaveLength(1);
    expect(only(findings, 'figure.no-table')[0].severity).toBe('error');
    expect(Object.values(report.figures).every((v) => v === null)).toBe(true);
  });
});

describe('section II: tasks', () => {
  const task = (done: { done: CellValue; notDone: CellValue } | boolean | null, result: CellValue = 'Đã làm', note: CellValue = null) =>
    read({ tasks: [{ stt: 1, name: 'Nhiệm vụ một', result, done, note }] });

  test('rows are read with STT, name, result, note, done and the STT cell', () => {
    const { report } = read();
    expect(report.tasks).toEqual([
      { stt: 1, name: 'Tuyên truyền trên Cổng thông tin điện tử', result: 'Đăng 20 tin, bài', note: '', done: true, cell: 'A39' },
      { stt: 2, name: 'Tuyên truyền qua hệ thống truyền thanh', result: 'Phát 10 tin, bài', note: '', done: true, cell: 'A40' },
      { stt: 3, name: 'Tổ chức cuộc thi tìm hiểu CCHC', result: '', note: 'Chưa bố trí kinh phí', done: false, cell: 'A41' },
    ]);
  });

  test.each(['x', 'X', '✓', '✔', '1', 1, ' x '])('mark %p under Hoàn thành → done', (m) => {
    const { report, findings } = task({ done: m, notDone: null });
    expect(report.tasks[0].done).toBe(true);
    expect(findings).toEqual([]);
  });

  test('mark under Chưa hoàn thành → not done', () => {
    const { report } = task({ done: null, notDone: 'x' }, 'Mới đạt 50%');
    expect(report.tasks[0].done).toBe(false);
  });

  test.each(['có', 'v', 2, 'xx'])('mark %p is an error at its cell; the task counts as not done', (m) => {
    const { report, findings } = task({ done: m, notDone: null });
    expect(report.tasks[0].done).toBeNull();
    expect(only(findings, 'task.mark-invalid')).toEqual([expect.objectContaining({ severity: 'error', cell: 'D39' })]);
    expect(only(findings, 'task.mark-invalid')[0].message).toContain(cellRef(SHEET, 'D39'));
  });

  test('both marked → error at the Hoàn thành cell, done = null', () => {
    const { report, findings } = task({ done: 'x', notDone: 'x' });
    expect(report.tasks[0].done).toBeNull();
    expect(only(findings, 'task.marks')).toEqual([expect.objectContaining({ severity: 'error', cell: 'D39' })]);
  });

  test('none marked → error, done = null', () => {
    const { report, findings } = task(null);
    expect(report.tasks[0].done).toBeNull();
    expect(only(findings, 'task.marks')).toHaveLength(1);
    expect(only(findings, 'task.marks')[0].message).toContain('chưa đánh dấu');
  });

  test('Hoàn thành with an empty result → warning at the result cell', () => {
    const { findings } = task(true, null);
    expect(findings).toEqual([expect.objectContaining({ rule: 'task.no-result', severity: 'warning', cell: 'C39' })]);
  });

  test('Chưa hoàn thành with result and note empty → warning; with a note → fine', () => {
    expect(task(false, null, null).findings).toEqual([expect.objectContaining({ rule: 'task.no-reason', severity: 'warning', cell: 'C39' })]);
    expect(task(false, null, 'Chưa có kinh phí').findings).toEqual([]);
    expect(task(false, 'Đạt 50%', null).findings).toEqual([]);
  });

  test('`Hoàn thành` is not taken for `Chưa hoàn thành` (headers matched by equality), whatever the order', () => {
    const r = readRows(
      ['STT', 'Nội dung nhiệm vụ', 'Chưa hoàn thành', 'Hoàn thành', 'Kết quả thực hiện', 'Ghi chú'],
      [1, 'Việc A', null, 'x', 'Xong'],
      [2, 'Việc B', 'x', null, null, 'Thiếu kinh phí'],
    );
    expect(r.report.tasks.map((t) => t.done)).toEqual([true, false]);
    expect(r.report.tasks[0].result).toBe('Xong');
  });

  test('a two-row header (Hoàn thành / Chưa hoàn thành under a merged cell) is read', () => {
    const r = readRows(
      ['II. PHỤ LỤC NHIỆM VỤ'],
      ['STT', 'Nội dung nhiệm vụ', 'Kết quả thực hiện', 'Đánh giá', null, 'Ghi chú'],
      [null, null, null, 'Hoàn thành', 'Chưa hoàn thành'],
      ['1.', 'Việc A', 'Xong', 'x'],
      ['I', 'NHÓM NHIỆM VỤ KHÁC'],
      ['02', 'Việc B', 'Một phần', null, '✓'],
    );
    expect(r.report.tasks.map((t) => [t.stt, t.done, t.cell])).toEqual([[1, true, 'A5'], [2, false, 'A7']]);
    expect(r.findings.filter((f) => f.rule.startsWith('task.'))).toEqual([]);
  });

  test('rows end at the next section and at a run of blank rows (signatures after are not tasks)', () => {
    const r = readRows(
      ['STT', 'Nội dung nhiệm vụ', 'Kết quả thực hiện', 'Hoàn thành', 'Chưa hoàn thành', 'Ghi chú'],
      [1, 'Việc A', 'Xong', 'x'],
      [],
      [],
      [null, 'Người lập biểu', null, 'Thủ trưởng đơn vị'],
    );
    expect(r.report.tasks).toHaveLength(1);
  });

  test('the signature block right under the tasks is not read as tasks', () => {
    const r = readRows(
      ['STT', 'Nội dung nhiệm vụ', 'Kết quả thực hiện', 'Hoàn thành', 'Chưa hoàn thành', 'Ghi chú'],
      [1, 'Việc A', 'Xong', 'x'],
      [null, 'Chủ tịch UBND xã chỉ đạo rà soát', 'Xong', 'x'],
      ['Nơi nhận:', null, null, 'TM. ỦY BAN NHÂN DÂN'],
      ['- Như trên;', null, null, 'CHỦ TỊCH'],
    );
    expect(r.report.tasks.map((t) => t.name)).toEqual(['Việc A', 'Chủ tịch UBND xã chỉ đạo rà soát']);
    expect(r.findings.filter((f) => f.rule.startsWith('task.'))).toEqual([]);
  });

  test('no task table → one warning, no tasks', () => {
    const { report, findings } = read({ noTaskTable: true, tasks: undefined });
    expect(report.tasks).toEqual([]);
    expect(only(findings, 'task.no-table')).toHaveLength(1);
  });
});

describe('section III: assessment', () => {
  test('texts are read by label', () => {
    const { report } = read({ assessment: { strengths: 'Tốt', weaknesses: 'Thiếu người', proposals: 'Cấp kinh phí', nextSteps: 'Tiếp tục' } });
    expect(report.assessment).toEqual({ strengths: 'Tốt', weaknesses: 'Thiếu người', proposals: 'Cấp kinh phí', nextSteps: 'Tiếp tục' });
  });

  test('text written in the row below its label is read too', () => {
    const r = readRows(['III. ĐÁNH GIÁ'], ['Hạn chế, khó khăn:'], ['Kinh phí ít'], ['KIẾN NGHỊ, ĐỀ XUẤT', 'Bổ sung kinh phí']);
    expect(r.report.assessment).toEqual({ weaknesses: 'Kinh phí ít', proposals: 'Bổ sung kinh phí' });
  });

  test('absent section: empty assessment, no finding', () => {
    const { report, findings } = read({ assessment: undefined });
    expect(report.assessment).toEqual({});
    expect(findings).toEqual([]);
  });
});
