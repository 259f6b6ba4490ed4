/** `tonghop tthc`: the dossier figures read from one-stop system exports (tthc-command.ts, core/tthc/). */
import type { CommandDecl } from '../command';
import { JSON_OUT } from '../common-options';

export const tthc: CommandDecl = {
  name: 'tthc',
  usage: ['tthc <tệp xuất từ Hệ thống một cửa>... [--json <tệp>|-]'],
  summary: 'Đọc số liệu hồ sơ TTHC (D1–D6, D9, D10) từ biểu Excel xuất từ Hệ thống một cửa.',
  description: [
    'Đọc Biểu số 06/VPCP/KSTT theo lĩnh vực của một đơn vị, hoặc biểu mỗi đơn vị một dòng (.xlsx hoặc .xls); in số liệu theo từng đơn vị, mỗi số kèm ô, dòng, cột lấy ra, và nói rõ những gì không tìm thấy.',
    'Cùng biểu dùng với: tonghop template --plan <tệp> --tthc <tệp> -o <thư mục> (điền sẵn khối hồ sơ của mỗi đơn vị) và tonghop compile … --tthc <tệp> (cảnh báo mỗi số đơn vị ghi khác Hệ thống một cửa).',
  ],
  options: [JSON_OUT],
  run: async (args, io) => (await import('../tthc-command')).tthcCommand(args, io),
};
