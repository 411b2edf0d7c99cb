import { describe, expect, it } from 'vitest';
import { QuestionnaireSchema } from '../../src/domain/questionnaire';
import { createArmingService } from '../../src/services/arming';
import type { DeskStore } from '../../src/services/ports';
import { createSurveyService } from '../../src/services/survey';
import { frozenClock, memorySurveyStore, quietLogger } from '../support/fakes';

/** One item per dimension, as the quick form: access, procedure, officer required; result by purpose; feedback never. */
const form = QuestionnaireSchema.parse({
  schema: 'sipas.questionnaire.v1',
  id: 'count-form',
  version: 1,
  title: { vi: 'Phiếu', en: 'Form' },
  dimensions: ['access', 'procedure', 'officer', 'result', 'feedback'].map((id) => ({
    id,
    title: { vi: id, en: id },
    items: [{ id, text: { vi: `${id}?`, en: `${id}?` } }],
    reasons: [{ id: `${id}-bad`, text: { vi: 'Chưa tốt', en: 'Not good' } }],
  })),
});

const desks: DeskStore = {
  listCounters: () => [],
  listFields: () => [],
  listOfficers: () => [],
  counter: () => null,
  field: () => null,
  officer: (code) => (code === 'nv01' ? { code, name: 'Nguyễn Thị Lan' } : null),
};

function setup() {
  const clock = frozenClock('2026-11-30T03:00:00.000Z');
  const store = memorySurveyStore([form]);
  const arming = createArmingService({
    clock,
    desks,
    newId: () => '00000000-0000-4000-8000-0000000000aa',
    isCaseRated: () => false,
  });
  const service = createSurveyService({
    store,
    clock,
    logger: quietLogger,
    deviceId: 'kiosk-t',
    hashCaseCode: (c) => `h(${c})`,
    armed: arming,
  });
  return { clock, store, arming, service };
}

const ID = '0193a3c2-0000-7000-8000-0000000000c1';
const ratings = (answers: Array<[string, number | null]>, extra: Record<string, unknown> = {}) => ({
  id: ID,
  questionnaire: { id: form.id, version: form.version },
  language: 'vi' as const,
  durationMs: 30_000,
  answers: answers.map(([item, score]) => ({ item, score })),
  reasons: [],
  ...extra,
});

const LOW_FIVE: Array<[string, number]> = [
  ['access', 1],
  ['procedure', 1],
  ['officer', 1],
  ['result', 1],
  ['feedback', 1],
];

describe('a response counts as soon as every required rating is given', () => {
  it('1-1-1-1-1, then the citizen walks away at the reasons screen: stored completed, counted, followed up', () => {
    const { service, store } = setup();
    // The kiosk commits after the third (last required) rating, then updates with the others.
    expect(service.submitResponse(ratings(LOW_FIVE.slice(0, 3)))).toMatchObject({
      status: 'completed',
      flags: [],
      duplicate: false,
    });
    expect(service.submitResponse(ratings(LOW_FIVE, { durationMs: 40_000 }))).toMatchObject({
      status: 'completed',
      duplicate: false,
    });
    // Nothing more arrives: the citizen left.
    expect(store.responses.size).toBe(1);
    expect(store.responses.get(ID)).toMatchObject({ status: 'completed', flags: [], followUp: true });
    expect(store.responses.get(ID)?.answers.map((a) => a.score)).toEqual([1, 1, 1, 1, 1]);
  });

  it('leaving after two of the three required ratings is abandoned, with the ratings given so far', () => {
    const { service, store } = setup();
    expect(service.submitResponse(ratings(LOW_FIVE.slice(0, 2))).status).toBe('abandoned');
    expect(store.responses.get(ID)?.answers).toHaveLength(2);
  });

  it('the host decides the status from the answers, not from what the client says', () => {
    const { service } = setup();
    expect(service.submitResponse(ratings(LOW_FIVE.slice(0, 3), { status: 'abandoned' })).status).toBe('completed');
    expect(
      service.submitResponse(
        ratings(LOW_FIVE.slice(0, 1), { id: '0193a3c2-0000-7000-8000-0000000000c2', status: 'completed' }),
      ).status,
    ).toBe('abandoned');
  });

  it('an abandoned response becomes completed when the missing rating arrives, and a completed one stays completed', () => {
    const { service, store } = setup();
    service.submitResponse(ratings(LOW_FIVE.slice(0, 2)));
    expect(service.submitResponse(ratings([['officer', 4]])).status).toBe('completed');
    // A later call that sends fewer answers keeps the stored ones: never back to abandoned.
    expect(service.submitResponse(ratings([['access', 5]])).status).toBe('completed');
    expect(store.responses.get(ID)?.answers).toEqual([
      { item: 'access', points: 5, score: 5 },
      { item: 'procedure', points: 5, score: 1 },
      { item: 'officer', points: 5, score: 4 },
    ]);
  });

  it('a rating changed with "Quay lại" after the commit updates the same response; the same ratings again change nothing', () => {
    const { service, store } = setup();
    service.submitResponse(
      ratings([
        ['access', 2],
        ['procedure', 4],
        ['officer', 4],
      ]),
    );
    expect(
      service.submitResponse(
        ratings([
          ['access', 5],
          ['procedure', 4],
          ['officer', 4],
        ]),
      ).duplicate,
    ).toBe(false);
    expect(store.responses.get(ID)?.answers[0]).toEqual({ item: 'access', points: 5, score: 5 });
    expect(store.responses.get(ID)?.followUp).toBe(false);
    expect(
      service.submitResponse(
        ratings([
          ['access', 5],
          ['procedure', 4],
          ['officer', 4],
        ]),
      ).duplicate,
    ).toBe(true);
    expect(() =>
      service.submitResponse(ratings([['access', 5]], { questionnaire: { id: 'other', version: 1 } })),
    ).toThrow(`questionnaire: response ${ID} was given on count-form v1`);
  });
});

