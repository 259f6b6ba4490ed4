#!/usr/bin/env node
/**
 * Office.js figures on the in-memory stand-in: syncs and payload bytes of
 * reading the workbook, compiling and writing the outputs, for 10 and for
 * 1,000 unit sheets in one workbook. The stand-in enforces Excel on the
 * web's 5 MB request/response limit, so a run that finishes also shows no
 * sync went over it.
 *
 *   node scripts/bench-office.js [--units 10,1000] [--json out.json]
 *
 * Compiles src/excel, the stand-in (dev/fake-excel), the core and the unit
 * sheet builder into lib-dev/ first (tsconfig.dev.json), and lib/
 * (tsconfig.cli.json) when missing, for scripts/bench-data.js.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const TSC = require.resolve('typescript/bin/tsc');

function build() {
  execFileSync(process.execPath, [TSC, '-p', path.join(ROOT, 'tsconfig.dev.json')], { stdio: 'inherit', cwd: ROOT });
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
    execFileSync(process.execPath, [TSC, '-p', path.join(ROOT, 'tsconfig.cli.json')], { stdio: 'inherit', cwd: ROOT });
  }
}

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

async function measure(n, lib) {
  const { installFakeOffice } = require(path.join(lib, 'dev', 'fake-excel'));
  const { readWorkbookGrids, writeOutputSheets } = require(path.join(lib, 'src', 'excel'));
  const { compileGrids } = require(path.join(lib, 'src', 'core', 'compile'));
  const { layoutOutputs, isOwnOutputSheet, outputSheetToGrid } = require(path.join(lib, 'src', 'core', 'layout'));
  const { rng, BENCH_SEED, benchUnitSpec } = require('./bench-data');
  const { unitReportSheet } = require(path.join(lib, 'test', 'helpers', 'unit-sheet.js'));

  const r = rng(BENCH_SEED);
  const perDistrict = Math.ceil(n / 10);
  const grids = [];
  for (let d = 1; grids.length < n; d++) {
    for (let u = 1; u <= perDistrict && grids.length < n; u++) {
      const g = outputSheetToGrid(unitReportSheet(benchUnitSpec(r, d, u)));
      delete g.file;
      grids.push(g);
    }
  }
  const fake = installFakeOffice(globalThis, grids, { apiVersion: '1.13' });
  const phase = async (name, fn) => {
    fake.resetStats();
    const t0 = process.hrtime.bigint();
    const out = await fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const s = fake.stats;
    return {
      out,
      row: { phase: name, syncs: s.syncs, failedSyncs: s.failedSyncs, maxRequest: s.maxRequestBytes, maxResponse: s.maxResponseBytes, totalRequest: s.totalRequestBytes, totalResponse: s.totalResponseBytes, ms: Math.round(ms) },
    };
  };
  const read = await phase('read', () => fake.run((ctx) => readWorkbookGrids(ctx)));
  const compiled = await phase('compile', async () => layoutOutputs(compileGrids(read.out, {}), {}));
  const write = await phase('write', () => fake.run((ctx) => writeOutputSheets(ctx, compiled.out, { isOwnOutput: isOwnOutputSheet })));
  // Compiling again replaces the earlier output (its sheets are checked, then swapped).
  const rewrite = await phase('rewrite', () => fake.run((ctx) => writeOutputSheets(ctx, compiled.out, { isOwnOutput: isOwnOutputSheet })));
  const cells = read.out.reduce((s, g) => s + g.cells.reduce((t, row) => t + row.length, 0), 0);
  return { units: n, sheetsRead: read.out.length, cellsRead: cells, outputSheets: compiled.out.length, phases: [read.row, compiled.row, write.row, rewrite.row] };
}

async function main() {
  build();
  const lib = path.join(ROOT, 'lib-dev');
  const sizes = String(arg('--units', '10,1000')).split(',').map(Number);
  const results = [];
  for (const n of sizes) results.push(await measure(n, lib));
  console.log('\nOffice.js (stand-in, limit 5 MB per request/response): syncs and payloads');
  for (const r of results) {
    console.log(`\n${r.units} đơn vị: ${r.sheetsRead} trang đọc (${r.cellsRead} ô), ${r.outputSheets} trang kết quả`);
    console.log('  phase     syncs  failed  max request  max response  total request  total response    ms');
    for (const p of r.phases) {
      console.log(`  ${p.phase.padEnd(8)} ${String(p.syncs).padStart(6)} ${String(p.failedSyncs).padStart(7)} ${kb(p.maxRequest).padStart(12)} ${kb(p.maxResponse).padStart(13)} ${kb(p.totalRequest).padStart(14)} ${kb(p.totalResponse).padStart(15)} ${String(p.ms).padStart(5)}`);
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
module.exports = { main, measure };
