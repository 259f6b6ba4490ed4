/**
 * The narrative Báo cáo as a .docx, laid out by NĐ 30/2020 Phụ lục I
 * (docs/spec/ND30-REPORT.md). Works in Node and in the browser:
 * it returns bytes, the caller saves or downloads them.
 */
import { communesPhrase } from '../core/periods';
import {
  AlignmentType, BorderStyle, Document, Header, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph,
  SectionType, ShadingType, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign,
  WidthType, type ISectionOptions,
} from 'docx';
import { MARK, STATUS_LATE, STATUS_MISSING, STATUS_ON_TIME, TASK_HEADERS } from '../core/template';
import { reportingUnits } from '../core/rollup';
import { unitKey } from '../core/unit-names';
import { shortTaskNote } from '../core/task-note';
import { FINDINGS_SHEET_NAME } from '../core/layout/names';
import { formatDocDateVi, formatIsoDateShort, formatPlaceDateVi, parseIsoDate, twoDigits, upperVi } from './format';
import { areaWord, documentCode, headerNames } from './names';
import { NAME_PLACEHOLDER, signerLines, type Signer } from './signer';
import { periodPhrase } from '../core/period-words';
import { fullUnitName, isPeopleCommittee, withoutCommitteePrefix } from '../core/unit-names';
import { appendixNames, narrativeBlocks, subjectLine, type Block } from './narrative';
import type { CompileResult } from '../core/model';
import { fromCompileResult, type ReportData } from './report-data';

// ---------------------------------------------------------------- page and type (twips, half-points)

/** A4 portrait in twips. */
export const PAGE = { width: 11906, height: 16838 } as const;
/** Top/bottom 20 mm, left 30 mm, right 15 mm (NĐ 30: 20–25, 20–25, 30–35, 15–20). */
export const MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567, footer: 567 } as const;
export const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;

export const FONT = 'Times New Roman';
/** Sizes in half-points: body 14 pt, header names 13 pt, Nơi nhận 12/11 pt, tables 12 pt. */
export const SIZES = { body: 28, headerName: 26, number: 26, recipientsTitle: 24, recipients: 22, table: 24, note: 24 } as const;
/** First-line indent 1 cm, 6 pt after, 1.2 lines. */
export const BODY_PARAGRAPH = { firstLine: 567, after: 120, line: 288 } as const;

const NOTE_TITLE = 'GHI CHÚ CHO CÁN BỘ TỔNG HỢP – XOÁ TRƯỚC KHI KÝ';
/** How many open errors the officer's note lists before "…". */
const NOTE_MAX_ERRORS = 10;

// ---------------------------------------------------------------- small builders

/**
 * Text as Word accepts it: control characters that XML 1.0 forbids (a stray
 * \u0001 or a vertical tab pasted from Excel) would make Word refuse the whole
 * file, so they become spaces.
 */
export function wordSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\t]/g, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

export const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text: wordSafe(text), bold: o.bold, italics: o.italics, size: o.size ?? SIZES.body, font: FONT });

export function centred(text: string, o: { bold?: boolean; italics?: boolean; size?: number; before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: o.before ?? 0, after: o.after ?? 0 },
    children: [run(text, o)],
  });
}

/** Rough printed width of a text in Times New Roman (twips): enough to size the short rules. */
export function estimateTextWidth(text: string, sizeHalfPts: number, bold = false): number {
  const em = sizeHalfPts * 10;
  let w = 0;
  for (const ch of text) {
    if (ch === ' ') w += 0.25;
    else if (ch !== ch.toLocaleLowerCase('vi-VN')) w += 0.7;
    else if (/[\p{L}\p{N}]/u.test(ch)) w += 0.48;
    else w += 0.33;
  }
  return Math.round(w * em * (bold ? 1.06 : 1));
}

