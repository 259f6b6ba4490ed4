/**
 * How many worker threads read the files when --workers is not given
 * (read-pool.ts defaultWorkerCount): from the machine's cores and the number
 * of files alone, so the same files on the same machine are always read the
 * same way.
 */
import { FILES_PER_WORKER, defaultWorkerCount } from '../../src/cli/read-pool';

describe('defaultWorkerCount', () => {
  it('reads many files on a 2-core machine in the main thread (a worker did not pay there: read-pool.ts), on 3 cores in two threads', () => {
    expect(defaultWorkerCount(1000, 2)).toBe(0);
    expect(defaultWorkerCount(400, 2)).toBe(0);
    expect(defaultWorkerCount(1000, 3)).toBe(1);
  });
  it('never starts a worker on one core, nor for a handful of files', () => {
    expect(defaultWorkerCount(1000, 1)).toBe(0);
    expect(defaultWorkerCount(FILES_PER_WORKER - 1, 8)).toBe(0);
    expect(defaultWorkerCount(0, 8)).toBe(0);
  });
  it('adds workers with cores as long as each has enough files, at most 8', () => {
    expect(defaultWorkerCount(1000, 4)).toBe(2);
    expect(defaultWorkerCount(2 * FILES_PER_WORKER, 16)).toBe(2);
    expect(defaultWorkerCount(100000, 64)).toBe(8);
  });
});
