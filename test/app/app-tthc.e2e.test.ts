/**
 * The one-stop system's export on the page without Excel (dist/app.html from file://, in
 * Chromium), as an officer on LibreOffice or WPS uses it, over a plan of four units and three
 * units' reports (test/taskpane/tthc-workbook.ts: the export has three of the plan's units,
 * lacks Hương Trà, and has Lộc Bổn, whom the plan does not list):
 * - «Tạo mẫu cho mọi đơn vị» with the export picked under «Số liệu hồ sơ TTHC từ Hệ thống
 *   một cửa (không bắt buộc)»: the .zip's templates carry the export's D figures, and the
 *   page says what the pane says (units filled, the unit the export lacks, the row of no unit);
 * - after «Tổng hợp», «Đối chiếu số liệu TTHC» lists the one difference quoting both figures,
 *   its place in words (no cell to go to here), and says which unit the export lacks;
 * - no finding of the page offers «Đến ô …»: there is no workbook to go to.
 * Screenshots of both views go to test/artifacts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { readSheet } from '../../src/core/reader';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { late } from '../helpers/tthc-exports';
import { gridXlsx } from '../helpers/xlsx-files';
import { ROSTER, dossierOf, exportFile, planFile, unitSheet, units } from '../taskpane/tthc-workbook';
import { buildApp } from './app-build';
import { axeViolations } from '../e2e/pane-at-320';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
jest.setTimeout(300_000);

/** Thượng Quảng wrote D5 four more than the one-stop system holds. */
const changed = late(units[1]) + 4;
const thuongQuang = unitSheet(ROSTER[1], { D5: changed });
const asFile = (name: string, bytes: Uint8Array) => ({ name, mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });
const theExport = () => { const f = exportFile(); return asFile(f.name, f.bytes); };

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const requests: string[] = [];

async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const [d] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  return { name: d.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(await d.path())) };
}

/** The page as it stands at this element, into test/artifacts. */
async function shot(view: ReturnType<Page['locator']>, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(300); // Fluent's transitions
  await view.screenshot({ path: path.join(ARTIFACTS, name) });
}

