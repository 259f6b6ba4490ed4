#!/usr/bin/env node
/**
 * `npm run demo` (after build:cli): compiles the example district in
 * examples/ with its plan into out/tong-hop.xlsx, out/tong-hop.json and the
 * narrative report out/bao-cao.docx, printing what it found and wrote.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const { main } = require(path.join(ROOT, 'lib', 'cli', 'main.js'));

async function run() {
  const examples = path.join(ROOT, 'examples');
  const out = path.join(ROOT, 'out');
  fs.mkdirSync(out, { recursive: true });
  const rel = (p) => path.relative(process.cwd(), p) || '.';
  const args = [
    'compile', rel(examples),
    '--plan', rel(path.join(examples, 'ke-hoach.xlsx')),
    '-o', rel(path.join(out, 'tong-hop.xlsx')),
    '--json', rel(path.join(out, 'tong-hop.json')),
    '--docx', rel(path.join(out, 'bao-cao.docx')),
  ];
  console.log(`$ tonghop ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}\n`);
  const code = await main(args);
  if (code === 0) console.log(`\nMở ${rel(path.join(out, 'tong-hop.xlsx'))} để xem trang tổng hợp, Phụ lục, báo cáo TTCCHC-1 của huyện và trang Kiểm tra.`);
  process.exitCode = code;
}

run().catch((e) => {
  console.error('Lỗi không mong đợi: ' + (e && e.message ? e.message : String(e)));
  process.exitCode = 2;
});
