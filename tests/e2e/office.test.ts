import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import quick from '../../assets/questionnaires/sipas-quick.json';
import { kioskPage, launchBrowser } from './support/browser';
import { startHostProcess, type HostProcess } from './support/hostProcess';
import { screenshot } from './support/kioskSteps';

let browser: Browser;
let host: HostProcess;
let dataDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-e2e-office-'));
  host = await startHostProcess(dataDir);
});
afterAll(async () => {
  await host?.kill();
  await browser?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Ratings through the HTTP operation the kiosk uses: every item at `score`. */
async function submit(count: number, score: number) {
  const items = quick.dimensions.flatMap((d) => d.items.map((i) => i.id));
  for (let i = 0; i < count; i += 1) {
    const body = {
      id: randomUUID(),
      questionnaire: { id: quick.id, version: quick.version },
      language: 'vi',
      durationMs: 20_000,
      status: 'completed',
      answers: items.map((item) => ({ item, score })),
    };
    const response = await fetch(`${host.url}api/submitResponse`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
  }
}

async function signIn(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập quản trị' }).waitFor();
  await page.getByLabel('Mã quản trị viên').fill('qtv');
  await page.getByLabel('Mã PIN').fill('9999');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đơn vị & quầy' }).waitFor();
}

async function openSection(page: Page, link: string, heading = link) {
  await page
    .getByRole('navigation', { name: 'Các mục quản trị' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('for the office, end to end in Chromium', () => {
  it('an administrator downloads an export from the admin screen, and its SHA-256 matches the manifest', async () => {
    await submit(3, 4);
    const { context, page } = await kioskPage(browser, `${host.url}#/admin`);
    await signIn(page);
    await openSection(page, 'Xuất dữ liệu');
    await page.getByRole('button', { name: 'Bắt đầu xuất' }).click();
    await page.getByText('Đã xuất xong.').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải về' }).first().click(),
    ]);
    const saved = path.join(dataDir, `downloaded-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    await page.getByText(/mã SHA-256 khớp với bản kê/).waitFor();

    const manifest = JSON.parse(
      fs.readFileSync(path.join(dataDir, 'exports', `${download.suggestedFilename()}.manifest.json`), 'utf8'),
    ) as { sha256: string; file: string };
    const actual = createHash('sha256').update(fs.readFileSync(saved)).digest('hex');
    expect(manifest.file).toBe(download.suggestedFilename());
    expect(actual).toBe(manifest.sha256);
    // The SHA-256 is shown beside the batch, and the manifest one click away.
    await page.locator('code.sha256', { hasText: manifest.sha256 }).waitFor();
    await page.getByRole('button', { name: `Xem bản kê của ${manifest.file}` }).click();
    expect(await page.getByLabel('Bản kê (manifest)').textContent()).toContain(manifest.sha256);

    await openSection(page, 'Nhật ký');
    await page.getByRole('cell', { name: 'Tải tệp xuất về' }).first().waitFor();
    await page.getByRole('cell', { name: 'Xuất đợt dữ liệu' }).first().waitFor();
    await screenshot(page, 'office-audit-log');
    await context.close();
  });

  it('the targets page shows a target at risk after low ratings are entered', async () => {
    await submit(6, 1);
    const { context, page } = await kioskPage(browser, `${host.url}#/admin`);
    await signIn(page);
    await openSection(page, 'Mục tiêu kế hoạch', 'Mục tiêu và ngày nghỉ');
    const risk = page.getByRole('region', { name: 'Chỉ tiêu có nguy cơ không đạt trong tháng này' });
    await risk.getByText('Chỉ số hài lòng SIPAS', { exact: false }).waitFor();
    const sipasRow = page
      .getByRole('table', { name: 'Kết quả so với mục tiêu' })
      .getByRole('row', { name: /^Chỉ số hài lòng SIPAS/ });
    expect(await sipasRow.textContent()).toContain('Có nguy cơ không đạt');
    await page.getByRole('heading', { level: 2, name: /^Mục tiêu kế hoạch năm/ }).scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('progress-heading')?.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'office-targets');

    // The quarter's periodic report carries the same year's targets, laid out like the staff report.
    await openSection(page, 'Báo cáo định kỳ');
    const report = page.getByRole('article', { name: 'BÁO CÁO CHỈ SỐ HÀI LÒNG (SIPAS) QUÝ' });
    await report.getByRole('table', { name: 'Chỉ số hài lòng theo yếu tố' }).first().waitFor();
    const reportTargets = report.getByRole('region', { name: /^Mục tiêu kế hoạch năm/ });
    expect(
      await reportTargets
        .getByRole('table', { name: 'Kết quả so với mục tiêu' })
        .getByRole('row', { name: /^Chỉ số hài lòng SIPAS/ })
        .textContent(),
    ).toContain('Có nguy cơ không đạt');
    await screenshot(page, 'office-periodic-report');
    await context.close();
  });
});
