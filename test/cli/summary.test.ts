/** How the command line prints one finding: unit — place: message, with no empty parts. */
import type { Finding } from '../../src/core/findings';
import type { CompileResult } from '../../src/core/model';
import { checkReport, compileSummary, findingLine } from '../../src/cli/summary';
import { wrapLine, wrapText, wrapWidth } from '../../src/cli/terminal-text';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { captureIo, tempDir } from '../helpers/xlsx-files';

const finding = (over: Partial<Finding>): Finding => ({
  severity: 'warning', unit: '', sheet: '', cell: '', rule: 'other.unknown', message: 'Thông báo.', ...over,
});

describe('findingLine', () => {
  test('a finding on a cell names unit, file, sheet and cell once', () => {
    expect(findingLine(finding({ severity: 'error', unit: 'UBND xã C', file: 'b.xlsx', sheet: 'Xã C', cell: 'B5', message: 'Sai kỳ.' })))
      .toBe("[Lỗi] UBND xã C — b.xlsx › 'Xã C'!B5: Sai kỳ.");
  });

  test('a finding about the whole compile has no unit and no place: no dangling dash or colon', () => {
    expect(findingLine(finding({ message: 'Các báo cáo thuộc nhiều kỳ khác nhau.' })))
      .toBe('[Cảnh báo] Các báo cáo thuộc nhiều kỳ khác nhau.');
  });

  test('a finding about a unit with no sheet does not repeat the unit as its place', () => {
    expect(findingLine(finding({ unit: 'UBND huyện Một', message: 'Chưa biết đơn vị cấp trên.' })))
      .toBe('[Cảnh báo] UBND huyện Một — Chưa biết đơn vị cấp trên.');
    expect(findingLine(finding({ unit: 'ke-hoach.xlsx', file: 'ke-hoach.xlsx', message: 'Không có trang Kế hoạch.' })))
      .toBe('[Cảnh báo] ke-hoach.xlsx — Không có trang Kế hoạch.');
  });
});

describe('checkReport', () => {
  test('findings about the whole compile get a heading of their own, not an empty unit name', () => {
    const result = {
      period: 'Năm', year: 2024, reports: [], summaries: [], skipped: [],
      findings: [finding({ message: 'Các báo cáo thuộc nhiều kỳ khác nhau.' }), finding({ unit: 'UBND xã A', sheet: 'A', cell: 'B5', message: 'Sai.' })],
    } as unknown as CompileResult;
    const lines = checkReport(result, 2).split('\n');
    expect(lines).toContain('Chung cho cả đợt tổng hợp (0 lỗi, 1 cảnh báo)');
    expect(lines).toContain('UBND xã A (0 lỗi, 1 cảnh báo)');
    expect(lines.some((l) => l.startsWith(' ('))).toBe(false);
  });
});

describe('«Báo cáo được tính: N/M» explained', () => {
  const report = (unit: string, counted: boolean, reason?: string, hidden?: boolean) => ({
    report: { unit, source: { file: `${unit}.xlsx`, sheet: unit, ...(hidden ? { hidden } : {}) } }, counted, ...(reason ? { reason } : {}),
  });
  test('what counts, then every report left out grouped by why (particulars in brackets set aside), then hidden sheets counted', () => {
    const result = {
      period: 'Quý I', year: 2026, summaries: [], skipped: [], findings: [],
      reports: [
        report('UBND xã A', true), report('UBND xã B', true, undefined, true),
        report('UBND xã C', false, 'Đơn vị đã gửi bản mới hơn (c2.xlsx › C): bản đó được tính thay cho bản này.'),
        report('UBND xã D', false, 'Đơn vị đã gửi bản mới hơn (d (gửi lại).xlsx › D): bản đó được tính thay cho bản này.'),
        report('UBND xã E', false, 'Báo cáo kỳ Năm 2025, không phải kỳ đang tổng hợp (Quý I năm 2026).'),
      ],
    } as unknown as CompileResult;
    const lines = compileSummary({ result, filesRead: 5, sheetsRead: 5, written: [] }).split('\n');
    expect(lines).toContain('Báo cáo được tính: 2/5. Lỗi: 0. Cảnh báo: 0.');
    expect(lines).toContain('  Được tính: mỗi đơn vị một báo cáo quý I năm 2026 (đơn vị gửi lại: bản mới nhất); báo cáo có lỗi vẫn được tính, trừ các ô có lỗi.');
    expect(lines).toContain('  Không tính 3 báo cáo:');
    expect(lines).toContain('  - 2 báo cáo (UBND xã C, UBND xã D): Đơn vị đã gửi bản mới hơn: bản đó được tính thay cho bản này.');
    expect(lines).toContain('  - 1 báo cáo (UBND xã E): Báo cáo kỳ Năm 2025, không phải kỳ đang tổng hợp.');
    expect(lines).toContain('  1 báo cáo nằm ở trang ẩn vẫn được tính (không có bản hiện nào khác): UBND xã B.');
  });
});

