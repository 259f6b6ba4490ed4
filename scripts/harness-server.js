#!/usr/bin/env node
/**
 * Serves the built browser harness (dist/) on 127.0.0.1, with no
 * dependencies, so a person (or the end-to-end test) can drive the real task
 * pane on Microsoft's real Excel client and an in-memory workbook (dev/office-host).
 *
 *   npm run harness                 build, then serve on http://127.0.0.1:3001/
 *   HARNESS_PORT=4000 node scripts/harness-server.js
 *
 * `/` is the harness page. `/examples/` serves the example .xlsx files of the
 * repository and `/examples/index.json` lists them, so the harness can load
 * the example district at start.
 */
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.css': 'text/css; charset=utf-8',
};

/** Example workbooks, in a stable order (the plan first, then by name). */
function listExamples(dir) {
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.xlsx') && !f.startsWith('~$'));
  const isPlan = (f) => /ke[-_ ]?hoach|kế hoạch|plan/i.test(f.normalize('NFC'));
  return files.sort((a, b) => Number(isPlan(b)) - Number(isPlan(a)) || a.localeCompare(b));
}

/** Resolves a URL path inside `base`, or null when it would leave it. */
function inside(base, urlPath) {
  const p = path.normalize(path.join(base, decodeURIComponent(urlPath)));
  return p === base || p.startsWith(base + path.sep) ? p : null;
}

function start({ port = Number(process.env.HARNESS_PORT || process.env.PORT || 3001), dist = path.join(ROOT, 'dist'), examples = path.join(ROOT, 'examples') } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://127.0.0.1');
    let file = null;
    if (url.pathname === '/examples/index.json') {
      res.writeHead(200, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(listExamples(examples)));
      return;
    }
    if (url.pathname.startsWith('/examples/')) file = inside(examples, url.pathname.slice('/examples/'.length));
    else file = inside(dist, url.pathname === '/' ? 'harness.html' : url.pathname.slice(1));
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Không tìm thấy ${url.pathname}` + (fs.existsSync(dist) ? '' : ' (chưa build: chạy npm run harness)'));
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const url = `http://127.0.0.1:${address.port}/`;
      resolve({ url, server, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

module.exports = { start, listExamples };

if (require.main === module) {
  start()
    .then(({ url }) => console.log(`Harness Tổng hợp CCHC: ${url}  (Ctrl+C để dừng)`))
    .catch((e) => {
      console.error(`Không mở được máy chủ harness: ${e.message}`);
      process.exit(1);
    });
}
