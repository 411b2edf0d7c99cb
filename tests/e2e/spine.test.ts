import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/app/composeApp';
import { RESPONSE_COUNT_LABELS } from '../../src/domain/responseCounts';
import { kioskPage, launchBrowser } from './support/browser';
import { startHostProcess, type HostProcess } from './support/hostProcess';

let browser: Browser;
let dataDir: string;
const hosts: HostProcess[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-e2e-spine-'));
});
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.kill()));
  await browser?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<HostProcess> {
  const host = await startHostProcess(dataDir);
  hosts.push(host);
  return host;
}

/** Answers the quick questionnaire by touch: 5, 4, 2, 4 and "no opinion" on the optional item. */
async function answerQuickSurvey(page: Page) {
  await page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).tap();
  for (const [step, label] of [
    [1, 'Rất hài lòng'],
    [2, 'Hài lòng'],
    [3, 'Không hài lòng'],
    [4, 'Hài lòng'],
    [5, 'Không ý kiến'],
  ] as const) {
    // The host takes any speed (the misuse filter's own test is in kiosk.test.ts).
    await page.getByText(`Câu ${step}/5`).waitFor();
    await page.getByRole('button', { name: label, exact: true }).tap();
    if (label === 'Không hài lòng') {
      // A low score asks what went wrong; this citizen skips it.
      await page.getByRole('heading', { name: 'Điều gì khiến Ông/Bà chưa hài lòng?' }).waitFor();
      await page.getByRole('button', { name: 'Bỏ qua' }).tap();
    }
  }
  // The optional comment and contact screens: skipped.
  await page.getByRole('heading', { name: 'Ông/Bà có góp ý thêm không?' }).waitFor();
  await page.getByRole('button', { name: 'Bỏ qua' }).tap();
  await page.getByRole('heading', { name: 'Ông/Bà có muốn được liên hệ lại không?' }).waitFor();
  await page.getByRole('button', { name: 'Bỏ qua' }).tap();
}

describe('the spine, end to end in Chromium', () => {
  it('an answer submitted by touch is in the SQLite file after the host is killed right after the acknowledgement', async () => {
    const host = await start();
    const { context, page } = await kioskPage(browser, `${host.url}#/kiosk`);
    await answerQuickSurvey(page);
    await page.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();
    await host.kill('SIGKILL');
    await context.close();

    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const responses = db.prepare('SELECT id, status, language, flags FROM responses').all() as Array<{
      id: string;
      status: string;
      language: string;
      flags: string;
    }>;
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ status: 'completed', language: 'vi', flags: '[]' });
    const answers = db
      .prepare('SELECT item, score FROM answers WHERE response_id = ? ORDER BY item')
      .all(responses[0]!.id);
    expect(answers).toEqual([
      { item: 'access', score: 5 },
      { item: 'feedback', score: null },
      { item: 'officer', score: 2 },
      { item: 'procedure', score: 4 },
      { item: 'result', score: 4 },
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('staff read it back through the daily summary after a restart', async () => {
    const host = await start();
    const { context, page } = await kioskPage(browser, `${host.url}#/staff`);
    await page.getByLabel('Cán bộ').selectOption({ label: 'Nguyễn Thị Lan' });
    await page.getByLabel('Mã PIN').fill('1111');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hôm nay' }).waitFor();
    // Items: access 100 %, procedure 100 %, officer 0 %, result 100 %; feedback had no opinion.
    await expect.poll(() => page.locator('.sipas-value').textContent()).toBe('75,0%');
    // The counts carry their one set of names (src/domain/responseCounts.ts).
    const counted = page
      .locator('dt', { hasText: RESPONSE_COUNT_LABELS.vi.counted })
      .first()
      .locator('xpath=following-sibling::dd');
    expect(await counted.textContent()).toBe('1');
    await context.close();
    await host.kill('SIGTERM');
  });
});
