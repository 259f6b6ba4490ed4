#!/usr/bin/env node
/**
 * The page without Excel (dist/app.html): its size, and the time from
 * opening it from disk (file://, as an officer double-clicks it) to its
 * first render (the heading and the file pickers on screen), in Chromium.
 * Called by scripts/bench.js or on its own after `npm run build`:
 *
 *   node scripts/bench-app.js [dist/app.html] [--runs 5]
 *
 * Prints one line per figure; exits 1 when the page is missing.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function benchApp(file = path.join(__dirname, '..', 'dist', 'app.html'), runs = 5) {
  if (!fs.existsSync(file)) throw new Error(`Không thấy ${file}: hãy chạy npm run build trước.`);
  const bytes = fs.statSync(file).size;
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const times = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A new context each run: nothing cached from the run before, as on a first open.
      const context = await browser.newContext();
      const page = await context.newPage();
      const start = Date.now();
      await page.goto('file://' + path.resolve(file));
      await page.getByRole('button', { name: 'Tổng hợp', exact: true }).waitFor();
      times.push(Date.now() - start);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  return { bytes, firstRenderMs: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)], runs: times.length, allMs: times };
}

module.exports = { benchApp };

if (require.main === module) {
  const args = process.argv.slice(2);
  const r = args.indexOf('--runs');
  const runs = r >= 0 ? Number(args[r + 1]) : 5;
  const file = args.find((a, i) => !a.startsWith('--') && (r < 0 || i !== r + 1));
  benchApp(file && path.resolve(file), runs).then(
    (m) => {
      console.log(`app.html: ${m.bytes} byte (${(m.bytes / 1024 / 1024).toFixed(2)} MB), một tệp`);
      console.log(`app.html từ file:// tới lần vẽ đầu: ${m.firstRenderMs} ms (trung vị ${m.runs} lần: ${m.allMs.join(', ')} ms)`);
    },
    (e) => {
      console.error(e.message);
      process.exitCode = 1;
    },
  );
}
