/**
 * The consistency rules of docs/spec/TEMPLATE.md §3 live in one table
 * (core/consistency-rules.ts): the checker, the template's TỰ KIỂM TRA
 * formulas, the rules' names and the template's guide are all made from it,
 * so a new rule is one entry, and the dossier rules D9 / D10 behave as the
 * spec says.
 */
import { CONSISTENCY_RULES, consistencyRuleName, statement, type ConsistencyRule } from '../../src/core/consistency-rules';
import { checkFigures } from '../../src/core/figure-checks';
import type { Finding } from '../../src/core/findings';
import { layoutTemplate, outputSheetToGrid } from '../../src/core/layout';
import { withCheckBlock } from '../../src/core/layout/check-block';
import { guideLines, GUIDE_LINES } from '../../src/core/layout/template-guide';
import { layoutUnitReport } from '../../src/core/layout/unit-report-sheet';
import { readSheet } from '../../src/core/reader';
import { ruleName, ruleOfName, type RuleId } from '../../src/core/rule-names';
import type { OutputSheet } from '../../src/core/sheet-model';
import { computeRates, INDICATOR_BY_CODE, type IndicatorCode } from '../../src/core/template';
import { fillTemplate } from '../helpers/fill-template';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';

const ID = { unit: 'UBND xã Vĩnh Linh', unitCode: '19363', level: 'Xã' as const, parent: 'UBND tỉnh Quảng Trị', period: 'Quý I' as const, year: 2026 };
const PLAN = { source: { sheet: 'Kế hoạch' }, roster: [], tasks: [{ stt: 1, name: 'Tuyên truyền trên Cổng thông tin', threshold: 1 }] };

/** An old-style sheet (no D9, D10 rows unless given) with these figures over a balanced sample. */
function findingsFor(figures: Partial<Record<IndicatorCode, number | null>>): Finding[] {
  const r = readSheet(makeUnitGrid(sampleSpec({ figures: { ...sampleSpec().figures, ...figures } })));
  if (r.kind !== 'report') throw new Error('not a report');
  return r.findings;
}
const rules = (fs: Finding[]) => fs.map((f) => f.rule);

/** The figures of a filled template as read back, and its findings. */
function readFilled(sheet: OutputSheet, figures: Partial<Record<IndicatorCode, number>>) {
  const r = readSheet(outputSheetToGrid(fillTemplate(sheet, { figures })));
  if (r.kind !== 'report') throw new Error('not a report');
  return r;
}

describe('the dossier rules of §3', () => {
  test('a sheet made before D9 and D10 reads as before: no new finding', () => {
    expect(findingsFor({})).toEqual([]);
  });

  test('withdrawn, returned or stopped dossiers (D9) close the balance: no error', () => {
    // 5 carried over + 100 received = 90 resolved + 2 late + 10 in progress + 3 withdrawn.
    expect(findingsFor({ D1: 5, D2: 100, D3: 40, D4: 90, D5: 2, D6: 10, D9: 3, D10: 1 })).toEqual([]);
    const without = findingsFor({ D1: 5, D2: 100, D3: 40, D4: 90, D5: 2, D6: 10 });
    expect(rules(without)).toEqual(['dossier.balance']);
    expect(without[0].message).toContain('D4 + D5 + D6 + D9 = 90 + 2 + 10 + 0 = 102');
  });

  test('the official «Tổng số» typed into D2 (difference = D1): the message says so', () => {
    // 5 carried over, 100 received: the one-stop form's Tổng số is 105.
    const fs = findingsFor({ D1: 5, D2: 105, D3: 40, D4: 90, D5: 2, D6: 10, D9: 3 });
    expect(rules(fs)).toEqual(['dossier.balance']);
    expect(fs[0].message).toContain('chênh 5; đúng bằng D1');
    expect(fs[0].message).toContain('«Tổng số»');
    // Another difference gets no such hint.
    expect(findingsFor({ D1: 5, D2: 104, D3: 40, D4: 90, D5: 2, D6: 10, D9: 3 })[0].message).not.toContain('đúng bằng D1');
  });

  test('D10 ≤ D6: more overdue than in progress is an error at D10', () => {
    const fs = findingsFor({ D6: 16, D10: 17 });
    expect(fs).toEqual([expect.objectContaining({ rule: 'dossier.overdue', severity: 'error' })]);
    expect(fs[0].message).toContain('D10 (trong đó (của D6): đang giải quyết quá hạn) = 17 lớn hơn D6');
    expect(findingsFor({ D6: 16, D10: 16 })).toEqual([]);
  });

  test('the overdue-in-progress rate is D10 / D6, empty when nothing is in progress', () => {
    const f = readSheet(makeUnitGrid(sampleSpec({ figures: { ...sampleSpec().figures, D6: 16, D10: 4 } })));
    if (f.kind !== 'report') throw new Error();
    expect(computeRates(f.report.figures).overdue).toBe(0.25);
    expect(computeRates({ ...f.report.figures, D6: 0 }).overdue).toBeNull();
  });

  test('a new template has D9 and D10 rows; what is typed there reads back', () => {
    const r = readFilled(layoutTemplate({ ...ID, plan: PLAN }), { D1: 5, D2: 100, D3: 40, D4: 90, D5: 2, D6: 10, D9: 3, D10: 4 });
    expect(r.report.figures.D9).toBe(3);
    expect(r.report.figures.D10).toBe(4);
    expect(rules(r.findings).filter((x) => x.startsWith('dossier.'))).toEqual([]);
  });

  test('every indicator has the kind cumulative periods build on (docs/spec/TEMPLATE.md §11)', () => {
    expect(INDICATOR_BY_CODE.B1.timeKind).toBe('flow');
    expect(INDICATOR_BY_CODE.D9.timeKind).toBe('flow');
    expect(INDICATOR_BY_CODE.D1.timeKind).toBe('opening-stock');
    expect((['D6', 'D7', 'D8', 'D10'] as const).map((c) => INDICATOR_BY_CODE[c].timeKind)).toEqual(Array(4).fill('closing-stock'));
    expect(INDICATOR_BY_CODE.A6.timeKind).toBe('mean');
  });
});

