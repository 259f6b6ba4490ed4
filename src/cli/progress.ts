/** A one-line progress bar on stderr while files are read; nothing when stderr is not a terminal. */

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const WIDTH = 30;
const EVERY_MS = 80;

export function progressBar(label: string, stream: NodeJS.WriteStream | null = process.stderr): Progress {
  if (!stream || !stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let shown = false;
  const draw = (done: number, total: number) => {
    const frac = total > 0 ? done / total : 1;
    const tail = ` ${done}/${total} tệp`;
    // The line must fit the terminal: a wrapped bar is redrawn on a new line at every update.
    const width = stream.columns ? Math.max(5, Math.min(WIDTH, stream.columns - 1 - [...label].length - 3 - tail.length)) : WIDTH;
    const full = Math.round(frac * width);
    stream.write(`\r${label} [${'█'.repeat(full)}${'░'.repeat(width - full)}]${tail}`);
    shown = true;
  };
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < EVERY_MS) return;
      last = now;
      draw(done, total);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
