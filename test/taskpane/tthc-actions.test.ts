/**
 * The one-stop system's export in the pane (src/taskpane/tthc-actions.ts), on Microsoft's
 * real Excel client (each build) talking to the RichApi host of dev/office-host:
 * - «Tạo mẫu cho mọi đơn vị» with an export: each unit's dossier block pre-filled in its
 *   template of the .zip, as `tonghop template --plan --tthc` fills it; who got figures,
 *   who is missing from the export, which export rows name no unit;
 * - an export that cannot be read is said naming the file;
 * - «Đối chiếu số liệu TTHC» after Tổng hợp: one warning per difference quoting both
 *   figures, the cell coloured and given back by Xoá tô màu; no difference said as such;
 * - after Tổng hợp từ tệp the difference is in the unit's file: the list («TthcCompare»,
 *   rendered as in test/e2e/findings-list-render.test.tsx) says its file, sheet and cell in
 *   words and offers no way to a sheet the workbook does not have.
 */
import JSZip from 'jszip';
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { RichApiHost } from '../../dev/office-host';
import { readSheet } from '../../src/core/reader';
import { prefillSentence } from '../../src/core/tthc/prefill';
import { readXlsxBuffer } from '../../src/xlsx/read';
import * as actions from '../../src/taskpane/actions';
import { HIGHLIGHT_FILLS } from '../../src/taskpane/ports';
import { TthcCompare } from '../../src/taskpane/components/TthcCompare';
import { compareWithExportFiles, templatesWithExport } from '../../src/taskpane/tthc-actions';
import { onEachClient, setup } from '../excel/helpers';
import { exportBytes, late } from '../helpers/tthc-exports';
import { gridXlsx } from '../helpers/xlsx-files';
import { ROSTER, dossierOf, exportFile, planGrid, unitSheet, units } from './tthc-workbook';

let fake: RichApiHost;

