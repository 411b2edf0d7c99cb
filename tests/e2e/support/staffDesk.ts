import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { testQuestionnaire } from '../../support/fakes';
import { independentScore, type PlainAnswer } from '../../support/independentScore';
import { kioskPage } from './browser';
import type { HostProcess } from './hostProcess';

/** For tests/e2e/staff.test.ts: the host's API, responses sent the way a counter tablet sends them, and the desk's browser. */

const DESK = { width: 1366, height: 768 };

// The questionnaire with a three-point item (officer.1) and an optional one (feedback).
const ITEMS = [
  ['access', 5],
  ['officer.1', 3],
  ['feedback', 5],
] as const;
type Context = { counter?: string; officer?: string; field?: string };
export type Sent = { answers: PlainAnswer[]; kind: 'counted' | 'suspect' | 'abandoned'; context: Context };

interface Running {
  host: () => HostProcess;
  browser: () => Browser;
}

/**
 * The desk's tools over one running host (read when called: the host starts in
 * beforeAll). `sent` remembers every response submitted, for the independent score.
 */
export function staffDesk({ host, browser }: Running) {
  const sent: Sent[] = [];

  async function call<T = unknown>(name: string, input: unknown, token?: string): Promise<T> {
    const response = await fetch(`${host().url}api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    });
    const envelope = (await response.json()) as
      { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
    if (!envelope.ok)
      throw Object.assign(new Error(`${name}: ${envelope.error.message}`), { code: envelope.error.code });
    return envelope.value;
  }

  /**
   * One response over HTTP, as a counter tablet would send it; scores on each item's own scale.
   * `repeat`: the same answers as the response just sent, which the misuse filter's repeat rule
   * flags suspect (the test host takes any speed: see hostProcess.ts).
   */
  async function submit(
    scores: Array<number | null>,
    { repeat = false, abandoned = false, context = {} as Context, comment = '', reasons = [] as string[] } = {},
  ) {
    const answers = ITEMS.slice(0, scores.length).map(([item, points], i) => ({
      item,
      score: scores[i] ?? null,
      points,
    }));
    const result = await call<{ flags: string[] }>('submitResponse', {
      id: randomUUID(),
      questionnaire: { id: testQuestionnaire.id, version: testQuestionnaire.version },
      language: 'vi',
      durationMs: 2000 * scores.length,
      status: abandoned ? 'abandoned' : 'completed',
      answers: answers.map(({ item, score }) => ({ item, score })),
      context,
      reasons: reasons.map((reason) => ({ dimension: 'feedback', reason })),
      ...(comment ? { comment } : {}),
    });
    expect(result.flags).toEqual(repeat ? ['repeat'] : []);
    sent.push({ answers, kind: abandoned ? 'abandoned' : repeat ? 'suspect' : 'counted', context });
  }

  /** Signed in as the demo officer nv01 on a desk-sized screen; `problems` collects page errors, console errors and dialogs. */
  async function staffPage() {
    const { context, page } = await kioskPage(browser(), `${host().url}#/staff`, DESK);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('dialog', (dialog) => problems.push(`dialog: ${dialog.message()}`));
    await page.getByLabel('Cán bộ').selectOption({ label: 'Nguyễn Thị Lan' });
    await page.getByLabel('Mã PIN').fill('1111');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hôm nay' }).waitFor();
    return { context, page, problems };
  }

  const scoreOf = (filter: (s: Sent) => boolean) => independentScore(sent.filter(filter).map((s) => s.answers));
  const countOf = (filter: (s: Sent) => boolean) => String(sent.filter(filter).length);

  return { call, submit, staffPage, scoreOf, countOf };
}

export const percent = (value: number | null) =>
  value === null
    ? '—'
    : new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        value / 100,
      );
export const mean = (value: number | null) =>
  value === null
    ? '—'
    : new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 AA rules axe can check. meta-viewport is index.html's (the kiosk blocks pinch zoom), not a staff screen's. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const { violations } = await (window as any).axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'],
      rules: { 'meta-viewport': { enabled: false } },
    });
    return violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
}

export const cells = (page: Page, table: string, row: string | RegExp) =>
  page
    .getByRole('table', { name: table, exact: true })
    .getByRole('row', { name: row })
    .getByRole('cell')
    .allTextContents();
export const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
