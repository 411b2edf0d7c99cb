import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { composeApp } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { startHttpHost } from '../../src/server/httpHost';
import { buildRenderer, PROJECT_ROOT, RENDERER_DIST } from '../../src/server/rendererBuild';
import { kioskPage, launchBrowser } from '../e2e/support/browser';
import { summarise, type BenchRow } from './stats';

const TAPS = Number(process.env.BENCH_TAPS ?? 200);
// 40 cold loads: with 20, the p95 was the second slowest load, and one slow load on this
// shared machine moved it by 150 ms between runs of the same build (345 and 509 ms).
const LOADS = Number(process.env.BENCH_LOADS ?? 40);
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
 * In the page, from before its first byte is parsed (an init script), two moments, each
 * the timestamp of the frame that paints it (requestAnimationFrame's, taken at the start
 * of that frame; performance.now() counts from the navigation's start):
 * - `shown`: the attract screen is usable — its heading shown with text and its start
 *   button visible and enabled. index.html carries the screen (renderer/kiosk/
 *   prerenderAttract.tsx), and a tap on it is kept and honoured once the survey can
 *   start (earlyTap.ts), so the page's own markup qualifies.
 * - `started`: the app's attract screen can start the survey at once: React has
 *   mounted, the settings and the questionnaire have arrived and the survey's screens
 *   are loaded (the start button's data-ready="true"). A page without that marker
 *   (the static baseline) counts as started when shown.
 * - `painted`: Chromium's first contentful paint (presented, text drawn). "Shown" is told by
 *   layout (offsetWidth), which does not see text held invisible while its web font loads:
 *   this row does.
 * Told by console messages, so Playwright injects nothing into the page while it loads.
 */
// A string, not a function: tsx would wrap the inner functions in a __name() helper the page lacks.
const READY_PROBE = `(() => {
  const visible = (element) => element instanceof HTMLElement && element.offsetWidth > 0 && element.offsetHeight > 0;
  const seen = new Set();
  const report = (moment) => {
    if (seen.has(moment)) return;
    seen.add(moment);
    requestAnimationFrame((frame) => console.log('attract-' + moment + ' ' + frame));
  };
  const observer = new MutationObserver(() => {
    const heading = document.querySelector('h1');
    const start = document.querySelector('button.start-button');
    if (!visible(heading) || !heading.textContent.trim() || !visible(start) || start.disabled) return;
    report('shown');
    const marker = start.getAttribute('data-ready');
    if (marker === null || marker === 'true') {
      report('started');
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntriesByName('first-contentful-paint')) console.log('attract-painted ' + entry.startTime);
  }).observe({ type: 'paint', buffered: true });
})();`;

const cacheFreeContext = (browser: Browser) =>
  browser.newContext({
    viewport: { width: 1920, height: 1080 },
    hasTouch: true,
    isMobile: false,
    locale: 'vi-VN',
    timezoneId: 'UTC',
  });

interface ColdLoad {
  /** Navigation → attract screen shown and usable (see READY_PROBE). */
  shown: number;
  /** Navigation → the app's attract screen can start the survey at once. */
  started: number;
  /** Navigation → first contentful paint. */
  painted: number;
  scripts: string[];
}

/** One load in a new browser context (empty cache, no service worker, no storage). */
async function coldLoad(browser: Browser, url: string): Promise<ColdLoad> {
  const context = await cacheFreeContext(browser);
  try {
    await context.addInitScript({ content: READY_PROBE });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
    });
    const moment = async (name: string) => {
      const message = await page.waitForEvent('console', {
        predicate: (m) => m.text().startsWith(`attract-${name} `),
        timeout: 30_000,
      });
      return Number(message.text().slice(`attract-${name} `.length));
    };
    const [shown, started, painted] = await Promise.all([
      moment('shown'),
      moment('started'),
      moment('painted'),
      page.goto(url),
    ]);
    // Whatever the route still fetches by itself once shown (prefetches) counts as its JavaScript too.
    await page.waitForLoadState('networkidle');
    return { shown, started, painted, scripts };
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
 * The floor under the kiosk route's JavaScript, measured in the same run: React,
 * react-dom and i18next alone, in a page that uses each (so none is shaken out),
 * built by the same vite for production and gzipped alike. What the route carries
 * above it is the kiosk's own code: its screens, texts and shell.
 */
function libraryFloorKb(): number {
  // Under node_modules so that the page's imports resolve to the project's packages.
  const dir = fs.mkdtempSync(path.join(PROJECT_ROOT, 'node_modules', '.sipas-bench-floor-'));
  try {
    fs.writeFileSync(path.join(dir, 'vite.config.mjs'), 'export default {};\n');
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><div id="root"></div><script type="module" src="./entry.js"></script>\n',
    );
    fs.writeFileSync(
      path.join(dir, 'entry.js'),
      `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
i18next.init({ lng: 'vi', resources: { vi: { translation: { hello: 'Xin chào' } } } }).then(() =>
  createRoot(document.getElementById('root')).render(createElement('h1', null, i18next.t('hello'))),
);
`,
    );
    const vite = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
      { cwd: dir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
    );
    if (vite.status !== 0) throw new Error('vite build of the library floor failed; see above');
    const assets = path.join(dir, 'dist', 'assets');
    return (
      fs
        .readdirSync(assets)
        .filter((file) => file.endsWith('.js'))
        .reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(assets, file)), { level: 9 }).length, 0) / 1024
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The kiosk in Chromium with touch emulation: tap → selected, tap → next question
 * (less the configured confirmation pause), navigation → attract screen ready, and
 * the JavaScript the kiosk route loads. Baselines: the same measurements on a plain
 * page with no framework (Chromium's own floor on this machine), and the libraries
 * alone for the JavaScript.
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
    const shown: number[] = [];
    const started: number[] = [];
    const painted: number[] = [];
    let routeScripts: string[] = [];
    for (let i = 0; i < LOADS; i += 1) {
      const load = await coldLoad(browser, `${host.url}#/kiosk`);
      shown.push(load.shown);
      started.push(load.started);
      painted.push(load.painted);
      routeScripts = load.scripts;
    }
    const floor = await plainPage();
    const plain: number[] = [];
    const plainPainted: number[] = [];
    try {
      for (let i = 0; i < LOADS; i += 1) {
        const load = await coldLoad(browser, floor.url);
        plain.push(load.shown);
        plainPainted.push(load.painted);
      }
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

    const floorJs = libraryFloorKb();
    const gzipKb = (files: string[]) =>
      [...new Set(files)].reduce(
        (sum, file) => sum + gzipSync(fs.readFileSync(path.join(staticDir, file)), { level: 9 }).length,
        0,
      ) / 1024;
    // Every script the kiosk route fetched on a cold load, lazy chunks it prefetched included.
    const kioskJs = gzipKb(routeScripts);
    const indexHtml = fs.readFileSync(path.join(staticDir, 'index.html'), 'utf8');
    const scriptsIn = (pattern: RegExp) => [...indexHtml.matchAll(pattern)].map(([, file]) => `/${file}`);
    // Scripts index.html carries inline (its <head> script) count as much as the files it names.
    const inlineJs =
      [...indexHtml.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
        (sum, [, text]) => sum + (text?.trim() ? gzipSync(text, { level: 9 }).length : 0),
        0,
      ) / 1024;
    // Before the attract screen can start: every script index.html names (its entry, the chunks it
    // preloads, the module its <head> script starts) or carries. What the kiosk route's first paint
    // waited for until index.html carried the screen itself.
    const beforeStartJs = gzipKb(scriptsIn(/(?:src|href|data-app)="\.?\/?([^"]+\.js)"/g)) + inlineJs;
    // What the first paint waits for now: the classic (parser-blocking) scripts; module scripts never block it.
    const firstPaintJs = gzipKb(scriptsIn(/<script src="\.?\/?([^"]+\.js)"/g)) + inlineJs;

    const a = summarise(shown);
    const st = summarise(started);
    const fcp = summarise(painted);
    const b = summarise(plain);
    const bFcp = summarise(plainPainted);
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
        name: `navigation → attract screen shown, taking a tap p50 (${LOADS} cold loads)`,
        unit: 'ms',
        value: a.p50,
        baselineName: 'static one-button page p50',
        baseline: b.p50,
      },
      {
        group: 'kiosk',
        name: 'navigation → attract screen shown, taking a tap p95',
        unit: 'ms',
        value: a.p95,
        baselineName: 'static one-button page p95',
        baseline: b.p95,
        target: '< 400 ms',
      },
      {
        group: 'kiosk',
        name: 'navigation → first contentful paint p50',
        unit: 'ms',
        value: fcp.p50,
        baselineName: 'static one-button page p50',
        baseline: bFcp.p50,
      },
      {
        group: 'kiosk',
        name: 'navigation → first contentful paint p95',
        unit: 'ms',
        value: fcp.p95,
        baselineName: 'static one-button page p95',
        baseline: bFcp.p95,
      },
      {
        group: 'kiosk',
        name: 'navigation → attract screen started (settings + survey loaded) p50',
        unit: 'ms',
        value: st.p50,
        baselineName: 'static one-button page p50',
        baseline: b.p50,
      },
      {
        group: 'kiosk',
        name: 'navigation → attract screen started (settings + survey loaded) p95',
        unit: 'ms',
        value: st.p95,
        baselineName: 'static one-button page p95',
        baseline: b.p95,
      },
      {
        group: 'kiosk',
        name: 'kiosk route JavaScript before the first paint (gzip -9)',
        unit: 'KB',
        value: firstPaintJs,
        baselineName: 'React + react-dom + i18next alone, same build',
        baseline: floorJs,
      },
      {
        group: 'kiosk',
        name: 'kiosk route JavaScript before the attract screen starts (gzip -9)',
        unit: 'KB',
        value: beforeStartJs,
        baselineName: 'React + react-dom + i18next alone, same build',
        baseline: floorJs,
        target: '< 90 KB',
      },
      {
        group: 'kiosk',
        name: 'kiosk route JavaScript (gzip -9)',
        unit: 'KB',
        value: kioskJs,
        baselineName: 'React + react-dom + i18next alone, same build',
        baseline: floorJs,
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
