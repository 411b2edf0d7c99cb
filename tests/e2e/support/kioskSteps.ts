import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { DATABASE_FILE } from '../../../src/app/composeApp';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../artifacts/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

export async function start(page: Page, label = 'Đánh giá mức độ hài lòng'): Promise<void> {
  const button = page.getByRole('button', { name: label });
  await button.waitFor();
  await page.waitForFunction(() => !document.querySelector('button[disabled]'));
  await button.tap();
}

/**
 * Taps a face (or "Không ý kiến") on the question on screen. The test hosts let
 * the misuse filter accept any speed (hostProcess.ts), so nobody waits to "read";
 * `beforeTap` is where the one test of the filter spends a reader's time.
 */
export async function answer(page: Page, label: string, beforeTap?: () => Promise<void>): Promise<void> {
  await page.getByRole('group', { name: /Chọn mức độ hài lòng|Choose how satisfied you are/ }).waitFor();
  await beforeTap?.();
  const heading = await page.getByRole('heading', { level: 1 }).textContent();
  await page.getByRole('button', { name: label, exact: true }).tap();
  // The next screen replaces this heading once the confirmation pause is over.
  await page.waitForFunction((before) => document.querySelector('h1')?.textContent !== before, heading);
}

export async function skip(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { name: heading }).waitFor();
  await page.getByRole('button', { name: 'Bỏ qua' }).tap();
}

/** Reads the kiosk's database file while the host runs (WAL allows a second reader). */
export function query<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** axe-core, evaluated through the DevTools protocol so the page's CSP stays as it is. */
const AXE = fs.readFileSync(path.resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/**
 * Serious and critical violations on the page. `meta-viewport` is left out on
 * purpose: a kiosk must not pinch-zoom (the issue asks for it), and the larger-
 * text toggle is the kiosk's way to resize text (WCAG 1.4.4).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      rules: { 'meta-viewport': { enabled: false } },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
}

/** True when the page scrolls in neither direction at the current viewport. */
export const fitsViewport = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollHeight <= window.innerHeight + 1 && root.scrollWidth <= window.innerWidth + 1;
  });

/**
 * A USB barcode scanner: the whole code and Enter as key presses a millisecond
 * apart. Sent in one burst inside the page, so a loaded test machine cannot
 * spread the keys out the way a slow typist would.
 */
export async function scanKeys(page: Page, code: string): Promise<void> {
  await page.evaluate((keys) => {
    for (const key of [...keys, 'Enter']) {
      for (const type of ['keydown', 'keyup'])
        window.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, cancelable: true }));
    }
  }, code);
}

/** A scan once the app's attract screen can start a survey at once (its start button's data-ready="true"). */
export async function scan(page: Page, code: string): Promise<void> {
  await page.waitForFunction(() => document.querySelector('button.start-button[data-ready="true"]') !== null);
  await scanKeys(page, code);
}
