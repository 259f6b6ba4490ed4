/** A province-scale roll-up: right counts (3,321 communes under 34 provinces); its speed is the benchmark's. */
import { compileReads } from '../../src/core/compile';
import type { SheetRead, UnitReport } from '../../src/core/model';
import { emptyFigures, INDICATOR_CODES } from '../../src/core/template';

function communeRead(i: number, provinces: number): SheetRead {
  const p = (i % provinces) + 1;
  const figures = emptyFigures();
  for (const c of INDICATOR_CODES) figures[c] = c === 'A6' ? 2 : (i % 7) + 1;
  const report: UnitReport = {
    source: { file: `xa-${i}.xlsx`, sheet: 'Báo cáo' },
    unit: `UBND xã Số ${i}`, level: 'Xã', parent: `UBND tỉnh Số ${p}`, period: 'Năm', year: 2025,
    compiled: false, identificationOk: true, figures, figureCells: {}, idCells: {},
    tasks: [1, 2, 3].map((stt) => ({ stt, name: `Nhiệm vụ ${stt}`, result: 'Đã làm', note: '', done: (i + stt) % 4 !== 0, cell: `A${30 + stt}` })),
    assessment: {},
  };
  return { kind: 'report', report, findings: [] };
}

// Its time (target 0.5 s) is measured by the benchmark (scripts/bench.js, npm run bench), not asserted here.
test('3,321 communes under 34 provinces: one summary per province, every commune counted once', () => {
  const reads = Array.from({ length: 3321 }, (_, i) => communeRead(i + 1, 34));
  const result = compileReads(reads, {});
  expect(result.summaries).toHaveLength(34);
  expect(result.summaries.reduce((n, s) => n + s.children.length, 0)).toBe(3321);
  expect(result.reports.every((r) => r.counted)).toBe(true);
  const expectedA1 = reads.reduce((t, r) => t + (r.kind === 'report' ? r.report.figures.A1! : 0), 0);
  expect(result.summaries.reduce((t, s) => t + s.figures.A1!, 0)).toBe(expectedA1);
  expect(result.summaries.every((s) => s.level === 'Tỉnh')).toBe(true);
});