describe('findings wrapped to the terminal', () => {
  const LONG = "[Lỗi] UBND xã Minh Hoá — 18901 Minh Hoá.xlsx › 'Mẫu Minh Hoá'!D34: D4 + D5 + D6 = 1.340 + 2 + 14 = 1.356 khác D1 + D2 = 0 + 1.361 = 1.361 (chênh 5). Hồ sơ đã giải quyết và đang giải quyết phải bằng hồ sơ chuyển sang và tiếp nhận.";
  test('at 80 columns: no line longer, no word broken, continuation under the text after «[Lỗi] »', () => {
    const lines = wrapLine(`  ${LONG}`, 80).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    // Joined back, the words are the same words: nothing was cut inside a word.
    expect(lines.map((l) => l.trim()).join(' ')).toBe(LONG);
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {8}\S/); // 2 + «[Lỗi] » = 8 columns
  });
  test('a pipe (no terminal) or JSON is not wrapped; a terminal is wrapped to its columns', () => {
    expect(wrapWidth({ isTTY: false, columns: 80 })).toBeNull();
    expect(wrapWidth(undefined)).toBeNull();
    expect(wrapWidth({ isTTY: true, columns: 100 })).toBe(100);
    expect(wrapText(`{"a": "${'x '.repeat(100)}"}`, 80)).not.toContain('\n');
    expect(wrapText(LONG, null)).toBe(LONG);
  });
  test('tonghop compile on an 80-column terminal: every printed line fits, findings keep their words', async () => {
    const cap = captureIo();
    const tmp = tempDir('tonghop-wrap-');
    try {
      const examples = path.resolve(__dirname, '..', '..', 'examples');
      const code = await main(['compile', examples, '-o', path.join(tmp.dir, 'th.xlsx')], { ...cap.io, outWidth: 80, errWidth: 80 });
      expect(code).toBe(0);
      const lines = cap.out().split('\n');
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
      expect(lines.filter((l) => /^ {2}\[(Lỗi|Cảnh báo)\]/.test(l)).length).toBeGreaterThan(3);
    } finally {
      tmp.cleanup();
    }
  });
  test('the help\'s option lines continue under their description column', () => {
    const line = '        --workers <n>        số luồng đọc tệp (mặc định: số nhân máy đang rảnh; 0: chỉ đọc trong luồng chính)';
    const lines = wrapLine(line, 60).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    const column = line.indexOf('số luồng');
    for (const l of lines.slice(1)) expect(l.length - l.trimStart().length).toBe(column);
  });
  test('a word longer than the line (a path) is cut as a last resort, nothing lost', () => {
    const path = `/a/${'thu-muc/'.repeat(15)}bao-cao.xlsx`;
    const out = wrapLine(`[Lỗi] ${path}: hỏng`, 40);
    for (const l of out.split('\n')) expect([...l].length).toBeLessThanOrEqual(40);
    expect(out.replace(/\s/g, '')).toBe(`[Lỗi] ${path}: hỏng`.replace(/\s/g, ''));
  });
});
