#!/usr/bin/env node
/**
 * `npm run bench`: the command line against the Python peer a scripting user
 * would write (../shared/bench/peer-openpyxl.py, openpyxl read-only), on
 * 400 and 1,000 unit files (10 districts, canonical layout, random
 * realistic figures), and against the floor (bench-floor.js: reading and
 * inflating the same files, no parsing), plus the core roll-up of 3,321
 * communes under 34 provinces. Targets: ≥ 5× the peer on 1,000 files and
 * ≥ 3× on 400 (node's start-up included), ≤ 3× the floor, peak memory
 * < 200 MB. Then the pane actions on the real Excel client (bench-office.js:
 * requests, bytes, a modelled time on Excel on the web), the shipped bundle's
 * sizes and each page's first load against its budget (bundle-budget.js),
 * and a province's period round trip (bench-period.js). Every figure
 * is printed beside the one recorded by the last run (bench-record.js,
 * bench/last.json) and flagged when worse by more than the noise.
 *
 *   node scripts/bench.js [--files 400,1000] [--regen] [--runs 3] [--build no] [--no-record]
 *
 * Needs `npm run build:cli` first (npm run bench does it).
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { makeBenchFiles, syntheticCommuneReads, BENCH_SEED } = require('./bench-data');
const { printAndRecord } = require('./bench-record');
const { BUDGETS, firstLoad, overBudget } = require('./bundle-budget');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const PEER = path.resolve(ROOT, '..', 'shared', 'bench', 'peer-openpyxl.py');

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
}

/** Peak RSS of a finished child: VmHWM sampled from /proc while it runs (Linux), else ps. */
function runMeasured(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    let peakKb = 0;
    const sample = () => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const m = /VmHWM:\s+(\d+)\s+kB/.exec(status);
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        const r = spawnSync('ps', ['-o', 'rss=', '-p', String(child.pid)], { encoding: 'utf8' });
        const kb = Number((r.stdout || '').trim());
        if (kb) peakKb = Math.max(peakKb, kb);
      }
    };
    const timer = setInterval(sample, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      resolve({ code, seconds, peakMb: peakKb / 1024, stdout, stderr });
    });
  });
}

/** GNU time gives the exact peak (VmHWM is read just before exit); used when present. */
function timeV() {
  return fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0 ? '/usr/bin/time' : null;
}

async function measure(cmd, args) {
  const gnu = timeV();
  if (!gnu) return runMeasured(cmd, args);
  const r = await runMeasured(gnu, ['-v', cmd, ...args]);
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (m) r.peakMb = Number(m[1]) / 1024;
  r.stderr = r.stderr.replace(/\n?\s*Command being timed:[\s\S]*$/, '');
  return r;
}

