/** Worker thread: reads the files the pool sends, one message per file, and posts the reads back. */
import { parentPort } from 'worker_threads';
import { readFileSheets } from './read-one';

interface Job { index: number; file: string }

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: Job) => {
    readFileSheets(job.file).then(
      (result) => port.postMessage({ index: job.index, result }),
      (e: unknown) => port.postMessage({ index: job.index, error: e instanceof Error ? e.message : String(e) }),
    );
  });
}
