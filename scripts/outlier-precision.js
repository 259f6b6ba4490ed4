#!/usr/bin/env node
/**
 * How many warnings the outlier check (src/core/outliers.ts) raises on
 * plausible data, and how many planted typos it catches: the figures the
 * README («Số liệu bất thường») quotes to justify OUTLIER_LIMITS.
 *
 *   npm run build:cli && node scripts/outlier-precision.js [--rounds 1] [--trials 1000]   (npm run outliers)
 *
 * Data: every province of the national list (src/core/national-units.ts, its
 * real communes per province), each commune's count drawn as
 *   median(code) × size(commune) × noise(figure)
 * with size and noise lognormal (a ward posts more than a mountain commune,
 * and a commune is not equally busy on every indicator). Two spreads: the
 * "usual" one (log-sd 0,5 + 0,5, about what the example district and the
 * seeds show) and a "wide" one (0,8 + 0,6) as a worst case.
 *
 * Typos planted one at a time into clean data:
 * - extra zero: the figure × 10;
 * - wrong row: the figure replaced by the next row's figure of the same group
 *   (C2 participants typed into C1 conferences);
 * - last period: the same extra zero, judged against last period's figure
 *   (last period = this one × lognormal year-to-year change, log-sd 0,3).
 * A typo counts as caught when a warning names that unit and that code.
 */
'use strict';
const path = require('path');

const LIB = path.resolve(__dirname, '..', 'lib');
const { OUTLIER_LIMITS, siblingOutliers, previousOutliers } = require(path.join(LIB, 'core', 'outliers.js'));
const { INDICATORS } = require(path.join(LIB, 'core', 'template.js'));
const { provinces } = require(path.join(LIB, 'core', 'national-units.js'));
const { unitKey } = require(path.join(LIB, 'core', 'unit-names.js'));
const { rng } = require('./bench-data');

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? dflt : Number(process.argv[i + 1]);
}
const ROUNDS = arg('rounds', 1);
const TRIALS = arg('trials', 1000);

/** A commune's typical yearly figures (medians), after the example district and the seeds. */
const MEDIANS = {
  A1: 25, A2: 30, A3: 70, A4: 20, A5: 2, B1: 3, B2: 8, B3: 600, C1: 2, C2: 90, C3: 0.4, C4: 40,
  D1: 8, D2: 900, D3: 450, D4: 880, D5: 2, D6: 6, D7: 200, D8: 195, E1: 12000,
};
const CODES = INDICATORS.filter((i) => i.kind === 'count').map((i) => i.code);
/** The next row of the same group, where a clerk's value may slip to. */
const NEXT_ROW = Object.fromEntries(CODES.map((c, i) => [c, CODES[i + 1] && CODES[i + 1][0] === c[0] ? CODES[i + 1] : null]).filter(([, n]) => n));

const SPREADS = { usual: { size: 0.5, noise: 0.5 }, wide: { size: 0.8, noise: 0.6 } };

function normal(r) {
  // Box–Muller
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** One province's commune reports as the compile holds them (ReportEntry). */
function province(r, p, spread) {
  return p.communes.map((c) => {
    const size = Math.exp(spread.size * normal(r)) * (c.kind === 'Phường' ? 2 : 1);
    const figures = {};
    for (const code of CODES) figures[code] = Math.max(0, Math.round(MEDIANS[code] * size * Math.exp(spread.noise * normal(r))));
    return {
      counted: true,
      report: { unit: c.unitName, parent: p.unitName, level: 'Xã', figures, figureCells: {}, source: { file: '', sheet: c.name } },
    };
  });
}

function lastPeriod(r, entries) {
  const byUnit = {};
  for (const e of entries) {
    const f = {};
    for (const code of CODES) f[code] = Math.max(0, Math.round(e.report.figures[code] * Math.exp(0.3 * normal(r))));
    byUnit[unitKey(e.report.unit)] = f;
  }
  return { period: 'Năm', year: 2024, byUnit };
}

const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) + ' %' : '–');
const per1000 = (a, b) => ((1000 * a) / b).toFixed(2);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function caught(findings, unit, code) {
  return findings.some((f) => f.unit === unit && f.message.startsWith(`${code} =`));
}

