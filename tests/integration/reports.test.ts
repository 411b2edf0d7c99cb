import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/openDatabase';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import { composeApp, DATABASE_FILE, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { QuestionnaireSchema } from '../../src/domain/questionnaire';
import { frozenClock, testQuestionnaire } from '../support/fakes';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const apps: App[] = [];
afterEach(() => apps.splice(0).forEach((a) => a.close()));

/** A host over a database whose active questionnaire has a 3-point and an optional item. */
async function mixedApp(others: readonly unknown[] = []) {
  const dataDir = tempDir();
  const clock = frozenClock('2026-11-30T03:00:00.000Z');
  (await composeApp({ dataDir, logger: silentLogger })).close();
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  const survey = createSurveyStore(db, createSettingsStore(db));
  survey.installQuestionnaire(testQuestionnaire, '2026-11-30T00:00:00.000Z');
  for (const other of others) survey.installQuestionnaire(QuestionnaireSchema.parse(other), '2026-11-20T00:00:00.000Z');
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

/**
 * Two instruments in one period: a quick form (one question per dimension) and a
 * full form (several per dimension, one on three points). Installed beside the
 * test questionnaire; every index must be computed per version, never pooled.
 */
const quickForm = {
  schema: 'sipas.questionnaire.v1',
  id: 'test-quick',
  version: 1,
  title: { vi: 'Phiếu nhanh', en: 'Quick form' },
  dimensions: (['access', 'procedure', 'officer', 'result', 'feedback'] as const).map((id) => ({
    id,
    title: { vi: id, en: id },
    items: [{ id, text: { vi: `Câu ${id}?`, en: `${id}?` } }],
  })),
};
const fullForm = {
  schema: 'sipas.questionnaire.v1',
  id: 'test-full',
  version: 1,
  title: { vi: 'Phiếu đầy đủ', en: 'Full form' },
  dimensions: [
    { id: 'access', items: ['access.1', 'access.2', 'access.3', 'access.4'] },
    { id: 'procedure', items: ['procedure.1', 'procedure.2'] },
    { id: 'officer', items: ['officer.1', 'officer.2'] },
    { id: 'result', items: ['result.1'] },
    { id: 'feedback', items: ['feedback.1'] },
  ].map(({ id, items: ids }) => ({
    id,
    title: { vi: id, en: id },
    items: ids.map((item) => ({
      id: item,
      ...(item === 'officer.2' ? { scale: 3 } : {}),
      text: { vi: `Câu ${item}?`, en: `${item}?` },
    })),
  })),
};
type Form = typeof quickForm | typeof fullForm;
const itemsOf = (form: Form) =>
  form.dimensions.flatMap((d) => d.items.map((i) => ({ item: i.id, points: 'scale' in i ? 3 : 5 })));
const ref = (form: Form) => ({ id: form.id, version: form.version });

const twoFormApp = () => mixedApp([quickForm, fullForm]);

/**
 * The formulas a second time, the plainest way (docs/SIPAS.md), sharing no code
 * with src/: item % of 4–5 over valid answers; dimension = mean of its items;
 * SIPAS = mean of the dimensions with answers, and how many those are.
 */
interface Given {
  item: string;
  points: number;
  score: number | null;
}
const toFive = (a: Given) => (a.points === 5 ? a.score! : [2, 4, 5][a.score! - 1]!);
function expectedScore(responses: Given[][]) {
  const values = new Map<string, number[]>();
  for (const answers of responses)
    for (const a of answers) if (a.score !== null) values.set(a.item, [...(values.get(a.item) ?? []), toFive(a)]);
  const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const dimensions = new Map<string, { index: number; mean: number; answers: number }>();
  for (const dimension of ['access', 'procedure', 'officer', 'result', 'feedback']) {
    const own = [...values].filter(([item]) => item.split('.')[0] === dimension).map(([, xs]) => xs);
    if (own.length === 0) continue;
    dimensions.set(dimension, {
      index: avg(own.map((xs) => (xs.filter((x) => x >= 4).length / xs.length) * 100)),
      mean: avg(own.map(avg)),
      answers: own.flat().length,
    });
  }
  const all = [...dimensions.values()];
  return {
    index: all.length ? avg(all.map((d) => d.index)) : null,
    mean: all.length ? avg(all.map((d) => d.mean)) : null,
    coverage: all.length,
    dimensions,
    distribution: [1, 2, 3, 4, 5].map((v) => [...values.values()].flat().filter((x) => x === v).length),
  };
}

const checkScore = (shown: any, expected: ReturnType<typeof expectedScore>) => {
  if (expected.index === null) expect(shown.index).toBeNull();
  else expect(shown.index).toBeCloseTo(expected.index, 9);
  if (expected.mean === null) expect(shown.mean).toBeNull();
  else expect(shown.mean).toBeCloseTo(expected.mean, 9);
  expect(shown.coverage).toBe(expected.coverage);
  expect(shown.distribution).toEqual(expected.distribution);
  const dimensions = shown.dimensions.filter((d: any) => d.index !== null);
  expect(dimensions.map((d: any) => d.dimension).sort()).toEqual([...expected.dimensions.keys()].sort());
  for (const d of dimensions) expect(d.index).toBeCloseTo(expected.dimensions.get(d.dimension)!.index, 9);
};

const responseArb = fc.record({
  form: fc.constantFrom<Form>(quickForm, fullForm),
  scores: fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 }), { minLength: 10, maxLength: 10 }),
  abandoned: fc.boolean(),
  counter: fc.constantFrom(undefined, 'Q1', 'Q2'),
  officer: fc.constantFrom(undefined, 'nv01', 'nv02'),
  field: fc.constantFrom(undefined, 'ho-tich', 'dat-dai'),
  fast: fc.boolean(),
  yesterday: fc.boolean(),
});

