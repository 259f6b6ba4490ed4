/**
 * Real sheets through the real compile and layout: the report data taken
 * from the CompileResult and the same data read back from the output
 * workbook (what `tonghop report tong-hop.xlsx` sees) must agree; last
 * period's workbook gives the comparison.
 */
import { compileReads } from '../../src/core/compile';
import type { SheetGrid } from '../../src/core/grid';
import { layoutOutputs, outputSheetToGrid } from '../../src/core/layout';
import type { CompileResult } from '../../src/core/model';
import { readSheet } from '../../src/core/reader';
import type { Figures } from '../../src/core/template';
import { fromCompiledWorkbook } from '../../src/report/compiled-workbook';
import { buildReportDocx } from '../../src/report/docx-report';
import { openDocx, paragraphs } from './docx-helpers';
import { compileAssessments, narrativeBlocks } from '../../src/report/narrative';
import { readPreviousPeriod } from '../../src/report/previous';
import { fromCompileResult, type ReportData } from '../../src/report/report-data';
import { makeUnitGrid, sampleSpec, type UnitSpec } from '../helpers/unit-grid';
import { planRead } from '../core/compile-fixtures';
import { writeXlsx } from '../../src/xlsx/write';
import { shortTaskNote } from '../../src/core/task-note';
import { readXlsxBuffer } from '../../src/xlsx/read';

const DISTRICT = 'UBND huyện Nam Đông';
const PROVINCE = 'UBND tỉnh Thừa Thiên Huế';
const DATE = new Date(2020, 10, 5);

function unitSpec(unit: string, year: number, over: Partial<UnitSpec> = {}): UnitSpec {
  return sampleSpec({ unit, unitCode: undefined, sheet: unit.replace(/^UBND /, ''), year, sentDate: `15/10/${year}`, docRef: undefined, ...over });
}

/** Nam Đông: its own sheet, Hương Lộc (on time), Thượng Quảng (late), Hương Sơn (in the roster, not reported). */
function district(year: number, scale = 1): { grids: SheetGrid[]; result: CompileResult; outputs: SheetGrid[] } {
  const f = (n: number) => Math.round(n * scale);
  const grids = [
    makeUnitGrid(unitSpec(DISTRICT, year, {
      level: 'Huyện', parent: PROVINCE,
      figures: { A1: f(15), A2: 6, A3: 40, A4: 7, A5: 1, A6: 3, B1: 2, B2: 10, B3: 100, C1: 2, C2: 150, C3: 0, C4: 0, D1: 0, D2: 400, D3: 120, D4: 398, D5: 2, D6: 0, D7: 180, D8: 180, E1: 10000 },
      assessment: { proposals: 'Bố trí kinh phí cho công tác tuyên truyền CCHC.' },
      docRef: `12/BC-UBND ngày 14/10/${year}`,
    })),
    makeUnitGrid(unitSpec('UBND xã Hương Lộc', year, {
      figures: { A1: f(12), A2: 10, A3: 120, A4: 15, A5: 2, A6: 2.5, B1: 2, B2: 6, B3: 300, C1: 1, C2: 45, C3: 1, C4: 120, D1: 0, D2: 631, D3: 300, D4: 631, D5: 0, D6: 0, D7: 120, D8: 120, E1: 5000 },
      assessment: { strengths: 'Được sự quan tâm chỉ đạo của Đảng ủy, UBND xã.', weaknesses: 'Kinh phí còn hạn chế.\n- Trang thiết bị chưa đáp ứng.' },
      docRef: `45/BC-UBND ngày 15/10/${year}`,
    })),
    makeUnitGrid(unitSpec('UBND xã Thượng Quảng', year, {
      // After the default deadline: two working days after Đến ngày 14/12 (docs/spec/TEMPLATE.md §6).
      sentDate: `18/12/${year}`,
      figures: { A1: f(6), A2: 8, A3: 60, A4: 3, A5: 0, A6: 2, B1: 1, B2: 4, B3: 0, C1: 0, C2: 0, C3: 0, C4: 0, D1: 0, D2: 0, D3: 0, D4: 0, D5: 0, D6: 0, D7: 110, D8: 108, E1: 0 },
      assessment: { strengths: 'được sự quan tâm chỉ đạo của Đảng uỷ, UBND xã', weaknesses: 'Kinh phí còn hạn chế' },
    })),
  ];
  const plan = planRead({
    compilingUnit: DISTRICT, level: 'Huyện', parent: PROVINCE, period: 'Năm', year,
    roster: ['UBND xã Hương Lộc', 'UBND xã Thượng Quảng', 'UBND xã Hương Sơn'].map((name) => ({ name, level: 'Xã' as const, parent: DISTRICT })),
  });
  const result = compileReads([plan, ...grids.map(readSheet)]);
  const outputs = layoutOutputs(result, { now: DATE }).map((s) => outputSheetToGrid(s));
  return { grids, result, outputs };
}

