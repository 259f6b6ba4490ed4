/**
 * The review letters as .docx, in the form of NĐ 30/2020 Phụ lục I
 * (docs/spec/ND30-REPORT.md), with the narrative report's building blocks
 * (../docx-report.ts): same page, margins, head, signature and Nơi nhận.
 *
 * - Phản hồi kết quả kiểm tra, a công văn (`Số: /UBND-VP`, `V/v kết quả kiểm
 *   tra báo cáo …` under the number), `Kính gửi:` the unit, then a table of the errors (Sheet, Ô, Nội dung, Đề nghị), then
 *   the warnings, and the date by which to resend. A unit with warnings only
 *   gets the short form: one table, no resend demanded.
 * - Công văn đôn đốc (`Số: /…-VP`, `V/v …` under the number as NĐ 30 puts a
 *   công văn's trích yếu): to the units that have not sent, naming each, the
 *   period, the deadline and the new date; the late ones are reminded too.
 */
import {
  AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType,
} from 'docx';
import { periodPhrase } from '../../core/period-words';
import { fullUnitName, withoutCommitteePrefix } from '../../core/unit-names';
import {
  FONT, SIZES, TEXT_WIDTH, bodyParagraph, centred, documentHeadTable, headers, run, sectionPage, signatureBlock,
} from '../docx-report';
import { formatIsoDateShort, twoDigits } from '../format';
import { documentCode } from '../names';
import type { DateParts, FeedbackLetter, LetterItem, LettersData, ReminderLetter } from './letter-data';

const SUBJECT = 'công tác tuyên truyền cải cách hành chính';

/**
 * `Số:        /UBND-VP`: the number of a công văn. NĐ 30/2020 Phụ lục III
 * lists the abbreviations of the named document types (BC, KH, TB, PG phiếu
 * gửi, PC phiếu chuyển, PB phiếu báo …); a «phiếu phản hồi» is not one of
 * them, so «/PH-UBND» is no valid symbol. A letter that tells a unit what to
 * correct is a công văn, whose symbol is the issuing body's abbreviation and
 * the drafting office's (Phụ lục III: «…/UBND-VP»), its subject as `V/v …`.
 */
export function officialLetterNumber(unit: string): string {
  return `Số:        /${documentCode(unit)}-VP`;
}

/** `dd/mm/yyyy`. */
export const shortDate = (d: DateParts): string => `${twoDigits(d.day)}/${twoDigits(d.month)}/${d.year}`;

function addressee(units: string[]): Paragraph[] {
  if (units.length === 1) return [centred(`Kính gửi: ${fullUnitName(units[0])}.`, { before: 240, after: 240 })];
  // Several: `Kính gửi:` then one line each, as the seeds' công văn list them.
  return [
    new Paragraph({ indent: { left: 1701 }, spacing: { before: 240 }, children: [run('Kính gửi:')] }),
    ...units.map((u, i) => new Paragraph({
      indent: { left: 2835 }, spacing: { after: i === units.length - 1 ? 240 : 0 },
      children: [run(`- ${fullUnitName(u)}${i === units.length - 1 ? '.' : ';'}`)],
    })),
  ];
}

/** Widths of the findings table: STT | Trang | Ô | Nội dung | Đề nghị. */
const ITEM_WIDTHS = [600, 1700, 800, 3450, TEXT_WIDTH - 600 - 1700 - 800 - 3450];

function cell(text: string, width: number, o: { bold?: boolean; centre?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: [new Paragraph({
      alignment: o.centre ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { before: 0, after: 0 },
      children: [run(text, { bold: o.bold, size: SIZES.table })],
    })],
  });
}

function itemTable(items: LetterItem[]): Table {
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['STT', 'Trang tính', 'Ô', 'Nội dung chưa đúng', 'Đề nghị'].map((t, i) => cell(t, ITEM_WIDTHS[i], { bold: true, centre: true })),
  });
  const rows = items.map((x, i) => new TableRow({
    cantSplit: true,
    children: [
      cell(String(i + 1), ITEM_WIDTHS[0], { centre: true }),
      cell(x.sheet, ITEM_WIDTHS[1]),
      cell(x.cell || '(cả trang)', ITEM_WIDTHS[2], { centre: true }),
      cell(x.what, ITEM_WIDTHS[3]),
      cell(x.todo, ITEM_WIDTHS[4]),
    ],
  }));
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: ITEM_WIDTHS, layout: TableLayoutType.FIXED, rows: [head, ...rows] });
}

function document(d: LettersData, title: string, body: (Paragraph | Table)[]): Promise<Uint8Array> {
  const doc = new Document({
    creator: d.from.unit,
    title,
    styles: { default: { document: { run: { font: FONT, size: SIZES.body } } } },
    sections: [{ properties: sectionPage(false), headers: headers(), children: body }],
  });
  return Packer.toArrayBuffer(doc).then((b) => new Uint8Array(b));
}

