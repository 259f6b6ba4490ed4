#!/usr/bin/env node
/**
 * The period's round trip for the largest province (issue 10), timed:
 * `tonghop plan` → `tonghop template --plan` → every template filled by a
 * script (values typed into the template's own open cells, the file
 * otherwise as the command wrote it) → `tonghop compile`. Prints each step's
 * time, the total, and whether every commune was counted.
 *
 *   node scripts/bench-period.js      (npm run bench runs it; needs npm run build:cli)
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const JSZip = require('jszip');
const { rng } = require('./bench-data');

const ROOT = path.resolve(__dirname, '..');
const LIB = path.join(ROOT, 'lib');
const { provinces } = require(path.join(LIB, 'core', 'national-units.js'));
const { readSheet } = require(path.join(LIB, 'core', 'reader.js'));
const { readXlsxFile } = require(path.join(LIB, 'xlsx', 'read-file.js'));
const OUT = path.join(ROOT, 'bench', 'out', 'period');

function tonghop(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'tonghop.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`tonghop ${args.join(' ')} thất bại (${r.status}): ${r.stderr}`);
  return s;
}

/** Types `value` into the empty styled cell `ref` that the template left open (a number, or text as an inline string). */
function typeInto(xml, ref, value) {
  const empty = new RegExp(`<c r="${ref}"( s="\\d+")?/>`);
  if (!empty.test(xml)) throw new Error(`ô ${ref} không còn trống trong mẫu`);
  const cell = typeof value === 'number'
    ? `<c r="${ref}"$1><v>${value}</v></c>`
    : `<c r="${ref}"$1 t="inlineStr"><is><t>${value}</t></is></c>`;
  return xml.replace(empty, cell);
}

async function main() {
  const largest = [...provinces()].sort((a, b) => b.communes.length - a.communes.length)[0];
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const plan = path.join(OUT, 'ke-hoach.xlsx');
  const folder = path.join(OUT, 'mau');
  const tPlan = tonghop(['plan', '--province', largest.code, '--period', 'Quý I', '--year', '2026', '-o', plan]);
  const tTemplates = tonghop(['template', '--plan', plan, '-o', folder]);

  // The clerks' part, by script: figures and marks typed into each file's open cells.
  const t0 = process.hrtime.bigint();
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.xlsx'));
  const [grid] = await readXlsxFile(path.join(folder, files[0]));
  const layout = readSheet(grid).report;
  const rnd = rng(2026);
  for (const f of files) {
    const file = path.join(folder, f);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    let xml = await zip.file('xl/worksheets/sheet1.xml').async('string');
    const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
    const d2 = int(100, 1500);
    const d5 = int(0, 3);
    const figures = { A1: int(5, 30), A2: int(5, 30), A4: int(2, 20), C1: int(0, 2), D1: 0, D2: d2, D3: int(0, d2), D4: d2 - d5, D5: d5, D6: 0, D7: 300, D8: 300 };
    for (const [code, v] of Object.entries(figures)) xml = typeInto(xml, layout.figureCells[code], v);
    for (const t of layout.tasks) xml = typeInto(xml, `D${t.cell.replace(/^[A-Z]+/, '')}`, 'x');
    zip.file('xl/worksheets/sheet1.xml', xml);
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  }
  const tFill = Number(process.hrtime.bigint() - t0) / 1e9;

  const json = path.join(OUT, 'tong-hop.json');
  const tCompile = tonghop(['compile', folder, '--plan', plan, '-o', path.join(OUT, 'tong-hop.xlsx'), '--json', json, '-q']);
  const result = JSON.parse(fs.readFileSync(json, 'utf8'));
  const summary = result.summaries.find((s) => s.unit === largest.unitName);
  const counted = summary ? summary.children.filter((c) => c.status !== 'Chưa nộp').length : 0;
  const all = counted === largest.communes.length && summary.children.length === largest.communes.length;
  const fmt = (s) => s.toFixed(2).replace('.', ',');
  console.log(`Một kỳ báo cáo của ${largest.unitName} (${largest.communes.length} xã, phường): tonghop plan ${fmt(tPlan)} s; tonghop template ${fmt(tTemplates)} s (${files.length} tệp); điền bằng script ${fmt(tFill)} s; tonghop compile ${fmt(tCompile)} s.`);
  console.log(`Cả vòng: ${fmt(tPlan + tTemplates + tFill + tCompile)} s (lệnh của tonghop: ${fmt(tPlan + tTemplates + tCompile)} s); đơn vị được tính: ${counted}/${largest.communes.length}${all ? ' (đủ mọi xã)' : ' — THIẾU'}.`);
  if (!all) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
