/**
 * The review letters (src/report/letters) on the example district:
 * each .docx opened as Word would (XML) and as LibreOffice lays it out (PDF),
 * checked for the NĐ 30 form, the recipient, every finding with its cell, and
 * the units the reminder names; then the command line that writes them.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { compileGrids, compileReads } from '../../src/core/compile';
import { DISTRICT, PROVINCE, planRead, reportRead } from '../core/compile-fixtures';
import { INDICATOR_CODES } from '../../src/core/template';
import type { CompileResult } from '../../src/core/model';
import { fullUnitName, unitKey, withoutCommitteePrefix } from '../../src/core/unit-names';
import { main } from '../../src/cli/main';
import { REMINDER_FILE_NAME, buildLetters, lettersFromCompile, type LetterFile } from '../../src/report/letters';
import { readXlsxFile } from '../../src/xlsx/read-file';
import { readSheet } from '../../src/core/reader';
import { convertWithLibreOffice, requireLibreOffice, withLibreOffice } from '../helpers/libreoffice';
import { captureIo, tempDir } from '../helpers/xlsx-files';
import { openDocx, paragraphs, textOf } from './docx-helpers';

/** A letter's file: the unit's code, then its name (`Phan-hoi X03 xã Hương Sơn.docx`). */
const fileOf = (l: { unit: string; unitCode?: string }) => `Phan-hoi ${l.unitCode} ${withoutCommitteePrefix(l.unit)}.docx`;

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const DATE = new Date(2022, 10, 5);

async function exampleResult(): Promise<CompileResult> {
  const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')).sort();
  const grids = (await Promise.all(files.map((f) => readXlsxFile(path.join(EXAMPLES, f))))).flat();
  return compileGrids(grids);
}