onEachClient(() => {
  describe('Tạo mẫu cho mọi đơn vị with the one-stop export', () => {
    it("pre-fills each unit's dossier block in its template, the source in Ghi chú; says who got figures and who is missing", async () => {
      fake = setup([await planGrid()], { apiVersion: '1.13' });
      const z = await templatesWithExport([exportFile()]);
      expect(z.names).toHaveLength(4);
      expect(z.prefill!.filled.map((f) => f.unit)).toEqual(ROSTER.slice(0, 3).map((u) => u.name));
      expect(z.prefill!.notInExport).toEqual(['UBND xã Hương Trà']);
      expect(z.prefill!.unmatched.map((u) => u.unit)).toEqual(['Xã Lộc Bổn']);
      expect(prefillSentence(z.prefill!, z.names.length)).toBe('Điền sẵn số liệu hồ sơ TTHC từ Hệ thống một cửa cho 3/4 đơn vị.');
      expect(z.read!.files).toEqual(['mot-cua.xlsx']);

      const zip = await JSZip.loadAsync(z.bytes);
      const templateOf = async (code: string) => {
        const name = z.names.find((n) => n.startsWith(`${code} `))!;
        return readXlsxBuffer(await zip.file(name)!.async('uint8array'), name)[0];
      };
      const grid = await templateOf('19002');
      const read = readSheet(grid);
      if (read.kind !== 'report') throw new Error(read.kind);
      expect(read.report.figures).toMatchObject(dossierOf(units[1]));
      const d2 = grid.cells.find((r) => r.includes('D2'))!;
      expect(d2.join(' ')).toContain('Theo Hệ thống một cửa (mot-cua.xlsx), đến ngày 14/03/2026');
      // The unit the export lacks keeps a blank block to fill in.
      const blank = readSheet(await templateOf('19004'));
      if (blank.kind !== 'report') throw new Error(blank.kind);
      expect(blank.report.figures.D2 ?? null).toBeNull();
    });

    it('a file that is no export, or a damaged one, is refused naming the file', async () => {
      fake = setup([await planGrid()], { apiVersion: '1.13' });
      const other = { name: 'danh-sach.xlsx', bytes: exportBytes({ rows: [['Danh sách cán bộ'], ['Nguyễn Văn A', 45]], merges: [] }, 'xlsx') };
      await expect(templatesWithExport([exportFile(), other])).rejects.toThrow(/Tệp «danh-sach\.xlsx» không có trang nào giống biểu xuất từ Hệ thống một cửa/);
      const damaged = { name: 'hong.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4, 5]) };
      await expect(templatesWithExport([damaged])).rejects.toThrow(/hong\.xls/);
    });

    it('without an export the templates are as before', async () => {
      fake = setup([await planGrid()], { apiVersion: '1.13' });
      const z = await templatesWithExport([]);
      expect(z.names).toHaveLength(4);
      expect(z.prefill).toBeUndefined();
    });
  });

  describe('Đối chiếu số liệu TTHC after Tổng hợp', () => {
    it('one warning per difference quoting both figures, at the unit\'s cell, coloured; units the export lacks and rows of no unit said', async () => {
      const changed = late(units[1]) + 4;
      fake = setup([await planGrid(), unitSheet(ROSTER[0]), unitSheet(ROSTER[1], { D5: changed }), unitSheet(ROSTER[2]), unitSheet(ROSTER[3])], { apiVersion: '1.13' });
      const outcome = await actions.compileWorkbook();
      expect(outcome.counts.reports).toBe(4);
      const c = await compareWithExportFiles(outcome, [exportFile()]);
      expect(c.files).toEqual(['mot-cua.xlsx']);
      expect(c.compared).toBe(3);
      expect(c.notInExport).toEqual(['UBND xã Hương Trà']);
      expect(c.differences).toHaveLength(1);
      const diff = c.differences[0];
      expect(diff).toMatchObject({ severity: 'warning', unit: 'UBND xã Thượng Quảng', rule: 'tthc.differs' });
      expect(diff.message).toContain(`D5: đơn vị ghi ${changed}, Hệ thống một cửa ${late(units[1])}`);
      expect(c.notInRoster.map((f) => f.message).join(' ')).toContain('«Xã Lộc Bổn» không có trong danh sách đơn vị của Kế hoạch');
      // The cell that differs is the unit's own D5, coloured with the warning fill.
      const sheet = fake.sheet(diff.sheet)!;
      const [r, col] = [Number(diff.cell.slice(1)) - 1, diff.cell.charCodeAt(0) - 65];
      expect(sheet.values[r][col]).toBe(changed);
      expect(sheet.values[r].slice(0, col)).toContain('D5');
      expect(c.coloured).toBe(1);
      expect(fake.cell(diff.sheet, diff.cell).format.fill).toBe(HIGHLIGHT_FILLS.warning);
      await actions.clearHighlight(c.saved);
      expect(fake.cell(diff.sheet, diff.cell).format.fill ?? null).toBeNull();
    });

    it("after Tổng hợp từ tệp: the difference's file, sheet and cell said in words, no way to a sheet not in the workbook", async () => {
      const changed = late(units[1]) + 4;
      // The workbook holds the plan and an older copy of Thượng Quảng's sheet, of the same name as the one in its file.
      fake = setup([await planGrid(), unitSheet(ROSTER[1])], { apiVersion: '1.13' });
      const files = ROSTER.slice(0, 3).map((u, i) => ({ name: `H01-${u.code}.xlsx`, bytes: gridXlsx(unitSheet(u, i === 1 ? { D5: changed } : {})) }));
      const outcome = await actions.compileFromFiles(files);
      expect(outcome.counts.reports).toBe(3);
      const c = await compareWithExportFiles(outcome, [exportFile()]);
      expect(c.differences).toHaveLength(1);
      const diff = c.differences[0];
      expect(diff).toMatchObject({ unit: 'UBND xã Thượng Quảng', file: 'H01-19002.xlsx', sheet: 'xã Thượng Quảng' });
      expect(c.coloured).toBe(0);

      const html = renderToStaticMarkup(React.createElement(TthcCompare, {
        comparison: c, busy: false, fill: HIGHLIGHT_FILLS.warning, onPick: () => undefined, onSelect: () => undefined, onClearColour: () => undefined,
      }));
      expect(html).toContain(`Tệp H01-19002.xlsx, trang &quot;xã Thượng Quảng&quot;, ô ${diff.cell} (không nằm trong sổ làm việc đang mở)`);
      expect(html).not.toContain('title="Đến ô');

      // Going to it selects nothing: the workbook's sheet of that name is not the file's.
      const before = fake.selection();
      await actions.goToFinding(diff);
      expect(fake.selection()).toEqual(before);
    });

    it('no difference is said as none; nothing is coloured', async () => {
      fake = setup([await planGrid(), ...ROSTER.slice(0, 3).map((u) => unitSheet(u))], { apiVersion: '1.13' });
      const c = await compareWithExportFiles(await actions.compileWorkbook(), [exportFile()]);
      expect(c).toMatchObject({ compared: 3, differences: [], notInExport: [], coloured: 0 });
    });
  });
});
