import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import quick from '../../assets/questionnaires/sipas-quick.json';
import { kioskPage, launchBrowser } from './support/browser';
import { startHostProcess, type HostProcess } from './support/hostProcess';

let browser: Browser;
const dirs: string[] = [];
const hosts: HostProcess[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.kill()));
  await browser?.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(extraArgs: string[] = []): Promise<{ host: HostProcess; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-e2e-admin-'));
  dirs.push(dataDir);
  const host = await startHostProcess(dataDir, extraArgs);
  hosts.push(host);
  return { host, dataDir };
}

/** Errors the page logged (a CSP violation, an uncaught exception): a test ends with none. */
const pageErrors = new WeakMap<Page, string[]>();
function watch(page: Page): Page {
  const errors: string[] = [];
  page.on('console', (message) => {
    // An operation the host refuses answers 4xx (e.g. 400 for a bad questionnaire): that is the test, not a fault.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  pageErrors.set(page, errors);
  return page;
}

async function openAdmin(url: string) {
  const { context, page } = await kioskPage(browser, `${url}#/admin`);
  return { context, page: watch(page) };
}

async function closeClean(context: BrowserContext, page: Page) {
  expect(pageErrors.get(page) ?? []).toEqual([]);
  await context.close();
}

async function signIn(page: Page, code = 'qtv', pin = '9999') {
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập quản trị' }).waitFor();
  await page.getByLabel('Mã quản trị viên').fill(code);
  await page.getByLabel('Mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đơn vị & quầy' }).waitFor();
}

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** A few completed responses through the same HTTP operation the kiosk uses. */
async function submitResponses(url: string, count: number) {
  const items = ['access', 'procedure', 'officer', 'result', 'feedback'];
  for (let i = 0; i < count; i += 1) {
    const body = {
      id: randomUUID(),
      questionnaire: { id: quick.id, version: quick.version },
      language: 'vi',
      durationMs: 20_000,
      status: 'completed',
      answers: items.map((item, k) => ({ item, score: ((i + k) % 5) + 1 })),
    };
    const response = await fetch(`${url}api/submitResponse`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
  }
}

const jsonFile = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(value, null, 2)),
});

