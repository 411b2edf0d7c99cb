import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/contract/syncProtocol';
import { startHub, type RunningHub } from '../../src/hub';
import { STORED_LOG_EVERY_MS } from '../../src/hub/ingest';
import { createLogger } from '../../src/node/logger';
import { signBody } from '../../src/node/signing';
import { makeBatch, send, UNIT } from '../support/hubClient';

/**
 * What the hub's batch route does around the protocol (tests/support/hubSuites/protocol.ts
 * holds the protocol itself): the headers every answer carries, a chunked body within the
 * limit read whole, and stored batches logged as a count a minute rather than a line each.
 */

let hub: RunningHub | undefined;
let dir = '';
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function startWith(now: () => number, lines: string[] = []) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-hub-ingest-'));
  hub = await startHub({
    db: `sqlite:${path.join(dir, 'hub.db')}`,
    port: 0,
    now,
    logger: createLogger('hub', (line) => lines.push(line)),
  });
  const device = await hub.addDevice({ deviceId: 'kiosk-01', unitCode: UNIT.code, unitName: UNIT.name });
  return { hub, device };
}

describe('the hub’s batch route', () => {
  it('answers a stored batch and a refusal with the same security and cache headers', async () => {
    const { hub, device } = await startWith(() => Date.parse('2026-11-29T03:00:00Z'));
    const stored = await send(hub.batchesUrl, device, makeBatch({ deviceId: 'kiosk-01' }));
    const refused = await send(
      hub.batchesUrl,
      { ...device, token: 'x'.repeat(43) },
      makeBatch({ deviceId: 'kiosk-01' }),
    );
    expect([stored.status, refused.status]).toEqual([201, 401]);
    for (const answer of [stored, refused]) {
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it('reads a chunked body within the limit whole, and stores it', async () => {
    const { hub, device } = await startWith(() => Date.parse('2026-11-29T03:00:00Z'));
    const batch = makeBatch({ deviceId: 'kiosk-01' });
    const body = canonicalJson(batch);
    const answer = await new Promise<{ status: number; text: string; chunked: boolean }>((resolve, reject) => {
      const request = http.request(hub.batchesUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          authorization: `Bearer ${device.token}`,
          'idempotency-key': batch.batchId,
          'x-sipas-signature': signBody(device.secret, body),
        },
      });
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text,
            chunked: request.getHeader('content-length') === undefined,
          }),
        );
      });
      request.on('error', reject);
      // Three writes, no Content-Length: Node sends Transfer-Encoding: chunked.
      const third = Math.ceil(body.length / 3);
      for (let at = 0; at < body.length; at += third) request.write(body.slice(at, at + third));
      request.end();
    });
    expect(answer.chunked).toBe(true);
    expect([answer.status, JSON.parse(answer.text)]).toEqual([201, { accepted: true, batchId: batch.batchId }]);
    expect(await hub.totals()).toMatchObject({ storedBatches: 1, responses: batch.totals.responses });
  });

  it('logs stored batches as a count at most once a minute, not a line per batch', async () => {
    let clock = Date.parse('2026-11-29T03:00:00Z');
    const lines: string[] = [];
    const { hub, device } = await startWith(() => clock, lines);
    const stored = () => lines.map((line) => JSON.parse(line)).filter((entry) => entry.message === 'batches stored');
    for (let i = 0; i < 3; i += 1)
      expect(
        (await send(hub.batchesUrl, device, makeBatch({ deviceId: 'kiosk-01', date: `2026-11-2${i}` }))).status,
      ).toBe(201);
    expect(stored()).toEqual([]);
    clock += STORED_LOG_EVERY_MS;
    expect((await send(hub.batchesUrl, device, makeBatch({ deviceId: 'kiosk-01', date: '2026-11-23' }))).status).toBe(
      201,
    );
    expect(stored()).toMatchObject([{ level: 'info', batches: 4, since: '2026-11-29T03:00:00.000Z' }]);
    expect((await send(hub.batchesUrl, device, makeBatch({ deviceId: 'kiosk-01', date: '2026-11-24' }))).status).toBe(
      201,
    );
    expect(stored()).toHaveLength(1);
  });
});