/** A solid rule `length` twips long, centred in a box `boxWidth` wide (a paragraph with a bottom border). */
export function rule(length: number, boxWidth: number): Paragraph {
  const side = Math.max(0, Math.round((boxWidth - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    // A 2 pt paragraph mark keeps the rule close under the text without crossing it.
    spacing: { before: 0, after: 60 },
    run: { size: 4 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

export function bodyParagraph(text: string, o: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext: o.keepNext,
    indent: { firstLine: BODY_PARAGRAPH.firstLine },
    spacing: { before: 0, after: BODY_PARAGRAPH.after, line: BODY_PARAGRAPH.line, lineRule: LineRuleType.AUTO },
    children: [run(text, o)],
  });
}

/** A bold heading kept with the paragraph after it; sections get space above, sub-sections none. */
function headingParagraph(text: string, before: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY_PARAGRAPH.firstLine },
    keepNext: true,
    spacing: { before, after: BODY_PARAGRAPH.after, line: BODY_PARAGRAPH.line, lineRule: LineRuleType.AUTO },
    children: [run(text, { bold: true })],
  });
}

function blockParagraph(b: Block): Paragraph {
  switch (b.kind) {
    case 'heading': return headingParagraph(b.text, 120);
    case 'subheading': return headingParagraph(b.text, 0);
    default: return bodyParagraph(b.text);
  }
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

/** A borderless layout table; its rows never split across pages (a signer's name must not sit alone on the next page). */
export function borderlessTable(widths: number[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map((cells) => new TableRow({
      cantSplit: true,
      children: cells.map((children, i) => new TableCell({
        width: { size: widths[i], type: WidthType.DXA },
        borders: NO_BORDERS,
        children: children.length ? children : [new Paragraph({ children: [] })],
      })),
    })),
  });
}

// ---------------------------------------------------------------- parts of the document

const dateParts = (d: ReportData) => parseIsoDate(d.date) ?? { year: d.year, month: 1, day: 1 };

/** `Số:      /BC-UBND`: the number is left blank for the office to fill when the report is signed. */
export function numberLine(d: ReportData): string {
  return `Số:        /BC-${documentCode(d.unit)}`;
}

/** The shaded note after the signature: who did not report, who was late, the open errors. Never silently left out. */
function officerNote(d: ReportData): Table {
  const lines: Paragraph[] = [];
  const p = (text: string, bold = false) => new Paragraph({
    spacing: { before: 0, after: 60 },
    children: [run(text, { bold, size: SIZES.note })],
  });
  lines.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 60 }, children: [run(NOTE_TITLE, { bold: true, size: SIZES.note })] }));
  lines.push(p(d.missingUnits.length
    ? `Chưa nộp (${d.missingUnits.length} đơn vị): ${d.missingUnits.join('; ')}.`
    : 'Chưa nộp: không có, tất cả đơn vị đã gửi báo cáo.'));
  lines.push(p(d.lateUnits.length
    ? `Nộp muộn (${d.lateUnits.length} đơn vị): ${d.lateUnits.join('; ')}.`
    : 'Nộp muộn: không có.'));
  if (d.errorCount) {
    lines.push(p(`Lỗi chưa sửa: ${d.errorCount} lỗi (số liệu có lỗi không được tính hoặc cần kiểm tra lại trước khi ký). Các lỗi đầu tiên:`));
    for (const e of d.errors.slice(0, NOTE_MAX_ERRORS)) lines.push(p(`- ${e.unit}${e.ref ? ` (${e.ref})` : ''}: ${e.message}`));
    if (d.errors.length > NOTE_MAX_ERRORS) lines.push(p(`- … và ${d.errors.length - NOTE_MAX_ERRORS} lỗi khác (xem trang "${FINDINGS_SHEET_NAME}" của sổ tổng hợp).`));
  } else {
    lines.push(p('Lỗi chưa sửa: không có.'));
  }
  if (d.warningCount) lines.push(p(`Cảnh báo: ${d.warningCount} (xem trang "${FINDINGS_SHEET_NAME}" của sổ tổng hợp).`));
  if (d.previous && !d.previous.ref) {
    lines.push(p(`Số liệu kỳ so sánh (${periodPhrase(d.previous.period, d.previous.year)}) không phải kỳ trước kỳ báo cáo: báo cáo không so sánh.`));
  }
  if (d.previousNote) lines.push(p(d.previousNote));
  lines.push(p(signerLines(d.unit, d.level, d.signer).name === NAME_PLACEHOLDER
    ? 'Số và ngày văn bản: điền khi ký ban hành; họ tên người ký: điền trước khi trình ký.'
    : 'Số và ngày văn bản: điền khi ký ban hành.'));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    rows: [new TableRow({
      cantSplit: true,
      children: [new TableCell({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF2CC' },
        borders: {
          top: { style: BorderStyle.SINGLE, size: 8, color: 'C00000' },
          bottom: { style: BorderStyle.SINGLE, size: 8, color: 'C00000' },
          left: { style: BorderStyle.SINGLE, size: 8, color: 'C00000' },
          right: { style: BorderStyle.SINGLE, size: 8, color: 'C00000' },
        },
        margins: { top: 80, bottom: 80, left: 120, right: 120 },
        children: lines,
      })],
    })],
  });
}

