import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineHashesOf } from '../../src/node/contentSecurityPolicy';
import { kioskPage, launchBrowser } from './support/browser';
import { startHostProcess, type HostProcess } from './support/hostProcess';

let browser: Browser;
let host: HostProcess;
let dataDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-e2e-prerender-'));
  host = await startHostProcess(dataDir);
});
afterAll(async () => {
  await host?.kill();
  await browser?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * A cold page whose app script (the module index.html loads) is held back until
 * `release()`: what the page shows and does before the app has started is the
 * page's own HTML, CSS and <head> script alone. Messages the page logs as errors
 * (a CSP refusal among them) are collected.
 */
async function withAppHeld(route: string): Promise<{ page: Page; release: () => void; errors: string[] }> {
  const { page } = await kioskPage(browser, 'about:blank');
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const html = await (await fetch(host.url)).text();
  // Started by the <head> script after the first frame (renderer/kiosk/earlyTap.ts).
  const entry = /<script data-app="\.\/(assets\/index-[^"]+\.js)">/.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no <head> script that starts the app');
  await page.route(`**/${entry}`, async (request) => {
    await released;
    await request.continue();
  });
  await page.goto(`${host.url}${route}`, { waitUntil: 'commit' });
  return { page, release, errors };
}

describe('the attract screen painted from index.html, before the app has started', () => {
  it('is painted before the app replaces it', async () => {
    const { page } = await kioskPage(browser, 'about:blank');
    // From before the page's first byte: when React's screen took the place of the page's own.
    await page.addInitScript({
      content: `new MutationObserver((_, observer) => {
        if (document.querySelector('main.screen.attract') && !document.querySelector('.prerendered')) {
          window.appMountedAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });`,
    });
    await page.goto(`${host.url}#/kiosk`);
    await page.waitForFunction(() => 'appMountedAt' in window);
    const { firstPaint, mounted } = await page.evaluate(() => ({
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      mounted: (window as unknown as { appMountedAt: number }).appMountedAt,
    }));
    expect(firstPaint).toBeLessThan(mounted);
    await page.context().close();
  });

  it('takes a tap at once, and the survey begins once the app is ready', async () => {
    const { page, release, errors } = await withAppHeld('#/kiosk');
    const start = page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' });
    await page.getByRole('heading', { level: 1, name: 'Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn' }).waitFor();
    // No app yet: this is the page's own copy of the screen.
    expect(await page.locator('.prerendered main.screen.attract').count()).toBe(1);
    await start.tap();
    expect(await start.getAttribute('class')).toContain('start-button-pressed');

    release();
    await page.getByRole('group', { name: 'Chọn mức độ hài lòng' }).waitFor();
    expect(await page.locator('.prerendered').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps "Chữ to" tapped before the app has started: shown at once, and on once the app runs', async () => {
    const { page, release, errors } = await withAppHeld('#/kiosk');
    const largeText = page.getByRole('button', { name: 'Chữ to' });
    await largeText.tap();
    expect(await largeText.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.prerendered .kiosk.kiosk-large').count()).toBe(1);

    release();
    await page.locator('.kiosk.kiosk-large:not(.prerendered *)').waitFor();
    expect(await page.locator('.prerendered').count()).toBe(0);
    expect(await largeText.getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('needs nothing but the page: its styles and <head> script are inline, allowed by their hashes alone', async () => {
    const response = await fetch(host.url);
    const html = await response.text();
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(html).not.toMatch(/<link rel="stylesheet"|<script[^>]*\ssrc=/);
    const { scripts, styles } = inlineHashesOf(html);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    const directive = (name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';
    expect(directive('script-src')).toBe(`script-src 'self' ${scripts[0]}`);
    expect(directive('style-src')).toBe(`style-src 'self' ${styles[0]}`);
    // The meta tag (Electron's file:// page) says the same.
    expect(html).toContain(`${directive('script-src')}; ${directive('style-src')};`);
    expect(policy).not.toContain('unsafe');
  });

  it('never shows it on the staff, admin and pairing routes', async () => {
    for (const route of ['#/staff', '#/admin', '#/pair']) {
      const { page, release, errors } = await withAppHeld(route);
      await page.locator('.prerendered main.screen.attract').waitFor({ state: 'attached' });
      expect(await page.locator('.prerendered main.screen.attract').isVisible(), route).toBe(false);
      expect(await page.getByRole('heading', { level: 1 }).isVisible(), route).toBe(false);
      release();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.locator('main.screen.attract').count(), route).toBe(0);
      expect(errors, route).toEqual([]);
      await page.context().close();
    }
  });
});
