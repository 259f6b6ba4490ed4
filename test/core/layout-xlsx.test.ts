/** The compiled outputs through the real .xlsx writer and reader: the BC sheet still reads as the same report. */
import { compileGrids } from '../../src/core/compile';
import { layoutOutputs } from '../../src/core/layout';
import { readSheet } from '../../src/core/reader';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { makeUnitGrid } from '../helpers/unit-grid';
import { DISTRICT, unit } from './compile-fixtures';

test('written to .xlsx and read back: the compiled report gives the same figures, the =note stays text', async () => {
  const grids = [
    makeUnitGrid(unit('UBND xã A', { figures: { A1: 1031, A6: 2.5, D1: 0, D2: 10, D3: 4, D4: 10, D5: 0, D6: 0, D7: 3, D8: 3 }, assessment: { proposals: '=1+1' } })),
    makeUnitGrid(unit('UBND xã B', { figures: { A1: 5, A6: 3 }, tasks: [{ stt: 1, name: 'Tuyên truyền trên Cổng thông tin điện tử', result: '+5 tin', done: true }] })),
  ];
  const result = compileGrids(grids, {});
  const sheets = layoutOutputs(result, { now: new Date(2020, 9, 1) });
  const bytes = await writeXlsx(sheets);
  const back = readXlsxBuffer(bytes, 'tonghop.xlsx');
  expect(back.map((g) => g.sheet)).toEqual(sheets.map((s) => s.name));
  const bc = readSheet(back.find((g) => g.sheet === 'BC Nam Đông')!);
  expect(bc.kind).toBe('report');
  if (bc.kind !== 'report') return;
  expect(bc.report.unit).toBe(DISTRICT);
  expect(bc.report.figures).toEqual(result.summaries[0].figures);
  expect(bc.report.sentDate).toBe('2020-10-01');
  expect(bc.report.assessment.proposals).toBe('Xã A: =1+1');
  // Without a plan nobody said who the district's parent is: the compile warned, the sheet says so when read.
  expect(result.findings.filter((f) => f.rule === 'compile.parent-unknown').map((f) => f.unit)).toEqual([DISTRICT]);
  expect(bc.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.message.includes('Đơn vị cấp trên')])).toEqual([['id.missing', true]]);
});