function measure(spreadName, limits, seed) {
  const spread = SPREADS[spreadName];
  const r = rng(seed);
  const all = provinces();
  let figures = 0;
  let falseSib = 0;
  let falsePrev = 0;
  const data = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of all) {
      const entries = province(r, p, spread);
      const prev = lastPeriod(r, entries);
      figures += entries.length * CODES.length;
      falseSib += siblingOutliers(entries, limits).length;
      falsePrev += previousOutliers(entries, prev, limits).length;
      if (round === 0) data.push({ entries, prev });
    }
  }
  // Planted typos, one per trial, into a copy of one unit's figures.
  const tally = { zero: [0, 0], zeroTypical: [0, 0], row: [0, 0], rowFar: [0, 0], prevZero: [0, 0] };
  const add = (k, hit) => { tally[k][0] += hit ? 1 : 0; tally[k][1]++; };
  for (let t = 0; t < TRIALS; t++) {
    const { entries, prev } = data[Math.floor(r() * data.length)];
    const i = Math.floor(r() * entries.length);
    const e = entries[i];
    const code = CODES[Math.floor(r() * CODES.length)];
    const v = e.report.figures[code];
    const plant = (value) => entries.map((x, j) => (j === i ? { ...x, report: { ...x.report, figures: { ...x.report.figures, [code]: value } } } : x));
    if (v >= 1) {
      const planted = plant(v * 10);
      const hit = caught(siblingOutliers(planted, limits), e.report.unit, code);
      add('zero', hit);
      if (v >= median(entries.map((x) => x.report.figures[code]))) add('zeroTypical', hit);
      add('prevZero', caught(previousOutliers(planted, prev, limits), e.report.unit, code));
    }
    const next = NEXT_ROW[code];
    if (next) {
      const w = e.report.figures[next];
      if (w !== v) {
        const hit = caught(siblingOutliers(plant(w), limits), e.report.unit, code);
        add('row', hit);
        if (w >= 5 * Math.max(v, 1)) add('rowFar', hit);
      }
    }
  }
  return { figures, falseSib, falsePrev, tally };
}

const VARIANTS = [
  ['đang dùng', {}],
  ['tỉ lệ ×5', { RATIO_TO_MEDIAN: 5 }],
  ['tỉ lệ ×10', { RATIO_TO_MEDIAN: 10 }],
  ['z ≥ 2,5', { MIN_ROBUST_Z: 2.5 }],
  ['z ≥ 4,5', { MIN_ROBUST_Z: 4.5 }],
  ['chênh ≥ 5', { MIN_EXCESS: 5 }],
  ['kỳ trước ×3', { PREVIOUS_FACTOR: 3 }],
];

console.log(`Limits in use: ${JSON.stringify(OUTLIER_LIMITS)}`);
console.log(`${ROUNDS} rounds × ${provinces().length} provinces (${provinces().reduce((n, p) => n + p.communes.length, 0)} communes), ${CODES.length} counts each; ${TRIALS} planted typos per line.\n`);
const head = ['spread', 'limits', 'false/1000 (siblings)', 'false/1000 (last period)', 'extra zero', 'extra zero, unit ≥ median', 'wrong row', 'wrong row, ≥5× apart', 'extra zero vs last period'];
const rows = [];
for (const spreadName of Object.keys(SPREADS)) {
  for (const [label, change] of VARIANTS) {
    const m = measure(spreadName, { ...OUTLIER_LIMITS, ...change }, 20260101);
    const t = m.tally;
    rows.push([spreadName, label, per1000(m.falseSib, m.figures), per1000(m.falsePrev, m.figures),
      pct(...t.zero), pct(...t.zeroTypical), pct(...t.row), pct(...t.rowFar), pct(...t.prevZero)]);
  }
}
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
console.log(line(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
