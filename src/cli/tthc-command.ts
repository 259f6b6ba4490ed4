/**
 * The one-stop export on the command line (docs/spec/TEMPLATE.md §12), self-contained so the
 * dispatcher only calls it:
 * - `tonghop tthc EXPORT… [--json FILE|-]`: the D figures read per unit, each with the
 *   cells it came from, and what could not be found (tthcCommand);
 * - `--tthc EXPORT` of `template --plan` (prefillWithTthc) and of `compile` (tthcFindings).
 * Reading and the rules are the core's (core/tthc/).
 */
import * as path from 'path';
import { SEVERITY_LABELS, sortForAttention, type Finding } from '../core/findings';
import type { UnitTemplate } from '../core/layout/plan-templates';
import type { CompileResult } from '../core/model';
import { formatNumber } from '../core/numbers';
import { compareWithExport } from '../core/tthc/compare';
import { DOSSIER_CODES, type DossierExport } from '../core/tthc/model';
import { notInExportWords, prefillSentence, prefillTemplates, unmatchedExportFinding } from '../core/tthc/prefill';
import { readDossierWorkbook } from '../core/tthc/read-export';
import { readErrorFinding, readXlsxFile } from '../xlsx/read-file';
import { UsageError, type ParsedArgs } from './args';
import { jsonTarget, tthcFiles } from './common-options';
import { OutputError } from './output-files';
import { guardAndWrite, protectedFiles } from './run-outputs';
import { findingLine, unitList } from './summary';

interface Out {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Every export file read; a file that cannot be read or holds no export is one error finding. */
export async function readTthcExports(files: readonly string[]): Promise<DossierExport[]> {
  const out: DossierExport[] = [];
  for (const file of files) {
    const name = path.basename(file);
    try {
      const grids = (await readXlsxFile(file)).map((g) => ({ ...g, file: name }));
      out.push(...readDossierWorkbook(grids, name));
    } catch (e) {
      const f = readErrorFinding(file, e);
      out.push({ file: name, sheet: '', layout: 'by-field', units: [], findings: [f] });
    }
  }
  return out;
}

/** The JSON of `tonghop tthc --json`: per export, per unit, the figures by code and where each came from. */
export function tthcJson(exports: readonly DossierExport[]): unknown {
  return exports.map((e) => ({
    file: e.file ?? null,
    sheet: e.sheet,
    layout: e.layout,
    span: e.span ?? null,
    asOf: e.asOf ?? null,
    units: e.units.map((u) => ({
      unit: u.unit,
      rows: u.rows,
      figures: Object.fromEntries(DOSSIER_CODES.filter((c) => u.figures[c]).map((c) => [c, u.figures[c]!.value])),
      sources: Object.fromEntries(DOSSIER_CODES.filter((c) => u.figures[c]).map((c) => [c, { from: u.figures[c]!.from, columns: u.figures[c]!.columns }])),
    })),
    findings: e.findings.map((f) => ({ severity: f.severity, rule: f.rule, unit: f.unit, file: f.file ?? null, sheet: f.sheet, cell: f.cell, message: f.message })),
  }));
}

const LAYOUT_NAMES: Record<DossierExport['layout'], string> = {
  'by-field': 'theo lĩnh vực, một đơn vị',
  'by-unit': 'mỗi đơn vị một dòng',
};

/** What `tonghop tthc` prints: per export and unit, each figure with the cells and columns it came from. */
export function tthcText(exports: readonly DossierExport[]): string {
  const lines: string[] = [];
  for (const e of exports) {
    if (!e.sheet) continue;
    lines.push(`${e.file ?? ''} › trang «${e.sheet}» (${LAYOUT_NAMES[e.layout]})${e.span ? `: ${e.span}` : ''}`);
    for (const u of e.units) {
      lines.push(`  ${u.unit || '(không rõ đơn vị)'} — ${u.rows}`);
      for (const code of DOSSIER_CODES) {
        const f = u.figures[code];
        lines.push(f
          ? `    ${code.padEnd(3)} = ${formatNumber(f.value).padStart(7)}   ${f.from}${f.columns.length ? `  (${f.columns.map((c) => `«${c}»`).join(f.from.includes('−') ? ' − ' : ' + ')})` : ''}`
          : `    ${code.padEnd(3)}   không tìm thấy`);
      }
    }
  }
  const findings = sortForAttention(exports.flatMap((e) => e.findings));
  if (findings.length) {
    lines.push('', `Cần lưu ý (${findings.length}):`);
    for (const f of findings) lines.push(`  ${findingLine(f)}`);
  }
  const units = exports.reduce((n, e) => n + e.units.length, 0);
  lines.push('', `Đã đọc ${exports.filter((e) => e.sheet).length} biểu, ${units} đơn vị.`);
  return lines.join('\n');
}

export async function tthcCommand(args: ParsedArgs, io: Out): Promise<number> {
  const files = args.positionals;
  if (!files.length) throw new UsageError('Cần chỉ ra tệp Excel xuất từ Hệ thống một cửa, ví dụ: tonghop tthc mot-cua.xlsx');
  const json = jsonTarget(args);
  const jsonOut = json && 'file' in json ? json.file : undefined;
  const exports = await readTthcExports(files);
  const readable = exports.some((e) => e.units.length > 0);
  if (json && 'stdout' in json) {
    io.out(JSON.stringify(tthcJson(exports), null, 2));
  } else {
    io.out(tthcText(exports));
    if (jsonOut) {
      try {
        guardAndWrite([{ path: jsonOut, data: JSON.stringify(tthcJson(exports), null, 2) + '\n' }], protectedFiles({ inputs: files }));
      } catch (e) {
        if (e instanceof OutputError) return (io.err(e.message), 1);
        throw e;
      }
      io.out(`Đã ghi ${jsonOut}.`);
    }
  }
  return readable ? 0 : 1;
}

/**
 * `compile … --tthc EXPORT`: the export's own findings, then one warning per difference
 * between a unit's D figures and the export's. Called after the compile, before the
 * outputs are laid out, so the warnings reach the findings sheet. None without `--tthc`.
 */
export async function tthcFindings(args: ParsedArgs, result: CompileResult): Promise<Finding[]> {
  const files = tthcFiles(args);
  if (!files.length) return [];
  const exports = await readTthcExports(files);
  return [...exports.flatMap((e) => e.findings), ...compareWithExport(result, exports)];
}

/**
 * `template --plan PLAN --tthc EXPORT -o DIR`: the plan's templates with each unit's dossier
 * block pre-filled; prints which units got figures, the plan's units the export has no row for
 * (their D block left blank, as the pane's «Tạo mẫu cho mọi đơn vị» lists them) and which
 * export rows matched none.
 * Without `--tthc` the templates as they are.
 */
export async function prefillWithTthc(args: ParsedArgs, templates: UnitTemplate[], io: Out, today = new Date()): Promise<UnitTemplate[]> {
  const files = tthcFiles(args);
  if (!files.length) return templates;
  const exports = await readTthcExports(files);
  const madeOn = today.toISOString().slice(0, 10);
  const out = prefillTemplates(templates, exports, madeOn);
  for (const f of sortForAttention(exports.flatMap((e) => e.findings))) io.err(findingLine(f));
  for (const u of out.unmatched) io.err(findingLine(unmatchedExportFinding(u)));
  io.out(prefillSentence(out, templates.length));
  if (out.notInExport.length) {
    const w = notInExportWords(out.notInExport.length);
    io.err(`[${SEVERITY_LABELS.warning}] ${w.title}, ${w.consequence}: ${unitList(out.notInExport)}.`);
  }
  return out.templates;
}
