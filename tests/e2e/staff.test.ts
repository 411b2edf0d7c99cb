import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/app/composeApp';
import { testQuestionnaire } from '../support/fakes';
import { kioskPage, launchBrowser } from './support/browser';
import { startHostProcess, type HostProcess } from './support/hostProcess';
import { accessibilityProblems, cells, mean, nav, percent, staffDesk } from './support/staffDesk';

/**
 * Desk staff in Chromium against the real HTTP host. The tests run in order on
 * one host: each builds on the responses the ones before it submitted.
 */
let browser: Browser;
let dataDir: string;
let host: HostProcess;
const DESK = { width: 1366, height: 768 };
const { call, submit, staffPage, scoreOf, countOf } = staffDesk({ host: () => host, browser: () => browser });
/** A SIPAS figure over fewer than five dimensions, as the tables show it. */
const withCoverage = (figure: string, coverage: number) => (coverage < 5 ? `${figure} (${coverage}/5 yếu tố)` : figure);

beforeAll(async () => {
  browser = await launchBrowser();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-e2e-staff-'));
  host = await startHostProcess(dataDir);
});
afterAll(async () => {
  await host?.kill('SIGTERM');
  await browser?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('desk staff, end to end in Chromium', () => {
  it('refuses a wrong PIN, and locks the officer after five', async () => {
    const { context, page } = await kioskPage(browser, `${host.url}#/staff`, DESK);
    await page.getByLabel('Cán bộ').selectOption({ label: 'Trần Văn Minh' });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.getByLabel('Mã PIN').fill('0000');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      const expected =
        attempt < 5
          ? 'Sai cán bộ hoặc mã PIN.'
          : /tạm khoá vì nhập sai mã PIN nhiều lần\. Vui lòng thử lại sau 5 phút\./;
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(expected);
      await expect.poll(() => page.getByLabel('Mã PIN').inputValue()).toBe('');
    }
    // Locked: even the right PIN is refused now.
    await page.getByLabel('Mã PIN').fill('2222');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/tạm khoá/);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' }).waitFor();
    await context.close();
  });

  it("shows today's figures equal to an independent computation, and a new response within 2 s", async () => {
    const admin = await call<{ token: string }>('signIn', { officer: 'qtv', pin: '9999' });
    await call('importQuestionnaire', { definition: testQuestionnaire }, admin.token);
    await call('activateQuestionnaire', { id: testQuestionnaire.id, version: testQuestionnaire.version }, admin.token);
    const q1 = { counter: 'Q1', officer: 'nv01', field: 'ho-tich' };
    await submit([5, 3, 4], { context: q1 });
    await submit([4, 2, null], { context: q1 });
    await submit([2, 1, 1], {
      context: { counter: 'Q2', officer: 'nv02', field: 'dat-dai' },
      reasons: ['no-answer'],
      comment: 'Chờ lâu <script>alert(1)</script> <img src=x onerror=alert(2)>',
    });
    await submit([3, 3, 5]);
    await submit([3, 3, 5], { repeat: true });
    await submit([1], { abandoned: true });

    const { context, page, problems } = await staffPage();
    const expectToday = async () => {
      const score = scoreOf((s) => s.kind === 'counted');
      const counts = (kind: string) => countOf((s) => s.kind === kind);
      // The one set of counts and names: responses = counted + suspect + abandoned.
      expect((await cells(page, 'Số phiếu đánh giá', /^Số phiếu/))[0]).toBe(countOf(() => true));
      expect((await cells(page, 'Số phiếu đánh giá', /^Phiếu hợp lệ/))[0]).toBe(counts('counted'));
      expect((await cells(page, 'Số phiếu đánh giá', /^Phiếu bỏ dở/))[0]).toBe(counts('abandoned'));
      expect((await cells(page, 'Số phiếu đánh giá', /^Phiếu nghi vấn/))[0]).toBe(counts('suspect'));
      // One questionnaire version answered today: one SIPAS figure, and it says over how many dimensions.
      expect(await page.locator('.sipas-value').textContent()).toBe(percent(score.index));
      expect(await page.locator('.sipas-hint .coverage-note').textContent()).toBe(
        `(${score.dimensions.size}/5 yếu tố)`,
      );
      const answers = score.distribution.reduce((a, b) => a + b, 0);
      expect(await cells(page, 'Chỉ số hài lòng theo yếu tố: Hôm nay', /^Chỉ số SIPAS/)).toEqual([
        percent(score.index),
        mean(score.mean),
        String(answers),
        ...score.distribution.map(String),
      ]);
      for (const [id, name] of [
        ['access', 'Tiếp cận'],
        ['officer', 'Công chức'],
        ['feedback', 'Tiếp nhận'],
        ['result', 'Kết quả'],
      ] as const) {
        const dimension = score.dimensions.get(id);
        const row = await cells(page, 'Chỉ số hài lòng theo yếu tố: Hôm nay', new RegExp(`^${name}`));
        expect(row.slice(0, 2)).toEqual([percent(dimension?.index ?? null), mean(dimension?.mean ?? null)]);
      }
      const atQ1 = scoreOf((s) => s.kind === 'counted' && s.context.counter === 'Q1');
      const q1Row = await cells(page, 'Theo quầy', /^Quầy 1/);
      expect([q1Row[0], q1Row[3]]).toEqual([
        countOf((s) => s.kind === 'counted' && s.context.counter === 'Q1'),
        withCoverage(percent(atQ1.index), atQ1.dimensions.size),
      ]);
      // Per officer: the officer dimension ("Công chức"), not the whole SIPAS.
      const byNv01 = scoreOf((s) => s.kind === 'counted' && s.context.officer === 'nv01');
      const officerRow = await cells(page, 'Theo cán bộ', /^Nguyễn Thị Lan/);
      expect(officerRow.slice(0, 2)).toEqual([
        countOf((s) => s.kind === 'counted' && s.context.officer === 'nv01'),
        percent(byNv01.dimensions.get('officer')?.index ?? null),
      ]);
    };
    await expect.poll(async () => (await cells(page, 'Số phiếu đánh giá', /^Phiếu hợp lệ/))[0]).toBe('4');
    await expectToday();
    expect(await cells(page, 'Theo quầy', /^Không ghi nhận/)).toHaveLength(6);

    // Live: no reload, no click; the next poll sees the new revision.
    await submit([4, 3, 5], { context: q1 });
    const sentAt = Date.now();
    await page.waitForFunction(
      () => document.querySelector('.counts-table tbody tr:nth-child(2) td')?.textContent === '5',
      undefined,
      { timeout: 2_000, polling: 50 },
    );
    expect(Date.now() - sentAt).toBeLessThan(2_000);
    await expectToday();
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('filters the period report, and loads the charts only with it', async () => {
    const { context, page, problems } = await staffPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    // Today has drawn its figures: whatever it imports has been fetched by now, and the charts are not among it.
    await page.getByRole('table', { name: 'Số phiếu đánh giá' }).waitFor();
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect([...fetched, ...requested].filter((url) => /ReportView/.test(url))).toEqual([]);
    await nav(page, 'Báo cáo');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo' }).waitFor();
    expect(requested.filter((url) => /ReportView-.*\.js$/.test(url))).toHaveLength(1);

    const sipasRow = () => cells(page, 'Chỉ số hài lòng theo yếu tố', /^Chỉ số SIPAS/);
    const expectReport = async (filter: Parameters<typeof scoreOf>[0]) => {
      const score = scoreOf(filter);
      const answers = String(score.distribution.reduce((a, b) => a + b, 0));
      await expect
        .poll(async () => (await sipasRow()).slice(0, 3))
        .toEqual([percent(score.index), mean(score.mean), answers]);
    };
    await expectReport((s) => s.kind === 'counted');
    await page.getByLabel('Quầy').selectOption({ label: 'Quầy 1 — Tư pháp, hộ tịch' });
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await expectReport((s) => s.kind === 'counted' && s.context.counter === 'Q1');

    await page.getByLabel('Quầy').selectOption({ label: 'Tất cả' });
    await page.getByLabel('Gồm phiếu nghi vấn').check();
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    await expectReport((s) => s.kind !== 'abandoned');
    // Both charts drew, each with a title, and their figures are there as tables too.
    await expect.poll(() => page.locator('.recharts-wrapper > svg > title').count()).toBe(2);
    expect(await page.locator('.recharts-wrapper > svg > title').allTextContents()).toEqual([
      'Chỉ số hài lòng theo ngày',
      'Số câu trả lời theo mức điểm',
    ]);
    await page.getByRole('figure', { name: 'Chỉ số hài lòng theo ngày' }).getByText('Xem số liệu dạng bảng').click();
    expect(await page.getByRole('figure', { name: 'Chỉ số hài lòng theo ngày' }).getByRole('row').count()).toBe(2);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the comment as text in the inbox and takes an item from new to resolved', async () => {
    const { context, page, problems } = await staffPage();
    await nav(page, 'Đánh giá thấp và góp ý');
    const item = page.getByRole('article').filter({ hasText: 'alert(1)' });
    await expect
      .poll(() => item.locator('.feedback-comment').textContent())
      .toBe('Chờ lâu <script>alert(1)</script> <img src=x onerror=alert(2)>');
    expect(await item.locator('script, img').count()).toBe(0);
    expect(
      await item.getByRole('list', { name: 'Câu được chấm thấp' }).getByRole('listitem').allTextContents(),
    ).toEqual([
      // By item id: access, feedback, officer.1 (a 1 on three points counts as 2 on five).
      '2 – Không hài lòng: Nơi tiếp đón?',
      '1 – Rất không hài lòng: Xử lý góp ý?',
      '2 – Không hài lòng: Thái độ công chức?',
    ]);
    await item.getByText('Góp ý không được trả lời').waitFor();
    await item.getByText('Trần Văn Minh', { exact: true }).waitFor();

    await item.getByRole('button', { name: 'Nhận xử lý' }).click();
    await item.getByText(/^Đang xử lý: Nguyễn Thị Lan, từ \d\d\/\d\d\/\d{4} \d\d:\d\d\.$/).waitFor();
    await item.getByRole('button', { name: 'Đánh dấu đã xử lý' }).click();
    await expect
      .poll(() => item.getByRole('alert').textContent())
      .toBe('Vui lòng ghi kết quả xử lý trước khi đánh dấu đã xử lý.');
    await item.getByLabel('Kết quả xử lý').fill('Đã gọi điện xin lỗi và hướng dẫn lại');
    await item.getByRole('button', { name: 'Đánh dấu đã xử lý' }).click();
    await item.getByText(/^Đã xử lý bởi Nguyễn Thị Lan lúc/).waitFor();
    await page.getByText(/^Đã xử lý 50,0% \(1\/2 mục\)$/).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(db.prepare("SELECT status, note, updated_by FROM feedback WHERE status = 'resolved'").all()).toEqual([
      { status: 'resolved', note: 'Đã gọi điện xin lỗi và hướng dẫn lại', updated_by: 'nv01' },
    ]);
    db.close();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('arms the kiosk, and the next response given on the kiosk carries the context', async () => {
    const { context, page, problems } = await staffPage();
    await nav(page, 'Chuẩn bị đánh giá');
    await page.getByLabel('Quầy').selectOption({ label: 'Quầy 2 — Đất đai, xây dựng' });
    await page.getByLabel('Cán bộ', { exact: true }).selectOption({ label: 'Trần Văn Minh' });
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Đất đai' });
    // As a USB scanner does: the code, then Enter.
    await page.getByLabel('Mã hồ sơ').pressSequentially('HS-E2E-000123\n');
    await page.getByText(/^Đã chuẩn bị\. Máy chờ người dân đánh giá đến \d\d:\d\d:\d\d\.$/).waitFor();
    await page
      .getByText(/^Hết hạn lúc \d\d:\d\d:\d\d \(còn khoảng 5 phút\), hoặc ngay sau một lượt đánh giá\.$/)
      .waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);

    const kiosk = await kioskPage(browser, `${host.url}#/kiosk`);
    await kiosk.page.getByText(/Ông\/Bà đang đánh giá/).waitFor();
    await kiosk.page.getByRole('button', { name: 'Đánh giá mức độ hài lòng' }).tap();
    for (const [step, label] of [
      [1, 'Rất hài lòng'],
      [2, 'Hài lòng'],
      [3, 'Không ý kiến'],
    ] as const) {
      await kiosk.page.getByText(`Câu ${step}/3`).waitFor();
      await kiosk.page.getByRole('button', { name: label, exact: true }).tap();
    }
    for (const heading of ['Ông/Bà có góp ý thêm không?', 'Ông/Bà có muốn được liên hệ lại không?']) {
      await kiosk.page.getByRole('heading', { name: heading }).waitFor();
      await kiosk.page.getByRole('button', { name: 'Bỏ qua' }).tap();
    }
    await kiosk.page.getByRole('heading', { name: 'Cảm ơn Ông/Bà!' }).waitFor();
    await kiosk.context.close();

    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const newest = db
      .prepare(
        'SELECT counter, officer, field, case_code_hash IS NOT NULL AS has_case FROM responses ORDER BY rowid DESC LIMIT 1',
      )
      .get();
    expect(newest).toEqual({ counter: 'Q2', officer: 'nv02', field: 'dat-dai', has_case: 1 });
    db.close();
    // One response used it up: the staff screen sees that by itself.
    await page.getByText(/^Máy chưa được chuẩn bị/).waitFor();

    await page.getByLabel('Quầy').selectOption({ label: 'Quầy 1 — Tư pháp, hộ tịch' });
    await page.getByRole('button', { name: 'Chuẩn bị máy đánh giá' }).click();
    await page.getByRole('button', { name: 'Huỷ', exact: true }).click();
    await page.getByText('Đã huỷ chuẩn bị.').waitFor();
    expect(await call('getArmedContext', {})).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('prints the day report on one A4 page, with no PDF button in a browser', async () => {
    const { context, page, problems } = await staffPage();
    await page.getByRole('link', { name: 'In báo cáo ngày' }).click();
    await page.getByRole('table', { name: 'Theo lĩnh vực' }).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu PDF' }).count()).toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
