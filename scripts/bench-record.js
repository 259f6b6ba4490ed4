/**
 * The benchmark's memory: every figure `npm run bench` measures is printed
 * beside the one recorded in bench/last.json by the previous run on this
 * repository, and flagged when it got worse by more than the noise. The
 * run then records its own figures there (commit the file with the change
 * that moved them, so the next session compares against them).
 *
 * A figure: { key, label, value, unit, better: 'lower' | 'higher', noise, budget? }
 * (budget: the most it may be, in its unit: said beside it, and flagged when over).
 * noise is relative (0.1 = 10 %): times on a shared 2-core machine move by
 * about that between runs; counts of requests and bytes do not move at all,
 * so their noise is 0.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const RECORD = path.resolve(__dirname, '..', 'bench', 'last.json');

function loadLast() {
  try {
    return JSON.parse(fs.readFileSync(RECORD, 'utf8'));
  } catch {
    return null;
  }
}

const num = (n) => {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return n.toLocaleString('vi-VN', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
};

/** 'tệ hơn' when the change goes the wrong way by more than the figure's noise. */
function verdict(f, last) {
  if (last === undefined || last === null || f.value === null) return 'mới';
  if (last === 0 && f.value === 0) return '';
  const change = last === 0 ? Infinity : (f.value - last) / Math.abs(last);
  const worse = f.better === 'lower' ? change > f.noise : -change > f.noise;
  const better = f.better === 'lower' ? -change > f.noise : change > f.noise;
  return worse ? 'TỆ HƠN' : better ? 'tốt hơn' : '';
}

/** Prints every figure beside the last recorded one; returns the number flagged worse. */
function printAndRecord(figures, { save = true } = {}) {
  const last = loadLast();
  const lastByKey = new Map((last?.figures ?? []).map((f) => [f.key, f.value]));
  console.log('');
  console.log(last
    ? `So với lần đo trước (bench/last.json, ${last.date}, ${last.machine}):`
    : 'Chưa có lần đo trước (bench/last.json): lần này được ghi làm mốc.');
  const width = Math.max(...figures.map((f) => f.label.length)) + 2;
  console.log(`${'chỉ số'.padEnd(width)}${'lần này'.padStart(14)}${'lần trước'.padStart(14)}   `);
  let worse = 0;
  for (const f of figures) {
    const before = lastByKey.get(f.key);
    const v = verdict(f, before);
    if (v === 'TỆ HƠN') worse++;
    const budget = f.budget === undefined ? '' : `${v ? '; ' : ''}ngân sách ${num(f.budget)} ${f.unit}${f.value > f.budget ? ': VƯỢT NGÂN SÁCH' : ''}`;
    console.log(`${f.label.padEnd(width)}${`${num(f.value)} ${f.unit}`.padStart(14)}${(before === undefined ? '—' : `${num(before)} ${f.unit}`).padStart(14)}   ${v}${budget}`);
  }
  if (worse) console.log(`\n${worse} chỉ số tệ hơn lần trước quá mức nhiễu.`);
  if (save) {
    fs.mkdirSync(path.dirname(RECORD), { recursive: true });
    const record = {
      date: new Date().toISOString().slice(0, 10),
      machine: `${os.cpus().length} nhân, Node ${process.version}`,
      figures: figures.map(({ key, label, value, unit, better, noise, budget }) => ({ key, label, value, unit, better, noise, ...(budget === undefined ? {} : { budget }) })),
    };
    fs.writeFileSync(RECORD, `${JSON.stringify(record, null, 1)}\n`);
  }
  return worse;
}

module.exports = { printAndRecord, loadLast, verdict };
