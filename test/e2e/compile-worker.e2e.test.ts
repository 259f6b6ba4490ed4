/**
 * A compile of 1,000 units in Chromium, in the task pane (the harness: the
 * real pane on Microsoft's real Excel client, dev/office-host) and in the
 * page without Excel opened from file:// (dist/app.html): the compile runs
 * in a Web Worker, the progress bar counts while it runs, and the page's
 * main thread stays free to paint and answer.
 *
 * Responsiveness is checked as a user feels it, not by a wall-time target:
 * a requestAnimationFrame loop on the page records its ticks, and the
 * longest gap between two ticks while the count moves must be a small part
 * of the whole compile (with the compile on the main thread, as before the
 * worker, the page froze for the whole of it in one task and the count
 * never moved). In the pane, the count redraws the progress bar alone:
 * when each count drew the whole pane again (46 times in one run), the
 * development build held frames back 250–830 ms.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { SheetGrid } from '../../src/core/grid';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { buildApp } from '../app/app-build';
import { openPaneAt320, type PaneAt320 } from './pane-at-320';

const UNITS = 1000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
jest.setTimeout(900_000);

/** 1,000 communes of 10 districts, each its own sheet. */
const unitGrid = (i: number): SheetGrid => {
  const spec = sampleSpec({ unit: `UBND xã Thử Nghiệm Số ${i}`, unitCode: `X${String(i).padStart(4, '0')}`, parent: `UBND huyện Số ${(i % 10) + 1}` });
  return makeUnitGrid({ ...spec, figures: { ...spec.figures, A1: i % 50 } });
};
const sheetOf = (g: SheetGrid) => XLSX.utils.aoa_to_sheet(g.cells.map((r) => r.map((v) => (v === null || typeof v === 'object' ? undefined : v))));
const xlsx = (wb: XLSX.WorkBook) => XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

