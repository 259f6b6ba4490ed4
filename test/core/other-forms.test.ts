/** «Hình thức khác»: the K1–K9 rows (docs/spec/TEMPLATE.md §3). */
import { compileReads } from '../../src/core/compile';
import { readSheet } from '../../src/core/reader';
import { layoutOutputs, outputSheetToGrid } from '../../src/core/layout';
import { layoutUnitReport } from '../../src/core/layout/unit-report-sheet';
import { layoutTemplate } from '../../src/core/layout/template-sheet';
import type { SheetRead, UnitReport } from '../../src/core/model';
import { emptyFigures } from '../../src/core/template';
import { OTHER_FORM_RULES, OTHER_FORM_STATEMENT } from '../../src/core/other-forms';
import { ruleName } from '../../src/core/rule-names';
import { fromCompileResult } from '../../src/report/report-data';
import { narrativeBlocks } from '../../src/report/narrative';
import { DISTRICT, PROVINCE, planRead } from './compile-fixtures';

type Form = { label: string; unit: string; value: number | null };

function sheetOf(unit: string, forms: Form[]): SheetRead {
  const figures = { ...emptyFigures(), A1: 1 };
  const { sheet } = layoutUnitReport({
    name: unit.replace('UBND ', ''), role: 'report', unit, level: 'Xã', parent: DISTRICT, period: 'Năm', year: 2020,
    compiled: false, figures, tasks: [], otherForms: forms,
  });
  return readSheet(outputSheetToGrid(sheet));
}
const findingsOf = (r: SheetRead) => ('findings' in r ? r.findings : []);
const reportOf = (r: SheetRead): UnitReport => (r.kind === 'report' ? r.report : (() => { throw new Error('not a report'); })());

describe('K rows', () => {
  test('a unit\'s own forms are read with their label, unit and number', () => {
    const r = sheetOf('UBND xã A', [{ label: 'Lượt xe cổ động', unit: 'lượt', value: 4 }, { label: 'Phướn', unit: 'cái', value: 30 }]);
    expect(reportOf(r).otherForms).toEqual([
      { code: 'K1', label: 'Lượt xe cổ động', unit: 'lượt', value: 4 },
      { code: 'K2', label: 'Phướn', unit: 'cái', value: 30 },
    ]);
    expect(findingsOf(r).map((f) => f.rule)).not.toContain('figure.unknown-code');
  });

  test('a number without a label is an error; a label without a number a warning; both name the cell', () => {
    const r = sheetOf('UBND xã A', [{ label: '', unit: 'lượt', value: 4 }, { label: 'Phướn', unit: 'cái', value: null }]);
    const f = findingsOf(r).filter((x) => x.rule.startsWith('figure.other'));
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['figure.other-no-label', 'error'], ['figure.other-no-value', 'warning']]);
    expect(f.every((x) => /^[A-Z]+\d+$/.test(x.cell))).toBe(true);
    expect(reportOf(r).otherForms?.map((x) => x.label)).toEqual(['Phướn']);
  });

  test('the rule is worded once (other-forms.ts): the reader, the rules\' names, the template\'s guide and its check block say it', () => {
    const r = sheetOf('UBND xã A', [{ label: '', unit: 'lượt', value: 4 }, { label: 'Phướn', unit: 'cái', value: null }]);
    const { noLabel, noValue } = OTHER_FORM_RULES;
    expect(findingsOf(r).filter((x) => x.rule.startsWith('figure.other')).map((x) => [x.rule, x.severity]))
      .toEqual([[noLabel.rule, noLabel.severity], [noValue.rule, noValue.severity]]);
    expect([ruleName(noLabel.rule), ruleName(noValue.rule)]).toEqual([noLabel.title, noValue.title]);
    const t = layoutTemplate({ unit: 'UBND xã A', level: 'Xã', parent: DISTRICT, period: 'Năm', year: 2020 });
    const texts = t.rows.flat().map((c) => (typeof c?.v === 'string' ? c.v : '')).join('\n');
    expect(texts).toContain(`${noLabel.statement} (lỗi); ${noValue.statement} (cảnh báo)`);
    const formulas = t.rows.flat().map((c) => c?.formula ?? '').join('\n');
    expect(formulas).toContain(`"${OTHER_FORM_STATEMENT}"`);
    // The K rows' cells are marked: the label of a number without one, the number of a label without one.
    const kRows = t.rows.flatMap((row, i) => (typeof row?.[0]?.v === 'string' && /^K\d$/.test(row[0].v) ? [i + 1] : []));
    expect((t.conditionalFormats ?? []).map((f) => f.range)).toEqual(expect.arrayContaining([`B${kRows[0]}:B${kRows[2]}`, `D${kRows[0]}:D${kRows[2]}`]));
  });

  test('a template offers three blank K rows, which read back with no finding about them', () => {
    const t = layoutTemplate({ unit: 'UBND xã A', level: 'Xã', parent: DISTRICT, period: 'Năm', year: 2020 });
    const codes = t.rows.map((row) => row?.[0]?.v).filter((v) => typeof v === 'string' && /^K\d$/.test(v));
    expect(codes).toEqual(['K1', 'K2', 'K3']);
    const r = readSheet(outputSheetToGrid(t));
    expect(findingsOf(r).map((x) => x.rule).filter((x) => x.startsWith('figure.other') || x === 'figure.unknown-code')).toEqual([]);
    // The clerk may type in them: label to note unlocked.
    expect(t.protection?.unlockedRanges?.some((a) => a.startsWith('B'))).toBe(true);
  });

  test('compiled by folded label and unit, summed across units, into the summary, the parent\'s own report and the narrative', () => {
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, level: 'Huyện', parent: PROVINCE }),
      sheetOf('UBND xã A', [{ label: 'Lượt xe cổ động', unit: 'lượt', value: 4 }, { label: 'Phướn', unit: 'cái', value: 30 }]),
      sheetOf('UBND xã B', [{ label: 'luot xe co dong', unit: 'Lượt', value: 6 }]),
    ], {});
    const s = result.summaries[0];
    expect(s.otherForms).toEqual([
      { label: 'Lượt xe cổ động', unit: 'lượt', value: 10, units: 2 },
      { label: 'Phướn', unit: 'cái', value: 30, units: 1 },
    ]);
    const sheets = layoutOutputs(result);
    const texts = (name: RegExp) => sheets.filter((x) => name.test(x.name)).flatMap((x) => x.rows.flatMap((r) => (r ?? []).map((c) => c?.v)));
    expect(texts(/^TH /).some((v) => typeof v === 'string' && v.includes('Hình thức khác: Lượt xe cổ động: 10 lượt; Phướn: 30 cái'))).toBe(true);
    // The parent's own report carries them as its own K rows, read one level up like any unit's.
    const bc = sheets.find((x) => /^BC /.test(x.name))!;
    const up = reportOf(readSheet(outputSheetToGrid(bc)));
    expect(up.otherForms?.map((f) => [f.label, f.value])).toEqual([['Lượt xe cổ động', 10], ['Phướn', 30]]);
    const blocks = narrativeBlocks(fromCompileResult(result));
    const at = blocks.findIndex((b) => b.text.endsWith('Hình thức khác'));
    expect(at).toBeGreaterThan(0);
    expect(blocks[at + 1].text).toContain('Lượt xe cổ động: 10 lượt');
  });
});
