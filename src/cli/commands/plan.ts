/** `tonghop plan`: a period's plan sheet (plan-command.ts). */
import type { CommandDecl } from '../command';
import { PERIOD, YEAR, outputOption } from '../common-options';

export const plan: CommandDecl = {
  name: 'plan',
  usage: ['plan --province <tên|mã tỉnh> --period "Quý I" --year 2026 -o ke-hoach.xlsx [--tasks-from <tệp>]'],
  summary: 'Tạo trang Kế hoạch của kỳ: đơn vị tổng hợp, danh sách đơn vị, hạn nộp và nhiệm vụ.',
  description: [
    'Tạo trang Kế hoạch của kỳ: đơn vị tổng hợp UBND tỉnh/thành phố, danh sách mọi xã, phường, đặc khu của tỉnh theo danh mục đơn vị hành chính (mã 5 số), chỗ trống cho các sở, ngành, hạn nộp mặc định và các nhiệm vụ (của Kế hoạch mẫu, hoặc lấy từ tệp Kế hoạch/mẫu báo cáo --tasks-from).',
    'Không có --province: Kế hoạch trống cho bất kỳ đơn vị tổng hợp nào (ví dụ một xã và các bộ phận).',
    'Sau đó: tonghop template --plan ke-hoach.xlsx -o <thư mục> tạo mẫu báo cáo cho mọi đơn vị của Kế hoạch.',
  ],
  options: [
    { name: 'province', value: true, valueName: '<tên|mã>', help: 'tỉnh, thành phố (tên hoặc mã 2 số) lấy danh sách đơn vị cấp xã' },
    PERIOD,
    YEAR,
    { name: 'tasks-from', value: true, valueName: '<tệp>', help: 'lấy nhiệm vụ từ tệp Kế hoạch hoặc mẫu báo cáo TTCCHC-1' },
    outputOption('<tệp>', 'tệp Kế hoạch .xlsx (mặc định ke-hoach.xlsx)'),
  ],
  run: async (args, io) => (await import('../plan-command')).planCommand(args, io),
};
