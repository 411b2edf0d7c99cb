import path from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, writeStaticSite, type RunningHost } from '../support/runningHost';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
let running: RunningHost;
let dataDir: string;

beforeAll(async () => {
  dataDir = (await import('node:fs')).mkdtempSync(path.join((await import('node:os')).tmpdir(), 'sipas-http-'));
  running = await startHost(dataDir, writeStaticSite(path.join(dataDir, 'site')));
});
afterAll(async () => {
  await running.stop();
  (await import('node:fs')).rmSync(dataDir, { recursive: true, force: true });
});

async function submission() {
  const { body } = await running.post('getActiveQuestionnaire', {});
  return {
    id: crypto.randomUUID(),
    questionnaire: { id: body.value.id, version: body.value.version },
    language: 'vi',
    durationMs: 20_000,
    // Every required rating of the quick form (unarmed, the result and feedback offer "no answer").
    answers: [
      { item: 'access', score: 4 },
      { item: 'procedure', score: 4 },
      { item: 'officer', score: 4 },
    ],
  };
}

describe('POST /api/<operation>', () => {
  it('answers in the envelope', async () => {
    const health = await running.post('health', {});
    expect(health).toMatchObject({
      status: 200,
      body: { ok: true, value: { status: 'ok', schemaVersion: LATEST_SCHEMA_VERSION, pendingWrites: 0 } },
    });
    const stored = await running.post('submitResponse', await submission());
    expect(stored).toMatchObject({ status: 200, body: { ok: true, value: { status: 'completed', duplicate: false } } });
  });

  it.each([
    ['malformed JSON', 'submitResponse', '{"id": ', {}, 400, 'body: not valid JSON'],
    [
      'a wrong type',
      'submitResponse',
      { durationMs: 'soon' },
      {},
      400,
      'durationMs: Invalid input: expected number, received string',
    ],
    ['an unknown field', 'dailySummary', { day: '2026-11-30', sql: 'DROP TABLE responses' }, {}, 401, 'sign in first'],
    [
      'a 2 MB body',
      'submitResponse',
      JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }),
      {},
      413,
      'the body is over 1048576 bytes',
    ],
    ['an unknown operation', 'dropEverything', {}, {}, 404, 'unknown operation: dropEverything'],
    [
      'a form post',
      'submitResponse',
      'a=1',
      { 'content-type': 'application/x-www-form-urlencoded' },
      400,
      'Content-Type must be application/json',
    ],
  ])('refuses %s with a clear 4xx and changes nothing', async (_what, operation, body, headers, status, message) => {
    const before = running.snapshot();
    const response = await running.post(operation, body, headers);
    expect(response.status).toBe(status);
    expect(response.body.ok).toBe(false);
    expect(response.body.error.message).toContain(message);
    expect(running.snapshot()).toBe(before);
    expect((await running.post('health', {})).status).toBe(200);
  });

  it('names an unknown field once signed in', async () => {
    const token = await running.signIn('nv01', '1111');
    const response = await running.post('dailySummary', { sql: 'x' }, { authorization: `Bearer ${token}` });
    expect(response).toEqual({
      status: 400,
      body: { ok: false, error: { code: 'bad_input', message: 'sql: unknown field' } },
    });
  });

  it('401 without a session, 403 for a role too low, 200 for the right one', async () => {
    expect((await running.post('recentSignIns', {})).status).toBe(401);
    const staff = await running.signIn('nv01', '1111');
    expect(await running.post('recentSignIns', {}, { authorization: `Bearer ${staff}` })).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden', message: 'recentSignIns needs the admin role' } },
    });
    const admin = await running.signIn('qtv', '9999');
    const log = await running.post('recentSignIns', { limit: 2 }, { authorization: `Bearer ${admin}` });
    expect(log.status).toBe(200);
    expect(log.body.value).toEqual([
      expect.objectContaining({ officer: 'qtv', outcome: 'ok' }),
      expect.objectContaining({ officer: 'nv01', outcome: 'ok' }),
    ]);
  });

  it('a wrong PIN is 401 and never echoes the PIN', async () => {
    const response = await running.post('signIn', { officer: 'nv02', pin: '987654' });
    expect(response.status).toBe(401);
    expect(JSON.stringify(response.body)).not.toContain('987654');
  });
});

describe('who may call the host', () => {
  it('refuses a page from another origin, a rebound Host and a cross-site fetch', async () => {
    const before = running.snapshot();
    const body = JSON.stringify(await submission());
    const refused: Array<Record<string, string>> = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of refused) {
      const response = await running.post('submitResponse', body, headers);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('forbidden');
    }
    expect(running.snapshot()).toBe(before);
  });

  it('refuses a Host header that is not its own (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: running.host.port,
          path: '/api/health',
          method: 'POST',
          headers: { host: `evil.example:${running.host.port}`, 'content-type': 'application/json' },
        },
        (response) => resolve(response.statusCode ?? 0),
      );
      request.on('error', reject);
      request.end('{}');
    });
    expect(status).toBe(403);
  });

  it('accepts its own origin', async () => {
    const response = await running.post(
      'health',
      {},
      { origin: `http://127.0.0.1:${running.host.port}`, 'sec-fetch-site': 'same-origin' },
    );
    expect(response.status).toBe(200);
  });
});

describe('pages', () => {
  it('serves the renderer with security headers', async () => {
    const response = await fetch(running.host.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>kiosk</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    // As on app:// in Electron: the header would cost each cold load a new renderer process (httpApp.ts).
    expect(response.headers.get('cross-origin-opener-policy')).toBeNull();
  });

  it('answers GET on the API and unknown files with 404, not a stack', async () => {
    const api = await fetch(`${running.host.url}api/health`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('listens on loopback only by default', () => {
    expect(running.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});

void tempDir;

describe('arming over HTTP', () => {
  it('staff arm, the kiosk sees names, the response carries the context, the DB keeps only the hash', async () => {
    const token = await running.signIn('nv02', '2222');
    const auth = { authorization: `Bearer ${token}` };
    const desks = await running.post('listDesks', {}, auth);
    expect(desks.body.value.counters.map((c: { code: string }) => c.code)).toEqual(['Q1', 'Q2', 'Q3']);
    const armed = await running.post(
      'armKiosk',
      { caseCode: 'HS-2026-0042', counter: 'Q2', officer: 'nv02', field: 'dat-dai' },
      auth,
    );
    expect(armed.status).toBe(200);
    const view = await running.post('getArmedContext', {});
    expect(view.body.value).toMatchObject({
      officer: { name: 'Trần Văn Minh' },
      counter: { code: 'Q2' },
      field: { name: 'Đất đai' },
      hasCaseCode: true,
    });
    expect(JSON.stringify(view.body)).not.toContain('HS-2026-0042');

    const stored = await running.post('submitResponse', { ...(await submission()), armId: armed.body.value.armId });
    expect(stored.status).toBe(200);
    expect((await running.post('getArmedContext', {})).body.value).toBeNull();
    expect(running.snapshot()).not.toContain('HS-2026-0042');
    expect(running.snapshot()).toMatch(
      /"counter":"Q2","officer":"nv02","field":"dat-dai","case_code_hash":"[0-9a-f]{64}"/,
    );
    expect((await running.post('checkCaseCode', { caseCode: 'HS-2026-0042' })).body.value).toEqual({
      alreadyRated: true,
    });
    expect((await running.post('armKiosk', { caseCode: 'HS-2026-0042' }, auth)).status).toBe(409);
  });

  it('arming needs a staff session', async () => {
    expect((await running.post('armKiosk', { counter: 'Q1' })).status).toBe(401);
  });
});
