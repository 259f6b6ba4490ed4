/**
 * Bounded reading of a workbook's zip, shared by both readers
 * (fast-read.ts on Node's zlib, read.ts on SheetJS, in the CLI and in the
 * add-in's file picker). Plain bytes in; no Node, no DOM.
 *
 * Why these limits (README, «Giới hạn khi đọc tệp»): a unit's report is a
 * few kB; the largest plausible input, a province's compiled workbook for
 * 170 communes with its summary, appendix and findings sheets, inflates to a
 * few MB (the benchmark's 1,000 unit files are each under 100 kB inflated:
 * dev/bench). 64 MB for one part and 96 MB for a whole workbook leave more
 * than ten times that room while keeping a zip bomb (1 GB from a 1 MB file)
 * to a fraction of a second and bounded memory. Reading costs about 3.7
 * times the inflated size (four parts of 62 MB, 248 MB, took 910 MB), so
 * 96 MB keeps the worst allowed file to about 350 MB; 10,000 entries is far above
 * what Excel writes (a few dozen) and keeps a directory of thousands of
 * entries pointing at one part (each inflated again) from costing minutes.
 * Overlapping entries and duplicated names are refused: the two readers
 * would otherwise take different parts (SheetJS the first, a scan the last).
 * Inflating every part before SheetJS reads a file is zip-inflate-limits.ts
 * (fflate's streaming inflater, loaded only on that path).
 */
import { XlsxReadError } from './common';
import { corruptFile, encryptedFile, quoted } from './reader-errors';

const MB = 1024 * 1024;
export const ZIP_LIMITS = {
  /** Inflated size of any one part. */
  entryBytes: 64 * MB,
  /** Inflated size of all parts together, and the size of the file itself. */
  workbookBytes: 96 * MB,
  /** Entries in the zip's directory. */
  entries: 10_000,
};

export interface ZipDirEntry {
  /** As stored, `\` turned to `/`, no leading `/`. */
  name: string;
  method: number;
  compSize: number;
  /** Declared inflated size (checked against what inflating really gives). */
  size: number;
  /** Offset of the local header. */
  offset: number;
  /** Start of the compressed data (after the local header). */
  dataStart: number;
}

export interface ZipDirectory {
  entries: ZipDirEntry[];
  /** ZIP64 records were needed to read it. */
  zip64: boolean;
}

const decoder = new TextDecoder('utf-8');

function refuse(fileName: string, why: string): XlsxReadError {
  return new XlsxReadError('corrupt', fileName,
    `Tệp ${quoted(fileName)} không được đọc: ${why}. Tệp có thể bị hỏng hoặc được tạo ra để làm treo máy; hãy mở tệp bằng Excel, lưu lại rồi gửi lại. Các tệp khác vẫn được tổng hợp.`);
}

/**
 * The directory and the entries disagree. Not left to SheetJS: its inflater
 * has no limit, so a bomb must not pass by being slightly malformed.
 */
export function damaged(fileName: string, what = 'mục lục của gói zip không khớp với nội dung'): XlsxReadError {
  return corruptFile(fileName, what);
}

function tooLarge(fileName: string, what: string, limit: number): XlsxReadError {
  return new XlsxReadError('too-large', fileName,
    `Tệp ${quoted(fileName)} không được đọc: ${what} khi giải nén vượt quá ${limit / MB} MB, quá lớn đối với một sổ báo cáo (giới hạn: README, «Giới hạn khi đọc tệp»). Các tệp khác vẫn được tổng hợp.`);
}

/** The size limit of the file itself (a bigger one is refused before it is read). */
export function fileTooLarge(fileName: string, bytes: number): XlsxReadError | null {
  return bytes > ZIP_LIMITS.workbookBytes ? tooLarge(fileName, `tệp (${Math.round(bytes / MB)} MB)`, ZIP_LIMITS.workbookBytes) : null;
}

/**
 * The zip's directory, checked: at most `entries` entries, no duplicated
 * name (case-insensitive, as part names are), no two entries sharing bytes,
 * declared sizes within the limits. Null when the bytes have no zip end
 * record (cut short): the caller's reader explains that. A directory that
 * does not match the entries is damaged. Throws
 * XlsxReadError ('corrupt', 'too-large') on a refusal.
 */
