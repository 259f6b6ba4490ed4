/**
 * Operating-system errors told in Vietnamese and truthfully: `ENOSPC: no
 * space left on device, write` must not reach a user, and a path through a
 * missing folder must not be reported as "cannot create the folder" when the
 * folder that is missing is another one.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The nearest folder on the way to `file` that does not exist, if any. */
function firstMissingFolder(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  let missing: string | undefined;
  for (;;) {
    try {
      const st = fs.statSync(dir);
      return st.isDirectory() ? missing : dir;
    } catch {
      missing = dir;
    }
    const up = path.dirname(dir);
    if (up === dir) return missing;
    dir = up;
  }
}

/** Why an operation on `file` failed, in Vietnamese (no trailing period). */
export function systemErrorReason(e: unknown, file: string): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'ổ đĩa đã đầy (hết dung lượng); hãy giải phóng chỗ trống rồi chạy lại';
    case 'EACCES':
      return 'không có quyền ghi hoặc đọc ở đây';
    case 'EPERM':
    case 'EBUSY':
      return 'tệp đang mở trong Excel hoặc bị khóa; hãy đóng tệp rồi chạy lại';
    case 'EROFS':
      return 'ổ đĩa hoặc thư mục chỉ cho phép đọc';
    case 'ENAMETOOLONG':
      return 'đường dẫn hoặc tên tệp quá dài; hãy chọn tên ngắn hơn hoặc thư mục gần gốc hơn';
    case 'EISDIR':
      return 'đây là một thư mục, không phải tệp';
    case 'ENOTDIR': {
      const blocker = firstMissingFolder(file);
      return blocker ? `"${blocker}" là một tệp, không phải thư mục` : 'một phần của đường dẫn là tệp, không phải thư mục';
    }
    case 'ENOENT': {
      const missing = firstMissingFolder(file);
      return missing ? `thư mục "${missing}" không tồn tại` : 'không tìm thấy tệp';
    }
    case 'EMFILE':
    case 'ENFILE':
      return 'máy đang mở quá nhiều tệp; hãy đóng bớt chương trình rồi chạy lại';
    case 'EIO':
      return 'lỗi đọc/ghi của ổ đĩa (ổ USB bị rút ra, ổ mạng mất kết nối?)';
    case 'EXDEV':
      return 'không chuyển được tệp giữa hai ổ đĩa';
    default:
      return code ? `lỗi hệ thống ${code}` : 'lỗi không xác định';
  }
}
