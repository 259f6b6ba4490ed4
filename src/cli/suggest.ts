/**
 * «Có phải ý bạn là …?»: the nearest known name to a mistyped command or
 * option, by edit distance (a swap of two letters counts as one edit) or as
 * the start of a longer name (`--out` for `--output`).
 */

/** Edits (insert, delete, replace, swap of neighbours) turning `a` into `b`. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known name closest to `typed`, or undefined when none is close enough to be what was meant. */
export function closest(typed: string, known: readonly string[]): string | undefined {
  const t = typed.toLowerCase();
  const bare = (s: string) => s.replace(/^-+/, '');
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const n = name.toLowerCase();
    // A name is "close" within a third of its length (at least one edit, at most three).
    const limit = Math.min(3, Math.max(1, Math.floor(bare(n).length / 3)));
    const d = bare(t).length >= 3 && bare(n).startsWith(bare(t)) && t.startsWith('-') === n.startsWith('-') ? 1 : distance(t, n);
    if (d <= limit && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

/** The sentence added under a usage mistake, or undefined. */
export function didYouMean(typed: string, known: readonly string[]): string | undefined {
  const near = closest(typed, known);
  return near === undefined ? undefined : `Có phải ý bạn là ${near}?`;
}