describe('review letters', () => {
  let result: CompileResult;
  let letters: LetterFile[];
  beforeAll(async () => {
    result = await exampleResult();
    letters = await buildLetters(result, { date: DATE, resendBy: '2022-11-30' });
  });

  it('one Phiếu phản hồi per unit with findings, none for clean units, one công văn for the missing and late', () => {
    const d = lettersFromCompile(result, { date: DATE });
    const withFindings = new Set(result.findings.filter((f) => f.sheet).map((f) => unitKey(f.unit)));
    withFindings.delete(unitKey('UBND huyện Nam Đông')); // the compiling unit does not write to itself
    expect(new Set(d.feedback.map((l) => unitKey(l.unit)))).toEqual(withFindings);
    const clean = result.reports.filter((e) => e.counted && !withFindings.has(unitKey(e.report.unit)) && !/Nam Đông/.test(e.report.unit));
    expect(clean.length).toBeGreaterThan(0);
    expect(letters.map((l) => l.name)).toEqual([...d.feedback.map((l) => fileOf(l)), REMINDER_FILE_NAME]);
  });

  it('each Phiếu phản hồi: NĐ 30 head and page, to the unit, every finding with its sheet and cell, errors first, the resend date', async () => {
    const d = lettersFromCompile(result, { date: DATE, resendBy: '2022-11-30' });
    for (const l of d.feedback) {
      const file = letters.find((x) => x.name === fileOf(l))!;
      const { document } = await openDocx(file.bytes);
      const text = paragraphs(document).map((p) => p.text);
      for (const t of ['ỦY BAN NHÂN DÂN', 'HUYỆN NAM ĐÔNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
        'Số:        /UBND-VP', 'Nam Đông, ngày 05 tháng 11 năm 2022', 'V/v kết quả kiểm tra báo cáo công tác tuyên truyền cải cách hành chính năm 2022', `Kính gửi: ${fullUnitName(l.unit)}.`, 'Nơi nhận:', '- Lưu: VT.']) {
        expect(text).toContain(t);
      }
      // A4 portrait, margins 20/20/30/15 mm, no number on page 1, Times New Roman.
      expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(document).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
      expect(document).toContain('<w:titlePg/>');
      expect(document).toContain('Times New Roman');
      const body = textOf(document);
      const findings = result.findings.filter((f) => f.sheet === l.source.sheet && (f.file ?? '') === (l.source.file ?? ''));
      expect(findings.length).toBeGreaterThan(0);
      // Each finding's row: sheet, cell, what is wrong; errors listed before warnings.
      const rows = [...document.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])));
      const itemRows = rows.filter((r) => r.length === 5 && /^\d+$/.test(r[0]));
      expect(itemRows).toHaveLength(findings.length);
      for (const f of findings) expect(itemRows.some((r) => r[1] === f.sheet && r[2] === f.cell && f.message.includes(r[3]))).toBe(true);
      const errors = findings.filter((f) => f.severity === 'error').length;
      expect(itemRows.slice(0, errors).every((r) => findings.find((f) => f.cell === r[2])!.severity === 'error')).toBe(true);
      if (errors) {
        expect(body).toContain(`1. Lỗi phải sửa (0${errors} lỗi):`);
        expect(body).toContain('sửa các lỗi nêu trên và gửi lại báo cáo về Ủy ban nhân dân huyện Nam Đông trước ngày 30/11/2022');
      } else {
        // Only warnings: the short letter, nothing demanded.
        expect(body).not.toContain('Lỗi phải sửa');
        expect(body).toContain('Báo cáo đã được tổng hợp.');
        expect(body).toContain('trước ngày 30/11/2022');
      }
    }
  });

  it('the công văn đôn đốc: V/v under its number, to each unit missing or late, the period, the deadline and the new date', async () => {
    const d = lettersFromCompile(result, { date: DATE });
    expect(d.reminder!.missing.length + d.reminder!.late.length).toBeGreaterThan(0);
    const { document } = await openDocx(letters.find((l) => l.name === REMINDER_FILE_NAME)!.bytes);
    const text = paragraphs(document).map((p) => p.text);
    expect(text).toContain('Số:        /UBND-VP');
    expect(text.some((t) => t.startsWith('V/v đôn đốc gửi báo cáo công tác tuyên truyền cải cách hành chính năm 2022'))).toBe(true);
    expect(text).toContain('Kính gửi:');
    const all = [...d.reminder!.missing, ...d.reminder!.late];
    all.forEach((u, i) => expect(text).toContain(`- ${fullUnitName(u)}${i === all.length - 1 ? '.' : ';'}`));
    const body = textOf(document);
    expect(body).toContain('là ngày 20/10/2022');
    for (const u of d.reminder!.missing) expect(body).toMatch(new RegExp(`chưa gửi báo cáo: [^.]*${u.replace(/^UBND /, '')}`));
    for (const u of d.reminder!.late) expect(body).toMatch(new RegExp(`sau thời hạn: [^.]*${u.replace(/^UBND /, '')}`));
    expect(body).toContain('trước ngày 30/11/2022');
  });

  withLibreOffice('LibreOffice opens every letter: A4, one page, head, recipient and every cell in the text', async () => {
    const office = requireLibreOffice('libreoffice-writer-nogui', ['pdfinfo', 'pdftotext']);
    const tmp = tempDir('tonghop-letters-');
    try {
      for (const l of letters) fs.writeFileSync(path.join(tmp.dir, l.name), l.bytes);
      for (const l of letters) convertWithLibreOffice(office, path.join(tmp.dir, l.name), 'pdf', path.join(tmp.dir, 'pdf'), tmp.dir);
      const d = lettersFromCompile(result, { date: DATE });
      for (const l of letters) {
        const pdf = path.join(tmp.dir, 'pdf', l.name.replace(/\.docx$/, '.pdf'));
        expect({ pdf: l.name, exists: fs.existsSync(pdf) }).toEqual({ pdf: l.name, exists: true });
        const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
        expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
        expect({ pdf: l.name, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) }).toEqual({ pdf: l.name, pages: 1 });
        const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
        for (const t of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Nam Đông, ngày 05 tháng 11 năm 2022', 'TM. ỦY BAN NHÂN DÂN', 'Nơi nhận:']) {
          expect(text).toContain(t);
        }
        const letter = d.feedback.find((x) => l.name === fileOf(x));
        if (letter) {
          expect(text).toContain('V/v kết quả kiểm tra báo cáo');
          expect(text).not.toContain('/PH-');
          expect(text).toContain(`Kính gửi: ${fullUnitName(letter.unit)}.`);
          for (const x of [...letter.errors, ...letter.warnings]) expect(text).toMatch(new RegExp(`\\b${x.cell}\\b`));
        } else {
          for (const u of [...d.reminder!.missing, ...d.reminder!.late]) expect(text).toContain(fullUnitName(u));
        }
      }
    } finally {
      tmp.cleanup();
    }
  }, 300_000);
});

describe('letters carry only what the unit must do', () => {
  it('a unit missing from the plan\'s list is the officer\'s to add: no letter says «bổ sung vào danh sách»', async () => {
    const result = await exampleResult();
    const unit = result.reports.find((e) => e.counted && /Hương Sơn/.test(e.report.unit))!.report;
    // Only an office to-do on this unit's sheet: no letter at all; with a figure error beside it, a letter without it.
    const others = result.findings.filter((f) => f.sheet !== unit.source.sheet);
    const roster = { severity: 'warning' as const, unit: unit.unit, file: unit.source.file, sheet: unit.source.sheet, cell: 'B4', rule: 'compile.not-in-roster' as const,
      message: `Đơn vị ${unit.unit} không có trong danh sách đơn vị của Kế hoạch; vẫn tính vào tổng hợp. Đề nghị bổ sung vào danh sách nếu đúng.` };
    const alone = lettersFromCompile({ ...result, findings: [...others, roster] }, { date: DATE });
    expect(alone.feedback.map((l) => l.unit)).not.toContain(unit.unit);
    const figure = { ...roster, severity: 'error' as const, cell: 'D20', rule: 'figure.negative' as const, message: 'Số âm: -3.' };
    const both = lettersFromCompile({ ...result, findings: [...others, roster, figure] }, { date: DATE });
    const letter = both.feedback.find((l) => l.unit === unit.unit)!;
    expect([...letter.errors, ...letter.warnings].map((x) => x.what)).toEqual(['Số âm: -3.']);
  });
});

