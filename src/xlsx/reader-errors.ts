/**
 * What the readers say when a file cannot be read: Vietnamese, naming the
 * file, saying what to do. The libraries under the readers (SheetJS, fflate,
 * Node's zlib) throw English (`Unsupported ZIP encryption`, `File is
 * password-protected`, `invalid distance`…): nothing of theirs reaches the
 * user; readerError turns whatever they threw into one of these messages.
 * Plain code: used by both readers, in Node and in the add-in.
 */
import { XlsxReadError } from './common';

/** A file's name as every reader message quotes it. */
export const quoted = (fileName: string): string => `"${fileName}"`;

/** A password-protected workbook: an encrypted OOXML (an OLE container), or a zip whose parts are encrypted. */
export function encryptedFile(fileName: string): XlsxReadError {
  return new XlsxReadError('encrypted', fileName,
    `Tệp ${quoted(fileName)} được đặt mật khẩu (mã hoá), không đọc được: hãy mở tệp bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi gửi lại.`);
}

/** A damaged file (a truncated download, a broken zip); `what`, when known, says which part. */
export function corruptFile(fileName: string, what?: string): XlsxReadError {
  return new XlsxReadError('corrupt', fileName,
    `Tệp ${quoted(fileName)} bị hỏng, không đọc được${what ? ` (${what})` : ''}. Hãy mở tệp trong Excel, lưu lại, hoặc xin đơn vị gửi lại.`);
}

/** The English of a library that means the file is encrypted (SheetJS: `Unsupported ZIP encryption`, `File is password-protected…`, `Unsupported ODS Encryption`, `Encryption scheme unsupported`). */
const ENCRYPTED_WORDS = /password|encrypt/i;

/** Whether a library's error says the file is protected by a password. */
export function saysEncrypted(e: unknown): boolean {
  return ENCRYPTED_WORDS.test(e instanceof Error ? e.message : String(e));
}

/**
 * Anything thrown while reading `fileName`, as a Vietnamese XlsxReadError:
 * ours are kept, a library's password error is `encrypted`, the rest
 * (`invalid zip data`, `Bad uncompressed size`, `Cannot read properties…`)
 * is a damaged file.
 */
export function readerError(e: unknown, fileName: string): XlsxReadError {
  if (e instanceof XlsxReadError) return e;
  return saysEncrypted(e) ? encryptedFile(fileName) : corruptFile(fileName);
}
