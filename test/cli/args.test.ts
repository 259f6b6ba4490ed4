import { parseArgs, stringOption, flag, UsageError } from '../../src/cli/args';

const SPECS = [
  { name: 'output', alias: 'o', value: true },
  { name: 'json', value: true },
  { name: 'quiet', alias: 'q', value: false },
  { name: 'plan', value: true, repeat: true },
];

describe('parseArgs', () => {
  it('reads positionals, -o x, --x=y, flags, "-" as a value and a positional, and -- before positionals', () => {
    const p = parseArgs(['a', '-o', 'out.xlsx', '--json=-', 'b', '-q', '--plan', 'k1.xlsx', '--plan', 'k2.xlsx', '--', '-c'], SPECS);
    expect(p.positionals).toEqual(['a', 'b', '-c']);
    expect(stringOption(p, 'output')).toBe('out.xlsx');
    expect(stringOption(p, 'json')).toBe('-');
    expect(flag(p, 'quiet')).toBe(true);
    expect(p.options.plan).toEqual(['k1.xlsx', 'k2.xlsx']);
    expect(stringOption(p, 'plan')).toBe('k2.xlsx');
    expect(parseArgs(['--json', '-'], SPECS).options.json).toBe('-');
  });

  it('refuses unknown options, a missing value and a value given to a flag, in Vietnamese', () => {
    expect(() => parseArgs(['--out', 'x'], SPECS)).toThrow(new UsageError('Tùy chọn không hợp lệ: --out'));
    expect(() => parseArgs(['-o'], SPECS)).toThrow(/cần một giá trị/);
    expect(() => parseArgs(['-o', '--quiet'], SPECS)).toThrow(/cần một giá trị/);
    expect(() => parseArgs(['--quiet=1'], SPECS)).toThrow(/không nhận giá trị/);
  });
});
