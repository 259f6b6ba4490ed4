/**
 * Text from unit sheets reaches the terminal in finding lines, unit names
 * and summaries. A name holding `ESC[1A ESC[2K` would move the cursor up
 * and erase the program's own error lines; `ESC]0;…BEL` would retitle the
 * window. Every line the command line prints passes through here (main.ts
 * wraps its Io once), so no producer has to remember it.
 */

import { CONTROL_CHARACTERS as CONTROL } from '../core/safe-text';

/** Each control character shown as a visible escape (`\x1B`), never sent raw; tabs become a space. */
export function terminalSafe(s: string): string {
  return s.replace(CONTROL, (c) => (c === '\t' ? ' ' : `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`));
}

/** True when `s` holds a character `terminalSafe` would escape. */
export function hasControlCharacters(s: string): boolean {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(s);
  CONTROL.lastIndex = 0;
  return found;
}

/**
 * Terminal width the command line wraps to (decided here, once): the
 * terminal's own columns when the stream is a terminal; no wrapping (null)
 * when it is a pipe or a file, where one finding per line is what `grep`
 * and a log want. Below 40 columns wrapping would hurt more than help.
 */
export function wrapWidth(stream: { isTTY?: boolean; columns?: number } | null | undefined): number | null {
  if (!stream?.isTTY || !stream.columns) return null;
  return stream.columns >= 40 ? stream.columns : null;
}

/** Columns a text takes: combining marks (a decomposed Vietnamese tone mark) take none. */
function columnsOf(s: string): number {
  let n = 0;
  for (const ch of s) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

/**
 * How far continuation lines are indented: under the text after the line's
 * own indent and its marker (`[Lỗi] `, `[Cảnh báo] `, `• `, `- `, `--option  `
 * columns of the help), so a wrapped finding reads as one block.
 */
function hangingIndent(line: string): number {
  // The help's option lines: under the description column (`  --plan <tệp>      tệp Kế hoạch…`).
  const option = /^( *-{1,2}\S.*?\S {2,})\S/u.exec(line);
  if (option) return columnsOf(option[1]);
  const m = /^( *)(\[[^\]]{1,20}\] |• |- |\d+\. )?/u.exec(line)!;
  return columnsOf(m[1]) + columnsOf(m[2] ?? '');
}

/**
 * One printed line wrapped to `width` columns at spaces, never inside a
 * word (a word longer than the line, such as a long path, is cut as a last
 * resort), continuation lines with a hanging indent (`hanging` columns when
 * given, else hangingIndent's). Null width: unchanged.
 */
export function wrapLine(line: string, width: number | null, hanging?: number): string {
  if (width === null || columnsOf(line) <= width) return line;
  const indent = Math.min(hanging ?? hangingIndent(line), Math.floor(width / 2));
  const pad = ' '.repeat(indent);
  const lead = /^ */.exec(line)![0];
  const words = line.slice(lead.length).split(/ +/).filter(Boolean);
  const out: string[] = [];
  let cur = lead;
  let curCols = columnsOf(lead);
  let fresh = true; // nothing but indentation on `cur` yet
  for (let word of words) {
    let w = columnsOf(word);
    if (!fresh && curCols + 1 + w > width) {
      out.push(cur);
      cur = pad;
      curCols = indent;
      fresh = true;
    }
    while (fresh && curCols + w > width) {
      // Only a word longer than a whole line is cut.
      const room = Math.max(1, width - curCols);
      const chars = [...word];
      out.push(cur + chars.slice(0, room).join(''));
      word = chars.slice(room).join('');
      w = columnsOf(word);
      cur = pad;
      curCols = indent;
    }
    if (!word) continue;
    cur += (fresh ? '' : ' ') + word;
    curCols += (fresh ? 0 : 1) + w;
    fresh = false;
  }
  if (!fresh || out.length === 0) out.push(cur);
  return out.join('\n');
}

/**
 * Every line of a printed text wrapped (wrapLine). JSON (`--json -`, a text
 * starting with `{` or `[`) is never wrapped: a string cut in two would no
 * longer parse.
 */
export function wrapText(text: string, width: number | null): string {
  if (width === null || /^[{[]/.test(text)) return text;
  return text.split('\n').map((l) => wrapLine(l, width)).join('\n');
}
