import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../src/node/version';
import { buildOpenApiDocument, openApiJson } from '../../src/contract/openapi';
import { startHost, type RunningHost } from '../support/runningHost';

let running: RunningHost;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-openapi-'));
  running = await startHost(dataDir);
});
afterAll(async () => {
  await running.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/openapi.json', () => {
  it('serves the description built from the table (what docs/openapi.json holds) as JSON, with the security headers of every answer', async () => {
    const response = await fetch(`${running.host.url}api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toBeTruthy();
    const text = await response.text();
    expect(text).toBe(openApiJson(buildOpenApiDocument({ version: APP_VERSION })));
    const document = JSON.parse(text);
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/submitResponse'].post.operationId).toBe('submitResponse');
  });

  it('is read-only: other methods still get the API’s 404, and POST /api/<name> still calls operations', async () => {
    const posted = await fetch(`${running.host.url}api/openapi.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(posted.status).toBe(404);
    expect(await posted.json()).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'unknown operation: openapi.json' },
    });
    expect((await running.post('health', {})).status).toBe(200);
  });

  it('refuses a foreign Origin like every other route', async () => {
    const response = await fetch(`${running.host.url}api/openapi.json`, { headers: { origin: 'http://evil.example' } });
    expect(response.status).toBe(403);
  });
});
