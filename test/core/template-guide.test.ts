/**
 * The blank template's additions for the clerk (layout/template-sheet.ts,
 * layout/template-guide.ts) are never data: a filled template reads exactly
 * as the same form without them (figures, tasks, assessments, findings),
 * the untouched one too, and the guide states the rules the
 * checker enforces.
 */
import { layoutTemplate, outputSheetToGrid } from '../../src/core/layout';
import { GUIDE_LINES, GUIDE_TITLE, SIGNERS } from '../../src/core/layout/template-guide';
import type { Plan } from '../../src/core/model';
import { readSheet } from '../../src/core/reader';
import type { OutputSheet } from '../../src/core/sheet-model';
import { COLORS } from '../../src/core/layout/styles';
import { parseRangeAddress } from '../../src/core/address';
import { fillTemplate } from '../helpers/fill-template';

const PLAN: Plan = { source: { sheet: 'Kế hoạch' }, roster: [], tasks: [
  { stt: 1, name: 'Tuyên truyền trên Cổng thông tin', threshold: 1 },
  { stt: 2, name: 'Tổ chức cuộc thi', threshold: 1 },
] };
const ID = { unit: 'UBND xã Vĩnh Linh', unitCode: '19363', level: 'Xã' as const, parent: 'UBND tỉnh Quảng Trị', period: 'Quý I' as const, year: 2026 };

/** The same sheet cut where the signature block starts: the form alone, without the additions for the clerk. */
function formOnly(sheet: OutputSheet): OutputSheet {
  const at = sheet.rows.findIndex((r) => r?.some((c) => c?.v === SIGNERS[0].title));
  expect(at).toBeGreaterThan(0);
  return { ...sheet, rows: sheet.rows.slice(0, at) };
}

const readOf = (s: OutputSheet) => {
  const r = readSheet(outputSheetToGrid(s));
  return r.kind === 'report' ? { report: r.report, findings: r.findings.map((f) => [f.rule, f.cell, f.message]) } : r.kind;
};

describe('the template for the clerk', () => {
  for (const checkBlock of [true, false]) {
    test(`signature block and guide are never read (check block ${checkBlock ? 'on' : 'off'})`, () => {
      const sheet = layoutTemplate({ ...ID, plan: PLAN, checkBlock });
      // A mistake, a task left unmarked and every assessment left empty (the reader then looks at the row below).
      const filled = fillTemplate(sheet, { figures: { A1: 5, D1: 0, D2: 10, D4: 9, D5: 0, D6: 0 }, marks: [['x', ''], ['', '']], sentDate: '05/04/2026' });
      const withGuide = readOf(filled);
      expect(withGuide).toEqual(readOf(formOnly(filled)));
      expect(typeof withGuide === 'object' && withGuide.report.assessment).toEqual({});
      expect(readOf(sheet)).toEqual(readOf(formOnly(sheet)));
    });
  }

  test('states the rules the checker enforces', () => {
    const sheet = layoutTemplate({ ...ID, plan: PLAN });
    const texts = sheet.rows.flat().map((c) => c?.v).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain(GUIDE_TITLE);
    const guide = GUIDE_LINES.join('\n');
    expect(texts).toContain(guide);
    for (const rule of ['chỉ ghi số', 'để trống khác ghi 0', 'một dấu x', 'D4 + D5 + D6 + D9 = D1 + D2', 'D3 ≤ D2', 'D8 ≤ D7', 'D10 ≤ D6', 'C2 > 0 thì C1 > 0', 'dd/mm/yyyy']) expect(guide).toContain(rule);
    for (const s of SIGNERS) expect(texts).toEqual(expect.arrayContaining([s.title, s.note]));
  });

  test('the cells to type in are shaded and unlocked, nothing else is shaded', () => {
    const sheet = layoutTemplate({ ...ID, plan: PLAN });
    const open = new Set<string>();
    for (const r of sheet.protection!.unlockedRanges) {
      const p = parseRangeAddress(r)!;
      for (let row = p.r1; row <= p.r2; row++) for (let col = p.c1; col <= p.c2; col++) open.add(`${row},${col}`);
    }
    const shaded = new Set<string>();
    sheet.rows.forEach((r, row) => r.forEach((c, col) => c?.style?.fill === COLORS.inputFill && shaded.add(`${row},${col}`)));
    expect(shaded.size).toBeGreaterThan(30);
    expect([...shaded].sort()).toEqual([...open].sort());
  });

  test('prints at 9 pt (12 pt at ≥ 75 %), the form, signatures and guide; the check block is for the screen', () => {
    const sheet = layoutTemplate({ ...ID, plan: PLAN });
    expect(sheet.print.onePage).toBeUndefined();
    expect((sheet.font?.size ?? 12) * sheet.print.scale! / 100).toBeGreaterThanOrEqual(9);
    const last = parseRangeAddress(sheet.print.area!)!.r2;
    const guideRow = sheet.rows.findIndex((r) => r?.some((c) => c?.v === GUIDE_LINES.join('\n')));
    expect(last).toBe(guideRow);
    expect(sheet.rows.length).toBeGreaterThan(last + 5);
  });
});
