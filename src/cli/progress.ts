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
    const full = Math.round(frac * WIDTH);
    stream.write(`\r${label} [${'█'.repeat(full)}${'░'.repeat(WIDTH - full)}] ${done}/${total} tệp`);
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