describe('letters never ask a unit to act on information', () => {
  it('a unit whose six months were built from its quarters (spec §11) gets no letter; one missing a quarter does', () => {
    // Balanced figures (spec §3), each quarter its own: nothing for the unit to correct.
    const q = (d2: number) => ({ ...Object.fromEntries(INDICATOR_CODES.map((c) => [c, 0])), D2: d2, D3: 1, D4: d2, D7: 4, D8: 4 });
    const at = { period: '6 tháng' as const, year: 2026 };
    const roster = ['UBND xã A', 'UBND xã B'].map((name) => ({ name, level: 'Xã' as const, parent: DISTRICT }));
    const result = compileReads([
      planRead({ compilingUnit: DISTRICT, parent: PROVINCE, ...at, roster }),
      reportRead('UBND xã A', { period: 'Quý I', year: 2026, figures: q(10), sheet: 'A Quý I' }),
      reportRead('UBND xã A', { period: 'Quý II', year: 2026, figures: q(12), sheet: 'A Quý II' }),
      reportRead('UBND xã B', { period: 'Quý II', year: 2026, figures: q(7), sheet: 'B Quý II' }),
    ], {});
    expect(result.cumulative?.filter((c) => c.built).map((c) => c.unit)).toEqual(['UBND xã A']);
    const { feedback } = lettersFromCompile(result, { date: DATE });
    expect(feedback.map((l) => l.unit)).toEqual(['UBND xã B']);
  });
});

describe('every report of another period than the plan (spec §8)', () => {
  it('letters ask no unit to correct or resend: the plan\'s period is the mistake', async () => {
    const result = await exampleResult();
    // The example has findings and missing units: letters when the period is right, none when every report is of another.
    const right = lettersFromCompile(result, { date: DATE });
    expect(right.feedback.length).toBeGreaterThan(0);
    expect(right.reminder).not.toBeNull();
    const wrong = lettersFromCompile({ ...result, allOtherPeriod: true }, { date: DATE });
    expect([wrong.feedback, wrong.reminder]).toEqual([[], null]);
  });

  it('tonghop feedback prints the one finding at the plan\'s Kỳ báo cáo cell and writes nothing', async () => {
    const tmp = tempDir('tonghop-feedback-period-');
    try {
      // The province's Quý II reports against its Quý I plan.
      const dir = path.join(EXAMPLES, 'quang-tri-quy-ii-2026');
      const reports = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx') && f !== 'ke-hoach.xlsx').map((f) => path.join(dir, f));
      const plan = path.join(EXAMPLES, 'quang-tri-quy-i-2026', 'ke-hoach.xlsx');
      const out = path.join(tmp.dir, 'phan-hoi');
      const cap = captureIo();
      expect(await main(['feedback', ...reports, '--plan', plan, '-o', out, '--workers', '0'], cap.io)).toBe(1);
      const cell = (await readXlsxFile(plan)).map((g) => readSheet(g)).find((r) => r.kind === 'plan')!;
      const periodCell = cell.kind === 'plan' ? cell.plan.idCells!.period! : '';
      const said = cap.err().split('\n').filter(Boolean);
      expect(said).toHaveLength(1);
      expect(said[0]).toContain(`ke-hoach.xlsx › 'Kế hoạch'!${periodCell}: Không báo cáo nào thuộc kỳ Quý I năm 2026`);
      expect(said[0]).toContain('Quý II năm 2026');
      expect(said[0]).toContain('Chưa tạo văn bản nào gửi đơn vị');
      expect(cap.out()).toBe('');
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      tmp.cleanup();
    }
  }, 120_000);
});

describe('tonghop feedback', () => {
  it('writes the letters into the folder and says what it wrote; refuses a bad --resend-by', async () => {
    const tmp = tempDir('tonghop-feedback-');
    try {
      const cap = captureIo();
      const out = path.join(tmp.dir, 'phan-hoi');
      expect(await main(['feedback', EXAMPLES, '-o', out, '--resend-by', '30/11/2022', '--workers', '0'], cap.io)).toBe(0);
      const written = fs.readdirSync(out).filter((f) => !f.startsWith('.')).sort();
      expect(written).toContain(REMINDER_FILE_NAME);
      expect(written).toContain('Phan-hoi X03 xã Hương Sơn.docx');
      for (const f of written) expect(cap.out()).toContain(`  ${f}`);
      expect(textOf((await openDocx(fs.readFileSync(path.join(out, 'Phan-hoi X03 xã Hương Sơn.docx')))).document)).toContain('trước ngày 30/11/2022');

      const bad = captureIo();
      expect(await main(['feedback', EXAMPLES, '-o', out, '--resend-by', '31/02/2022'], bad.io)).toBe(2);
      expect(bad.err()).toContain('--resend-by');
    } finally {
      tmp.cleanup();
    }
  }, 120_000);
});
