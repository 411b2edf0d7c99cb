import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../src/contract/operations';
import { startHost, type RunningHost } from '../support/runningHost';
import { hostileBody, hostileValue, invalidUtf8 } from './hostileInput';
import { STRESS_SCALE } from './scale';

let running: RunningHost;
let dataDir: string;
const tokens: Record<string, string | null> = { citizen: null };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-fuzz-http-'));
  running = await startHost(dataDir);
  tokens.staff = await running.signIn('nv01', '1111');
  tokens.admin = await running.signIn('qtv', '9999');
});
afterAll(async () => {
  await running.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// signOut with any valid input would end the fuzzer's own session; it is tested elsewhere.
const targets = operationNames.filter((name) => name !== 'signOut');

async function send(operation: string, body: string | Uint8Array, token: string | null) {
  const response = await fetch(`${running.host.url}api/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    // Bytes go as a Blob so they reach the host exactly as made, invalid UTF-8 included.
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
  return {
    status: response.status,
    envelope: (await response.json()) as { ok: boolean; error?: { code: string; message: string } },
  };
}

describe('hostile input over HTTP', () => {
  it('every operation, every role: a 4xx with a message, never a 500, and a refusal changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.constantFrom('citizen', 'staff', 'admin'),
        fc.oneof(hostileBody, invalidUtf8),
        async (operation, role, body) => {
          const before = running.snapshot();
          const { status, envelope } = await send(operation, body, tokens[role] ?? null);
          expect(status).toBeLessThan(500);
          if (!envelope.ok) {
            expect(status).toBeGreaterThanOrEqual(400);
            expect(envelope.error?.message.length).toBeGreaterThan(0);
            expect(envelope.error?.message).not.toMatch(/\n\s+at /); // no stack trace
            expect(running.snapshot()).toBe(before);
          }
        },
      ),
      { numRuns: 150 * STRESS_SCALE, seed: 42 },
    );
    // The host is still up and answers normally.
    expect((await send('health', '{}', null)).status).toBe(200);
  }, 120_000);

  it('scores of 0, 6 and NaN are refused by name', async () => {
    for (const score of [0, 6, 'NaN', null, 2.5]) {
      const { status, envelope } = await send(
        'submitResponse',
        JSON.stringify({
          id: crypto.randomUUID(),
          questionnaire: { id: 'sipas-quick', version: 1 },
          language: 'vi',
          durationMs: 9000,
          status: 'completed',
          answers: [{ item: 'access', score }],
        }),
        null,
      );
      expect(status).toBe(400);
      expect(envelope.error?.message).toMatch(/^answers\[0\]\.score: /);
    }
  });

  it('a huge string or a deeply nested body is refused, not a crash', async () => {
    fc.pre(true);
    for (const body of [
      JSON.stringify({ comment: 'ạ'.repeat(400_000) }),
      `${'['.repeat(500_000)}${']'.repeat(500_000)}`,
    ]) {
      const { status } = await send('submitResponse', body, null);
      expect([400, 413]).toContain(status);
    }
    void hostileValue;
  });
});
