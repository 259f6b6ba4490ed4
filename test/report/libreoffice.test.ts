/**
 * The report as a real word processor lays it out: LibreOffice converts the
 * .docx to PDF; we check the page count, the page numbers (none on page 1)
 * and the header texts, and leave page 1 as a PNG under test/artifacts/ for
 * a human look.
 *
 * Needs `libreoffice`/`soffice` and poppler-utils (`pdfinfo`, `pdftotext`,
 * `pdftoppm`): apt-get install -y libreoffice-writer-nogui poppler-utils
 * fonts-liberation. Without them the test FAILS, unless SKIP_LIBREOFFICE=1.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildReportDocx } from '../../src/report/docx-report';
import { fromCompileResult } from '../../src/report/report-data';
import { namDongResult, provinceResult } from './fixtures';
import { convertWithLibreOffice, requireLibreOffice, withLibreOffice } from '../helpers/libreoffice';
import { printDocx } from '../helpers/printed';
import { compileGrids } from '../../src/core/compile';
import type { CompileResult } from '../../src/core/model';
import { readXlsxFile } from '../../src/xlsx/read-file';

withLibreOffice('LibreOffice opens the report: ≥ 2 pages, no number on page 1, page 2 numbered, header texts in place', async () => {
  const office = requireLibreOffice('libreoffice-writer-nogui', ['pdfinfo', 'pdftotext', 'pdftoppm']);
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-report-'));
  try {
    const docx = join(dir, 'bao-cao.docx');
    writeFileSync(docx, await buildReportDocx(fromCompileResult(namDongResult(), { date: new Date(2024, 10, 5) })));
    const conv = convertWithLibreOffice(office, docx, 'pdf', dir, dir);
    const pdf = join(dir, 'bao-cao.pdf');
    expect({ exists: existsSync(pdf), stderr: existsSync(pdf) ? '' : conv.stderr }).toEqual({ exists: true, stderr: '' });

    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);

    const pageText = (n: number) => spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    const first = pageText(1);
    for (const t of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Nam Đông, ngày 05 tháng 11 năm 2024']) {
      expect(first).toContain(t);
    }
    const firstLine = (s: string) => s.split('\n').map((l) => l.trim()).find((l) => l) ?? '';
    expect(firstLine(first)).not.toMatch(/^\d+$/); // page 1 carries no number
    expect(firstLine(pageText(2))).toBe('2');
    expect(spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout).toContain('Tổng số: 08 nhiệm vụ./.');
    // The signer's name is on the page of the titles and the closing sentence.
    const signPage = Array.from({ length: pages }, (_, i) => pageText(i + 1)).find((t) => t.includes('[Họ và tên]'))!;
    for (const t of ['TM. ỦY BAN NHÂN DÂN', 'PHÓ CHỦ TỊCH', 'Nơi nhận:', 'Trên đây là báo cáo']) expect(signPage).toContain(t);
    // The officer's note is not above the title any more: it follows the signature.
    expect(first).not.toContain('GHI CHÚ CHO CÁN BỘ TỔNG HỢP');
    expect(signPage).toContain('GHI CHÚ CHO CÁN BỘ TỔNG HỢP');

    const artifacts = join(__dirname, '..', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    const png = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(artifacts, 'report-page1')], { encoding: 'utf8' });
    expect(png.status).toBe(0);
    expect(existsSync(join(artifacts, 'report-page1.png'))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 240_000);

withLibreOffice('LibreOffice keeps every Phụ lục row whole on one page and repeats the header row', async () => {
  const office = requireLibreOffice('libreoffice-writer-nogui', ['pdfinfo', 'pdftotext']);
  const dir = mkdtempSync(join(tmpdir(), 'tonghop-rows-'));
  try {
    // 30 tasks with long names and notes: rows of 5–8 lines, so page breaks fall inside rows unless they cannot split.
    const result = namDongResult();
    const summary = result.summaries[0];
    summary.tasks = Array.from({ length: 30 }, (_, i) => ({
      stt: i + 1,
      name: `ĐẦU${i + 1}Đ Tổ chức tuyên truyền cải cách hành chính bằng nhiều hình thức phù hợp với điều kiện thực tế của địa phương, lồng ghép trong các hội nghị, cuộc họp`,
      done: 3, expected: 4, threshold: 1, complete: false, notDone: ['UBND xã Thượng Quảng'], notReported: [],
      result: '3/4 đơn vị hoàn thành (yêu cầu 100%)',
      note: `Chưa hoàn thành: UBND xã Thượng Quảng, UBND xã Hương Lộc, UBND thị trấn Khe Tre, UBND xã Hương Sơn. CUỐI${i + 1}C`,
    }));
    const docx = join(dir, 'bao-cao.docx');
    writeFileSync(docx, await buildReportDocx(fromCompileResult(result, { date: new Date(2024, 10, 5) })));
    convertWithLibreOffice(office, docx, 'pdf', dir, dir);
    const pdf = join(dir, 'bao-cao.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
    const texts = Array.from({ length: pages }, (_, i) =>
      spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ''));
    // The body names the unfinished tasks too: the Phụ lục starts at its title.
    const first = texts.findIndex((t) => t.includes('Tổngsố:30nhiệmvụ') || t.includes('NHIỆMVỤTUYÊNTRUYỀN'));
    const appendix = texts.map((t, i) => (i >= first ? t : ''));
    const appendixPages = appendix.filter((t) => /ĐẦU\d+Đ/.test(t));
    expect(appendixPages.length).toBeGreaterThanOrEqual(3);
    for (let n = 1; n <= 30; n++) {
      const start = appendix.findIndex((t) => t.includes(`ĐẦU${n}Đ`));
      const end = appendix.findIndex((t) => t.includes(`CUỐI${n}C`));
      expect({ task: n, start, end }).toEqual({ task: n, start, end: start });
    }
    // Each page of the table starts with its header row.
    for (const t of appendixPages) expect(t).toContain('Nộidungnhiệmvụ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 240_000);

/** The example district, the example province (Quảng Trị, quý I năm 2026) and a generated 150-commune province. */
async function examplesResult(dir: string): Promise<CompileResult> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).map((f) => join(dir, f));
  return compileGrids((await Promise.all(files.map(readXlsxFile))).flat());
}

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const REPORTS: [string, () => Promise<CompileResult>][] = [
  ['bao-cao-huyen', () => examplesResult(EXAMPLES)],
  ['bao-cao-tinh', () => examplesResult(join(EXAMPLES, 'quang-tri-quy-i-2026'))],
  ['bao-cao-150', async () => provinceResult(150)],
];