const HEADER_WIDTHS = [3600, TEXT_WIDTH - 3600];
const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** What the head of any of our documents (report, letters) says. */
export interface DocumentHead {
  /** The issuing unit and its parent body. */
  unit: string;
  parentBody?: string;
  place: string;
  date: { year: number; month: number; day: number };
  /** `Số:        /BC-UBND`. */
  number: string;
  /** A công văn's trích yếu (`V/v …`), under the number (NĐ 30 Phụ lục I). */
  about?: string;
}

/** Left: the issuing body and `Số:`; right: Quốc hiệu, Tiêu ngữ, place and date. Two rows so `Số` and the date share a line. */
function headerTable(d: ReportData): Table {
  return documentHeadTable({ unit: d.unit, parentBody: d.parentBody, place: d.place, date: dateParts(d), number: numberLine(d) });
}

export function documentHeadTable(d: DocumentHead): Table {
  const names = headerNames(d.unit, d.parentBody);
  const left: Paragraph[] = [];
  if (names.parentLine) left.push(centred(names.parentLine, { size: SIZES.headerName }));
  for (const l of names.bodyLines) left.push(centred(l, { bold: true, size: SIZES.headerName }));
  const longest = Math.max(...names.bodyLines.map((l) => estimateTextWidth(l, SIZES.headerName, true)));
  left.push(rule(Math.max(600, Math.round(longest / 2.5)), HEADER_WIDTHS[0] - 216));

  const right: Paragraph[] = [
    centred(QUOC_HIEU, { bold: true, size: SIZES.headerName }),
    centred(TIEU_NGU, { bold: true, size: SIZES.body }),
    rule(estimateTextWidth(TIEU_NGU, SIZES.body, true), HEADER_WIDTHS[1] - 216),
  ];
  const number = [centred(d.number, { size: SIZES.number, before: 120 })];
  if (d.about) number.push(centred(d.about, { size: SIZES.number, before: 60 }));
  const dateLine = [centred(formatPlaceDateVi(d.place, d.date), { italics: true, size: SIZES.body, before: 120 })];
  return borderlessTable(HEADER_WIDTHS, [[left, right], [number, dateLine]]);
}

function titleBlock(d: ReportData): Paragraph[] {
  const subject = subjectLine(d);
  const out = [
    centred('BÁO CÁO', { bold: true, before: 360 }),
    centred(subject, { bold: true }),
    rule(Math.max(1200, Math.round(Math.min(TEXT_WIDTH, estimateTextWidth(subject, SIZES.body, true)) / 3)), TEXT_WIDTH),
  ];
  if (d.parentBody) out.push(centred(`Kính gửi: ${fullUnitName(d.parentBody)}.`, { before: 240, after: 240 }));
  else out.push(new Paragraph({ spacing: { after: 240 }, children: [] }));
  return out;
}

function recipients(d: ReportData): string[] {
  const list: string[] = [];
  if (d.parentBody) list.push('Như trên');
  if (isPeopleCommittee(d.unit)) list.push(`Chủ tịch, các PCT UBND ${areaWord(d.unit)}`);
  const levels = new Set(d.children.filter((c) => !c.isSelf).map((c) => c.level));
  if (levels.has('Phòng, ban')) list.push(`Các phòng, ban thuộc UBND ${areaWord(d.unit)}`);
  if (levels.has('Sở, ngành')) list.push('Các sở, ban, ngành');
  if (levels.has('Huyện')) list.push('UBND các huyện, thị xã, thành phố');
  if (levels.has('Xã')) list.push(`UBND ${communesPhrase(d.period, d.year, d.children.filter((c) => !c.isSelf && c.level === 'Xã').map((c) => c.unit))}`);
  if (list.length === 0) list.push('Các cơ quan, đơn vị liên quan');
  const lines = list.map((x) => `- ${x};`);
  lines.push(isPeopleCommittee(d.unit) ? '- Lưu: VT, VP.' : '- Lưu: VT.');
  return lines;
}

