/**
 * The produced .docx opened as Word would read it (word/document.xml and the
 * header parts), checked against NĐ 30/2020 Phụ lục I and against the
 * compiled figures it reports.
 */
import { buildReportDocx } from '../../src/report/docx-report';
import { fromCompileResult, type ReportData } from '../../src/report/report-data';
import { narrativeBlocks } from '../../src/report/narrative';
import { attr, findParagraph, openDocx, paragraphs, sections, textOf, type DocxParts } from './docx-helpers';
import { namDongResult, TASK_NAMES } from './fixtures';

const NOV_5 = new Date(2024, 10, 5);

async function docxOf(d: ReportData): Promise<DocxParts> {
  return openDocx(await buildReportDocx(d));
}

function data(date = NOV_5): ReportData {
  return fromCompileResult(namDongResult(), { date });
}

/** Font sizes (half-points) of the runs of a paragraph or part. */
const sizes = (xml: string) => [...xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
const isBold = (p: { xml: string }) => /<w:b\/>/.test(p.xml);
const isItalic = (p: { xml: string }) => /<w:i\/>/.test(p.xml);
const isCentred = (p: { xml: string }) => /<w:jc w:val="center"\/>/.test(p.xml);

describe('buildReportDocx: page, margins, font (NĐ 30/2020)', () => {
  let doc: DocxParts;
  beforeAll(async () => { doc = await docxOf(data()); });

  test('every section is A4 with the decree margins: the report portrait, Phụ lục I (tasks) landscape, Phụ lục II portrait', () => {
    const secs = sections(doc.document);
    expect(secs.length).toBe(3); // the report, then each Phụ lục on its own page
    secs.forEach((s, i) => {
      const landscape = i === 1;
      expect(attr(s, 'w:pgSz', 'w:w')).toBe(landscape ? '16838' : '11906');
      expect(attr(s, 'w:pgSz', 'w:h')).toBe(landscape ? '11906' : '16838');
      expect(attr(s, 'w:pgSz', 'w:orient') ?? 'portrait').toBe(landscape ? 'landscape' : 'portrait');
      const mm = (name: string) => Number(attr(s, 'w:pgMar', name)) / 56.7;
      expect(mm('w:top')).toBeGreaterThanOrEqual(19.9); expect(mm('w:top')).toBeLessThanOrEqual(25.1);
      expect(mm('w:bottom')).toBeGreaterThanOrEqual(19.9); expect(mm('w:bottom')).toBeLessThanOrEqual(25.1);
      expect(mm('w:left')).toBeGreaterThanOrEqual(29.9); expect(mm('w:left')).toBeLessThanOrEqual(35.1);
      expect(mm('w:right')).toBeGreaterThanOrEqual(14.9); expect(mm('w:right')).toBeLessThanOrEqual(20.1);
    });
    expect(sections(doc.document)[1]).toMatch(/<w:type w:val="nextPage"\/>/);
    expect(sections(doc.document)[2]).toMatch(/<w:type w:val="nextPage"\/>/);
  });

  test('Times New Roman everywhere, as the default and on every run', () => {
    expect(doc.styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    const fonts = new Set([...doc.document.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
  });

  test('sizes: body 14 pt, header names 13 pt, Nơi nhận 12/11 pt, nothing else', () => {
    const allowed = new Set([4, 22, 24, 26, 28]); // 4 = the 2 pt paragraph mark under the short rules
    expect(sizes(doc.document).filter((s) => !allowed.has(s))).toEqual([]);
    const body = narrativeBlocks(data()).filter((b) => b.kind === 'para' || b.kind === 'item');
    for (const b of body.slice(0, 5)) {
      const p = findParagraph(doc.document, b.text)!;
      expect(p).toBeDefined();
      expect(new Set(sizes(p.xml))).toEqual(new Set([28]));
    }
  });
});

describe('buildReportDocx: header, title, date', () => {
  let doc: DocxParts;
  beforeAll(async () => { doc = await docxOf(data()); });

  test('issuing body in bold capitals with a short rule beneath, number left blank', () => {
    const ps = paragraphs(doc.document);
    const i = ps.findIndex((p) => p.text === 'HUYỆN NAM ĐÔNG');
    expect(ps[i - 1].text).toBe('ỦY BAN NHÂN DÂN');
    for (const p of [ps[i - 1], ps[i]]) {
      expect(isBold(p)).toBe(true);
      expect(sizes(p.xml)).toEqual([26]);
    }
    expect(ps[i + 1].xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(ps[i + 1].text).toBe('');
    const number = ps.find((p) => p.text.startsWith('Số:'))!;
    expect(number.text).toMatch(/^Số:\s+\/BC-UBND$/);
  });

  test('Quốc hiệu bold capitals 13 pt; Tiêu ngữ bold with a rule as long as the text', () => {
    const ps = paragraphs(doc.document);
    const qh = ps.findIndex((p) => p.text === 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(qh).toBeGreaterThan(0);
    expect(isBold(ps[qh])).toBe(true);
    expect(sizes(ps[qh].xml)).toEqual([26]);
    expect(ps[qh + 1].text).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(isBold(ps[qh + 1])).toBe(true);
    const ruleP = ps[qh + 2];
    expect(ruleP.xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    // The rule spans the text: its indents leave about the text's width (≈ 3 500–4 300 twips at 14 pt bold).
    const left = Number(attr(ruleP.xml, 'w:ind', 'w:left'));
    const right = Number(attr(ruleP.xml, 'w:ind', 'w:right'));
    const cellWidth = 9354 - 3600 - 216;
    expect(cellWidth - left - right).toBeGreaterThan(3300);
    expect(cellWidth - left - right).toBeLessThan(4500);
  });

  test('place and date in italics: `Nam Đông, ngày 05 tháng 11 năm 2024`', () => {
    const p = findParagraph(doc.document, 'Nam Đông, ngày 05 tháng 11 năm 2024')!;
    expect(p.text).toBe('Nam Đông, ngày 05 tháng 11 năm 2024');
    expect(isItalic(p)).toBe(true);
  });

  test.each([
    [new Date(2025, 0, 5), 'Nam Đông, ngày 05 tháng 01 năm 2025'],
    [new Date(2024, 2, 15), 'Nam Đông, ngày 15 tháng 3 năm 2024'],
    [new Date(2024, 1, 9), 'Nam Đông, ngày 09 tháng 02 năm 2024'],
  ])('date %s is written %s (leading zero: days 1–9, months 1 and 2)', async (date, expected) => {
    const d = await docxOf(data(date));
    expect(paragraphs(d.document).map((p) => p.text)).toContain(expected);
  });

  test('BÁO CÁO and the trích yếu bold and centred, a short rule under the trích yếu, Kính gửi the parent', () => {
    const ps = paragraphs(doc.document);
    const i = ps.findIndex((p) => p.text === 'BÁO CÁO');
    expect(isBold(ps[i]) && isCentred(ps[i])).toBe(true);
    expect(ps[i + 1].text).toBe('Kết quả công tác tuyên truyền cải cách hành chính năm 2024');
    expect(isBold(ps[i + 1]) && isCentred(ps[i + 1])).toBe(true);
    const ruleP = ps[i + 2];
    expect(ruleP.xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    const len = 9354 - Number(attr(ruleP.xml, 'w:ind', 'w:left')) * 2;
    expect(len).toBeGreaterThan(1500); // about a third of the line, not the full width
    expect(len).toBeLessThan(4700);
    expect(ps[i + 3].text).toBe('Kính gửi: Ủy ban nhân dân tỉnh Thừa Thiên Huế.');
  });

  test('subject wording follows the period', async () => {
    const r = namDongResult();
    const quarter = await docxOf(fromCompileResult({ ...r, period: 'Quý I', year: 2024 }, { date: NOV_5 }));
    expect(paragraphs(quarter.document).map((p) => p.text)).toContain('Kết quả công tác tuyên truyền cải cách hành chính quý I năm 2024');
    const half = await docxOf(fromCompileResult({ ...r, period: '6 tháng', year: 2024 }, { date: NOV_5 }));
    expect(paragraphs(half.document).map((p) => p.text)).toContain('Kết quả công tác tuyên truyền cải cách hành chính 6 tháng đầu năm 2024');
  });
});

describe('buildReportDocx: body, page numbers, signature', () => {
  let doc: DocxParts;
  beforeAll(async () => { doc = await docxOf(data()); });

  test('body paragraphs justified, first-line indent 1 cm, ≥ 6 pt after, line spacing 1–1.5', () => {
    const blocks = narrativeBlocks(data());
    expect(blocks.length).toBeGreaterThan(20);
    for (const b of blocks) {
      const p = findParagraph(doc.document, b.text);
      expect(p).toBeDefined();
      expect(p!.xml).toMatch(/<w:jc w:val="both"\/>/);
      const indent = Number(attr(p!.xml, 'w:ind', 'w:firstLine'));
      expect([567, 720]).toContain(indent);
      expect(Number(attr(p!.xml, 'w:spacing', 'w:after'))).toBeGreaterThanOrEqual(120);
      const line = Number(attr(p!.xml, 'w:spacing', 'w:line'));
      expect(line).toBeGreaterThanOrEqual(240);
      expect(line).toBeLessThanOrEqual(360);
    }
  });

  test('sections in order I–V, closing sentence ends with ./.', () => {
    const texts = paragraphs(doc.document).map((p) => p.text);
    const order = ['I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'II. KẾT QUẢ THỰC HIỆN', 'III. ĐÁNH GIÁ CHUNG', 'IV. KIẾN NGHỊ, ĐỀ XUẤT', 'V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025']
      .map((h) => texts.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(texts.some((t) => t.startsWith('Trên đây là báo cáo') && t.endsWith('./.'))).toBe(true);
  });

  test('page numbers: titlePage in every section, PAGE field centred in the default header only', () => {
    for (const s of sections(doc.document)) {
      expect(s).toMatch(/<w:titlePg\/>/);
      const def = /<w:headerReference w:type="default" r:id="([^"]+)"/.exec(s)![1];
      const first = /<w:headerReference w:type="first" r:id="([^"]+)"/.exec(s)![1];
      const defXml = doc.headers[doc.rels[def]];
      const firstXml = doc.headers[doc.rels[first]];
      expect(defXml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(defXml).toMatch(/<w:jc w:val="center"\/>/);
      expect(firstXml).toBeDefined();
      expect(firstXml).not.toMatch(/PAGE/);
      expect(textOf(firstXml)).toBe('');
    }
    // Each Phụ lục is numbered on its own.
    expect(sections(doc.document)[1]).toMatch(/<w:pgNumType w:start="1"\/>/);
    expect(sections(doc.document)[2]).toMatch(/<w:pgNumType w:start="1"\/>/);
  });

  test('signature block beside Nơi nhận in a borderless table', () => {
    const ps = paragraphs(doc.document);
    for (const t of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']) {
      const p = ps.find((x) => x.text === t)!;
      expect(isBold(p) && isCentred(p)).toBe(true);
    }
    const name = ps.find((x) => x.text === '[Họ và tên]')!;
    expect(isBold(name)).toBe(true);
    const i = ps.findIndex((p) => p.text === 'Nơi nhận:');
    expect(isBold(ps[i]) && isItalic(ps[i])).toBe(true);
    expect(sizes(ps[i].xml)).toEqual([24]);
    const list: { xml: string; text: string }[] = [];
    for (let j = i + 1; ps[j].text.startsWith('- '); j++) list.push(ps[j]);
    expect(list.length).toBeGreaterThanOrEqual(3);
    for (const p of list) expect(sizes(p.xml)).toEqual([22]);
    for (const p of list.slice(0, -1)) expect(p.text).toMatch(/;$/);
    expect(list[list.length - 1].text).toBe('- Lưu: VT, VP.');
    // The table holding them has no borders, and its row never splits across pages.
    const table = [...doc.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes('Nơi nhận:'))!;
    expect(table).toMatch(/<w:tblBorders>[\s\S]*?<w:top w:val="none"/);
    expect(table).toMatch(/<w:trPr>[\s\S]*?<w:cantSplit\/>/);
    // The closing sentence is kept with the signature.
    const closing = ps.find((p) => p.text.startsWith('Trên đây là báo cáo'))!;
    expect(closing.xml).toMatch(/<w:keepNext\/>/);
  });
});

describe('buildReportDocx: what it reports', () => {
  test('the figures are the compiled ones, in Vietnamese style', async () => {
    const result = namDongResult();
    const f = result.summaries[0].figures;
    expect(f.D2).toBe(1031);
    const doc = await docxOf(fromCompileResult(result, { date: NOV_5 }));
    const text = paragraphs(doc.document).map((p) => p.text).join('\n');
    expect(text).toContain('Hồ sơ TTHC tiếp nhận trong kỳ: 1.031 hồ sơ');
    expect(text).toContain('Tỷ lệ giải quyết đúng hạn: 1.029/1.031 hồ sơ, đạt 99,8%');
    expect(text).toContain('Tin, bài đăng trên Cổng/Trang thông tin điện tử: 33 tin, bài (nhiều nhất: UBND huyện 15 tin, bài; xã Hương Lộc 12 tin, bài; xã Thượng Quảng 4 tin, bài)');
    expect(text).toContain('Tài liệu, tờ rơi, tờ gấp phát hành: 500 bản (do thị trấn Khe Tre thực hiện)');
  });

  test('the Phụ lục lists the compiled tasks and ends with `Tổng số: 08 nhiệm vụ./.`', async () => {
    const result = namDongResult();
    const doc = await docxOf(fromCompileResult(result, { date: NOV_5 }));
    const afterAppendix = doc.document.slice(doc.document.indexOf('>Phụ lục I<'), doc.document.indexOf('>Phụ lục II<'));
    expect(afterAppendix.length).toBeLessThan(doc.document.length);
    const rows = [...afterAppendix.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])));
    expect(rows[0]).toEqual(['STT', 'Nội dung nhiệm vụ', 'Kết quả thực hiện', 'Hoàn thành', 'Chưa hoàn thành', 'Ghi chú']);
    const tasks = result.summaries[0].tasks;
    expect(rows.slice(1)).toEqual(tasks.map((t) => [
      String(t.stt), t.name, t.result, t.complete ? 'x' : '', t.complete ? '' : 'x', t.note.replace(/\n/g, ''),
    ]));
    expect(rows.slice(1).map((r) => r[1])).toEqual(TASK_NAMES);
    expect(paragraphs(afterAppendix).map((p) => p.text)).toContain('Tổng số: 08 nhiệm vụ./.');
    // The header row repeats on each page.
    expect(afterAppendix).toMatch(/<w:tblHeader\/>/);
  });

  test('no table row of the report can split across pages (cantSplit on every row), the Phụ lục header repeats', async () => {
    const doc = await docxOf(fromCompileResult(namDongResult(), { date: NOV_5 }));
    const rows = [...doc.document.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r).toMatch(/<w:trPr>[\s\S]*?<w:cantSplit\/>/);
  });

  test('the officer note lists missing and late units and the open errors with Sheet!Cell', async () => {
    const doc = await docxOf(data());
    const ps = paragraphs(doc.document);
    // After the signature, so it never pushes the header and the title down page 1.
    const at = ps.findIndex((p) => p.text === 'GHI CHÚ CHO CÁN BỘ TỔNG HỢP – XOÁ TRƯỚC KHI KÝ');
    expect(ps[0].text).toBe('ỦY BAN NHÂN DÂN');
    expect(at).toBeGreaterThan(ps.findIndex((p) => p.text === '[Họ và tên]'));
    expect(at).toBeLessThan(ps.findIndex((p) => p.text === 'Phụ lục I'));
    const note = ps.slice(at, at + 10).map((p) => p.text).join('\n');
    expect(note).toContain('Chưa nộp (1 đơn vị): UBND xã Hương Sơn.');
    expect(note).toContain('Nộp muộn (1 đơn vị): UBND thị trấn Khe Tre.');
    expect(note).toContain('Lỗi chưa sửa: 1 lỗi');
    expect(note).toContain("- UBND thị trấn Khe Tre ('Khe Tre'!D31): Hồ sơ: D4 + D5 + D6 (100) khác D1 + D2 (101).");
    // Vietnamese throughout: the workbook's Kiểm tra sheet is a «trang», never a «sheet».
    expect(note).toContain('Cảnh báo: 1 (xem trang "Kiểm tra" của sổ tổng hợp).');
    expect(ps.map((p) => p.text).join('\n')).not.toMatch(/\bsheet\b/i);
    // Shaded so nobody signs it by mistake.
    const table = [...doc.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes('GHI CHÚ CHO CÁN BỘ'))!;
    expect(table).toMatch(/<w:shd [^>]*w:fill="FFF2CC"/);
  });

  test('a CompileResult is accepted as it is (the pane passes one)', async () => {
    const doc = await openDocx(await buildReportDocx(namDongResult()));
    expect(paragraphs(doc.document).map((p) => p.text)).toContain('Kết quả công tác tuyên truyền cải cách hành chính năm 2024');
  });

  test('a report without tasks has only the units\' Phụ lục, called «Phụ lục»', async () => {
    const r = namDongResult();
    r.summaries[0].tasks = [];
    const doc = await docxOf(fromCompileResult(r, { date: NOV_5 }));
    expect(sections(doc.document).length).toBe(2);
    const texts = paragraphs(doc.document).map((p) => p.text);
    expect(texts).toContain('Phụ lục');
    expect(texts).not.toContain('Phụ lục I');
    expect(texts.join('\n')).not.toMatch(/Tổng số: \d+ nhiệm vụ/);
    expect(texts).toContain('Tổng số: 04 đơn vị./.');
  });

  test('Phụ lục II: each unit with its report\'s number and date, when it came, and whether on time', async () => {
    const doc = await docxOf(data());
    const after = doc.document.slice(doc.document.indexOf('>Phụ lục II<'));
    const rows = [...after.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])));
    expect(rows).toEqual([
      ['STT', 'Đơn vị', 'Số, ngày văn bản', 'Ngày gửi', 'Tình trạng'],
      ['1', 'UBND xã Hương Lộc', '45/BC-UBND ngày 15/10/2024', '15/10/2024', 'Đúng hạn'],
      ['2', 'UBND xã Thượng Quảng', '30/BC-UBND ngày 18/10/2024', '18/10/2024', 'Đúng hạn'],
      ['3', 'UBND thị trấn Khe Tre', '', '28/10/2024', 'Muộn'],
      ['4', 'UBND xã Hương Sơn', '', '', 'Chưa gửi'],
    ]);
  });
});

describe('buildReportDocx: a department (not a people\'s committee)', () => {
  test('parent body in capitals not bold above the department in bold; its own code and signer', async () => {
    const r = namDongResult();
    const s = r.summaries[0];
    s.unit = 'Phòng Văn hóa và Thông tin';
    s.level = 'Phòng, ban';
    s.parent = 'UBND huyện Nam Đông';
    s.children = s.children.map((c) => ({ ...c, isSelf: false }));
    const doc = await docxOf(fromCompileResult(r, { date: NOV_5 }));
    const ps = paragraphs(doc.document);
    const i = ps.findIndex((p) => p.text === 'UBND HUYỆN NAM ĐÔNG');
    expect(isBold(ps[i])).toBe(false);
    expect(sizes(ps[i].xml)).toEqual([26]);
    expect(ps[i + 1].text).toBe('PHÒNG VĂN HÓA VÀ THÔNG TIN');
    expect(isBold(ps[i + 1])).toBe(true);
    expect(ps.map((p) => p.text)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Số:\s+\/BC-VHTT$/), 'Nam Đông, ngày 05 tháng 11 năm 2024', 'KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG', '- Lưu: VT.',
      'Kính gửi: Ủy ban nhân dân huyện Nam Đông.',
    ]));
  });
});

describe('buildReportDocx: text from unit sheets', () => {
  test('control characters pasted from Excel do not break the file; line breaks in a task cell become lines', async () => {
    const r = namDongResult();
    r.summaries[0].assessments.push({ unit: 'UBND xã Hương Lộc', key: 'proposals', text: 'Đề nghị\u0001 hỗ trợ\u000Bkinh phí\tin tờ rơi.' });
    r.summaries[0].tasks[0].note = 'Dòng một\u000BDòng hai';
    const doc = await docxOf(fromCompileResult(r, { date: NOV_5 }));
    // eslint-disable-next-line no-control-regex
    expect(doc.document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(paragraphs(doc.document).map((p) => p.text)).toEqual(expect.arrayContaining([
      '- Đề nghị  hỗ trợ kinh phí in tờ rơi (xã Hương Lộc).', 'Dòng một', 'Dòng hai',
    ]));
  });
});
