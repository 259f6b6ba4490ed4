/**
 * The one-stop system's export in the pane (docs/spec/TEMPLATE.md §12), as the command
 * line's `--tthc` uses it (cli/tthc-command.ts): read from picked files for «Tạo mẫu cho
 * mọi đơn vị» (each unit's dossier block pre-filled) and for «Đối chiếu số liệu TTHC»
 * after a compile (one warning per difference). Reading and the rules are the core's
 * (core/tthc), loaded on demand through ports.ts.
 */
import type { Finding } from '../core/findings';
import type { DossierExport } from '../core/tthc/model';
import { PaneError, highlight, readPickedFiles, type CompileOutcome, type PickedFile, type SavedFills } from './actions';
import { templatesForAllUnits } from './plan-actions';
import type { TemplatesZip } from '../xlsx/templates-zip';
import * as ports from './ports';

export interface ExportsRead {
  /** Names of the files read. */
  files: string[];
  exports: DossierExport[];
  /** What the exports themselves call for attention (a column missing, a total row that differs…). */
  warnings: Finding[];
}

/**
 * Every picked export file read; a file that cannot be read, or holds no sheet like an
 * export, stops with a message naming it (the user asked for its figures: none is guessed).
 */
export async function readExportFiles(picked: readonly PickedFile[]): Promise<ExportsRead> {
  if (!picked.length) throw new PaneError('Chưa chọn tệp số liệu nào của Hệ thống một cửa.');
  const tthc = await ports.loadTthc();
  const exports: DossierExport[] = [];
  const refused: string[] = [];
  const files: string[] = [];
  for (const file of picked) {
    const { grids, problems } = await readPickedFiles([file]);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) {
      // The reader's messages name the file already; any other is given its name.
      refused.push(...errors.map((p) => (p.message.includes(file.name) ? p.message : `Tệp «${file.name}»: ${p.message}`)));
      continue;
    }
    if (!grids.length) continue; // an Excel lock file (~$…), passed over as everywhere
    files.push(file.name);
    const read = tthc.readExport(grids.map((g) => ({ ...g, file: file.name })), file.name);
    refused.push(...read.flatMap((e) => e.findings).filter((f) => f.severity === 'error').map((f) => f.message));
    exports.push(...read);
  }
  if (refused.length) throw new PaneError(`Không đọc được số liệu hồ sơ TTHC từ Hệ thống một cửa. ${refused.join(' ')}`);
  if (!files.length) throw new PaneError('Các tệp đã chọn chỉ là tệp khoá của Excel (tên bắt đầu bằng ~$): hãy chọn chính tệp xuất từ Hệ thống một cửa.');
  return { files, exports, warnings: exports.flatMap((e) => e.findings) };
}

/** What a pre-fill says (the command line's words): how many units got figures, and each export row of no unit. */
export interface PrefillWords {
  sentence: string;
  unmatched: string[];
  /** The plan's units the export lacks (core/tthc/prefill.ts notInExportWords). */
  notInExport: { title: string; consequence: string };
}

/** What «Tạo mẫu cho mọi đơn vị» made: the .zip, and with an export what the pre-fill read and says. */
export type TemplatesMade = Awaited<ReturnType<typeof templatesForAllUnits>> & { read?: ExportsRead; said?: PrefillWords };

/**
 * Tạo mẫu cho mọi đơn vị, with each unit's dossier block pre-filled when export files are given.
 * `make` builds the .zip from the exports read: the workbook's plan in the pane
 * (templatesForAllUnits), a picked plan file on the page without Excel (src/app/App.tsx).
 */
export async function templatesWithExport(picked: readonly PickedFile[], make: (exports?: readonly DossierExport[]) => Promise<TemplatesZip> = templatesForAllUnits): Promise<TemplatesMade> {
  if (!picked.length) return make();
  const read = await readExportFiles(picked);
  const z = await make(read.exports);
  const said = z.prefill ? (await ports.loadTthc()).prefillWords(z.prefill, z.names.length) : undefined;
  return { ...z, read, ...(said ? { said } : {}) };
}

/**
 * A finding about the export file itself: no cell of the workbook to go to (the findings list
 * shows it as plain text), its place in the export kept in the words.
 */
function inExportFile(f: Finding): Finding {
  const place = f.sheet && f.cell && !f.message.includes(f.cell) ? ` (trang «${f.sheet}», ô ${f.cell})` : '';
  return { ...f, sheet: '', cell: '', message: place ? f.message.replace(/\.?$/, `${place}.`) : f.message };
}

/** What «Đối chiếu số liệu TTHC» found. */
export interface TthcComparison {
  files: string[];
  /** One warning per D figure that differs, at the unit's own cell (core/tthc/compare.ts). */
  differences: Finding[];
  /** Export rows naming no unit of the plan's roster (not compared). */
  notInRoster: Finding[];
  /** The exports' own warnings. */
  exportWarnings: Finding[];
  /** Counted reports whose unit the export has a row for. */
  compared: number;
  /** Counted reports whose unit the export has no row for. */
  notInExport: string[];
  /** Cells coloured in the workbook, and the sheets that could not be (none when the reports are not in the workbook). */
  coloured: number;
  skipped: string[];
  saved: SavedFills;
}

/**
 * Compares the compile's counted reports with the picked export files; when the reports
 * are the workbook's own sheets, the cells that differ are coloured (warning fill) as
 * Tô màu does, their own fills kept for Xoá tô màu.
 */
export async function compareWithExportFiles(outcome: CompileOutcome, picked: readonly PickedFile[], saved: SavedFills = new Map()): Promise<TthcComparison> {
  const read = await readExportFiles(picked);
  const c = (await ports.loadTthc()).compare(outcome.result, read.exports);
  const differences = c.findings.filter((f) => f.rule === 'tthc.differs');
  const inWorkbook = outcome.action !== 'compileFiles';
  const toColour = inWorkbook ? differences.filter((f) => f.sheet && f.cell) : [];
  const h = toColour.length ? await highlight(toColour, saved) : { cells: 0, skipped: [], saved };
  return {
    files: read.files,
    differences,
    notInRoster: c.findings.filter((f) => f.rule !== 'tthc.differs').map(inExportFile),
    exportWarnings: read.warnings.map(inExportFile),
    compared: c.compared,
    notInExport: c.notInExport,
    coloured: h.cells,
    skipped: h.skipped,
    saved: h.saved,
  };
}
