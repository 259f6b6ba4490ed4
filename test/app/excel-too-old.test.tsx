/**
 * The way in from every Office: Excel 2016 (ExcelApi 1.1, which the
 * manifest now admits) opens the pane and is told in Vietnamese why the
 * buttons need more, above the period's steps whose buttons are disabled, with
 * the page without Excel (app.html) offered (the pane itself in Chromium on the
 * real Excel client, the harness's host reporting ExcelApi 1.1); the
 * old-webview check (IE11, EdgeHTML) offers the page too.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FakeOffice } from '../../dev/fake-excel';
import { ExcelTooOld } from '../../src/taskpane/components/ExcelTooOld';
import { MANIFEST_EXCEL_API, MIN_EXCEL_API } from '../../src/excel/api-sets';
import { openPaneAt320, paneViolations, type PaneAt320 } from '../e2e/pane-at-320';

jest.setTimeout(300_000);

/** A host reporting `apiVersion` through Office.context.requirements, as Excel does. */
function withHost<T>(apiVersion: string, body: () => T): T {
  const host = new FakeOffice({ apiVersion });
  const g = globalThis as { Office?: unknown };
  g.Office = { context: { requirements: { isSetSupported: (name: string, v: string) => host.isSetSupported(name, v) } } };
  try {
    return body();
  } finally {
    delete g.Office;
  }
}

describe('an Excel below what the buttons need', () => {
  it('Excel 2016 (ExcelApi 1.1, what the manifest asks) gets the Vietnamese explanation and the way to the page', () => {
    expect(MANIFEST_EXCEL_API).toBe('1.1');
    const html = withHost('1.1', () => renderToStaticMarkup(<ExcelTooOld />));
    expect(html).toContain('role="alert"');
    expect(html).toContain(`ExcelApi ${MIN_EXCEL_API} trở lên`);
    expect(html).toContain('Excel 2016 bản mua một lần chỉ có ExcelApi 1.1');
    expect(html).toMatch(/<a [^>]*href="app\.html"[^>]*>mở trang Tổng hợp CCHC trong trình duyệt<\/a>/);
    expect(html).toMatch(/<a [^>]*href="app\.html"[^>]*download="tong-hop-cchc\.html"[^>]*>tải trang về máy<\/a>/);
  });

  it('an Excel with what the buttons need shows nothing of it', () => {
    expect(withHost(MIN_EXCEL_API, () => renderToStaticMarkup(<ExcelTooOld />))).toBe('');
    expect(withHost('1.13', () => renderToStaticMarkup(<ExcelTooOld />))).toBe('');
  });
});

/**
 * The pane itself, in Chromium on Microsoft's real Excel client, against the harness's host
 * reporting only ExcelApi 1.1 (Excel 2016 bought outright): what the user sees.
 */
describe('the pane on an Excel with only ExcelApi 1.1', () => {
  let opened: PaneAt320 | undefined;
  let folder: string;
  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-excel-1-1-'));
    opened = await openPaneAt320(folder, '?excelApi=1.1');
    await opened.page.evaluate(() => (window as any).harness.whenIdle());
  }, 300_000);
  afterAll(async () => {
    await opened?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('says why above the period\'s steps, and offers none of the buttons that need ExcelApi 1.4', async () => {
    const page = opened!.page;
    const pane = page.getByRole('complementary', { name: 'Ngăn tác vụ' });
    const alert = pane.getByTestId('excel-too-old');
    await expect(alert.getAttribute('role')).resolves.toBe('alert');
    await expect(alert.innerText()).resolves.toContain(`ExcelApi ${MIN_EXCEL_API} trở lên`);
    await expect(alert.getByRole('link', { name: 'mở trang Tổng hợp CCHC trong trình duyệt' }).getAttribute('href')).resolves.toBe('app.html');
    // Above the steps: it comes first in the page's order and stands higher on the screen.
    const toolbar = pane.getByRole('toolbar', { name: 'Thao tác' });
    const [a, t] = [(await alert.boundingBox())!, (await toolbar.boundingBox())!];
    expect(a.y + a.height).toBeLessThanOrEqual(t.y);
    // Every step's button is there to read, but disabled: nothing starts an Excel.run that this Excel refuses.
    const buttons = toolbar.getByRole('button');
    const names = await buttons.allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['Tạo kế hoạch', 'Tạo mẫu', 'Nhập báo cáo', 'Tổng hợp từ tệp', 'Kiểm tra', 'Tổng hợp', 'Xuất báo cáo', 'Phản hồi']));
    for (const name of names) await expect(toolbar.getByRole('button', { name, exact: true }).isDisabled()).resolves.toBe(true);
    await expect(toolbar.getByRole('checkbox', { name: 'Chỉ tổng hợp báo cáo đã duyệt' }).isDisabled()).resolves.toBe(true);
    // Clicking one does nothing: no form opens, no message of a refused request.
    await toolbar.getByRole('button', { name: 'Tạo mẫu', exact: true }).click({ force: true });
    await expect(pane.getByRole('form').count()).resolves.toBe(0);
    await expect(pane.getByRole('alert').count()).resolves.toBe(1);
    await expect(paneViolations(page)).resolves.toEqual([]);
  });

  it('the same pane on an Excel with ExcelApi 1.4 shows no such message and offers the buttons', async () => {
    const more = await openPaneAt320(folder, `?excelApi=${MIN_EXCEL_API}`);
    try {
      const pane = more.page.getByRole('complementary', { name: 'Ngăn tác vụ' });
      await more.page.evaluate(() => (window as any).harness.whenIdle());
      await expect(pane.getByTestId('excel-too-old').count()).resolves.toBe(0);
      await expect(pane.getByRole('toolbar', { name: 'Thao tác' }).getByRole('button', { name: 'Tổng hợp', exact: true }).isDisabled()).resolves.toBe(false);
    } finally {
      await more.close();
    }
  });
});

describe('an old webview (IE11, EdgeHTML)', () => {
  it('is offered the page as well', () => {
    const html = fs.readFileSync(path.resolve(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');
    const check = /<script id="old-webview-check">([\s\S]*?)<\/script>/.exec(html)![1];
    const root = { innerHTML: '' };
    const Fails = function () {
      throw new SyntaxError('Syntax error');
    };
    vm.runInNewContext(check, { window: {}, document: { getElementById: () => root }, Function: Fails });
    expect(root.innerHTML).toContain('Excel này chưa chạy được phần bổ trợ Tổng hợp CCHC.');
    expect(root.innerHTML).toMatch(/<a href="app\.html"[^>]*>mở trang Tổng hợp CCHC trong trình duyệt<\/a>/);
  });
});
