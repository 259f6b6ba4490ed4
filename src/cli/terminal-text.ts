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
