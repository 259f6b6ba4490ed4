/**
 * Data for the benchmark: canonical unit files with random but realistic
 * figures (a seeded generator, so every run measures the same files), and
 * in-memory reads for the roll-up timing. Uses the compiled lib/ and the
 * unit-sheet builder the tests use (test/helpers/unit-sheet.ts, compiled into
 * lib-dev/ by tsconfig.dev.json).
 */
'use strict';
const fs = require('fs');
const path = require('path');

const LIB = path.resolve(__dirname, '..', 'lib');
const { unitReportSheet } = require(path.resolve(__dirname, '..', 'lib-dev', 'test', 'helpers', 'unit-sheet.js'));
const { writeXlsx } = require(path.join(LIB, 'xlsx', 'write.js'));
const { readSheet } = require(path.join(LIB, 'core', 'reader.js'));
const { outputSheetToGrid } = require(path.join(LIB, 'core', 'layout', 'index.js'));

const BENCH_SEED = 20221020;
const MARKER = '.bench-files';
const GENERATOR_VERSION = 2; // 2: unit files drawn by the core layout (test/helpers/unit-sheet.ts)

/** mulberry32: small, fast, seeded. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TASKS = [
  'Tuyên truyền CCHC trên Trang thông tin điện tử',
  'Xây dựng chuyên mục CCHC trên hệ thống truyền thanh',
  'Tuyên truyền trên mạng xã hội (Zalo, Fanpage)',
  'Niêm yết công khai thủ tục hành chính',
  'Tập huấn, bồi dưỡng về CCHC cho cán bộ, công chức',
];

/** Figures a commune might report in a year. */
function randomFigures(r) {
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const A2 = int(4, 80);
  const C1 = int(0, 4);
  const C3 = r() < 0.2 ? 1 : 0;
  const D1 = int(0, 25);
  const D2 = int(150, 3000);
  const D5 = r() < 0.3 ? int(1, 8) : 0;
  const D6 = int(0, 15);
  const D7 = int(120, 260);
  return {
    A1: int(5, 60), A2, A3: A2 * int(1, 4), A4: int(0, 50), A5: int(0, 5), A6: Math.round((0.5 + r() * 2.5) * 10) / 10,
    B1: int(0, 6), B2: int(0, 15), B3: int(0, 2000),
    C1, C2: C1 * int(15, 80), C3, C4: C3 * int(40, 400),
    D1, D2, D3: Math.floor(D2 * (0.3 + r() * 0.6)), D4: D1 + D2 - D5 - D6, D5, D6,
    D7, D8: D7 - (r() < 0.2 ? int(1, 5) : 0),
    E1: int(0, 25) * 1000,
  };
}

function benchUnitSpec(r, district, unit, parentPrefix = 'UBND huyện', parentLevel = 'Xã') {
  const districtName = `${parentPrefix} số ${district}`;
  return {
    sheetName: `Xã ${district}-${unit}`,
    unit: `UBND xã số ${district}-${unit}`,
    unitCode: `X${String(district).padStart(2, '0')}${String(unit).padStart(3, '0')}`,
    level: parentLevel,
    parent: districtName,
    period: 'Năm',
    year: 2025,
    docRef: `${unit}/BC-UBND ngày 10/10/2025`,
    figures: randomFigures(r),
    tasks: TASKS.map((name, i) => ({ stt: i + 1, name, done: r() < 0.85, result: 'Đã thực hiện' })),
  };
}

/** `n` unit files (10 districts × n/10 units) in `dir`; reused when the marker says they are the same. */
async function makeBenchFiles(dir, n, { regen = false } = {}) {
  const marker = path.join(dir, MARKER);
  const want = JSON.stringify({ n, seed: BENCH_SEED, v: GENERATOR_VERSION });
  if (!regen && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === want) return { generated: false };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const r = rng(BENCH_SEED);
  const perDistrict = Math.ceil(n / 10);
  let made = 0;
  for (let d = 1; d <= 10 && made < n; d++) {
    for (let u = 1; u <= perDistrict && made < n; u++, made++) {
      const spec = benchUnitSpec(r, d, u);
      const file = path.join(dir, `H${String(d).padStart(2, '0')}-X${String(u).padStart(3, '0')}.xlsx`);
      fs.writeFileSync(file, await writeXlsx([unitReportSheet(spec)]));
    }
  }
  fs.writeFileSync(marker, want);
  return { generated: true };
}

/** Reads of `n` communes spread over `provinces` provinces (the two-tier model: commune → province). */
function syntheticCommuneReads(n, provinces) {
  const r = rng(BENCH_SEED + 1);
  const reads = [];
  for (let i = 0; i < n; i++) {
    const p = (i % provinces) + 1;
    const spec = benchUnitSpec(r, p, i + 1, 'UBND tỉnh');
    reads.push(readSheet(outputSheetToGrid(unitReportSheet(spec), `xa-${i + 1}.xlsx`)));
  }
  return reads;
}

module.exports = { BENCH_SEED, rng, randomFigures, benchUnitSpec, makeBenchFiles, syntheticCommuneReads };
