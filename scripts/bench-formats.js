#!/usr/bin/env node
/**
 * What each accepted format costs to read (README, «Định dạng tệp»): the
 * example unit file xa-huong-loc.xlsx as .xlsx (fast reader and SheetJS,
 * the add-in's reader), and as .xls / .ods converted by LibreOffice and
 * .xlsb written by SheetJS; plus the damaged and huge-range cases of issue 9.
 * Prints milliseconds per file (median of --runs rounds of --n reads).
 *
 *   npm run build:cli && node scripts/bench-formats.js [--n 200] [--runs 5]
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const XLSX = require('@e965/xlsx');
const { readXlsxFast } = require('../lib/xlsx/fast-read');
const { readWorkbook } = require('../lib/xlsx/read');

const ROOT = path.resolve(__dirname, '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? dflt : Number(process.argv[i + 1]);
};
const N = arg('n', 200);
const RUNS = arg('runs', 5);

function time(read) {
  const rounds = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < N; i++) read();
    rounds.push(Number(process.hrtime.bigint() - t0) / 1e6 / N);
  }
  rounds.sort((a, b) => a - b);
  return rounds[Math.floor(rounds.length / 2)];
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-formats-'));
const src = path.join(ROOT, 'examples', 'xa-huong-loc.xlsx');
const xlsx = fs.readFileSync(src);
const rows = [];
rows.push(['.xlsx, đường đọc nhanh (dòng lệnh)', xlsx.length, time(() => readXlsxFast(xlsx, 'a.xlsx'))]);
rows.push(['.xlsx, SheetJS (ngăn tác vụ; dòng lệnh khi tệp lạ)', xlsx.length, time(() => readWorkbook(xlsx, 'a.xlsx'))]);

const office = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (office) {
  for (const to of ['xls', 'ods']) {
    spawnSync(office, [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', to, '--outdir', work, src], { encoding: 'utf8' });
    const bytes = fs.readFileSync(path.join(work, `xa-huong-loc.${to}`));
    rows.push([`.${to} (LibreOffice), SheetJS`, bytes.length, time(() => readWorkbook(bytes, `a.${to}`))]);
  }
} else {
  console.log('(không có LibreOffice: bỏ qua .xls và .ods)');
}
const xlsb = XLSX.write(XLSX.read(xlsx, { type: 'buffer' }), { type: 'buffer', bookType: 'xlsb' });
rows.push(['.xlsb (SheetJS ghi), SheetJS', xlsb.length, time(() => readWorkbook(xlsb, 'a.xlsb'))]);

// Issue 9's slow cases: 40,000 unclosed <c> (damaged XML), a used range of the whole sheet.
const JSZip = require('jszip');
(async () => {
  const zip = await JSZip.loadAsync(xlsx);
  const sheet = await zip.file('xl/worksheets/sheet1.xml').async('string');
  zip.file('xl/worksheets/sheet1.xml', sheet.replace('</sheetData>', `${'<c r="A900"><v>1</v>'.repeat(40000)}</sheetData>`));
  const damaged = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const saved = N;
  const once = (f) => { const t0 = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t0) / 1e6; };
  rows.push(['40.000 thẻ <c> không đóng: đường nhanh nhận ra và nhường', damaged.length, once(() => readXlsxFast(damaged, 'd.xlsx'))]);
  rows.push(['40.000 thẻ <c> không đóng: SheetJS', damaged.length, once(() => { try { readWorkbook(damaged, 'd.xlsx'); } catch { /* a Vietnamese error is fine */ } })]);
  zip.file('xl/worksheets/sheet1.xml', sheet.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
    .replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>'));
  const huge = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  rows.push(['vùng dùng A1:XFD1048576: đường nhanh', huge.length, once(() => readXlsxFast(huge, 'h.xlsx'))]);
  rows.push(['vùng dùng A1:XFD1048576: SheetJS', huge.length, once(() => readWorkbook(huge, 'h.xlsx'))]);
  void saved;

  console.log(`Đọc một tệp đơn vị (xa-huong-loc), ${N} lần × ${RUNS} vòng, trung vị ms/tệp; Node ${process.version}`);
  for (const [what, size, ms] of rows) console.log(`${what.padEnd(62)} ${String(size).padStart(8)} B  ${ms.toFixed(2).padStart(8)} ms`);
  fs.rmSync(work, { recursive: true, force: true });
})();
