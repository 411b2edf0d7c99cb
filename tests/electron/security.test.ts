import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_URL_PREFIX } from '../../electron/appUrl';
import { CONTENT_SECURITY_POLICY } from '../../src/node/contentSecurityPolicy';
import { asReal, fake, fakeEvent, FakeSession, FakeWebContents, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { hardenAllContents, hardenContents, hardenSession } = await import('../../electron/security');

const PREFIX = APP_URL_PREFIX;

beforeEach(() => resetFakeElectron());

function hardened(devTools = false): FakeWebContents {
  const contents = new FakeWebContents();
  hardenContents(asReal<WebContents>(contents), { devTools });
  return contents;
}

describe('hardenContents', () => {
  it.each(['will-navigate', 'will-redirect'])('%s away from the app is prevented', (name) => {
    const contents = hardened();
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'file:///opt/sipas/dist/renderer/index.html',
      'app://evil/index.html',
      'app://sipas:8080/index.html',
      'javascript:alert(1)',
    ]) {
      const event = fakeEvent(url);
      contents.emit(name, event, url);
      expect(event.preventDefault, url).toHaveBeenCalledOnce();
    }
  });

  it('navigation inside the app itself is allowed', () => {
    const contents = hardened();
    const event = fakeEvent(`${PREFIX}index.html#/staff`);
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('every new window is denied, even one to the app', () => {
    const handler = hardened().windowOpenHandler;
    expect(handler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: `${PREFIX}index.html` })).toEqual({ action: 'deny' });
  });

  it('attaching a <webview> is prevented', () => {
    const event = fakeEvent();
    hardened().emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('closes DevTools as soon as anything opens them, unless a developer run allows them', () => {
    const locked = hardened();
    locked.emit('devtools-opened');
    expect(locked.closeDevTools).toHaveBeenCalledOnce();
    const developer = hardened(true);
    developer.emit('devtools-opened');
    expect(developer.closeDevTools).not.toHaveBeenCalled();
  });

  it('is applied to every web contents the app creates', () => {
    hardenAllContents(asReal<App>(fake.app), { devTools: false });
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    const event = fakeEvent('https://evil.example/');
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  let session = new FakeSession();
  beforeEach(() => {
    session = new FakeSession();
    hardenSession(asReal<Session>(session));
  });

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen'])(
    'denies a request for %s',
    (permission) => {
      const callback = vi.fn();
      session.requestHandler?.(null, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('answers every permission check with false', () => {
    expect(session.checkHandler).not.toBeNull();
    for (const permission of ['media', 'clipboard-read', 'serial', 'usb', 'hid'])
      expect(session.checkHandler?.(null, permission)).toBe(false);
  });

  it('adds the strict CSP to a response that has none, keeping the other headers', () => {
    const callback = vi.fn();
    session.headersListener?.(
      { url: `${PREFIX}assets/app.js`, responseHeaders: { 'Content-Type': ['text/javascript'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'Content-Type': ['text/javascript'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it("keeps the policy our host sent with a page (its own, allowing the page's inline code by hash)", () => {
    const callback = vi.fn();
    const own = "default-src 'self'; script-src 'self' 'sha256-AAA='";
    const responseHeaders = { 'content-type': ['text/html'], 'content-security-policy': [own] };
    session.headersListener?.({ url: `${PREFIX}index.html`, responseHeaders }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ responseHeaders });
  });

  it('adds the strict CSP to an answer from anywhere but app://, whatever policy it came with', () => {
    const callback = vi.fn();
    const responseHeaders = {
      'content-type': ['text/html'],
      'content-security-policy': ["script-src 'unsafe-inline'"],
    };
    session.headersListener?.({ url: 'https://evil.example/', responseHeaders }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { ...responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});
