/** The prose, block by block, from hand-made ReportData. */
import { narrativeBlocks } from '../../src/report/narrative';
import { fromCompileResult, reportFinding, type ReportData } from '../../src/report/report-data';
import { figures, namDongResult } from './fixtures';
import type { IndicatorCode } from '../../src/core/template';

const base = (): ReportData => fromCompileResult(namDongResult(), { date: new Date(2024, 10, 5) });
const text = (d: ReportData) => narrativeBlocks(d).map((b) => b.text);

/** Set codes to 0 in the total and in every reporting child, consistently. */
function zero(d: ReportData, codes: IndicatorCode[]): void {
  for (const c of codes) {
    d.figures[c] = 0;
    delete d.emptyCounts[c];
    for (const ch of d.children) if (ch.figures) ch.figures[c] = 0;
  }
}

test('zeros outside the dossier figures are named together; dossier zeros stay explicit', () => {
  const d = base();
  zero(d, ['C1', 'C2', 'C3', 'C4', 'D5']);
  const t = text(d);
  expect(t).toContain('- Hội nghị, lớp tập huấn, bồi dưỡng có nội dung CCHC; lượt người tham dự hội nghị, tập huấn; cuộc thi tìm hiểu CCHC; lượt người, đơn vị tham gia cuộc thi: chưa có kết quả trong kỳ.');
  expect(t).toContain('- Hồ sơ đã giải quyết quá hạn: 0 hồ sơ.');
});

test('a zero that was not zero last time is compared, not hidden', () => {
  const d = base();
  zero(d, ['C1']);
  d.previous = { period: 'Năm', year: 2023, figures: figures({ C1: 4 }), ref: { kind: 'cùng kỳ', label: 'năm 2023' } };
  expect(text(d)).toContain('- Hội nghị, lớp tập huấn, bồi dưỡng có nội dung CCHC: 0 cuộc, giảm 100% so với năm 2023.');
});

test('an indicator nobody reported says so instead of a 0', () => {
  const t = text(base());
  expect(t).toContain('- Lượt phát sóng tin, bài CCHC trên hệ thống truyền thanh: chưa có đơn vị báo cáo số liệu.');
  expect(t.join('\n')).not.toMatch(/Lượt phát sóng[^\n]*: 0 lượt/);
});

test('A6 is an average, said with how many units gave it and how many did not', () => {
  expect(text(base())).toContain('- Thời lượng tiếp sóng, phát thanh bình quân: 2,5 giờ/ngày (bình quân của 3 đơn vị); 1 đơn vị chưa báo cáo chỉ tiêu này.');
});

test("the issuing unit's own points are not bracketed; without a parent there is no \"kính báo cáo\"", () => {
  const d = base();
  d.assessments.push({ unit: 'UBND huyện Nam Đông', key: 'proposals', text: 'Đề nghị tỉnh hỗ trợ kinh phí.' });
  d.parentBody = undefined;
  const t = text(d);
  expect(t).toContain('- Đề nghị tỉnh hỗ trợ kinh phí.');
  expect(t[t.length - 1]).toBe('Trên đây là báo cáo kết quả công tác tuyên truyền cải cách hành chính năm 2024 của UBND huyện Nam Đông./.');
});

test('a quarter looks ahead to "kỳ tới", a year to the next year', () => {
  const d = base();
  expect(text(d)).toContain('V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025');
  d.period = 'Quý I';
  expect(text(d)).toContain('V. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI');
});

test('fromCompileResult: the top summary by default, another by name, a clear error for an unknown one', () => {
  const r = namDongResult();
  const commune = { ...r.summaries[0], unit: 'UBND xã Hương Lộc', parent: 'UBND huyện Nam Đông', children: [] };
  r.summaries = [commune, r.summaries[0]]; // deepest first
  expect(fromCompileResult(r).unit).toBe('UBND huyện Nam Đông');
  expect(fromCompileResult(r, { unit: 'xã Hương Lộc' }).unit).toBe('UBND xã Hương Lộc');
  expect(() => fromCompileResult(r, { unit: 'UBND xã Không Có' })).toThrow('Không có bảng tổng hợp của đơn vị "UBND xã Không Có"');
  expect(() => fromCompileResult({ ...r, summaries: [] })).toThrow(/chưa có đơn vị nào được tổng hợp/);
});

test('a point many units wrote names the first ones and counts the rest', () => {
  const d = base();
  d.assessments = Array.from({ length: 12 }, (_, i) => ({ unit: `UBND xã Số ${i + 1}`, key: 'weaknesses' as const, text: 'Kinh phí còn hạn chế.' }));
  expect(text(d)).toContain('- Kinh phí còn hạn chế (xã Số 1, xã Số 2, xã Số 3 và 9 đơn vị khác).');
});

