/**
 * The pane's forms in Chromium on Microsoft's real Excel client (as
 * taskpane.e2e.test.ts), at the pane's narrowest width (320 px), on the
 * bundled example district (its Kế hoạch lists 17 units with their codes):
 * - Tạo mẫu picks the unit from the plan's roster and fills its code, level
 *   and parent; the new sheet is shown;
 * - «Tạo mẫu cho mọi đơn vị» downloads one .zip with one template per roster
 *   unit, the files `tonghop template --plan` writes, read back
 *   with the product's reader and with ExcelJS, each with its check block;
 * - Tạo kế hoạch: a loosely typed province, picked, gives a Kế hoạch sheet
 *   with every commune of that province, shown;
 * - no form lets the browser answer in English («Please fill out this field.»).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { SheetGrid } from '../../src/core/grid';
import type { Plan } from '../../src/core/model';
import { findProvince } from '../../src/core/national-units';
import { readSheet } from '../../src/core/reader';
import { templatesForPlan } from '../../src/core/layout/plan-templates';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { main } from '../../src/cli/main';
import { captureIo } from '../helpers/xlsx-files';
import { ensureHarnessBuilt, ROOT } from './harness-build';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { start } = require('../../scripts/harness-server.js') as {
  start: (o: { port: number; examples?: string; dist?: string }) => Promise<{ url: string; close: () => Promise<void> }>;
};

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const EXAMPLES = path.join(ROOT, 'examples');
const PLAN_FILE = path.join(EXAMPLES, 'ke-hoach.xlsx');
jest.setTimeout(180_000);

type Value = string | number | boolean | null;
interface Snapshot {
  sheets: { name: string; values: Value[][] }[];
  selection: { sheet: string; address: string } | null;
}

let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };
let plan: Plan;
/** `invalid` events: the browser checking a form itself (and answering in English). */
const invalidEvents = (): Promise<string[]> => page.evaluate(() => (window as any).__invalid as string[]);

const snapshot = (): Promise<Snapshot> => page.evaluate(() => (window as any).harness.snapshot());
const whenIdle = (): Promise<void> => page.evaluate(() => (window as any).harness.whenIdle());
const pane = () => page.getByRole('complementary', { name: 'Ngăn tác vụ' });
const paneButton = (name: string) => pane().getByRole('toolbar', { name: 'Thao tác' }).getByRole('button', { name, exact: true });
const gridOf = (s: { name: string; values: Value[][] }): SheetGrid => ({ sheet: s.name, originRow: 0, originCol: 0, cells: s.values });

async function paneShot(name: string, readme?: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(300); // Fluent's transitions
  const file = path.join(ARTIFACTS, name);
  await page.locator('#pane').screenshot({ path: file });
  // The README's pictures are refreshed on request only (a test run never rewrites committed files).
  if (readme && process.env.UPDATE_SCREENSHOT === '1') fs.copyFileSync(file, path.join(ROOT, 'docs', readme));
}

/** Opens the form (the button toggles it) and waits for the plan's values to arrive. */
async function openTemplateForm() {
  const form = pane().getByRole('form', { name: 'Tạo mẫu báo cáo' });
  if (!(await form.count())) await paneButton('Tạo mẫu').click();
  await whenIdle();
  await form.waitFor();
  return form;
}

