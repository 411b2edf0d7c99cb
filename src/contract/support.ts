import { z } from 'zod';
import { EmptyInput } from './schemas';
import { operation } from './operation';

/** How often the desktop app healed itself; null on the HTTP host, which has no window to heal. */
export const RecoveryStatsSchema = z.object({
  total: z.int().min(0),
  relaunches: z.int().min(0),
  lastAt: z.string().nullable(),
  lastReason: z.string().nullable(),
});

export const MAX_LOG_LINES = 500;

/** A support bundle is named by the app; callers only ever get its name in the support folder. */
export const SupportBundleNameSchema = z.string().regex(/^sipas-support-[0-9TZ-]+\.json$/, 'a support bundle name');

/**
 * What an administrator (or whoever helps them on the phone) needs to see why
 * the kiosk misbehaves: the latest log lines, versions, self-repairs, and one
 * file to send that holds it all. Never secrets: no PINs, tokens, keys.
 */
export const supportOperations = {
  supportStatus: operation({
    role: 'admin',
    summary: 'Versions of the app and its runtime, and how often the kiosk healed itself.',
    input: EmptyInput,
    output: z.object({
      versions: z.record(z.string(), z.string()),
      recoveries: RecoveryStatsSchema.nullable(),
      /** Log files are written in <data folder>/logs (the desktop app); false when this host keeps none. */
      logFiles: z.boolean(),
    }),
  }),
  recentLogLines: operation({
    role: 'admin',
    summary: 'The last lines of the log files, oldest first.',
    input: z.object({ limit: z.int().min(1).max(MAX_LOG_LINES).default(200) }).strict(),
    output: z.object({ lines: z.array(z.string()) }),
  }),
  saveSupportBundle: operation({
    role: 'admin',
    summary:
      'Writes one JSON file (logs, versions, settings without secrets) into <data folder>/support; returns its name.',
    input: EmptyInput,
    output: z.object({ fileName: SupportBundleNameSchema, folder: z.literal('support'), bytes: z.int().min(0) }),
  }),
};
