#!/usr/bin/env node
// Entry of `npx tonghop`: runs the compiled command line (built by `npm install` → `prepare`).
require('../lib/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error('Lỗi không mong đợi: ' + (err && err.message ? err.message : String(err))); process.exitCode = 2; },
);
