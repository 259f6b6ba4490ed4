/**
 * dist/app.html, the page without Excel, opened straight from disk
 * (file://) in Chromium: the example district's files picked through the
 * page's file input, «Tổng hợp», and every download compared with what the
 * command line writes from the same files. No request may leave file://.
 */
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import { readWorkbook } from '../../src/xlsx/read';
import { captureIo, tempDir } from '../helpers/xlsx-files';
import { buildApp } from './app-build';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'examples');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(EXAMPLES, f));

let browser: Browser;
let page: Page;
let cliDir: { dir: string; cleanup: () => void };
const requests: string[] = [];
const pageErrors: string[] = [];

/** Every sheet's values, by sheet name: what a user sees opening the workbook. */
function sheetsOf(bytes: Uint8Array, name: string): Record<string, unknown[][]> {
  return Object.fromEntries(readWorkbook(bytes, name).grids.map((g) => [g.sheet, g.cells]));
}

/** The words of a .docx (its body's text runs), without the XML around them. */
function docxText(bytes: Uint8Array): string {
  const xml = Buffer.from(unzipSync(bytes)['word/document.xml']).toString('utf8');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
}

async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const [d] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  const where = await d.path();
  return { name: d.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(where)) };
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium không có ở ${CHROMIUM}: đặt CHROMIUM_PATH`);
  const html = buildApp();
  cliDir = tempDir('tonghop-app-');
  const cap = captureIo();
  const code = await main(['compile', ...files, '-o', path.join(cliDir.dir, 'tong-hop.xlsx'), '--json', path.join(cliDir.dir, 'tong-hop.json'), '--docx', path.join(cliDir.dir, 'bao-cao.docx'), '--workers', '0'], cap.io);
  expect(code).toBe(0);
  expect(await main(['feedback', ...files, '-o', path.join(cliDir.dir, 'thu'), '--workers', '0'], cap.io)).toBe(0);
  expect(await main(['template', '--plan', path.join(EXAMPLES, 'ke-hoach.xlsx'), '-o', path.join(cliDir.dir, 'mau')], cap.io)).toBe(0);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'vi-VN' });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('file://' + html);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  cliDir?.cleanup();
});

describe('app.html opened from file://', () => {
  it('compiles the picked files into the same tong-hop.xlsx as `tonghop compile`', async () => {
    await page.setInputFiles('[data-testid="report-files"]', files);
    await page.getByText(`Đã chọn ${files.length} tệp`).waitFor();
    const got = await download(() => page.getByRole('button', { name: 'Tổng hợp', exact: true }).click());
    expect(got.name).toBe('tong-hop.xlsx');
    const cli = fs.readFileSync(path.join(cliDir.dir, 'tong-hop.xlsx'));
    const mine = sheetsOf(got.bytes, got.name);
    expect(Object.keys(mine).length).toBeGreaterThan(2);
    expect(mine).toEqual(sheetsOf(cli, 'tong-hop.xlsx'));
  }, 120_000);

  it('shows the tiles and findings of the command line\'s result', async () => {
    const json = JSON.parse(fs.readFileSync(path.join(cliDir.dir, 'tong-hop.json'), 'utf8')) as { findings: { severity: string }[] };
    const errors = json.findings.filter((f) => f.severity === 'error').length;
    const warnings = json.findings.filter((f) => f.severity === 'warning').length;
    await expect(page.getByRole('group', { name: `Lỗi: ${errors}` }).count()).resolves.toBe(1);
    await expect(page.getByRole('group', { name: `Cảnh báo: ${warnings}` }).count()).resolves.toBe(1);
    expect(warnings + errors).toBeGreaterThan(0);
    await expect(page.getByRole('region', { name: 'Lỗi và cảnh báo' }).count()).resolves.toBe(1);
  });

  it('writes the same bao-cao.docx', async () => {
    const got = await download(() => page.getByRole('button', { name: 'Xuất báo cáo (.docx)' }).click());
    expect(got.name.endsWith('.docx')).toBe(true);
    expect(docxText(got.bytes).length).toBeGreaterThan(200);
    expect(docxText(got.bytes)).toEqual(docxText(fs.readFileSync(path.join(cliDir.dir, 'bao-cao.docx'))));
  }, 60_000);

  it('writes the same letters, in one .zip', async () => {
    const got = await download(() => page.getByRole('button', { name: 'Phản hồi đơn vị (.zip)' }).click());
    expect(got.name.endsWith('.zip')).toBe(true);
    const entries = unzipSync(got.bytes);
    // The folder's record of what the command wrote (src/cli/folder-outputs.ts) is not a letter or a template.
    const cliNames = fs.readdirSync(path.join(cliDir.dir, 'thu')).filter((n) => !n.startsWith('.')).sort();
    expect(cliNames.length).toBeGreaterThan(0);
    expect(Object.keys(entries).sort()).toEqual(cliNames);
    for (const n of cliNames) expect(docxText(entries[n])).toEqual(docxText(fs.readFileSync(path.join(cliDir.dir, 'thu', n))));
  }, 60_000);

  it('writes the templates of every unit of the plan, as `tonghop template --plan`', async () => {
    const got = await download(() => page.getByRole('button', { name: 'Tạo mẫu cho mọi đơn vị' }).click());
    const entries = unzipSync(got.bytes);
    // The folder's record of what the command wrote (src/cli/folder-outputs.ts) is not a letter or a template.
    const cliNames = fs.readdirSync(path.join(cliDir.dir, 'mau')).filter((n) => !n.startsWith('.')).sort();
    expect(cliNames.length).toBeGreaterThan(3);
    expect(Object.keys(entries).sort()).toEqual(cliNames);
    for (const n of cliNames) expect(sheetsOf(entries[n], n)).toEqual(sheetsOf(fs.readFileSync(path.join(cliDir.dir, 'mau', n)), n));
  }, 60_000);

  it('writes a new plan .xlsx that reads back as a plan', async () => {
    await page.getByRole('button', { name: 'Tạo kế hoạch mới' }).click();
    const submit = page.locator('form button[type="submit"], button:has-text("Tạo kế hoạch")').last();
    const got = await download(() => submit.click());
    expect(got.name).toBe('ke-hoach.xlsx');
    expect(Object.keys(sheetsOf(got.bytes, got.name))).toEqual(['Kế hoạch']);
  }, 60_000);

  it('a whole folder picked brings its workbooks, not its other files', async () => {
    const fresh = await page.context().newPage();
    fresh.on('request', (r) => requests.push(r.url()));
    await fresh.goto(page.url());
    await fresh.setInputFiles('[data-testid="report-folder"]', EXAMPLES);
    const picked = await fresh.getByTestId('picked').textContent();
    expect(picked).toContain('ke-hoach.xlsx');
    expect(picked).toContain('18880 Đồng Hới.xlsx');
    expect(picked).not.toContain('README.md');
    await fresh.close();
  }, 60_000);

  it('made no request outside the file and nothing went wrong on the page', () => {
    expect(requests.some((u) => u.startsWith('file:'))).toBe(true);
    expect(requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