/** Nơi nhận (left) beside the signer's titles and name (right). */
function signatureTable(d: ReportData): Table {
  return signatureBlock(d.unit, d.level, recipients(d), d.signer);
}

/** Nơi nhận (`- …;` lines, the last `- Lưu: VT….`) beside the signer of `unit`. */
export function signatureBlock(unit: string, level: ReportData['level'], recipientLines: string[], signer?: Signer): Table {
  const who = signerLines(unit, level, signer);
  const widths = [4300, TEXT_WIDTH - 4300];
  const left = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { bold: true, italics: true, size: SIZES.recipientsTitle })] }),
    ...recipientLines.map((r) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(r, { size: SIZES.recipients })] })),
  ];
  const right = [
    ...who.titles.map((t) => centred(t, { bold: true })),
    ...[0, 1, 2, 3].map(() => new Paragraph({ children: [] })),
    centred(who.name, { bold: true }),
  ];
  return borderlessTable(widths, [[left, right]]);
}

/** The Phụ lục of tasks is landscape: its six columns get room, so a long note reads as lines, not a tall narrow column. */
const LANDSCAPE_TEXT_WIDTH = PAGE.height - MARGINS.left - MARGINS.right;
/** Column widths of the Phụ lục table: STT | Nội dung | Kết quả | Hoàn thành | Chưa hoàn thành | Ghi chú. */
const APPENDIX_WIDTHS = [650, 4100, 2700, 1050, 1150, LANDSCAPE_TEXT_WIDTH - 650 - 4100 - 2700 - 1050 - 1150];
/** The units' Phụ lục (portrait): STT | Đơn vị | Số, ngày văn bản | Ngày gửi | Tình trạng. */
const UNITS_WIDTHS = [600, 2800, 3400, 1300, TEXT_WIDTH - 600 - 2800 - 3400 - 1300];

function appendixCell(text: string, width: number, o: { bold?: boolean; centre?: boolean } = {}): TableCell {
  const lines = text.split(/\r?\n|\r|\u000B/);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: lines.map((l) => new Paragraph({
      alignment: o.centre ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { before: 0, after: 0 },
      children: [run(l, { bold: o.bold, size: SIZES.table })],
    })),
  });
}

/** `Tổng số: 08 nhiệm vụ./.` */
export function taskTotalLine(n: number): string {
  return `Tổng số: ${twoDigits(n)} nhiệm vụ./.`;
}

/** The appendix's three title lines: `Phụ lục I`, its subject in capitals, `(Kèm theo Báo cáo số … của …)`. */
function appendixTitle(d: ReportData, name: string, subject: string): Paragraph[] {
  return [
    centred(name, { bold: true }),
    centred(upperVi(subject), { bold: true, before: 60 }),
    centred(`(Kèm theo Báo cáo số        /BC-${documentCode(d.unit)} ${formatDocDateVi(dateParts(d))} của ${d.unit})`, { italics: true, before: 60, after: 240 }),
  ];
}

/** A bordered table whose header row repeats on each page and whose rows never split. */
function gridTable(widths: number[], header: string[], rows: { text: string; centre?: boolean }[][]): Table {
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: header.map((t, i) => appendixCell(t, widths[i], { bold: true, centre: true })),
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [headerRow, ...rows.map((cells) => new TableRow({
      cantSplit: true,
      children: cells.map((c, i) => appendixCell(c.text, widths[i], { centre: c.centre })),
    }))],
  });
}

function tasksAppendix(d: ReportData, name: string): (Paragraph | Table)[] {
  const areaName = withoutCommitteePrefix(d.unit);
  const h = TASK_HEADERS;
  return [
    ...appendixTitle(d, name, `Nhiệm vụ tuyên truyền cải cách hành chính nhà nước trên địa bàn ${areaName} ${periodPhrase(d.period, d.year)}`),
    gridTable(APPENDIX_WIDTHS, [h.stt, h.name, h.result, h.done, h.notDone, h.note], d.tasks.map((t) => [
      { text: String(t.stt), centre: true },
      { text: t.name },
      { text: t.result },
      { text: t.complete === true ? MARK : '', centre: true },
      { text: t.complete === false ? MARK : '', centre: true },
      { text: shortTaskNote(t.note) },
    ])),
    new Paragraph({ spacing: { before: 120 }, children: [run(taskTotalLine(d.tasks.length))] }),
  ];
}

