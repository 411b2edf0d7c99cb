import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { verifySignature } from '../../src/node/signing';
import { AggregateBatch, BATCHES_PATH } from '../../src/contract/syncProtocol';

/**
 * A collector for sync tests: node:http on 127.0.0.1, port 0. By default it
 * behaves as docs/SYNC-PROTOCOL.md says (token, signature, idempotent batchId, the
 * highest revision of a (device, date, questionnaire) wins); a script makes the next requests
 * fail in the ways a real network and server do.
 */
export type Step =
  /** Protocol semantics. */
  | 'normal'
  /** Answer this status (and body) without storing anything. */
  | { status: number; body?: unknown; retryAfter?: string }
  /** Read the request and never answer (the client must time out). */
  | 'hang'
  /** Read the whole body, then cut the connection: nothing stored. */
  | 'drop'
  /** Store the batch as 'normal' would, then cut the connection: the acknowledgement is lost. */
  | 'store-then-drop';

export interface Received {
  batchId: string | undefined;
  headers: http.IncomingHttpHeaders;
  body: string;
  step: string;
  status: number | null;
}

type Counts = [number, number, number, number, number];

export async function startFakeUpstream(devices: Array<{ token: string; secret: string }>) {
  const script: Step[] = [];
  const received: Received[] = [];
  const stored = new Map<string, { body: string; batch: AggregateBatch }>();
  const latest = new Map<string, AggregateBatch>();
  const sockets = new Set<Socket>();

  function normal(body: string, headers: http.IncomingHttpHeaders): { status: number; json: unknown } {
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
    const device = devices.find((d) => d.token === token);
    if (!device) return { status: 401, json: { error: { code: 'unauthorized', message: 'unknown device token' } } };
    const signature = headers['x-sipas-signature'];
    if (
      !verifySignature(device.secret, Buffer.from(body, 'utf8'), typeof signature === 'string' ? signature : undefined)
    ) {
      return { status: 401, json: { error: { code: 'bad_signature', message: 'signature does not match' } } };
    }
    let parsed: ReturnType<typeof AggregateBatch.safeParse>;
    try {
      parsed = AggregateBatch.safeParse(JSON.parse(body));
    } catch {
      return { status: 400, json: { error: { code: 'bad_json', message: 'not JSON' } } };
    }
    if (!parsed.success)
      return { status: 422, json: { error: { code: 'invalid_batch', message: parsed.error.message.slice(0, 200) } } };
    const batch = parsed.data;
    if (headers['idempotency-key'] !== batch.batchId)
      return { status: 400, json: { error: { code: 'bad_idempotency_key' } } };
    const seen = stored.get(batch.batchId);
    if (seen) {
      return seen.body === body
        ? { status: 200, json: { accepted: true, duplicate: true } }
        : { status: 409, json: { error: { code: 'batch_conflict', message: 'same batchId, other body' } } };
    }
    const key = `${batch.device.id}|${batch.date}|${batch.questionnaire.id}@${batch.questionnaire.version}`;
    const current = latest.get(key);
    if (current && current.revision >= batch.revision)
      return {
        status: 409,
        json: { error: { code: 'stale_revision', message: `revision ${current.revision} is stored` } },
      };
    stored.set(batch.batchId, { body, batch });
    latest.set(key, batch);
    return { status: 201, json: { accepted: true, batchId: batch.batchId } };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const step: Step =
        req.url === BATCHES_PATH && req.method === 'POST' ? (script.shift() ?? 'normal') : { status: 404 };
      const entry: Received = {
        batchId: req.headers['idempotency-key'] as string | undefined,
        headers: req.headers,
        body,
        step: typeof step === 'string' ? step : String(step.status),
        status: null,
      };
      received.push(entry);
      if (step === 'hang') return;
      if (step === 'drop') return void req.socket.destroy();
      if (step === 'store-then-drop') {
        normal(body, req.headers);
        return void req.socket.destroy();
      }
      const answer = step === 'normal' ? normal(body, req.headers) : { status: step.status, json: step.body ?? null };
      entry.status = answer.status;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (typeof step === 'object' && step.retryAfter) headers['retry-after'] = step.retryAfter;
      res.writeHead(answer.status, headers).end(answer.json === null ? '' : JSON.stringify(answer.json));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    /** The next requests get these answers, in order; then 'normal' again. */
    script: (...steps: Step[]) => void script.push(...steps),
    /** The latest batch of (device, date), of the one questionnaire the tests' kiosks use unless named. */
    latest: (deviceId: string, date: string, questionnaire?: { id: string; version: number }) =>
      [...latest.values()].find(
        (b) =>
          b.device.id === deviceId &&
          b.date === date &&
          (!questionnaire ||
            (b.questionnaire.id === questionnaire.id && b.questionnaire.version === questionnaire.version)),
      ) ?? null,
    /** What the collector counts: the rows of the latest revision of every (device, date, questionnaire). */
    totals() {
      const byItem: Record<string, Counts> = {};
      const sums = { responses: 0, counted: 0, suspect: 0, abandoned: 0 };
      for (const batch of latest.values()) {
        for (const name of ['responses', 'counted', 'suspect', 'abandoned'] as const) sums[name] += batch.totals[name];
        for (const row of batch.rows) {
          const counts = (byItem[row.item] ??= [0, 0, 0, 0, 0]);
          row.counts.forEach((n, i) => (counts[i] = (counts[i] ?? 0) + n));
        }
      }
      return { ...sums, byItem, days: [...latest.values()].map((b) => `${b.date}@${b.revision}`).sort() };
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeUpstream = Awaited<ReturnType<typeof startFakeUpstream>>;