/** What a reader of the report compares: everything but the wording order of documents. */
function essentials(d: ReportData) {
  return {
    unit: d.unit, level: d.level, parentBody: d.parentBody, period: d.period, year: d.year, place: d.place, date: d.date,
    figures: d.figures, rates: d.rates, emptyCounts: d.emptyCounts,
    children: d.children.map((c) => ({ unit: c.unit, status: c.status, figures: c.figures, isSelf: c.isSelf, level: c.level })),
    // A task's note as printed (the BC sheet holds it so, and the .docx prints it so from either source).
    tasks: d.tasks.map((t) => ({ ...t, note: t.note && shortTaskNote(t.note) })), missingUnits: d.missingUnits, lateUnits: d.lateUnits,
    errorCount: d.errorCount, warningCount: d.warningCount, errors: d.errors, deadline: d.deadline,
  };
}

describe('fromCompileResult on a real compile', () => {
  const { result } = district(2020);
  const d = fromCompileResult(result, { date: DATE });

  test('the district, its parent, its place, its children with statuses', () => {
    expect(d.unit).toBe(DISTRICT);
    expect(d.parentBody).toBe(PROVINCE);
    expect(d.place).toBe('Nam Đông');
    expect(d.date).toBe('2020-11-05');
    expect(d.missingUnits).toEqual(['UBND xã Hương Sơn']);
    expect(d.lateUnits).toEqual(['UBND xã Thượng Quảng']);
    expect(d.figures.D2).toBe(1031);
    expect(d.rates.onTime).toBeCloseTo(1029 / 1031);
  });

  test('the narrative says 1.031 hồ sơ, 99,8 % on time, the top portal contributors, and attributes assessments once', () => {
    const text = narrativeBlocks(d).map((b) => b.text).join('\n');
    expect(text).toContain('Hồ sơ TTHC tiếp nhận trong kỳ: 1.031 hồ sơ (nhiều nhất: xã Hương Lộc 631 hồ sơ; UBND huyện 400 hồ sơ)');
    expect(text).toContain('Tỷ lệ giải quyết đúng hạn: 1.029/1.031 hồ sơ, đạt 99,8%');
    expect(text).toContain('Tin, bài đăng trên Cổng/Trang thông tin điện tử: 33 tin, bài (nhiều nhất: UBND huyện 15 tin, bài; xã Hương Lộc 12 tin, bài; xã Thượng Quảng 6 tin, bài)');
    expect(compileAssessments(d, 'strengths')).toEqual([
      { text: 'Được sự quan tâm chỉ đạo của Đảng ủy, UBND xã.', units: ['UBND xã Hương Lộc', 'UBND xã Thượng Quảng'] },
    ]);
    expect(compileAssessments(d, 'weaknesses').map((a) => [a.text, a.units.length])).toEqual([
      ['Kinh phí còn hạn chế.', 2],
      ['Trang thiết bị chưa đáp ứng.', 1],
    ]);
    expect(text).toContain('- Được sự quan tâm chỉ đạo của Đảng ủy, UBND xã (xã Hương Lộc, xã Thượng Quảng).');
    expect(text).toContain('1 đơn vị chưa gửi báo cáo: xã Hương Sơn');
  });
});

describe('fromCompiledWorkbook: the output workbook read back', () => {
  const { grids, result, outputs } = district(2020);
  const fromResult = fromCompileResult(result, { date: DATE });

  test('with the units\' sheets still in the workbook: the same report, word for word', () => {
    const back = fromCompiledWorkbook([...grids, ...outputs], { date: DATE });
    expect(essentials(back)).toEqual(essentials(fromResult));
    expect(narrativeBlocks(back)).toEqual(narrativeBlocks(fromResult));
  });

  test('the output sheets alone: same figures, statuses, tasks, errors, and the assessments still attributed', () => {
    const back = fromCompiledWorkbook(outputs, { date: DATE });
    expect(essentials(back)).toEqual(essentials(fromResult));
    for (const key of ['strengths', 'weaknesses', 'proposals'] as const) {
      expect(compileAssessments(back, key)).toEqual(compileAssessments(fromResult, key));
    }
  });

  test('a workbook with no compiled report says so in Vietnamese', () => {
    expect(() => fromCompiledWorkbook(grids)).toThrow(/Không tìm thấy báo cáo tổng hợp/);
  });
});

