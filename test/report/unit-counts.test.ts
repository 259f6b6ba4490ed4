/**
 * One count of units throughout the report: the example district
 * (examples/, 17 units and the district's own sheet) compiled as the
 * command line does, then its .docx opened. The body's «N/M đơn vị gửi báo
 * cáo» and the Phụ lục's «N/M đơn vị hoàn thành» count the same units (the
 * rule: core/rollup.ts reportingUnits), the district never lists itself as
 * not completing a task, and a task left Chưa hoàn thành says the share
 * the plan required.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileGrids } from '../../src/core/compile';
import type { CompileResult } from '../../src/core/model';
import { readXlsxFile } from '../../src/xlsx/read-file';
import { buildReportDocx } from '../../src/report/docx-report';
import { fromCompileResult } from '../../src/report/report-data';
import { openDocx, paragraphs } from './docx-helpers';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

let result: CompileResult;
let text: string[];
let appendixRows: string[][];
let unitRows: string[][];

beforeAll(async () => {
  const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(EXAMPLES, f));
  const grids = (await Promise.all(files.map(readXlsxFile))).flat();
  result = compileGrids(grids);
  const doc = await openDocx(await buildReportDocx(fromCompileResult(result, { date: new Date(2022, 10, 5) })));
  text = paragraphs(doc.document).map((p) => p.text);
  const tables = [...doc.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  const rowsOf = (table: string) => [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)]
    .map((m) => [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).map((p) => p.text).join(' ')));
  // Phụ lục I: one row per task after the header; Phụ lục II: one row per unit.
  appendixRows = rowsOf(tables.find((t) => t.includes('Nội dung nhiệm vụ'))!).slice(1);
  unitRows = rowsOf(tables.find((t) => t.includes('Số, ngày văn bản'))!).slice(1);
});

test('Phụ lục II lists the same 17 units, one of them «Chưa gửi»', () => {
  expect(unitRows).toHaveLength(17);
  expect(unitRows.filter((r) => r[4] === 'Chưa gửi')).toHaveLength(1);
  expect(unitRows.map((r) => r[1])).not.toContain('UBND huyện Nam Đông');
  expect(text.find((t) => /^Có 16\/17 đơn vị/.test(t))).toContain('tại Phụ lục II kèm theo');
});

test('the body and the Phụ lục count the same 17 units (the district\'s own sheet is not one of them)', () => {
  const sent = text.find((t) => /^Có \d+\/\d+ đơn vị gửi báo cáo/.test(t));
  expect(sent).toMatch(/^Có 16\/17 đơn vị gửi báo cáo/);
  expect(appendixRows).toHaveLength(8);
  for (const row of appendixRows) expect(row[2]).toMatch(/^\d+\/17 đơn vị hoàn thành/);
  // The same count in the compiled data the Phụ lục sheet is written from.
  expect(result.summaries[0].tasks.every((t) => t.expected === 17)).toBe(true);
});

test('the district does not list itself among the units not completing a task', () => {
  for (const row of appendixRows) expect(row[5]).not.toContain('UBND huyện Nam Đông');
  expect(result.summaries[0].tasks.flatMap((t) => t.notDone)).not.toContain('UBND huyện Nam Đông');
});

test('a task left Chưa hoàn thành by one unit says the plan required 100%', () => {
  // Task 4 of the plan requires 100% (examples/README.md); 16 of the 17 units sent their report.
  const task4 = appendixRows.find((r) => r[0] === '4')!;
  expect(task4[2]).toBe('16/17 đơn vị hoàn thành (yêu cầu 100%)');
  expect(task4[4]).toBe('x');
  // The body says it too, where it lists the unfinished tasks.
  expect(text.find((t) => t.startsWith('- Còn '))).toContain('nhiệm vụ 4: Niêm yết, công khai thủ tục hành chính; cập nhật TTHC sửa đổi, bổ sung (16/17 đơn vị hoàn thành, yêu cầu 100%)');
  // A task reaching its 80% says nothing more.
  const task1 = appendixRows.find((r) => r[0] === '1')!;
  expect(task1[2]).toMatch(/^\d+\/17 đơn vị hoàn thành$/);
  expect(task1[3]).toBe('x');
});
