import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub';
import { frozenClock } from '../support/fakes';
import { independentScore, type PlainAnswer } from '../support/independentScore';
import { startKiosk, type Kiosk } from '../support/syncKiosk';

/**
 * The SIPAS numbers of the cases a commune meets every week, each computed twice:
 * by the project (a kiosk built by composeApp and driven through its operation
 * table, as the hosts drive it; and the reference hub it sends to over loopback
 * HTTP) and by an independent calculation written here from docs/SIPAS.md — which
 * responses count, which items a citizen is asked, the four counts — with the
 * index formulas of tests/support/independentScore.ts. Nothing below calls src/domain.
 *
 * One kiosk, three days (local time, Asia/Ho_Chi_Minh):
 * - DAY_A, quick form: a citizen rates 1-1-1-1-1 and walks away at the reasons
 *   screen; one armed "nhận kết quả" leaves after three ratings; a few ordinary
 *   responses; one too fast to be human (suspect); one who leaves after one rating.
 * - DAY_B: nine quick-form responses of all 2s, then the administrator switches to
 *   the full form: one response of all 5s, and one who leaves after three ratings.
 * - DAY_C, quick form again: nobody answers the feedback item ("Không ý kiến").
 */

const DAY_A = '2026-11-24';
const DAY_B = '2026-11-25';
const DAY_C = '2026-11-26';
const DIMENSIONS = ['access', 'procedure', 'officer', 'result', 'feedback'];

interface Item {
  id: string;
  optional: boolean;
  scale: 3 | 5;
}
interface Form {
  id: string;
  version: number;
  items: Item[];
}

/** One citizen's visit as the test remembers it: what was given, never what the app made of it. */
interface Visit {
  day: string;
  form: Form;
  /** Why the citizen came, as staff armed the kiosk; 'unknown' when nobody did. */
  purpose: 'file' | 'collect' | 'inquire' | 'unknown';
  answers: Array<{ item: string; score: number | null }>;
  /** Submitted faster than a human could read the questions: the misuse filter's case. */
  tooFast: boolean;
}

// ---- the independent calculation (docs/SIPAS.md, "Who is asked what" and "Which responses count") ----

const dimensionOf = (item: string) => item.split('.')[0]!;

/** Result items are asked only of someone who collected a result (or when nobody said why the citizen came). */
const asked = (form: Form, purpose: Visit['purpose']) =>
  form.items.filter((item) => dimensionOf(item.id) !== 'result' || purpose === 'collect' || purpose === 'unknown');

/** Feedback always offers "Không ý kiến"; results offer "Chưa nhận kết quả" when the purpose is unknown. */
const required = (form: Form, purpose: Visit['purpose']) =>
  asked(form, purpose).filter(
    (item) =>
      !item.optional &&
      dimensionOf(item.id) !== 'feedback' &&
      !(dimensionOf(item.id) === 'result' && purpose === 'unknown'),
  );

type Kind = 'counted' | 'suspect' | 'abandoned';
function kindOf(visit: Visit): Kind {
  const scored = new Set(visit.answers.filter((a) => a.score !== null).map((a) => a.item));
  if (!required(visit.form, visit.purpose).every((item) => scored.has(item.id))) return 'abandoned';
  return visit.tooFast ? 'suspect' : 'counted';
}

const keyOf = (form: { id: string; version: number }) => `${form.id}@${form.version}`;

function countsOf(visits: readonly Visit[]) {
  const of = (kind: Kind) => visits.filter((v) => kindOf(v) === kind).length;
  return { responses: visits.length, counted: of('counted'), suspect: of('suspect'), abandoned: of('abandoned') };
}

/** The counted responses' answers, in the shape of independentScore. */
const plain = (visits: readonly Visit[]): PlainAnswer[][] =>
  visits
    .filter((v) => kindOf(v) === 'counted')
    .map((v) =>
      v.answers.map((a) => ({
        item: a.item,
        score: a.score,
        points: v.form.items.find((i) => i.id === a.item)!.scale,
      })),
    );

