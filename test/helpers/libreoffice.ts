/**
 * LibreOffice (headless) and poppler-utils for the tests that check how a
 * real office program lays out our files. Those tests FAIL with an install
 * hint when the programs are missing, unless SKIP_LIBREOFFICE=1 skips them.
 */
import { spawnSync } from 'child_process';
import { mkdirSync } from 'fs';
import { join } from 'path';

/** `test`, or `test.skip` when SKIP_LIBREOFFICE=1. */
export const withLibreOffice: jest.It = process.env.SKIP_LIBREOFFICE === '1' ? test.skip : test;

function onPath(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * The LibreOffice executable; throws how to install it (the `component`
 * package: libreoffice-calc-nogui, libreoffice-writer-nogui) when it or
 * poppler's `tools` are missing.
 */
export function requireLibreOffice(component: string, tools: string[]): string {
  const office = onPath('soffice') ?? onPath('libreoffice');
  if (!office || !tools.every(onPath)) {
    throw new Error(`LibreOffice and poppler-utils are needed for this test: apt-get install -y ${component} poppler-utils fonts-liberation `
      + '(or set SKIP_LIBREOFFICE=1 to skip it explicitly).');
  }
  return office;
}

/**
 * Converts `file` into `outdir` (`pdf`, `xlsx` …). Each work folder gets its
 * own profile: parallel runs must not share LibreOffice's profile lock.
 */
export function convertWithLibreOffice(office: string, file: string, to: string, outdir: string, workDir: string) {
  mkdirSync(outdir, { recursive: true });
  return spawnSync(office, [`-env:UserInstallation=file://${join(workDir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', outdir, file],
    { encoding: 'utf8', timeout: 180_000 });
}
