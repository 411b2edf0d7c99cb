import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskPage, launchBrowser } from './support/browser';
import { startHostProcess, type HostProcess } from './support/hostProcess';
import { answer, axeViolations, fitsViewport, query, screenshot, start } from './support/kioskSteps';

/**
 * Issue 12, "every tap respected", tried in Chromium by touch: nothing entered is
 * lost, nobody finishes someone else's survey, and every screen keeps its promise
 * at the kiosk's sizes, with larger text too.
 */

let browser: Browser;
let host: HostProcess;
let dataDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-e2e-citizen-'));
  host = await startHostProcess(dataDir);
});
afterAll(async () => {
  await host?.kill();
  await browser?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function api<T = any>(name: string, input: unknown, token?: string): Promise<T> {
  const response = await fetch(`${host.url}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message}`);
  return envelope.value;
}

const signIn = async (officer: string, pin: string) => (await api<{ token: string }>('signIn', { officer, pin })).token;

/** Changes some kiosk settings as the administrator would, keeping the rest. */
async function setSettings(change: Record<string, unknown>) {
  const { settings } = await api('getKioskSetup', {});
  await api('updateKioskSettings', { ...settings, ...change }, await signIn('qtv', '9999'));
}

type Row = { id: string; status: string; officer: string | null; case_code_hash: string | null };
const latest = () =>
  query<Row>(dataDir, 'SELECT id, status, officer, case_code_hash FROM responses ORDER BY rowid DESC LIMIT 1')[0];
const answersOf = (id: string) =>
  query<{ item: string; score: number | null }>(
    dataDir,
    'SELECT item, score FROM answers WHERE response_id = ? ORDER BY item',
    id,
  );
const responseCount = () => query<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM responses')[0]!.n;

const ATTRACT = 'Đánh giá mức độ hài lòng';
const COMMENT = 'Ông/Bà có góp ý thêm không?';
const CONTACT = 'Ông/Bà có muốn được liên hệ lại không?';
const REASONS = 'Điều gì khiến Ông/Bà chưa hài lòng?';
const CALL_BACK = 'Cán bộ sẽ gọi lại cho Ông/Bà trong vòng 2 ngày làm việc.';

const heading = (page: Page, name: string) => page.getByRole('heading', { name }).waitFor();
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const thanks = (page: Page) => heading(page, 'Cảm ơn Ông/Bà!');

async function open(viewport?: { width: number; height: number }, { clock = false } = {}) {
  const { context, page } = await kioskPage(browser, 'about:blank', viewport);
  // The page's own clock, moved by the test: walking-away timings without waiting for them.
  if (clock) await page.clock.install();
  await page.goto(`${host.url}#/kiosk`);
  await button(page, ATTRACT).waitFor();
  return { context, page };
}

/** Types on the on-screen keyboard, one key a tap. */
async function type(page: Page, text: string) {
  const keyboard = page.getByRole('group', { name: 'Bàn phím' });
  for (const key of text)
    await keyboard.getByRole('button', { name: key === ' ' ? 'Dấu cách' : key, exact: true }).tap();
}

describe('every tap respected (issue 12), in Chromium by touch', () => {
  it('comment typed → "Bỏ qua" shown as "Tiếp tục" → "Quay lại" shows the comment', async () => {
    const { context, page } = await open();
    await start(page);
    for (const label of ['Hài lòng', 'Hài lòng', 'Hài lòng', 'Hài lòng', 'Hài lòng']) await answer(page, label);
    await heading(page, COMMENT);
    await page.getByText('Góp ý thêm — không bắt buộc').waitFor();
    // Nothing entered: the way on says so.
    expect(await button(page, 'Bỏ qua').isVisible()).toBe(true);
    expect(await button(page, 'Tiếp tục').count()).toBe(0);
    await type(page, 'tot');
    await expect.poll(() => page.getByRole('textbox', { name: 'Góp ý của Ông/Bà' }).inputValue()).toBe('tot');
    expect(await button(page, 'Bỏ qua').count()).toBe(0);
    await button(page, 'Tiếp tục').tap();
    await heading(page, CONTACT);
    await button(page, 'Quay lại').tap();
    await heading(page, COMMENT);
    expect(await page.getByRole('textbox', { name: 'Góp ý của Ông/Bà' }).inputValue()).toBe('tot');
    expect(await button(page, 'Tiếp tục').isVisible()).toBe(true);
    // And from here one tap ends the survey, the comment kept.
    await button(page, 'Gửi đánh giá').tap();
    await thanks(page);
    const row = latest()!;
    expect(query(dataDir, 'SELECT comment FROM response_personal WHERE response_id = ?', row.id)).toEqual([
      { comment: 'tot' },
    ]);
    await context.close();
  });

  it('picked reasons and "Khác" are kept going back, and "Khác" brings the comment next', async () => {
    const { context, page } = await open();
    await start(page);
    await answer(page, 'Rất không hài lòng');
    await heading(page, REASONS);
    await button(page, 'Phải chờ quá lâu').tap();
    await button(page, 'Khác').tap();
    await button(page, 'Tiếp tục').tap();
    // "Khác": the comment straight after, saying why it is asked.
    await heading(page, COMMENT);
    await page.getByText(/Ông\/Bà đã chọn “Khác” ở mục/).waitFor();
    await button(page, 'Quay lại').tap();
    await heading(page, REASONS);
    expect(await button(page, 'Phải chờ quá lâu').getAttribute('aria-pressed')).toBe('true');
    expect(await button(page, 'Khác').getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  it('"Làm lại" opens the dialog and "Không" keeps every answer', async () => {
    const before = responseCount();
    const { context, page } = await open();
    await start(page);
    for (const label of ['Rất hài lòng', 'Hài lòng', 'Bình thường']) await answer(page, label);
    await page.getByText('Câu 4/5').waitFor();
    // Unarmed, the quick form requires those three ratings: the response counts from here (the counting rule).
    await expect.poll(() => responseCount()).toBe(before + 1);
    await button(page, 'Làm lại').tap();
    const dialog = page.getByRole('dialog', { name: 'Làm lại từ đầu?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Không' }).tap();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Câu 4/5').waitFor();
    // Back through the questions: each answer still selected.
    for (const [progress, label] of [
      ['Câu 3/5', 'Bình thường'],
      ['Câu 2/5', 'Hài lòng'],
      ['Câu 1/5', 'Rất hài lòng'],
    ] as const) {
      await button(page, 'Quay lại').tap();
      await page.getByText(progress).waitFor();
      expect(await button(page, label).getAttribute('aria-pressed')).toBe('true');
    }
    // Still that one response: "Không" sent nothing away and started nothing new.
    expect(responseCount()).toBe(before + 1);
    expect(latest()).toMatchObject({ status: 'completed' });
    await context.close();
  });

  it('a survey left after three ratings is reset after 30 s and the next person starts fresh', async () => {
    const { context, page } = await open(undefined, { clock: true });
    await start(page);
    for (const label of ['Hài lòng', 'Bình thường', 'Rất hài lòng']) await answer(page, label);
    await page.getByText('Câu 4/5').waitFor();
    await page.clock.fastForward(18_000);
    const dialog = page.getByRole('dialog', { name: 'Ông/Bà còn tiếp tục không?' });
    expect(await dialog.count()).toBe(0);
    await page.clock.fastForward(2_200); // 20 s after the last touch
    await dialog.waitFor();
    await page.clock.fastForward(8_000);
    expect(await dialog.isVisible()).toBe(true);
    await page.clock.fastForward(2_500); // 10 s after the warning
    await button(page, ATTRACT).waitFor();
    // Unarmed, the quick form requires access, procedure and officer: three ratings count (the counting rule).
    await expect.poll(() => latest()?.status).toBe('completed');
    expect(answersOf(latest()!.id)).toEqual([
      { item: 'access', score: 4 },
      { item: 'officer', score: 5 },
      { item: 'procedure', score: 3 },
    ]);
    // The next person: question 1, nothing selected.
    await start(page);
    await page.getByText('Câu 1/5').waitFor();
    expect(
      await page.getByRole('group', { name: 'Chọn mức độ hài lòng' }).locator('[aria-pressed="true"]').count(),
    ).toBe(0);
    await context.close();
  });

  it('an armed context is used by exactly one response and, unused, expires with a notice on the staff Today screen', async () => {
    await setSettings({ armedMinutes: 1 });
    const staff = await signIn('nv01', '1111');
    await api('armKiosk', { caseCode: 'HS-12-0001', officer: 'nv01', purpose: 'file' }, staff);

    const { context, page } = await open();
    await page.getByText(/Ông\/Bà đang đánh giá/).waitFor();
    await start(page);
    for (const label of ['Hài lòng', 'Hài lòng', 'Hài lòng', 'Hài lòng']) await answer(page, label);
    await heading(page, COMMENT);
    await button(page, 'Gửi đánh giá').tap();
    await thanks(page);
    const armedRow = latest()!;
    expect(armedRow).toMatchObject({ officer: 'nv01', status: 'completed' });
    expect(armedRow.case_code_hash).toMatch(/^[0-9a-f]{64}$/);

    // The next person: no context shown, and their response carries none.
    await button(page, 'Về trang đầu').tap();
    await button(page, ATTRACT).waitFor();
    expect(await page.getByText(/Ông\/Bà đang đánh giá/).count()).toBe(0);
    await start(page);
    for (const label of ['Hài lòng', 'Hài lòng', 'Hài lòng', 'Hài lòng', 'Hài lòng']) await answer(page, label);
    await heading(page, COMMENT);
    await button(page, 'Gửi đánh giá').tap();
    await thanks(page);
    expect(latest()).toMatchObject({ officer: null, case_code_hash: null });
    expect(query(dataDir, 'SELECT count(*) AS n FROM responses WHERE officer = ?', 'nv01')).toEqual([{ n: 1 }]);

    // Armed again, and nobody comes: a minute later it lapses, and staff see it.
    await button(page, 'Về trang đầu').tap();
    await api('armKiosk', { caseCode: 'HS-12-0002', officer: 'nv01' }, staff);
    await page.getByText(/Ông\/Bà đang đánh giá/).waitFor();
    const desk = await kioskPage(browser, `${host.url}#/staff`, { width: 1366, height: 768 });
    await desk.page.getByLabel('Cán bộ').selectOption({ label: 'Nguyễn Thị Lan' });
    await desk.page.getByLabel('Mã PIN').fill('1111');
    await desk.page.getByRole('button', { name: 'Đăng nhập' }).click();
    await desk.page.getByRole('heading', { level: 1, name: 'Hôm nay' }).waitFor();
    // A minute passes at the host (its clock moved, not waited for); Today asks for lapses
    // on every new response and every 30 s (LapsedArmings), so the notice comes within that.
    await host.advanceClock(61_000);
    await desk.page.getByText('Lượt đánh giá cho hồ sơ HS-12-0002 chưa được thực hiện.').waitFor({ timeout: 40_000 });
    await screenshot(desk.page, 'issue12-staff-today-lapsed');
    // The kiosk has dropped it: the next person rates without it.
    await expect.poll(() => page.getByText(/Ông\/Bà đang đánh giá/).count(), { timeout: 10_000 }).toBe(0);
    await desk.page.getByRole('button', { name: 'Đã biết' }).click();
    await desk.page.getByText('Lượt đánh giá cho hồ sơ HS-12-0002 chưa được thực hiện.').waitFor({ state: 'detached' });
    await desk.context.close();
    await context.close();
    await setSettings({ armedMinutes: 5 });
  }, 90_000);

  it('the phone thank-you text appears only with a phone number', async () => {
    const { context, page } = await open();
    await start(page);
    for (const label of ['Hài lòng', 'Hài lòng', 'Hài lòng', 'Hài lòng', 'Hài lòng']) await answer(page, label);
    await button(page, 'Bỏ qua').tap();
    await heading(page, CONTACT);
    await page
      .getByText('Không bắt buộc. Chỉ để lại số điện thoại nếu Ông/Bà muốn cán bộ gọi lại trả lời góp ý.')
      .waitFor();
    await page.getByRole('checkbox').tap();
    const keypad = page.getByRole('group', { name: 'Bàn phím số' });
    for (const digit of '0905123456') await keypad.getByRole('button', { name: digit, exact: true }).tap();
    await button(page, 'Tiếp tục').tap();
    await thanks(page);
    await page.getByText(CALL_BACK).waitFor();

    await button(page, 'Về trang đầu').tap();
    await start(page);
    for (const label of ['Hài lòng', 'Hài lòng', 'Hài lòng', 'Hài lòng', 'Hài lòng']) await answer(page, label);
    await button(page, 'Bỏ qua').tap();
    await heading(page, CONTACT);
    await button(page, 'Bỏ qua').tap();
    await thanks(page);
    expect(await page.getByText(/gọi lại/).count()).toBe(0);
    await context.close();
  });
});

/** Every visible button inside the viewport and at least 72 px high (keys 72 px wide too in landscape); nothing scrolls. */
async function layoutProblems(page: Page): Promise<string[]> {
  const problems = (await fitsViewport(page)) ? [] : ['the page scrolls'];
  return [
    ...problems,
    ...(await page.evaluate(() => {
      const found: string[] = [];
      const landscape = window.innerWidth > window.innerHeight;
      for (const element of document.querySelectorAll<HTMLElement>('.kiosk button, .kiosk input[type="checkbox"]')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30);
        if (box.left < -1 || box.top < -1 || box.right > window.innerWidth + 1 || box.bottom > window.innerHeight + 1)
          found.push(`${name}: cut off`);
        const target = element.closest('.consent-box') ?? element;
        const height = target.getBoundingClientRect().height;
        if (height < 71.5) found.push(`${name}: ${Math.round(height)} px high`);
        if (landscape && element.matches('.hg-button, .keypad-key') && box.width < 71.5)
          found.push(`${name}: ${Math.round(box.width)} px wide`);
      }
      for (const element of document.querySelectorAll<HTMLElement>('.kiosk h1, .kiosk p, .kiosk textarea')) {
        if (element.scrollWidth > element.clientWidth + 1) found.push(`${element.tagName} overflows sideways`);
      }
      // Each part of the screen holds its content: nothing spills over the next part (a few pixels of
      // Vietnamese stacked marks above a line, as in "Cảm", are ink, not layout).
      for (const element of document.querySelectorAll<HTMLElement>('.screen > *')) {
        if (element.scrollHeight > element.clientHeight + 4)
          found.push(`${element.className || element.tagName} overflows its box`);
      }
      return found;
    })),
  ];
}

describe('every kiosk screen at the kiosk sizes, with normal and large text', () => {
  const viewports = [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
    { width: 1280, height: 800 },
    { width: 800, height: 1280 },
  ];

  it.each(viewports.flatMap((viewport) => [false, true].map((large) => ({ viewport, large }))))(
    'at $viewport.width×$viewport.height, large text $large: fits, keys of 72 px, axe clean, photographed',
    async ({ viewport, large }) => {
      const { context, page } = await open(viewport, { clock: true });
      const size = `${viewport.width}x${viewport.height}${large ? '-large' : ''}`;
      const found: Record<string, unknown> = {};
      const check = async (name: string) => {
        await screenshot(page, `issue12-${size}-${name}`);
        const problems = [
          ...(await layoutProblems(page)),
          ...(await axeViolations(page)).map((v) => `${v.id}: ${v.help}`),
        ];
        if (problems.length > 0) found[name] = problems;
      };

      if (large) {
        await button(page, 'Chữ to').tap();
        // At least 1.4 times the normal text.
        const ratio = await page.evaluate(() => {
          const kiosk = document.querySelector('.kiosk')!;
          const largeSize = parseFloat(getComputedStyle(kiosk).fontSize);
          kiosk.classList.remove('kiosk-large');
          const normal = parseFloat(getComputedStyle(kiosk).fontSize);
          kiosk.classList.add('kiosk-large');
          return largeSize / normal;
        });
        expect(ratio).toBeGreaterThanOrEqual(1.4);
      }
      await check('01-attract');
      await start(page);
      await check('02-question');
      await answer(page, 'Rất không hài lòng');
      await heading(page, REASONS);
      await button(page, 'Phải chờ quá lâu').tap();
      await check('03-reasons');
      await button(page, 'Tiếp tục').tap();
      await answer(page, 'Hài lòng');
      await button(page, 'Làm lại').tap();
      await page.getByRole('dialog', { name: 'Làm lại từ đầu?' }).waitFor();
      await check('04-restart-dialog');
      await button(page, 'Không').tap();
      await page.clock.fastForward(21_000);
      await page.getByRole('dialog', { name: 'Ông/Bà còn tiếp tục không?' }).waitFor();
      await check('05-still-there');
      await page.getByRole('dialog').getByRole('button', { name: 'Tiếp tục' }).tap();
      for (const label of ['Hài lòng', 'Hài lòng', 'Không ý kiến']) await answer(page, label);
      await heading(page, COMMENT);
      await type(page, 'tot');
      await check('06-comment');
      await button(page, 'Tiếp tục').tap();
      await heading(page, CONTACT);
      await page.getByRole('checkbox').tap();
      const keypad = page.getByRole('group', { name: 'Bàn phím số' });
      for (const digit of '0905123456') await keypad.getByRole('button', { name: digit, exact: true }).tap();
      await check('07-contact');
      await button(page, 'Tiếp tục').tap();
      await thanks(page);
      await check('08-thanks');
      expect(found).toEqual({});
      await context.close();
    },
    90_000,
  );
});