/** What axe-core finds above "minor" on the page (its policy allows an inline script, as its own is). */
/** The page's violations (test/e2e/pane-at-320.ts axeViolations), its <main> being the page's own. */
const violations = () => axeViolations(page, 'main');

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium không có ở ${CHROMIUM}: đặt CHROMIUM_PATH`);
  const html = buildApp();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, acceptDownloads: true, locale: 'vi-VN' });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('file://' + html);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.setInputFiles('[data-testid="plan-file"]', asFile('ke-hoach.xlsx', await planFile()));
  await page.setInputFiles('[data-testid="report-files"]', [
    asFile('huong-loc.xlsx', gridXlsx(unitSheet(ROSTER[0]))),
    asFile('thuong-quang.xlsx', gridXlsx(thuongQuang)),
    asFile('huong-tra.xlsx', gridXlsx(unitSheet(ROSTER[3]))),
  ]);
  await page.getByText('Đã chọn 4 tệp').waitFor();
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
});

describe('app.html: Tạo mẫu cho mọi đơn vị with the one-stop export', () => {
  it('pre-fills each unit\'s D figures from the export and says what the pane says', async () => {
    const picker = page.getByRole('group', { name: 'Số liệu hồ sơ TTHC từ Hệ thống một cửa (không bắt buộc)' });
    await expect(picker.getByTestId('tthc-export-files').getAttribute('accept')).resolves.toMatch(/^\.xlsx,\.xls,/);
    await picker.getByTestId('tthc-export-files').setInputFiles(theExport());
    await expect(picker.getByText('mot-cua.xlsx', { exact: true }).isVisible()).resolves.toBe(true);
    await shot(page.locator('main'), 'app-template-tthc.png');

    const got = await download(() => page.getByRole('button', { name: 'Tạo mẫu cho mọi đơn vị' }).click());
    expect(got.name.endsWith('.zip')).toBe(true);
    const entries = unzipSync(got.bytes);
    expect(Object.keys(entries)).toHaveLength(ROSTER.length);
    for (const i of [0, 1, 2]) {
      const name = Object.keys(entries).find((n) => n.startsWith(`${ROSTER[i].code} `))!;
      const grid = readXlsxBuffer(entries[name], name)[0];
      const read = readSheet(grid);
      if (read.kind !== 'report') throw new Error(read.kind);
      expect(read.report.figures).toMatchObject(dossierOf(units[i]));
      // The source is written beside each figure, for the clerk to check.
      expect(grid.cells.flat().some((v) => typeof v === 'string' && v.startsWith('Theo Hệ thống một cửa (mot-cua.xlsx)'))).toBe(true);
    }
    // The unit the export lacks gets a blank dossier block.
    const blank = Object.keys(entries).find((n) => n.startsWith(`${ROSTER[3].code} `))!;
    const read = readSheet(readXlsxBuffer(entries[blank], blank)[0]);
    if (read.kind !== 'report') throw new Error(read.kind);
    expect(read.report.figures.D2 ?? null).toBeNull();

    await expect(page.getByText('Điền sẵn số liệu hồ sơ TTHC từ Hệ thống một cửa cho 3/4 đơn vị.', { exact: true }).isVisible()).resolves.toBe(true);
    const lacking = page.getByRole('alert').filter({ hasText: '1 đơn vị không có trong số liệu Hệ thống một cửa' });
    await expect(lacking.innerText()).resolves.toContain('UBND xã Hương Trà');
    await expect(page.getByText(/«Xã Lộc Bổn» không có trong danh sách đơn vị của Kế hoạch, không điền được vào mẫu nào/).isVisible()).resolves.toBe(true);
    await shot(page.locator('main'), 'app-template-tthc-said.png');
    await expect(violations()).resolves.toEqual([]);
  });
});

describe('app.html: Đối chiếu số liệu TTHC after Tổng hợp', () => {
  it('lists the difference quoting both figures, its place in words, and the unit the export lacks', async () => {
    const book = await download(() => page.getByRole('button', { name: 'Tổng hợp', exact: true }).click());
    expect(book.name).toBe('tong-hop.xlsx');
    const section = page.getByRole('region', { name: 'Đối chiếu với Hệ thống một cửa' });
    await section.waitFor();
    await section.getByTestId('tthc-compare-files').setInputFiles(theExport());
    await section.getByText('Tệp mot-cua.xlsx: đã đối chiếu số liệu hồ sơ TTHC của 2 đơn vị.').waitFor();
    const text = await section.innerText();
    expect(text).toContain('1 chênh lệch ở 1 đơn vị');
    expect(text).toMatch(/Không có trong tệp của Hệ thống một cửa, chưa đối chiếu \(1 đơn vị\):\s*UBND xã Hương Trà\./);

    const list = section.getByRole('region', { name: 'Chênh lệch với Hệ thống một cửa' });
    const diff = list.getByText(new RegExp(`D5: đơn vị ghi ${changed}, Hệ thống một cửa ${late(units[1])}`));
    await expect(diff.isVisible()).resolves.toBe(true);
    // Nothing here can take the officer to a cell: the unit's file, sheet and cell are said in words.
    const read = readSheet(thuongQuang);
    if (read.kind !== 'report') throw new Error(read.kind);
    await expect(list.getByText(`Tệp thuong-quang.xlsx, trang "${thuongQuang.sheet}", ô ${read.report.figureCells.D5}`, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(list.getByRole('button', { name: /D5: đơn vị ghi/ }).count()).resolves.toBe(0);
    expect(await list.innerText()).not.toContain('sổ làm việc');
    await shot(section, 'app-tthc-compare.png');
    await expect(violations()).resolves.toEqual([]);
  });

  it('offers no «Đến ô …» anywhere: a finding\'s tooltip says its file, sheet and cell', async () => {
    await expect(page.locator('[title^="Đến ô"]').count()).resolves.toBe(0);
    const findings = page.getByRole('region', { name: 'Lỗi và cảnh báo' });
    // Many groups start closed: open the first, whose lines are buttons saying where the cell is.
    await findings.locator('button[aria-expanded="false"]').first().click();
    const titles = await findings.locator('button[title]').evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t).toMatch(/^Tệp [^,]+\.xlsx, trang "[^"]+"(, ô [A-Z]+\d+)?$/);
  });

  it('made no request outside the file and nothing went wrong on the page', () => {
    expect(requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
