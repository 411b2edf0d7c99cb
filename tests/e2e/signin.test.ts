import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startHostProcess, type HostProcess } from './support/hostProcess';
import { axeViolations, screenshot } from './support/kioskSteps';

/**
 * Issue #10 "Getting in from the kiosk" and "First run on the kiosk", in
 * Chromium with touch over the HTTP host: the same renderer the Electron app runs.
 */

let browser: Browser;
const hosts: HostProcess[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(hosts.map((host) => host.kill()));
  await browser?.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function startHost(extraArgs: string[] = []): Promise<HostProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-e2e-signin-'));
  dirs.push(dataDir);
  const host = await startHostProcess(dataDir, extraArgs);
  hosts.push(host);
  return host;
}

async function call(url: string, name: string, input: unknown, token?: string) {
  const response = await fetch(`${url}api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return {
    status: response.status,
    envelope: (await response.json()) as { ok: boolean; value?: any; error?: { code: string; message: string } },
  };
}

/**
 * The kiosk page on a touch screen, with the page's clock under the test's
 * control (it still runs by itself): a hold and the idle time are moved
 * forward, not waited for.
 */
async function openKiosk(
  url: string,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page; scripts: string[] }> {
  const context = await browser.newContext({
    viewport,
    hasTouch: true,
    isMobile: false,
    locale: 'vi-VN',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.clock.install();
  await page.goto(`${url}#/kiosk`);
  await page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('button.start-button[disabled]'));
  return { context, page, scripts };
}

/** A finger on the unit's name for `ms` of the page's time, through Chromium's own touch input. */
async function holdUnitName(context: BrowserContext, page: Page, ms: number) {
  const box = await page.locator('.attract-unit').boundingBox();
  if (!box) throw new Error('the unit name is not on the screen');
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await page.clock.runFor(ms);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

// Hashing a PIN and a loaded two-core machine: a host answer can take seconds.
const POLL = { timeout: 15_000 };

const OFFICERS_HEADING = 'Đăng nhập cán bộ: chọn tên của mình';

describe('getting in from the kiosk, by touch', () => {
  let host: HostProcess;
  beforeAll(async () => {
    host = await startHost();
  });

  it('a 1-second hold opens nothing; a 3-second hold opens the sign-in, loaded only then', async () => {
    const { context, page, scripts } = await openKiosk(host.url, { width: 1920, height: 1080 });
    const lazyChunk = /(KioskSignIn|StaffApp|AdminApp)[-.]/;
    expect(scripts.filter((script) => lazyChunk.test(script))).toEqual([]);

    await holdUnitName(context, page, 1000);
    await page.clock.runFor(4000);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(scripts.filter((script) => lazyChunk.test(script))).toEqual([]);

    await holdUnitName(context, page, 3000);
    await page.getByRole('dialog', { name: OFFICERS_HEADING }).waitFor();
    expect(scripts.some((script) => /KioskSignIn[-.]/.test(script))).toBe(true);
    expect(scripts.filter((script) => /(StaffApp|AdminApp)[-.]/.test(script))).toEqual([]);
    await context.close();
  });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`nv01 and 1111 on the pad lead to Today; after the idle time the citizen screen is back and the session is gone (${viewport.width}×${viewport.height})`, async () => {
      const { context, page } = await openKiosk(host.url, viewport);
      let token: string | null = null;
      page.on('request', (request) => {
        const header = request.headers().authorization;
        if (header?.startsWith('Bearer ') && request.url().endsWith('/api/todayOverview'))
          token = header.slice('Bearer '.length);
      });

      await holdUnitName(context, page, 3000);
      await page.getByRole('dialog', { name: OFFICERS_HEADING }).waitFor();
      await screenshot(page, `signin-officers-${viewport.width}`);
      await page.getByRole('button', { name: 'Nguyễn Thị Lan' }).tap();
      const pad = page.getByRole('group', { name: 'Bàn phím nhập mã PIN' });
      await pad.waitFor();

      // Keys of at least 72 px, and the whole pad on the screen without scrolling.
      for (const key of await pad.getByRole('button').all()) {
        const box = await key.boundingBox();
        expect(box?.width).toBeGreaterThanOrEqual(72);
        expect(box?.height).toBeGreaterThanOrEqual(72);
      }
      const submit = page.getByRole('button', { name: 'Đăng nhập' });
      const bottom = await submit.boundingBox();
      expect((bottom?.y ?? Infinity) + (bottom?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `signin-pin-${viewport.width}`);

      for (const digit of '1111') await pad.getByRole('button', { name: digit, exact: true }).tap();
      await submit.tap();
      await page.getByRole('heading', { level: 1, name: 'Hôm nay' }).waitFor();
      await page.getByRole('button', { name: 'Về màn hình đánh giá' }).waitFor();
      await expect.poll(() => token, POLL).not.toBeNull();
      await expect.poll(async () => (await call(host.url, 'todayOverview', {}, token!)).status, POLL).toBe(200);

      // Two minutes (the kiosk's default) without a touch.
      await page.clock.runFor(121_000);
      await page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).waitFor();
      expect(new URL(page.url()).hash).toBe('#/kiosk');
      await expect
        .poll(async () => (await call(host.url, 'todayOverview', {}, token!)).envelope.error?.code, POLL)
        .toBe('unauthenticated');
      await context.close();
    });
  }

  it('a wrong PIN says so and counts toward the lockout', async () => {
    const { context, page } = await openKiosk(host.url, { width: 1366, height: 768 });
    await holdUnitName(context, page, 3000);
    await page.getByRole('button', { name: 'Trần Văn Minh' }).tap();
    const pad = page.getByRole('group', { name: 'Bàn phím nhập mã PIN' });
    for (const digit of '0000') await pad.getByRole('button', { name: digit, exact: true }).tap();
    await page.getByRole('button', { name: 'Đăng nhập' }).tap();
    await expect.poll(() => page.getByRole('alert').textContent(), POLL).toBe('Sai cán bộ hoặc mã PIN.');
    const { value: admin } = (await call(host.url, 'signIn', { officer: 'qtv', pin: '9999' })).envelope;
    const { value: attempts } = (await call(host.url, 'recentSignIns', { limit: 5 }, admin.token)).envelope;
    expect(attempts).toContainEqual(expect.objectContaining({ officer: 'nv02', outcome: 'wrong_pin' }));
    await context.close();
  });
});