function findPython() {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import openpyxl'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, d = 2) => n.toFixed(d).replace('.', ',');

/** Compile vs the peer and the floor on `nFiles` unit files; runs interleaved so a change in load hits all alike. */
async function compileFigures(nFiles, runs, py) {
  const unitsDir = path.join(OUT, `units-${nFiles}`);
  const t0 = Date.now();
  const made = await makeBenchFiles(unitsDir, nFiles, { regen: Boolean(arg('regen', false)) });
  console.log(made.generated
    ? `Đã tạo ${nFiles} tệp báo cáo đơn vị trong ${path.relative(ROOT, unitsDir)} (${fmt((Date.now() - t0) / 1000, 1)} s).`
    : `Dùng lại ${nFiles} tệp báo cáo đơn vị trong ${path.relative(ROOT, unitsDir)} (--regen để tạo lại).`);
  const outFile = path.join(OUT, 'tong-hop.xlsx');
  const jsonFile = path.join(OUT, 'tong-hop.json');
  const ours = [];
  const peer = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure(process.execPath, [path.join(ROOT, 'bin', 'tonghop.js'), 'compile', unitsDir, '-o', outFile, '--json', jsonFile, '-q']);
    if (r.code !== 0) {
      console.error(`tonghop compile thất bại (mã ${r.code}):\n${r.stderr}`);
      process.exit(1);
    }
    ours.push(r);
    floor.push(await measure(process.execPath, [path.join(__dirname, 'bench-floor.js'), unitsDir]));
    if (py) {
      const p = await measure(py, [PEER, unitsDir]);
      if (p.code !== 0) console.error(`peer-openpyxl.py thất bại (mã ${p.code}):\n${p.stderr}`);
      else peer.push(p);
    }
  }
  const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  const oursA1 = json.reports.filter((r) => r.counted).reduce((s, r) => s + (r.figures.A1 ?? 0), 0);
  const m = /A1 = ([\d.]+)/.exec(peer[0]?.stdout ?? '');
  const best = (xs, k) => Math.min(...xs.map((x) => x[k]));
  return {
    nFiles,
    ours: best(ours, 'seconds'),
    oursMb: Math.max(...ours.map((x) => x.peakMb)),
    floor: best(floor, 'seconds'),
    peer: peer.length ? best(peer, 'seconds') : null,
    peerMb: peer.length ? Math.max(...peer.map((x) => x.peakMb)) : null,
    oursA1,
    peerA1: m ? Number(m[1]) : null,
    unitsDir,
    outFile,
  };
}

/** The shipped bundle (webpack production build): what an office computer downloads when it opens the pane. */
function bundleFigures() {
  if (arg('build', true) !== 'no') {
    const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) {
      console.error(`webpack thất bại:\n${(r.stdout || '').slice(-2000)}${r.stderr || ''}`);
      return [];
    }
  }
  const dist = path.join(ROOT, 'dist');
  if (!fs.existsSync(dist)) return [];
  const zlib = require('zlib');
  const out = [];
  for (const name of fs.readdirSync(dist).sort()) {
    if (!/\.(js|html)$/.test(name)) continue;
    const bytes = fs.readFileSync(path.join(dist, name));
    out.push({ name, bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });
  }
  return out;
}

