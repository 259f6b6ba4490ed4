/**
 * «Phản hồi» in the pane when every report is of another period than the plan (docs/spec/TEMPLATE.md §8,
 * core/period-mismatch.ts): the one message `tonghop feedback` prints, pointing at the plan's
 * `Kỳ báo cáo` cell, and no letters; not «everyone sent on time».
 */
import * as fs from 'fs';
import * as path from 'path';
import { compileGrids } from '../../src/core/compile';
import type { CompileResult } from '../../src/core/model';
import { otherPeriodStop } from '../../src/core/period-mismatch';
import type { CompileOutcome } from '../../src/taskpane/actions';
import { makeFeedback } from '../../src/taskpane/features/report-out';
import { countResult } from '../../src/taskpane/findings-view';
import { readXlsxFile } from '../../src/xlsx/read-file';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const QUY_II = path.join(EXAMPLES, 'quang-tri-quy-ii-2026');
const reports = fs.readdirSync(QUY_II).filter((f) => f.endsWith('.xlsx') && f !== 'ke-hoach.xlsx').sort().map((f) => path.join(QUY_II, f));

async function outcomeOf(plan: string): Promise<CompileOutcome> {
  const grids = (await Promise.all([plan, ...reports].map((f) => readXlsxFile(f)))).flat();
  const result: CompileResult = compileGrids(grids);
  return { action: 'compile', result, counts: countResult(result), written: [], fileProblems: [], notes: [] };
}

it('Quý II reports against the Quý I plan: the plan\'s period named, no letter made, the step not done', async () => {
  const o = await outcomeOf(path.join(EXAMPLES, 'quang-tri-quy-i-2026', 'ke-hoach.xlsx'));
  expect(o.result.allOtherPeriod).toBe(true);
  const made = await makeFeedback(o);
  expect(made.letters).toBeUndefined();
  expect(made.done).toBe(false);
  expect(made.notices).toHaveLength(1);
  expect(made.notices[0].intent).toBe('error');
  // The same words as `tonghop feedback` (cli/feedback-command.ts), with the plan's cell.
  expect(made.notices[0].lines).toEqual([otherPeriodStop(o.result)]);
  expect(made.notices[0].lines[0]).toMatch(/ke-hoach\.xlsx › 'Kế hoạch'!\w+\d+: Không báo cáo nào thuộc kỳ Quý I năm 2026/);
  expect(made.notices[0].lines[0]).toContain('Chưa tạo văn bản nào gửi đơn vị');
  expect(JSON.stringify(made.notices)).not.toContain('đúng hạn');
});