/**
 * Installs the watch on the page: every animation frame records its time,
 * the progress bar's words (aria-label of the pane's ProgressBar) when they
 * change, and how many times the pane component (`Pane`, in the harness's
 * development build where React keeps its name) has rendered so far.
 *
 * A render is seen without React's DevTools: React gives a function
 * component new hook objects at each render and keeps them when it skips it,
 * so the pane's hook list (on its fiber, found from its <main> element, and
 * on that fiber's other copy) changes exactly when the pane renders again.
 */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Fiber = { type?: { name?: string }; return: Fiber | null; alternate: Fiber | null; memoizedState: unknown };
    const w = window as unknown as { ticks: number[]; counts: { t: number; text: string; paneRenders: number }[]; watching: boolean };
    w.ticks = [];
    w.counts = [];
    w.watching = true;
    const hookLists = new Set<unknown>();
    const paneRenders = (): number => {
      for (const main of Array.from(document.querySelectorAll('main'))) {
        const key = Object.keys(main).find((k) => k.startsWith('__reactFiber$'));
        let f = key ? ((main as unknown as Record<string, Fiber>)[key] ?? null) : null;
        while (f && f.type?.name !== 'Pane') f = f.return;
        if (!f) continue;
        for (const hooks of [f.memoizedState, f.alternate?.memoizedState]) if (hooks) hookLists.add(hooks);
        return hookLists.size;
      }
      return -1;
    };
    const frame = (t: number) => {
      if (!w.watching) return;
      w.ticks.push(t);
      const text = document.querySelector('[data-testid="progress"]')?.getAttribute('aria-label') ?? '';
      if (text && text !== w.counts[w.counts.length - 1]?.text) w.counts.push({ t, text, paneRenders: paneRenders() });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

interface Watched {
  /** The counts the bar showed, in order (`412/1.000`). */
  counts: string[];
  /** From the first count shown to the last. */
  countingMs: number;
  /** The longest gap between two frames while the count moved. */
  maxGapMs: number;
  /**
   * Renders of the pane component from the first count shown to the last
   * (the bar's counts alone should redraw nothing else); null where the
   * page has no `Pane` to find (app.html, a production build).
   */
  paneRenders: number | null;
}

async function watched(page: Page): Promise<Watched> {
  return page.evaluate(() => {
    const w = window as unknown as { ticks: number[]; counts: { t: number; text: string; paneRenders: number }[]; watching: boolean };
    w.watching = false;
    const counted = w.counts.filter((c) => /\d\/\d/.test(c.text));
    const from = counted[0]?.t ?? 0;
    const to = counted[counted.length - 1]?.t ?? 0;
    const ticks = w.ticks.filter((t) => t >= from && t <= to);
    let maxGapMs = 0;
    for (let i = 1; i < ticks.length; i++) maxGapMs = Math.max(maxGapMs, ticks[i] - ticks[i - 1]);
    const first = counted[0]?.paneRenders ?? -1;
    const last = counted[counted.length - 1]?.paneRenders ?? -1;
    const paneRenders = first < 0 || last < 0 ? null : last - first;
    return { counts: counted.map((c) => (/[\d.]+\/[\d.]+/.exec(c.text) ?? [''])[0]), countingMs: to - from, maxGapMs, paneRenders };
  });
}

/**
 * The count moved at least twice, always of the 1,000 and upwards, as the
 * pane words it (`412/1.000`). Frames sample it: the last count may go by
 * between two frames, so it is not asked for.
 */
function expectCounting(counts: string[]): void {
  expect(counts.length).toBeGreaterThanOrEqual(3);
  expect(counts.every((c) => c.endsWith('/1.000'))).toBe(true);
  const done = counts.map((c) => Number(c.split('/')[0].replace(/\./g, '')));
  expect(done).toEqual([...done].sort((a, b) => a - b));
}

/** What the watch saw, in the test's output: the figures a reader of the README may want. */
const say = (where: string, w: Watched, totalMs: number) =>
  // eslint-disable-next-line no-console
  console.log(`${where}: ${w.counts.length} số đếm khác nhau, đếm trong ${Math.round(w.countingMs)} ms, khoảng lặng dài nhất ${Math.round(w.maxGapMs)} ms; cả lần tổng hợp ${totalMs} ms${w.paneRenders === null ? '' : `; Pane vẽ lại ${w.paneRenders} lần trong lúc đếm`}`);

describe('the task pane compiling a workbook of 1,000 units', () => {
  let opened: PaneAt320 | undefined;
  let dir = '';
  afterAll(async () => {
    await opened?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts the units on the progress bar while the page keeps painting, in a worker', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-worker-'));
    const wb = XLSX.utils.book_new();
    for (let i = 1; i <= UNITS; i++) XLSX.utils.book_append_sheet(wb, sheetOf(unitGrid(i)), `Xã ${i}`);
    fs.writeFileSync(path.join(dir, 'tinh.xlsx'), xlsx(wb));
    opened = await openPaneAt320(dir);
    const page = opened.page;
    const pane = page.getByRole('complementary', { name: 'Ngăn tác vụ' });
    await watch(page);
    const t0 = Date.now();
    await pane.getByRole('toolbar', { name: 'Thao tác' }).getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.evaluate(() => (window as any).harness.whenIdle());
    const totalMs = Date.now() - t0;
    const w = await watched(page);
    say('Ngăn tác vụ', w, totalMs);
    // The count moved at least twice, and in the pane's words: «Đang tổng hợp: 412/1.000 đơn vị».
    expectCounting(w.counts);
    expect(page.workers().length).toBe(1);
    // Only the bar and its live region hear the count (busy-store.ts): the pane itself is not drawn again while it moves.
    expect(w.paneRenders).toBe(0);
    // No frame is held back for a tenth of the compile (its reading and writing through the simulated Excel run on this same page).
    expect(w.maxGapMs).toBeLessThan(totalMs / 10);
    await expect(page.getByTestId('live-status').innerText()).resolves.toMatch(new RegExp(`Đã xong.*(${UNITS.toLocaleString('vi-VN')}|${UNITS}) báo cáo được tính`));
  });
});

describe('app.html from file:// compiling 1,000 files', () => {
  let browser: Browser | undefined;
  let dir = '';
  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads and compiles them in a worker started from the page itself, counting, the page free', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-worker-app-'));
    const files: string[] = [];
    for (let i = 1; i <= UNITS; i++) {
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, sheetOf(unitGrid(i)), `Xã ${i}`);
      const file = path.join(dir, `xa-${String(i).padStart(4, '0')}.xlsx`);
      fs.writeFileSync(file, xlsx(wb));
      files.push(file);
    }
    const html = buildApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    const page = await (await browser.newContext({ acceptDownloads: true, locale: 'vi-VN' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('file://' + html);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.setInputFiles('[data-testid="report-files"]', files);
    await page.getByText(`Đã chọn ${UNITS} tệp`).waitFor();
    await watch(page);
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByRole('button', { name: 'Tổng hợp', exact: true }).click()]);
    const totalMs = Date.now() - t0;
    const w = await watched(page);
    say('app.html', w, totalMs);
    expect(download.suggestedFilename()).toBe('tong-hop.xlsx');
    expect(errors).toEqual([]);
    expectCounting(w.counts);
    // The worker is the page's own script, started from a Blob URL (file:// refuses one loaded by URL).
    expect(page.workers().map((x) => x.url().slice(0, 5))).toEqual(['blob:']);
    expect(w.maxGapMs).toBeLessThan(totalMs / 10);
    await page.getByRole('heading', { name: /Kết quả tổng hợp/ }).waitFor();
  });
});
