/**
 * The one-stop system's export in the pane, at 320 px in Chromium on Microsoft's real Excel
 * client and the harness's host (as pane-steps.e2e.test.ts), over a workbook holding a plan
 * of four units and three units' reports (test/taskpane/tthc-workbook.ts):
 * - Tạo mẫu: the export picker «Số liệu hồ sơ TTHC từ Hệ thống một cửa (không bắt buộc)»
 *   takes the file; «Tạo mẫu cho mọi đơn vị» downloads the .zip and says how many units
 *   were pre-filled and which one the export lacks;
 * - after Tổng hợp, «Đối chiếu số liệu TTHC» lists the one difference quoting both figures,
 *   says which unit the export lacks, and colours the cell;
 * - axe-core finds nothing above "minor" in either view; screenshots of both go to
 *   test/artifacts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { readSheet } from '../../src/core/reader';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { late } from '../helpers/tthc-exports';
import { ROSTER, dossierOf, exportFile, planFile, unitSheet, units } from '../taskpane/tthc-workbook';
import { ROOT } from './harness-build';
import { openPaneAt320, paneViolations, type PaneAt320 } from './pane-at-320';
import { gridXlsx } from '../helpers/xlsx-files';

const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
jest.setTimeout(300_000);

const changed = late(units[1]) + 4;
let opened: PaneAt320 | undefined;
let page: Page;
let folder: string;
const pane = () => page.getByRole('complementary', { name: 'Ngăn tác vụ' });
const whenIdle = (): Promise<void> => page.evaluate(() => (window as any).harness.whenIdle());
const paneButton = (name: string) => pane().getByRole('toolbar', { name: 'Thao tác' }).getByRole('button', { name, exact: true });
const theExport = () => { const f = exportFile(); return { name: f.name, mimeType: XLSX_TYPE, buffer: Buffer.from(f.bytes) }; };

/** A view of the pane as it stands, into test/artifacts. */
async function shot(view: ReturnType<Page['locator']>, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // Tall enough that the steps' sticky bar does not stand over the view.
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 2400 });
  await page.waitForTimeout(300); // Fluent's transitions
  await view.screenshot({ path: path.join(ARTIFACTS, name) });
  await page.setViewportSize(size);
}

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-tthc-pane-'));
  fs.writeFileSync(path.join(folder, 'ke-hoach.xlsx'), await planFile());
  // Thượng Quảng wrote D5 four more than the one-stop system; Hương Trà is not in the export.
  fs.writeFileSync(path.join(folder, 'huong-loc.xlsx'), gridXlsx(unitSheet(ROSTER[0])));
  fs.writeFileSync(path.join(folder, 'thuong-quang.xlsx'), gridXlsx(unitSheet(ROSTER[1], { D5: changed })));
  fs.writeFileSync(path.join(folder, 'huong-tra.xlsx'), gridXlsx(unitSheet(ROSTER[3])));
  opened = await openPaneAt320(folder);
  page = opened.page;
  await whenIdle();
}, 300_000);