describe('readPreviousPeriod and the comparison', () => {
  test('last year\'s compiled workbook gives the district and each child, keyed by unitKey', () => {
    const last = district(2019);
    const prev = readPreviousPeriod(last.outputs);
    expect(prev.period).toBe('Năm');
    expect(prev.year).toBe(2019);
    expect(prev.byUnit['huyen nam dong']).toEqual(last.result.summaries[0].figures);
    expect(prev.byUnit['xa huong loc'].A1).toBe(12);
    expect(prev.byUnit['xa thuong quang'].A1).toBe(6);
    expect(prev.byUnit['xa huong son']).toBeUndefined(); // not reported: nothing to compare
  });

  test('a plain TTCCHC-1 report is a previous period too', () => {
    const prev = readPreviousPeriod([makeUnitGrid(sampleSpec({ year: 2019 }))]);
    expect(prev).toMatchObject({ period: 'Năm', year: 2019 });
    expect(prev.byUnit['xa huong loc'].D2).toBe(1031);
  });

  test('this year against last year: "tăng …% so với năm 2019", rates in percentage points', () => {
    const last = district(2019, 0.5);
    const prev = readPreviousPeriod(last.outputs);
    const cur = district(2020);
    const d = fromCompileResult(cur.result, { date: DATE, previous: prev });
    expect(d.previous?.ref).toEqual({ kind: 'cùng kỳ', label: 'năm 2019' });
    const lastA1 = last.result.summaries[0].figures.A1 as number;
    expect(lastA1).toBe(8 + 6 + 3); // 15, 12, 6 halved and rounded
    const text = narrativeBlocks(d).map((b) => b.text).join('\n');
    expect(text).toContain(`33 tin, bài (nhiều nhất: UBND huyện 15 tin, bài; xã Hương Lộc 12 tin, bài; xã Thượng Quảng 6 tin, bài), tăng 94,1% so với năm 2019`);
    expect(text).toContain('Hồ sơ TTHC tiếp nhận trong kỳ: 1.031 hồ sơ (nhiều nhất: xã Hương Lộc 631 hồ sơ; UBND huyện 400 hồ sơ), bằng năm 2019');
    expect(text).toContain('Tỷ lệ giải quyết đúng hạn: 1.029/1.031 hồ sơ, đạt 99,8%, bằng năm 2019');
  });

  test('a previous workbook of a later period is not compared, and the note says why', async () => {
    const later: { period: 'Năm'; year: number; byUnit: Record<string, Figures> } = { period: 'Năm', year: 2021, byUnit: readPreviousPeriod(district(2019).outputs).byUnit };
    const d = fromCompileResult(district(2020).result, { date: DATE, previous: later });
    expect(d.previous?.ref).toBeNull();
    expect(narrativeBlocks(d).map((b) => b.text).join('\n')).not.toMatch(/so với năm|bằng năm|so với kỳ/);
    const doc = await openDocx(await buildReportDocx(d));
    expect(paragraphs(doc.document).map((p) => p.text)).toContain(
      'Số liệu kỳ so sánh (năm 2021) không phải kỳ trước kỳ báo cáo: báo cáo không so sánh.',
    );
  });

  test('a previous file without this unit or its units is said in the note, not silently dropped', async () => {
    const d = fromCompileResult(district(2020).result, { date: DATE, previous: { period: 'Năm', year: 2019, byUnit: { 'xa khac': district(2019).result.summaries[0].figures } } });
    expect(d.previous).toBeUndefined();
    const doc = await openDocx(await buildReportDocx(d));
    expect(paragraphs(doc.document).map((p) => p.text)).toContain(
      'Tệp kỳ trước (năm 2019) không có số liệu của UBND huyện Nam Đông hay đơn vị nào trực thuộc: báo cáo không so sánh với kỳ trước.',
    );
  });

  test('without the district\'s own total, last period is the sum of the units found, with a note', () => {
    const last = readPreviousPeriod(district(2019).outputs);
    const byUnit = { 'xa huong loc': last.byUnit['xa huong loc'], 'xa thuong quang': last.byUnit['xa thuong quang'] };
    const d = fromCompileResult(district(2020).result, { date: DATE, previous: { period: 'Năm', year: 2019, byUnit } });
    expect(d.previous?.figures.A1).toBe(12 + 6);
    expect(d.previousNote).toBe('Số liệu kỳ trước (năm 2019) cộng từ 2/4 đơn vị có trong tệp kỳ trước: so sánh chỉ mang tính tham khảo.');
  });
});

