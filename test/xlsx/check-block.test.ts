/**
 * The template's check block (docs/spec/TEMPLATE.md §10) as LibreOffice computes it: a
 * template filled with real mistakes, recalculated by LibreOffice headless,
 * shows the failed checks with the difference; and the block never changes
 * what the compile reads.
 */
import * as fs from 'fs';
import * as path from 'path';
import { layoutTemplate } from '../../src/core/layout';
import { fillTemplate, type TemplateFill } from '../helpers/fill-template';
import { compileGrids } from '../../src/core/compile';
import { toResultJson } from '../../src/core/json';
import type { Plan } from '../../src/core/model';
import type { OutputSheet } from '../../src/core/sheet-model';
import { CONSISTENCY_RULES } from '../../src/core/consistency-rules';
import { OTHER_FORM_RULES, OTHER_FORM_STATEMENT } from '../../src/core/other-forms';
import { CHECK_BLOCK_TITLE, type IndicatorCode } from '../../src/core/template';
import { writeXlsx } from '../../src/xlsx/write';
import { readXlsxFile } from '../../src/xlsx/read-file';
import { convertWithLibreOffice, requireLibreOffice, withLibreOffice } from '../helpers/libreoffice';
import { tempDir } from '../helpers/xlsx-files';
import { outputSheetToGrid } from '../../src/core/layout';

const PLAN: Plan = {
  source: { sheet: 'Kế hoạch' }, tasks: [
    { stt: 1, name: 'Tuyên truyền trên Cổng thông tin', threshold: 1 },
    { stt: 2, name: 'Tuyên truyền qua truyền thanh', threshold: 1 },
    { stt: 3, name: 'Tổ chức cuộc thi', threshold: 1 },
  ], roster: [],
};

/** The template of one commune, typed into as a clerk would. */
function filled(figures: Partial<Record<IndicatorCode, number>>, marks: [string, string][], otherForms?: TemplateFill['otherForms']): OutputSheet {
  const sheet = layoutTemplate({ unit: 'UBND xã Vĩnh Linh', unitCode: '19363', level: 'Xã', parent: 'UBND tỉnh Quảng Trị', period: 'Quý I', year: 2026, plan: PLAN });
  return fillTemplate(sheet, { figures, marks, otherForms });
}

/** The same sheet without its check block (and its formats): what the compile must read alike. */
function withoutBlock(sheet: OutputSheet): OutputSheet {
  const at = sheet.rows.findIndex((r) => r?.some((c) => c?.v === CHECK_BLOCK_TITLE));
  return { ...sheet, rows: sheet.rows.slice(0, at), conditionalFormats: [], merges: sheet.merges.filter((m) => Number(/\d+/.exec(m)![0]) <= at) };
}

/** The check block's rows, as text: `Lỗi | D4 + D5 + D6 = D1 + D2: chênh 5`. */
function blockLines(cells: unknown[][]): string[] {
  const at = cells.findIndex((r) => r?.some((v) => v === CHECK_BLOCK_TITLE));
  expect(at).toBeGreaterThan(0);
  return cells.slice(at + 2).filter((r) => r && r[0] !== null && r[0] !== undefined).map((r) => `${r[0]} | ${r[1]}`);
}

const MISTAKES = {
  // D4 + D5 + D6 + D9 = 95 + 0 + 10 + 0 = 105, D1 + D2 = 5 + 105: off by 5, which is D1 (the official
  // «Tổng số» typed into D2). D3 > D2. C2 without C1.
  figures: { A1: 12, D1: 5, D2: 105, D3: 120, D4: 95, D5: 0, D6: 10, D7: 20, D8: 20, C1: 0, C2: 30, C3: 1, C4: 40 },
  // Task 1 both marked, task 3 not marked.
  marks: [['x', 'x'], ['x', ''], ['', '']] as [string, string][],
  // K1 a number without a label (error), K2 a label without a number (warning), K3 right.
  otherForms: [['', 'lượt', 4], ['Phướn', 'cái', ''], ['Lượt xe cổ động', 'lượt', 12]] as TemplateFill['otherForms'],
};

