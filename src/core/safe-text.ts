/**
 * The one home of the control-character rule. Text from unit
 * sheets reaches the terminal, sheet names and file names; a C0 control
 * (but line feed), DEL or a C1 control (8-bit CSI, OSC…) in it could move
 * the cursor, retitle the window, or make an unreadable sheet or file name.
 * The CLI shows them escaped (src/cli/terminal-text.ts); names drop them.
 */

/** C0 controls but line feed, DEL, and the C1 controls. */
export const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/** Controls (line feed included: a name is one line) replaced by a space, for sheet and file names. */
export function withoutControlCharacters(s: string): string {
  return s.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ');
}