describe('the visit purpose decides what is asked and required', () => {
  it('filed a case: the result item is not asked (refused if sent) and not required', () => {
    const { service, arming, store } = setup();
    const { armId } = arming.arm({ officer: 'nv01', purpose: 'file' });
    expect(arming.view()?.purpose).toBe('file');
    expect(() => service.submitResponse(ratings([...LOW_FIVE.slice(0, 3), ['result', 4]], { armId }))).toThrow(
      'answers[3].item: result is not asked of a citizen who came to file a case',
    );
    expect(service.submitResponse(ratings(LOW_FIVE.slice(0, 3), { armId })).status).toBe('completed');
    expect(store.responses.get(ID)).toMatchObject({ purpose: 'file', officer: 'nv01' });
    expect(arming.view()).toBeNull();
  });

  it('collected a result: the result item is required and has no "no answer"', () => {
    const { service, arming } = setup();
    const { armId } = arming.arm({ purpose: 'collect' });
    expect(service.submitResponse(ratings(LOW_FIVE.slice(0, 3), { armId })).status).toBe('abandoned');
    expect(() => service.submitResponse(ratings([['result', null]]))).toThrow(
      'answers[0].score: result has no "no opinion" choice',
    );
    expect(service.submitResponse(ratings([['result', 3]])).status).toBe('completed');
  });

  it('not armed: "Chưa nhận kết quả" (no answer) is accepted for the result, and feedback always offers "Không ý kiến"', () => {
    const { service, store } = setup();
    const result = service.submitResponse(ratings([...LOW_FIVE.slice(0, 3), ['result', null], ['feedback', null]]));
    expect(result.status).toBe('completed');
    expect(store.responses.get(ID)?.purpose).toBeNull();
  });
});

