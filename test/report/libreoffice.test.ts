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
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildReportDocx } from '../../src/report/docx-report';
import { fromCompileResult } from '../../src/report/report-data';
import { namDongResult } from './fixtures';
import { convertWithLibreOffice, requireLibreOffice, withLibreOffice } from '../helpers/libreoffice';

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
    for (const t of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Nam Đông, ngày 05 tháng 11 năm 2024', 'GHI CHÚ CHO CÁN BỘ TỔNG HỢP']) {
      expect(first).toContain(t);
    }
    const firstLine = (s: string) => s.split('\n').map((l) => l.trim()).find((l) => l) ?? '';
    expect(firstLine(first)).not.toMatch(/^\d+$/); // page 1 carries no number
    expect(firstLine(pageText(2))).toBe('2');
    expect(spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout).toContain('Tổng số: 08 nhiệm vụ./.');
    // The signer's name is on the page of the titles and the closing sentence.
    const signPage = Array.from({ length: pages }, (_, i) => pageText(i + 1)).find((t) => t.includes('[Họ và tên]'))!;
    for (const t of ['TM. ỦY BAN NHÂN DÂN', 'PHÓ CHỦ TỊCH', 'Nơi nhận:', 'Trên đây là báo cáo']) expect(signPage).toContain(t);

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
      done: 3, expected: 4, threshold: 1, status: 'Chưa hoàn thành' as const, notDone: ['UBND xã Thượng Quảng'], notReported: [],
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
