import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/openDatabase';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import { composeApp, DATABASE_FILE, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/app/logger';
import { frozenClock, testQuestionnaire } from '../support/fakes';
import { independentScore, type PlainAnswer } from '../support/independentScore';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const apps: App[] = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));

/** A host over a database whose active questionnaire has a 3-point and an optional item. */
async function mixedApp() {
  const dataDir = tempDir();
  const clock = frozenClock('2026-11-30T03:00:00.000Z');
  (await composeApp({ dataDir, logger: silentLogger })).close();
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  const survey = createSurveyStore(db, createSettingsStore(db));
  survey.installQuestionnaire(testQuestionnaire, '2026-11-30T00:00:00.000Z');
  survey.setActiveQuestionnaire(testQuestionnaire);
  db.close();
  const app = await composeApp({ dataDir, clock, logger: silentLogger });
  apps.push(app);
  const call = async (name: string, input: unknown, token?: string) => {
    const envelope = await app.dispatch(name, input, { token: token ?? null, local: true });
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value as any;
  };
  const token = (await call('signIn', { officer: 'nv01', pin: '1111' })).token as string;
  return { app, clock, call, token };
}

const items: Array<{ item: string; points: 3 | 5; optional: boolean }> = [
  { item: 'access', points: 5, optional: false },
  { item: 'officer.1', points: 3, optional: false },
  { item: 'feedback', points: 5, optional: true },
];

const responseArb = fc.record({
  scores: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })),
  counter: fc.constantFrom(undefined, 'Q1', 'Q2'),
  field: fc.constantFrom(undefined, 'ho-tich', 'dat-dai'),
  status: fc.constantFrom('completed', 'completed', 'completed', 'abandoned'),
  fast: fc.boolean(),
  yesterday: fc.boolean(),
});

describe('reports equal an independent computation over what was submitted', () => {
  it('today, yesterday, the last 7 days and the tables by counter and field', async () => {
    const { call, clock } = await mixedApp();
    const generated = fc.sample(responseArb, { numRuns: 120, seed: 20261130 });
    const submitted: Array<(typeof generated)[number] & { answers: PlainAnswer[] }> = [];
    for (const [i, r] of generated.entries()) {
      clock.set(r.yesterday ? '2026-11-29T04:00:00.000Z' : '2026-11-30T04:00:00.000Z');
      clock.advance(i * 60_000); // one a minute: the repeat filter never fires
      const answers = items.map((it, k) => ({ item: it.item, points: it.points, score: r.scores[k] ?? null }));
      await call('submitResponse', {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        questionnaire: { id: testQuestionnaire.id, version: testQuestionnaire.version },
        language: 'vi',
        durationMs: r.fast ? 500 : 30_000,
        status: r.status,
        answers: answers.map(({ item, score }) => ({ item, score })),
        context: { ...(r.counter ? { counter: r.counter } : {}), ...(r.field ? { field: r.field } : {}) },
      });
      submitted.push({ ...r, answers });
    }
    clock.set('2026-11-30T10:00:00.000Z');
    const { token } = await call('signIn', { officer: 'nv01', pin: '1111' });
    const overview = await call('todayOverview', {}, token);

    const counted = (day: 'today' | 'yesterday' | 'both') =>
      submitted.filter((r) => r.status === 'completed' && !r.fast && (day === 'both' || (day === 'yesterday') === r.yesterday));
    const check = (figure: any, expected: ReturnType<typeof independentScore>) => {
      expect(figure.score.index).toBeCloseTo(expected.index!, 9);
      expect(figure.score.mean).toBeCloseTo(expected.mean!, 9);
      expect(figure.score.distribution).toEqual(expected.distribution);
      for (const dimension of figure.score.dimensions) {
        expect(dimension.index).toBeCloseTo(expected.dimensions.get(dimension.dimension)!.index, 9);
      }
    };
    check(overview.today, independentScore(counted('today').map((r) => r.answers)));
    check(overview.yesterday, independentScore(counted('yesterday').map((r) => r.answers)));
    check(overview.last7Days, independentScore(counted('both').map((r) => r.answers)));

    const today = submitted.filter((r) => !r.yesterday);
    expect(overview.today.responses).toEqual({
      counted: counted('today').length,
      completed: today.filter((r) => r.status === 'completed').length,
      abandoned: today.filter((r) => r.status === 'abandoned').length,
      suspect: today.filter((r) => r.status === 'completed' && r.fast).length,
    });
    for (const row of overview.byCounter) {
      const own = counted('today').filter((r) => (r.counter ?? '') === row.code);
      expect(row.responses.counted).toBe(own.length);
      expect(row.score.index).toBeCloseTo(independentScore(own.map((r) => r.answers)).index!, 9);
    }
    expect(overview.byCounter.find((r: any) => r.code === 'Q1')?.name).toBe('Quầy 1 — Tư pháp, hộ tịch');
    expect(overview.byField.map((r: any) => r.code).sort()).toEqual(['', 'dat-dai', 'ho-tich']);

    // Filters and the included kinds, over a period.
    const period = await call('periodReport', { period: { kind: 'week', of: '2026-11-30' }, filter: { counter: 'Q2', includeSuspect: true } }, token);
    expect(period).toMatchObject({ from: '2026-11-30', to: '2026-12-06' });
    const q2 = today.filter((r) => r.status === 'completed' && r.counter === 'Q2');
    expect(period.score.index).toBeCloseTo(independentScore(q2.map((r) => r.answers)).index!, 9);
    const month = await call('periodReport', { period: { from: '2026-11-01', to: '2026-11-30' }, filter: {} }, token);
    expect(month.trend.map((d: any) => d.day)).toEqual(['2026-11-29', '2026-11-30']);
    expect(month.trend[0].index).toBeCloseTo(independentScore(counted('yesterday').map((r) => r.answers)).index!, 9);
  });
});