describe('reasons, comment and phone are added afterwards, each on its own and idempotently', () => {
  it('adds, repeats without change, replaces and removes', () => {
    const { service, store, clock } = setup();
    service.submitResponse(
      ratings([
        ['access', 5],
        ['procedure', 5],
        ['officer', 5],
      ]),
    );
    expect(store.responses.get(ID)?.followUp).toBe(false);

    expect(service.addResponseDetails({ id: ID, comment: 'Cán bộ tận tình' })).toEqual({ id: ID, changed: true });
    expect(store.responses.get(ID)).toMatchObject({ comment: 'Cán bộ tận tình', followUp: true });
    expect(service.addResponseDetails({ id: ID, comment: 'Cán bộ tận tình' })).toEqual({ id: ID, changed: false });

    clock.advance(5_000);
    const contact = { phone: '0905123456', consentVersion: 'contact-consent-2026-12' };
    expect(service.addResponseDetails({ id: ID, contact }).changed).toBe(true);
    expect(store.responses.get(ID)?.contact).toEqual({ ...contact, consentAt: '2026-11-30T03:00:05.000Z' });
    clock.advance(5_000);
    // The same number again keeps the time consent was given.
    expect(service.addResponseDetails({ id: ID, contact }).changed).toBe(false);
    expect(store.responses.get(ID)?.contact?.consentAt).toBe('2026-11-30T03:00:05.000Z');

    expect(service.addResponseDetails({ id: ID, comment: '' }).changed).toBe(true);
    expect(service.addResponseDetails({ id: ID, contact: null }).changed).toBe(true);
    expect(store.responses.get(ID)).toMatchObject({ comment: null, contact: null, followUp: false });
  });

  it('reasons are checked against the questionnaire and replace the ones stored', () => {
    const { service, store } = setup();
    service.submitResponse(ratings(LOW_FIVE.slice(0, 3)));
    const reasons = [{ dimension: 'access' as const, reason: 'access-bad' }];
    expect(service.addResponseDetails({ id: ID, reasons }).changed).toBe(true);
    expect(service.addResponseDetails({ id: ID, reasons }).changed).toBe(false);
    expect(store.responses.get(ID)?.reasons).toEqual(reasons);
    expect(() =>
      service.addResponseDetails({ id: ID, reasons: [{ dimension: 'officer', reason: 'access-bad' }] }),
    ).toThrow('reasons[0].reason: access-bad is not offered for officer');
    expect(() =>
      service.addResponseDetails({ id: ID, contact: { phone: '0905123456', consentVersion: 'old' } }),
    ).toThrow(/consentVersion/);
  });

  it('a response that was never stored gets not_found', () => {
    const { service } = setup();
    expect(() => service.addResponseDetails({ id: ID, comment: 'x' })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('while the first commit is kept for retry, later ratings and details join it and are stored with it', () => {
    const { service, store } = setup();
    store.failWith(new Error('SQLITE_FULL: database or disk is full'));
    expect(() => service.submitResponse(ratings(LOW_FIVE.slice(0, 3)))).toThrow(
      expect.objectContaining({ code: 'unavailable' }),
    );
    expect(() => service.addResponseDetails({ id: ID, comment: 'Chờ lâu' })).toThrow(
      expect.objectContaining({ code: 'unavailable' }),
    );
    store.failWith(null);
    expect(service.retryPending()).toBe(0);
    expect(store.responses.get(ID)).toMatchObject({ status: 'completed', comment: 'Chờ lâu' });
  });
});

describe('the misuse filter on updates', () => {
  it('too fast is judged again on the whole time and every rating shown', () => {
    const { service } = setup();
    // 3 ratings in 1.5 s: under 0.8 s a question.
    expect(service.submitResponse(ratings(LOW_FIVE.slice(0, 3), { durationMs: 1_500 })).flags).toEqual(['too_fast']);
    // The citizen then took their time over the last two.
    expect(service.submitResponse(ratings(LOW_FIVE, { durationMs: 20_000 })).flags).toEqual([]);
  });

  it('an updated response is never its own repeat; it is compared with the completed one stored before it', () => {
    const { service, clock } = setup();
    const first = '0193a3c2-0000-7000-8000-0000000000d1';
    const same: Array<[string, number]> = [
      ['access', 4],
      ['procedure', 4],
      ['officer', 4],
    ];
    service.submitResponse(ratings(same, { id: first }));
    expect(service.submitResponse(ratings([['result', 4]], { id: first })).flags).toEqual([]);
    clock.advance(5_000);
    // The next citizen, 5 s later: the same three ratings differ from the first response as it stands now.
    expect(service.submitResponse(ratings(same)).flags).toEqual([]);
    // Their fourth rating makes the two identical within the window: a repeat of the one before.
    expect(service.submitResponse(ratings([['result', 4]])).flags).toEqual(['repeat']);
    // And the first one, updated again, still compares with nothing before it.
    expect(service.submitResponse(ratings([['feedback', 3]], { id: first })).flags).toEqual([]);
  });
});
