#!/usr/bin/env node
/**
 * The floor the compile is held against (`npm run bench`): read every .xlsx
 * of a folder and inflate its worksheet and shared-string XML in one
 * process, with no parsing at all. No compiler can read the files faster
 * than this, so «≤ 3× the floor» says how much of the compile is our own
 * work. Self-contained on purpose (Node's zlib and a minimal reading of the
 * zip's central directory), so that a change in src/ cannot move the floor.
 *
 *   node scripts/bench-floor.js FOLDER     prints: files, inflated bytes
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const WANTED = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/;

function inflateSheets(buf) {
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return 0;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (!WANTED.test(name)) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    bytes += method === 8 ? zlib.inflateRawSync(data).length : data.length;
  }
  return bytes;
}

const folder = process.argv[2];
let files = 0;
let bytes = 0;
for (const name of fs.readdirSync(folder).sort()) {
  if (!name.endsWith('.xlsx')) continue;
  bytes += inflateSheets(fs.readFileSync(path.join(folder, name)));
  files++;
}
console.log(`${files} tệp, ${bytes} byte XML`);
