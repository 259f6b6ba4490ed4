/**
 * The limits of zip-limits.ts applied by inflating every part, before a
 * file is handed to SheetJS (read.ts), whose own inflater has none. A module
 * of its own so that fflate's inflater is loaded only on that path: the
 * command line's fast reader (fast-read.ts) inflates with Node's zlib, and
 * loading fflate cost every run a quarter of its module loading.
 */
import { Inflate } from 'fflate';
import { XlsxReadError } from './common';
import { InflateBudget, checkedZipDirectory, damaged, type ZipDirectory } from './zip-limits';

/** Small pushes: deflate expands at most ~1,000 times, so one push never makes more than a few MB. */
const PUSH = 4096;

/**
 * Inflates every deflated part in small pushes, counting, and stops at the
 * first byte past the limits: a bomb costs the time and memory of the limit,
 * not of the bomb. Used before SheetJS, whose own inflater has no limit.
 */
export function checkInflatedSizes(bytes: Uint8Array, dir: ZipDirectory, fileName: string): void {
  const budget = new InflateBudget(fileName);
  for (const e of dir.entries) {
    const data = bytes.subarray(e.dataStart, e.dataStart + e.compSize);
    if (e.method === 0) { budget.spend(e.name, data.length); continue; }
    if (e.method !== 8) continue;
    const allowance = budget.allowance();
    let n = 0;
    const inflater = new Inflate((chunk) => {
      n += chunk.length;
      if (n > allowance) throw budget.exceeded(e.name);
    });
    try {
      for (let i = 0; i < data.length; i += PUSH) inflater.push(data.subarray(i, Math.min(data.length, i + PUSH)), i + PUSH >= data.length);
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof XlsxReadError) throw err;
      // A damaged stream is refused here: SheetJS's own inflater may loop forever on one
      // (test/xlsx/protected-files.test.ts, a real workbook damaged at many places).
      throw damaged(fileName, `phần "${e.name}" bị hỏng`);
    }
    budget.spend(e.name, n);
  }
}

/**
 * Both checks, for a zip about to be handed to SheetJS. A zip without its end
 * record (a download cut short) is refused as damaged: SheetJS may loop
 * forever on one (test/xlsx/protected-files.test.ts).
 */
export function checkZipLimits(bytes: Uint8Array, fileName: string): void {
  const dir = checkedZipDirectory(bytes, fileName);
  if (!dir) throw damaged(fileName, 'tệp bị cắt ngắn, thiếu phần cuối của gói zip');
  checkInflatedSizes(bytes, dir, fileName);
}