const spacer = () => new Paragraph({ spacing: { after: 120 }, keepNext: true, children: [] });

/** The công văn telling one unit what its report must correct. */
export function feedbackLetterDocx(d: LettersData, l: FeedbackLetter): Promise<Uint8Array> {
  const what = `${SUBJECT} ${periodPhrase(d.period, d.year)}`;
  const onlyWarnings = l.errors.length === 0 && !l.returnedBecause;
  const where = l.source.file ? `tệp "${l.source.file}", trang "${l.source.sheet}"` : `trang "${l.source.sheet}"`;
  const body: (Paragraph | Table)[] = [
    documentHeadTable({
      unit: d.from.unit, parentBody: d.from.parentBody, place: d.from.place, date: d.date,
      number: officialLetterNumber(d.from.unit), about: `V/v kết quả kiểm tra báo cáo ${what}`,
    }),
    ...addressee([l.unit]),
    bodyParagraph(`${fullUnitName(d.from.unit)} đã nhận và kiểm tra báo cáo ${what} của ${withoutCommitteePrefix(l.unit)}`
      + `${l.unitCode ? ` (mã đơn vị ${l.unitCode})` : ''} (${where}). Kết quả như sau:`),
  ];
  if (l.returnedBecause) {
    body.push(bodyParagraph(`Báo cáo được trả lại với lý do: ${l.returnedBecause}`, { bold: true }));
  }
  if (l.errors.length) {
    body.push(bodyParagraph(`1. Lỗi phải sửa (${twoDigits(l.errors.length)} lỗi):`, { bold: true, keepNext: true }), itemTable(l.errors));
  }
  if (l.warnings.length) {
    const n = l.errors.length ? '2. ' : '';
    body.push(bodyParagraph(`${n}Điểm cần xem lại (${twoDigits(l.warnings.length)} điểm):`, { bold: true, keepNext: true }), itemTable(l.warnings));
  }
  body.push(spacer());
  if (onlyWarnings) {
    body.push(bodyParagraph(`Báo cáo đã được tổng hợp. Đề nghị ${withoutCommitteePrefix(l.unit)} xem lại các điểm trên; `
      + `nếu có sai sót, gửi lại báo cáo đã sửa trước ngày ${shortDate(d.resendBy)}.`, { keepNext: true }));
  } else {
    body.push(bodyParagraph(`Đề nghị ${withoutCommitteePrefix(l.unit)} sửa các lỗi nêu trên và gửi lại báo cáo về `
      + `${fullUnitName(d.from.unit)} trước ngày ${shortDate(d.resendBy)} để tổng hợp.`, { keepNext: true }));
  }
  body.push(spacer(), signatureBlock(d.from.unit, d.from.level, ['- Như trên;', '- Lưu: VT.']));
  return document(d, `Phản hồi kết quả kiểm tra báo cáo: ${l.unit}`, body);
}

/** Công văn đôn đốc to the units that have not sent (and those late). */
export function reminderLetterDocx(d: LettersData, r: ReminderLetter): Promise<Uint8Array> {
  const what = `báo cáo ${SUBJECT} ${periodPhrase(d.period, d.year)}`;
  const deadline = r.deadline ? ` là ngày ${formatIsoDateShort(r.deadline)}` : ' đã qua';
  const list = (units: string[]) => units.map((u) => withoutCommitteePrefix(u)).join(', ');
  const body: (Paragraph | Table)[] = [
    documentHeadTable({
      unit: d.from.unit, parentBody: d.from.parentBody, place: d.from.place, date: d.date,
      number: officialLetterNumber(d.from.unit), about: `V/v đôn đốc gửi ${what}`,
    }),
    ...addressee([...r.missing, ...r.late]),
    bodyParagraph(`Hạn gửi ${what} về ${fullUnitName(d.from.unit)}${deadline}.`),
  ];
  if (r.missing.length) body.push(bodyParagraph(`Đến nay, các đơn vị sau chưa gửi báo cáo: ${list(r.missing)}.`));
  if (r.late.length) body.push(bodyParagraph(`Các đơn vị sau gửi báo cáo sau thời hạn: ${list(r.late)}.`));
  if (r.missing.length) {
    body.push(bodyParagraph(`Đề nghị các đơn vị chưa gửi khẩn trương hoàn thành và gửi báo cáo theo mẫu TTCCHC-1 trước ngày ${shortDate(d.resendBy)}.`, { keepNext: true }));
  }
  if (r.late.length) body.push(bodyParagraph('Đề nghị các đơn vị gửi muộn chấn chỉnh, gửi báo cáo đúng hạn ở các kỳ sau.', { keepNext: true }));
  body.push(bodyParagraph(`${fullUnitName(d.from.unit)} đề nghị các đơn vị quan tâm thực hiện./.`, { keepNext: true }));
  body.push(spacer(), signatureBlock(d.from.unit, d.from.level, ['- Như trên;', '- Lưu: VT.']));
  return document(d, `Công văn đôn đốc ${what}`, body);
}
