import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Session } from '../contract/dispatch';
import { DOWNLOAD_CHUNK_BYTES, type downloadKinds } from '../contract/downloads';
import { AppError } from '../domain/errors';
import type { ExportBatchRecord } from '../services/exportPorts';
import type { AuditLog, Clock } from '../services/ports';
import { resolveBackupName } from './backups';
import { BACKUPS_DIR } from '../node/backupFiles';
import { MANIFEST_SUFFIX } from '../node/exportFiles';

export interface DownloadDeps {
  dataDir: string;
  exportsDir: string;
  findBatch: (id: string) => Pick<ExportBatchRecord, 'id' | 'fileName' | 'sha256'> | null;
  audit: AuditLog;
  clock: Clock;
}

type Kind = (typeof downloadKinds)[number];

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function readChunk(file: string, offset: number): Promise<{ bytes: number; data: Buffer }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.max(0, Math.min(DOWNLOAD_CHUNK_BYTES, size - offset));
    const data = Buffer.alloc(length);
    if (length > 0) await handle.read(data, 0, length, offset);
    return { bytes: size, data };
  } finally {
    await handle.close();
  }
}

/**
 * Export files and backups, read in chunks for the admin screen's download: one
 * operation that works over IPC and HTTP alike, with the administrator's session,
 * never a path from the caller (a batch id or a backup's strict name).
 */
export function createFileDownloads({ dataDir, exportsDir, findBatch, audit, clock }: DownloadDeps) {
  // The SHA-256 of a backup or manifest, computed once per file and size.
  const hashes = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

  async function fileHash(file: string): Promise<string> {
    const { size, mtimeMs } = await fs.promises.stat(file);
    const known = hashes.get(file);
    if (known && known.size === size && known.mtimeMs === mtimeMs) return known.sha256;
    const sha256 = await sha256Of(file);
    hashes.set(file, { size, mtimeMs, sha256 });
    return sha256;
  }

  async function locate(kind: Kind, name: string): Promise<{ file: string; fileName: string; sha256: string }> {
    if (kind === 'backup') {
      const file = resolveBackupName(path.join(dataDir, BACKUPS_DIR), name);
      return { file, fileName: name, sha256: await fileHash(file) };
    }
    const batch = findBatch(name);
    if (!batch) throw new AppError('not_found', `name: no export batch ${name.slice(0, 64)}`);
    const fileName = kind === 'export' ? batch.fileName : `${batch.fileName}${MANIFEST_SUFFIX}`;
    const file = path.join(exportsDir, path.basename(fileName));
    if (!fs.existsSync(file))
      throw new AppError('not_found', `the file ${fileName} is no longer in the exports folder`);
    return { file, fileName, sha256: kind === 'export' ? batch.sha256 : await fileHash(file) };
  }

  return {
    async download({ kind, name, offset }: { kind: Kind; name: string; offset: number }, session: Session | null) {
      if (!session) throw new AppError('unauthenticated', 'sign in first');
      const { file, fileName, sha256 } = await locate(kind, name);
      const { bytes, data } = await readChunk(file, offset);
      if (offset > bytes) throw new AppError('bad_input', `offset: past the end of ${fileName} (${bytes} bytes)`);
      if (offset === 0 && kind !== 'exportManifest') {
        audit.record({
          at: new Date(clock.now()).toISOString(),
          officer: session.officer,
          action: kind === 'backup' ? 'backup.download' : 'export.download',
          target: fileName,
          after: { bytes, sha256 },
        });
      }
      const end = offset + data.length;
      return { fileName, bytes, offset, chunk: data.toString('base64'), next: end < bytes ? end : null, sha256 };
    },
  };
}

export type FileDownloads = ReturnType<typeof createFileDownloads>;