/** Answers at each point of each item, counted responses only: what a batch's rows must add up to. */
function answersByItem(visits: readonly Visit[]): Record<string, number[]> {
  const byItem: Record<string, number[]> = {};
  for (const answers of plain(visits)) {
    for (const a of answers) {
      if (a.score === null) continue;
      const value = a.points === 5 ? a.score : [2, 4, 5][a.score - 1]!;
      (byItem[a.item] ??= [0, 0, 0, 0, 0])[value - 1]! += 1;
    }
  }
  return byItem;
}

/**
 * The way the issue saw the figures go wrong: the answers of every form poured into
 * one dimension figure (the mean of all its items, the quick form's one and the full
 * form's four together).
 */
const pooledDimensionIndex = (visits: readonly Visit[], dimension: string): number =>
  independentScore(plain(visits)).dimensions.get(dimension)!.index;

// ---- the kiosk, the hub, and the three days ----

// One folder for the whole file: the kiosk and the hub live across the cases.
let folder: string;
const clock = frozenClock(`${DAY_A}T01:00:00.000Z`);
const ledger: Visit[] = [];
let kiosk: Kiosk;
let hub: RunningHub;
let hubFile: string;
let staffToken: string;
let forms: { quick: Form; full: Form };
let sync: { built: number; sent: number };

const formOf = (definition: {
  id: string;
  version: number;
  dimensions: Array<{ items: Array<{ id: string; optional?: boolean; scale?: 3 | 5 }> }>;
}): Form => ({
  id: definition.id,
  version: definition.version,
  items: definition.dimensions.flatMap((d) =>
    d.items.map((i) => ({ id: i.id, optional: i.optional ?? false, scale: i.scale ?? 5 })),
  ),
});

