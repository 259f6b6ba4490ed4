/** The short Vietnamese summary the command line prints after compiling or checking. */
import type { Finding } from '../core/findings';
import { SEVERITY_LABELS, findingParts, sortForAttention } from '../core/findings';
import { reportUsed } from '../core/cumulative';
import type { CompileResult } from '../core/model';
import { periodPhrase } from '../core/period-words';
import { reportsCounted, unitCount } from '../core/rollup';
import { namesAndRest } from '../core/unit-names';

/**
 * `tệp › 'Hương Lộc'!D14: message` (core/findings.ts findingParts). A finding
 * about the whole compile has no place; a file named like the unit the line
 * already names is not said twice (`UBND huyện A — UBND huyện A:`).
 */
function placeAndMessage(f: Finding): string {
  const { place, text } = findingParts(f);
  return place && !(!f.sheet && place === f.unit) ? `${place}: ${text}` : text;
}

export function findingLine(f: Finding): string {
  return `[${SEVERITY_LABELS[f.severity]}] ${f.unit ? `${f.unit} — ` : ''}${placeAndMessage(f)}`;
}


export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

/** Eight names, the rest counted (core/unit-names.ts namesAndRest: nine are said whole, never «và 1 đơn vị khác»). */
export const unitList = (names: readonly string[]): string => namesAndRest(names, 8);

/** A reason without its particulars (`(18919 Tân Thành (gửi lại).xlsx › …)`), so reports left out for the same reason are said together. */
function reasonKind(reason: string): string {
  let r = reason;
  for (let prev = ''; prev !== r;) { prev = r; r = r.replace(/\s*\([^()]*\)/g, ''); }
  return r.trim().replace(/[.:;,]+$/, '');
}


/**
 * What «Báo cáo được tính: N/M» counts, in words: one report per unit of the
 * period compiled (the newest copy when resent), or for a cumulative period the
 * sub-period reports a unit's figures were built from (core/cumulative.ts, spec §11:
 * the normal case, said in one line, not a warning per unit; each unit and its
 * reports are on the Kiểm tra sheet); reports with errors counted but their wrong
 * cells left out; then every report not counted, grouped by why (an older copy,
 * another period, the compiler's own output…), and the hidden sheets that were counted.
 */
export function countedExplained(result: CompileResult): string[] {
  if (result.reports.length === 0) return [];
  const period = periodPhrase(result.period, result.year);
  const built = (result.cumulative ?? []).filter((c) => c.built);
  const parts = [...new Set(built.flatMap((c) => c.parts.map((p) => p.period)))].join(', ');
  const lines = [`  Được tính: mỗi đơn vị một báo cáo ${period}${built.length ? ` hoặc các báo cáo ${parts} để lũy kế` : ''} (đơn vị gửi lại: bản mới nhất); báo cáo có lỗi vẫn được tính, trừ các ô có lỗi.`];
  if (built.length) {
    lines.push(`  ${built.length} đơn vị được lũy kế từ báo cáo ${parts} (${result.reports.filter((r) => r.cumulated).length} báo cáo), vì không gửi báo cáo ${period}; `
      + 'từng đơn vị và các báo cáo đã dùng: trang "Kiểm tra" của tệp tổng hợp.');
  }
  const groups = new Map<string, string[]>();
  for (const r of result.reports) {
    if (reportUsed(r)) continue;
    const kind = reasonKind(r.reason ?? 'Không rõ lý do');
    groups.set(kind, [...(groups.get(kind) ?? []), r.report.unit || r.report.source.sheet]);
  }
  const { counted, read } = reportsCounted(result);
  const left = read - counted;
  if (left) {
    lines.push(`  Không tính ${left} báo cáo:`);
    for (const [kind, units] of groups) lines.push(`  - ${units.length} báo cáo (${unitList(units)}): ${kind}.`);
  }
  const hidden = result.reports.filter((r) => r.counted && r.report.source.hidden).map((r) => r.report.unit);
  if (hidden.length) lines.push(`  ${hidden.length} báo cáo nằm ở trang ẩn vẫn được tính (không có bản hiện nào khác): ${unitList(hidden)}.`);
  return lines;
}

