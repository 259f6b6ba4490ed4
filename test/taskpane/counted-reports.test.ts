/**
 * «Báo cáo được tính» said once (core/rollup.ts reportsCounted): the pane's count
 * (findings-view.ts countResult) and the command line's summary give the same number,
 * also for `6 tháng` built from Quý I + Quý II (docs/spec/TEMPLATE.md §11), where both
 * quarters of a unit went into its figures, though only the last is marked counted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileSummary } from '../../src/cli/summary';
import { compileGrids } from '../../src/core/compile';
import { countResult } from '../../src/taskpane/findings-view';
import { resultSentence } from '../../src/taskpane/result-words';
import { readXlsxFile } from '../../src/xlsx/read-file';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

it('6 tháng from the two quarters: the pane counts the reports the CLI counts, the sub-period ones included', async () => {
  const quarters = ['quang-tri-quy-i-2026', 'quang-tri-quy-ii-2026'].map((d) => path.join(EXAMPLES, d));
  const files = quarters.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.xlsx') && f !== 'ke-hoach.xlsx').sort().map((f) => path.join(d, f)));
  const grids = [path.join(EXAMPLES, 'quang-tri-6-thang-2026', 'ke-hoach.xlsx'), ...files];
  const read = (await Promise.all(grids.map((f) => readXlsxFile(f)))).flat();
  const result = compileGrids(read);
  expect([result.period, result.year]).toEqual(['6 tháng', 2026]);

  const printed = /^Báo cáo được tính: (\d+)\/(\d+)\./m.exec(compileSummary({ result, filesRead: grids.length, sheetsRead: read.length, written: [] }));
  expect(printed).not.toBeNull();
  const [cli, of] = [Number(printed![1]), Number(printed![2])];
  // Units built from their quarters count both quarters: more reports than units marked counted.
  expect(cli).toBeGreaterThan(result.reports.filter((r) => r.counted).length);
  expect(countResult(result).reports).toBe(cli);
  expect(resultSentence({ counts: countResult(result), result })).toContain(`: ${cli} báo cáo được tính,`);
  expect(of).toBe(result.reports.length);
});
