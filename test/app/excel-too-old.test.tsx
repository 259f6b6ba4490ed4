/**
 * The way in from every Office: Excel 2016 (ExcelApi 1.1, which the
 * manifest now admits) opens the pane and is told in Vietnamese why the
 * buttons need more, with the page without Excel (app.html) offered; the
 * old-webview check (IE11, EdgeHTML) offers the page too.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FakeOffice } from '../../dev/fake-excel';
import { ExcelTooOld } from '../../src/taskpane/components/ExcelTooOld';
import { MANIFEST_EXCEL_API, MIN_EXCEL_API } from '../../src/excel/api-sets';

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

  it('the pane shows it above its buttons', () => {
    const pane = fs.readFileSync(path.resolve(__dirname, '../../src/taskpane/components/Pane.tsx'), 'utf8');
    expect(pane.indexOf('<ExcelTooOld />')).toBeGreaterThan(-1);
    expect(pane.indexOf('<ExcelTooOld />')).toBeLessThan(pane.indexOf('<PeriodSteps'));
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
