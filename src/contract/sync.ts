import { z } from 'zod';
import { EmptyInput } from './schemas';
import { operation } from './operation';
import { isAllowedUpstream } from './syncProtocol';

/**
 * The administrator's side of upstream sync (docs/SYNC-PROTOCOL.md). The device
 * secret goes in through configureSync and never comes out again: no operation
 * returns it, the audit log only says that it changed.
 */
export const UPSTREAM_URL_RULE =
  'must start with https:// — http:// is allowed only for a collector on this machine (localhost, 127.x.x.x, ::1)';

/** Why an upstream address cannot be saved, or null when it can. */
export function upstreamUrlProblem(url: string): string | null {
  if (!isAllowedUpstream(url)) return UPSTREAM_URL_RULE;
  const parsed = new URL(url);
  // The token and secret have their own fields; a URL ends up in logs and screenshots.
  if (parsed.username || parsed.password) return 'must not contain a user name or password';
  if (parsed.search || parsed.hash) return 'must not contain ?query or #fragment; give the collector’s base address';
  return null;
}

const UpstreamUrl = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .superRefine((url, ctx) => {
    const problem = upstreamUrlProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Sent in HTTP headers: printable ASCII without spaces. */
const HeaderSafe = (min: number) =>
  z
    .string()
    .min(min, `at least ${min} characters`)
    .max(512)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

export const SyncPassResult = z.object({
  /** done: nothing left to send; retry_later: a temporary failure, tried again at nextAttemptAt;
   *  backing_off: the oldest batch waits for its back-off; not_configured; stopped: the app closed. */
  outcome: z.enum(['done', 'retry_later', 'backing_off', 'not_configured', 'stopped']),
  built: z.int().min(0),
  sent: z.int().min(0),
  superseded: z.int().min(0),
  parked: z.int().min(0),
  pending: z.int().min(0),
  error: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});

export const SyncStatus = z.object({
  upstreamUrl: z.string().nullable(),
  deviceId: z.string(),
  /** Address, token and secret are all set. */
  configured: z.boolean(),
  hasToken: z.boolean(),
  hasSecret: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  pending: z.int().min(0),
  /** Refused for good by the collector: shown until the configuration changes. */
  parked: z.array(z.object({ batchId: z.string(), date: z.string(), revision: z.int(), error: z.string() })),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  /** When the oldest waiting batch is tried again; null when it goes with the next scheduled pass. */
  nextAttemptAt: z.string().nullable(),
});

export const SyncTestResult = z.object({
  reachable: z.boolean(),
  /** null when the collector did not answer or its answer does not tell. */
  credentialsAccepted: z.boolean().nullable(),
  status: z.int().nullable(),
  message: z.string(),
});

export const syncOperations = {
  syncStatus: operation({
    role: 'admin',
    summary: 'Upstream sync: address, last success, batches waiting, batches refused, last error.',
    input: EmptyInput,
    output: SyncStatus,
  }),
  configureSync: operation({
    role: 'admin',
    summary: 'Sets the collector address and (optionally) the device token and secret; requeues refused batches.',
    input: z
      .object({
        upstreamUrl: UpstreamUrl,
        /** Omitted: keep the stored one. */
        deviceToken: HeaderSafe(8).optional(),
        deviceSecret: HeaderSafe(16).optional(),
      })
      .strict(),
    output: SyncStatus,
  }),
  syncNow: operation({
    role: 'admin',
    summary: 'Builds the batches of finished days and sends what waits, now (ignores the back-off).',
    input: EmptyInput,
    output: SyncPassResult,
  }),
  testSyncConnection: operation({
    role: 'admin',
    summary: 'Asks the collector whether it is reachable and accepts this device’s token and signature.',
    input: EmptyInput,
    output: SyncTestResult,
  }),
} as const;

export type SyncPassResult = z.infer<typeof SyncPassResult>;
export type SyncStatus = z.infer<typeof SyncStatus>;
export type SyncTestResult = z.infer<typeof SyncTestResult>;
export type ConfigureSyncInput = z.output<(typeof syncOperations)['configureSync']['input']>;
