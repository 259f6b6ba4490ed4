/**
 * The task pane on a big workbook, in Chromium on Microsoft's real Excel
 * client (as taskpane.e2e.test.ts): 120 communes, each with its own error
 * and the same two warnings, about 300 findings. What a keyboard and a
 * screen-reader user meets: the list one Tab stop, every unit reachable,
 * focus on the result heading, the result announced, and axe-core finding
 * nothing above "minor". The pane is shown at 320 px, its narrowest width.
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
const UNITS = 120;
jest.setTimeout(300_000);

/** 120 commune files; each has a negative A1 (an error) and leaves A6 empty (a warning said alike in every unit). */
function bigDistrict(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-scale-'));
  for (let i = 1; i <= UNITS; i++) {
    const spec = sampleSpec({ unit: `UBND xã Thử Nghiệm Số ${i}`, unitCode: `X${String(i).padStart(3, '0')}` });
    const g = makeUnitGrid({ ...spec, figures: { ...spec.figures, A1: -i, A6: null } });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(g.cells.map((r) => r.map((v) => (v === null || typeof v === 'object' ? undefined : v)))), `Xã số ${i}`);
    fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.xlsx`), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  }
  return dir;
}

let opened: PaneAt320 | undefined;
let page: Page;
let dir: string;
const pane = () => page.getByRole('complementary', { name: 'Ngăn tác vụ' });
const whenIdle = (): Promise<void> => page.evaluate(() => (window as any).harness.whenIdle());
/** What has the keyboard focus, as a user hears it. */
const focused = () => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  return { tag: a?.tagName ?? '', text: (a?.innerText ?? '').replace(/\s+/g, ' ').trim(), inList: !!a?.closest('[aria-label="Lỗi và cảnh báo"]') };
});

beforeAll(async () => {
  dir = bigDistrict();
  opened = await openPaneAt320(dir);
  page = opened.page;
  await pane().getByRole('toolbar', { name: 'Thao tác' }).getByRole('button', { name: 'Tổng hợp', exact: true }).click();
  await whenIdle();
}, 300_000);

afterAll(async () => {
  await opened?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the pane with 120 units and about 300 findings', () => {
  it('moves focus to the result heading and announces the result', async () => {
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    expect((await focused()).text).toMatch(/^Kết quả tổng hợp/);
    const status = await page.getByTestId('live-status').innerText();
    expect(status).toMatch(new RegExp(`Đã xong.*${UNITS} báo cáo được tính`));
    expect(await page.getByTestId('live-status').getAttribute('role')).toBe('status');
  });

  it('fits 320 px without sideways scrolling (screenshot for the README)', async () => {
    const overflow = await page.evaluate(() => { const p = document.getElementById('pane')!; return p.scrollWidth - p.clientWidth; });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate(() => document.getElementById('pane')!.scrollTo(0, 0));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'taskpane-320-big.png');
    await page.locator('#pane').screenshot({ path: file });
    if (process.env.UPDATE_SCREENSHOT === '1') fs.copyFileSync(file, path.join(ROOT, 'docs', 'screenshot-taskpane-320.png'));
  });

  it('keeps the actions in view after scrolling to the end of the list', async () => {
    await page.evaluate(() => document.getElementById('pane')!.scrollTo(0, 1e6));
    await expect(pane().getByRole('button', { name: 'Xuất báo cáo', exact: true }).isVisible()).resolves.toBe(true);
    const box = await pane().getByRole('toolbar', { name: 'Thao tác' }).boundingBox();
    expect(box!.y).toBeLessThan(120);
    await page.evaluate(() => document.getElementById('pane')!.scrollTo(0, 0));
  });

  it('reaches the list in under 30 Tab presses, any unit with the arrow keys, and leaves the list with one Tab', async () => {
    await pane().getByRole('toolbar', { name: 'Thao tác' }).getByRole('button', { name: 'Tổng hợp', exact: true }).focus();
    let tabs = 0;
    while (!(await focused()).inList && tabs < 60) { await page.keyboard.press('Tab'); tabs++; }
    expect(tabs).toBeLessThan(30);
    // Any unit: ↓ walks the closed groups one by one (Số 1 … Số 120), End goes to the last group.
    for (let i = 0; i < 200 && !/Thử Nghiệm Số 120\b/.test((await focused()).text); i++) await page.keyboard.press('ArrowDown');
    expect((await focused()).text).toMatch(/Thử Nghiệm Số 120\b/);
    const last = await pane().getByLabel('Lỗi và cảnh báo').locator('h3').last().innerText();
    await page.keyboard.press('End');
    expect((await focused()).text).toBe(last.replace(/\s+/g, ' ').trim());
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    // Its heading opens with Enter, and ↓ goes to its first finding.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    expect((await focused()).text).toMatch(/Lỗi/);
    await page.keyboard.press('Tab');
    expect((await focused()).inList).toBe(false);
  });

  it('shows the repeated warning once, and only errors when the Lỗi tile is pressed', async () => {
    const list = pane().getByLabel('Lỗi và cảnh báo');
    await expect(list.getByText(/và \d+ đơn vị khác/).count()).resolves.toBeGreaterThan(0);
    const tile = pane().getByLabel(/^Lỗi: \d+$/).getByRole('button');
    await tile.click();
    await expect(tile.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(list.getByText('Cảnh báo', { exact: true }).count()).resolves.toBe(0);
    await tile.click();
  });

  it('has no accessibility violation above "minor" (axe-core)', async () => {
    await expect(paneViolations(page)).resolves.toEqual([]);
  });

});
