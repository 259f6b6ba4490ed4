import { roleOf } from '../../src/core/tthc/header';
import { foldLoose } from '../../src/core/text';

/** Header paths as systems word them (docs/spec/TEMPLATE.md §12), top row first. */
const WORDINGS: [string[], string | null][] = [
  [['Số hồ sơ nhận giải quyết', 'Tổng số'], 'received'],
  [['SỐ HỒ SƠ NHẬN GIẢI QUYẾT'], 'received'],
  [['Tổng số hồ sơ tiếp nhận'], 'received'],
  [['Số hồ sơ nhận giải quyết', 'Trong đó', 'Từ kỳ trước'], 'carried'],
  [['Số hồ sơ nhận giải quyết', 'Trong đó', 'Số kỳ trước chuyển qua'], 'carried'],
  [['Kỳ trước chuyển sang'], 'carried'],
  [['Số hồ sơ nhận giải quyết', 'Trong đó', 'Số mới tiếp nhận', 'Trực tuyến'], 'online'],
  [['Số hồ sơ nhận giải quyết', 'Trong đó', 'Số mới tiếp nhận', 'Trực tiếp, dịch vụ bưu chính'], 'direct'],
  [['Số hồ sơ nhận giải quyết', 'Trực tuyến', 'Toàn trình'], 'onlinePart'],
  [['Số hồ sơ nhận giải quyết', 'Trực tuyến', 'Một phần'], 'onlinePart'],
  [['Tiếp nhận trong kỳ'], 'receivedNew'],
  [['Số hồ sơ đã giải quyết', 'Tổng số'], 'done'],
  [['Kết quả giải quyết\nSố hồ sơ đã giải quyết', 'Trước hạn'], 'early'],
  [['Số hồ sơ đã giải quyết', 'Đúng hạn'], 'onTime'],
  [['Số hồ sơ đã giải quyết', 'Đúng và trước hạn'], 'earlyOrOnTime'],
  [['Số hồ sơ đã giải quyết', 'Trước và đúng hạn'], 'earlyOrOnTime'],
  [['Số hồ sơ đã giải quyết', 'Trong hạn'], 'earlyOrOnTime'],
  [['Số hồ sơ đã giải quyết', 'Quá hạn'], 'late'],
  [['Đã giải quyết trễ hạn'], 'late'],
  [['Số hồ sơ đã giải quyết', 'Quá hạn', 'Đã có thư xin lỗi'], 'latePart'],
  [['Số hồ sơ đã giải quyết', 'Quá hạn', 'Chưa có thư xin lỗi'], 'latePart'],
  [['Số hồ sơ đang giải quyết', 'Tổng số'], 'pending'],
  [['Số hồ sơ đang giải quyết', 'Trong hạn'], 'pendingInTime'],
  [['Số hồ sơ đang giải quyết', 'Chưa đến hạn'], 'pendingInTime'],
  [['Số hồ sơ đang giải quyết', 'Quá hạn'], 'pendingLate'],
  [['Đang giải quyết trễ hạn'], 'pendingLate'],
  [['Rút hồ sơ'], 'withdrawn'],
  [['Công dân rút hồ sơ'], 'withdrawn'],
  [['Trả lại'], 'returned'],
  [['Dừng xử lý'], 'stopped'],
  [['Tạm dừng'], 'stopped'],
  [['Tên đơn vị'], 'unit'],
  [['Xã, phường'], 'unit'],
  [['Lĩnh vực, công việc giải quyết theo cấp'], 'field'],
  [['STT'], 'stt'],
  [['Tỷ lệ đúng hạn (%)'], null],
  [['Tỷ lệ trực tuyến (%)'], null],
  [['Ghi chú'], null],
];

test.each(WORDINGS)('%j is %s', (path, role) => {
  expect(roleOf(foldLoose(path.join(' ')))).toBe(role);
});
