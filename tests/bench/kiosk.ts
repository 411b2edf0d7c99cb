import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { composeApp } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { startHttpHost } from '../../src/server/httpHost';
import { buildRenderer, RENDERER_DIST } from '../../src/server/rendererBuild';
import { kioskPage, launchBrowser } from '../e2e/support/browser';
import { summarise, type BenchRow } from './stats';

const TAPS = Number(process.env.BENCH_TAPS ?? 200);
const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const CONFIRM_MS = 400; // renderer/kiosk/kioskEnv.ts: the visible confirmation pause

/** In the page: time from each pointerdown to the chosen face shown selected, and to the next question painted. */
const PROBE = () => {
  const w = window as unknown as { tapTimes: Array<{ selected: number; next: number }> };
  w.tapTimes = [];
  let down = 0;
  let selected = 0;
  let heading = '';
  document.addEventListener(
    'pointerdown',
    () => {
      down = performance.now();
      selected = 0;
      heading = document.querySelector('h1')?.textContent ?? '';
    },
    true,
  );
  new MutationObserver(() => {
    if (!down) return;
    if (!selected && document.querySelector('[aria-pressed="true"].choice, .choices [aria-pressed="true"]')) {
      requestAnimationFrame(() => (selected = performance.now()));
    }
    const now = document.querySelector('h1')?.textContent ?? '';
    if (selected && now !== heading) {
      const start = down;
      down = 0;
      requestAnimationFrame(() => w.tapTimes.push({ selected: selected - start, next: performance.now() - start }));
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
};

/**
 * In the page, from the first script on: the moment the attract screen is usable —
 * its heading shown and its start button visible and enabled (the settings and the
 * questionnaire have arrived, so a tap starts the survey) — taken after the frame
 * that paints it. performance.now() counts from the navigation's start. Told by a
 * console message, so Playwright injects nothing into the page while it loads.
 */
// A string, not a function: tsx would wrap the inner functions in a __name() helper the page lacks.
const READY_PROBE = `(() => {
  const visible = (element) => element instanceof HTMLElement && element.offsetWidth > 0 && element.offsetHeight > 0;
  const observer = new MutationObserver(() => {
    const heading = document.querySelector('h1');
    const start = document.querySelector('button.start-button');
    if (!visible(heading) || !heading.textContent.trim() || !visible(start) || start.disabled) return;
    observer.disconnect();
    // After the frame that paints it.
    requestAnimationFrame(() => setTimeout(() => console.log('attract-ready ' + performance.now()), 0));
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`;

const cacheFreeContext = (browser: Browser) =>
  browser.newContext({
    viewport: { width: 1920, height: 1080 },
    hasTouch: true,
    isMobile: false,
    locale: 'vi-VN',
    timezoneId: 'UTC',
  });

/** One load in a new browser context (empty cache, no service worker, no storage): navigation → usable. */
async function coldReadyMs(browser: Browser, url: string): Promise<{ ms: number; scripts: string[] }> {
  const context = await cacheFreeContext(browser);
  try {
    await context.addInitScript({ content: READY_PROBE });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
    });
    const ready = page.waitForEvent('console', {
      predicate: (message) => message.text().startsWith('attract-ready '),
      timeout: 30_000,
    });
    await page.goto(url);
    const ms = Number((await ready).text().slice('attract-ready '.length));
    // Whatever the route still fetches by itself once shown (prefetches) counts as its JavaScript too.
    await page.waitForLoadState('networkidle');
    return { ms, scripts };
  } finally {
    await context.close();
  }
}

/** The floor: a static page with one button, served over HTTP the same way, in a new context each time. */
async function plainPage(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(
      '<!doctype html><html lang="vi"><title>Start</title><h1>Đánh giá</h1><button class="start-button">Bắt đầu</button>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** A production build of the screens into dist/renderer. */
function freshBuild(): string {
  buildRenderer('--logLevel', 'warn');
  return RENDERER_DIST;
}

/**
 * The kiosk in Chromium with touch emulation: tap → selected, tap → next question
 * (less the configured confirmation pause), navigation → attract screen ready, and
 * the JavaScript the kiosk route loads. Baselines: the same measurements on a plain
 * page with no framework (Chromium's own floor on this machine).
 */
export async function benchKiosk(): Promise<BenchRow[]> {
  // BENCH_RENDERER: another build of the screens (e.g. a baseline built elsewhere). By default a fresh
  // production build: dist/renderer may hold whatever a test run left there.
  const staticDir = process.env.BENCH_RENDERER ? path.resolve(process.env.BENCH_RENDERER) : freshBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-bench-kiosk-'));
  const app = await composeApp({ dataDir: dir, logger: silentLogger });
  const host = await startHttpHost({ dispatch: app.dispatch, port: 0, staticDir, logger: silentLogger });
  const browser = await launchBrowser();
  try {
    const attract: number[] = [];
    let routeScripts: string[] = [];
    for (let i = 0; i < LOADS; i += 1) {
      const load = await coldReadyMs(browser, `${host.url}#/kiosk`);
      attract.push(load.ms);
      routeScripts = load.scripts;
    }
    const floor = await plainPage();
    const plain: number[] = [];
    try {
      for (let i = 0; i < LOADS; i += 1) plain.push((await coldReadyMs(browser, floor.url)).ms);
    } finally {
      await floor.close();
    }

    const { page } = await kioskPage(browser, 'about:blank');
    await page.goto(`${host.url}#/kiosk`);
    await page.evaluate(PROBE);
    while ((await page.evaluate(() => (window as unknown as { tapTimes: unknown[] }).tapTimes.length)) < TAPS) {
      await page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).tap();
      for (let q = 0; q < 5; q += 1) {
        await page.getByRole('group', { name: 'Chọn mức độ hài lòng' }).waitFor();
        const heading = await page.locator('h1').textContent();
        await page.getByRole('button', { name: 'Hài lòng', exact: true }).tap();
        await page.waitForFunction((before) => document.querySelector('h1')?.textContent !== before, heading);
      }
      for (let s = 0; s < 2; s += 1) await page.getByRole('button', { name: 'Bỏ qua' }).tap();
      await page.getByRole('button', { name: 'Về trang đầu' }).tap();
    }
    const taps = await page.evaluate(
      () => (window as unknown as { tapTimes: Array<{ selected: number; next: number }> }).tapTimes,
    );
    const selected = summarise(taps.map((t) => t.selected));
    const next = summarise(taps.map((t) => t.next - CONFIRM_MS));

    // A blank page first: a document written over the kiosk's would keep its CSP, blocking the script.
    await page.goto('about:blank');
    await page.setContent(`<!doctype html><h1>Q1</h1><button aria-pressed="false" class="choice">Hài lòng</button>
      <script>const b=document.querySelector('button');let n=1;b.addEventListener('click',()=>{b.setAttribute('aria-pressed','true');
      setTimeout(()=>{document.querySelector('h1').textContent='Q'+(++n);b.setAttribute('aria-pressed','false')},${CONFIRM_MS})});</script>`);
    await page.evaluate(PROBE);
    for (let i = 0; i < 50; i += 1) {
      await page.locator('button').tap();
      await page.waitForFunction((count) => (window as unknown as { tapTimes: unknown[] }).tapTimes.length > count, i);
    }
    const plainTaps = await page.evaluate(
      () => (window as unknown as { tapTimes: Array<{ selected: number; next: number }> }).tapTimes,
    );
    const plainSelected = summarise(plainTaps.map((t) => t.selected));
    const plainNext = summarise(plainTaps.map((t) => t.next - CONFIRM_MS));

    const gzipKb = (files: string[]) =>
      [...new Set(files)].reduce(
        (sum, file) => sum + gzipSync(fs.readFileSync(path.join(staticDir, file)), { level: 9 }).length,
        0,
      ) / 1024;
    // Every script the kiosk route fetched on a cold load, lazy chunks it prefetched included.
    const kioskJs = gzipKb(routeScripts);
    // What must be fetched and run before anything is drawn: the page's entry script and the chunks it preloads.
    const firstPaintJs = gzipKb(
      [
        ...fs.readFileSync(path.join(staticDir, 'index.html'), 'utf8').matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g),
      ].map(([, file]) => `/${file}`),
    );

    const a = summarise(attract);
    const b = summarise(plain);
    return [
      {
        group: 'kiosk',
        name: `tap → face shown selected p50 (${taps.length} taps)`,
        unit: 'ms',
        value: selected.p50,
        baselineName: 'plain page p50',
        baseline: plainSelected.p50,
      },
      {
        group: 'kiosk',
        name: 'tap → face shown selected p95',
        unit: 'ms',
        value: selected.p95,
        baselineName: 'plain page p95',
        baseline: plainSelected.p95,
        target: '< 50 ms',
      },
      {
        group: 'kiosk',
        name: `tap → next question painted − ${CONFIRM_MS} ms pause, p50`,
        unit: 'ms',
        value: next.p50,
        baselineName: 'plain page p50',
        baseline: plainNext.p50,
      },
      {
        group: 'kiosk',
        name: `tap → next question painted − ${CONFIRM_MS} ms pause, p95`,
        unit: 'ms',
        value: next.p95,
        baselineName: 'plain page p95',
        baseline: plainNext.p95,
        target: '< 50 ms',
      },
      {
        group: 'kiosk',
        name: `navigation → attract screen usable p50 (${LOADS} cold loads)`,
        unit: 'ms',
        value: a.p50,
        baselineName: 'static one-button page p50',
        baseline: b.p50,
      },
      {
        group: 'kiosk',
        name: 'navigation → attract screen usable p95',
        unit: 'ms',
        value: a.p95,
        baselineName: 'static one-button page p95',
        baseline: b.p95,
        target: '< 400 ms',
      },
      {
        group: 'kiosk',
        name: 'kiosk route JavaScript before the first paint (gzip -9)',
        unit: 'KB',
        value: firstPaintJs,
        baselineName: 'SurveyJS 5-question survey (issue #3)',
        baseline: 416,
      },
      {
        group: 'kiosk',
        name: 'kiosk route JavaScript (gzip -9)',
        unit: 'KB',
        value: kioskJs,
        baselineName: 'SurveyJS 5-question survey (issue #3)',
        baseline: 416,
        target: '< 90 KB',
      },
    ];
  } finally {
    await browser.close();
    await host.close();
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