/** The options of the open list, once it has opened. */
async function listedOptions() {
  const options = page.getByRole('listbox').getByRole('option');
  await options.first().waitFor();
  return options;
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium không có ở ${CHROMIUM}: cài bằng "apt-get install -y chromium" hoặc đặt CHROMIUM_PATH`);
  const read = readXlsxBuffer(new Uint8Array(fs.readFileSync(PLAN_FILE)), 'ke-hoach.xlsx').map(readSheet).find((r) => r.kind === 'plan');
  if (read?.kind !== 'plan' || read.plan.roster.length < 10) throw new Error('examples/ke-hoach.xlsx không có danh sách đơn vị');
  plan = read.plan;
  server = await start({ port: 0, examples: EXAMPLES, dist: ensureHarnessBuilt() });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  page = await (await browser.newContext({ viewport: { width: 1100, height: 1000 }, locale: 'vi-VN', acceptDownloads: true })).newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.addStyleTag({ content: '#app { grid-template-columns: 1fr 320px !important; }' });
  await page.evaluate(() => {
    (window as any).__invalid = [];
    document.addEventListener('invalid', (e) => (window as any).__invalid.push((e.target as HTMLInputElement).validationMessage), true);
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Tạo mẫu picks the unit from the plan', () => {
  it('typing part of a name lists the matching roster units with code, level and parent; picking fills them; the new sheet is shown', async () => {
    const form = await openTemplateForm();
    const unit = plan.roster.find((u) => u.name === 'UBND xã Hương Lộc')!;
    const picker = form.getByRole('combobox', { name: /Đơn vị báo cáo/ });
    // Typed key by key, as a user types (Fluent's Combobox opens its list on typing).
    await picker.pressSequentially('huong loc');
    const options = await listedOptions();
    await expect(options.count()).resolves.toBe(1);
    await expect(options.first().innerText()).resolves.toMatch(new RegExp(`${unit.name}[\\s\\S]*Mã ${unit.code} · Xã · thuộc ${plan.compilingUnit}`));
    await paneShot('taskpane-320-template.png', 'screenshot-taskpane-template.png');
    await options.first().click();
    await expect(picker.inputValue()).resolves.toBe(unit.name);
    await expect(form.getByRole('textbox', { name: /Mã đơn vị/ }).inputValue()).resolves.toBe(unit.code);
    await expect(form.getByRole('textbox', { name: /Đơn vị cấp trên/ }).inputValue()).resolves.toBe(unit.parent ?? plan.compilingUnit);
    // Hints are hints, not values in the boxes.
    await expect(form.getByRole('textbox', { name: /Đơn vị cấp trên/ }).getAttribute('placeholder')).resolves.toBeNull();

    const before = (await snapshot()).sheets.map((s) => s.name);
    await form.getByRole('button', { name: 'Thêm trang mẫu' }).click();
    await whenIdle();
    const snap = await snapshot();
    const added = snap.sheets.filter((s) => !before.includes(s.name));
    expect(added).toHaveLength(1);
    const read = readSheet(gridOf(added[0]));
    if (read.kind !== 'report') throw new Error('the new sheet does not read as a TTCCHC-1 report');
    expect(read.report).toMatchObject({ unit: unit.name, unitCode: unit.code, level: 'Xã', parent: unit.parent ?? plan.compilingUnit, period: plan.period, year: plan.year });
    // Shown at once.
    expect(snap.selection?.sheet).toBe(added[0].name);
  });

  it('an empty unit is said in Vietnamese under the field; the browser never checks the form itself', async () => {
    const form = await openTemplateForm();
    await form.getByRole('combobox', { name: /Đơn vị báo cáo/ }).fill('');
    const before = (await snapshot()).sheets.length;
    await form.getByRole('button', { name: 'Thêm trang mẫu' }).click();
    await expect(form.getByText('Hãy nhập tên đơn vị báo cáo.').isVisible()).resolves.toBe(true);
    // The field in error is brought into view and focused, however far the pane was scrolled.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    const inView = await page.evaluate(() => {
      const field = document.activeElement!.getBoundingClientRect();
      const box = document.getElementById('pane')!.getBoundingClientRect();
      return field.top >= box.top && field.bottom <= box.bottom;
    });
    expect(inView).toBe(true);
    expect((await snapshot()).sheets.length).toBe(before);
    expect(await invalidEvents()).toEqual([]);
    // A name not in the roster is allowed, and said.
    await form.getByRole('combobox', { name: /Đơn vị báo cáo/ }).fill('UBND xã Không Có');
    await expect(form.getByText(/không có trong danh sách của Kế hoạch/).isVisible()).resolves.toBe(true);
    await form.getByRole('button', { name: 'Đóng' }).click();
  });
});

describe('accessibility of the forms', () => {
  it('Tạo mẫu with its list open and Tạo kế hoạch have no violation above "minor" (axe-core)', async () => {
    const form = await openTemplateForm();
    await form.getByRole('combobox', { name: /Đơn vị báo cáo/ }).fill('');
    await form.getByRole('combobox', { name: /Đơn vị báo cáo/ }).pressSequentially('huong');
    await listedOptions();
    const planForm = pane().getByRole('form', { name: 'Tạo kế hoạch' });
    if (!(await planForm.count())) await paneButton('Tạo kế hoạch').click();
    await planForm.waitFor();
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      // The list of a Combobox opens in a portal outside the pane: checked too.
      const targets = [document.getElementById('pane'), ...Array.from(document.querySelectorAll('[role="listbox"]'))];
      const out: { id: string; impact: string; targets: string[] }[] = [];
      for (const t of targets) {
        // landmark-main-is-top-level: the harness puts the pane in an <aside> (taskpane-scale.e2e.test.ts says why).
        const r = await (window as any).axe.run(t, { resultTypes: ['violations'], rules: { 'landmark-main-is-top-level': { enabled: false } } });
        for (const v of r.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]) out.push({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) });
      }
      return out;
    });
    expect(violations.filter((v) => v.impact !== 'minor')).toEqual([]);
    await page.keyboard.press('Escape');
    await planForm.getByRole('button', { name: 'Hủy' }).click();
    await form.getByRole('button', { name: 'Đóng' }).click();
  });
});

describe('Tạo mẫu cho mọi đơn vị', () => {
  it('downloads one .zip holding the templates `tonghop template --plan` writes, one per roster unit, each with its check block', async () => {
    const form = await openTemplateForm();
    const download = page.waitForEvent('download');
    await form.getByRole('button', { name: 'Tạo mẫu cho mọi đơn vị' }).click();
    const d = await download;
    await whenIdle();
    expect(d.suggestedFilename()).toBe(`Mau bao cao ${plan.period} ${plan.year}.zip`);
    await expect(pane().getByText(`Đã tạo ${plan.roster.length} tệp mẫu`, { exact: true }).isVisible()).resolves.toBe(true);
    const zip = await JSZip.loadAsync(fs.readFileSync((await d.path())!));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);

    // What the command line writes from the same plan file.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-mau-'));
    const cap = captureIo();
    expect(await main(['template', '--plan', PLAN_FILE, '-o', folder], cap.io)).toBe(0);
    expect(names.sort()).toEqual(fs.readdirSync(folder).filter((n) => !n.startsWith(".")).sort());
    expect(names.sort()).toEqual(templatesForPlan(plan).map((t) => t.fileName).sort());

    for (const u of plan.roster) {
      const name = names.find((n) => n.startsWith(`${u.code} `))!;
      expect(name).toBeDefined();
      const bytes = await zip.file(name)!.async('uint8array');
      // The product's reader: the unit, its code, level and parent, the plan's period and year.
      const grids = readXlsxBuffer(bytes, name);
      expect(grids).toHaveLength(1);
      const read = readSheet(grids[0]);
      if (read.kind !== 'report') throw new Error(`${name} does not read as a TTCCHC-1 report`);
      expect(read.report).toMatchObject({ unit: u.name, unitCode: u.code, level: u.level, parent: u.parent ?? plan.compilingUnit, period: plan.period, year: plan.year });
      // Cell for cell what the command line wrote.
      const cli = readXlsxBuffer(new Uint8Array(fs.readFileSync(path.join(folder, name))), name);
      expect(grids[0].cells).toEqual(cli[0].cells);
      // ExcelJS: the TỰ KIỂM TRA block is there, as formulas on the sheet's own cells, with its conditional formats.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      const formulas: string[] = [];
      let title = false;
      ws.eachRow((row) => row.eachCell((c) => {
        const v = c.value as { formula?: string } | string | null;
        if (v && typeof v === 'object' && v.formula) formulas.push(v.formula);
        if (typeof v === 'string' && v.includes('TỰ KIỂM TRA')) title = true;
      }));
      expect(title).toBe(true);
      expect(formulas.length).toBeGreaterThan(3);
      expect(formulas.some((f) => /D4.*D5.*D6/.test(f))).toBe(true);
      expect(formulas.filter((f) => f.includes('!'))).toEqual([]);
      expect((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length).toBeGreaterThan(0);
    }
    fs.rmSync(folder, { recursive: true, force: true });
    // The form closes once the templates are made: the confirmation is what the officer sees next.
    await expect(form.count()).resolves.toBe(0);
  });
});

describe('Tạo kế hoạch', () => {
  it('a loosely typed province, picked from the list, gives a Kế hoạch sheet with every commune of it, shown', async () => {
    await paneButton('Tạo kế hoạch').click();
    const form = pane().getByRole('form', { name: 'Tạo kế hoạch' });
    await form.waitFor();
    await form.getByRole('combobox', { name: /Tỉnh, thành phố/ }).pressSequentially('quang tri');
    const options = await listedOptions();
    await expect(options.count()).resolves.toBe(1);
    await options.first().click();
    await form.getByRole('textbox', { name: /Năm/ }).fill('2026');
    await paneShot('taskpane-320-plan.png');
    const before = (await snapshot()).sheets.map((s) => s.name);
    await form.getByRole('button', { name: 'Tạo kế hoạch', exact: true }).click();
    await whenIdle();
    const snap = await snapshot();
    const added = snap.sheets.filter((s) => !before.includes(s.name));
    expect(added.map((s) => s.name)).toEqual(['Kế hoạch (2)']);
    const read = readSheet(gridOf(added[0]));
    if (read.kind !== 'plan') throw new Error('the new sheet does not read as a plan');
    const province = findProvince('44')!;
    expect(province.fullName).toBe('Tỉnh Quảng Trị');
    expect(read.plan).toMatchObject({ compilingUnit: 'UBND tỉnh Quảng Trị', level: 'Tỉnh', period: 'Quý I', year: 2026 });
    expect(read.plan.roster).toHaveLength(province.communes.length);
    expect(read.plan.roster.map((u) => u.code)).toEqual(province.communes.map((c) => c.code));
    expect(snap.selection?.sheet).toBe('Kế hoạch (2)');
    await expect(pane().getByText('Đã thêm trang Kế hoạch', { exact: true }).isVisible()).resolves.toBe(true);
  });

  it('a year that is not a number is said in Vietnamese, the browser never checks the form itself, nothing is written', async () => {
    const form = pane().getByRole('form', { name: 'Tạo kế hoạch' });
    if (!(await form.count())) await paneButton('Tạo kế hoạch').click();
    await form.waitFor();
    const year = form.getByRole('textbox', { name: /Năm/ });
    await year.click();
    await page.keyboard.press('End');
    await page.keyboard.type('e');
    const before = (await snapshot()).sheets.length;
    await form.getByRole('button', { name: 'Tạo kế hoạch', exact: true }).click();
    await whenIdle();
    await expect(form.getByText(/Năm phải là số có bốn chữ số/).isVisible()).resolves.toBe(true);
    expect(await invalidEvents()).toEqual([]);
    expect((await snapshot()).sheets.length).toBe(before);
  });
});
