/** The signer the officer chooses (src/report/signer.ts), in the .docx's signature block. */
import { buildReportDocx } from '../../src/report/docx-report';
import { fromCompileResult } from '../../src/report/report-data';
import { signerLines } from '../../src/report/signer';
import { namDongResult } from './fixtures';
import { openDocx, paragraphs } from './docx-helpers';

const COMMITTEE = 'UBND huyện Nam Đông';

test('default: the usual signer (a deputy for the chair), name left to fill', () => {
  expect(signerLines(COMMITTEE, 'Huyện')).toEqual({ titles: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: '[Họ và tên]' });
  expect(signerLines('Sở Nội vụ', 'Sở, ngành').titles).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
});

test('a chức vụ: the chair signs TM. without KT., a deputy KT. for the head; typed in lower case, written in capitals', () => {
  expect(signerLines(COMMITTEE, 'Huyện', { title: 'chủ tịch', name: ' Nguyễn  Văn An ' }))
    .toEqual({ titles: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nguyễn Văn An' });
  expect(signerLines(COMMITTEE, 'Huyện', { title: 'Phó Chủ tịch' }).titles).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  expect(signerLines('Sở Nội vụ', 'Sở, ngành', { title: 'GIÁM ĐỐC' }).titles).toEqual(['GIÁM ĐỐC']);
  expect(signerLines('Sở Nội vụ', 'Sở, ngành', { title: 'PHÓ GIÁM ĐỐC' }).titles).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
});

test('the quyền hạn as given, several lines separated by « / »', () => {
  expect(signerLines(COMMITTEE, 'Huyện', { authority: 'TM. UBND / KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' }).titles)
    .toEqual(['TM. UBND', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  expect(signerLines(COMMITTEE, 'Huyện', { authority: 'TM. ỦY BAN NHÂN DÂN' }).titles).toEqual(['TM. ỦY BAN NHÂN DÂN']);
});

test('the .docx signature block says the chosen signer, and the officer note no longer asks for the name', async () => {
  const data = fromCompileResult(namDongResult(), { date: new Date(2024, 10, 5), signer: { title: 'CHỦ TỊCH', name: 'Nguyễn Văn An' } });
  const doc = await openDocx(await buildReportDocx(data));
  const texts = paragraphs(doc.document).map((p) => p.text);
  const at = texts.indexOf('CHỦ TỊCH');
  expect(texts.slice(at - 1, at + 1)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
  expect(texts).toContain('Nguyễn Văn An');
  expect(texts).not.toContain('[Họ và tên]');
  expect(texts).not.toContain('KT. CHỦ TỊCH');
  expect(texts.join('\n')).not.toMatch(/họ tên người ký: điền/);
});
