/**
 * The Excel layer and the pane use only what the manifest's minimum
 * ExcelApi set offers, except behind a requirement-set check.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MANIFEST_EXCEL_API, MIN_EXCEL_API } from '../../src/excel/api-sets';
import { apiUseFinder, compilerOptions, unguardedUses, type ApiUse } from './api-set-checker';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(abs, f));
}

describe('ExcelApi requirement sets', () => {
  const appFiles = [...sourceFiles('src/excel'), ...sourceFiles('src/taskpane')];
  const bad = path.join(__dirname, 'fixtures/api-use-bad.ts');
  const good = path.join(__dirname, 'fixtures/api-use-good.ts');
  let find: (files: string[]) => ApiUse[];
  beforeAll(() => {
    find = apiUseFinder([...appFiles, bad, good], compilerOptions(root));
  });
  const show = (uses: ApiUse[]) => uses.map((u) => `${u.member} ${u.version} line ${u.line}`).sort();

  it('manifest.xml asks for MANIFEST_EXCEL_API (1.1: Excel 2016 opens the pane), no more than the buttons need', () => {
    const manifest = path.join(root, 'manifest.xml');
    if (!fs.existsSync(manifest)) return; // the manifest test checks it exists
    const m = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"\s*\/>/.exec(fs.readFileSync(manifest, 'utf8'));
    expect(m?.[1]).toBe(MANIFEST_EXCEL_API);
    const minor = (v: string) => Number(v.split('.')[1]);
    expect(minor(MANIFEST_EXCEL_API)).toBeLessThanOrEqual(minor(MIN_EXCEL_API));
  });

  it('src/excel and src/taskpane use members above the minimum only behind isSetSupported', () => {
    const uses = find(appFiles);
    const byMember = new Map<string, string>();
    for (const u of uses) byMember.set(u.member, u.version);
    const table = [...byMember].sort(([a], [b]) => a.localeCompare(b)).map(([m, v]) => `${v.padEnd(5)} ${m}`);
    // The list a reviewer compares with the manifest.
    console.log(`Excel API members used (minimum ExcelApi ${MIN_EXCEL_API}):\n${table.join('\n')}`);
    expect(byMember.get('Worksheet.getUsedRangeOrNullObject')).toBe('1.4');
    expect(byMember.get('Range.values')).toBe('1.1');
    expect(unguardedUses(uses, MIN_EXCEL_API).map((u) => `${u.file}:${u.line} ${u.member} (${u.version})`)).toEqual([]);
  });

  it('catches members above the minimum without a guard, with a guard too low, or on the wrong branch', () => {
    expect(show(unguardedUses(find([bad]), MIN_EXCEL_API))).toEqual([
      'DataValidation.clear 1.8 line 10',
      'DataValidation.rule 1.8 line 22',
      'DataValidationRule.list 1.8 line 22',
      'ListDataValidation.inCellDropDown 1.8 line 22',
      'ListDataValidation.source 1.8 line 22',
      'Range.dataValidation 1.8 line 10',
      'Range.dataValidation 1.8 line 22',
      'Workbook.insertWorksheetsFromBase64 1.13 line 16',
      'Worksheet.freezePanes 1.7 line 5',
      'WorksheetFreezePanes.freezeRows 1.7 line 5',
    ]);
  });

  it('accepts guards in if, else-less early returns, ?: and Office.context.requirements', () => {
    const uses = find([good]);
    expect(uses.map((u) => u.member)).toEqual(expect.arrayContaining(['Worksheet.freezePanes', 'Workbook.insertWorksheetsFromBase64', 'Range.dataValidation', 'Worksheet.getUsedRangeOrNullObject']));
    expect(unguardedUses(uses, MIN_EXCEL_API)).toEqual([]);
  });
});
