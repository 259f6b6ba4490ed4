/**
 * The zip container of the files we write (.xlsx packages, and the pane's
 * «Tạo mẫu cho mọi đơn vị» .zip of templates): a plain zip, deflate or
 * stored, UTF-8 names, as every spreadsheet program and every unzip reads.
 *
 * Runs in Node and in the browser alike: the pane writes .xlsx files too.
 * The caller gives the deflater: fflate's in the browser (deflate-fflate.ts,
 * which write.ts loads when given none), Node's zlib on the command line
 * (write-node.ts), about three times quicker at level 1 on a district's
 * output (`npm run bench`, «ghi tệp kết quả»), and without loading fflate,
 * which cost every command-line run 25 ms.
 */

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Raw DEFLATE (no zlib header), as a zip entry holds it. */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;

export type ZipOptions = {
  /** The entries' date and time (default now). */
  when?: Date;
  /** Default: a table-driven CRC-32 in JavaScript; Node has its own (zlib.crc32). */
  crc32?: (data: Uint8Array) => number;
} & (
  /** Store the entries as they are (already compressed: .xlsx, .docx). */
  | { store: true; deflateRaw?: undefined }
  /** Deflated: level 1 is quick, files a little larger than at the default level. */
  | { store?: false; deflateRaw: DeflateRaw }
);

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(buf: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * The fields a zip entry's local header (from byte 4) and its central directory
 * record (from byte 6) hold alike: version needed 2.0, flags (UTF-8 names),
 * method, DOS time and date, CRC-32, compressed and plain sizes, name length, extra length 0.
 */
function writeEntryFields(v: DataView, at: number, method: number, time: number, date: number, crc: number, packed: number, plain: number, nameLength: number): void {
  v.setUint16(at, 20, true);
  v.setUint16(at + 2, 0x0800, true);
  v.setUint16(at + 4, method, true);
  v.setUint16(at + 6, time, true);
  v.setUint16(at + 8, date, true);
  v.setUint32(at + 10, crc, true);
  v.setUint32(at + 14, packed, true);
  v.setUint32(at + 18, plain, true);
  v.setUint16(at + 22, nameLength, true);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A plain zip of `files`, in their order. */
export function zipEntries(files: readonly ZipEntry[], options: ZipOptions): Uint8Array {
  const when = options.when ?? new Date();
  const checksum = options.crc32 ?? crc32;
  const method = options.store ? 0 : 8;
  const time = (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2);
  const date = ((Math.max(when.getFullYear(), 1980) - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = encoder.encode(f.name);
    const data = options.store ? f.data : options.deflateRaw(f.data);
    const crc = checksum(f.data);
    const local = new Uint8Array(30);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    writeEntryFields(lv, 4, method, time, date, crc, data.length, f.data.length, name.length);
    const dir = new Uint8Array(46);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    // Made by «Unix, 2.0» with a plain file's mode: Info-ZIP's unzip honours the UTF-8 flag only then
    // (for an MS-DOS host it reads the names as code page 437), as it does for Python's zips; Excel and Windows ignore both.
    dv.setUint16(4, 0x0314, true);
    writeEntryFields(dv, 6, method, time, date, crc, data.length, f.data.length, name.length);
    dv.setUint32(38, (0o100644 << 16) >>> 0, true);
    dv.setUint32(42, offset, true);
    chunks.push(local, name, data);
    central.push(dir, name);
    offset += local.length + name.length + data.length;
  }
  const cd = concat(central);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, cd.length, true);
  ev.setUint32(16, offset, true);
  return concat([...chunks, cd, end]);
}
