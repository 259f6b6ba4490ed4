/**
 * examples/quang-tri-quy-i-2026 (scripts/make-province-example.js): the
 * province quarter of the current structure, compiled by the command line
 * as `npm run demo` does. Expectations are what its README promises.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { findProvince } from '../../src/core/national-units';
import { readSheet } from '../../src/core/reader';
import type { ResultJson } from '../../src/core/json';
import { readXlsxFile } from '../../src/xlsx/read-file';
import { captureIo, tempDir } from '../helpers/xlsx-files';

const DIR = path.join(__dirname, '..', '..', 'examples', 'quang-tri-quy-i-2026');

it('compiles the province: every commune expected, two missing, one late, the resent report counted once (newest), the real mistakes found', async () => {
  const tmp = tempDir('tonghop-qt-');
  try {
    const cap = captureIo();
    const json = path.join(tmp.dir, 'r.json');
    const code = await main(['compile', DIR, '--plan', path.join(DIR, 'ke-hoach.xlsx'), '-o', path.join(tmp.dir, 'r.xlsx'), '--json', json], cap.io);
    expect(code).toBe(0);
    const result = JSON.parse(fs.readFileSync(json, 'utf8')) as ResultJson;
    expect([result.period, result.year]).toEqual(['Quý I', 2026]);
    const [province] = result.summaries;
    expect(province.unit).toBe('UBND tỉnh Quảng Trị');
    const communes = findProvince('Quảng Trị')!.communes;
    expect(province.children.filter((c) => c.unit.startsWith('UBND ')).map((c) => c.unit)).toEqual(communes.map((c) => c.unitName));
    expect(province.children).toHaveLength(communes.length + 4);
    expect(province.children.filter((c) => c.status === 'Chưa nộp')).toHaveLength(2);
    expect(province.children.filter((c) => c.status === 'Nộp muộn')).toHaveLength(1);
    const superseded = result.reports.filter((r) => r.supersededBy);
    expect(superseded).toHaveLength(1);
    expect(superseded[0].file).not.toContain('gửi lại');
    expect(superseded[0].supersededBy!.file).toContain('gửi lại');
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort()).toEqual(['dossier.balance', 'task.marks']);
    expect(result.findings.find((f) => f.rule === 'compile.superseded')!.message).toMatch(/D2: [\d.]+ → [\d.]+/);

    // The total, independently: every unit's newest report by its date sent.
    const newest = new Map<string, { sent: string; d2: number }>();
    for (const f of fs.readdirSync(DIR)) {
      for (const g of await readXlsxFile(path.join(DIR, f))) {
        const r = readSheet(g);
        if (r.kind !== 'report') continue;
        const prev = newest.get(r.report.unit);
        if (!prev || (r.report.sentDate ?? '') > prev.sent) newest.set(r.report.unit, { sent: r.report.sentDate ?? '', d2: r.report.figures.D2 ?? 0 });
      }
    }
    expect(newest.size).toBe(communes.length + 4 - 2);
    expect(province.figures.D2).toBe([...newest.values()].reduce((s, x) => s + x.d2, 0));
  } finally {
    tmp.cleanup();
  }
}, 60_000);

it('compiles the six months from the two quarters: flows summed per unit, stocks from Quý II, the commune that missed Quý I named', async () => {
  const tmp = tempDir('tonghop-qt6-');
  try {
    const root = path.join(__dirname, '..', '..', 'examples');
    const quarters = ['quang-tri-quy-i-2026', 'quang-tri-quy-ii-2026'].map((d) => path.join(root, d));
    const files = quarters.flatMap((d) => fs.readdirSync(d).filter((f) => f !== 'ke-hoach.xlsx').map((f) => path.join(d, f)));
    const cap = captureIo();
    const json = path.join(tmp.dir, 'r.json');
    const code = await main(['compile', ...files, '--plan', path.join(root, 'quang-tri-6-thang-2026', 'ke-hoach.xlsx'), '-o', path.join(tmp.dir, 'r.xlsx'), '--json', json], cap.io);
    expect(code).toBe(0);
    const result = JSON.parse(fs.readFileSync(json, 'utf8')) as ResultJson;
    expect([result.period, result.year]).toEqual(['6 tháng', 2026]);
    const [province] = result.summaries;
    // Kim Phú sent only Quý II, Kim Ngân nothing: both Chưa nộp, and the gap is named.
    expect(province.children.filter((c) => c.status === 'Chưa nộp')).toHaveLength(2);
    const gap = result.findings.filter((f) => f.rule === 'compile.cumulative-gap');
    expect(gap).toHaveLength(1);
    expect(gap[0].message).toContain('Quý I');
    expect(result.findings.map((f) => f.rule)).not.toContain('compile.other-period');
    // Building a unit's six months from its quarters is the normal case (spec §11): one line, no warning per unit.
    expect(result.findings.filter((f) => /lũy kế/.test(f.message) && f.rule !== 'compile.cumulative-gap')).toEqual([]);
    const builtUnits = result.cumulative!.filter((c) => c.built).length;
    const usedReports = result.cumulative!.filter((c) => c.built).reduce((n, c) => n + c.parts.length, 0);
    const printed = cap.out();
    expect(printed).toContain(`${builtUnits} đơn vị được lũy kế từ báo cáo Quý I, Quý II (${usedReports} báo cáo)`);
    // «Báo cáo được tính» counts the quarters that went into the figures: all but the older copy and Kim Phú's lone Quý II.
    expect(printed).toContain(`Báo cáo được tính: ${usedReports}/${result.reports.length}.`);
    expect(result.reports.length - usedReports).toBe(2);
    // Each unit and the reports used, where the officer looks a unit up: the Kiểm tra sheet.
    const check = (await readXlsxFile(path.join(tmp.dir, 'r.xlsx'))).find((g) => g.sheet === 'Kiểm tra')!;
    const texts = check.cells.flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toContain(`Số liệu lũy kế (${builtUnits} đơn vị)`);
    const listed = check.cells.filter((r) => r[3] === 'Quý I, Quý II').map((r) => r[1]);
    expect(listed.sort()).toEqual(result.cumulative!.filter((c) => c.built).map((c) => c.unit).sort());

    // Independently: each unit's newest report per quarter, D2 summed, D6 from Quý II.
    const newest = new Map<string, { sent: string; d2: number; d6: number }>();
    for (const f of files) {
      for (const g of await readXlsxFile(f)) {
        const r = readSheet(g);
        if (r.kind !== 'report') continue;
        const k = `${r.report.unit}|${r.report.period}`;
        const prev = newest.get(k);
        if (!prev || (r.report.sentDate ?? '') > prev.sent) newest.set(k, { sent: r.report.sentDate ?? '', d2: r.report.figures.D2 ?? 0, d6: r.report.figures.D6 ?? 0 });
      }
    }
    const both = [...newest.keys()].filter((k) => k.endsWith('|Quý I')).map((k) => k.split('|')[0]).filter((u) => newest.has(`${u}|Quý II`));
    expect(result.cumulative?.filter((c) => c.built).map((c) => c.unit).sort()).toEqual([...both].sort());
    expect(province.figures.D2).toBe(both.reduce((s, u) => s + newest.get(`${u}|Quý I`)!.d2 + newest.get(`${u}|Quý II`)!.d2, 0));
    expect(province.figures.D6).toBe(both.reduce((s, u) => s + newest.get(`${u}|Quý II`)!.d6, 0));
  } finally {
    tmp.cleanup();
  }
}, 120_000);
