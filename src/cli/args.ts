/**
 * A small argument parser: `-o x`, `--out=x`, `--flag`, positionals; unknown
 * options are an error with the nearest known option suggested. Hand-written
 * on purpose: no argument library is installed, and the command line needs
 * only this and Vietnamese messages (README.md, «Dòng lệnh»).
 */
import { didYouMean } from './suggest';

export interface OptionSpec {
  /** Long name without dashes. */
  name: string;
  /** One-letter alias without the dash. */
  alias?: string;
  /** Takes a value (`--plan ke-hoach.xlsx`); otherwise a flag. */
  value: boolean;
  /**
   * The value may be left out (`check x --json`): the next argument is taken
   * only when it matches `takes`, otherwise the value is `absent`.
   */
  optional?: { absent: string; takes: RegExp };
  /** May be given more than once (values collected). */
  repeat?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | boolean | string[]>;
}

/** A usage mistake; its message is shown to the user as is (Vietnamese). */
export class UsageError extends Error {
  /** A line printed under the message, such as «Có phải ý bạn là --output?». */
  readonly hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    if (hint) this.hint = hint;
  }
}

export function parseArgs(argv: string[], specs: OptionSpec[]): ParsedArgs {
  const byName = new Map<string, OptionSpec>();
  for (const s of specs) {
    byName.set(`--${s.name}`, s);
    if (s.alias) byName.set(`-${s.alias}`, s);
  }
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositionals || a === '-' || !a.startsWith('-')) {
      positionals.push(a);
      continue;
    }
    if (a === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const key = eq > 0 ? a.slice(0, eq) : a;
    const spec = byName.get(key);
    if (!spec) throw new UsageError(`Tùy chọn không hợp lệ: ${key}`, didYouMean(key, [...byName.keys()]));
    let value: string | boolean = true;
    if (spec.value && spec.optional) {
      if (eq > 0) value = a.slice(eq + 1);
      else if (i + 1 < argv.length && spec.optional.takes.test(argv[i + 1])) value = argv[++i];
      else value = spec.optional.absent;
    } else if (spec.value) {
      if (eq > 0) value = a.slice(eq + 1);
      else if (i + 1 < argv.length && (argv[i + 1] === '-' || !argv[i + 1].startsWith('-') || /^-\d/.test(argv[i + 1]))) value = argv[++i];
      else throw new UsageError(`Tùy chọn ${key} cần một giá trị.`);
    } else if (eq > 0) {
      throw new UsageError(`Tùy chọn ${key} không nhận giá trị.`);
    }
    if (spec.repeat) {
      const prev = options[spec.name];
      options[spec.name] = [...(Array.isArray(prev) ? prev : []), String(value)];
    } else {
      options[spec.name] = value;
    }
  }
  return { positionals, options };
}

export function stringOption(p: ParsedArgs, name: string): string | undefined {
  const v = p.options[name];
  if (v === undefined || typeof v === 'boolean') return undefined;
  return Array.isArray(v) ? v[v.length - 1] : v;
}

export function flag(p: ParsedArgs, name: string): boolean {
  return p.options[name] === true || (typeof p.options[name] === 'string');
}
