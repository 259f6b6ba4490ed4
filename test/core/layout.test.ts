import { compileReads } from '../../src/core/compile';
import { readSheet } from '../../src/core/reader';
import {
  isOwnOutputSheet, layoutOutputs, layoutTemplate, outputSheetToGrid, safeSheetName, shortUnitName, taskCountLine,
} from '../../src/core/layout';
import type { CompileResult } from '../../src/core/model';
import type { OutputSheet } from '../../src/core/sheet-model';
import { MAX_CELL_TEXT, NUMBER_FORMATS, OUTPUT_FONT, SHEET_NAME_MAX, internalLink, listItem } from '../../src/core/sheet-model';
import { readCompiledWorkbook, readFindingsTable, readSummaryTable } from '../../src/core/layout/read-back';
import { TASK_COLUMNS_HEADER, TASK_LIST_TITLE, TASK_MATRIX_TITLE, layoutTasks } from '../../src/core/layout/tasks-sheet';
import { readPreviousPeriod } from '../../src/report/previous';
import { sortFindings } from '../../src/core/findings';
import { INDICATORS, LEVEL_NAMES, MARK, PERIODS, emptyFigures, RATES } from '../../src/core/template';
import { parseRangeAddress } from '../../src/core/address';
import { appendixSubtitle } from '../../src/core/layout/appendix-sheet';
import { SheetBuilder } from '../../src/core/layout/styles';
import { MAX_ROW_HEIGHT } from '../../src/core/layout/text-fit';
import { joinAssessments } from '../../src/core/rollup';
import { displayUnitName, unitKey } from '../../src/core/unit-names';
import { provinceResult } from '../report/fixtures';
import { DISTRICT, PROVINCE, planRead, planTask, reportRead } from './compile-fixtures';

const NOW = new Date(2020, 9, 18);

function district(): CompileResult {
  return compileReads([
    planRead({ compilingUnit: DISTRICT, level: 'Huyện', parent: PROVINCE, deadline: '2020-10-20', roster: [
      { name: 'UBND xã Hương Lộc', level: 'Xã', parent: DISTRICT },
      { name: 'UBND xã Thượng Quảng', level: 'Xã', parent: DISTRICT },
      { name: 'UBND xã Hương Phú', level: 'Xã', parent: DISTRICT }] }),
    reportRead(DISTRICT, { level: 'Huyện', parent: PROVINCE, figures: { A1: 100, A6: 6, D1: 0, D2: 0, D3: 0, D4: 0, D5: 0, D6: 0, D7: 0, D8: 0 } }),
    reportRead('UBND xã Hương Lộc', { figures: { A1: 20, A6: 2, D1: 5, D2: 100, D3: 50, D4: 90, D5: 10, D6: 5, D7: 10, D8: 10 },
      assessment: { strengths: '=SUM(A1)', weaknesses: '-Thiếu kinh phí' } }),
    reportRead('UBND xã Thượng Quảng', { figures: { A1: 1030, A6: 4, D1: 0, D2: 300, D3: 30, D4: 300, D5: 0, D6: 0, D7: 0, D8: 0 }, sentDate: '25/10/2020' }),
  ], {});
}

const cellsOf = (s: OutputSheet) => s.rows.flatMap((r, ri) => r.map((c, ci) => ({ c, ri, ci })));
const find = (s: OutputSheet, v: string) => cellsOf(s).find((x) => x.c?.v === v);
const rowOf = (s: OutputSheet, v: string) => s.rows[find(s, v)!.ri];
const texts = (s: OutputSheet) => cellsOf(s).filter((x) => typeof x.c?.v === 'string').map((x) => x.c.v as string);

