import type { Writable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * The zip container of our XLSX files, streamed: each entry is deflated by
 * node:zlib (on its thread pool, beside the JavaScript that writes the XML) and
 * checksummed by zlib.crc32. The zip libraries on npm (yazl, archiver's
 * crc32-stream) compute CRC-32 in JavaScript at 60–240 MB/s on this kind of
 * machine, native zlib.crc32 at 450–750 MB/s: on the ~600 MB sheet of a
 * 1,000,000-response export that alone was seconds.
 *
 * Classic zip unless an entry or the archive passes 4 GiB, then ZIP64 where needed
 * (sizes in the central directory and a 64-bit data descriptor): Excel has been
 * known to reject ZIP64 fields it did not need.
 */

/** Rejects once the output fails; never settles otherwise (exportEncoders' OutputFailure). */
type Failure = Promise<never>;

interface Drainable {
  writableNeedDrain?: boolean;
  once(event: 'drain', listener: () => void): unknown;
}

async function drain(stream: Drainable, failed: Failure): Promise<void> {
  if (!stream.writableNeedDrain) return;
  await Promise.race([new Promise<void>((resolve) => stream.once('drain', resolve)), failed]);
}

interface Entry {
  name: Buffer;
  /** General purpose flags: bit 11 UTF-8 names, bit 3 sizes in a data descriptor. */
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export interface ZipEntryStream {
  /** Deflates the text into the entry; resolves when there is room for more. */
  write(text: string): Promise<void>;
  /**
   * Hands the text to the deflater now, without waiting for room: the caller
   * waits with write('') at a bound of its own. The string is bytes right away,
   * so it is garbage before any await.
   */
  push(text: string): void;
  end(): Promise<void>;
}

export interface ZipOptions {
  /** Every entry's modification time (stored as its UTC wall clock, so the bytes never depend on the machine's zone). */
  date: Date;
  /** Deflate level: 1 is several times faster than 6 on spreadsheet XML, for files a little larger. */
  level: number;
  /** Sizes and offsets from this one on are written as ZIP64 (a test lowers it; the format's limit otherwise). */
  zip64From?: number;
}

const UTF8_NAMES = 0x0800;
const DATA_DESCRIPTOR = 0x0008;
const DEFLATE = 8;
const MAX_32 = 0xffffffff;

function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export function createZipWriter(out: Writable, failed: Failure, { date, level, zip64From = MAX_32 }: ZipOptions) {
  const dos = dosDateTime(date);
  const entries: Entry[] = [];
  let offset = 0;
  let busy = false;

  async function put(bytes: Buffer): Promise<void> {
    if (out.destroyed) throw new Error('the export file was closed');
    out.write(bytes);
    offset += bytes.length;
    await drain(out, failed);
  }

  function localHeader(entry: Entry): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0, deflate
    header.writeUInt16LE(entry.flags, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(dos.time, 10);
    header.writeUInt16LE(dos.date, 12);
    // With a data descriptor, CRC and sizes stay 0 here and follow the data.
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressedSize, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(entry.name.length, 26);
    return Buffer.concat([header, entry.name]);
  }

  const isLarge = (entry: Entry) =>
    entry.size >= zip64From || entry.compressedSize >= zip64From || entry.offset >= zip64From;

  function dataDescriptor(entry: Entry): Buffer {
    const wide = isLarge(entry);
    const buffer = Buffer.alloc(wide ? 24 : 16);
    buffer.writeUInt32LE(0x08074b50, 0);
    buffer.writeUInt32LE(entry.crc, 4);
    if (wide) {
      buffer.writeBigUInt64LE(BigInt(entry.compressedSize), 8);
      buffer.writeBigUInt64LE(BigInt(entry.size), 16);
    } else {
      buffer.writeUInt32LE(entry.compressedSize, 8);
      buffer.writeUInt32LE(entry.size, 12);
    }
    return buffer;
  }

  function centralHeader(entry: Entry): Buffer {
    const wide = isLarge(entry);
    // ZIP64 extra field: all three 64-bit values, each standing for a 0xFFFFFFFF below.
    const extra = wide ? Buffer.alloc(28) : Buffer.alloc(0);
    if (wide) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(entry.size), 4);
      extra.writeBigUInt64LE(BigInt(entry.compressedSize), 12);
      extra.writeBigUInt64LE(BigInt(entry.offset), 20);
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(wide ? 45 : 20, 4); // made by: MS-DOS attributes, this version
    header.writeUInt16LE(wide ? 45 : 20, 6);
    header.writeUInt16LE(entry.flags, 8);
    header.writeUInt16LE(DEFLATE, 10);
    header.writeUInt16LE(dos.time, 12);
    header.writeUInt16LE(dos.date, 14);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(wide ? MAX_32 : entry.compressedSize, 20);
    header.writeUInt32LE(wide ? MAX_32 : entry.size, 24);
    header.writeUInt16LE(entry.name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(wide ? MAX_32 : entry.offset, 42);
    return Buffer.concat([header, entry.name, extra]);
  }

  const claim = () => {
    if (busy) throw new Error('one zip entry at a time');
    busy = true;
  };

  return {
    /** A small entry, deflated in one go. */
    async file(name: string, text: string): Promise<void> {
      claim();
      const data = Buffer.from(text, 'utf8');
      const compressed = zlib.deflateRawSync(data, { level });
      const entry: Entry = {
        name: Buffer.from(name, 'utf8'),
        flags: UTF8_NAMES,
        crc: zlib.crc32(data),
        compressedSize: compressed.length,
        size: data.length,
        offset,
      };
      if (isLarge(entry)) entry.flags |= DATA_DESCRIPTOR; // the local header cannot say it: the descriptor will
      entries.push(entry);
      await put(localHeader(isLarge(entry) ? { ...entry, crc: 0, compressedSize: 0, size: 0 } : entry));
      await put(compressed);
      if (isLarge(entry)) await put(dataDescriptor(entry));
      busy = false;
    },

    /** A large entry written piece by piece; the next entry may start once it has ended. */
    async stream(name: string): Promise<ZipEntryStream> {
      claim();
      const entry: Entry = {
        name: Buffer.from(name, 'utf8'),
        flags: UTF8_NAMES | DATA_DESCRIPTOR,
        crc: 0,
        compressedSize: 0,
        size: 0,
        offset,
      };
      entries.push(entry);
      await put(localHeader(entry));
      const deflate = zlib.createDeflateRaw({ level });
      const deflateFailed = new Promise<never>((_resolve, reject) => deflate.once('error', reject));
      deflateFailed.catch(() => {});
      const stop = Promise.race([failed, deflateFailed]);
      stop.catch(() => {}); // raced wherever it matters
      // The deflater's output goes straight to the file; it pauses while the file's buffer is full.
      deflate.on('data', (chunk: Buffer) => {
        entry.compressedSize += chunk.length;
        offset += chunk.length;
        if (!out.write(chunk)) {
          deflate.pause();
          out.once('drain', () => deflate.resume());
        }
      });
      const ended = new Promise<void>((resolve) => deflate.once('end', resolve));
      const push = (text: string) => {
        if (out.destroyed) throw new Error('the export file was closed');
        if (text === '') return;
        const data = Buffer.from(text, 'utf8');
        entry.crc = zlib.crc32(data, entry.crc);
        entry.size += data.length;
        deflate.write(data);
      };
      return {
        push,
        async write(text) {
          push(text);
          await drain(deflate, stop);
        },
        async end() {
          deflate.end();
          await Promise.race([ended, stop]);
          await put(dataDescriptor(entry));
          busy = false;
        },
      };
    },

    /** The central directory and its end records; the output is ended by the caller. */
    async finish(): Promise<void> {
      claim();
      const start = offset;
      await put(Buffer.concat(entries.map(centralHeader)));
      const size = offset - start;
      const wide = start >= zip64From || size >= zip64From || entries.some(isLarge);
      if (wide) {
        const record = Buffer.alloc(56);
        record.writeUInt32LE(0x06064b50, 0);
        record.writeBigUInt64LE(44n, 4); // the record's size after this field
        record.writeUInt16LE(45, 12);
        record.writeUInt16LE(45, 14);
        record.writeBigUInt64LE(BigInt(entries.length), 24);
        record.writeBigUInt64LE(BigInt(entries.length), 32);
        record.writeBigUInt64LE(BigInt(size), 40);
        record.writeBigUInt64LE(BigInt(start), 48);
        const locator = Buffer.alloc(20);
        locator.writeUInt32LE(0x07064b50, 0);
        locator.writeBigUInt64LE(BigInt(offset), 8);
        locator.writeUInt32LE(1, 16);
        await put(Buffer.concat([record, locator]));
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(wide ? MAX_32 : size, 12);
      end.writeUInt32LE(wide ? MAX_32 : start, 16);
      await put(end);
    },
  };
}
