import type { Session } from '../contract/dispatch';
import { AppError } from '../domain/errors';
import type { AuditLog, Clock } from './ports';
import type { RecoveryStats } from './shell';

/** Lines a bundle carries: about a day of a busy kiosk. */
export const BUNDLE_LOG_LINES = 5_000;

export interface SupportDeps {
  /** The last lines of the log files, oldest first (none where the host keeps no files). */
  logTail(limit: number): string[];
  logFiles: boolean;
  versions(): Record<string, string>;
  /** The settings an expert needs to see; secrets are stripped again below. */
  settings(): Record<string, unknown>;
  recoveries(): RecoveryStats | null;
  /** Writes the bundle into the support folder under this name; returns the bytes written. */
  writeBundle(fileName: string, content: string): number;
  audit: AuditLog;
  clock: Clock;
}

/** Keys whose string values never leave the kiosk in a bundle (booleans such as hasToken stay). */
const SECRET_KEY = /pin|token|secret|password|key|phone|case_?code/i;

/** A deep copy with every secret-looking string value replaced. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEY.test(key) && typeof inner === 'string' ? '[redacted]' : withoutSecrets(inner),
    ]),
  );
}

/** 2026-12-01T08:15:30.123Z → 20261201T081530Z: sortable, safe in any file system. */
const stamp = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

export function createSupportService({
  logTail,
  logFiles,
  versions,
  settings,
  recoveries,
  writeBundle,
  audit,
  clock,
}: SupportDeps) {
  return {
    status: () => ({ versions: versions(), recoveries: recoveries(), logFiles }),

    recentLogLines: ({ limit }: { limit: number }) => ({ lines: logTail(limit) }),

    saveBundle(session: Session | null) {
      if (!session) throw new AppError('unauthenticated', 'sign in first');
      const now = clock.now();
      const bundle = {
        kind: 'sipas-support-bundle',
        version: 1,
        createdAt: new Date(now).toISOString(),
        createdBy: session.officer,
        versions: versions(),
        recoveries: recoveries(),
        settings: withoutSecrets(settings()),
        logs: logTail(BUNDLE_LOG_LINES),
      };
      const fileName = `sipas-support-${stamp(now)}.json`;
      const bytes = writeBundle(fileName, `${JSON.stringify(bundle, null, 2)}\n`);
      audit.record({
        at: bundle.createdAt,
        officer: session.officer,
        action: 'saveSupportBundle',
        target: fileName,
        after: { bytes },
      });
      return { fileName, folder: 'support' as const, bytes };
    },
  };
}

export type SupportService = ReturnType<typeof createSupportService>;