const localDay = () => new Date(clock.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** One response through the operation table: committed with the ratings given, more ratings sent later update it. */
async function visit(
  form: Form,
  scores: Array<number | null>,
  { purpose = 'unknown' as Visit['purpose'], tooFast = false, commitAfter = scores.length } = {},
) {
  clock.advance(5 * 60_000); // far apart: the repeat filter is about seconds
  let armId: string | undefined;
  if (purpose !== 'unknown') armId = (await kiosk.call('armKiosk', { purpose }, staffToken)).armId;
  const items = asked(form, purpose);
  const answers = scores.map((score, i) => ({ item: items[i]!.id, score }));
  const base = {
    questionnaire: { id: form.id, version: form.version },
    language: 'vi',
    durationMs: tooFast ? 50 : 90_000,
    ...(armId ? { armId } : {}),
  };
  const id = randomUUID();
  // The kiosk commits as soon as the required ratings are given, then sends the later ones.
  const first = await kiosk.call('submitResponse', { id, ...base, answers: answers.slice(0, commitAfter) });
  if (commitAfter < answers.length)
    await kiosk.call('submitResponse', { id, ...base, answers: answers.slice(commitAfter) });
  ledger.push({ day: localDay(), form, purpose, answers, tooFast });
  return first as { status: string; day: string };
}

const staffCall = (name: string, input: unknown) => kiosk.call(name, input, staffToken);

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-numbers-'));
  hubFile = path.join(folder, 'hub.sqlite3');
  hub = await startHub({ db: `sqlite:${hubFile}`, port: 0, now: () => clock.now() });
  fs.mkdirSync(path.join(folder, 'kiosk'));
  // A whole-request limit a loaded test machine always meets: this suite is about numbers, not timeouts.
  kiosk = await startKiosk(path.join(folder, 'kiosk'), clock, { schedule: false, totalTimeoutMs: 20_000 });
  staffToken = (await kiosk.call('signIn', { officer: 'nv01', pin: '1111' })).token;
  const list = (await kiosk.asAdmin('listQuestionnaires')) as Array<{
    id: string;
    version: number;
    definition?: unknown;
  }>;
  expect(list.map(keyOf)).toEqual(expect.arrayContaining(['sipas-quick@1', expect.stringMatching(/^sipas-full@\d+$/)]));
  const activate = async (id: string) => {
    const ref = list.find((q) => q.id === id)!;
    await kiosk.asAdmin('activateQuestionnaire', { id: ref.id, version: ref.version });
    return formOf(await kiosk.call('getActiveQuestionnaire', {}));
  };
  const quick = await activate('sipas-quick');
  const full = await activate('sipas-full');
  forms = { quick, full };

  await activate('sipas-quick');
  // DAY_A
  expect((await visit(quick, [1, 1, 1, 1, 1], { commitAfter: 3 })).status).toBe('completed'); // then walks away at the reasons screen
  await visit(quick, [4, 5, 4], { purpose: 'collect' }); // leaves after three ratings: the result was not rated
  await visit(quick, [5, 4, 3, 4, 5]);
  await visit(quick, [4, 4, 4, 4, null]);
  await visit(quick, [2, 3, 4, 5, 1]);
  await visit(quick, [5, 5, 5, 5, 5], { tooFast: true });
  await visit(quick, [3]);
  // DAY_B
  clock.set(`${DAY_B}T01:00:00.000Z`);
  for (let i = 0; i < 9; i += 1) await visit(quick, [2, 2, 2, 2, 2]);
  await activate('sipas-full');
  await visit(
    full,
    full.items.map(() => 5),
  );
  await visit(full, [4, 4, 4]);
  await activate('sipas-quick');
  // DAY_C
  clock.set(`${DAY_C}T01:00:00.000Z`);
  for (const scores of [
    [4, 5, 3, 4, null],
    [5, 5, 5, 2, null],
    [1, 4, 4, 4, null],
    [3, 3, 4, 5, null],
  ])
    await visit(quick, scores);

  // The days are over: the kiosk sends them to the hub.
  clock.set('2026-11-27T03:00:00.000Z');
  const { deviceId } = await kiosk.asAdmin('syncStatus');
  const { settings } = await kiosk.call('getKioskSetup', {});
  const credentials = await hub.addDevice({ deviceId, unitCode: settings.unit.code, unitName: settings.unit.name });
  await kiosk.asAdmin('configureSync', {
    upstreamUrl: hub.url,
    deviceToken: credentials.token,
    deviceSecret: credentials.secret,
  });
  staffToken = (await kiosk.call('signIn', { officer: 'nv01', pin: '1111' })).token; // the clock moved past the session
  sync = await kiosk.asAdmin('syncNow');
  if (sync.sent !== 4) throw new Error(`the kiosk did not send its days: ${JSON.stringify(sync)}`);
}, 120_000);