describe('several levels in one workbook (communes → districts → province)', () => {
  const roster = [
    { name: 'UBND huyện Nam Đông', level: 'Huyện' as const, parent: PROVINCE },
    { name: 'UBND huyện Phú Lộc', level: 'Huyện' as const, parent: PROVINCE },
    { name: 'UBND xã Hương Lộc', level: 'Xã' as const, parent: DISTRICT },
    { name: 'UBND xã Thượng Quảng', level: 'Xã' as const, parent: DISTRICT },
    { name: 'UBND xã Lộc Bình', level: 'Xã' as const, parent: 'UBND huyện Phú Lộc' },
    { name: 'UBND xã Lộc Trì', level: 'Xã' as const, parent: 'UBND huyện Phú Lộc' },
  ];
  const balanced = { D1: 0, D2: 10, D3: 1, D4: 10, D5: 0, D6: 0 };
  const result = compileReads([
    planRead({ compilingUnit: PROVINCE, level: 'Tỉnh', roster, year: 2020 }),
    readSheet(makeUnitGrid(unitSpec('UBND xã Hương Lộc', 2020, { figures: { A1: 1, ...balanced } }))),
    readSheet(makeUnitGrid(unitSpec('UBND xã Thượng Quảng', 2020, { figures: { A1: 2, ...balanced } }))),
    readSheet(makeUnitGrid(unitSpec('UBND xã Lộc Bình', 2020, { parent: 'UBND huyện Phú Lộc', figures: { A1: 4, ...balanced } }))),
  ]);
  const outputs = layoutOutputs(result, { now: DATE }).map((s) => outputSheetToGrid(s));

  test('the province by default, a district when asked: each the same as from the compile', () => {
    const top = fromCompiledWorkbook(outputs, { date: DATE });
    expect(top.unit).toBe(PROVINCE);
    expect(top.place).toBe('Thừa Thiên Huế');
    expect(essentials(top)).toEqual(essentials(fromCompileResult(result, { date: DATE })));
    const phuLoc = fromCompiledWorkbook(outputs, { date: DATE, unit: 'UBND huyện Phú Lộc' });
    expect(essentials(phuLoc)).toEqual(essentials(fromCompileResult(result, { date: DATE, unit: 'huyện Phú Lộc' })));
    expect(phuLoc.missingUnits).toEqual(['UBND xã Lộc Trì']);
  });

  test('the province report names the districts and writes to them', async () => {
    const doc = await openDocx(await buildReportDocx(fromCompileResult(result, { date: DATE })));
    const texts = paragraphs(doc.document).map((p) => p.text);
    expect(texts).toEqual(expect.arrayContaining(['ỦY BAN NHÂN DÂN', 'TỈNH THỪA THIÊN HUẾ', 'Thừa Thiên Huế, ngày 05 tháng 11 năm 2020', '- UBND các huyện, thị xã, thành phố;']));
    // The plan names no level above a province: the report goes to the Bộ Nội vụ, in Kính gửi and (as «Như trên») in Nơi nhận.
    expect(texts).toContain('Kính gửi: Bộ Nội vụ.');
    expect(texts).toContain('- Như trên;');
    expect(texts.join('\n')).toContain('Tin, bài đăng trên Cổng/Trang thông tin điện tử: 7 tin, bài (nhiều nhất: huyện Phú Lộc 4 tin, bài; huyện Nam Đông 3 tin, bài)');
  });
});

describe('through a real .xlsx file (what `tonghop report tong-hop.xlsx` reads)', () => {
  test('written by the .xlsx writer, read by the .xlsx reader: the same report data', async () => {
    const { grids: unitGrids } = district(2020);
    // One more commune whose figure cannot be read: an open error the note must carry over.
    const bad = makeUnitGrid(unitSpec('UBND xã Hương Phú', 2020, { figures: { ...sampleSpec().figures, A1: 'nhiều' } }));
    const result = compileReads([...unitGrids, bad].map(readSheet));
    const bytes = await writeXlsx(layoutOutputs(result, { now: DATE }));
    const grids = readXlsxBuffer(new Uint8Array(bytes), 'tong-hop.xlsx');
    const back = fromCompiledWorkbook(grids, { date: DATE });
    const fromResult = fromCompileResult(result, { date: DATE });
    expect(fromResult.errorCount).toBeGreaterThan(0);
    expect(fromResult.errors[0].ref).toMatch(/^'xã Hương Phú'!D\d+$/);
    expect(essentials(back)).toEqual(essentials(fromResult));
    expect(back.children.map((c) => c.sentDate)).toEqual(fromResult.children.map((c) => c.sentDate));
  });
});