describe('layoutOutputs', () => {
  const result = district();
  const sheets = layoutOutputs(result, { now: NOW });
  const [th, nv, bd, pl, bc, kt] = sheets;

  test('one summary, tasks, charts, Phụ lục and report per parent, then one findings sheet, with legal unique names', () => {
    expect(sheets.map((s) => [s.name, s.role])).toEqual([
      ['TH Nam Đông', 'summary'], ['NV Nam Đông', 'tasks'], ['BĐ Nam Đông', 'charts'], ['PL Nam Đông', 'appendix'], ['BC Nam Đông', 'report'], ['Kiểm tra', 'findings']]);
    for (const s of sheets) {
      expect(s.name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
      expect(s.name).not.toMatch(/[\\/?*:[\]]/);
      expect(isOwnOutputSheet(s.name)).toBe(true);
    }
  });

  test('every string is written as text, so a note starting with = stays text', () => {
    for (const s of sheets) {
      for (const { c } of cellsOf(s)) {
        if (typeof c?.v === 'string' && c.v !== '') expect([s.name, c.v, c.style?.numberFormat]).toEqual([s.name, c.v, NUMBER_FORMATS.text]);
      }
    }
    const assessment = texts(bc).find((t) => t.includes('=SUM(A1)'))!;
    expect(assessment.split('\n')).toContain('Xã Hương Lộc: =SUM(A1)');
  });

  test('summary: title block, header, one row per expected child with status, totals, rates, empty counts', () => {
    expect(th.print.orientation).toBe('landscape');
    expect(th.rows[0][0].v).toBe('BẢNG TỔNG HỢP SỐ LIỆU TUYÊN TRUYỀN CCHC');
    expect(texts(th)).toContain(DISTRICT);
    expect(texts(th)).toContain('Kỳ báo cáo: Năm 2020 (số liệu từ 15/12/2019 đến 14/12/2020) — hạn nộp 20/10/2020');
    const header = rowOf(th, 'STT');
    expect(header.slice(0, 5).map((c) => c.v)).toEqual(['STT', 'Đơn vị', 'Cấp', 'Tình trạng', 'Ngày gửi']);
    expect(header.slice(5, 5 + INDICATORS.length).map((c) => c.v)).toEqual(INDICATORS.map((i) => i.code));
    expect(header[5].style?.fill).toBeTruthy();
    const h = find(th, 'STT')!.ri;
    expect(th.freeze).toEqual({ rows: h + 2, cols: 2 });
    expect(th.print.repeatRows).toEqual([h + 1, h + 2]);
    const children = th.rows.slice(h + 2, h + 6);
    expect(children.map((r) => [r[1].v, r[3].v])).toEqual([
      [`${DISTRICT} (số liệu của chính đơn vị)`, 'Đã nộp'],
      ['UBND xã Hương Lộc', 'Đã nộp'],
      ['UBND xã Thượng Quảng', 'Nộp muộn'],
      ['UBND xã Hương Phú', 'Chưa nộp'],
    ]);
    const a1 = 5;
    expect(children[1][a1]).toEqual(expect.objectContaining({ v: 20 }));
    expect(children[1][a1].style?.numberFormat).toBe('#,##0');
    expect(children[1][a1 + 5].style?.numberFormat).toBe('#,##0.0'); // A6 hours
    expect(children[3][a1].v).toBeNull();
    const total = rowOf(th, 'Tổng cộng');
    expect(total[a1].v).toBe(1150);
    expect(total[a1].style?.bold).toBe(true);
    expect(total[a1 + 5].v).toBe(4); // mean of 6, 2, 4
    const rate0 = 5 + INDICATORS.length; // the rates follow the indicators
    expect(total[rate0].v).toBeCloseTo(390 / 400);
    expect(total[rate0].style?.numberFormat).toBe('0.0%');
    expect(total[rate0 + 2].v).toBe(1); // posted 10/10
    expect(children[0][rate0].v).toBeNull(); // district itself: no dossiers, no rate
    const empty = rowOf(th, 'Số đơn vị để trống');
    expect(empty[a1 + 6].v).toBe(3); // B1 left empty by the three that reported
    expect(th.rows.every((r) => r.length <= 5 + INDICATORS.length + RATES.length)).toBe(true);
  });

  test('tasks: child × task matrix with x, blank and Chưa nộp, on its own sheet, not the summary', () => {
    expect(texts(nv)[0]).toBe('TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ (x: hoàn thành)');
    expect(texts(th).filter((t) => t.includes('TÌNH HÌNH THỰC HIỆN NHIỆM VỤ'))).toEqual([]);
    const head = find(nv, 'STT')!.ri;
    // The tasks' names listed once above the matrix; its columns headed by their numbers under «Nhiệm vụ».
    expect(texts(nv).slice(3, 7)).toEqual([TASK_LIST_TITLE, '1. Tuyên truyền trên Cổng thông tin điện tử', '2. Tuyên truyền qua hệ thống truyền thanh', '3. Tổ chức cuộc thi tìm hiểu CCHC']);
    expect(nv.rows[head].slice(0, 3).map((c) => c.v)).toEqual(['STT', 'Đơn vị', TASK_COLUMNS_HEADER]);
    expect(nv.rows[head + 1].slice(2, 5).map((c) => c.v)).toEqual(['1', '2', '3']);
    const rows = nv.rows.slice(head + 2, head + 6).map((r) => r.slice(1, 5).map((c) => c.v));
    expect(rows[1]).toEqual(['UBND xã Hương Lộc', MARK, MARK, '']);
    expect(rows[3]).toEqual(['UBND xã Hương Phú', 'Chưa nộp', 'Chưa nộp', 'Chưa nộp']);
    expect(nv.rows[head + 6].slice(1, 5).map((c) => c.v)).toEqual(['Số đơn vị hoàn thành', '2/3', '2/3', '0/3']); // the district's own row is not counted (core/rollup.ts reportingUnits)
    // Printed on A4 landscape with its own two header rows and the names repeated, at 12 pt (three tasks fit one width).
    expect(nv.print).toMatchObject({ orientation: 'landscape', repeatRows: [head + 1, head + 2], repeatCols: [0, 1], scale: 100 });
    expect(nv.print.colBreaks).toBeUndefined();
    // Never read as a unit report, nor as a summary table.
    expect(readSheet(outputSheetToGrid(nv)).kind).toBe('skipped');
  });

  test('charts: on their own sheet, not the summary; news by channel (totals) and by unit (one bar per unit, most first)', () => {
    expect(th.charts).toBeUndefined();
    expect(texts(th)).not.toContain('SỐ LIỆU BIỂU ĐỒ');
    // The on-time chart (rates near 100 % for every unit) is no more: the rate is a column of the summary.
    expect(bd.charts!.map((c) => c.type)).toEqual(['columnClustered', 'barClustered']);
    const [channels, units] = bd.charts!.map((c) => parseRangeAddress(c.dataRange)!);
    const block = (r: NonNullable<ReturnType<typeof parseRangeAddress>>) =>
      bd.rows.slice(r.r1, r.r2 + 1).map((row) => row.slice(r.c1, r.c2 + 1).map((c) => c.v));
    const reporting = result.summaries[0].children.filter((c) => c.figures);
    const sum = (k: 'A1' | 'A2' | 'A4' | 'A5') => reporting.reduce((t, c) => t + (c.figures![k] ?? 0), 0);
    expect(block(channels)).toEqual([['Kênh', 'Tin, bài'], ['Cổng/Trang TTĐT', sum('A1')], ['Truyền thanh', sum('A2')], ['Mạng xã hội', sum('A4')], ['Báo, đài PT-TH', sum('A5')]]);
    const perUnit = block(units);
    expect(perUnit[0]).toEqual(['Đơn vị', 'Tin, bài']);
    expect(perUnit).toHaveLength(reporting.length + 1);
    const totals = perUnit.slice(1).map((r) => r[1] as number);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    // The charts sit above their data, side by side from the same row.
    const anchors = bd.charts!.map((c) => parseRangeAddress(c.anchor)!);
    expect(anchors[0].r1).toBe(anchors[1].r1);
    expect(anchors[0].r1 + bd.charts![0].height).toBeLessThan(channels.r1);
  });

  test('summary: printed in column blocks at a legible scale, names repeated, header heights from the labels', () => {
    expect(th.print.scale! * OUTPUT_FONT.size / 100).toBeGreaterThanOrEqual(9);
    expect(th.print.repeatCols).toEqual([0, 1]);
    expect(th.print.colBreaks!.length).toBeGreaterThanOrEqual(2);
    const h = find(th, 'STT')!.ri;
    // The A4 label (the longest) needs more than the 96 pt of old.
    expect(th.rowHeights![h + 1]).toBeGreaterThan(96);
  });

  test('Phụ lục: task rows with result, x by the threshold, note, and the Tổng số line', () => {
    expect(pl.print.orientation).toBe('landscape');
    expect(pl.rows[0][0].v).toBe('PHỤ LỤC');
    expect(pl.rows[1][0].v).toBe('NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TRÊN ĐỊA BÀN HUYỆN NAM ĐÔNG NĂM 2020');
    expect(appendixSubtitle('Sở Nội vụ', 'Quý I', 2025)).toBe('NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC CỦA SỞ NỘI VỤ QUÝ I NĂM 2025');
    const head = rowOf(pl, 'STT');
    expect(head.map((c) => c.v)).toEqual(['STT', 'Nội dung nhiệm vụ', 'Kết quả thực hiện', 'Hoàn thành', 'Chưa hoàn thành', 'Ghi chú']);
    const first = pl.rows[find(pl, 'STT')!.ri + 1].map((c) => c.v);
    expect(first.slice(0, 5)).toEqual([1, 'Tuyên truyền trên Cổng thông tin điện tử', '2/3 đơn vị hoàn thành (yêu cầu 100%)', '', MARK]);
    expect(first[5]).toBe('Chưa nộp báo cáo: UBND xã Hương Phú.');
    expect(texts(pl)).toContain('Tổng số: 03 nhiệm vụ./.');
    expect(taskCountLine(8)).toBe('Tổng số: 08 nhiệm vụ./.');
    expect(taskCountLine(12)).toBe('Tổng số: 12 nhiệm vụ./.');
  });

  test('report: portrait, canonical TTCCHC-1, reads back with the same figures and tasks and no error', () => {
    expect(bc.print.orientation).toBe('portrait');
    const back = readSheet(outputSheetToGrid(bc));
    expect(back.kind).toBe('report');
    if (back.kind !== 'report') return;
    expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(back.report).toEqual(expect.objectContaining({
      unit: DISTRICT, level: 'Huyện', parent: PROVINCE, period: 'Năm', year: 2020, sentDate: '2020-10-18', compiled: true, identificationOk: true,
    }));
    const s = result.summaries[0];
    expect(back.report.figures).toEqual(s.figures);
    expect(back.report.tasks.map((t) => [t.stt, t.name, t.result, t.done])).toEqual(s.tasks.map((t) => [t.stt, t.name, t.result, t.complete]));
    expect(back.report.assessment.weaknesses!.split('\n')).toEqual([
      'Huyện Nam Đông: Kinh phí còn hạn chế.', 'Xã Hương Lộc: -Thiếu kinh phí', 'Xã Thượng Quảng: Kinh phí còn hạn chế.']);
    expect(texts(bc)).toContain('Bình quân của 3 đơn vị'); // A6 note
  });

  test('report at 150 communes: each assessment a unit per row, every row under Excel\'s tallest, read back word for word', () => {
    const big = provinceResult(150);
    const sheet = layoutOutputs(big, { now: new Date('2026-03-20T08:00:00Z') }).find((o) => o.role === 'report')!;
    const written = joinAssessments(big.summaries[0].assessments, displayUnitName);
    expect(written.weaknesses!.length).toBeGreaterThan(8000);
    expect(Object.entries(sheet.rowHeights ?? {}).filter(([, h]) => h >= MAX_ROW_HEIGHT)).toEqual([]);
    // The label once, each unit's line in a row of its own under it.
    const label = sheet.rows.findIndex((r) => r[0]?.v === 'Hạn chế, khó khăn');
    const lines = written.weaknesses!.split('\n');
    expect(sheet.rows.slice(label, label + lines.length).map((r) => [r[0].v, r[1].v])).toEqual(lines.map((l, i) => [i ? '' : 'Hạn chế, khó khăn', l]));
    const back = readSheet(outputSheetToGrid(sheet));
    expect(back.kind === 'report' && back.report.assessment).toEqual(written);
    // One level up (the report, --previous): every unit's text attributed to it again.
    const data = readCompiledWorkbook(layoutOutputs(big).map((o) => outputSheetToGrid(o)));
    const key = (a: { unit: string; key: string; text: string }) => `${a.key} ${unitKey(a.unit)} ${a.text}`;
    expect(data.summaries[0].assessments.map(key).sort()).toEqual(big.summaries[0].assessments.map(key).sort());
  });

  test('report: an assessment\'s lines with indents and blank lines read back as written; a row a unit adds under its text is read with it', () => {
    const text = 'Dòng một.\n  - thụt lề\n\nDòng sau.\nDòng cuối.';
    const one = compileReads([reportRead('UBND xã Hương Lộc', { figures: { A1: 1 }, assessment: { proposals: text } })], {});
    const sheet = layoutOutputs(one).find((o) => o.role === 'report')!;
    const label = sheet.rows.findIndex((r) => r[0]?.v === 'Kiến nghị, đề xuất');
    // Rows begin only where the text has no space at the cut (the reader trims a cell).
    expect(sheet.rows.slice(label, label + 3).map((r) => r[1].v)).toEqual(['Xã Hương Lộc: Dòng một.\n  - thụt lề\n\nDòng sau.', 'Dòng cuối.', '']);
    const back = readSheet(outputSheetToGrid(sheet));
    expect(back.kind === 'report' && back.report.assessment.proposals).toBe(`Xã Hương Lộc: ${text}`);
  });

  test('findings sheet: errors first, Vietnamese severity, unit, trang and cell, the rule by its Vietnamese name, a link to the cell', () => {
    const head = rowOf(kt, 'Mức độ');
    expect(head.map((c) => c.v)).toEqual(['STT', 'Mức độ', 'Đơn vị', 'Tệp', 'Trang', 'Ô', 'Quy tắc', 'Nội dung']);
    const start = find(kt, 'Mức độ')!.ri + 1;
    const sev = kt.rows.slice(start).map((r) => r[1].v);
    expect(sev.length).toBe(result.findings.length);
    const firstWarning = sev.indexOf('Cảnh báo');
    expect(sev.slice(firstWarning).every((v) => v === 'Cảnh báo')).toBe(true);
    const late = kt.rows.slice(start).find((r) => r[6].v === 'Nộp muộn')!;
    expect(late[2].v).toBe('UBND xã Thượng Quảng');
    expect(late[5].v).toMatch(/^B\d+$/);
    // The sheets of this compile are in the workbook (no file): each cell links to its place.
    const f = result.findings.find((x) => x.rule === 'compile.late')!;
    expect(late[5].link).toEqual({ sheet: f.sheet, cell: late[5].v });
    expect(internalLink({ sheet: "Xã A'Lưới", cell: 'D14' })).toBe("'Xã A''Lưới'!D14");
    // No rule id reaches the sheet.
    expect(kt.rows.slice(start).map((r) => r[6].v).filter((v) => /^[a-z]+\.[a-z-]+$/.test(String(v)))).toEqual([]);
    // Read back: the rule ids and the sheet names as they were.
    const back = readFindingsTable(outputSheetToGrid(kt))!;
    expect(back.map((x) => [x.rule, x.sheet, x.cell])).toEqual(sortFindings(result.findings).map((x) => [x.rule, x.sheet, x.cell]));
  });

  test('findings sheets written by earlier versions (`Sheet` header, rule ids) still read back', () => {
    const old = outputSheetToGrid(kt);
    const h = old.cells.findIndex((r) => r[1] === 'Mức độ');
    old.cells[h] = old.cells[h].map((v) => (v === 'Trang' ? 'Sheet' : v));
    const f = sortFindings(result.findings);
    for (let i = 0; i < f.length; i++) old.cells[h + 1 + i][6] = f[i].rule;
    expect(readFindingsTable(old)!.map((x) => [x.rule, x.sheet])).toEqual(f.map((x) => [x.rule, x.sheet]));
  });

  test('Phụ lục: the NĐ 30 reference line with dotted places for the number and date', () => {
    expect(pl.rows[2][0].v).toBe('(Kèm theo Báo cáo số ……/BC-UBND ngày …… tháng …… năm …… của UBND huyện Nam Đông)');
  });

  test('tasks: many tasks print at 75 % (9 pt) at least, then in column blocks beside the repeated names', () => {
    const s = result.summaries[0];
    const many = (n: number) => layoutTasks({ ...s, tasks: Array.from({ length: n }, (_, i) => ({ ...s.tasks[0], stt: i + 1 })) },
      { name: 'NV Nam Đông', period: result.period, year: result.year })!;
    expect([many(8).print.scale, many(8).print.colBreaks]).toEqual([100, undefined]);
    const twelve = many(12);
    expect(twelve.print.scale).toBeLessThan(100);
    expect(twelve.print.scale).toBeGreaterThanOrEqual(75);
    expect(twelve.print.colBreaks).toBeUndefined();
    const thirty = many(30);
    expect(thirty.print.scale).toBe(75);
    expect(thirty.print.colBreaks!.length).toBeGreaterThanOrEqual(1);
    expect(thirty.columnWidths.slice(2).every((w) => w >= 9)).toBe(true);
    // Neither tasks nor approvals: no sheet; approvals alone: their block is the sheet, its header repeated.
    expect(layoutTasks({ ...s, tasks: [] }, { name: 'NV', period: result.period, year: result.year })).toBeNull();
    const approvals = layoutTasks({ ...s, tasks: [] }, { name: 'NV', period: result.period, year: result.year, approvals: true })!;
    expect(approvals.rows[0][0].v).toBe('TÌNH TRẠNG PHÊ DUYỆT');
    expect(approvals.rows[4].map((c) => c.v)).toEqual(['STT', 'Đơn vị', 'Phê duyệt']);
    expect(approvals.print.repeatRows).toEqual([5, 5]);
    expect(approvals.columnWidths).toHaveLength(3);
  });

  test('workbooks compiled before `NV …` (the task matrix under the summary on `TH …`) read back as those compiled after', () => {
    const grids = sheets.map((s) => outputSheetToGrid(s));
    const nvGrid = grids[1];
    const head = find(nv, 'STT')!.ri;
    // The old layout: the matrix under the summary's table, after a blank row, with its heading in column A.
    const old = grids.filter((g) => g !== nvGrid).map((g) => (g.sheet !== th.name ? g : {
      ...g, cells: [...g.cells, [], [TASK_MATRIX_TITLE], ...nvGrid.cells.slice(head)],
    }));
    expect(old.map((g) => g.sheet)).toEqual(['TH Nam Đông', 'BĐ Nam Đông', 'PL Nam Đông', 'BC Nam Đông', 'Kiểm tra']);
    expect(readCompiledWorkbook(old)).toEqual(readCompiledWorkbook(grids));
    expect(readPreviousPeriod(old)).toEqual(readPreviousPeriod(grids));
    expect(readSummaryTable(old[0])).toEqual(readSummaryTable(grids[0]));
    expect(readSummaryTable(nvGrid)).toBeNull();
  });

  test('with the previous period: kỳ này, kỳ trước and tăng/giảm per indicator and per child', () => {
    const prevFig = { ...emptyFigures(), A1: 1000, A2: 0 };
    const outputs = layoutOutputs(result, { now: NOW, previous: { period: 'Năm', year: 2019, byUnit: {
      'huyen nam dong': prevFig, 'xa huong loc': { ...emptyFigures(), A1: 10 } } } });
    // On a sheet of its own, right after the summary: under the summary it printed beneath the indicator headers.
    expect(outputs.slice(0, 3).map((s) => [s.name, s.role])).toEqual([['TH Nam Đông', 'summary'], ['SS Nam Đông', 'previous'], ['NV Nam Đông', 'tasks']]);
    expect(texts(outputs[0]).filter((t) => t.startsWith('SO SÁNH') || t === 'Kỳ trước')).toEqual([]);
    expect(isOwnOutputSheet('SS Nam Đông')).toBe(true);
    const withPrev = outputs[1];
    const title = find(withPrev, 'SO SÁNH VỚI KỲ TRƯỚC (Năm 2019)')!;
    expect(rowOf(withPrev, 'Kỳ này').map((c) => c.v)).toEqual(['Mã', 'Chỉ tiêu', 'Kỳ này', 'Kỳ trước', 'Tăng/giảm']);
    const a1 = withPrev.rows[title.ri + 2];
    expect(a1.map((c) => c.v)).toEqual(['A1', INDICATORS[0].label, 1150, 1000, 0.15]);
    expect(a1[4].style?.numberFormat).toBe('0.0%');
    expect(withPrev.rows[title.ri + 3][4].v).toBeNull(); // A2 was 0: no percentage
    const child = withPrev.rows.find((r) => r[1]?.v === 'UBND xã Hương Lộc' && r[3]?.v === 10)!;
    expect(child[4].v).toBe(1); // 20 news items now, 10 before: +100 %
  });
});

describe('names', () => {
  test('short unit names drop the committee prefix and the level word', () => {
    expect(shortUnitName('UBND huyện Nam Đông')).toBe('Nam Đông');
    expect(shortUnitName('Ủy ban nhân dân thành phố Huế')).toBe('Huế');
    expect(shortUnitName('UBND thị xã Hương Trà')).toBe('Hương Trà');
    expect(shortUnitName('Sở Nội vụ')).toBe('Sở Nội vụ');
  });

  test('safeSheetName: legal characters, 31 chars, not History, unique ignoring case', () => {
    const taken = new Set<string>(['TH Nam Đông']);
    expect(safeSheetName('th nam đông', taken)).toBe('th nam đông (2)');
    expect(safeSheetName('TH Nam Đông', taken)).toBe('TH Nam Đông (3)');
    expect(safeSheetName("'a/b\\c?d*e:f[g]h'")).toBe('a b c d e f g h');
    expect(safeSheetName('History')).not.toMatch(/^history$/i);
    const long = safeSheetName('TH Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh', taken);
    expect(long.length).toBeLessThanOrEqual(31);
    const long2 = safeSheetName('TH Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh', taken);
    expect(long2).not.toBe(long);
    expect(long2.length).toBeLessThanOrEqual(31);
    expect(long2.endsWith(' (2)')).toBe(true);
    expect(safeSheetName('   ')).toBe('Trang') // Vietnamese, as every name the user sees;
    expect(safeSheetName("x'")).toBe('x');
  });

  test('isOwnOutputSheet recognises only the compiler\'s sheets', () => {
    for (const n of ['TH Nam Đông', 'NV Nam Đông', 'PL Nam Đông (2)', 'BC Huế', 'Kiểm tra', 'Kiểm tra (2)']) expect(isOwnOutputSheet(n)).toBe(true);
    for (const n of ['Hương Lộc', 'Kế hoạch', 'THCS', 'Mẫu Hương Lộc', 'Kiểm tra số liệu', 'TH', 'NV']) expect(isOwnOutputSheet(n)).toBe(false);
  });

  test('two parents with the same short name get different sheet names', () => {
    const r = compileReads([
      reportRead('UBND xã A', { parent: 'UBND huyện Hải Lăng' }),
      reportRead('UBND phường B', { parent: 'UBND thị xã Hải Lăng' }),
    ], {});
    const names = layoutOutputs(r, { now: NOW }).map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});

describe('layoutTemplate', () => {
  const plan = planRead({ compilingUnit: DISTRICT, parent: PROVINCE, tasks: [planTask(1, 'Nhiệm vụ một'), planTask(2, 'Nhiệm vụ hai')] });
  const sheet = layoutTemplate({ unit: 'UBND xã Hương Lộc', unitCode: 'X001', level: 'Xã', parent: DISTRICT, period: 'Quý I', year: 2025,
    plan: plan.kind === 'plan' ? plan.plan : undefined });

  test('a blank TTCCHC-1 with the plan tasks that the reader reads (as not yet filled)', () => {
    expect(sheet.role).toBe('template');
    expect(sheet.name).toBe('Mẫu Hương Lộc');
    const back = readSheet(outputSheetToGrid(sheet));
    expect(back.kind).toBe('report');
    if (back.kind !== 'report') return;
    expect(back.report).toEqual(expect.objectContaining({ unit: 'UBND xã Hương Lộc', unitCode: 'X001', level: 'Xã', period: 'Quý I', year: 2025, compiled: false }));
    expect(back.report.tasks.map((t) => t.name)).toEqual(['Nhiệm vụ một', 'Nhiệm vụ hai']);
    expect(texts(sheet)).not.toContain('Loại báo cáo');
  });

  test('lists on marks, level and period; whole numbers on figures; 0..24 on A6; labels protected', () => {
    const v = sheet.validations!;
    const listOf = (values: readonly string[]) => v.filter((x) => x.type === 'list' && JSON.stringify(x.values) === JSON.stringify(values));
    expect(listOf([MARK])).toHaveLength(1);
    // Items as both writers write them (sheet-model.ts listItem): `Phòng, ban` is offered as `Phòng ban`.
    expect(listOf(LEVEL_NAMES.map(listItem))).toHaveLength(1);
    expect(listOf(LEVEL_NAMES.map(listItem))[0]).toMatchObject({ values: expect.arrayContaining(['Phòng ban', 'Sở ngành']) });
    expect(listOf(PERIODS)).toHaveLength(1);
    const grid = outputSheetToGrid(sheet);
    const a6Row = grid.cells.findIndex((r) => r[0] === 'A6');
    const a1Row = grid.cells.findIndex((r) => r[0] === 'A1');
    expect(v).toContainEqual(expect.objectContaining({ type: 'decimal', min: 0, max: 24, range: `D${a6Row + 1}` }));
    expect(v).toContainEqual(expect.objectContaining({ type: 'wholeNumber', min: 0, range: `D${a1Row + 1}` }));
    expect(v.filter((x) => x.type === 'wholeNumber' && x.min === 0)).toHaveLength(INDICATORS.length - 1);
    const unlocked = sheet.protection!.unlockedRanges.map((r) => parseRangeAddress(r)!);
    const isUnlocked = (row: number, col: number) => unlocked.some((u) => row >= u.r1 && row <= u.r2 && col >= u.c1 && col <= u.c2);
    expect(isUnlocked(a1Row, 3)).toBe(true); // value
    expect(isUnlocked(a1Row, 1)).toBe(false); // label
    const taskRow = grid.cells.findIndex((r) => r[1] === 'Nhiệm vụ một');
    expect(isUnlocked(taskRow, 1)).toBe(false);
    expect(isUnlocked(taskRow, 3)).toBe(true);
    const templateRow = grid.cells.findIndex((r) => r[0] === 'Mã mẫu');
    expect(isUnlocked(templateRow, 1)).toBe(false);
  });

  test('rows whose indicator label or header wraps are tall enough for two lines; one-line rows keep the default', () => {
    const grid = outputSheetToGrid(sheet);
    const labelWidth = sheet.columnWidths[1];
    const heights = sheet.rowHeights ?? {};
    // Clearly too long for one line (LibreOffice's own wrapping is held in test/xlsx/print-layout.test.ts).
    const long = INDICATORS.filter((i) => Array.from(i.label).length > labelWidth * 1.15);
    const short = INDICATORS.filter((i) => Array.from(i.label).length <= labelWidth * 0.9);
    expect(long.length).toBeGreaterThan(0);
    expect(short.length).toBeGreaterThan(0);
    const rowOfCode = (code: string) => grid.cells.findIndex((r) => r[0] === code);
    // Times New Roman 12 needs about 15 points a line.
    for (const i of long) expect([i.code, (heights[rowOfCode(i.code)] ?? 0) >= 30]).toEqual([i.code, true]);
    for (const i of short) expect([i.code, heights[rowOfCode(i.code)]]).toEqual([i.code, undefined]);
    // The code and unit sit beside a two-line label, not under it.
    const a4 = sheet.rows[rowOfCode('A4')];
    expect(a4.map((c) => c.style?.valign)).toEqual(['middle', 'middle', 'middle', 'middle', 'middle']);
    // `Chưa hoàn thành` does not fit its column on one line.
    expect(heights[grid.cells.findIndex((r) => r[0] === 'STT')]).toBeGreaterThanOrEqual(30);
  });
});

describe('sheet invariants', () => {
  const result = district();
  const prev = { period: 'Năm' as const, year: 2019, byUnit: { 'huyen nam dong': { ...emptyFigures(), A1: 1 }, 'xa huong loc': { ...emptyFigures(), A1: 1 } } };
  const sheets = [...layoutOutputs(result, { now: NOW, previous: prev }), layoutTemplate({ unit: 'UBND xã A', level: 'Xã', parent: DISTRICT, period: 'Năm', year: 2020 })];

  test('merges never overlap and only their top-left cell holds a value', () => {
    for (const s of sheets) {
      const owner = new Map<string, string>();
      for (const m of s.merges) {
        const r = parseRangeAddress(m)!;
        for (let row = r.r1; row <= r.r2; row++) {
          for (let col = r.c1; col <= r.c2; col++) {
            const k = `${row}:${col}`;
            expect([s.name, k, owner.get(k)]).toEqual([s.name, k, undefined]);
            owner.set(k, m);
            if (row !== r.r1 || col !== r.c1) expect([s.name, m, s.rows[row]?.[col]?.v ?? null]).toEqual([s.name, m, null]);
          }
        }
      }
    }
  });

  test('column widths cover the used columns; print orientation set; numbers are finite', () => {
    for (const s of sheets) {
      expect(s.columnWidths.length).toBeGreaterThan(0);
      for (const { c } of cellsOf(s)) if (typeof c?.v === 'number') expect(Number.isFinite(c.v)).toBe(true);
      expect(['landscape', 'portrait']).toContain(s.print.orientation);
    }
  });
});

describe('layoutTemplate without a plan', () => {
  test('blank task rows the unit fills (STT and name unlocked), read back as no tasks and no error', () => {
    const sheet = layoutTemplate({ unit: 'Sở Nội vụ', level: 'Sở, ngành', parent: PROVINCE, period: 'Năm', year: 2025, taken: ['Mẫu Sở Nội vụ'] });
    expect(sheet.name).toBe('Mẫu Sở Nội vụ (2)');
    const back = readSheet(outputSheetToGrid(sheet));
    expect(back.kind).toBe('report');
    if (back.kind !== 'report') return;
    expect(back.report.tasks).toEqual([]);
    expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const grid = outputSheetToGrid(sheet);
    const header = grid.cells.findIndex((r) => r[0] === 'STT');
    const unlocked = sheet.protection!.unlockedRanges.map((r) => parseRangeAddress(r)!);
    expect(unlocked.some((u) => u.r1 === header + 1 && u.c1 === 0 && u.c2 === 5)).toBe(true);
  });
});

test('no sheet has a hole: every row is a dense array of cells', () => {
  const sheets = layoutOutputs(district(), { now: NOW });
  for (const s of sheets) {
    for (const r of s.rows) {
      expect(Array.isArray(r)).toBe(true);
      for (let i = 0; i < r.length; i++) expect(r[i]).toBeDefined();
    }
  }
});

describe('what the writers copy is decided by the layout', () => {
  test('every output sheet names its font (Times New Roman 12) and its paper (A4); a text longer than a cell holds is cut with …', () => {
    // A unit's assessment longer than a cell holds: the BC writes it over rows (none over a cell's limit), read back whole.
    const long = Array.from({ length: 1500 }, (_, i) => `Câu thứ ${i + 1} về kinh phí.`).join(' ');
    expect(long.length).toBeGreaterThan(MAX_CELL_TEXT);
    const result = compileReads([reportRead('UBND xã Hương Lộc', { figures: { A1: 1 }, assessment: { strengths: long } })], {});
    const sheets = [...layoutOutputs(result), layoutTemplate({ unit: 'UBND xã Hương Lộc', level: 'Xã', parent: DISTRICT, period: 'Năm', year: 2024 })];
    for (const s of sheets) expect([s.name, s.font, s.print.paper]).toEqual([s.name, { name: 'Times New Roman', size: 12 }, 'A4']);
    expect(OUTPUT_FONT).toEqual({ name: 'Times New Roman', size: 12 });
    const texts = sheets.flatMap((s) => s.rows.flat().map((c) => c.v)).filter((v): v is string => typeof v === 'string');
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThan(MAX_CELL_TEXT);
    const back = readSheet(outputSheetToGrid(sheets.find((s) => s.role === 'report')!));
    // One sentence-long line cut between sentences: read back, a line break stands where a space was.
    expect(back.kind === 'report' && back.report.assessment.strengths!.replace(/\s+/g, ' ')).toBe(`Xã Hương Lộc: ${long}`);
    // Any text still longer than a cell holds is cut with … where the sheet is built (styles.ts), for both writers.
    const b = new SheetBuilder();
    b.set(0, 0, { v: 'x'.repeat(MAX_CELL_TEXT + 10) });
    const cut = String(b.build({ name: 'T', role: 'summary', columnWidths: [10], print: { orientation: 'portrait' } }).rows[0][0].v);
    expect([cut.length, cut.endsWith('…')]).toEqual([MAX_CELL_TEXT, true]);
  });
});