/** How the units' Phụ lục words a child's status. */
const STATUS_WORDS: Record<string, string> = { [STATUS_ON_TIME]: 'Đúng hạn', [STATUS_LATE]: 'Muộn', [STATUS_MISSING]: 'Chưa gửi' };

/** Every unit the body counts («80/82 đơn vị»), with its report's number and date and when it came. */
function unitsAppendix(d: ReportData, name: string): (Paragraph | Table)[] {
  const units = reportingUnits(d.children);
  const docs = new Map(d.documents.map((x) => [unitKey(x.unit), x.docRef.trim()]));
  return [
    ...appendixTitle(d, name, `Danh sách đơn vị gửi báo cáo ${periodPhrase(d.period, d.year)}`),
    gridTable(UNITS_WIDTHS, ['STT', 'Đơn vị', 'Số, ngày văn bản', 'Ngày gửi', 'Tình trạng'], units.map((c, i) => [
      { text: String(i + 1), centre: true },
      { text: c.unit },
      { text: c.status === STATUS_MISSING ? '' : docs.get(unitKey(c.unit)) ?? '' },
      { text: c.sentDate && c.status !== STATUS_MISSING ? formatIsoDateShort(c.sentDate) : '', centre: true },
      { text: STATUS_WORDS[c.status] ?? c.status, centre: true },
    ])),
    new Paragraph({ spacing: { before: 120 }, children: [run(`Tổng số: ${twoDigits(units.length)} đơn vị./.`)] }),
  ];
}

/** Page numbers centred in the top margin, not on a section's first page. */
export function headers() {
  return {
    first: new Header({ children: [new Paragraph({ children: [] })] }),
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZES.body, font: FONT })] })],
    }),
  };
}

export function sectionPage(startAtOne: boolean, landscape = false): ISectionOptions['properties'] {
  return {
    titlePage: true,
    page: {
      // docx swaps width and height for a landscape page.
      size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { ...MARGINS },
      ...(startAtOne ? { pageNumbers: { start: 1 } } : {}),
    },
  };
}

/** The docx Document (exposed for tests and for callers that want to add to it). */
export function buildReportDocument(d: ReportData): Document {
  const blocks = narrativeBlocks(d);
  const body: (Paragraph | Table)[] = [
    headerTable(d),
    ...titleBlock(d),
    ...blocks.slice(0, -1).map(blockParagraph),
    // The closing sentence stays on the page of the signature.
    bodyParagraph(blocks[blocks.length - 1].text, { keepNext: true }),
    new Paragraph({ spacing: { after: 120 }, keepNext: true, children: [] }),
    signatureTable(d),
    // The officer's note comes after the signature: above the header it pushed the title down the page.
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    officerNote(d),
  ];
  const sections: ISectionOptions[] = [{ properties: sectionPage(false), headers: headers(), children: body }];
  const names = appendixNames(d);
  if (names.tasks) {
    sections.push({
      properties: { ...sectionPage(true, true), type: SectionType.NEXT_PAGE },
      headers: headers(),
      children: tasksAppendix(d, names.tasks),
    });
  }
  if (names.units) {
    sections.push({
      properties: { ...sectionPage(true), type: SectionType.NEXT_PAGE },
      headers: headers(),
      children: unitsAppendix(d, names.units),
    });
  }
  return new Document({
    creator: d.unit,
    title: `Báo cáo ${subjectLine(d).toLocaleLowerCase('vi-VN')}`,
    styles: { default: { document: { run: { font: FONT, size: SIZES.body } } } },
    sections,
  });
}

function isCompileResult(x: ReportData | CompileResult): x is CompileResult {
  return Array.isArray((x as CompileResult).summaries);
}

/**
 * The report as .docx bytes (Node and browser). Takes ReportData; a
 * CompileResult is accepted too and turned into the top unit's ReportData
 * (dated today, no previous period).
 */
export async function buildReportDocx(data: ReportData | CompileResult): Promise<Uint8Array> {
  const d = isCompileResult(data) ? fromCompileResult(data) : data;
  const buf = await Packer.toArrayBuffer(buildReportDocument(d));
  return new Uint8Array(buf);
}