test('findings in the note: file › Sheet!Cell, and the message without the reader\'s own Sheet!Cell prefix', () => {
  expect(reportFinding({ unit: 'UBND xã Hương Sơn', file: 'xa-huong-son.xlsx', sheet: 'Hương Sơn', cell: 'D34', message: "'Hương Sơn'!D34: D4 + D5 + D6 khác D1 + D2." }))
    .toEqual({ unit: 'UBND xã Hương Sơn', ref: "xa-huong-son.xlsx › 'Hương Sơn'!D34", message: 'D4 + D5 + D6 khác D1 + D2.' });
  expect(reportFinding({ unit: 'x', file: 'hong.xlsx', sheet: '', cell: '', message: 'Không mở được tệp.' }))
    .toEqual({ unit: 'x', ref: 'hong.xlsx', message: 'Không mở được tệp.' });
});

test('a unit that typed its name without diacritics is cited by its roster name', () => {
  const r = namDongResult();
  r.summaries[0].documents.push({ unit: 'UBND xa Thuong Quang', docRef: '36/BC-UBND ngay 13/10/2024' });
  r.summaries[0].assessments.push({ unit: 'ubnd xa thuong quang', key: 'proposals', text: 'Hỗ trợ loa truyền thanh.' });
  const d = fromCompileResult(r);
  const t = text(d);
  expect(d.documents).toContainEqual({ unit: 'UBND xã Thượng Quảng', docRef: '36/BC-UBND ngay 13/10/2024' });
  expect(t).toContain('- Hỗ trợ loa truyền thanh (xã Thượng Quảng).');
});

/** A province of `n` communes (and, when asked, a đặc khu), `missing` of them not reported, for the given period. */
function province(n: number, o: { missing?: number; late?: number; period?: ReportData['period']; year?: number; specialZone?: boolean } = {}): ReportData {
  const d = base();
  d.unit = 'UBND tỉnh Quảng Trị';
  d.level = 'Tỉnh';
  d.parentBody = undefined;
  d.period = o.period ?? 'Quý I';
  d.year = o.year ?? 2026;
  d.tasks = [];
  d.assessments = [];
  const names = Array.from({ length: n }, (_, i) => (o.specialZone && i === 0 ? 'UBND đặc khu Cồn Cỏ' : `UBND xã Số ${i + 1}`));
  d.children = names.map((unit, i) => ({
    unit, level: 'Xã' as const, isSelf: false, rates: null,
    status: i < (o.missing ?? 0) ? 'Chưa nộp' as const : i < (o.missing ?? 0) + (o.late ?? 0) ? 'Nộp muộn' as const : 'Đã nộp' as const,
    figures: i < (o.missing ?? 0) ? null : figures({ A1: 1 }),
  }));
  d.documents = names.slice(o.missing ?? 0).map((unit, i) => ({ unit, docRef: `${i + 1}/BC-UBND ngày 15/03/2026` }));
  return d;
}

test('the body counts the units that reported instead of citing every unit\'s document', () => {
  const t = text(province(150, { missing: 2, late: 4 })).join('\n');
  expect(t).toContain('Có 148/150 đơn vị gửi báo cáo kết quả thực hiện, trong đó 4 đơn vị gửi muộn so với thời hạn');
  expect(t).toContain('(danh sách đơn vị, số và ngày văn bản báo cáo tại Phụ lục kèm theo)');
  expect(t).not.toContain('/BC-UBND ngày 15/03/2026');
  expect(t).not.toContain('Báo cáo số');
});

test('past ten units the body names the first ones and counts the rest', () => {
  const t = text(province(150, { missing: 12 })).join('\n');
  expect(t).toContain('12 đơn vị chưa gửi báo cáo: xã Số 1, xã Số 2, xã Số 3, xã Số 4, xã Số 5, xã Số 6, xã Số 7, xã Số 8 và 4 đơn vị khác');
  expect(t).not.toContain('xã Số 9,');
});

test('communes are «xã, phường» after 1 July 2025, with «đặc khu» where there is one; «thị trấn» only before', () => {
  const direction = (d: ReportData) => text(d).find((x) => x.startsWith('Thực hiện kế hoạch'))!;
  expect(direction(province(5))).toContain('chỉ đạo các xã, phường xây dựng kế hoạch');
  expect(direction(province(5, { specialZone: true }))).toContain('chỉ đạo các xã, phường, đặc khu xây dựng kế hoạch');
  expect(direction(province(5, { period: 'Quý III', year: 2025 }))).toContain('chỉ đạo các xã, phường xây dựng');
  expect(direction(province(5, { period: '6 tháng', year: 2025 }))).toContain('chỉ đạo các xã, phường, thị trấn xây dựng');
  expect(direction(base())).toContain('các xã, phường, thị trấn');
  for (const d of [province(5), province(5, { specialZone: true })]) expect(text(d).join('\n')).not.toContain('thị trấn');
});

test('a province whose plan names no level above reports to the Bộ Nội vụ', () => {
  const r = namDongResult();
  r.summaries[0] = { ...r.summaries[0], unit: 'UBND tỉnh Quảng Trị', level: 'Tỉnh', parent: undefined };
  const d = fromCompileResult(r);
  expect(d.parentBody).toBe('Bộ Nội vụ');
  expect(text(d).at(-1)).toMatch(/kính báo cáo Bộ Nội vụ theo dõi, chỉ đạo\.\/\.$/);
  // A plan that names it wins.
  r.summaries[0].parent = 'Văn phòng Chính phủ';
  expect(fromCompileResult(r).parentBody).toBe('Văn phòng Chính phủ');
});