describe('the feedback inbox', () => {
  it('holds every low rating and comment, newest first, and tracks how each was handled', async () => {
    const { call, clock, token } = await mixedApp();
    const submit = async (n: number, answers: Array<[string, number | null]>, extra: object = {}) => {
      clock.advance(60_000);
      await call('submitResponse', {
        id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
        questionnaire: { id: testQuestionnaire.id, version: testQuestionnaire.version },
        language: 'vi',
        durationMs: 30_000,
        status: 'completed',
        answers: answers.map(([item, score]) => ({ item, score })),
        ...extra,
      });
    };
    await submit(1, [['access', 5], ['officer.1', 3]]); // nothing to follow up
    await submit(2, [['access', 1], ['officer.1', 1]], { reasons: [{ dimension: 'feedback', reason: 'no-answer' }] });
    await submit(3, [['access', 4]], { comment: '<script>alert(1)</script> Cán bộ tận tình' });
    const inbox = await call('listFeedback', {}, token);
    expect(inbox.items.map((i: any) => i.responseId.slice(-2))).toEqual(['03', '02']);
    expect(inbox.items[1]).toMatchObject({ status: 'new', lowScores: [{ item: 'access', value: 1 }, { item: 'officer.1', value: 2 }], reasons: [{ dimension: 'feedback', reason: 'no-answer' }] });
    expect(inbox.items[0].comment).toBe('<script>alert(1)</script> Cán bộ tận tình');
    expect(inbox.stats).toMatchObject({ total: 2, handled: 0, handledPercent: 0, oldestUnhandled: { responseId: inbox.items[1].responseId } });

    await expect(call('updateFeedback', { responseId: inbox.items[1].responseId, status: 'resolved' }, token)).rejects.toThrow('note: say how it was resolved');
    await call('updateFeedback', { responseId: inbox.items[1].responseId, status: 'in_progress' }, token);
    const resolved = await call('updateFeedback', { responseId: inbox.items[1].responseId, status: 'resolved', note: 'Đã gọi điện xin lỗi' }, token);
    expect(resolved).toMatchObject({ status: 'resolved', note: 'Đã gọi điện xin lỗi', updatedBy: 'nv01', updatedAt: expect.any(String) });
    const reopened = await call('updateFeedback', { responseId: inbox.items[1].responseId, status: 'in_progress' }, token);
    expect(reopened.note).toBe('Đã gọi điện xin lỗi'); // reopening keeps how it was handled
    await call('updateFeedback', { responseId: inbox.items[1].responseId, status: 'resolved', note: 'Đã gọi điện xin lỗi' }, token);
    const after = await call('listFeedback', {}, token);
    expect(after.stats).toMatchObject({ total: 2, handled: 1, handledPercent: 50, oldestUnhandled: { responseId: inbox.items[0].responseId } });
    expect((await call('listFeedback', { status: 'new' }, token)).items).toHaveLength(1);
    const firstPage = await call('listFeedback', { limit: 1 }, token);
    expect(firstPage.next).not.toBeNull();
    const secondPage = await call('listFeedback', { limit: 1, before: firstPage.next }, token);
    expect(secondPage.items[0].responseId).toBe(inbox.items[1].responseId);
    expect(secondPage.next).toBeNull();
    await expect(call('updateFeedback', { responseId: '00000000-0000-4000-8000-000000000099', status: 'in_progress' }, token)).rejects.toThrow(/no feedback/);
  });

  it('the live revision moves with each response', async () => {
    const { call, token } = await mixedApp();
    const before = (await call('liveStatus', {}, token)).revision;
    await call('submitResponse', {
      id: '00000000-0000-4000-8000-000000000077',
      questionnaire: { id: testQuestionnaire.id, version: testQuestionnaire.version },
      language: 'en',
      durationMs: 30_000,
      status: 'completed',
      answers: [{ item: 'access', score: 3 }],
    });
    expect((await call('liveStatus', {}, token)).revision).toBeGreaterThan(before);
  });
});
