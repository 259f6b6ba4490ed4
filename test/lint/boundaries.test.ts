/**
 * The import boundaries of eslint.config.js hold: a deliberately broken
 * import fails `npm run lint` (and so `npm test` and CI), and the allowed
 * ones pass. Each probe is linted by the ESLint command line as if it were a
 * file at that path (`--stdin-filename`), with the repository's own config:
 * nothing is written into src/.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

interface Message { ruleId: string | null; severity: number; message: string }

/** ESLint's errors for `code` as the file `file` (relative to the repository). */
function lintAs(file: string, code: string): Message[] {
  const run = spawnSync(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', file], {
    cwd: ROOT, input: code, encoding: 'utf8', timeout: 60_000,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed (${run.status}): ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as { messages: Message[] }[];
  return result.messages.filter((m) => m.severity === 2);
}

const rules = (messages: Message[]) => messages.map((m) => m.ruleId);

describe('import boundaries (eslint.config.js)', () => {
  it('src/core may not import an adapter: ../xlsx/read fails the linter', () => {
    const errors = lintAs('src/core/probe.ts', "import { readXlsxBuffer } from '../xlsx/read';\nexport const r = readXlsxBuffer;\n");
    expect(rules(errors)).toEqual(['no-restricted-imports']);
    expect(errors[0].message).toContain('src/core là lõi thuần');
  });

  it.each([
    ['src/core/layout/probe.ts', "import { writeXlsx } from '../../xlsx/write';"],
    ['src/core/probe.ts', "import { mountPane } from '../taskpane/mount';"],
    ['src/core/probe.ts', "import { main } from '../cli/main';"],
    ['src/core/probe.ts', "import { buildReportDocx } from '../report/docx-report';"],
    ['src/core/probe.ts', "import * as fs from 'fs';"],
    ['src/core/probe.ts', "import * as path from 'node:path';"],
    ['src/core/probe.ts', "import * as XLSX from '@e965/xlsx';"],
    ['src/excel/probe.ts', "import { readXlsxBuffer } from '../xlsx/read';"],
    ['src/taskpane/probe.ts', "import { createFakeOffice } from '../../dev/fake-excel';"],
    ['src/xlsx/probe.ts', "import { makeUnitGrid } from '../../test/helpers/unit-grid';"],
  ])('%s: %s fails', (file, line) => {
    expect(rules(lintAs(file, `${line}\nexport const used = [${line.match(/\{ (\w+) \}|\* as (\w+)/)!.slice(1).find(Boolean)}];\n`)))
      .toEqual(['no-restricted-imports']);
  });

  it('a pane component may not import src/excel: only ports.ts, the pane\'s one door, may', () => {
    const errors = lintAs('src/taskpane/components/Probe.tsx', "import { HIGHLIGHT_FILLS } from '../../excel/highlight';\nexport const f = HIGHLIGHT_FILLS;\n");
    expect(rules(errors)).toEqual(['no-restricted-imports']);
    expect(errors[0].message).toContain('src/taskpane/ports.ts');
    expect(rules(lintAs('src/taskpane/features/probe.tsx', "import { selectCell } from '../../excel/highlight';\nexport const f = selectCell;\n"))).toEqual(['no-restricted-imports']);
    expect(rules(lintAs('src/taskpane/probe.ts', "import { readWorkbookGrids } from '../excel/read';\nexport const f = readWorkbookGrids;\n"))).toEqual(['no-restricted-imports']);
    expect(lintAs('src/taskpane/ports.ts', "import { readWorkbookGrids } from '../excel/read';\nexport const f = readWorkbookGrids;\n")).toEqual([]);
    expect(lintAs('src/taskpane/components/Probe.tsx', "import { HIGHLIGHT_FILLS } from '../ports';\nexport const f = HIGHLIGHT_FILLS;\n")).toEqual([]);
  });

  it('the page without Excel (src/app) may not import src/excel', () => {
    const errors = lintAs('src/app/Probe.tsx', "import { HIGHLIGHT_FILLS } from '../excel/highlight';\nexport const f = HIGHLIGHT_FILLS;\n");
    expect(rules(errors)).toEqual(['no-restricted-imports']);
    expect(errors[0].message).toContain('src/app');
    expect(lintAs('src/app/Probe.tsx', "import { fold } from '../core/text';\nexport const f = fold;\n")).toEqual([]);
  });

  it('src/core may not use the Office.js globals', () => {
    expect(rules(lintAs('src/core/probe.ts', 'export const n = () => Excel.run(async () => undefined);\n'))).toEqual(['no-restricted-globals']);
  });

  it('the allowed directions pass', () => {
    expect(lintAs('src/core/probe.ts', "import { readSheet } from './reader';\nexport const r = readSheet;\n")).toEqual([]);
    expect(lintAs('src/excel/probe.ts', "import type { SheetGrid } from '../core/grid';\nexport type G = SheetGrid;\n")).toEqual([]);
    expect(lintAs('src/taskpane/probe.ts', "import { readXlsxBuffer } from '../xlsx/read';\nexport const r = readXlsxBuffer;\n")).toEqual([]);
    expect(lintAs('dev/harness/probe.ts', "import { mountPane } from '../../src/taskpane/mount';\nexport const m = mountPane;\n")).toEqual([]);
    expect(lintAs('test/probe.test.ts', "import { createFakeOffice } from '../dev/fake-excel';\nexport const c = createFakeOffice;\n")).toEqual([]);
  });
});
