/**
 * Worker thread: reads files from the pool's list, each time the next one no
 * thread has taken (the counter shared with read-pool.ts), and posts each
 * file's reads back; stops when none is left.
 */
import { parentPort, workerData } from 'worker_threads';
import { readFileSheets } from './read-one';
import type { ReadWorkerData, ReadWorkerMessage } from './read-pool';

async function readAll(port: NonNullable<typeof parentPort>, data: ReadWorkerData): Promise<void> {
  const counter = new Int32Array(data.next);
  for (;;) {
    const index = Atomics.add(counter, 0, 1);
    if (index >= data.files.length) return;
    let msg: ReadWorkerMessage;
    try {
      msg = { index, result: await readFileSheets(data.files[index]) };
    } catch (e) {
      msg = { index, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(msg);
  }
}

if (parentPort && workerData) void readAll(parentPort, workerData as ReadWorkerData);
