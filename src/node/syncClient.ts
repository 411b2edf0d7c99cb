import { BATCHES_PATH } from '../contract/syncProtocol';
import type { UpstreamAnswer, UpstreamClient } from '../services/syncPorts';
import { batchRequestHeaders } from './signing';

export interface SyncClientOptions {
  /**
   * The whole request, connection to last byte of the answer (docs/SYNC-PROTOCOL.md: 30 s).
   * The connect phase has its own 10 s limit: Node's fetch (undici) refuses a
   * connection not made within 10 s by default, which is the protocol's figure.
   */
  totalTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** An answer larger than this is not the collector's small JSON; it is cut short. */
const MAX_ANSWER_CHARS = 64_000;

const reasonOf = (error: unknown, timedOut: boolean): string => {
  if (timedOut) return 'no answer within the time limit';
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 300);
};

/**
 * POSTs a batch with the protocol's headers. The body is sent as the exact
 * UTF-8 bytes that were signed. Redirects are not followed (a token must not
 * travel to an address the administrator did not set). Never throws: every
 * failure to get an answer is `unreachable`, which the service retries.
 */
export function createSyncClient({
  totalTimeoutMs = 30_000,
  fetch: doFetch = fetch,
}: SyncClientOptions = {}): UpstreamClient {
  return {
    async send({ upstreamUrl, deviceToken, deviceSecret, batchId, body }, signal) {
      const bytes = Buffer.from(body, 'utf8');
      const timeout = AbortSignal.timeout(totalTimeoutMs);
      const both = AbortSignal.any([signal, timeout]);
      try {
        const response = await doFetch(`${upstreamUrl.replace(/\/+$/, '')}${BATCHES_PATH}`, {
          method: 'POST',
          headers: batchRequestHeaders({ token: deviceToken, secret: deviceSecret }, batchId, bytes),
          body: bytes,
          redirect: 'manual',
          signal: both,
        });
        const text = (await response.text()).slice(0, MAX_ANSWER_CHARS);
        let parsed: unknown = null;
        try {
          parsed = text ? (JSON.parse(text) as unknown) : null;
        } catch {
          parsed = null; // not JSON: the service decides what an unreadable answer means
        }
        return {
          kind: 'answer',
          status: response.status,
          body: parsed,
          retryAfter: response.headers.get('retry-after'),
        } satisfies UpstreamAnswer;
      } catch (error) {
        return { kind: 'unreachable', error: reasonOf(error, timeout.aborted) } satisfies UpstreamAnswer;
      }
    },
  };
}