export function checkedZipDirectory(bytes: Uint8Array, fileName: string): ZipDirectory | null {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  let eocd = -1;
  for (let i = len - 22; i >= Math.max(0, len - 22 - 65535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  let count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  let zip64 = false;
  if (count === 0xffff || p === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || v.getUint32(loc, true) !== 0x07064b50) throw damaged(fileName);
    const e64 = Number(v.getBigUint64(loc + 8, true));
    if (e64 + 56 > len || v.getUint32(e64, true) !== 0x06064b50) throw damaged(fileName);
    count = Number(v.getBigUint64(e64 + 32, true));
    p = Number(v.getBigUint64(e64 + 48, true));
    zip64 = true;
  }
  if (count > ZIP_LIMITS.entries) {
    throw refuse(fileName, `gói zip có ${count.toLocaleString('vi-VN')} thành phần, quá giới hạn ${ZIP_LIMITS.entries.toLocaleString('vi-VN')} (một sổ Excel thường có vài chục)`);
  }
  const entries: ZipDirEntry[] = [];
  const names = new Set<string>();
  let declared = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > len || v.getUint32(p, true) !== 0x02014b50) throw damaged(fileName);
    // Bit 0 (encrypted), 6 (strong encryption), 13 (masked directory): a zip saved with a password.
    // Said before any inflater sees it (SheetJS would say «Unsupported ZIP encryption», zlib «invalid block type»).
    if (v.getUint16(p + 8, true) & 0x2041) throw encryptedFile(fileName);
    const method = v.getUint16(p + 10, true);
    let compSize = v.getUint32(p + 20, true);
    let size = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    let offset = v.getUint32(p + 42, true);
    if (size === 0xffffffff || compSize === 0xffffffff || offset === 0xffffffff) {
      // ZIP64 extended information: the 8-byte values present, in this order.
      zip64 = true;
      for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
        const id = v.getUint16(x, true);
        const sz = v.getUint16(x + 2, true);
        if (id === 0x0001) {
          let q = x + 4;
          const next = () => { const n = Number(v.getBigUint64(q, true)); q += 8; return n; };
          if (size === 0xffffffff) size = next();
          if (compSize === 0xffffffff) compSize = next();
          if (offset === 0xffffffff) offset = next();
          break;
        }
        x += 4 + sz;
      }
    }
    if (p + 46 + nameLen > len) throw damaged(fileName);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, '/').replace(/^\/+/, '');
    const key = name.toLowerCase();
    if (names.has(key)) throw refuse(fileName, `gói zip có hai phần cùng tên "${name}"`);
    names.add(key);
    if (size > ZIP_LIMITS.entryBytes) throw tooLarge(fileName, `phần "${name}"`, ZIP_LIMITS.entryBytes);
    declared += size;
    if (declared > ZIP_LIMITS.workbookBytes) throw tooLarge(fileName, 'tổng các phần', ZIP_LIMITS.workbookBytes);
    if (offset + 30 > len || v.getUint32(offset, true) !== 0x04034b50) throw damaged(fileName);
    const dataStart = offset + 30 + v.getUint16(offset + 26, true) + v.getUint16(offset + 28, true);
    if (dataStart + compSize > len) throw damaged(fileName);
    entries.push({ name, method, compSize, size, offset, dataStart });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (byOffset[i].offset < prev.dataStart + prev.compSize) {
      throw refuse(fileName, `các phần "${prev.name}" và "${byOffset[i].name}" của gói zip dùng chung dữ liệu (chồng lên nhau)`);
    }
  }
  return { entries, zip64 };
}

/** Counts inflated bytes of one workbook against the limits. */
export class InflateBudget {
  private used = 0;
  constructor(private readonly fileName: string) {}

  /** The most one part may still inflate to. */
  allowance(): number {
    return Math.min(ZIP_LIMITS.entryBytes, ZIP_LIMITS.workbookBytes - this.used);
  }

  /** Inflated bytes recorded so far. */
  spent(): number {
    return this.used;
  }

  /** Records a part's inflated size; throws when it passes the limits. */
  spend(part: string, n: number): void {
    if (n > ZIP_LIMITS.entryBytes) throw tooLarge(this.fileName, `phần "${part}"`, ZIP_LIMITS.entryBytes);
    this.used += n;
    if (this.used > ZIP_LIMITS.workbookBytes) throw tooLarge(this.fileName, 'tổng các phần', ZIP_LIMITS.workbookBytes);
  }

  /** The error for a part that passed its allowance while inflating. */
  exceeded(part: string): XlsxReadError {
    return this.allowance() < ZIP_LIMITS.entryBytes
      ? tooLarge(this.fileName, 'tổng các phần', ZIP_LIMITS.workbookBytes)
      : tooLarge(this.fileName, `phần "${part}"`, ZIP_LIMITS.entryBytes);
  }
}