afterAll(async () => {
  await opened?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe('Tạo mẫu cho mọi đơn vị with the one-stop export, at 320 px', () => {
  it('takes the export file, shows its name, and pre-fills the templates; says how many units and which one the export lacks', async () => {
    await paneButton('Tạo mẫu').click();
    await whenIdle();
    const form = pane().getByRole('form', { name: 'Tạo mẫu báo cáo' });
    await form.waitFor();
    const picker = form.getByRole('group', { name: 'Số liệu hồ sơ TTHC từ Hệ thống một cửa (không bắt buộc)' });
    await expect(picker.getByRole('button', { name: 'Chọn tệp xuất (.xlsx, .xls)' }).isVisible()).resolves.toBe(true);
    await expect(form.getByTestId('tthc-export-files').getAttribute('accept')).resolves.toMatch(/^\.xlsx,\.xls,/);
    await form.getByTestId('tthc-export-files').setInputFiles(theExport());
    await expect(picker.getByText('mot-cua.xlsx', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(picker.getByRole('button', { name: 'Bỏ tệp số liệu mot-cua.xlsx' }).isVisible()).resolves.toBe(true);
    const overflow = await page.evaluate(() => { const p = document.getElementById('pane')!; return p.scrollWidth - p.clientWidth; });
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(form, 'taskpane-320-template-tthc.png');
    await expect(paneViolations(page)).resolves.toEqual([]);

    const download = page.waitForEvent('download');
    await form.getByRole('button', { name: 'Tạo mẫu cho mọi đơn vị' }).click();
    const d = await download;
    await whenIdle();
    await expect(pane().getByText('Điền sẵn số liệu hồ sơ TTHC từ Hệ thống một cửa cho 3/4 đơn vị.', { exact: true }).isVisible()).resolves.toBe(true);
    const lacking = pane().getByRole('alert').filter({ hasText: '1 đơn vị không có trong số liệu Hệ thống một cửa' });
    await expect(lacking.innerText()).resolves.toContain('UBND xã Hương Trà');
    await expect(pane().getByText(/«Xã Lộc Bổn» không có trong danh sách đơn vị của Kế hoạch/).isVisible()).resolves.toBe(true);

    const zip = await JSZip.loadAsync(fs.readFileSync(await d.path()));
    const name = Object.keys(zip.files).find((n) => n.startsWith('19002 '))!;
    const read = readSheet(readXlsxBuffer(await zip.file(name)!.async('uint8array'), name)[0]);
    if (read.kind !== 'report') throw new Error(read.kind);
    expect(read.report.figures).toMatchObject(dossierOf(units[1]));
  });
});

describe('Đối chiếu số liệu TTHC after Tổng hợp, at 320 px', () => {
  it('lists the difference quoting both figures, says which unit the export lacks, colours the cell', async () => {
    await paneButton('Tổng hợp').click();
    await whenIdle();
    const section = pane().getByRole('region', { name: 'Đối chiếu với Hệ thống một cửa' });
    await section.waitFor();
    await section.getByTestId('tthc-compare-files').setInputFiles(theExport());
    await whenIdle();
    await expect(section.innerText()).resolves.toContain('Tệp mot-cua.xlsx: đã đối chiếu số liệu hồ sơ TTHC của 2 đơn vị.');
    await expect(section.innerText()).resolves.toContain('1 chênh lệch ở 1 đơn vị');
    await expect(section.innerText()).resolves.toMatch(/Không có trong tệp của Hệ thống một cửa, chưa đối chiếu \(1 đơn vị\):\s*UBND xã Hương Trà\./);
    const list = section.getByRole('region', { name: 'Chênh lệch với Hệ thống một cửa' });
    const diff = list.getByRole('button', { name: new RegExp(`D5: đơn vị ghi ${changed}, Hệ thống một cửa ${late(units[1])}`) });
    await expect(diff.isVisible()).resolves.toBe(true);
    // Rows of the export that name no unit are about the export file: plain text, no cell to go to.
    await expect(list.getByRole('button', { name: /Xã Lộc Bổn» không có trong danh sách/ }).count()).resolves.toBe(0);
    await expect(list.getByText(/Xã Lộc Bổn» không có trong danh sách/).isVisible()).resolves.toBe(true);
    await shot(section, 'taskpane-320-tthc-compare.png');
    await expect(paneViolations(page)).resolves.toEqual([]);

    // The cell is coloured with Tô màu's warning fill; clicking the line goes to it.
    await diff.click();
    await whenIdle();
    const sel = await page.evaluate(() => (window as any).harness.selection());
    const fill = await page.evaluate(([s, a]) => (window as any).harness.cell(s, a).format.fill, [sel.sheet, sel.address]);
    expect(fill).toBe('#FBE29F');
    const value = await page.evaluate(([s, a]) => (window as any).harness.cell(s, a).value, [sel.sheet, sel.address]);
    expect(value).toBe(changed);
  });
});