async function main() {
  const sizes = String(arg('files', '400,1000')).split(',').map(Number);
  const runs = Number(arg('runs', 3));
  fs.mkdirSync(OUT, { recursive: true });
  const py = findPython();
  if (!fs.existsSync(PEER)) console.log(`Không thấy chương trình so sánh ${PEER}.`);
  else if (!py) console.log('Chưa cài openpyxl cho Python 3. Cài bằng: apt-get install -y python3-openpyxl   (rồi chạy lại npm run bench)');
  const peerPy = fs.existsSync(PEER) ? py : null;

  const figures = [];
  const compiles = [];
  for (const n of sizes) compiles.push(await compileFigures(n, runs, peerPy));

  // ---- roll-up in process: 3,321 communes under 34 provinces
  const { compileReads } = require(path.join(ROOT, 'lib', 'core', 'compile.js'));
  const reads = syntheticCommuneReads(3321, 34);
  const rollupTimes = [];
  let summaries = 0;
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    const res = compileReads(reads, { period: 'Năm', year: 2025 });
    rollupTimes.push(Number(process.hrtime.bigint() - t) / 1e9);
    summaries = res.summaries.length;
  }
  const rollup = median(rollupTimes);

  const row = (a, b, c, d, e, f) => `${a.padEnd(30)}${b.padStart(12)}${c.padStart(12)}${d.padStart(10)}${e.padStart(10)}${f.padStart(12)}`;
  console.log('');
  console.log(`Máy: ${os.cpus().length} nhân, tải trung bình ${os.loadavg()[0].toFixed(1)}, Node ${process.version}; tốt nhất của ${runs} lần chạy xen kẽ (tính cả khởi động node/python); hạt giống ${BENCH_SEED}.`);
  console.log(row('', 'tonghop (s)', 'peer (s)', 'so peer', 'nền (s)', 'so với nền'));
  for (const c of compiles) {
    const ratio = c.peer ? c.peer / c.ours : null;
    const overFloor = c.ours / c.floor;
    console.log(row(`${c.nFiles} tệp`, fmt(c.ours), c.peer === null ? '—' : fmt(c.peer), ratio === null ? '—' : `${fmt(ratio, 1)}×`, fmt(c.floor), `${fmt(overFloor, 1)}×`));
    console.log(`  bộ nhớ đỉnh RSS: tonghop ${fmt(c.oursMb, 0)} MB, peer ${c.peerMb === null ? '—' : `${fmt(c.peerMb, 0)} MB`}; tổng A1 (kiểm tra chéo): ${c.oursA1} / ${c.peerA1 ?? '—'}`);
    if (c.peerA1 !== null && c.peerA1 !== c.oursA1) console.log(`  Chú ý: tổng A1 khác nhau (${c.oursA1} so với ${c.peerA1}).`);
    figures.push({ key: `compile.${c.nFiles}.s`, label: `Tổng hợp ${c.nFiles} tệp`, value: c.ours, unit: 's', better: 'lower', noise: 0.15 });
    if (ratio !== null) figures.push({ key: `compile.${c.nFiles}.peer-ratio`, label: `  nhanh hơn peer`, value: ratio, unit: '×', better: 'higher', noise: 0.15 });
    figures.push({ key: `compile.${c.nFiles}.floor-ratio`, label: `  chậm hơn nền`, value: overFloor, unit: '×', better: 'lower', noise: 0.15 });
    figures.push({ key: `compile.${c.nFiles}.peak-mb`, label: `  bộ nhớ đỉnh`, value: c.oursMb, unit: 'MB', better: 'lower', noise: 0.1 });
  }
  console.log(`Tổng hợp 3.321 xã / 34 tỉnh (compileReads, trung vị 5 lần): ${fmt(rollup, 3)} s, ${summaries} bảng tổng hợp.`);
  figures.push({ key: 'rollup.3321.s', label: 'Tổng hợp 3.321 xã trong bộ nhớ', value: rollup, unit: 's', better: 'lower', noise: 0.2 });
  const verdict = (ok) => (ok ? 'ĐẠT' : 'CHƯA ĐẠT');
  const at = (n) => compiles.find((c) => c.nFiles === n);
  const targets = [];
  for (const [n, want] of [[1000, 5], [400, 3]]) {
    const c = at(n);
    if (c && c.peer) targets.push(`nhanh hơn peer ≥ ${want}× ở ${n} tệp: ${verdict(c.peer / c.ours >= want)}`);
  }
  for (const c of compiles) targets.push(`≤ 3× nền ở ${c.nFiles} tệp: ${verdict(c.ours / c.floor <= 3)}`);
  targets.push(`bộ nhớ < 200 MB: ${verdict(compiles.every((c) => c.oursMb < 200))}`);
  console.log(`Mục tiêu: ${targets.join('; ')}.`);

  // One more run with each phase timed (TONGHOP_TIMING), to see where the time goes.
  const last = compiles[compiles.length - 1];
  const timed = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'tonghop.js'), 'compile', last.unitsDir, '-o', last.outFile, '-q'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, TONGHOP_TIMING: '1' },
  });
  const phases = (timed.stderr || '').split('\n').filter((l) => l.startsWith('[thời gian]')).map((l) => l.replace('[thời gian] ', ''));
  if (phases.length) console.log(`Các bước (một lần chạy, ${last.nFiles} tệp): ${phases.join('; ')}.`);

  // The add-in's side: syncs and real request/response bytes of each pane action on Microsoft's Excel client (dev/office-host).
  console.log('');
  const officeJson = path.join(OUT, 'office.json');
  const office = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bench-office.js'), '--json', officeJson], { cwd: ROOT, stdio: 'inherit' });
  if (office.status !== 0) console.error('bench-office.js thất bại.');
  else {
    for (const r of JSON.parse(fs.readFileSync(officeJson, 'utf8'))) {
      for (const p of r.phases) {
        figures.push({ key: `office.${r.units}.${p.phase}.requests`, label: `Excel ${r.units} đv, ${p.phase}: yêu cầu`, value: p.syncs + p.cleanups, unit: '', better: 'lower', noise: 0 });
        figures.push({ key: `office.${r.units}.${p.phase}.bytes`, label: `Excel ${r.units} đv, ${p.phase}: byte`, value: (p.totalRequest + p.totalResponse) / 1024, unit: 'KB', better: 'lower', noise: 0.01 });
        figures.push({ key: `office.${r.units}.${p.phase}.web-s`, label: `Excel ${r.units} đv, ${p.phase}: web ≈`, value: p.webSeconds, unit: 's', better: 'lower', noise: 0.01 });
      }
    }
  }

  // The shipped bundle.
  console.log('');
  const bundle = bundleFigures();
  if (bundle.length) {
    console.log('Gói tải về (webpack production, dist/):');
    for (const b of bundle) {
      console.log(`  ${b.name.padEnd(28)} ${fmt(b.bytes / 1024, 0).padStart(8)} KB  (gzip ${fmt(b.gzip / 1024, 0)} KB)`);
      figures.push({ key: `bundle.${b.name}.kb`, label: `Gói ${b.name}`, value: b.bytes / 1024, unit: 'KB', better: 'lower', noise: 0.02 });
    }
    // First load: the page and the scripts it loads itself (bundle-budget.js; the pane's budget and why are there).
    console.log('Tải lần đầu (trang và các script nó tự tải; office.js từ CDN của Microsoft không tính):');
    for (const [page, key] of [['taskpane.html', 'taskpane'], ['app.html', 'app']]) {
      if (!fs.existsSync(path.join(ROOT, 'dist', page))) continue;
      const load = firstLoad(path.join(ROOT, 'dist'), page);
      const budget = BUDGETS[page];
      const over = overBudget(load);
      console.log(`  ${page.padEnd(28)} ${fmt(load.raw / 1024, 0).padStart(8)} KB  (gzip ${fmt(load.gzip / 1024, 0)} KB)  ${load.files.map((f) => f.name).join(' + ')}${budget ? `; ngân sách ${fmt(budget.raw / 1024, 0)} KB (gzip ${fmt(budget.gzip / 1024, 0)} KB): ${over ? `VƯỢT (${over})` : 'ĐẠT'}` : ''}`);
      figures.push(
        { key: `firstload.${key}.kb`, label: `Tải lần đầu ${page}`, value: load.raw / 1024, unit: 'KB', better: 'lower', noise: 0.02, ...(budget ? { budget: budget.raw / 1024 } : {}) },
        { key: `firstload.${key}.gzip-kb`, label: '  gzip', value: load.gzip / 1024, unit: 'KB', better: 'lower', noise: 0.02, ...(budget ? { budget: budget.gzip / 1024 } : {}) },
      );
    }
  }

  // The page without Excel, opened from disk as an officer would (bench-app.js; needs the build above).
  try {
    const app = await require('./bench-app').benchApp();
    console.log(`Trang không cần Excel (dist/app.html): ${fmt(app.bytes / 1024, 0)} KB, hiện ra sau ${app.firstRenderMs} ms (trung vị ${app.runs} lần, Chromium, mở từ file://).`);
    figures.push({ key: 'app.first-render-ms', label: 'Trang không cần Excel: hiện ra', value: app.firstRenderMs, unit: 'ms', better: 'lower', noise: 0.2 });
  } catch (e) {
    console.error(`Không đo được trang không cần Excel: ${e.message}`);
  }

  // A province's whole period: plan → templates → filled by a script → compile, for the largest province.
  console.log('');
  const period = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bench-period.js')], { cwd: ROOT, stdio: 'inherit' });
  if (period.status !== 0) console.error('bench-period.js thất bại.');

  printAndRecord(figures, { save: arg('no-record', false) !== true });
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