describe('first run on the kiosk', () => {
  it('a fresh data folder shows "not set up"; the first administrator is refused over the LAN and created on the kiosk', async () => {
    // The same call from another machine: a host that takes every caller for a LAN peer
    // (--as-lan-peer; the test sends nothing off loopback) refuses it and changes nothing.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-e2e-signin-'));
    dirs.push(dataDir);
    const asLan = await startHostProcess(dataDir, ['--no-demo', '--as-lan-peer']);
    hosts.push(asLan);
    const fromLan = await call(asLan.url, 'createFirstAdmin', { code: 'lan', name: 'Kẻ lạ', pin: '1234' });
    expect(fromLan.status).toBe(403);
    expect(fromLan.envelope.error?.code).toBe('forbidden');
    await asLan.kill('SIGTERM');
    const host = await startHostProcess(dataDir, ['--no-demo']);
    hosts.push(host);
    expect((await call(host.url, 'setupStatus', {})).envelope.value).toEqual({ hasAdmin: false });

    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      hasTouch: true,
      locale: 'vi-VN',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    await page.goto(`${host.url}#/kiosk`);
    await expect.poll(() => page.getByRole('alert').textContent(), POLL).toBe('Máy khảo sát chưa được thiết lập.');
    await screenshot(page, 'first-run-not-set-up');
    await page.getByRole('button', { name: 'Thiết lập máy' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Thiết lập lần đầu' }).waitFor();
    await page.getByLabel('Mã quản trị viên').fill('qtv');
    await page.getByLabel('Họ và tên').fill('Lê Thu Hà');
    await page.getByLabel('Mã PIN', { exact: true }).fill('2468');
    await page.getByLabel('Nhập lại mã PIN').fill('2468');
    await page.getByRole('button', { name: 'Tạo quản trị viên' }).tap();

    // Signed in at once, on with the unit, the officers and the questionnaire.
    const steps = page.getByRole('navigation', { name: 'Các bước thiết lập' });
    await steps.waitFor();
    await page.getByRole('heading', { level: 1, name: 'Đơn vị & quầy' }).waitFor();
    expect((await call(host.url, 'setupStatus', {})).envelope.value).toEqual({ hasAdmin: true });
    await page.getByRole('button', { name: 'Tiếp theo' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Cán bộ' }).waitFor();
    await page.getByRole('button', { name: 'Tiếp theo' }).tap();
    await page.getByRole('heading', { level: 1, name: 'Phiếu khảo sát' }).waitFor();
    await page.getByRole('button', { name: 'Hoàn tất, về màn hình đánh giá' }).tap();
    await page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).waitFor();
    expect(await page.getByText('Máy khảo sát chưa được thiết lập.').count()).toBe(0);
    await context.close();
  });
});
