/**
 * «Tạo kế hoạch» and «Nhập báo cáo» of a unit sent again, on
 * Microsoft's real Excel client (test/excel/helpers.ts onEachClient).
 */
import type { SheetGrid } from '../../src/core/grid';
import type { RichApiHost } from '../../dev/office-host';
import { onEachClient, setup } from '../excel/helpers';
import * as actions from '../../src/taskpane/actions';
import { createPlan, provinceChoices, templatesForAllUnits } from '../../src/taskpane/plan-actions';
import JSZip from 'jszip';
import { findProvince } from '../../src/core/national-units';
import { readSheet } from '../../src/core/reader';
import { readXlsxBuffer } from '../../src/xlsx/read';
import { makeUnitGrid, sampleSpec } from '../helpers/unit-grid';
import { gridXlsx } from '../helpers/xlsx-files';

let fake: RichApiHost;

const gridOf = (name: string): SheetGrid => ({ sheet: name, originRow: 0, originCol: 0, cells: fake.sheet(name)!.values });

onEachClient(() => {
  describe('Tạo kế hoạch', () => {
    it('writes a Kế hoạch sheet with every commune of the picked province, beside the sheets already there', async () => {
      fake = setup([makeUnitGrid(sampleSpec({ unit: 'UBND xã A' }))], { apiVersion: '1.13' });
      const before = fake.sheets().map((s) => ({ name: s.name, values: s.values }));
      expect(await provinceChoices()).toHaveLength(34);
      const name = await createPlan({ province: 'quang tri', period: 'Quý I', year: 2026 });
      expect(name).toBe('Kế hoạch');
      expect(fake.sheets().slice(0, 1).map((s) => ({ name: s.name, values: s.values }))).toEqual(before);
      const read = readSheet(gridOf(name));
      if (read.kind !== 'plan') throw new Error('not read back as a plan');
      expect(read.plan).toMatchObject({ compilingUnit: 'UBND tỉnh Quảng Trị', level: 'Tỉnh', period: 'Quý I', year: 2026 });
      expect(read.plan.roster.map((u) => u.code)).toEqual(findProvince('44')!.communes.map((c) => c.code));
      // A second plan comes beside the first, never over it.
      expect(await createPlan({ province: '', period: null, year: null })).not.toBe(name);
    });

    it('an unknown province is refused, the workbook left as it was', async () => {
      fake = setup([makeUnitGrid(sampleSpec({ unit: 'UBND xã A' }))], { apiVersion: '1.13' });
      await expect(createPlan({ province: 'Atlantis', period: 'Quý I', year: 2026 })).rejects.toThrow(/Atlantis/);
      expect(fake.sheetNames()).toHaveLength(1);
    });
  });

  describe('Tạo mẫu cho mọi đơn vị', () => {
    it("one .xlsx per unit of the workbook's plan, in a .zip; the workbook is not changed", async () => {
      fake = setup([makeUnitGrid(sampleSpec({ unit: 'UBND xã A' }))], { apiVersion: '1.13' });
      await createPlan({ province: '44', period: 'Quý I', year: 2026 });
      const before = fake.sheets().map((s) => ({ name: s.name, values: s.values }));
      const z = await templatesForAllUnits();
      const communes = findProvince('44')!.communes;
      expect(z.fileName).toBe('Mau bao cao Quý I 2026.zip');
      expect(z.names).toHaveLength(communes.length);
      const zip = await JSZip.loadAsync(z.bytes);
      const first = communes[0];
      const name = z.names.find((n) => n.startsWith(`${first.code} `))!;
      const read = readSheet(readXlsxBuffer(await zip.file(name)!.async('uint8array'), name)[0]);
      if (read.kind !== 'report') throw new Error('not a template');
      expect(read.report).toMatchObject({ unitCode: first.code, parent: 'UBND tỉnh Quảng Trị', period: 'Quý I', year: 2026 });
      expect(fake.sheets().map((s) => ({ name: s.name, values: s.values }))).toEqual(before);
    });

    it('without a plan, or with a plan without units, says what to do', async () => {
      fake = setup([makeUnitGrid(sampleSpec({ unit: 'UBND xã A' }))], { apiVersion: '1.13' });
      await expect(templatesForAllUnits()).rejects.toThrow(/chưa có trang Kế hoạch/);
      await createPlan({ province: '', period: 'Quý I', year: 2026 });
      await expect(templatesForAllUnits()).rejects.toThrow(/chưa có danh sách đơn vị/);
    });
  });

  describe('Nhập báo cáo of a unit that already has a sheet', () => {
    it('adds the new report beside the old one, and Tổng hợp counts the newest and names what changed', async () => {
      const old = sampleSpec({ unit: 'UBND xã Hương Lộc', sentDate: '10/10/2020', figures: { ...sampleSpec().figures, A1: 385 } });
      fake = setup([makeUnitGrid(old), makeUnitGrid(sampleSpec({ unit: 'UBND xã B' }))], { apiVersion: '1.13' });
      const again = makeUnitGrid(sampleSpec({ unit: 'UBND xã Hương Lộc', sentDate: '14/10/2020', figures: { ...sampleSpec().figures, A1: 285 } }));
      const r = await actions.importReports([{ name: 'huong-loc-gui-lai.xlsx', bytes: gridXlsx(again) }]);
      expect(r.added).toHaveLength(1);
      expect(fake.sheetNames()).toHaveLength(3);
      const o = await actions.compileWorkbook();
      const w = o.result.findings.find((f) => f.rule === 'compile.superseded')!;
      expect(w.message).toContain('A1: 385 → 285');
      expect(w.message).toContain(r.added[0]);
      expect(o.result.summaries[0].figures.A1).toBe(285 + Number(sampleSpec().figures!.A1));
    });
  });
});
