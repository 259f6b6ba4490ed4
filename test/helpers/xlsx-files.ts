/** Real files on disk for the adapter and command-line tests. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../../src/core/grid';
import { writeXlsx } from '../../src/xlsx/write';
import { unitReportSheet, type UnitSheetSpec } from './unit-sheet';

/** A fresh temporary folder, removed by `cleanup()`. */
export function tempDir(prefix = 'tonghop-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * One grid as a one-sheet .xlsx, as a unit saves it (written by SheetJS, not by our writer): the files
 * the pane's and the adapter's tests pick, import and compile.
 */
export function gridXlsx(grid: SheetGrid, bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(grid.cells.map((r) => r.map((v) => (v === null || typeof v === 'object' ? undefined : v))));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, grid.sheet);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

/** One workbook holding one canonical unit sheet per spec. */
export async function unitWorkbook(...specs: UnitSheetSpec[]): Promise<Buffer> {
  return writeXlsx(specs.map(unitReportSheet));
}

export async function writeUnitFile(file: string, ...specs: UnitSheetSpec[]): Promise<string> {
  fs.writeFileSync(file, await unitWorkbook(...specs));
  return file;
}

/** A workbook built cell by cell with exceljs (formulas, errors, merges a writer of ours never makes). */
export async function exceljsWorkbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The container Excel writes for a password-protected .xlsx: an OLE compound
 * file holding `EncryptionInfo` and `EncryptedPackage` streams (the payload is
 * meaningless here; the reader must stop at the container).
 */
export function encryptedWorkbookBytes(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  // Agile encryption version header (4.4), then filler.
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0, ...Buffer.from('<encryption/>')]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 0x5a));
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

/** A real old-format (.xls, BIFF8) workbook, as SheetJS writes it. */
export function oldXlsBytes(): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Mã mẫu', 'TTCCHC-1']]), 'Sheet1');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xls' }) as Uint8Array);
}

/** A valid zip that is not a workbook, like a .docx renamed to .xlsx. */
export async function docxLikeZipBytes(): Promise<Buffer> {
  // exceljs depends on jszip; the test only needs any zip without xl/workbook.xml.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', '<?xml version="1.0"?><w:document/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** An .xlsx cut in half: what a failed download or a broken e-mail attachment gives. */
export function truncated(bytes: Buffer): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

/** Captures what a command prints, for `main(argv, io)`. */
export function captureIo(): { io: { out: (s: string) => void; err: (s: string) => void; progressStream: null }; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: (s) => out.push(s), err: (s) => err.push(s), progressStream: null },
    out: () => out.join('\n'),
    err: () => err.join('\n'),
  };
}

/**
 * The command line compiled to JavaScript (worker threads need a .js script,
 * and a child process runs it as a user would). Built once per test run into
 * test/artifacts/ (git-ignored), inside the repository so that node_modules resolve.
 */
export function buildCli(): string {
  const root = path.resolve(__dirname, '..', '..');
  const outDir = path.join(root, 'test', 'artifacts', `cli-build-${process.pid}`);
  if (!fs.existsSync(path.join(outDir, 'cli', 'main.js'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { spawnSync } = require('child_process') as typeof import('child_process');
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    // Type errors in files other helpers are editing must not stop the emit: only the output is checked.
    spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.cli.json'), '--outDir', outDir], { cwd: root, encoding: 'utf8' });
    if (!fs.existsSync(path.join(outDir, 'cli', 'main.js'))) throw new Error(`tsc did not emit ${outDir}/cli/main.js`);
  }
  return outDir;
}
