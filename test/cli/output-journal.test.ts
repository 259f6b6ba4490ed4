/**
 * A run's outputs land together or not at all even when the process is
 * killed between two renames (src/cli/output-files.ts journal): a real child
 * process writing three outputs is killed with SIGKILL right after the first
 * rename; the next run writing into that folder puts the old files back and
 * removes every temporary file and the journal.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { recoverInterruptedRuns, writeAllOrNone } from '../../src/cli/output-files';
import { buildCli, tempDir } from '../helpers/xlsx-files';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => { tmp = tempDir('tonghop-journal-'); });
afterEach(() => tmp.cleanup());

/** Runs writeAllOrNone in a child process that kills itself after rename number `killAfter`. */
function killedRun(lib: string, outputs: { path: string; data: string }[], killAfter: number): number | null {
  const script = `
    const { writeAllOrNone } = require(${JSON.stringify(path.join(lib, 'cli', 'output-files.js'))});
    writeAllOrNone(${JSON.stringify(outputs)}, { afterRename: (i) => { if (i === ${killAfter}) process.kill(process.pid, 'SIGKILL'); } });
  `;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return r.status;
}

describe('a run killed between renames', () => {
  it('leaves a journal; the next run rolls it back: the old files return, new and temporary files go', () => {
    const lib = buildCli();
    const dir = tmp.dir;
    const p = (n: string) => path.join(dir, n);
    fs.writeFileSync(p('tong-hop.xlsx'), 'old xlsx');
    fs.writeFileSync(p('tong-hop.json'), 'old json');
    // The .docx is new in this run: nothing was there before.
    const status = killedRun(lib, [
      { path: p('tong-hop.xlsx'), data: 'new xlsx' }, { path: p('tong-hop.json'), data: 'new json' }, { path: p('tong-hop.docx'), data: 'new docx' },
    ], 1);
    expect(status).toBeNull(); // killed by the signal
    // Half done, as the kill left it: the new .xlsx beside the old .json, and the run's leftovers.
    expect(fs.readFileSync(p('tong-hop.xlsx'), 'utf8')).toBe('new xlsx');
    expect(fs.readFileSync(p('tong-hop.json'), 'utf8')).toBe('old json');
    expect(fs.readdirSync(dir).some((f) => f.startsWith('.tonghop-journal.'))).toBe(true);

    // The next run into that folder (any outputs) first undoes the killed one.
    const notes = writeAllOrNone([{ path: p('khac.json'), data: '{}' }]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('bị ngắt giữa chừng');
    expect(fs.readFileSync(p('tong-hop.xlsx'), 'utf8')).toBe('old xlsx');
    expect(fs.readFileSync(p('tong-hop.json'), 'utf8')).toBe('old json');
    expect(fs.readdirSync(dir).sort()).toEqual(['khac.json', 'tong-hop.json', 'tong-hop.xlsx']);
  });

  it('killed after the last rename but before cleaning up: the outputs stay, the leftovers go', () => {
    const lib = buildCli();
    const p = (n: string) => path.join(tmp.dir, n);
    fs.writeFileSync(p('a.xlsx'), 'old a');
    expect(killedRun(lib, [{ path: p('a.xlsx'), data: 'new a' }, { path: p('b.json'), data: 'new b' }], 2)).toBeNull();
    // Still «renaming» in the journal: every output renamed, yet the run never said it was done, so it is rolled back.
    expect(recoverInterruptedRuns([tmp.dir])).toHaveLength(1);
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(['a.xlsx']);
    expect(fs.readFileSync(p('a.xlsx'), 'utf8')).toBe('old a');
    // Nothing more to do the second time.
    expect(recoverInterruptedRuns([tmp.dir])).toEqual([]);
  });

  it('a run that is still going (its process alive) is left alone', () => {
    const p = (n: string) => path.join(tmp.dir, n);
    const journal = p(`.tonghop-journal.${process.ppid}.abc123.json`);
    fs.writeFileSync(journal, JSON.stringify({ state: 'renaming', entries: [], journals: [journal] }));
    expect(recoverInterruptedRuns([tmp.dir])).toEqual([]);
    expect(fs.existsSync(journal)).toBe(true);
  });
});
