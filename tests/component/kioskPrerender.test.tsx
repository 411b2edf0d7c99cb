import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../renderer/api/ApiContext';
import { earlyPage, EARLY_NAMES, earlyScriptSource, keepEarlyKeys, takeEarlyKeys } from '../../renderer/kiosk/earlyTap';
import { KioskApp } from '../../renderer/kiosk/KioskApp';
import { prerenderAttract } from '../../renderer/kiosk/prerenderAttract';
import { routeOf } from '../../renderer/router';
import { fail, fakeHost, ok, type Handlers } from './fakeTransport';
import { setup } from './fixtures';
import { Q1, START } from './kioskHarness';

/** index.html's #root as the build writes it, with the <head> script run on the page. */
function prerenderedPage(): HTMLElement {
  const root = document.createElement('div');
  root.id = 'root';
  root.innerHTML = prerenderAttract();
  document.body.append(root);
  return root;
}

const html = document.documentElement;
// The <head> script listens on the document for the life of the page: once for this file.
earlyPage(document, EARLY_NAMES);

/** A host that answers the kiosk's setup only when the test says so. */
function heldHost(handlers: Handlers = {}) {
  let answer: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const host = fakeHost({
    getKioskSetup: () => answered.then(() => ok(setup)),
    getArmedContext: () => ok(null),
    ...handlers,
  });
  return { host, answer };
}

const mount = (root: HTMLElement, client: ReturnType<typeof fakeHost>['client'], retryMs = 15_000) =>
  render(
    <ApiProvider client={client}>
      <KioskApp env={{ setupRetryMs: retryMs }} />
    </ApiProvider>,
    { container: root },
  );

afterEach(() => {
  takeEarlyKeys();
  document.getElementById('root')?.remove();
  html.removeAttribute(EARLY_NAMES.tapped);
  html.removeAttribute(EARLY_NAMES.otherRoute);
  html.removeAttribute(EARLY_NAMES.earlyLargeText);
  html.removeAttribute(EARLY_NAMES.earlyLanguage);
});

describe('the attract screen in index.html', () => {
  it('is the markup React draws first, which replaces it when the app mounts', () => {
    const root = prerenderedPage();
    expect(root.querySelectorAll(`.${EARLY_NAMES.prerendered} main.screen.attract`)).toHaveLength(1);
    expect(root.querySelector('h1')?.textContent).toBe('Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn');
    const prerendered = root.querySelector(`.${EARLY_NAMES.prerendered}`)?.innerHTML;

    const { host } = heldHost();
    const app = createRoot(root);
    act(() => {
      // The first commit, before any effect or answer: the same markup, in place of the copy.
      flushSync(() =>
        app.render(
          <ApiProvider client={host.client}>
            <KioskApp />
          </ApiProvider>,
        ),
      );
      expect(root.querySelector(`.${EARLY_NAMES.prerendered}`)).toBeNull();
      expect(root.innerHTML).toBe(prerendered);
    });
    act(() => app.unmount());
  });

  it('marks the other routes before the first paint, as the router reads them', () => {
    const before = window.location.hash;
    for (const hash of ['', '#/kiosk', '#/staff', '#/admin', '#/admin/report?x=1', '#pair', '#/nowhere']) {
      window.location.hash = hash;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      expect(html.hasAttribute(EARLY_NAMES.otherRoute), hash).toBe(routeOf(hash) !== 'kiosk');
    }
    window.location.hash = before;
  });

  it('is a classic script the build can write out whole', () => {
    // Serialised with String(): it may use only its arguments (no imports, no helpers of the bundler).
    const script = earlyScriptSource();
    expect(script.startsWith('(function earlyPage(')).toBe(true);
    expect(script).toContain('(function keepEarlyKeys(');
    expect(script).toContain('"otherRoutes":["staff","admin","pair"]');
  });
});

