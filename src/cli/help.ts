/**
 * The help, derived from the command declarations (command.ts): the list of
 * commands for `tonghop --help`, one command's usage, description and options
 * for `tonghop COMMAND --help`. Wrapped by terminal-text.ts like every
 * printed line; in a pipe it is wrapped to HELP_WIDTH, since help is prose
 * read by a person, not lines for `grep`.
 */
import type { CommandDecl, OptionDecl } from './command';
import { wrapLine, wrapText } from './terminal-text';

export const HELP_WIDTH = 80;

/** Every command's own help option. */
export const HELP_OPTION: OptionDecl = { name: 'help', alias: 'h', value: false, help: 'hiện hướng dẫn của lệnh này' };

const EXIT_CODES = 'Mã thoát: 0 đã chạy xong (kể cả khi báo cáo đơn vị có lỗi), 1 không chạy được (không có tệp đầu vào, không ghi được tệp kết quả), 2 sai cú pháp lệnh.';

/** `-o, --output <tệp>` */
function optionLabel(o: OptionDecl): string {
  return `${o.alias ? `-${o.alias}, ` : ''}--${o.name}${o.valueName ? ` ${o.valueName}` : ''}`;
}

/**
 * Option lines: the label, then its description in one column, wrapped within
 * that column (a label wider than the column puts its description on the next
 * line, in the column).
 */
function optionLines(options: OptionDecl[], width: number): string[] {
  const labels = options.map(optionLabel);
  const column = 2 + Math.min(24, Math.max(...labels.map((l) => l.length))) + 2;
  const pad = ' '.repeat(column);
  return options.flatMap((o, i) => {
    const text = wrapLine(o.help, width - column, 0).split('\n');
    const label = `  ${labels[i]}`;
    const first = label.length + 2 <= column ? [label.padEnd(column) + text[0]] : [label, pad + text[0]];
    return [...first, ...text.slice(1).map((t) => pad + t)];
  });
}

/** A usage line, its continuation under the command's arguments (after `  tonghop NAME `). */
function usageLine(c: CommandDecl, usage: string, width: number): string {
  const line = `  tonghop ${usage}`;
  return wrapLine(line, width, `  tonghop ${c.name} `.length);
}

/** `tonghop COMMAND --help`: that command only. */
export function commandHelp(c: CommandDecl, width: number | null): string {
  const options = [...c.options, HELP_OPTION];
  const text = [
    'Cách dùng:',
    ...c.usage.map((u) => usageLine(c, u, width ?? HELP_WIDTH)),
    '',
    ...c.description.flatMap((p, i) => (i ? ['', p] : [p])),
    '',
    'Tùy chọn:',
    ...optionLines(options, width ?? HELP_WIDTH),
  ].join('\n');
  return wrapText(text, width ?? HELP_WIDTH);
}

/** `tonghop --help`: what each command does, and how to get its own help. */
export function overviewHelp(commands: readonly CommandDecl[], width: number | null): string {
  const text = [
    'tonghop — Tổng hợp báo cáo công tác tuyên truyền cải cách hành chính (mẫu TTCCHC-1)',
    '',
    'Cách dùng: tonghop <lệnh> [tệp...] [tùy chọn]',
    '',
    'Các lệnh:',
    ...commands.flatMap((c) => [usageLine(c, c.usage[0], width ?? HELP_WIDTH), `      ${c.summary}`]),
    '',
    '  tonghop <lệnh> --help  hướng dẫn và mọi tùy chọn của một lệnh',
    '  tonghop --version      hiện số phiên bản',
    '',
    EXIT_CODES,
  ].join('\n');
  return wrapText(text, width ?? HELP_WIDTH);
}
