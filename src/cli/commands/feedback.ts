/** `tonghop feedback`: compiles as `compile` does, then writes the review letters (feedback-command.ts). */
import type { CommandDecl } from '../command';
import { READING, compileOptions, outputOption } from '../common-options';
import { compileGathered, gather } from '../gather';

export const feedback: CommandDecl = {
  name: 'feedback',
  usage: ['feedback <tệp|thư mục>... -o <thư mục> [--plan <tệp>] [--period <kỳ>] [--year <năm>] [--resend-by dd/mm/yyyy]'],
  summary: 'Viết văn bản phản hồi (công văn) cho đơn vị có lỗi, bị trả lại, và công văn đôn đốc đơn vị chưa nộp (.docx).',
  description: [
    'Viết văn bản phản hồi theo thể thức NĐ 30 vào thư mục: "Phan-hoi <mã đơn vị> <tên đơn vị>.docx" cho mỗi đơn vị có lỗi, cảnh báo hoặc bị trả lại (lý do lấy từ trang "Phê duyệt" của sổ tổng hợp có trong các tệp đọc vào), và "Cong-van-don-doc.docx" khi có đơn vị chưa nộp hoặc nộp muộn.',
  ],
  options: [
    ...READING,
    outputOption('<thư mục>', 'thư mục ghi các văn bản (bắt buộc)'),
    { name: 'resend-by', value: true, valueName: '<dd/mm/yyyy>', help: 'hạn gửi lại (mặc định 7 ngày sau hôm nay)' },
  ],
  async run(args, io) {
    const { feedbackCommand } = await import('../feedback-command');
    return feedbackCommand(args, io, async (a) => {
      const options = compileOptions(a);
      const g = await gather(a, io);
      return { result: compileGathered(g, options), inputs: g.perFile.map((f) => f.file) };
    });
  },
};
