import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { composeApp } from '../../src/app/composeApp';
import { silentLogger } from '../../src/app/logger';
import { startHttpHost } from '../../src/server/httpHost';
import { ensureRendererBuilt, RENDERER_DIST } from '../../src/server/rendererBuild';
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
  document.addEventListener('pointerdown', () => {
    down = performance.now();
    selected = 0;
    heading = document.querySelector('h1')?.textContent ?? '';
  }, true);
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

async function readyMs(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector(selector);
  return page.evaluate(() => performance.now());
}

/**
 * The kiosk in Chromium with touch emulation: tap → selected, tap → next question
 * (less the configured confirmation pause), navigation → attract screen ready, and
 * the JavaScript the kiosk route loads. Baselines: the same measurements on a plain
 * page with no framework (Chromium's own floor on this machine).
 */
export async function benchKiosk(): Promise<BenchRow[]> {
  await ensureRendererBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-bench-kiosk-'));
  const app = await composeApp({ dataDir: dir, logger: silentLogger });
  const host = await startHttpHost({ dispatch: app.dispatch, port: 0, staticDir: RENDERER_DIST, logger: silentLogger });
  const browser = await launchBrowser();
  try {
    const { page } = await kioskPage(browser, 'about:blank');
    const attract = [];
    for (let i = 0; i < LOADS; i += 1) attract.push(await readyMs(page, `${host.url}#/kiosk`, 'button.start-button:not([disabled])'));
    const plain = [];
    for (let i = 0; i < LOADS; i += 1) {
      await page.goto('about:blank');
      const start = Date.now();
      await page.setContent('<!doctype html><button>Start</button>');
      plain.push(Date.now() - start);
    }

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
    const taps = await page.evaluate(() => (window as unknown as { tapTimes: Array<{ selected: number; next: number }> }).tapTimes);
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
    const plainTaps = await page.evaluate(() => (window as unknown as { tapTimes: Array<{ selected: number; next: number }> }).tapTimes);
    const plainSelected = summarise(plainTaps.map((t) => t.selected));
    const plainNext = summarise(plainTaps.map((t) => t.next - CONFIRM_MS));

    const html = fs.readFileSync(path.join(RENDERER_DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const kioskJs = scripts.reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(RENDERER_DIST, file)), { level: 9 }).length, 0) / 1024;

    const a = summarise(attract);
    const b = summarise(plain);
    return [
      { group: 'kiosk', name: `tap → face shown selected p50 (${taps.length} taps)`, unit: 'ms', value: selected.p50, baselineName: 'plain page p50', baseline: plainSelected.p50 },
      { group: 'kiosk', name: 'tap → face shown selected p95', unit: 'ms', value: selected.p95, baselineName: 'plain page p95', baseline: plainSelected.p95, target: '< 50 ms' },
      { group: 'kiosk', name: `tap → next question painted − ${CONFIRM_MS} ms pause, p50`, unit: 'ms', value: next.p50, baselineName: 'plain page p50', baseline: plainNext.p50 },
      { group: 'kiosk', name: `tap → next question painted − ${CONFIRM_MS} ms pause, p95`, unit: 'ms', value: next.p95, baselineName: 'plain page p95', baseline: plainNext.p95, target: '< 50 ms' },
      { group: 'kiosk', name: `navigation → attract screen ready p50 (${LOADS} loads)`, unit: 'ms', value: a.p50, baselineName: 'static one-button page p50', baseline: b.p50 },
      { group: 'kiosk', name: 'navigation → attract screen ready p95', unit: 'ms', value: a.p95, baselineName: 'static one-button page p95', baseline: b.p95, target: '< 800 ms' },
      { group: 'kiosk', name: 'kiosk route JavaScript (gzip -9)', unit: 'KB', value: kioskJs, baselineName: 'SurveyJS 5-question survey (issue #3)', baseline: 416, target: '< 250 KB' },
    ];
  } finally {
    await browser.close();
    await host.close();
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
