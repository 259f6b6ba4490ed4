/**
 * Hostile zips built at test time (no large binary committed):
 * a real workbook's parts re-packed by hand so that a test can replace a part
 * with a bomb, name a part twice, or point many directory entries at one part.
 */
import * as zlib from 'zlib';
import JSZip from 'jszip';

export interface RawPart {
  name: string;
  /** Raw-deflated bytes (method 8). */
  deflated: Buffer;
  /** Inflated size, as declared in the headers. */
  size: number;
}

/** The parts of a real workbook, each raw-deflated. */
export async function partsOf(xlsx: Buffer): Promise<RawPart[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts: RawPart[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    const data = Buffer.from(await zip.files[name].async('uint8array'));
    parts.push({ name, deflated: zlib.deflateRawSync(data), size: data.length });
  }
  return parts;
}

/**
 * `mb` megabytes of spaces, raw-deflated without ever holding them: one
 * megabyte deflated with a full flush (self-contained, byte-aligned blocks)
 * repeated `mb` times, then an empty final block. 1 GB costs 1 MB.
 */
export function deflatedRun(mb: number): { deflated: Buffer; size: number } {
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  return { deflated: Buffer.concat([...Array.from({ length: mb }, () => block), Buffer.from([0x03, 0x00])]), size: mb * 1024 * 1024 };
}

/**
 * A zip of the parts (crc left 0: neither reader checks it), with optional
 * extra central-directory entries pointing at an existing part's local header.
 */
export function packZip(parts: RawPart[], opts: { aliases?: { name: string; of: string }[] } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets = new Map<string, { offset: number; part: RawPart }>();
  let offset = 0;
  const centralEntry = (name: string, p: RawPart, at: number) => {
    const n = Buffer.from(name, 'utf8');
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(20, 6);
    h.writeUInt16LE(0x0800, 8);
    h.writeUInt16LE(8, 10);
    h.writeUInt32LE(p.deflated.length, 20);
    h.writeUInt32LE(Math.min(p.size, 0xfffffffe), 24);
    h.writeUInt16LE(n.length, 28);
    h.writeUInt32LE(at, 42);
    central.push(h, n);
  };
  for (const p of parts) {
    const n = Buffer.from(p.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(p.deflated.length, 18);
    h.writeUInt32LE(Math.min(p.size, 0xfffffffe), 22);
    h.writeUInt16LE(n.length, 26);
    locals.push(h, n, p.deflated);
    offsets.set(p.name, { offset, part: p });
    centralEntry(p.name, p, offset);
    offset += 30 + n.length + p.deflated.length;
  }
  for (const a of opts.aliases ?? []) {
    const target = offsets.get(a.of)!;
    centralEntry(a.name, target.part, target.offset);
  }
  const dir = Buffer.concat(central);
  const count = parts.length + (opts.aliases?.length ?? 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
