/**
 * What a page of the shipped build downloads before it can draw ("first
 * load"), and the budget it must stay within. Used by `npm run bench`
 * (scripts/bench.js prints it beside the recorded figures) and by
 * test/build/production-build.test.ts (fails a build over budget).
 *
 * First load of a page = the page itself + every script it loads by a local
 * src (office.js comes from Microsoft's CDN and is cached by Office: not
 * counted). What the pane fetches later (the compile's worker, the .xlsx
 * reader and writer, the .docx report, the national list) is not first load.
 *
 * The budget of the task pane: a commune or district office on a provincial
 * line of 2 Mbit/s (250,000 bytes a second, often shared) should get the
 * pane's own code in about a second. 280 KiB compressed (gzip, as a web
 * server sends it) is 1.15 s at 2 Mbit/s; 880 KiB uncompressed bounds what a
 * slow office computer parses before the pane appears, and is 3.6 s on the
 * same line from a server that does not compress. Before the compile moved
 * to its worker and the national list to its own chunk the pane's first load
 * was 915 KiB (283 KiB gzip): over budget on both counts; after, 770 KiB (240 KiB gzip).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/** Bytes a page's first load may take (raw: as stored; gzip: level 9, each file alone, as sent). */
const BUDGETS = {
  'taskpane.html': { raw: 880 * 1024, gzip: 280 * 1024 },
};

/** The local scripts a page loads (`<script src="x.js">`, or `src=x.js` as the minified page writes it; not https://…), in order. */
function localScripts(html) {
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^[a-z]+:\/\//i.test(src) && !src.startsWith('//'));
}

/**
 * The first load of `page` in the built folder `dist`: its files (the page
 * and its local scripts) with their sizes, and the sums.
 */
function firstLoad(dist, page) {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const names = [page, ...localScripts(html).map((src) => decodeURIComponent(src.replace(/[?#].*$/, '')))];
  const files = names.map((name) => {
    const bytes = fs.readFileSync(path.join(dist, name));
    return { name, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  return { page, files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

/** `null` when within budget (or no budget), else a Vietnamese sentence saying by how much it is over. */
function overBudget(load) {
  const b = BUDGETS[load.page];
  if (!b) return null;
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
  const over = [];
  if (load.raw > b.raw) over.push(`${kib(load.raw)} > ${kib(b.raw)} chưa nén`);
  if (load.gzip > b.gzip) over.push(`${kib(load.gzip)} > ${kib(b.gzip)} gzip`);
  return over.length ? `${load.page} tải lần đầu vượt ngân sách: ${over.join(', ')}` : null;
}

module.exports = { BUDGETS, firstLoad, overBudget, localScripts };
