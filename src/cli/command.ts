/**
 * A command of `tonghop`, declared once: its name, its options, its help
 * and what it does. The parser (args.ts), the help (help.ts) and the
 * dispatch (main.ts) are all derived from the declarations listed in
 * commands/index.ts; adding a command is one file there and one line in
 * that list.
 */
import type { OptionSpec, ParsedArgs } from './args';
import type { Io } from './io';

/** One option: how it is parsed (args.ts) and how the help shows it. */
export interface OptionDecl extends OptionSpec {
  /** The value's placeholder in the help, e.g. `<tệp>` (omitted for a flag). */
  valueName?: string;
  /** What it does, in Vietnamese, for the help. */
  help: string;
}

export interface CommandDecl {
  /** `tonghop NAME …` */
  name: string;
  /** Usage lines, each printed after `tonghop `, e.g. `compile <tệp|thư mục>... -o tong-hop.xlsx [tùy chọn]`. */
  usage: string[];
  /** One line for the list of commands (`tonghop --help`). */
  summary: string;
  /** Paragraphs of the command's own help (`tonghop NAME --help`), after its usage. */
  description: string[];
  /** Its options; `-h, --help` is added to every command by main.ts. */
  options: OptionDecl[];
  run(args: ParsedArgs, io: Io): Promise<number>;
}
