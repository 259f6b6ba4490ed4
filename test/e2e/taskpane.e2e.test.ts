/**
 * End to end: the real task pane, built by webpack, in Chromium, on
 * Microsoft's real Excel client (excel-web-16.00.js served locally from
 * @microsoft/office-js) talking to the RichApi host of dev/office-host,
 * with the example district loaded. What a user
 * does (click Tổng hợp, a finding, a sheet link; pick files) and what they
 * would check (the sheets written, the totals, the messages, the selected
 * cell). The pane must give the same output sheets as the core compiles
 * from the same files in Node, i.e. the same as the command line.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { chromium, type Browser, type Page } from 'playwright-core';
import { compileGrids } from '../../src/core/compile';
import type { SheetGrid } from '../../src/core/grid';
import type { CompileResult } from '../../src/core/model';
import type { OutputSheet } from '../../src/core/sheet-model';
import { isOwnOutputSheet, layoutOutputs } from '../../src/core/layout';
import { readSheet } from '../../src/core/reader';
import { INDICATOR_BY_CODE, INDICATOR_CODES, STATUS_MISSING } from '../../src/core/template';
import { changePhrase, comparisonRef, readPreviousPeriod } from '../../src/report';
import { main } from '../../src/cli/main';
import { captureIo } from '../helpers/xlsx-files';
import { unitKey } from '../../src/core/unit-names';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { countResult, foldRepeated } from '../../src/taskpane/findings-view';
import { ensureHarnessBuilt, ROOT } from './harness-build';
import { previousWorkbook } from './previous-workbook';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { start, listExamples } = require('../../scripts/harness-server.js') as {
  start: (o: { port: number; examples?: string; dist?: string }) => Promise<{ url: string; close: () => Promise<void> }>;
  listExamples: (dir: string) => string[];
};

type Value = string | number | boolean | null;
interface Snapshot {
  sheets: { name: string; values: Value[][] }[];
  syncs: number;
  maxConcurrentRuns: number;
  selection: { sheet: string; address: string } | null;
}

let EXAMPLES = process.env.HARNESS_EXAMPLES || path.join(ROOT, 'examples');

/**
 * Without the example district (examples/, made by the command line's demo),
 * a small district of three communes made here stands in for it.
 */
function fallbackExamples(): string {
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'tonghop-e2e-'));
  const units = [
    { unit: 'UBND xã Hương Lộc', unitCode: 'X001', A1: 20 },
    { unit: 'UBND xã Thượng Quảng', unitCode: 'X002', A1: 7 },
    { unit: 'UBND thị trấn Khe Tre', unitCode: 'X003', A1: 13, D5: 9 },
  ];
  units.forEach(({ unit, unitCode, A1, D5 }, i) => {
    const spec = sampleSpec({ unit, unitCode });
    const g = makeUnitGrid({ ...spec, figures: { ...spec.figures, A1, ...(D5 ? { D5 } : {}) } });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(g.cells.map((r) => r.map((v) => (v === null || typeof v === 'object' ? undefined : v)))), g.sheet);
    fs.writeFileSync(path.join(dir, `${i + 1}-${unitCode}.xlsx`), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  });
  return dir;
}
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

jest.setTimeout(120_000);