describe('a tap before the app has started', () => {
  it('is shown pressed, kept, and starts the survey once the setup and screens are here', async () => {
    const root = prerenderedPage();
    fireEvent.click(screen.getByRole('button', { name: START }));
    expect(screen.getByRole('button', { name: START }).classList.contains(EARLY_NAMES.pressed)).toBe(true);
    expect(html.hasAttribute(EARLY_NAMES.tapped)).toBe(true);

    const { host, answer } = heldHost();
    mount(root, host.client);
    // React's screen took the tap over: still pressed while the host has not answered.
    expect(html.hasAttribute(EARLY_NAMES.tapped)).toBe(false);
    expect(screen.getByRole('button', { name: START }).classList.contains(EARLY_NAMES.pressed)).toBe(true);
    expect(screen.queryByRole('heading', { level: 1, name: Q1 })).toBeNull();

    await act(async () => answer());
    await screen.findByRole('heading', { level: 1, name: Q1 });
  });

  it('on "Chữ to" and "English" is shown at once, and the app starts with large text, in English', async () => {
    const root = prerenderedPage();
    fireEvent.click(screen.getByRole('button', { name: 'Chữ to' }));
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Chữ to' }).getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('.kiosk')?.classList.contains(EARLY_NAMES.largeText)).toBe(true);
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed')).toBe('false');

    const { host, answer } = heldHost();
    mount(root, host.client);
    await screen.findByRole('heading', { level: 1, name: 'Your opinion helps us serve you better' });
    expect(screen.getByRole('button', { name: 'Larger text' }).getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('.kiosk')?.classList.contains(EARLY_NAMES.largeText)).toBe(true);
    // Taken over: the next page's app would not start with them.
    expect(html.hasAttribute(EARLY_NAMES.earlyLargeText)).toBe(false);
    expect(html.hasAttribute(EARLY_NAMES.earlyLanguage)).toBe(false);
    await act(async () => answer());
  });

  it('is taken only on the prerendered start button', () => {
    prerenderedPage();
    fireEvent.click(screen.getByRole('button', { name: 'Chữ to' }));
    expect(html.hasAttribute(EARLY_NAMES.tapped)).toBe(false);
  });

  it('is dropped when the kiosk is unavailable, and the screen says why', async () => {
    const root = prerenderedPage();
    fireEvent.click(screen.getByRole('button', { name: START }));
    let attempts = 0;
    const host = fakeHost({
      getKioskSetup: () => (++attempts === 1 ? fail('unavailable') : ok(setup)),
      getArmedContext: () => ok(null),
    });
    mount(root, host.client, 100);
    await screen.findByText('Máy đánh giá tạm thời chưa sẵn sàng. Xin vui lòng báo cán bộ tại quầy.');
    const start = screen.getByRole<HTMLButtonElement>('button', { name: START });
    expect(start.disabled).toBe(true);
    expect(start.classList.contains(EARLY_NAMES.pressed)).toBe(false);
    // Recovered: the screen is ready, and the old tap did not start a survey on its own.
    await waitFor(() => expect(start.dataset.ready).toBe('true'));
    expect(attempts).toBe(2);
    expect(screen.queryByRole('heading', { level: 1, name: Q1 })).toBeNull();
  });

  it('is dropped when the kiosk is not set up', async () => {
    const root = prerenderedPage();
    fireEvent.click(screen.getByRole('button', { name: START }));
    const { host, answer } = heldHost({ setupStatus: () => ok({ hasAdmin: false }) });
    mount(root, host.client);
    expect((await screen.findByRole('alert')).textContent).toBe('Máy khảo sát chưa được thiết lập.');
    await act(async () => answer());
    const start = screen.getByRole<HTMLButtonElement>('button', { name: START });
    expect(start.disabled).toBe(true);
    expect(start.classList.contains(EARLY_NAMES.pressed)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('heading', { level: 1, name: Q1 })).toBeNull();
  });
});

/** A USB scanner: the code and Enter as key presses, all at once. */
function scan(code: string) {
  for (const key of [...code, 'Enter']) window.dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }));
}

describe('a case code scanned before the survey can start', () => {
  const CODE = 'HS-2026-000123';
  const checked = { checkCaseCode: () => ok({ alreadyRated: false }) };

  it('before the app has started: kept by the page, and the survey starts with it once the setup is here', async () => {
    keepEarlyKeys(window, EARLY_NAMES);
    const root = prerenderedPage();
    scan(CODE);

    const { host, answer } = heldHost(checked);
    mount(root, host.client);
    // Taken over by the app: the page keeps no more keys.
    expect(window[EARLY_NAMES.earlyKeys]).toBeUndefined();
    expect(host.inputsTo('checkCaseCode')).toEqual([]);

    await act(async () => answer());
    await screen.findByRole('heading', { level: 1, name: Q1 });
    screen.getByText(`Hồ sơ: ${CODE}`);
    expect(host.inputsTo('checkCaseCode')).toEqual([{ caseCode: CODE }]);
  });

  it('once the app runs, while its setup is on its way: kept, and starts the survey once here', async () => {
    const root = prerenderedPage();
    const { host, answer } = heldHost(checked);
    mount(root, host.client);
    scan(CODE);
    expect(screen.getByRole('button', { name: START }).dataset.ready).toBe('false');

    await act(async () => answer());
    await screen.findByRole('heading', { level: 1, name: Q1 });
    screen.getByText(`Hồ sơ: ${CODE}`);
  });

  it('is dropped when the kiosk turns out unavailable', async () => {
    keepEarlyKeys(window, EARLY_NAMES);
    const root = prerenderedPage();
    scan(CODE);
    let attempts = 0;
    const host = fakeHost({
      getKioskSetup: () => (++attempts === 1 ? fail('unavailable') : ok(setup)),
      getArmedContext: () => ok(null),
      ...checked,
    });
    mount(root, host.client, 100);
    await screen.findByText('Máy đánh giá tạm thời chưa sẵn sàng. Xin vui lòng báo cán bộ tại quầy.');
    const start = screen.getByRole<HTMLButtonElement>('button', { name: START });
    await waitFor(() => expect(start.dataset.ready).toBe('true'));
    expect(screen.queryByRole('heading', { level: 1, name: Q1 })).toBeNull();
    expect(host.inputsTo('checkCaseCode')).toEqual([]);
  });

  it('is not a code when typed at a person’s pace, nor kept by the page on another route', async () => {
    keepEarlyKeys(window, EARLY_NAMES);
    html.setAttribute(EARLY_NAMES.otherRoute, '');
    scan('1234');
    html.removeAttribute(EARLY_NAMES.otherRoute);
    expect(takeEarlyKeys()).toEqual([]);

    keepEarlyKeys(window, EARLY_NAMES);
    for (const key of ['A', 'B', 'C', '1', 'Enter']) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key }));
      await new Promise((resolve) => setTimeout(resolve, 80));
    }
    const root = prerenderedPage();
    const { host, answer } = heldHost(checked);
    mount(root, host.client);
    await act(async () => answer());
    await waitFor(() => expect(screen.getByRole('button', { name: START }).dataset.ready).toBe('true'));
    expect(screen.queryByRole('heading', { level: 1, name: Q1 })).toBeNull();
    expect(host.inputsTo('checkCaseCode')).toEqual([]);
  });
});
