import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, pagePolicyOf } from '../../src/node/contentSecurityPolicy';
import { electronModule, fake, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { appSchemeHandler, registerAppScheme, resolveAppFile, serveAppScheme } = await import('../../electron/scheme');

const PAGE = '<!doctype html><title>kiosk</title><style>h1{color:red}</style><script>void 0</script>';
let root = '';
let rendererDir = '';

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-scheme-'));
  rendererDir = path.join(root, 'dist', 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), PAGE);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // Files the scheme must never hand out: beside the renderer folder and elsewhere on the disk.
  fs.writeFileSync(path.join(root, 'dist', 'secret.txt'), 'secret');
  fs.mkdirSync(path.join(root, 'dist', 'renderer-evil'));
  fs.writeFileSync(path.join(root, 'dist', 'renderer-evil', 'index.html'), 'evil');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

const get = (url: string, method = 'GET') => appSchemeHandler(rendererDir)(new Request(url, { method }));

describe('the app:// scheme handler', () => {
  it("serves the renderer files with their type and the CSP: a page's own, allowing its inline code by hash", async () => {
    const page = await get('app://sipas/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(pagePolicyOf(PAGE));
    expect(pagePolicyOf(PAGE)).toMatch(/script-src 'self' 'sha256-[^']+'; style-src 'self' 'sha256-[^']+';/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>kiosk</title>');
    const script = await get('app://sipas/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers the folder itself with index.html, ignoring the hash and query', async () => {
    const page = await get('app://sipas/?x=1#/kiosk');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('kiosk');
  });

  it.each([
    ['a climb with ..', 'app://sipas/../secret.txt'],
    ['an encoded climb', 'app://sipas/%2e%2e/secret.txt'],
    ['a climb with encoded separators', 'app://sipas/..%2fsecret.txt'],
    ['a backslash climb', 'app://sipas/..%5csecret.txt'],
    ['a sibling folder', 'app://sipas/../renderer-evil/index.html'],
    ['an absolute path', `app://sipas/${path.join(root, 'dist', 'secret.txt')}`],
    ['a drive letter', 'app://sipas/C:/Windows/win.ini'],
    ['a NUL byte', 'app://sipas/index.html%00.js'],
    ['another host', 'app://evil/index.html'],
    ['a file that is not there', 'app://sipas/nothing.html'],
  ])('refuses %s and reads nothing outside the renderer folder', async (_label, url) => {
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toMatch(/secret|evil/);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://sipas/index.html', 'POST')).status).toBe(405);
    const head = await get('app://sipas/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('resolveAppFile keeps every accepted path inside the folder', () => {
    for (const url of [
      'app://sipas/index.html',
      'app://sipas/assets/app.js',
      'app://sipas/a/../index.html',
      'app://sipas//index.html',
    ]) {
      const resolved = resolveAppFile(url, rendererDir);
      if (!('file' in resolved)) throw new Error(`${url} refused`);
      expect(resolved.file.startsWith(rendererDir + path.sep), url).toBe(true);
    }
    expect(resolveAppFile('app://sipas/x', rendererDir)).toEqual({ file: path.join(rendererDir, 'x') });
    expect(resolveAppFile('https://sipas/index.html', rendererDir)).toMatchObject({ status: 403 });
  });
});

describe('registration', () => {
  it('registers app:// as a standard, secure scheme and serves it through protocol.handle', async () => {
    registerAppScheme(fake.protocol);
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    serveAppScheme(fake.protocol, rendererDir);
    const handler = fake.protocol.schemes.get('app');
    const response = await handler?.(new Request('app://sipas/../secret.txt'));
    expect(response?.status).toBe(404);
    expect(fake.unmodelled).toEqual([]);
  });

  it('the fake fails loudly on an Electron member it does not model', () => {
    expect(() => electronModule.powerMonitor).toThrow(/not modelled/);
    expect(() => Reflect.get(fake.app, 'setBadgeCount')).toThrow(/app\.setBadgeCount is not modelled/);
    expect(fake.unmodelled).toEqual(['electron.powerMonitor', 'app.setBadgeCount']);
  });
});
