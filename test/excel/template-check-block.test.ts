/**
 * The template with its TỰ KIỂM TRA block (docs/spec/TEMPLATE.md §10) through
 * the Office.js writer on Microsoft's real Excel client: the
 * layout's formulas arrive as formulas, the conditional formats as custom
 * rules, a unit's text that starts with `=` stays text, and the requests stay
 * far under Excel on the web's 5,000,000-byte limit (the figure is printed).
 */
import { writeOutputSheets } from '../../src/excel';
import { layoutTemplate } from '../../src/core/layout';
import type { Plan } from '../../src/core/model';
import { CHECK_BLOCK_TITLE } from '../../src/core/template';
import { WEB_PAYLOAD_LIMIT } from '../../dev/office-host';
import { onEachClient, setup } from './helpers';

const PLAN: Plan = { source: { sheet: 'Kế hoạch' }, roster: [], tasks: Array.from({ length: 8 }, (_, i) => ({ stt: i + 1, name: `Nhiệm vụ ${i + 1}: tuyên truyền cải cách hành chính`, threshold: 1 })) };

onEachClient((build) => describe('the template with its check block', () => {
  it('writes the formulas and conditional formats, unit text stays text, within the request limit', async () => {
    const sheet = layoutTemplate({ unit: '=UBND xã Hương Lộc', level: 'Xã', parent: 'UBND huyện Nam Đông', period: 'Năm', year: 2025, plan: PLAN });
    const fake = setup([]);
    const res = await fake.run((ctx) => writeOutputSheets(ctx, [sheet]));
    expect(res.notes).toEqual([]);
    const s = fake.sheet(sheet.name)!;
    const wanted = sheet.rows.flatMap((r, ri) => r.flatMap((c, ci) => (c?.formula ? [[ri, ci, `=${c.formula}`]] : [])));
    expect(wanted.length).toBeGreaterThanOrEqual(12);
    for (const [r, c, f] of wanted) expect(s.formulas[r as number][c as number]).toBe(f);
    expect(s.values.flat()).toContain(CHECK_BLOCK_TITLE);
    // The unit's name, typed with `=`, is text under `@`.
    const unitRow = sheet.rows.findIndex((r) => r[1]?.v === '=UBND xã Hương Lộc');
    expect([s.values[unitRow][1], s.formulas[unitRow][1], s.numberFormats[unitRow][1]]).toEqual(['=UBND xã Hương Lộc', null, '@']);
    const areas = (sheet.conditionalFormats ?? []).flatMap((f) => f.range.split(/\s+/).map((a) => `${a}|=${f.formula}`)).sort();
    expect(s.conditionalFormats.map((f) => `${f.range}|${f.formula}`).sort()).toEqual(areas);
    expect(s.protected).toBe(true);
    const stats = fake.stats;
    console.log(`mẫu có khối TỰ KIỂM TRA qua Office.js (${build}): ${stats.syncs} lần đồng bộ, yêu cầu lớn nhất ${stats.maxRequestBytes} byte, tổng ${stats.totalRequestBytes} byte`);
    expect(stats.maxRequestBytes).toBeLessThan(WEB_PAYLOAD_LIMIT);
  });
}));
