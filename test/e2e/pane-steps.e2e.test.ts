/**
 * The pane as the period's steps, at 320 px in Chromium on Microsoft's real
 * Excel client (as taskpane-scale.e2e.test.ts): an empty workbook leads to
 * the plan; after Tổng hợp each step says where it stands and the rate tiles
 * read as the command line counts; the review list counts each report's
 * errors, filters, approves the reports without errors in one go after saying
 * how many, and asks before approving a report with errors; focus never falls
 * to the page body; axe-core finds nothing above "minor".
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import type { Page } from 'playwright-core';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { ROOT } from './harness-build';
import { openPaneAt320, paneViolations, type PaneAt320 } from './pane-at-320';

const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const UNITS = 12;
/** Every third commune has a negative A1: an error in its report. */
const WITH_ERROR = (i: number) => i % 3 === 0;
const unitName = (i: number) => `UBND xã Bước Số ${i}`;
jest.setTimeout(300_000);

function xlsxOf(i: number): Buffer {
  const spec = sampleSpec({ unit: unitName(i), unitCode: `B${String(i).padStart(3, '0')}` });
  const g = makeUnitGrid({ ...spec, figures: { ...spec.figures, ...(WITH_ERROR(i) ? { A1: -i } : {}) } });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(g.cells.map((r) => r.map((v) => (v === null || typeof v === 'object' ? undefined : v)))), `Xã số ${i}`);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

let opened: PaneAt320 | undefined;
let page: Page;
let empty: string;
const pane = () => page.getByRole('complementary', { name: 'Ngăn tác vụ' });
const whenIdle = (): Promise<void> => page.evaluate(() => (window as any).harness.whenIdle());
const paneButton = (name: string) => pane().getByRole('toolbar', { name: 'Thao tác' }).getByRole('button', { name, exact: true });
const step = (key: string) => pane().locator(`[data-step="${key}"]`);
const focused = () => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  return { tag: a?.tagName ?? '', label: a?.getAttribute('aria-label') ?? '', text: (a?.innerText ?? '').replace(/\s+/g, ' ').trim() };
});
const files = Array.from({ length: UNITS }, (_, i) => i + 1);

beforeAll(async () => {
  empty = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-steps-'));
  opened = await openPaneAt320(empty);
  page = opened.page;
  await whenIdle();
}, 300_000);

afterAll(async () => {
  await opened?.close();
  if (empty) fs.rmSync(empty, { recursive: true, force: true });
});

