import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ExportDocument, ExportFileSink, ExportFileWriter } from '../services/exportPorts';
import { csvEncoder, jsonEncoder, xlsxEncoder, type Encoder, type OutputFailure } from './exportEncoders';
import type { PeopleSources } from './exportPeople';

export const EXPORTS_FOLDER = 'exports';
export const MANIFEST_SUFFIX = '.manifest.json';
const PARTIAL_SUFFIX = '.partial';

/**
 * Makes a rename durable. Windows cannot open a directory for fsync; NTFS
 * journals the rename itself, so failing to open one there is not an error.
 */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch {
    // see above
  } finally {
    await handle?.close();
  }
}

/** Small files (the manifest): written aside, flushed, then renamed into place. */
async function writeFileDurably(file: string, text: string): Promise<void> {
  const partial = `${file}${PARTIAL_SUFFIX}`;
  const handle = await fs.promises.open(partial, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(partial, file);
}

function plainName(fileName: string): string {
  const name = path.basename(fileName);
  if (name !== fileName || name === '' || name.startsWith('.')) throw new Error(`not a plain file name: ${fileName}`);
  return name;
}

function encoderFor(document: ExportDocument, out: Transform, failed: OutputFailure, people?: PeopleSources): Encoder {
  switch (document.format) {
    case 'csv':
      return csvEncoder(document, out, failed);
    case 'json':
      return jsonEncoder(document, out, failed);
    case 'xlsx':
      return xlsxEncoder(document, out, failed, new Date(document.createdAt), people);
  }
}

/**
 * Export files in one folder. The file is written as `<name>.partial` (hashed on
 * the way through), flushed to disk, and only then renamed to its name, so a
 * cancelled, failed or interrupted export never leaves half a file under the
 * final name. The manifest goes beside it the same way.
 */
export function createExportFileSink({ dir, people }: { dir: string; people?: PeopleSources }): ExportFileSink {
  return {
    async open(document): Promise<ExportFileWriter> {
      const finalPath = path.join(dir, plainName(document.fileName));
      const partialPath = `${finalPath}${PARTIAL_SUFFIX}`;
      await fs.promises.mkdir(dir, { recursive: true });

      const hash = createHash('sha256');
      let bytes = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          bytes += chunk.length;
          callback(null, chunk);
        },
      });
      // flush: the file descriptor is fsynced before it closes, so the rename publishes data that is on disk.
      const file = fs.createWriteStream(partialPath, { flush: true });
      const written = pipeline(tap, file);
      written.catch(() => {}); // awaited in close(); abort() expects it to fail
      // Settles only on failure (a full disk, or abort() destroying the streams).
      const failed: OutputFailure = written.then(() => new Promise<never>(() => {}));
      failed.catch(() => {});
      const encoder = encoderFor(document, tap, failed, people);
      let settled = false;

      const abort = async () => {
        if (settled) return;
        settled = true;
        // Late writes from the encoder now fail on the destroyed streams: expected, not news.
        tap.on('error', () => {});
        file.on('error', () => {});
        const closed = file.closed
          ? Promise.resolve()
          : new Promise<void>((resolve) => file.once('close', () => resolve()));
        tap.destroy();
        file.destroy();
        await closed; // Windows cannot delete a file that is still open
        await fs.promises.rm(partialPath, { force: true });
      };

      try {
        await encoder.start();
      } catch (error) {
        await abort();
        throw error;
      }
      return {
        write: (rows) => encoder.write(rows),
        async close() {
          await encoder.end();
          await written;
          return { sha256: hash.digest('hex'), bytes };
        },
        async publish(manifest) {
          await fs.promises.rename(partialPath, finalPath);
          settled = true; // from here on the file is the batch's: abort() must not touch it
          const manifestPath = `${finalPath}${MANIFEST_SUFFIX}`;
          await writeFileDurably(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
          await syncDirectory(dir);
          return { file: finalPath, manifest: manifestPath };
        },
        abort,
      };
    },
  };
}
