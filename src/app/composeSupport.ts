import fs from 'node:fs';
import path from 'node:path';
import { LOGS_FOLDER, readLogTail } from '../node/rotatingLog';
import type { AuditLog, Clock } from '../services/ports';
import type { RecoveryStats } from '../services/shell';
import { createSupportService } from '../services/support';
import { APP_VERSION } from '../node/version';

export const SUPPORT_FOLDER = 'support';

export interface ComposeSupportDeps {
  dataDir: string;
  schemaVersion: () => number;
  settings: () => Record<string, unknown>;
  recoveries: () => RecoveryStats | null;
  audit: AuditLog;
  clock: Clock;
}

/** The support section's service on this data folder: logs from <dataDir>/logs, bundles into <dataDir>/support. */
export function composeSupport({ dataDir, schemaVersion, settings, recoveries, audit, clock }: ComposeSupportDeps) {
  const logsDir = path.join(dataDir, LOGS_FOLDER);
  const supportDir = path.join(dataDir, SUPPORT_FOLDER);
  const { versions: runtime } = process;
  return createSupportService({
    logTail: (limit) => readLogTail(logsDir, limit),
    logFiles: fs.existsSync(logsDir),
    versions: () => ({
      app: APP_VERSION,
      schema: String(schemaVersion()),
      node: runtime.node,
      ...(runtime.electron ? { electron: runtime.electron } : {}),
      ...(runtime.chrome ? { chrome: runtime.chrome } : {}),
      platform: `${process.platform} ${process.arch}`,
    }),
    settings,
    recoveries,
    writeBundle(fileName, content) {
      fs.mkdirSync(supportDir, { recursive: true });
      // The bundle names the unit and its officers' codes: readable by this user only.
      fs.writeFileSync(path.join(supportDir, fileName), content, { mode: 0o600 });
      return Buffer.byteLength(content);
    },
    audit,
    clock,
  });
}
