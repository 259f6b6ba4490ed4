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
  // Every action splits what it sends below the limit (sync-budget.ts, insert.ts): a refusal is not the user's to fix by doing less.
  RequestPayloadSizeLimitExceeded: 'Dữ liệu gửi vào Excel vượt giới hạn 5 MB của một lần ghi. Hãy thử lại; nếu vẫn lỗi, hãy lưu sổ làm việc, mở lại rồi thử lại, và báo cho người phát triển.',
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
  // The client's own codes (OfficeExtension.ErrorCodes) and the rest of Excel.ErrorCodes (@types/office-js).
  ConnectionFailure: 'Mất kết nối với Excel (mạng chập chờn hoặc Excel trên web không phản hồi). Hãy kiểm tra mạng, chờ một lát rồi thử lại.',
  RequestAborted: 'Yêu cầu gửi vào Excel bị hủy giữa chừng. Hãy thử lại.',
  InvalidRequestContext: 'Lỗi của phần bổ trợ: dùng một đối tượng Excel ngoài lượt làm việc của nó. Hãy đóng và mở lại phần bổ trợ, rồi báo cho người phát triển.',
  InvalidObjectPath: 'Lỗi của phần bổ trợ: đối tượng Excel không còn dùng được. Hãy thử lại; nếu vẫn lỗi, báo cho người phát triển.',
  ValueNotLoaded: 'Lỗi của phần bổ trợ: đọc kết quả từ Excel trước khi có. Hãy báo cho người phát triển.',
  RunMustReturnPromise: 'Lỗi của phần bổ trợ khi gọi Excel. Hãy báo cho người phát triển.',
  CannotRegisterEvent: 'Excel không cho phần bổ trợ theo dõi thay đổi. Hãy đóng và mở lại phần bổ trợ.',
  ApiNotAvailable: 'Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Excel (Microsoft 365) hoặc dùng Excel trên web.',
  UnsupportedOperation: 'Excel không hỗ trợ thao tác này trên sổ làm việc hiện tại.',
  UnsupportedSheet: 'Excel không thao tác được trên loại trang này (ví dụ trang biểu đồ hoặc trang macro).',
  InvalidReference: 'Địa chỉ ô hoặc tham chiếu không hợp lệ với thao tác này.',
  InvalidSelection: 'Vùng đang chọn không hợp lệ với thao tác này: hãy chọn một ô rồi thử lại.',
  InvalidBinding: 'Liên kết dữ liệu trong sổ làm việc không còn hợp lệ. Hãy thử lại.',
  InsertDeleteConflict: 'Excel không chèn hoặc xóa được ô vì sẽ làm lệch vùng dữ liệu khác (bảng, vùng gộp ô). Hãy thử lại.',
  MergedRangeConflict: 'Excel không làm được thao tác này vì vướng các ô đã gộp. Hãy bỏ gộp ô ở vùng đó rồi thử lại.',
  FilteredRangeConflict: 'Excel không làm được thao tác này trên vùng đang lọc. Hãy bỏ lọc rồi thử lại.',
  PivotTableRangeConflict: 'Excel không làm được thao tác này vì vướng một PivotTable. Hãy dời PivotTable rồi thử lại.',
  NonBlankCellOffSheet: 'Excel không chèn được ô vì sẽ đẩy ô có dữ liệu ra ngoài trang tính.',
  RangeExceedsLimit: 'Vùng ô quá lớn để Excel xử lý trong một lần. Hãy thử lại; nếu vẫn lỗi, chia sổ làm việc thành nhiều tệp nhỏ hơn.',
  OperationCellsExceedLimit: 'Thao tác chạm tới quá nhiều ô cùng lúc (Excel giới hạn số ô mỗi lần). Hãy thử lại; nếu vẫn lỗi, chia sổ làm việc thành nhiều tệp nhỏ hơn.',
  FormulaLengthExceedsLimit: 'Một công thức dài quá giới hạn của Excel.',
  EmptyChartSeries: 'Excel không vẽ được biểu đồ vì vùng số liệu trống.',
  InactiveWorkbook: 'Sổ làm việc không còn mở hoặc không còn là sổ đang dùng. Hãy mở lại sổ làm việc rồi thử lại.',
  OpenWorkbookLinksBlocked: 'Excel đang chặn liên kết tới sổ làm việc khác. Hãy cho phép rồi thử lại.',
  RefreshWorkbookLinksBlocked: 'Excel đang chặn cập nhật liên kết tới sổ làm việc khác. Hãy cho phép rồi thử lại.',
  MemoryLimitReached: 'Excel hết bộ nhớ khi xử lý yêu cầu. Hãy lưu, đóng bớt sổ làm việc khác rồi thử lại.',
  HostRestartNeeded: 'Excel cần được khởi động lại. Hãy lưu sổ làm việc, mở lại Excel rồi thử lại.',
  ClientError: 'Excel báo lỗi phía máy người dùng. Hãy thử lại; nếu vẫn lỗi, lưu và mở lại sổ làm việc.',
  ServerError: 'Máy chủ của Excel trên web báo lỗi. Hãy chờ một lát rồi thử lại.',
};

/** An Excel action's own failure, already worded for the user in Vietnamese: passed through as it is. */
export class ExcelActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaneError';
  }
}

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
    // Excel's own words are in the Office UI language, often English: only the code is shown, for a report.
    return `Excel báo lỗi${code ? ` (mã ${code})` : ''} mà phần bổ trợ chưa biết cách giải thích. Hãy thử lại; nếu vẫn lỗi, lưu và mở lại sổ làm việc, rồi báo cho người phát triển mã lỗi này.`;
  }
  if (e instanceof Error && /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i.test(e.message)) {
    return e.message; // already ours, in Vietnamese
  }
  return `Đã xảy ra lỗi không mong đợi: ${message || String(e)}. Hãy thử lại; nếu vẫn lỗi, báo cho người phát triển.`;
}