/** Without an armed purpose, access, procedure and officer items are required; the rest may be left out or "no opinion". */
const required = (item: string) => ['access', 'procedure', 'officer'].includes(item.split('.')[0]!);

describe('reports equal an independent computation, per questionnaire version', () => {
  it('quick and full forms in one period are never pooled', async () => {
    const { call, clock, token } = await twoFormApp();
    // Nine citizens on the quick form give access 2; one on the full form gives 5 everywhere.
    for (let i = 0; i < 10; i += 1) {
      clock.advance(60_000);
      const form = i < 9 ? quickForm : fullForm;
      const answers = itemsOf(form).map(({ item, points }) => ({
        item,
        score: form === quickForm ? (required(item) ? 2 : null) : points,
      }));
      await call('submitResponse', {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        questionnaire: ref(form),
        language: 'vi',
        durationMs: 30_000,
        status: 'completed',
        answers,
      });
    }
    const overview = await call('todayOverview', {}, token);
    expect(overview.today).not.toHaveProperty('score');
    expect(overview.today.responses).toEqual({ responses: 10, counted: 10, suspect: 0, abandoned: 0 });
    const sections = overview.today.byQuestionnaire;
    expect(sections.map((s: any) => [s.questionnaire.id, s.questionnaire.title.vi, s.responses.counted])).toEqual([
      ['test-full', 'Phiếu đầy đủ', 1],
      ['test-quick', 'Phiếu nhanh', 9],
    ]);
    const access = (s: any) => s.score.dimensions.find((d: any) => d.dimension === 'access').index;
    expect(access(sections[1])).toBe(0); // 9 of 9 quick-form citizens dissatisfied: 0 %, not 83.3 %
    expect(access(sections[0])).toBe(100);
    // The quick form's citizens answered three dimensions: a SIPAS of 3/5, which says so.
    expect(sections[1].score).toMatchObject({ index: 0, coverage: 3 });
    expect(sections[0].score).toMatchObject({ index: 100, coverage: 5 });

    const period = await call('periodReport', { period: { kind: 'month', of: '2026-11-30' }, filter: {} }, token);
    expect(period.byQuestionnaire.map((s: any) => [s.questionnaire.id, s.score.index])).toEqual([
      ['test-full', 100],
      ['test-quick', 0],
    ]);
    // A filter to one version is still possible.
    const quickOnly = await call(
      'periodReport',
      { period: { kind: 'month', of: '2026-11-30' }, filter: { questionnaire: ref(quickForm) } },
      token,
    );
    expect(quickOnly.byQuestionnaire.map((s: any) => s.questionnaire.id)).toEqual(['test-quick']);
    expect(quickOnly.responses.counted).toBe(9);
  });

  it('today, yesterday, the last 7 days, the tables by counter, officer and field, and the period report', async () => {
    const { call, clock } = await twoFormApp();
    const generated = fc.sample(responseArb, { numRuns: 120, seed: 20261201 });
    const submitted: Array<
      (typeof generated)[number] & { answers: Given[]; kind: 'counted' | 'suspect' | 'abandoned' }
    > = [];
    for (const [i, r] of generated.entries()) {
      clock.set(r.yesterday ? '2026-11-29T04:00:00.000Z' : '2026-11-30T04:00:00.000Z');
      clock.advance(i * 60_000); // one a minute: the repeat filter never fires
      // A required rating is given unless the citizen walked away before it (then the officer items are missing).
      const answers = itemsOf(r.form)
        .map(({ item, points }, k) => {
          const raw = r.scores[k] ?? null;
          const score = raw === null ? (required(item) ? 1 : null) : Math.min(raw, points);
          return { item, points, score };
        })
        .filter((a) => !(r.abandoned && a.item.startsWith('officer')));
      await call('submitResponse', {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        questionnaire: ref(r.form),
        language: 'vi',
        durationMs: r.fast ? 500 : 30_000,
        status: r.abandoned ? 'abandoned' : 'completed',
        answers: answers.map(({ item, score }) => ({ item, score })),
        context: {
          ...(r.counter ? { counter: r.counter } : {}),
          ...(r.officer ? { officer: r.officer } : {}),
          ...(r.field ? { field: r.field } : {}),
        },
      });
      submitted.push({ ...r, answers, kind: r.abandoned ? 'abandoned' : r.fast ? 'suspect' : 'counted' });
    }
    clock.set('2026-11-30T10:00:00.000Z');
    const { token } = await call('signIn', { officer: 'nv01', pin: '1111' });
    const overview = await call('todayOverview', {}, token);

    const on = (day: 'today' | 'yesterday' | 'both') =>
      submitted.filter((r) => day === 'both' || (day === 'yesterday') === r.yesterday);
    const countsOf = (rs: typeof submitted) => ({
      responses: rs.length,
      counted: rs.filter((r) => r.kind === 'counted').length,
      suspect: rs.filter((r) => r.kind === 'suspect').length,
      abandoned: rs.filter((r) => r.kind === 'abandoned').length,
    });
    const checkPeriod = (summary: any, rs: typeof submitted) => {
      expect(summary.responses).toEqual(countsOf(rs));
      expect(summary.responses.responses).toBe(
        summary.responses.counted + summary.responses.suspect + summary.responses.abandoned,
      );
      const forms = [fullForm, quickForm].filter((f) => rs.some((r) => r.form === f));
      expect(summary.byQuestionnaire.map((s: any) => s.questionnaire.id)).toEqual(forms.map((f) => f.id));
      for (const [k, form] of forms.entries()) {
        const own = rs.filter((r) => r.form === form);
        expect(summary.byQuestionnaire[k].responses).toEqual(countsOf(own));
        checkScore(
          summary.byQuestionnaire[k].score,
          expectedScore(own.filter((r) => r.kind === 'counted').map((r) => r.answers)),
        );
      }
    };
    checkPeriod(overview.today, on('today'));
    checkPeriod(overview.yesterday, on('yesterday'));
    checkPeriod(overview.last7Days, on('both'));
    checkPeriod(await call('dailySummary', { day: '2026-11-29' }, token), on('yesterday'));

    // One row per counter/officer/field AND version; the officer table's figure is the officer dimension.
    for (const [table, pick] of [
      ['byCounter', (r: any) => r.counter],
      ['byOfficer', (r: any) => r.officer],
      ['byField', (r: any) => r.field],
    ] as const) {
      const rows = overview[table];
      const keys = new Set(on('today').map((r) => `${pick(r) ?? ''}|${r.form.id}`));
      expect(rows.map((row: any) => `${row.code}|${row.questionnaire.id}`).sort()).toEqual([...keys].sort());
      for (const row of rows) {
        const own = on('today').filter((r) => (pick(r) ?? '') === row.code && r.form.id === row.questionnaire.id);
        expect(row.responses).toEqual(countsOf(own));
        const expected = expectedScore(own.filter((r) => r.kind === 'counted').map((r) => r.answers));
        if (expected.index === null) expect(row.score.index).toBeNull();
        else expect(row.score.index).toBeCloseTo(expected.index, 9);
        expect(row.score.coverage).toBe(expected.coverage);
        const officer = row.dimensions.find((d: any) => d.dimension === 'officer');
        const expectedOfficer = expected.dimensions.get('officer');
        if (expectedOfficer) expect(officer.index).toBeCloseTo(expectedOfficer.index, 9);
        else expect(officer?.index ?? null).toBeNull();
      }
    }
    expect(overview.byCounter.find((r: any) => r.code === 'Q1')?.name).toBe('Quầy 1 — Tư pháp, hộ tịch');

    // Filters and the included kinds, over a period, per version, with each version's own trend.
    const period = await call(
      'periodReport',
      { period: { kind: 'week', of: '2026-11-30' }, filter: { counter: 'Q2', includeSuspect: true } },
      token,
    );
    expect(period).toMatchObject({ from: '2026-11-30', to: '2026-12-06' });
    for (const section of period.byQuestionnaire) {
      const own = on('today').filter(
        (r) => r.counter === 'Q2' && r.form.id === section.questionnaire.id && r.kind !== 'abandoned',
      );
      checkScore(section.score, expectedScore(own.map((r) => r.answers)));
    }
    const month = await call('periodReport', { period: { from: '2026-11-01', to: '2026-11-30' }, filter: {} }, token);
    for (const section of month.byQuestionnaire) {
      const own = submitted.filter((r) => r.form.id === section.questionnaire.id && r.kind === 'counted');
      expect(section.trend.map((d: any) => d.day)).toEqual(['2026-11-29', '2026-11-30']);
      const yesterday = expectedScore(own.filter((r) => r.yesterday).map((r) => r.answers));
      expect(section.trend[0].index).toBeCloseTo(yesterday.index!, 9);
      expect(section.trend[0].coverage).toBe(yesterday.coverage);
    }
  }, 60_000);

  it('the periodic report: a section per version, per field, with the coverage of each SIPAS', async () => {
    const { call, clock } = await twoFormApp();
    const submit = async (
      n: number,
      form: Form,
      score: (item: string, points: number) => number | null,
      field?: string,
    ) => {
      clock.advance(60_000);
      const answers = itemsOf(form).map(({ item, points }) => ({ item, score: score(item, points) }));
      await call('submitResponse', {
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        questionnaire: ref(form),
        language: 'vi',
        durationMs: 30_000,
        status: 'completed',
        answers,
        ...(field ? { context: { field } } : {}),
      });
    };
    await submit(1, quickForm, (item) => (required(item) ? 2 : null), 'ho-tich');
    await submit(2, quickForm, (item) => (required(item) ? 4 : null), 'ho-tich');
    await submit(3, fullForm, (_item, points) => points, 'dat-dai');
    const admin = (await call('signIn', { officer: 'qtv', pin: '9999' })).token;
    const report = await call('periodicReport', { kind: 'quarter', of: '2026-11-30' }, admin);
    expect(report.responses).toEqual({ responses: 3, counted: 3, suspect: 0, abandoned: 0 });
    expect(report).not.toHaveProperty('score');
    expect(report.byQuestionnaire.map((s: any) => [s.questionnaire.id, s.score.index, s.score.coverage])).toEqual([
      ['test-full', 100, 5],
      ['test-quick', 50, 3],
    ]);
    expect(report.byQuestionnaire[1].byField).toEqual([
      {
        code: 'ho-tich',
        name: 'Hộ tịch',
        counted: 2,
        index: 50,
        coverage: 3,
        dimensions: { access: 50, procedure: 50, officer: 50, result: null, feedback: null },
      },
    ]);
    expect(report.byQuestionnaire[0].byField.map((f: any) => [f.code, f.counted, f.index])).toEqual([
      ['dat-dai', 1, 100],
    ]);
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
    await submit(1, [
      ['access', 5],
      ['officer.1', 3],
    ]); // nothing to follow up
    await submit(
      2,
      [
        ['access', 1],
        ['officer.1', 1],
      ],
      { reasons: [{ dimension: 'feedback', reason: 'no-answer' }] },
    );
    await submit(3, [['access', 4]], { comment: '<script>alert(1)</script> Cán bộ tận tình' });
    const inbox = await call('listFeedback', {}, token);
    expect(inbox.items.map((i: any) => i.responseId.slice(-2))).toEqual(['03', '02']);
    expect(inbox.items[1]).toMatchObject({
      status: 'new',
      lowScores: [
        { item: 'access', value: 1 },
        { item: 'officer.1', value: 2 },
      ],
      reasons: [{ dimension: 'feedback', reason: 'no-answer' }],
    });
    expect(inbox.items[0].comment).toBe('<script>alert(1)</script> Cán bộ tận tình');
    expect(inbox.stats).toMatchObject({
      total: 2,
      handled: 0,
      handledPercent: 0,
      oldestUnhandled: { responseId: inbox.items[1].responseId },
    });

    await expect(
      call('updateFeedback', { responseId: inbox.items[1].responseId, status: 'resolved' }, token),
    ).rejects.toThrow('note: say how it was resolved');
    await call('updateFeedback', { responseId: inbox.items[1].responseId, status: 'in_progress' }, token);
    const resolved = await call(
      'updateFeedback',
      { responseId: inbox.items[1].responseId, status: 'resolved', note: 'Đã gọi điện xin lỗi' },
      token,
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      note: 'Đã gọi điện xin lỗi',
      updatedBy: 'nv01',
      updatedAt: expect.any(String),
    });
    const reopened = await call(
      'updateFeedback',
      { responseId: inbox.items[1].responseId, status: 'in_progress' },
      token,
    );
    expect(reopened.note).toBe('Đã gọi điện xin lỗi'); // reopening keeps how it was handled
    await call(
      'updateFeedback',
      { responseId: inbox.items[1].responseId, status: 'resolved', note: 'Đã gọi điện xin lỗi' },
      token,
    );
    const after = await call('listFeedback', {}, token);
    expect(after.stats).toMatchObject({
      total: 2,
      handled: 1,
      handledPercent: 50,
      oldestUnhandled: { responseId: inbox.items[0].responseId },
    });
    expect((await call('listFeedback', { status: 'new' }, token)).items).toHaveLength(1);
    const firstPage = await call('listFeedback', { limit: 1 }, token);
    expect(firstPage.next).not.toBeNull();
    const secondPage = await call('listFeedback', { limit: 1, before: firstPage.next }, token);
    expect(secondPage.items[0].responseId).toBe(inbox.items[1].responseId);
    expect(secondPage.next).toBeNull();
    await expect(
      call('updateFeedback', { responseId: '00000000-0000-4000-8000-000000000099', status: 'in_progress' }, token),
    ).rejects.toThrow(/no feedback/);
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
    const afterNew = (await call('liveStatus', {}, token)).revision;
    expect(afterNew).toBeGreaterThan(before);
    // A response changed in place (a comment added after its ratings) moves it too.
    await call('addResponseDetails', { id: '00000000-0000-4000-8000-000000000077', comment: 'Cần thêm ghế chờ' });
    expect((await call('liveStatus', {}, token)).revision).toBeGreaterThan(afterNew);
  });
});