export interface SummaryInput {
  result: CompileResult;
  filesRead: number;
  sheetsRead: number;
  /** Output files written, with the sheets inside each (for the workbook). */
  written: { file: string; sheets?: string[] }[];
  /** How many findings to list (default 10). */
  topFindings?: number;
}

export function compileSummary(input: SummaryInput): string {
  const { result } = input;
  const lines: string[] = [];
  const { counted, read } = reportsCounted(result);
  const { errors, warnings } = countBySeverity(result.findings);
  lines.push(`Tổng hợp báo cáo tuyên truyền CCHC ${periodPhrase(result.period, result.year)}`);
  lines.push(`Đã đọc ${input.filesRead} tệp, ${input.sheetsRead} trang tính: ${result.reports.length} báo cáo đơn vị, ${result.plan ? '1 trang Kế hoạch, ' : ''}${result.skipped.length} trang khác bỏ qua.`);
  lines.push(`Báo cáo được tính: ${counted}/${read}. Lỗi: ${errors}. Cảnh báo: ${warnings}.`);
  lines.push(...countedExplained(result));
  for (const s of result.summaries) {
    const { expected, sent, late, missing, notCounted } = unitCount(s.children);
    let line = `• ${s.unit}: ${sent}/${expected} đơn vị đã nộp`;
    if (late.length) line += `, ${late.length} nộp muộn (${unitList(late)})`;
    if (notCounted.length) line += `, ${notCounted.length} không tính (${unitList(notCounted)})`;
    line += missing.length ? `; chưa nộp: ${unitList(missing)}.` : '.';
    lines.push(line);
  }
  for (const w of input.written) {
    lines.push(`Đã ghi ${w.file}${w.sheets?.length ? ` (${w.sheets.length} trang: ${w.sheets.join(', ')})` : ''}.`);
  }
  const top = input.topFindings ?? 10;
  if (result.findings.length) {
    lines.push(errors ? 'Các lỗi, cảnh báo cần xem trước:' : 'Các cảnh báo:');
    const sorted = sortForAttention(result.findings);
    for (const f of sorted.slice(0, top)) lines.push(`  ${findingLine(f)}`);
    if (sorted.length > top) lines.push(`  … và ${sorted.length - top} phát hiện khác (xem đủ ở trang "Kiểm tra" của tệp tổng hợp hoặc dùng lệnh check).`);
  }
  return lines.join('\n');
}

/** Heading of the findings that concern no single unit (reports of mixed periods…). */
const WHOLE_COMPILE = 'Chung cho cả đợt tổng hợp';

/** `tonghop check`: every finding, grouped by unit, errors first. */
export function checkReport(result: CompileResult, filesRead: number): string {
  const lines: string[] = [];
  const { errors, warnings } = countBySeverity(result.findings);
  lines.push(`Kiểm tra ${filesRead} tệp, ${result.reports.length} báo cáo đơn vị (${periodPhrase(result.period, result.year)}): ${errors} lỗi, ${warnings} cảnh báo.`);
  if (!result.findings.length) {
    lines.push('Không có lỗi hay cảnh báo nào.');
    return lines.join('\n');
  }
  const groups = new Map<string, Finding[]>();
  for (const f of sortForAttention(result.findings)) {
    const g = groups.get(f.unit);
    if (g) g.push(f);
    else groups.set(f.unit, [f]);
  }
  // Units with errors first, then by how many findings they have.
  const units = [...groups.entries()].sort((a, b) => {
    const ea = a[1].some((f) => f.severity === 'error') ? 0 : 1;
    const eb = b[1].some((f) => f.severity === 'error') ? 0 : 1;
    return ea - eb;
  });
  for (const [unit, fs] of units) {
    const c = countBySeverity(fs);
    lines.push('');
    lines.push(`${unit || WHOLE_COMPILE} (${c.errors} lỗi, ${c.warnings} cảnh báo)`);
    for (const f of fs) lines.push(`  [${SEVERITY_LABELS[f.severity]}] ${placeAndMessage(f)}`);
  }
  return lines.join('\n');
}