afterAll(async () => {
  kiosk?.app.close();
  await hub?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

const onDay = (day: string, form?: Form) =>
  ledger.filter((v) => v.day === day && (!form || keyOf(v.form) === keyOf(form)));
const periodReport = (from: string, to: string) => staffCall('periodReport', { period: { from, to } });
const sectionOf = (
  report: { byQuestionnaire: Array<{ questionnaire: { id: string; version: number } }> },
  form: Form,
) => report.byQuestionnaire.find((s) => keyOf(s.questionnaire) === keyOf(form)) as any;

describe('the SIPAS numbers, computed by the project and independently', { timeout: 60_000 }, () => {
  it('a citizen who rates 1-1-1-1-1, then walks away at the reasons screen, is counted — and pulls the index down', async () => {
    const walker = ledger[0]!;
    expect(kindOf(walker)).toBe('counted');
    const truth = independentScore(plain(onDay(DAY_A, forms.quick)));
    const day = sectionOf(await staffCall('dailySummary', { day: DAY_A }), forms.quick);
    expect(day.responses).toEqual(countsOf(onDay(DAY_A, forms.quick)));
    expect(day.responses.counted).toBe(4);
    expect(day.score.index).toBeCloseTo(truth.index!, 9);
    // Without the walker the index would be higher: the low ratings stay in.
    const without = independentScore(plain(onDay(DAY_A, forms.quick).slice(1)));
    expect(truth.index!).toBeLessThan(without.index!);
    for (const [dimension, score] of truth.dimensions) {
      expect(day.score.dimensions.find((d: { dimension: string }) => d.dimension === dimension).index).toBeCloseTo(
        score.index,
        9,
      );
    }
  });

  it('one who leaves after three ratings (the result not yet rated) is abandoned: shown, not in the index', async () => {
    const leaver = ledger[1]!;
    expect([leaver.purpose, kindOf(leaver)]).toEqual(['collect', 'abandoned']);
    const fullLeaver = onDay(DAY_B, forms.full)[1]!;
    expect(kindOf(fullLeaver)).toBe('abandoned');
    const a = sectionOf(await staffCall('dailySummary', { day: DAY_A }), forms.quick);
    expect(a.responses).toEqual({ responses: 7, counted: 4, suspect: 1, abandoned: 2 });
    const b = sectionOf(await staffCall('dailySummary', { day: DAY_B }), forms.full);
    expect(b.responses).toEqual(countsOf(onDay(DAY_B, forms.full)));
    expect(b.responses).toEqual({ responses: 2, counted: 1, suspect: 0, abandoned: 1 });
    // The abandoned 4-5-4 is not in the index: the full form's one counted response of all 5s gives 100.
    expect(b.score.index).toBe(100);
  });

  it('quick and full forms in one period are never pooled: each is scored on its own', async () => {
    const report = await periodReport(DAY_B, DAY_B);
    expect(report.byQuestionnaire.map((s: { questionnaire: Form }) => keyOf(s.questionnaire)).sort()).toEqual(
      [keyOf(forms.full), keyOf(forms.quick)].sort(),
    );
    const quick = sectionOf(report, forms.quick);
    const full = sectionOf(report, forms.full);
    for (const [section, form] of [
      [quick, forms.quick],
      [full, forms.full],
    ] as const) {
      const truth = independentScore(plain(onDay(DAY_B, form)));
      expect(section.responses).toEqual(countsOf(onDay(DAY_B, form)));
      expect(section.score.index).toBeCloseTo(truth.index!, 9);
    }
    const access = (section: any) =>
      section.score.dimensions.find((d: { dimension: string }) => d.dimension === 'access').index;
    expect([access(quick), access(full)]).toEqual([0, 100]);
    // Pooled, nine citizens' 2s and one citizen's 5s would read 80 % satisfied on access
    // (the quick item at 0 % and the full form's four at 100 %) — a figure no section shows.
    const pooled = pooledDimensionIndex(onDay(DAY_B), 'access');
    expect(pooled).toBeCloseTo(80, 9);
    for (const section of report.byQuestionnaire) expect(access(section)).not.toBeCloseTo(pooled, 3);
    expect(report.responses).toEqual(countsOf(onDay(DAY_B)));
  });

  it('a day with no feedback answers has a SIPAS over 4 of 5 dimensions, labelled so at the kiosk and at the hub', async () => {
    const truth = independentScore(plain(onDay(DAY_C)));
    expect(truth.dimensions.size).toBe(4);
    const day = sectionOf(await staffCall('dailySummary', { day: DAY_C }), forms.quick);
    expect(day.score.coverage).toBe(4);
    expect(day.score.index).toBeCloseTo(truth.index!, 9);
    const hubDay = (await hub.report({ from: DAY_C, to: DAY_C })).questionnaires[0]!;
    const unit = [...hubDay.ranked, ...hubDay.notRanked][0]!;
    expect(unit.coverage).toBe(4);
    expect(unit.sipas).toBeCloseTo(truth.index!, 9);
    expect(hubDay.ranked).toEqual([]); // 4/5 is never ranked
    const html = await (await fetch(`${hub.url}/?from=${DAY_C}&to=${DAY_C}`)).text();
    expect(html).toContain(`${truth.index!.toFixed(1).replace('.', ',')} (4/5 yếu tố)`);
    expect(html).toContain('Chưa đủ mẫu: chỉ có 4/5 yếu tố');
  });

  it('one batch per day and questionnaire; its totals add up and equal the independent counts; its rows hold the counted answers', async () => {
    expect(sync).toMatchObject({ built: 4, sent: 4 });
    const db = new Database(hubFile, { readonly: true });
    const bodies = db
      .prepare<[], { body: string }>('SELECT body FROM batches')
      .all()
      .map((r) => JSON.parse(r.body));
    db.close();
    const keys = bodies.map((b) => `${b.date} ${keyOf(b.questionnaire)}`).sort();
    expect(keys).toEqual([
      `${DAY_A} ${keyOf(forms.quick)}`,
      `${DAY_B} ${keyOf(forms.full)}`,
      `${DAY_B} ${keyOf(forms.quick)}`,
      `${DAY_C} ${keyOf(forms.quick)}`,
    ]);
    for (const batch of bodies) {
      const visits = onDay(batch.date, batch.questionnaire.id === forms.quick.id ? forms.quick : forms.full);
      expect(batch.revision).toBe(1);
      expect(batch.totals).toEqual(countsOf(visits));
      expect(batch.totals.responses).toBe(batch.totals.counted + batch.totals.suspect + batch.totals.abandoned);
      const sent: Record<string, number[]> = {};
      for (const row of batch.rows)
        sent[row.item] = (sent[row.item] ?? [0, 0, 0, 0, 0]).map((n, i) => n + row.counts[i]);
      expect(sent).toEqual(answersByItem(visits));
    }
  });

  it('the hub shows the same numbers as the kiosk for the same days, per questionnaire', async () => {
    const kioskReport = await periodReport(DAY_A, DAY_C);
    const hubReport = await hub.report({ from: DAY_A, to: DAY_C });
    expect(hubReport.questionnaires.map((q) => keyOf(q.questionnaire)).sort()).toEqual(
      kioskReport.byQuestionnaire.map((s: { questionnaire: Form }) => keyOf(s.questionnaire)).sort(),
    );
    for (const form of [forms.quick, forms.full]) {
      const visits = ledger.filter((v) => keyOf(v.form) === keyOf(form));
      const truth = independentScore(plain(visits));
      const atKiosk = sectionOf(kioskReport, form);
      const section = hubReport.questionnaires.find((q) => keyOf(q.questionnaire) === keyOf(form))!;
      const atHub = [...section.ranked, ...section.notRanked];
      expect(atHub).toHaveLength(1);
      expect(atHub[0]!.counts).toEqual(countsOf(visits));
      expect(atKiosk.responses).toEqual(countsOf(visits));
      expect(atHub[0]!.sipas).toBeCloseTo(truth.index!, 9);
      expect(atKiosk.score.index).toBeCloseTo(truth.index!, 9);
      expect(atHub[0]!.coverage).toBe(truth.dimensions.size);
      expect(atKiosk.score.coverage).toBe(truth.dimensions.size);
      for (const dimension of DIMENSIONS) {
        const want = truth.dimensions.get(dimension)?.index ?? null;
        const kioskDimension =
          atKiosk.score.dimensions.find((d: { dimension: string }) => d.dimension === dimension)?.index ?? null;
        for (const shown of [
          atHub[0]!.dimensions[dimension as keyof (typeof atHub)[0]['dimensions']],
          kioskDimension,
        ]) {
          if (want === null) expect(shown).toBeNull();
          else expect(shown).toBeCloseTo(want, 9);
        }
      }
      // Day by day too: the hub's trend and the kiosk's daily summaries.
      for (const day of [DAY_A, DAY_B, DAY_C]) {
        const daily = sectionOf(await staffCall('dailySummary', { day }), form);
        const point = section.trend.find((p) => p.date === day)!;
        const want = independentScore(plain(onDay(day, form))).index;
        if (want === null) {
          expect(point.sipas).toBeNull();
          expect(daily?.score.index ?? null).toBeNull();
        } else {
          expect(point.sipas).toBeCloseTo(want, 9);
          expect(daily.score.index).toBeCloseTo(want, 9);
          expect(point.coverage).toBe(daily.score.coverage);
        }
      }
    }
  });
});