describe.each(REPORTS)('%s printed by LibreOffice', (name, make) => {
  withLibreOffice('signable as printed: the title high on page 1, counts in a short body, each Phụ lục on A4 that reads', async () => {
    const office = requireLibreOffice('libreoffice-writer-nogui', ['pdfinfo', 'pdftohtml', 'pdftoppm']);
    const dir = mkdtempSync(join(tmpdir(), 'tonghop-print-'));
    try {
      const p = printDocx(office, await buildReportDocx(fromCompileResult(await make(), { date: new Date(2026, 2, 20) })), dir, name);
      const on = (page: number) => p.texts.filter((t) => t.page === page && t.text.trim());
      const pageOf = (s: string) => p.texts.find((t) => t.text.includes(s))?.page ?? 0;
      // The header and the title sit in the top third of page 1, nothing above them.
      const title = on(1).find((t) => t.text.trim() === 'BÁO CÁO')!;
      expect(title.top / p.sizes[0].height).toBeLessThan(0.3);
      // The body: from page 1 to the signature; the officer's note after it, before the Phụ lục.
      const signed = pageOf('Nơi nhận:');
      const note = pageOf('XOÁ TRƯỚC KHI KÝ');
      const tasks = pageOf('Nội dung nhiệm vụ');
      const units = pageOf('Số, ngày văn bản');
      expect(note).toBeGreaterThanOrEqual(signed);
      expect(tasks).toBeGreaterThan(note);
      expect(units).toBeGreaterThan(tasks);
      expect(signed).toBeLessThanOrEqual(5);
      // Phụ lục I on landscape pages, Phụ lục II portrait; every page A4.
      const landscape = p.sizes.map((s) => s.width > s.height);
      expect(landscape.slice(tasks - 1, units - 1).every(Boolean)).toBe(true);
      expect(landscape.slice(0, tasks - 1).some(Boolean)).toBe(false);
      expect(landscape.slice(units - 1).some(Boolean)).toBe(false);
      for (const s of p.sizes) expect([Math.round(Math.min(s.width, s.height)), Math.round(Math.max(s.width, s.height))]).toEqual([595, 842]);
      // Text at least 11 pt (Nơi nhận), the body 14 pt.
      expect(p.texts.filter((t) => t.text.trim() && t.size < 10.5).map((t) => t.text)).toEqual([]);
      const taskPages = units - tasks;
      // Phụ lục I holds the plan's tasks in one or two landscape pages, whatever the number of units.
      expect(taskPages).toBeLessThanOrEqual(2);
      console.log(`${name}: ${p.pages} trang; thân ${signed} trang; ghi chú trang ${note}; Phụ lục I ${taskPages} trang (ngang); Phụ lục II ${p.pages - units + 1} trang; cỡ chữ ${[...new Set(p.texts.map((t) => Math.round(t.size)))].sort((a, b) => a - b).join('/')} pt`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
