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