describe('one table makes the four outputs', () => {
  test('every rule of the table has its name, its guide line and its template check', () => {
    const sheet = layoutTemplate({ ...ID, plan: PLAN });
    const formulas = sheet.rows.flat().map((c) => c?.formula ?? '').join('\n');
    const guide = GUIDE_LINES.join('\n');
    for (const r of CONSISTENCY_RULES) {
      expect(ruleName(r.rule)).toBe(consistencyRuleName(r));
      expect(ruleName(r.rule)).toContain(statement(r));
      expect(ruleOfName(ruleName(r.rule))).toBe(r.rule);
      expect(guide).toContain(statement(r));
      expect(formulas).toContain(`"${statement(r)}"`);
    }
    expect(guide).toContain('C2 > 0 thì C1 > 0');
    expect(guide).toContain('C4 > 0 thì C3 > 0');
  });

  test('adding a rule is one entry: checker, check block, name and guide all carry it', () => {
    // A hypothetical new rule: its id would be named by the table itself (rule-names.ts RuleId).
    const extra: ConsistencyRule<RuleId> = { rule: 'dossier.online-of-resolved' as RuleId, title: 'Trực tuyến vượt đã giải quyết', severity: 'warning', shape: 'part', part: 'D3', whole: 'D4' };
    const table = [...CONSISTENCY_RULES, extra];
    // The checker.
    const r = readSheet(makeUnitGrid(sampleSpec({ figures: { ...sampleSpec().figures, D3: 600, D4: 500, D6: 536 } })));
    if (r.kind !== 'report') throw new Error();
    expect(checkFigures(r.report, undefined, table)).toEqual([expect.objectContaining({ rule: extra.rule, severity: 'warning', cell: r.report.figureCells.D3 })]);
    expect(checkFigures(r.report)).toEqual([]);
    // The template's check block.
    const { sheet, cells } = layoutUnitReport({ name: 'Mẫu Vĩnh Linh', role: 'template', ...ID, compiled: false, figures: null, tasks: [] });
    const formulasOf = (s: OutputSheet) => s.rows.flat().map((c) => c?.formula ?? '').join('\n');
    expect(formulasOf(withCheckBlock(sheet, cells, table))).toContain('"D3 ≤ D4"');
    expect(formulasOf(withCheckBlock(sheet, cells))).not.toContain('"D3 ≤ D4"');
    // The name and the guide.
    expect(consistencyRuleName(extra)).toBe('Trực tuyến vượt đã giải quyết (D3 ≤ D4)');
    expect(guideLines(table).join('\n')).toMatch(/cảnh báo\): .*D3 ≤ D4/);
  });
});

