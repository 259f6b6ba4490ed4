#!/usr/bin/env node
/**
 * `npm run bench`: the command line against the Python peer a scripting user
 * would write (../shared/bench/peer-openpyxl.py, openpyxl read-only), on
 * 1,000 unit files (10 districts × 100 units, canonical layout, random
 * realistic figures), plus the core roll-up of 3,321 communes under 34
 * provinces. Targets: compile ≥ 3× faster than the peer, peak memory
 * < 400 MB, roll-up < 0.5 s. Then the pane actions (bench-office.js) and a
 * province's period round trip (bench-period.js).
 *
 *   node scripts/bench.js [--files 1000] [--regen] [--runs 3]
 *
 * Needs `npm run build:cli` first (npm run bench does it).
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { makeBenchFiles, syntheticCommuneReads, BENCH_SEED } = require('./bench-data');

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

async function main() {
  const nFiles = Number(arg('files', 1000));
  const runs = Number(arg('runs', 3));
  const unitsDir = path.join(OUT, `units-${nFiles}`);
  fs.mkdirSync(OUT, { recursive: true });

  const t0 = Date.now();
  const made = await makeBenchFiles(unitsDir, nFiles, { regen: Boolean(arg('regen', false)) });
  console.log(made.generated
    ? `Đã tạo ${nFiles} tệp báo cáo đơn vị trong ${path.relative(ROOT, unitsDir)} (${fmt((Date.now() - t0) / 1000, 1)} s).`
    : `Dùng lại ${nFiles} tệp báo cáo đơn vị trong ${path.relative(ROOT, unitsDir)} (--regen để tạo lại).`);

  // ---- full compile against the peer, runs interleaved (ours, peer, ours, peer…) so that a
  // change in the machine's load hits both alike; the best run of each is compared.
  const outFile = path.join(OUT, 'tong-hop.xlsx');
  const jsonFile = path.join(OUT, 'tong-hop.json');
  const py = findPython();
  const peerReady = fs.existsSync(PEER) && py;
  if (!fs.existsSync(PEER)) console.log(`Không thấy chương trình so sánh ${PEER}.`);
  else if (!py) console.log('Chưa cài openpyxl cho Python 3. Cài bằng: apt-get install -y python3-openpyxl   (rồi chạy lại npm run bench)');
  const ours = [];
  const peer = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure(process.execPath, [path.join(ROOT, 'bin', 'tonghop.js'), 'compile', unitsDir, '-o', outFile, '--json', jsonFile, '-q']);
    if (r.code !== 0) {
      console.error(`tonghop compile thất bại (mã ${r.code}):\n${r.stderr}`);
      process.exit(1);
    }
    ours.push(r);
    if (peerReady) {
      const p = await measure(py, [PEER, unitsDir]);
      if (p.code !== 0) console.error(`peer-openpyxl.py thất bại (mã ${p.code}):\n${p.stderr}`);
      else peer.push(p);
    }
  }
  const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  const oursA1 = json.reports.filter((r) => r.counted).reduce((s, r) => s + (r.figures.A1 ?? 0), 0);
  const m = /A1 = ([\d.]+)/.exec(peer[0]?.stdout ?? '');
  const peerA1 = m ? Number(m[1]) : null;

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

  const best = (xs, k) => Math.min(...xs.map((x) => x[k]));
  const oursT = best(ours, 'seconds');
  const oursM = Math.max(...ours.map((x) => x.peakMb));
  const peerT = peer.length ? best(peer, 'seconds') : null;
  const peerM = peer.length ? Math.max(...peer.map((x) => x.peakMb)) : null;
  const ratio = peerT ? peerT / oursT : null;
  const rollup = median(rollupTimes);

  const row = (a, b, c, d) => `${a.padEnd(34)}${b.padStart(16)}${c.padStart(18)}${d.padStart(10)}`;
  console.log('');
  console.log(`Máy: ${os.cpus().length} nhân, tải trung bình ${os.loadavg()[0].toFixed(1)}, Node ${process.version}; ${nFiles} tệp (10 huyện × ${nFiles / 10} đơn vị), tốt nhất của ${runs} lần chạy xen kẽ; hạt giống ${BENCH_SEED}.`);
  console.log(row('', 'tonghop compile', 'peer (openpyxl)', 'tỷ lệ'));
  console.log(row('Thời gian toàn bộ (s)', fmt(oursT), peerT === null ? '—' : fmt(peerT), ratio === null ? '—' : `${fmt(ratio, 1)}×`));
  console.log(row('Bộ nhớ đỉnh RSS (MB)', fmt(oursM, 0), peerM === null ? '—' : fmt(peerM, 0), ''));
  console.log(row('Tổng A1 (kiểm tra chéo)', String(oursA1), peerA1 === null ? '—' : String(peerA1), ''));
  console.log(`Tổng hợp 3.321 xã / 34 tỉnh (compileReads, trung vị 5 lần): ${fmt(rollup, 3)} s, ${summaries} bảng tổng hợp.`);
  console.log('');
  const verdict = (ok) => (ok ? 'ĐẠT' : 'CHƯA ĐẠT');
  console.log(`Mục tiêu: nhanh hơn peer ≥ 3×: ${ratio === null ? 'không đo được (thiếu peer)' : verdict(ratio >= 3)}; bộ nhớ < 400 MB: ${verdict(oursM < 400)}; tổng hợp < 0,5 s: ${verdict(rollup < 0.5)}.`);
  if (peerA1 !== null && peerA1 !== oursA1) console.log(`Chú ý: tổng A1 khác nhau (${oursA1} so với ${peerA1}).`);

  // One more run with each phase timed (TONGHOP_TIMING), to see where the time goes.
  const timed = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'tonghop.js'), 'compile', unitsDir, '-o', outFile, '-q'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, TONGHOP_TIMING: '1' },
  });
  const phases = (timed.stderr || '').split('\n').filter((l) => l.startsWith('[thời gian]')).map((l) => l.replace('[thời gian] ', ''));
  if (phases.length) console.log(`Các bước (một lần chạy): ${phases.join('; ')}.`);

  // The add-in's side: syncs and real request/response bytes of each pane action on Microsoft's Excel client (dev/office-host).
  console.log('');
  const office = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bench-office.js')], { cwd: ROOT, stdio: 'inherit' });
  if (office.status !== 0) console.error('bench-office.js thất bại.');

  // A province's whole period (issue 10): plan → templates → filled by a script → compile, for the largest province.
  console.log('');
  const period = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bench-period.js')], { cwd: ROOT, stdio: 'inherit' });
  if (period.status !== 0) console.error('bench-period.js thất bại.');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
