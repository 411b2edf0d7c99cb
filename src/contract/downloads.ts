import { z } from 'zod';
import { operation } from './operation';

export const downloadKinds = ['export', 'exportManifest', 'backup'] as const;

/** Raw bytes per chunk: about 700 KB once in base64, well under what either host carries. */
export const DOWNLOAD_CHUNK_BYTES = 512 * 1024;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const downloadOperations = {
  downloadFile: operation({
    role: 'admin',
    summary:
      'Reads an export file, its manifest or a backup in base64 chunks from an offset, so the admin screen can save it over IPC and HTTP alike; the first chunk is audited.',
    input: z
      .object({
        kind: z.enum(downloadKinds),
        /** The batch id (export, exportManifest) or the backup's name. */
        name: z.string().min(1).max(200),
        offset: z.int().min(0).default(0),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      /** The whole file's size. */
      bytes: z.int().min(0),
      offset: z.int().min(0),
      /** This chunk, base64. */
      chunk: z.string(),
      /** Where the next chunk starts; null at the end. */
      next: z.int().nullable(),
      /** The SHA-256 the file must have: the batch's recorded one (export), or the file's own (manifest, backup). */
      sha256: Sha256,
    }),
  }),
};
