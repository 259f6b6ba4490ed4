#!/usr/bin/env node
/**
 * `npm run demo` (after build:cli): compiles the example district in
 * examples/ with its plan into out/tong-hop.xlsx, out/tong-hop.json and the
 * narrative report out/bao-cao.docx, then the province quarter of the
 * current structure (examples/quang-tri-quy-i-2026/) into
 * out/quang-tri-quy-i-2026/, then its six months (`6 tháng`, the plan in
 * examples/quang-tri-6-thang-2026/) from the Quý I and Quý II reports
 * (examples/quang-tri-quy-ii-2026/) into out/quang-tri-6-thang-2026/,
 * printing what it found and wrote.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const { main } = require(path.join(ROOT, 'lib', 'cli', 'main.js'));

/** `tonghop compile <dir> --plan <dir>/ke-hoach.xlsx` into `outDir`: the workbook, the JSON and the report. */
function compileArgs(dir, outDir, rel) {
  return [
    'compile', rel(dir),
    '--plan', rel(path.join(dir, 'ke-hoach.xlsx')),
    '-o', rel(path.join(outDir, 'tong-hop.xlsx')),
    '--json', rel(path.join(outDir, 'tong-hop.json')),
    '--docx', rel(path.join(outDir, 'bao-cao.docx')),
  ];
}

async function run() {
  const examples = path.join(ROOT, 'examples');
  const out = path.join(ROOT, 'out');
  fs.mkdirSync(out, { recursive: true });
  const rel = (p) => path.relative(process.cwd(), p) || '.';
  const show = (args) => console.log(`$ tonghop ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}\n`);
  const args = compileArgs(examples, out, rel);
  show(args);
  const code = await main(args);
  if (code === 0) console.log(`\nMở ${rel(path.join(out, 'tong-hop.xlsx'))} để xem trang tổng hợp, Phụ lục, báo cáo TTCCHC-1 của huyện và trang Kiểm tra.`);
  // The current structure (two tiers): a province's Quý I 2026 from its communes and departments.
  const args2 = compileArgs(path.join(examples, 'quang-tri-quy-i-2026'), path.join(out, 'quang-tri-quy-i-2026'), rel);
  console.log('');
  show(args2);
  const code2 = await main(args2);
  // Six months from the two quarters: each unit's figures built from its Quý I and Quý II reports (docs/spec/TEMPLATE.md §11).
  // The report files are given one by one, so that the quarters' own plans are not read as a second Kế hoạch.
  const halfOut = path.join(out, 'quang-tri-6-thang-2026');
  const quarters = ['quang-tri-quy-i-2026', 'quang-tri-quy-ii-2026'].map((d) => path.join(examples, d));
  const reports = quarters.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.xlsx') && f !== 'ke-hoach.xlsx').sort().map((f) => path.join(d, f)));
  const args3 = [...compileArgs(path.join(examples, 'quang-tri-6-thang-2026'), halfOut, rel).slice(0, 1), ...reports.map(rel),
    ...compileArgs(path.join(examples, 'quang-tri-6-thang-2026'), halfOut, rel).slice(2)];
  console.log('');
  console.log(`$ tonghop compile ${quarters.map((d) => `${rel(d)}/<báo cáo>.xlsx`).join(' ')} ${args3.slice(1 + reports.length).join(' ')}\n`);
  const code3 = await main(args3);
  process.exitCode = code || code2 || code3;
}

run().catch((e) => {
  console.error('Lỗi không mong đợi: ' + (e && e.message ? e.message : String(e)));
  process.exitCode = 2;
});
