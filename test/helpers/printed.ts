/**
 * Measuring printed sheets as LibreOffice lays them out: the
 * sheets written by src/xlsx/write.ts, converted to PDF by LibreOffice
 * headless, then read with poppler's pdftohtml -xml (text, position and
 * font size of every line, in points) and pdfinfo (page count). PNGs of the
 * pages go to test/artifacts/ for a human look.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { OutputSheet } from '../../src/core/sheet-model';
import { writeXlsx } from '../../src/xlsx/write';
import { convertWithLibreOffice } from './libreoffice';

export interface PdfText {
  page: number;
  top: number;
  left: number;
  width: number;
  height: number;
  /** Font size in points as printed. */
  size: number;
  bold: boolean;
  text: string;
}

export interface Printed {
  pdf: string;
  pages: number;
  texts: PdfText[];
  /** Page size in points. */
  pageWidth: number;
  pageHeight: number;
}

const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|apos|#(\d+));/g, (_, e: string, n?: string) =>
  (n ? String.fromCharCode(Number(n)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]));

/** Text lines of a PDF with their font sizes (pdftohtml -xml at zoom 1: points). */
export function readPdf(pdf: string): Printed {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  const xml = spawnSync('pdftohtml', ['-xml', '-i', '-zoom', '1', '-stdout', '-q', pdf], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  const fonts = new Map<string, { size: number; bold: boolean }>();
  for (const m of xml.matchAll(/<fontspec id="(\d+)" size="([\d.]+)" family="([^"]*)"/g)) fonts.set(m[1], { size: Number(m[2]), bold: /bold/i.test(m[3]) });
  const texts: PdfText[] = [];
  for (const p of xml.matchAll(/<page number="(\d+)"[\s\S]*?<\/page>/g)) {
    const page = Number(p[1]);
    for (const t of p[0].matchAll(/<text top="([\d.-]+)" left="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)" font="(\d+)">([\s\S]*?)<\/text>/g)) {
      const f = fonts.get(t[5]) ?? { size: 0, bold: false };
      texts.push({ page, top: Number(t[1]), left: Number(t[2]), width: Number(t[3]), height: Number(t[4]), size: f.size, bold: f.bold || /<b>/.test(t[6]), text: decode(t[6]) });
    }
  }
  return { pdf, pages, texts, pageWidth: Number(size?.[1] ?? 0), pageHeight: Number(size?.[2] ?? 0) };
}

/** The sheets written as .xlsx and printed to PDF by LibreOffice; page 1…n as PNG under test/artifacts/<name>-N.png. */
export async function printSheets(office: string, sheets: OutputSheet[], dir: string, name: string, pngPages = 1): Promise<Printed> {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, await writeXlsx(sheets, { date: new Date(2026, 3, 1) }));
  const out = join(dir, 'pdf');
  const conv = convertWithLibreOffice(office, file, 'pdf', out, dir);
  if (conv.status !== 0) throw new Error(`LibreOffice: ${conv.stderr}`);
  const pdf = join(out, `${name}.pdf`);
  const printed = readPdf(pdf);
  const artifacts = join(__dirname, '..', 'artifacts');
  mkdirSync(artifacts, { recursive: true });
  for (let p = 1; p <= Math.min(pngPages, printed.pages); p++) {
    spawnSync('pdftoppm', ['-png', '-r', '60', '-f', String(p), '-l', String(p), '-singlefile', pdf, join(artifacts, `${name}-${p}`)]);
  }
  return printed;
}

export interface WrappedCell {
  text: string;
  /** Column width in Excel units (merged columns summed). */
  width: number;
  bold?: boolean;
  fontSize?: number;
}

/**
 * How many lines LibreOffice wraps each text into, in a column of its width
 * and its font: one sheet per width, the text in column A, each text alone
 * on a 409 pt tall row (one per page), the lines counted by their distinct
 * heights on the page. Printed at 70 % so the widest column fits the page
 * (the wrapping is decided on the sheet, not on paper).
 */
export async function linesByLibreOffice(office: string, cells: WrappedCell[], dir: string): Promise<{ lines: number[]; pitch: number }> {
  const widths = [...new Set(cells.map((c) => c.width))];
  const order: number[] = [];
  const sheets: OutputSheet[] = widths.map((w, k) => {
    const mine = cells.map((c, i) => [c, i] as const).filter(([c]) => c.width === w);
    order.push(...mine.map(([, i]) => i));
    return {
      name: `Đo ${k + 1}`, role: 'summary', merges: [], columnWidths: [w],
      rows: mine.map(([c]) => [{ v: c.text, style: { wrap: true, valign: 'top', bold: c.bold, fontSize: c.fontSize } }]),
      rowHeights: Object.fromEntries(mine.map((_, r) => [r, 409])),
      print: { orientation: 'landscape', scale: 70 },
    };
  });
  const printed = await printSheets(office, sheets, dir, 'do-dong', 0);
  if (printed.pages !== cells.length) throw new Error(`đo dòng: ${printed.pages} trang cho ${cells.length} ô`);
  // Pieces of one line may sit a point apart (a run in another font): lines closer than 4 pt are one.
  const lineTops = (ts: number[]) => ts.sort((a, b) => a - b).filter((t, k, all) => k === 0 || t - all[k - 1] >= 4);
  const lines: number[] = [];
  let pitch = 0;
  order.forEach((cellIndex, page) => {
    const tops = lineTops(printed.texts.filter((t) => t.page === page + 1 && t.text.trim()).map((t) => t.top));
    lines[cellIndex] = tops.length;
    // Line pitch at 100 % and the sheet font's size: the largest step between two lines of one text.
    const size = cells[cellIndex].fontSize ?? 12;
    for (let k = 1; k < tops.length; k++) pitch = Math.max(pitch, ((tops[k] - tops[k - 1]) / 0.7) * (12 / size));
  });
  return { lines, pitch };
}

/** Each page's size in points (`pdfinfo -f 1 -l N`): a landscape page is wider than tall. */
export function pageSizes(pdf: string, pages: number): { width: number; height: number }[] {
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' }).stdout;
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** A .docx printed to PDF by LibreOffice and read back; every page as PNG under test/artifacts/<name>-N.png. */
export function printDocx(office: string, bytes: Uint8Array, dir: string, name: string): Printed & { sizes: { width: number; height: number }[] } {
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, bytes);
  const conv = convertWithLibreOffice(office, file, 'pdf', dir, dir);
  if (conv.status !== 0) throw new Error(`LibreOffice: ${conv.stderr}`);
  const pdf = join(dir, `${name}.pdf`);
  const printed = readPdf(pdf);
  const artifacts = join(__dirname, '..', 'artifacts');
  mkdirSync(artifacts, { recursive: true });
  spawnSync('pdftoppm', ['-png', '-r', '50', pdf, join(artifacts, name)]);
  return { ...printed, sizes: pageSizes(pdf, printed.pages) };
}
