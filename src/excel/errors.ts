/**
 * Office.js errors → what the pane tells the user, in Vietnamese, with
 * what to do next. Recognised by `code` only: Excel words its messages in
 * the Office UI language (Vietnamese Office says it in Vietnamese), so
 * matching English text would tell Vietnamese users the wrong thing.
 */
import { SheetNameError } from './sheet-names';

interface OfficeLikeError {
  code?: string;
  message?: string;
  name?: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string };
}

const MESSAGES: Record<string, string> = {
  InvalidArgument: 'Excel từ chối một giá trị không hợp lệ (địa chỉ ô, tên trang hoặc kích thước vùng dữ liệu).',
  ItemNotFound: 'Không tìm thấy trang hoặc vùng ô cần dùng: có thể trang đã bị xóa hoặc đổi tên. Hãy chạy lại.',
  ItemAlreadyExists: 'Đã có một trang cùng tên trong sổ làm việc. Hãy đổi tên trang đó rồi thử lại.',
  GeneralException: 'Excel gặp lỗi nội bộ khi xử lý yêu cầu (thường do dữ liệu quá lớn hoặc mạng chậm). Hãy lưu sổ làm việc, rồi thử lại.',
  RequestPayloadSizeLimitExceeded: 'Dữ liệu gửi vào Excel vượt giới hạn 5 MB của một lần ghi. Hãy thử lại; nếu vẫn lỗi, tổng hợp ít đơn vị hơn mỗi lần.',
  ResponsePayloadSizeLimitExceeded: 'Dữ liệu đọc từ Excel vượt giới hạn 5 MB của một lần đọc. Hãy thử lại; nếu vẫn lỗi, chia sổ làm việc thành nhiều tệp nhỏ hơn.',
  InvalidOperationInCellEditMode: 'Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi thử lại.',
  AccessDenied: 'Excel không cho phép thay đổi này: trang hoặc sổ làm việc đang được bảo vệ (Xem lại › Bỏ bảo vệ trang tính; Review › Unprotect Sheet trong Excel tiếng Anh), hoặc tệp chỉ được đọc.',
  ApiNotFound: 'Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Excel (Microsoft 365) hoặc dùng Excel trên web.',
  UnsupportedFeature: 'Excel không chèn được trang này vì trang có biểu đồ, chú thích, PivotTable hoặc slicer.',
  InvalidOperation: 'Excel không thực hiện được thao tác này trên đối tượng hiện tại.',
  PropertyNotLoaded: 'Lỗi của phần bổ trợ: đọc dữ liệu Excel trước khi tải xong. Hãy báo cho người phát triển.',
  Conflict: 'Sổ làm việc vừa được người khác sửa cùng lúc. Hãy thử lại.',
  Unauthenticated: 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại rồi thử lại.',
  ServiceNotAvailable: 'Dịch vụ Excel tạm thời không phản hồi. Hãy thử lại sau ít phút.',
  ActivityLimitReached: 'Excel đang quá tải yêu cầu. Hãy chờ một lát rồi thử lại.',
  NotImplemented: 'Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Excel.',
};

/** Our own errors, already worded for the user. */
const OWN_ERRORS = new Set(['SheetNameError', 'OperationTooLargeError', 'PaneError']);

/** A clear Vietnamese message for anything an Excel action can throw. */
export function describeOfficeError(e: unknown): string {
  if (e instanceof SheetNameError) return e.message;
  const err = (typeof e === 'object' && e !== null ? e : {}) as OfficeLikeError;
  const code = err.code ?? err.debugInfo?.code;
  const message = String(err.message ?? (typeof e === 'string' ? e : ''));
  if (e instanceof Error && OWN_ERRORS.has(e.name)) return e.message;
  if (code && MESSAGES[code]) {
    const where = err.debugInfo?.errorLocation;
    return code === 'InvalidArgument' && where ? `${MESSAGES[code]} (tại ${where})` : MESSAGES[code];
  }
  if (err.name === 'RichApi.Error' || code) {
    return `Excel báo lỗi${code ? ` (${code})` : ''}: ${message || 'không rõ nguyên nhân'}. Hãy thử lại; nếu vẫn lỗi, lưu và mở lại sổ làm việc.`;
  }
  if (e instanceof Error && /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i.test(e.message)) {
    return e.message; // already ours, in Vietnamese
  }
  return `Đã xảy ra lỗi không mong đợi: ${message || String(e)}. Hãy thử lại; nếu vẫn lỗi, báo cho người phát triển.`;
}
