#!/usr/bin/env node
/**
 * Office.js figures on Microsoft's real Excel client (@microsoft/office-js,
 * the web build) talking to the RichApi host of dev/office-host: for each
 * of the pane's actions, the syncs and the real request/response bytes, at
 * 10, 150 and 1,000 unit sheets in one workbook. The host enforces Excel on
 * the web's 5 MB request/response limit, so a phase that finishes with no
 * failed sync also shows none went over it.
 *
 *   node scripts/bench-office.js [--units 10,150,1000] [--json out.json]
 *
 * Compiles the pane's actions, src/excel, the core and the host into
 * lib-dev/ first (tsconfig.dev.json), and lib/ (tsconfig.cli.json) when
 * missing, for the unit sheets of scripts/bench-data.js.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const TSC = require.resolve('typescript/bin/tsc');

function build() {
  execFileSync(process.execPath, [TSC, '-p', path.join(ROOT, 'tsconfig.dev.json')], { stdio: 'inherit', cwd: ROOT });
  if (!fs.existsSync(path.join(ROOT, 'lib', 'xlsx', 'write.js'))) {
    execFileSync(process.execPath, [TSC, '-p', path.join(ROOT, 'tsconfig.cli.json')], { stdio: 'inherit', cwd: ROOT });
  }
}

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}


/**
 * The time a user waits on Excel on the web, modelled from what the wire
 * carries: each request is a round trip to Microsoft's service, and the
 * bytes go over the office's line. Both figures are stated, not measured:
 * 150 ms a round trip (Excel on the web from Vietnam to an Asian data
 * centre; the desktop is tens of ms) and 2 MB/s (a 16 Mbit/s office line).
 */
const MODEL = { rttMs: 150, bytesPerSecond: 2 * 1024 * 1024 };
const modelledSeconds = (p) => ((p.syncs + p.cleanups) * MODEL.rttMs) / 1000 + (p.totalRequest + p.totalResponse) / MODEL.bytesPerSecond;

const mb = (b) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`);

async function measure(n, lib) {
  const host = require(path.join(lib, 'dev', 'office-host'));
  const actions = require(path.join(lib, 'src', 'taskpane', 'actions'));
  const { rng, BENCH_SEED, benchUnitSpec } = require('./bench-data');
  const { outputSheetToGrid } = require(path.join(lib, 'src', 'core', 'layout'));
  const { unitReportSheet } = require(path.join(lib, 'test', 'helpers', 'unit-sheet.js'));
  const { writeXlsx } = require(path.join(ROOT, 'lib', 'xlsx', 'write.js'));

  const r = rng(BENCH_SEED);
  const perDistrict = Math.ceil(n / 10);
  const grids = [];
  const specs = [];
  for (let d = 1; grids.length < n; d++) {
    for (let u = 1; u <= perDistrict && grids.length < n; u++) {
      const spec = benchUnitSpec(r, d, u);
      specs.push(spec);
      const g = outputSheetToGrid(unitReportSheet(spec));
      delete g.file;
      grids.push(g);
    }
  }
  host.loadClient('web');
  const excel = host.attachHost(new host.RichApiHost({ apiVersion: '1.13' }));
  excel.loadGrids(grids);
  const phase = async (name, fn) => {
    excel.resetStats();
    const t0 = process.hrtime.bigint();
    const out = await fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const s = excel.stats;
    return {
      out,
      row: {
        phase: name, syncs: s.syncs, cleanups: s.cleanups, failedSyncs: s.failedSyncs,
        maxRequest: s.maxRequestBytes, maxResponse: s.maxResponseBytes, totalRequest: s.totalRequestBytes, totalResponse: s.totalResponseBytes, ms: Math.round(ms),
      },
    };
  };
  const compile = await phase('compile', () => actions.compileWorkbook());
  const rewrite = await phase('rewrite', () => actions.compileWorkbook());
  // Tô màu with findings in every unit sheet (three cells each), as a province with many errors would have.
  const findings = grids.flatMap((g) => ['D20', 'D21', 'E30'].map((cell) => ({ severity: 'error', unit: g.sheet, sheet: g.sheet, cell, rule: 'bench', message: '' })));
  const colour = await phase('colour', () => actions.highlight(findings));
  const clear = await phase('clear', () => actions.clearHighlight(colour.out.saved));
  // Nhập báo cáo of as many files as there are units: the requests must not grow with N beyond the 5 MB limit.
  const files = await Promise.all(specs.map(async (spec, i) => ({ name: `don-vi-${i + 1}.xlsx`, bytes: new Uint8Array(await writeXlsx([{ ...unitReportSheet(spec), name: `Nhập ${i + 1}` }])) })));
  const imported = await phase('import', () => actions.importReports(files));
  const template = await phase('template', () => actions.createTemplate({ unit: 'UBND xã Mới', level: 'Xã', parent: 'UBND huyện 1', period: 'Năm', year: 2025 }));
  const cells = grids.reduce((s, g) => s + g.cells.reduce((t, row) => t + row.length, 0), 0);
  return {
    units: n, cellsRead: cells, outputSheets: compile.out.written.length, findings: findings.length, imported: imported.out.added.length,
    phases: [compile.row, rewrite.row, colour.row, clear.row, imported.row, template.row],
  };
}

async function main() {
  build();
  const lib = path.join(ROOT, 'lib-dev');
  const sizes = String(arg('--units', '10,150,1000')).split(',').map(Number);
  const results = [];
  for (const n of sizes) results.push(await measure(n, lib));
  console.log('\nOffice.js trên client thật của Microsoft (@microsoft/office-js, bản web) với host RichApi (dev/office-host), giới hạn 5 MB mỗi yêu cầu/phản hồi:');
  console.log('syncs = yêu cầu của mã; +dọn = yêu cầu dọn dẹp cuối Excel.run; byte là byte thật trên dây (UTF-8 JSON).');
  console.log(`web ≈ thời gian ước tính trên Excel web: (syncs + dọn) × ${MODEL.rttMs} ms + byte ÷ ${MODEL.bytesPerSecond / 1024 / 1024} MB/s.`);
  for (const r of results) {
    console.log(`\n${r.units} đơn vị: ${r.cellsRead} ô đọc, ${r.outputSheets} trang kết quả, ${r.findings} ô tô màu, nhập ${r.imported} tệp`);
    console.log('  bước       syncs +dọn lỗi  yêu cầu lớn nhất  phản hồi lớn nhất  tổng yêu cầu  tổng phản hồi      ms   web ≈ s');
    for (const p of r.phases) {
      p.webSeconds = modelledSeconds(p);
      console.log(`  ${p.phase.padEnd(9)} ${String(p.syncs).padStart(6)} ${String(p.cleanups).padStart(4)} ${String(p.failedSyncs).padStart(4)} ${mb(p.maxRequest).padStart(17)} ${mb(p.maxResponse).padStart(18)} ${mb(p.totalRequest).padStart(13)} ${mb(p.totalResponse).padStart(14)} ${String(p.ms).padStart(7)} ${p.webSeconds.toFixed(1).padStart(9)}`);
    }
  }
  const out = arg('--json');
  if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
  return results;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
module.exports = { main, measure, MODEL, modelledSeconds };