describe('the admin area, end to end in Chromium', () => {
  it('creates the first administrator on the machine itself, then signs in', async () => {
    const { host } = await start(['--no-demo']);
    const { context, page } = await openAdmin(host.url);
    await page.getByRole('heading', { level: 1, name: 'Thiết lập lần đầu' }).waitFor();
    await page.getByLabel('Mã quản trị viên').fill('vpthongke');
    await page.getByLabel('Họ và tên').fill('Trần Thị Hoa');
    await page.getByLabel('Mã PIN', { exact: true }).fill('482916');
    await page.getByLabel('Nhập lại mã PIN').fill('482916');
    await page.getByRole('button', { name: 'Tạo quản trị viên' }).click();

    await page.getByText('Đã tạo quản trị viên Trần Thị Hoa. Vui lòng đăng nhập bằng mã PIN vừa đặt.').waitFor();
    expect(await page.getByLabel('Mã quản trị viên').inputValue()).toBe('vpthongke');
    await page.getByLabel('Mã PIN').fill('482916');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đơn vị & quầy' }).waitFor();
    await page.getByText('Quản trị viên: Trần Thị Hoa').waitFor();
    await closeClean(context, page);
  });

  describe('with the demo data', () => {
    let host: HostProcess;
    let dataDir: string;
    beforeAll(async () => {
      ({ host, dataDir } = await start());
    });

    it('shows the path error of a bad questionnaire, then a new version changes the kiosk’s first question', async () => {
      const { context, page } = await openAdmin(host.url);
      await signIn(page);
      await openSection(page, 'Phiếu khảo sát');
      const form = page.getByRole('form', { name: 'Nhập phiếu từ tệp JSON' });

      const bad = structuredClone(quick) as { dimensions: Array<{ items: Array<{ text: { vi?: string } }> }> };
      delete bad.dimensions[2]!.items[0]!.text.vi;
      await form.getByLabel('Tệp phiếu khảo sát').setInputFiles(jsonFile('sipas-quick-loi.json', bad));
      await form.getByRole('button', { name: 'Nhập phiếu' }).click();
      const alert = form.getByRole('alert');
      await alert.waitFor();
      expect(await alert.locator('code').textContent()).toBe('dimensions[2].items[0].text.vi: required');

      const question = 'Ông/Bà thấy nơi tiếp đón hôm nay thế nào? (phiên bản thử nghiệm)';
      const edited = structuredClone(quick);
      edited.dimensions[0]!.items[0]!.text.vi = question;
      await form.getByLabel('Tệp phiếu khảo sát').setInputFiles(jsonFile('sipas-quick-sua.json', edited));
      await form.getByLabel('Lưu thành phiên bản mới').check();
      await form.getByRole('button', { name: 'Nhập phiếu' }).click();
      await form.getByText(/^Đã nhập phiếu “Đánh giá nhanh mức độ hài lòng” \(sipas-quick, phiên bản 2\)/).waitFor();
      await page.getByRole('button', { name: 'Dùng phiếu này: sipas-quick phiên bản 2' }).click();
      await page.getByText('Máy khảo sát đang dùng phiếu “Đánh giá nhanh mức độ hài lòng”, phiên bản 2.').waitFor();

      const kiosk = await context.newPage();
      await kiosk.goto(`${host.url}#/kiosk`);
      await kiosk.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).tap();
      await kiosk.getByRole('heading', { level: 1, name: question }).waitFor();
      await closeClean(context, page);
    });

    it('exports a CSV with the progress bar reaching done, and the file and its manifest are on disk', async () => {
      await submitResponses(host.url, 3);
      const { context, page } = await openAdmin(host.url);
      await signIn(page);
      await openSection(page, 'Xuất dữ liệu');
      const personal = page.getByRole('checkbox', { name: /^Kèm dữ liệu cá nhân/ });
      expect(await personal.isChecked()).toBe(false);
      await page.getByRole('button', { name: 'Bắt đầu xuất' }).click();

      await page.getByText('Đã xuất xong.').waitFor();
      const bar = page.getByRole('progressbar', { name: 'Tiến độ xuất' });
      expect(await bar.evaluate((el: HTMLProgressElement) => [el.value, el.max])).toEqual([3, 3]);
      await page.getByText('3 / 3 lượt đánh giá').waitFor();

      const written = await page.locator('.admin-facts code').first().textContent();
      expect(written).toMatch(/^exports\/sipas-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);
      const file = path.join(dataDir, written!);
      expect(fs.existsSync(file)).toBe(true);
      const manifest = JSON.parse(fs.readFileSync(`${file}.manifest.json`, 'utf8')) as Record<string, unknown>;
      expect(JSON.stringify(manifest)).toContain(path.basename(file));
      const csv = fs.readFileSync(file, 'utf8');
      expect(csv.split(/\r?\n/).filter((line) => line.trim() !== '').length).toBeGreaterThanOrEqual(4);
      // The batch is listed.
      await page.getByRole('rowheader', { name: path.basename(file) }).waitFor();
      await closeClean(context, page);
    });

    it('adds an officer with a photo, scaled down in the browser before it is sent', async () => {
      const { context, page } = await openAdmin(host.url);
      await signIn(page);
      await openSection(page, 'Cán bộ');
      // A 1600×1200 picture, as a phone would take it.
      const png = await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 1600;
        canvas.height = 1200;
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#3a6ea5';
        context.fillRect(0, 0, 1600, 1200);
        return canvas.toDataURL('image/png').split(',')[1]!;
      });
      const form = page.getByRole('form', { name: 'Thêm cán bộ' });
      await form.getByLabel('Mã cán bộ').fill('nv09');
      await form.getByLabel('Họ và tên').fill('Đỗ Thị Mai');
      await form
        .getByLabel('Ảnh', { exact: true })
        .setInputFiles({ name: 'chan-dung.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
      await form.getByRole('img', { name: 'Ảnh của Đỗ Thị Mai' }).waitFor();
      await form.getByLabel('Mã PIN', { exact: true }).fill('5678');
      await form.getByLabel('Nhập lại mã PIN').fill('5678');
      await form.getByRole('button', { name: 'Thêm cán bộ' }).click();
      await page.getByText('Đã thêm cán bộ Đỗ Thị Mai.').waitFor();

      const thumb = page.getByRole('row', { name: /nv09/ }).locator('img');
      await thumb.waitFor();
      const [width, height, prefix] = await thumb.evaluate((img: HTMLImageElement) => [
        img.naturalWidth,
        img.naturalHeight,
        img.src.slice(0, 23),
      ]);
      expect([width, height, prefix]).toEqual([256, 192, 'data:image/jpeg;base64,']);
      await closeClean(context, page);
    });

    it('creates a backup and lists it', async () => {
      const { context, page } = await openAdmin(host.url);
      await signIn(page);
      await openSection(page, 'Sao lưu');
      await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
      const status = page.getByText(/^Đã tạo bản sao lưu manual-.+\.sqlite3\.$/);
      await status.waitFor();
      const name = /(manual-\S+\.sqlite3)/.exec((await status.textContent()) ?? '')?.[1];
      expect(name).toBeTruthy();
      await page.getByRole('rowheader', { name: name! }).waitFor();
      expect(fs.existsSync(path.join(dataDir, 'backups', name!))).toBe(true);
      await closeClean(context, page);
    });
  });
});