describe('the period as its steps, at 320 px', () => {
  it('an empty workbook leads to the plan: step 1 is the next one, and its button the primary one', async () => {
    await expect(step('plan').getAttribute('aria-current')).resolves.toBe('step');
    await expect(pane().getByTestId('next-step').innerText()).resolves.toMatch(/^Bước tiếp theo: 1\. Kế hoạch \(Chưa có/);
    const overflow = await page.evaluate(() => { const p = document.getElementById('pane')!; return p.scrollWidth - p.clientWidth; });
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('after Nhập báo cáo, the long list of sheets is summarised with a way to see it all, and brought into view', async () => {
    const input = pane().getByTestId('import-files');
    await input.setInputFiles(files.map((i) => ({ name: `${String(i).padStart(3, '0')}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsxOf(i) })));
    await whenIdle();
    const notice = pane().getByText(`Đã nhập ${UNITS} trang`, { exact: true });
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(pane().getByText(new RegExp(`và ${UNITS - 5} mục khác\\.`)).isVisible()).resolves.toBe(true);
    const said = pane().getByRole('status', { name: `Đã nhập ${UNITS} trang` });
    // Sheets are named by their unit; the last one is not listed until asked for.
    await expect(said.innerText()).resolves.not.toContain(`${unitName(UNITS)}.`);
    await pane().getByRole('button', { name: `Xem cả ${UNITS}` }).click();
    await expect(said.innerText()).resolves.toContain(`${unitName(UNITS)}.`);
  });

  it('after Tổng hợp: each step says where it stands, and the tiles give the rate, the late count and the on-time rate', async () => {
    await paneButton('Tổng hợp').click();
    await whenIdle();
    await expect(step('reportsIn').innerText()).resolves.toContain('Nhận báo cáo');
    await expect(step('reportsIn').getAttribute('title')).resolves.toContain(`${UNITS}/${UNITS} báo cáo đã nhận`);
    await expect(step('reportsIn').getAttribute('data-done')).resolves.toBe('true');
    const errors = files.filter(WITH_ERROR).length;
    await expect(step('review').getAttribute('title')).resolves.toContain(`Còn ${errors} lỗi, 0/${UNITS} đã duyệt`);
    await expect(step('compile').getAttribute('data-done')).resolves.toBe('true');
    await expect(pane().getByLabel(`Đã nộp: ${UNITS}/${UNITS}`).count()).resolves.toBe(1);
    await expect(pane().getByLabel('Nộp muộn: 0').count()).resolves.toBe(1);
    await expect(pane().getByLabel('Đúng hạn: 100%').count()).resolves.toBe(1);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.evaluate(() => document.getElementById('pane')!.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.locator('#pane').screenshot({ path: path.join(ARTIFACTS, 'taskpane-320-steps.png') });
    if (process.env.UPDATE_SCREENSHOT === '1') fs.copyFileSync(path.join(ARTIFACTS, 'taskpane-320-steps.png'), path.join(ROOT, 'docs', 'screenshot-taskpane-320-steps.png'));
  });

  it('the review list counts each report\'s errors and filters to those with errors', async () => {
    const review = pane().getByRole('list', { name: 'Báo cáo của các đơn vị' });
    if (!(await review.count())) await pane().getByRole('button', { name: /^Duyệt báo cáo/ }).click();
    const errors = files.filter(WITH_ERROR);
    await expect(review.locator('li').filter({ hasText: unitName(errors[0]) }).getByText('1 lỗi', { exact: false }).isVisible()).resolves.toBe(true);
    await pane().getByRole('button', { name: `Có lỗi (${errors.length})` }).click();
    await expect(review.locator('li').count()).resolves.toBe(errors.length);
    await pane().getByRole('button', { name: `Tất cả (${UNITS})` }).click();
    await expect(review.locator('li').count()).resolves.toBe(UNITS);
  });

  it('asks before approving a report with errors; Esc leaves it unapproved and focus on its row', async () => {
    const unit = unitName(files.find(WITH_ERROR)!);
    await pane().getByRole('button', { name: `Duyệt báo cáo của ${unit}`, exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: `Báo cáo của ${unit} còn 1 lỗi` });
    await expect(dialog.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Focus may pass through the dialog's trigger before the pane moves it to the row's button: wait for
    // where it settles (bounded), then check it.
    await page.waitForFunction((want) => document.activeElement?.getAttribute('aria-label') === want, `Trả lại báo cáo của ${unit}`, { timeout: 5000 }).catch(() => undefined);
    expect((await focused()).label).toBe(`Trả lại báo cáo của ${unit}`);
    await expect(pane().getByText(`Đã duyệt báo cáo của ${unit}`).count()).resolves.toBe(0);
  });

  it('Esc in the Trả lại dialog gives focus back to the row\'s button', async () => {
    const unit = unitName(1);
    await pane().getByRole('button', { name: `Trả lại báo cáo của ${unit}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Trả lại báo cáo của ${unit}` });
    await expect(dialog.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Focus may pass through the dialog's trigger before the pane moves it to the row's button: wait for
    // where it settles (bounded), then check it.
    await page.waitForFunction((want) => document.activeElement?.getAttribute('aria-label') === want, `Trả lại báo cáo của ${unit}`, { timeout: 5000 }).catch(() => undefined);
    expect((await focused()).label).toBe(`Trả lại báo cáo của ${unit}`);
  });

  it('«Duyệt các báo cáo không có lỗi» says how many first, then approves exactly those', async () => {
    const clean = files.filter((i) => !WITH_ERROR(i)).length;
    await pane().getByRole('button', { name: `Duyệt các báo cáo không có lỗi (${clean})` }).click();
    const dialog = page.getByRole('alertdialog', { name: `Duyệt ${clean} báo cáo không có lỗi?` });
    await expect(dialog.isVisible()).resolves.toBe(true);
    await dialog.getByRole('button', { name: `Duyệt ${clean} báo cáo` }).click();
    await whenIdle();
    const messages = async () => [...await pane().locator('.fui-MessageBar').allInnerTexts(), await page.getByTestId('live-status').innerText()].join('\n');
    await expect(messages()).resolves.toContain(`Đã duyệt ${clean} báo cáo không có lỗi`);
    const review = pane().getByRole('list', { name: 'Báo cáo của các đơn vị' });
    await review.getByText('Đã duyệt', { exact: true }).nth(clean - 1).waitFor();
    await expect(review.getByText('Đã duyệt', { exact: true }).count()).resolves.toBe(clean);
    await expect(step('review').getAttribute('title')).resolves.toContain(`${clean}/${UNITS} đã duyệt`);
    for (const i of files.filter((x) => !WITH_ERROR(x))) {
      await expect(page.evaluate((sh) => (window as any).harness.isProtected(sh), unitName(i))).resolves.toBe(true);
    }
    await expect(page.evaluate((sh) => (window as any).harness.isProtected(sh), unitName(files.find(WITH_ERROR)!))).resolves.toBe(false);
  });

  it('after Tạo kế hoạch the form closes and focus goes to its confirmation, not the page body', async () => {
    await paneButton('Tạo kế hoạch').click();
    const form = pane().getByRole('form', { name: 'Tạo kế hoạch' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Tạo kế hoạch', exact: true }).click();
    await whenIdle();
    await expect(form.count()).resolves.toBe(0);
    await page.waitForFunction(() => document.activeElement !== document.body);
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toContain('Đã thêm trang Kế hoạch');
    await expect(step('plan').getAttribute('data-done')).resolves.toBe('true');
  });

  it('has no accessibility violation above "minor" (axe-core)', async () => {
    await expect(paneViolations(page)).resolves.toEqual([]);
  });
});
