/**
 * `tonghop`: the command line. Every message is Vietnamese; a problem the
 * user can fix is a message and an exit code (io.ts), never a stack trace.
 * The commands are declared once each under commands/ (command.ts); this
 * module finds the command, parses its options, prints its help and runs it.
 */
import type { CompileResult } from '../core/model';
import { UsageError, flag, parseArgs } from './args';
import type { CommandDecl } from './command';
import { COMMANDS } from './commands';
import { HELP_OPTION, commandHelp, overviewHelp } from './help';
import { CommandError, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type Io } from './io';
import { OutputError } from './output-files';
import { didYouMean } from './suggest';
import { terminalSafe, wrapText, wrapWidth } from './terminal-text';
import { versionText } from './version';

export { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type Io };

/** Every printed line made terminal-safe (unit text may hold `ESC[2K`…): done once here, so no producer has to remember. */
function safeIo(io: Io): Io {
  return {
    ...io,
    out: (s) => io.out(wrapText(terminalSafe(s), io.outWidth ?? null)),
    err: (s) => io.err(wrapText(terminalSafe(s), io.errWidth ?? null)),
  };
}

/** `tonghop check … | head`: a closed pipe ends the output quietly, not with a stack trace. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') === 0) {
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw e;
      });
    }
  }
}

const defaultIo = (): Io => ({
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  progressStream: process.stderr,
  outWidth: wrapWidth(process.stdout),
  errWidth: wrapWidth(process.stderr),
});

const HELP_WORDS = ['--help', '-h', 'help'];

/** The declared command named `name`; a mistyped name is a usage mistake with the nearest command suggested. */
function commandNamed(name: string): CommandDecl {
  const c = COMMANDS.find((d) => d.name === name);
  if (c) return c;
  const names = COMMANDS.map((d) => d.name);
  throw new UsageError(`Lệnh không hợp lệ: "${name}". Các lệnh: ${names.join(', ')}.`, didYouMean(name, names));
}

export async function main(argv: string[], io?: Io): Promise<number> {
  if (!io) {
    quietOnClosedPipe();
    io = defaultIo();
  }
  io = safeIo(io);
  let command: CommandDecl | undefined;
  try {
    const [name, ...rest] = argv;
    if (!name || HELP_WORDS.includes(name)) {
      // `tonghop help compile`: that command's help.
      if (name === 'help' && rest[0]) return (io.out(commandHelp(commandNamed(rest[0]), io.outWidth ?? null)), EXIT_OK);
      io.out(overviewHelp(COMMANDS, io.outWidth ?? null));
      return name ? EXIT_OK : EXIT_USAGE;
    }
    if (name === '--version' || name === '-V') return (io.out(versionText()), EXIT_OK);
    command = commandNamed(name);
    const args = parseArgs(rest, [...command.options, HELP_OPTION]);
    if (flag(args, 'help')) return (io.out(commandHelp(command, io.outWidth ?? null)), EXIT_OK);
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Lỗi cú pháp: ${e.message}`);
      if (e.hint) io.err(e.hint);
      io.err(`Xem hướng dẫn: tonghop ${command ? `${command.name} ` : ''}--help`);
      return EXIT_USAGE;
    }
    if (e instanceof CommandError || e instanceof OutputError) {
      io.err(e.message);
      return EXIT_FAILED;
    }
    io.err(`Lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT_FAILED;
  }
}

export type { CompileResult };