/** Values as a user compares them: trailing empties dropped, numbers to 9 decimals. */
function normalise(rows: Value[][]): Value[][] {
  const out = rows.map((r) => {
    const row = r.map((v) => (v === '' || v === undefined ? null : typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v));
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

const sheetValues = (s: OutputSheet): Value[][] => normalise(s.rows.map((r) => r.map((c) => c?.v ?? null)));

/** The example files read in Node in the harness's order, named as the workbook names their sheets. */
function exampleGrids(): SheetGrid[] {
  const taken = new Set<string>();
  const grids: SheetGrid[] = [];
  for (const f of listExamples(EXAMPLES)) {
    for (const g of readXlsxBuffer(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, f))), f)) {
      let name = g.sheet;
      for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${g.sheet.slice(0, 31 - ` (${i})`.length)} (${i})`;
      taken.add(name.toLowerCase());
      // Sheets of the open workbook carry no file name.
      grids.push({ ...g, sheet: name, file: undefined });
    }
  }
  return grids;
}

let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };
let grids: SheetGrid[];
let expected: { result: CompileResult; sheets: OutputSheet[] };
const pageErrors: string[] = [];
const harnessRequests: string[] = [];

const snapshot = (): Promise<Snapshot> => page.evaluate(() => (window as any).harness.snapshot());
const whenIdle = (): Promise<void> => page.evaluate(() => (window as any).harness.whenIdle());
const pane = () => page.getByRole('complementary', { name: 'Ngăn tác vụ' });
/** One of the six action buttons (a sheet link may bear the same name, `Kiểm tra`). */
/** Opens every closed group of the findings list (closed at first on a big workbook). */
async function openAllGroups(): Promise<void> {
  const closed = pane().getByLabel('Lỗi và cảnh báo').locator('button[aria-expanded="false"]');
  while (await closed.count()) await closed.first().click();
}
const paneButton = (name: string) => pane().getByRole('toolbar', { name: 'Thao tác' }).getByRole('button', { name, exact: true });

async function click(name: string): Promise<void> {
  await paneButton(name).click();
  await whenIdle();
}

async function shot(name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(400); // let Fluent's button transitions finish
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  return file;
}

/** A unit report file like a unit sends: a copy of an example unit sheet under another unit's name. */
function newUnitFile(unit: string, sheetName: string): Buffer {
  const source = grids.find((g) => readSheet(g).kind === 'report')!;
  const rows = source.cells.map((r) => r.map((v) => (v === null || typeof v === 'object' ? undefined : v)));
  const first = readSheet(source);
  if (first.kind !== 'report') throw new Error('no unit sheet in the examples');
  const swap = (v: unknown) => (v === first.report.unit ? unit : v === first.report.unitCode ? 'TEST01' : v);
  const ws = XLSX.utils.aoa_to_sheet([]);
  XLSX.utils.sheet_add_aoa(ws, rows.map((r) => r.map(swap)), { origin: { r: source.originRow, c: source.originCol } });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheetName);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium không có ở ${CHROMIUM}: cài bằng "apt-get install -y chromium" hoặc đặt CHROMIUM_PATH`);
  if (listExamples(EXAMPLES).length === 0) EXAMPLES = fallbackExamples();
  const dist = ensureHarnessBuilt();
  grids = exampleGrids();
  const result = compileGrids(grids, {});
  expected = { result, sheets: layoutOutputs(result, {}) };
  server = await start({ port: 0, examples: EXAMPLES, dist });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, acceptDownloads: true, locale: 'vi-VN' });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => harnessRequests.push(r.url()));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the task pane in the browser harness', () => {
  it("opens on the example workbook with the six actions, on Microsoft's Excel client served locally (nothing from the network)", async () => {
    expect(harnessRequests.filter((u) => !u.startsWith(server.url))).toEqual([]);
    expect(harnessRequests).toContain(`${server.url}office-js/excel-web-16.00.js`);
    // The client's own classes, not a stand-in's: its HTTP executor is what the host answers.
    await expect(page.evaluate(() => typeof (window as any).OfficeExtension.HttpUtility.setCustomSendRequestFunc)).resolves.toBe('function');
    const snap = await snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(grids.map((g) => g.sheet));
    for (const name of ['Tổng hợp', 'Kiểm tra', 'Tạo mẫu', 'Nhập báo cáo', 'Tổng hợp từ tệp', 'Xuất báo cáo']) {
      await expect(paneButton(name).isEnabled()).resolves.toBe(true);
    }
  });

  it('Tổng hợp writes the same output sheets as the core compiles from the same files', async () => {
    expect(expected.sheets.length).toBeGreaterThanOrEqual(4);
    await click('Tổng hợp');
    const snap = await snapshot();
    const names = snap.sheets.map((s) => s.name);
    // Unit sheets untouched and first, outputs after them.
    expect(names.slice(0, grids.length)).toEqual(grids.map((g) => g.sheet));
    for (const out of expected.sheets) {
      const written = snap.sheets.find((s) => s.name === out.name);
      expect(written).toBeDefined();
      expect(normalise(written!.values)).toEqual(sheetValues(out));
    }
    expect(snap.maxConcurrentRuns).toBe(1);
    const file = await shot('taskpane-after-compile.png');
    // The README shows the pane on the bundled example district; a test run never
    // rewrites committed files unless asked (UPDATE_SCREENSHOT=1 npx jest test/e2e).
    if (process.env.UPDATE_SCREENSHOT === '1' && EXAMPLES === path.join(ROOT, 'examples')) {
      fs.copyFileSync(file, path.join(ROOT, 'docs', 'screenshot-taskpane.png'));
    }
  });

  it('gives the same totals and the same number of errors and warnings as `tonghop check` on the same files', async () => {
    const cap = captureIo();
    expect(await main(['check', EXAMPLES, '--json', '--workers', '0'], cap.io)).toBe(0);
    const cli = JSON.parse(cap.out()) as { summaries: { unit: string; figures: Record<string, number | null> }[]; findings: { severity: string }[] };
    const top = cli.summaries[cli.summaries.length - 1];
    const report = expected.sheets.find((s) => s.role === 'report' && s.unit === top.unit)!;
    const written = (await snapshot()).sheets.find((s) => s.name === report.name)!;
    for (const code of INDICATOR_CODES) {
      const row = written.values.find((r) => r.includes(code))!;
      const figure = row.slice(row.indexOf(code) + 1).find((v) => typeof v === 'number') ?? null;
      expect([code, figure]).toEqual([code, top.figures[code] === null ? null : expect.closeTo(top.figures[code]!, 9)]);
    }
    const errors = cli.findings.filter((f) => f.severity === 'error').length;
    const warnings = cli.findings.length - errors;
    await expect(pane().getByLabel(`Lỗi: ${errors}`).count()).resolves.toBe(1);
    await expect(pane().getByLabel(`Cảnh báo: ${warnings}`).count()).resolves.toBe(1);
  });

  it("the compiled report's A1 figure is the sum of its children's A1 as their sheets say", async () => {
    const top = expected.result.summaries[expected.result.summaries.length - 1];
    const sheets = new Map<string, number | null>();
    for (const g of grids) {
      const r = readSheet(g);
      if (r.kind === 'report' && !r.report.compiled) sheets.set(unitKey(r.report.unit), r.report.figures.A1);
    }
    const sum = top.children
      .filter((c) => c.status !== STATUS_MISSING)
      .reduce((s, c) => s + ((sheets.has(unitKey(c.unit)) ? sheets.get(unitKey(c.unit)) : c.figures?.A1) ?? 0), 0);
    const report = expected.sheets.find((s) => s.role === 'report' && s.unit === top.unit)!;
    const written = (await snapshot()).sheets.find((s) => s.name === report.name)!;
    const row = written.values.find((r) => r.some((v) => v === 'A1'));
    expect(row).toBeDefined();
    expect(row).toContain(sum);
  });

  it('shows the counts and the findings, grouped by unit with errors first', async () => {
    const counts = {
      reports: expected.result.reports.filter((r) => r.counted).length,
      errors: expected.result.findings.filter((f) => f.severity === 'error').length,
      warnings: expected.result.findings.filter((f) => f.severity === 'warning').length,
    };
    await expect(pane().getByLabel(`Báo cáo tính: ${counts.reports}`).count()).resolves.toBe(1);
    await expect(pane().getByLabel(`Lỗi: ${counts.errors}`).count()).resolves.toBe(1);
    await expect(pane().getByLabel(`Cảnh báo: ${counts.warnings}`).count()).resolves.toBe(1);
    const unfolded = foldRepeated(expected.result.findings).rest;
    const first = unfolded.find((f) => f.severity === 'error') ?? unfolded[0];
    expect(first).toBeDefined();
    await openAllGroups();
    await expect(pane().getByText(first.message, { exact: true }).first().isVisible()).resolves.toBe(true);
    const text = await pane().getByLabel('Lỗi và cảnh báo').innerText();
    if (counts.errors && counts.warnings) {
      // The first group shown holds an error (a unit's count, or the badge of a message repeated in several units).
      const firstGroup = await pane().getByLabel('Lỗi và cảnh báo').locator('section').first().innerText();
      expect(firstGroup).toMatch(/\d+ lỗi|^\W*Lỗi/);
    }
    expect(text).not.toMatch(/undefined|NaN|\[object/);
  });

  it('clicking a finding activates its sheet and selects its cell', async () => {
    const f = foldRepeated(expected.result.findings).rest.find((x) => x.sheet && x.cell)!;
    expect(f).toBeDefined();
    await openAllGroups();
    await pane().getByRole('button', { name: new RegExp(escapeRe(f.message)) }).first().click();
    await whenIdle();
    expect((await snapshot()).selection).toEqual({ sheet: f.sheet, address: f.cell });
    await shot('taskpane-finding-selected.png');
  });

  it("Tô màu ô lỗi colours the cells of the findings and Xoá tô màu takes the colour away, giving a unit's own fill back", async () => {
    const cells = expected.result.findings.filter((x) => x.sheet && x.cell && !x.file);
    const f = cells.find((x) => x.severity === 'error')!;
    // A second cell the unit had coloured itself.
    const own = cells.find((x) => x.sheet !== f.sheet || x.cell !== f.cell);
    const fill = (x: { sheet: string; cell: string }) => page.evaluate(([sh, c]) => (window as any).harness.cell(sh, c).format.fill ?? null, [x.sheet, x.cell]);
    expect(await fill(f)).toBeNull();
    if (own) {
      await page.evaluate(([sh, c]) => (window as any).Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem(sh).getRange(c).format.fill.color = '#C6EFCE';
        await ctx.sync();
      }), [own.sheet, own.cell]);
    }
    await pane().getByRole('button', { name: 'Tô màu ô lỗi' }).click();
    await whenIdle();
    expect(await fill(f)).toMatch(/^#/);
    if (own) expect(await fill(own)).not.toBe('#C6EFCE');
    await shot('taskpane-highlight.png');
    await pane().getByRole('button', { name: 'Xoá tô màu' }).click();
    await whenIdle();
    expect(await fill(f)).toBeNull();
    if (own) expect(await fill(own)).toBe('#C6EFCE');
  });

  it('a sheet link activates that output sheet', async () => {
    const summary = expected.sheets.find((s) => s.role === 'summary')!;
    await pane().getByRole('navigation', { name: 'Các trang đã ghi' }).getByRole('button', { name: summary.name, exact: true }).click();
    await whenIdle();
    expect((await snapshot()).selection?.sheet).toBe(summary.name);
  });

  it('Tổng hợp again gives the same outputs and no duplicated sheets', async () => {
    await click('Tổng hợp');
    const before = await snapshot();
    await click('Tổng hợp');
    const after = await snapshot();
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(after.sheets.some((s) => /\(\d+\)$/.test(s.name) && !before.sheets.some((b) => b.name === s.name))).toBe(false);
    for (const s of after.sheets) expect(normalise(s.values)).toEqual(normalise(before.sheets.find((b) => b.name === s.name)!.values));
    expect(after.maxConcurrentRuns).toBe(1);
  });

  it('Kiểm tra lists the findings and changes nothing in the workbook', async () => {
    const before = await snapshot();
    await click('Kiểm tra');
    const after = await snapshot();
    expect(after.sheets.map((s) => [s.name, normalise(s.values)])).toEqual(before.sheets.map((s) => [s.name, normalise(s.values)]));
    await expect(pane().getByText('Kết quả kiểm tra', { exact: false }).count()).resolves.toBeGreaterThan(0);
  });

  it('Kỳ trước: last period\'s workbook adds kỳ trước and tăng/giảm to the summary and the change to the report; a bad file is named', async () => {
    const input = page.getByTestId('previous-file');
    const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await input.setInputFiles({ name: 'ky-truoc-hong.xlsx', mimeType: xlsxType, buffer: Buffer.from('không phải tệp Excel') });
    await whenIdle();
    await expect(pane().getByText('Đọc tệp kỳ trước không thành công').isVisible()).resolves.toBe(true);
    await expect(pane().getByText(/ky-truoc-hong\.xlsx/).first().isVisible()).resolves.toBe(true);
    await expect(paneButton('Tổng hợp').isEnabled()).resolves.toBe(true);

    // Last year's compiled workbook, every figure twice as high.
    const last = await previousWorkbook(grids, 2);
    await input.setInputFiles({ name: 'tong-hop-ky-truoc.xlsx', mimeType: xlsxType, buffer: last.bytes });
    await whenIdle();
    await expect(pane().getByLabel('Tệp kỳ trước: tong-hop-ky-truoc.xlsx').isVisible()).resolves.toBe(true);
    await click('Tổng hợp');
    const snap = await snapshot();
    await shot('taskpane-previous.png');

    // The summary sheets are what the command line's --previous gives for the same files.
    const previous = readPreviousPeriod(readXlsxBuffer(new Uint8Array(last.bytes), 'tong-hop-ky-truoc.xlsx'));
    const summaries = layoutOutputs(expected.result, { previous }).filter((s) => s.role === 'summary' || s.role === 'previous');
    for (const out of summaries) expect(normalise(snap.sheets.find((s) => s.name === out.name)!.values)).toEqual(sheetValues(out));

    // And the top unit's A1 as a user checks it: this year's, last year's, the change.
    const top = expected.result.summaries[expected.result.summaries.length - 1];
    const lastTop = last.result.summaries.find((s) => unitKey(s.unit) === unitKey(top.unit))!;
    expect(lastTop).toBeDefined();
    const now = top.figures.A1!;
    const was = lastTop.figures.A1!;
    const sheet = snap.sheets.find((s) => s.name === summaries.find((o) => o.unit === top.unit && o.role === 'previous')!.name)!;
    const head = sheet.values.findIndex((r) => r.includes('Kỳ trước') && r.includes('Tăng/giảm'));
    expect(head).toBeGreaterThan(0);
    const a1 = sheet.values.slice(head).find((r) => r[0] === 'A1')!;
    expect(a1.slice(2, 5)).toEqual([now, was, expect.closeTo(now / was - 1, 9)]);

    // Xuất báo cáo says it in words.
    const download = page.waitForEvent('download');
    await paneButton('Xuất báo cáo').click();
    const d = await download;
    await whenIdle();
    const zip = await JSZip.loadAsync(fs.readFileSync((await d.path())!));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const ref = comparisonRef({ period: expected.result.period, year: expected.result.year }, previous)!;
    const phrase = changePhrase(now, was, ref, INDICATOR_BY_CODE.A1.unit);
    expect(phrase).toMatch(/^giảm .*% so với /);
    expect(text).toContain(phrase);

    // Removed: the summary goes back to having no comparison.
    await expect(pane().getByText(/So sánh với kỳ trước/).count()).resolves.toBe(1);
    await pane().getByRole('button', { name: 'Bỏ tệp kỳ trước tong-hop-ky-truoc.xlsx' }).click();
    // At once: the result no longer says it was compared, and says the sheet changes at the next Tổng hợp.
    await expect(pane().getByText(/So sánh với kỳ trước/).count()).resolves.toBe(0);
    await expect(pane().getByText(/Đã bỏ tệp kỳ trước/).count()).resolves.toBe(1);
    // Xuất báo cáo right after Bỏ no longer compares either.
    const after = page.waitForEvent('download');
    await paneButton('Xuất báo cáo').click();
    const plain = await JSZip.loadAsync(fs.readFileSync((await (await after).path())!));
    await whenIdle();
    const plainText = (await plain.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(plainText).not.toContain(phrase);
    expect(plainText).not.toMatch(/so với cùng kỳ|so với kỳ trước/);
    await click('Tổng hợp');
    await expect(pane().getByText(/Đã bỏ tệp kỳ trước/).count()).resolves.toBe(0);
    // Compiled again without it: the comparison sheet `SS …` is gone (replaced output), and no sheet compares.
    const again = (await snapshot()).sheets;
    expect(again.map((s) => s.name)).not.toContain(sheet.name);
    expect(again.some((s) => s.values.some((r) => r.includes('Kỳ trước') && r.includes('Tăng/giảm')))).toBe(false);
  });

  it('Tạo mẫu adds a blank TTCCHC-1 sheet for the unit typed in the form, with the plan\'s tasks and period', async () => {
    const before = (await snapshot()).sheets.map((s) => s.name);
    const planRead = grids.map(readSheet).find((r) => r.kind === 'plan');
    const plan = planRead && planRead.kind === 'plan' ? planRead.plan : undefined;
    await paneButton('Tạo mẫu').click();
    await whenIdle();
    const form = pane().getByRole('form', { name: 'Tạo mẫu báo cáo' });
    const parent = form.getByRole('textbox', { name: /Đơn vị cấp trên/ });
    if (plan?.compilingUnit) await expect(parent.inputValue()).resolves.toBe(plan.compilingUnit);
    else await parent.fill('UBND huyện A Lưới');
    // With a plan the unit is picked from its roster (test/e2e/pane-forms.e2e.test.ts); a name not in it can still be typed.
    const unitBox = form.getByRole(plan?.roster.length ? 'combobox' : 'textbox', { name: /Đơn vị báo cáo/ });
    await unitBox.fill('UBND xã Hồng Thủy');
    await unitBox.press('Escape');
    await form.getByRole('button', { name: 'Thêm trang mẫu' }).click();
    await whenIdle();
    const snap = await snapshot();
    const added = snap.sheets.filter((s) => !before.includes(s.name));
    expect(added).toHaveLength(1);
    const flat = added[0].values.flat();
    expect(flat).toContain('TTCCHC-1');
    expect(flat).toContain('UBND xã Hồng Thủy');
    expect(flat).toContain(plan?.compilingUnit ?? 'UBND huyện A Lưới');
    if (plan) {
      expect(flat).toContain(plan.year);
      for (const t of plan.tasks) expect(flat).toContain(t.name);
    }
    await expect(pane().getByText(`Trang "${added[0].name}" đã được thêm vào sổ làm việc.`).isVisible()).resolves.toBe(true);
  });

  it('Nhập báo cáo brings a unit file in as a new sheet and names a file it cannot read', async () => {
    const before = await snapshot();
    await page.getByTestId('import-files').setInputFiles([
      { name: 'xa-thu-nghiem.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: newUnitFile('UBND xã Thử Nghiệm', 'Thử Nghiệm') },
      { name: 'bao-cao-hong.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('đây không phải tệp Excel') },
    ]);
    await whenIdle();
    const after = await snapshot();
    const added = after.sheets.filter((s) => !before.sheets.some((b) => b.name === s.name));
    expect(added.map((s) => s.name)).toHaveLength(1);
    expect(added[0].values.flat()).toContain('UBND xã Thử Nghiệm');
    // Nothing already there was overwritten.
    for (const b of before.sheets) expect(normalise(after.sheets.find((s) => s.name === b.name)!.values)).toEqual(normalise(b.values));
    await expect(pane().getByText(/bao-cao-hong\.xlsx/).first().isVisible()).resolves.toBe(true);
    await shot('taskpane-import.png');
  });

  it('Tổng hợp từ tệp compiles the picked files with the workbook\'s plan, copies none in, and names a bad file', async () => {
    const before = await snapshot();
    // Two unit files only (not the plan file): the workbook's plan then expects the others.
    const picked = listExamples(EXAMPLES)
      .filter((f) => readXlsxBuffer(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, f))), f).every((g) => readSheet(g).kind === 'report'))
      .slice(0, 2);
    expect(picked).toHaveLength(2);
    const bad = { name: 'ghi-chu.xlsx', mimeType: 'text/plain', buffer: Buffer.from('ghi chú') };
    await page.getByTestId('compile-files').setInputFiles([
      ...picked.map((f) => ({ name: f, mimeType: 'application/octet-stream', buffer: fs.readFileSync(path.join(EXAMPLES, f)) })),
      bad,
    ]);
    await whenIdle();
    const after = await snapshot();
    // No unit sheet copied in: only output sheets may be new.
    const added = after.sheets.filter((s) => !before.sheets.some((b) => b.name === s.name)).map((s) => s.name);
    for (const n of added) expect([n, isOwnOutputSheet(n)]).toEqual([n, true]);
    // What the core makes of the same files with the same plan.
    const planGrids = grids.filter((g) => readSheet(g).kind === 'plan');
    const fileGrids = picked.flatMap((f) => readXlsxBuffer(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, f))), f));
    const badFinding = { severity: 'error' as const, unit: bad.name, file: bad.name, sheet: '', cell: '', rule: 'file.unreadable' as const, message: 'x' };
    const counts = countResult(compileGrids([...planGrids, ...fileGrids], {}, [badFinding]));
    expect(counts.reports).toBe(fileGrids.length);
    if (planGrids.length) expect(counts.missing).toBeGreaterThan(0);
    for (const [label, n] of [['Báo cáo tính', counts.reports], ['Lỗi', counts.errors], ['Cảnh báo', counts.warnings], ['Chưa nộp', counts.missing]] as const) {
      await expect(pane().getByLabel(`${label}: ${n}`).count()).resolves.toBe(1);
    }
    await expect(pane().getByText(/ghi-chu\.xlsx/).first().isVisible()).resolves.toBe(true);
    await expect(pane().getByText('Kết quả tổng hợp từ tệp', { exact: false }).count()).resolves.toBeGreaterThan(0);
  });

  it('Xuất báo cáo downloads the narrative report as a .docx', async () => {
    await click('Tổng hợp');
    const download = page.waitForEvent('download');
    await paneButton('Xuất báo cáo').click();
    const d = await download;
    await whenIdle();
    expect(d.suggestedFilename()).toMatch(/\.docx$/);
    const file = path.join(ARTIFACTS, d.suggestedFilename());
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await d.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('an error from Excel becomes a Vietnamese message and the pane stays usable', async () => {
    await page.evaluate(() => (window as any).harness.failNextSync('GeneralException'));
    await click('Kiểm tra');
    const alert = pane().getByText('Kiểm tra không thành công');
    await expect(alert.isVisible()).resolves.toBe(true);
    await shot('taskpane-excel-error.png');
    await expect(paneButton('Tổng hợp').isEnabled()).resolves.toBe(true);
    await click('Kiểm tra');
    await expect(pane().getByText('Kiểm tra không thành công').count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('the approval cycle', () => {
  it('Duyệt locks the sheet; an edit after unprotecting it is reported at Tổng hợp; Trả lại asks a reason by keyboard; only approved counts', async () => {
    // A fresh workbook of the examples.
    const b64 = listExamples(EXAMPLES).map((f) => fs.readFileSync(path.join(EXAMPLES, f)).toString('base64'));
    await page.evaluate((list) => (window as any).harness.load(list), b64);
    await click('Tổng hợp');
    const own = (r: CompileResult['reports'][number]) => !r.report.compiled && !r.supersededBy && !!r.report.unit.trim();
    const [first, second] = expected.result.reports.filter(own);
    const review = pane().getByRole('list', { name: 'Báo cáo của các đơn vị' });
    if (!(await review.count())) await pane().getByRole('button', { name: /^Duyệt báo cáo/ }).click();
    const sheetOf = (e: typeof first) => e.report.source.sheet;
    const isProtected = (sheet: string) => page.evaluate((sh) => (window as any).harness.isProtected(sh), sheet);

    /** Duyệt; a report with errors is approved after the question (pane-steps.e2e.test.ts checks the question itself). */
    const approve = async (e: typeof first) => {
      const row = review.locator('li').filter({ has: page.getByRole('button', { name: `Duyệt báo cáo của ${e.report.unit}` }) });
      // The row says how many errors the report has; with any, Duyệt asks first.
      const errors = Number(/(\d+) lỗi/.exec(await row.innerText())?.[1] ?? 0);
      await review.getByRole('button', { name: `Duyệt báo cáo của ${e.report.unit}` }).click();
      if (errors) await page.getByRole('alertdialog', { name: `Báo cáo của ${e.report.unit} còn ${errors} lỗi` }).getByRole('button', { name: 'Vẫn duyệt' }).click();
      await whenIdle();
    };

    // Duyệt: the unit's sheet is locked, its state shown.
    await approve(first);
    await expect(isProtected(sheetOf(first))).resolves.toBe(true);
    await expect(pane().getByText(`Đã duyệt báo cáo của ${first.report.unit}`, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(review.locator('li').first().getByText('Đã duyệt', { exact: true }).isVisible()).resolves.toBe(true);

    // Someone unprotects the sheet and changes A1: the next Tổng hợp says so, naming the unit; the approval is void.
    const a1 = first.report.figureCells.A1!;
    await page.evaluate(([sh, c, v]) => (window as any).harness.editCell(sh, c, v), [sheetOf(first), a1, (first.report.figures.A1 ?? 0) + 1] as const);
    await click('Tổng hợp');
    await openAllGroups();
    const said = pane().getByText(new RegExp(`${escapeRe(first.report.unit)} \\(trang '${escapeRe(sheetOf(first))}'\\) đã được duyệt lúc .* nhưng đã bị sửa sau đó: việc duyệt không còn giá trị`));
    await expect(said.first().isVisible()).resolves.toBe(true);
    await expect(review.locator('li').first().getByText('Chưa duyệt', { exact: true }).isVisible()).resolves.toBe(true);

    // Approved again; the second unit returned with a reason, all by keyboard; the empty reason is refused in Vietnamese.
    await approve(first);
    await review.getByRole('button', { name: `Trả lại báo cáo của ${second.report.unit}` }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Trả lại báo cáo của ${second.report.unit}` });
    await expect(dialog.isVisible()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await expect(dialog.getByText('Hãy ghi lý do trả lại: lý do được đưa vào văn bản phản hồi gửi đơn vị.').isVisible()).resolves.toBe(true);
    await dialog.getByLabel('Lý do trả lại').focus();
    await page.keyboard.type('Thiếu minh chứng cho số liệu A1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await whenIdle();
    await dialog.waitFor({ state: 'hidden' });
    await whenIdle();
    await pane().getByText('Lý do trả lại: Thiếu minh chứng cho số liệu A1').waitFor({ state: 'visible', timeout: 5000 });
    await shot('taskpane-approval.png');

    // Only approved: one unit counted, each other named.
    await pane().getByRole('checkbox', { name: 'Chỉ tổng hợp báo cáo đã duyệt' }).check();
    await click('Tổng hợp');
    await expect(pane().getByLabel('Báo cáo tính: 1').count()).resolves.toBe(1);
    await openAllGroups();
    await expect(pane().getByText(new RegExp(`báo cáo của ${escapeRe(second.report.unit)} .* đã bị trả lại nên không được tính`)).first().isVisible()).resolves.toBe(true);
    await pane().getByRole('checkbox', { name: 'Chỉ tổng hợp báo cáo đã duyệt' }).uncheck();
    expect(pageErrors).toEqual([]);
  });
});

describe('the harness itself', () => {
  it('load() and its file input replace the workbook with the sheets of other files', async () => {
    const files = listExamples(EXAMPLES).slice(-2);
    const b64 = files.map((f) => fs.readFileSync(path.join(EXAMPLES, f)).toString('base64'));
    await page.evaluate((list) => (window as any).harness.load(list), b64);
    const names = (await snapshot()).sheets.map((s) => s.name);
    const expectedNames = files.flatMap((f) => readXlsxBuffer(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, f))), f).map((g) => g.sheet));
    expect(names).toEqual(expectedNames);
    const firstNames = readXlsxBuffer(new Uint8Array(fs.readFileSync(path.join(EXAMPLES, files[0]))), files[0]).map((g) => g.sheet);
    await page.getByLabel('Mở sổ làm việc khác').setInputFiles(path.join(EXAMPLES, files[0]));
    await page.waitForFunction((want) => (window as any).harness.snapshot().sheets.map((s: { name: string }) => s.name).join('|') === want, firstNames.join('|'), { timeout: 10_000 });
  });
});

describe('a rendering failure', () => {
  it('shows a Vietnamese message and a way back, never a blank pane', async () => {
    const errors = pageErrors.length;
    await page.evaluate(() => (window as any).harness.mountBrokenPane('Dữ liệu lạ'));
    const box = page.getByLabel('Ngăn lỗi thử');
    await expect(box.getByText('Ngăn Tổng hợp CCHC gặp lỗi').isVisible()).resolves.toBe(true);
    await expect(box.getByText(/Dữ liệu lạ/).isVisible()).resolves.toBe(true);
    await expect(box.getByRole('button', { name: 'Mở lại ngăn' }).isVisible()).resolves.toBe(true);
    // The error was caught by the boundary, not left to the page.
    expect(pageErrors.length).toBe(errors);
  });
});

describe('the add-in page itself (dist/taskpane.html)', () => {
  it('loads office.js from Microsoft and, when it cannot, says so instead of a blank pane', async () => {
    const p = await browser.newPage();
    const requested: string[] = [];
    await p.route('**/*', (route) => {
      const url = route.request().url();
      requested.push(url);
      return url.startsWith(server.url) ? route.continue() : route.abort();
    });
    await p.goto(new URL('taskpane.html', server.url).href);
    await expect(p.getByText(/Không tải được thư viện Office/).isVisible()).resolves.toBe(true);
    expect(requested).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    await p.close();
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