describe('the template check block (TỰ KIỂM TRA)', () => {
  withLibreOffice('recalculated by LibreOffice, shows each failed rule with the difference', async () => {
    const office = requireLibreOffice('libreoffice-calc-nogui', []);
    const tmp = tempDir('tonghop-check-');
    try {
      const file = path.join(tmp.dir, '19363 Vĩnh Linh.xlsx');
      fs.writeFileSync(file, await writeXlsx([filled(MISTAKES.figures, MISTAKES.marks, MISTAKES.otherForms)]));
      const out = path.join(tmp.dir, 'out');
      const conv = convertWithLibreOffice(office, file, 'xlsx', out, tmp.dir);
      expect(conv.status).toBe(0);
      const [grid] = await readXlsxFile(path.join(out, path.basename(file)));
      const lines = blockLines(grid.cells);
      expect(lines).toEqual([
        `Lỗi | D4 + D5 + D6 + D9 = D1 + D2: chênh 5; ${CONSISTENCY_RULES[0].hint}`,
        'Lỗi | D3 ≤ D2: D3 lớn hơn D2 15',
        'Đạt | D8 ≤ D7',
        'Đạt | D10 ≤ D6',
        'Cảnh báo | C2 > 0 thì C1 > 0: có C2 nhưng C1 (số hội nghị, tập huấn) bằng 0',
        'Đạt | C4 > 0 thì C3 > 0',
        `Lỗi | ${OTHER_FORM_STATEMENT}: 1 ${OTHER_FORM_RULES.noLabel.breach}; 1 ${OTHER_FORM_RULES.noValue.breach}`,
        'Lỗi | Mỗi nhiệm vụ đánh dấu đúng một cột: 1 nhiệm vụ đánh dấu cả hai cột; 1 nhiệm vụ chưa đánh dấu',
      ]);
      // The compile of the recalculated file reads what the clerk typed, as if the block were not there.
      const recalculated = compileGrids([{ ...grid, file: 'x.xlsx' }], {});
      const plain = compileGrids([{ ...outputSheetToGrid(withoutBlock(filled(MISTAKES.figures, MISTAKES.marks, MISTAKES.otherForms))), sheet: grid.sheet, file: 'x.xlsx' }], {});
      expect(toResultJson(recalculated)).toEqual(toResultJson(plain));
      expect(recalculated.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['dossier.balance', OTHER_FORM_RULES.noLabel.rule, OTHER_FORM_RULES.noValue.rule]));
    } finally {
      tmp.cleanup();
    }
  }, 120_000);

  withLibreOffice('recalculated by LibreOffice, the K rows\' check: nothing typed, only a label (warning), both typed', async () => {
    const office = requireLibreOffice('libreoffice-calc-nogui', []);
    const tmp = tempDir('tonghop-check-k-');
    try {
      const good = { D1: 5, D2: 100, D3: 40, D4: 90, D5: 5, D6: 10, D7: 10, D8: 10, C1: 1, C2: 30 };
      const marks: [string, string][] = [['x', ''], ['', 'x'], ['x', '']];
      const cases: [string, TemplateFill['otherForms']][] = [
        ['Trống', []],
        ['Thiếu số', [['Phướn', 'cái', '  '], ['Lượt xe cổ động', 'lượt', 0]]],
        ['Đủ', [['Phướn', 'cái', 40], ['Lượt xe cổ động', 'lượt', 0]]],
      ];
      const file = path.join(tmp.dir, 'k.xlsx');
      fs.writeFileSync(file, await writeXlsx(cases.map(([name, forms]) => ({ ...filled(good, marks, forms), name }))));
      const out = path.join(tmp.dir, 'out');
      expect(convertWithLibreOffice(office, file, 'xlsx', out, tmp.dir).status).toBe(0);
      const grids = await readXlsxFile(path.join(out, 'k.xlsx'));
      const kLine = (name: string) => blockLines(grids.find((g) => g.sheet === name)!.cells).find((l) => l.includes(OTHER_FORM_STATEMENT));
      expect(cases.map(([name]) => kLine(name))).toEqual([
        `Chưa nhập | ${OTHER_FORM_STATEMENT}`,
        `Cảnh báo | ${OTHER_FORM_STATEMENT}: 1 ${OTHER_FORM_RULES.noValue.breach}`,
        `Đạt | ${OTHER_FORM_STATEMENT}`,
      ]);
      // The compile agrees: a warning on the sheet missing a number, nothing on the others.
      const rulesOf = (name: string) => compileGrids([{ ...grids.find((g) => g.sheet === name)!, file: 'k.xlsx' }], {}).findings
        .map((f) => f.rule).filter((r) => r.startsWith('figure.other'));
      expect(cases.map(([name]) => rulesOf(name))).toEqual([[], [OTHER_FORM_RULES.noValue.rule], []]);
    } finally {
      tmp.cleanup();
    }
  }, 120_000);

  test('the file as written (formulas without cached results) compiles the same with or without the block', async () => {
    const good = filled({ D1: 5, D2: 100, D3: 40, D4: 90, D5: 5, D6: 10, D7: 10, D8: 10, C1: 1, C2: 30, C3: 0, C4: 0 }, [['x', ''], ['', 'x'], ['x', '']]);
    const [grid] = await readXlsxFile(await (async () => {
      const tmp = tempDir('tonghop-check-');
      const f = path.join(tmp.dir, 'a.xlsx');
      fs.writeFileSync(f, await writeXlsx([good]));
      return f;
    })());
    // Written without cached results: the reader stops at the heading, so no "open and save in Excel" error.
    const asWritten = compileGrids([{ ...grid, file: 'a.xlsx' }], {});
    const plain = compileGrids([{ ...outputSheetToGrid(withoutBlock(good)), sheet: grid.sheet, file: 'a.xlsx' }], {});
    expect(toResultJson(asWritten)).toEqual(toResultJson(plain));
    expect(good.conditionalFormats!.length).toBeGreaterThanOrEqual(9);
  });
});
