/**
 * The harness page with the pane at 320 px, its narrowest real width, in
 * Chromium on Microsoft's real Excel client, over the workbooks of a folder;
 * and axe-core's violations above "minor" in the pane. Shared by the
 * Chromium tests that look at the pane as a user at that width would.
 */
import * as fs from 'fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureHarnessBuilt } from './harness-build';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { start } = require('../../scripts/harness-server.js') as {
  start: (o: { port: number; examples?: string; dist?: string }) => Promise<{ url: string; close: () => Promise<void> }>;
};

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface PaneAt320 {
  page: Page;
  close: () => Promise<void>;
}

/**
 * Opens the harness over the .xlsx files of `folder` with the pane 320 px wide; resolves once the page is ready.
 * `search`: the harness page's query (`?excelApi=1.1`: an Excel with only ExcelApi 1.1, dev/harness/harness.tsx).
 */
export async function openPaneAt320(folder: string, search = ''): Promise<PaneAt320> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium không có ở ${CHROMIUM}`);
  const server = await start({ port: 0, examples: folder, dist: ensureHarnessBuilt() });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    const page = await (await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'vi-VN' })).newPage();
    await page.goto(server.url + search);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.addStyleTag({ content: '#app { grid-template-columns: 1fr 320px !important; }' });
    const opened = browser;
    return { page, close: async () => { await opened.close(); await server.close(); } };
  } catch (e) {
    await browser?.close();
    await server.close();
    throw e;
  }
}

/** axe-core's violations above "minor" (none expected) inside the element `selector` finds, with `off` rules not run. */
export async function axeViolations(page: Page, selector: string, off: string[] = []): Promise<{ id: string; impact: string; targets: string[] }[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async ({ selector, off }) => {
    const rules = Object.fromEntries(off.map((id) => [id, { enabled: false }]));
    const r = await (window as any).axe.run(document.querySelector(selector), { resultTypes: ['violations'], rules });
    return (r.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, { selector, off });
  return violations.filter((v) => v.impact !== 'minor');
}

/** axe-core's violations in the pane above "minor" (none expected). */
export function paneViolations(page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> {
  // landmark-main-is-top-level: the harness puts the pane in an <aside> beside the workbook; in Office
  // the pane is its own page and its <main> is top-level.
  return axeViolations(page, '#pane', ['landmark-main-is-top-level']);
}
