import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { createSurveyService } from '../../src/services/survey';
import { frozenClock, memorySurveyStore, quietLogger, testQuestionnaire } from '../support/fakes';

const ref = { id: testQuestionnaire.id, version: testQuestionnaire.version };

function setup() {
  const clock = frozenClock('2026-11-30T16:59:30.000Z'); // 23:59:30 in Vietnam
  const store = memorySurveyStore();
  const service = createSurveyService({
    store,
    clock,
    logger: quietLogger,
    deviceId: 'kiosk-t',
    hashCaseCode: (c) => `h(${c})`,
  });
  return { clock, store, service };
}

const submission = (overrides: Record<string, unknown> = {}) => ({
  id: '0193a3c2-0000-7000-8000-000000000001',
  questionnaire: ref,
  language: 'vi' as const,
  durationMs: 15_000,
  status: 'completed' as const,
  answers: [
    { item: 'access', score: 5 },
    { item: 'officer.1', score: 3 },
    { item: 'feedback', score: null },
  ],
  reasons: [],
  ...overrides,
});

describe('submitting a response', () => {
  it('stores it with the local day, instants from the host clock and the answers on their scales', () => {
    const { service, store } = setup();
    const result = service.submitResponse(
      submission({ context: { caseCode: 'HS-001', counter: 'Q1', officer: 'nv01' } }),
    );
    expect(result).toEqual({
      id: submission().id,
      day: '2026-11-30',
      status: 'completed',
      flags: [],
      duplicate: false,
    });
    const stored = store.responses.get(submission().id);
    expect(stored).toMatchObject({
      deviceId: 'kiosk-t',
      localDay: '2026-11-30',
      submittedAt: '2026-11-30T16:59:30.000Z',
      startedAt: '2026-11-30T16:59:15.000Z',
      counter: 'Q1',
      officer: 'nv01',
      field: null,
      caseCodeHash: 'h(HS-001)',
    });
    expect(stored?.answers).toEqual([
      { item: 'access', points: 5, score: 5 },
      { item: 'officer.1', points: 3, score: 3 },
      { item: 'feedback', points: 5, score: null },
    ]);
  });

  it('a retry with the same id is acknowledged once', () => {
    const { service, store } = setup();
    service.submitResponse(submission());
    expect(service.submitResponse(submission()).duplicate).toBe(true);
    expect(store.responses.size).toBe(1);
  });

  it.each([
    [{ answers: [{ item: 'access.9', score: 4 }] }, 'answers[0].item: access.9 is not in test-mixed v2'],
    [{ answers: [{ item: 'officer.1', score: 4 }] }, 'answers[0].score: officer.1 is on a 3-point scale'],
    [{ answers: [{ item: 'access', score: null }] }, 'answers[0].score: access has no "no opinion" choice'],
    [
      {
        answers: [
          { item: 'access', score: 4 },
          { item: 'access', score: 2 },
        ],
      },
      'answers[1].item: access answered twice',
    ],
    [{ questionnaire: { id: 'other', version: 1 } }, 'questionnaire: other v1 is unknown'],
  ])('refuses %j and stores nothing', (overrides, message) => {
    const { service, store } = setup();
    expect(() => service.submitResponse(submission(overrides))).toThrow(new AppError('bad_input', message));
    expect(store.responses.size).toBe(0);
  });

  it('a response with no answer at all is stored as abandoned, whatever the client says', () => {
    const { service } = setup();
    expect(service.submitResponse(submission({ status: 'completed', answers: [] })).status).toBe('abandoned');
  });

  it('keeps answers whose commit failed and stores them when the store recovers', () => {
    const { service, store } = setup();
    store.failWith(new Error('SQLITE_FULL: database or disk is full'));
    expect(() => service.submitResponse(submission())).toThrow(expect.objectContaining({ code: 'unavailable' }));
    expect(service.pendingCount()).toBe(1);
    expect(service.retryPending()).toBe(1);
    store.failWith(null);
    expect(service.retryPending()).toBe(0);
    expect(store.responses.get(submission().id)?.answers).toHaveLength(3);
    // The citizen's renderer retrying afterwards is told it was stored.
    expect(service.submitResponse(submission()).duplicate).toBe(true);
  });
});

describe('the kiosk flow rules', () => {
  it('keeps reasons offered for the dimension and refuses others', () => {
    const { service, store } = setup();
    service.submitResponse(submission({ reasons: [{ dimension: 'feedback', reason: 'no-answer' }] }));
    expect(store.responses.get(submission().id)?.reasons).toEqual([{ dimension: 'feedback', reason: 'no-answer' }]);
    expect(() =>
      service.submitResponse(
        submission({
          id: '0193a3c2-0000-7000-8000-000000000002',
          reasons: [{ dimension: 'access', reason: 'no-answer' }],
        }),
      ),
    ).toThrow('reasons[0].reason: no-answer is not offered for access');
  });

  it('stores a phone number only with the consent version shown, timed at submission', () => {
    const { service, store } = setup();
    expect(() =>
      service.submitResponse(submission({ contact: { phone: '0905123456', consentVersion: 'old' } })),
    ).toThrow(/consentVersion/);
    service.submitResponse(
      submission({ contact: { phone: '0905123456', consentVersion: 'contact-consent-2026-12' }, comment: 'Cảm ơn' }),
    );
    expect(store.responses.get(submission().id)).toMatchObject({
      comment: 'Cảm ơn',
      contact: {
        phone: '0905123456',
        consentVersion: 'contact-consent-2026-12',
        consentAt: '2026-11-30T16:59:30.000Z',
      },
    });
  });

  it('one rating per case code: the second gets a polite conflict, the first is kept', () => {
    const { service, store } = setup();
    service.submitResponse(submission({ context: { caseCode: 'hs-001' } }));
    expect(service.checkCaseCode({ caseCode: 'HS-001' })).toEqual({ alreadyRated: true });
    expect(service.checkCaseCode({ caseCode: 'HS-002' })).toEqual({ alreadyRated: false });
    expect(() =>
      service.submitResponse(
        submission({ id: '0193a3c2-0000-7000-8000-000000000003', context: { caseCode: 'HS-001' } }),
      ),
    ).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(store.responses.size).toBe(1);
    expect(service.pendingCount()).toBe(0);
  });

  it('flags a response too fast to be read, and a repeat within the window', () => {
    const { service, clock, store } = setup();
    const fast = service.submitResponse(submission({ durationMs: 1_000 }));
    expect(fast.flags).toEqual(['too_fast']);
    clock.advance(5_000);
    const repeat = service.submitResponse(submission({ id: '0193a3c2-0000-7000-8000-000000000004' }));
    expect(repeat.flags).toEqual(['repeat']);
    clock.advance(25_000);
    expect(service.submitResponse(submission({ id: '0193a3c2-0000-7000-8000-000000000005' })).flags).toEqual([]);
    expect(store.responses.size).toBe(3);
  });

  it('gives the kiosk its settings, the questionnaire and the consent version', () => {
    const { service } = setup();
    expect(service.getKioskSetup()).toMatchObject({
      settings: {
        timings: { inactivitySeconds: 20, warningSeconds: 10, thankYouSeconds: 8 },
        lowScoreThreshold: 2,
        armedMinutes: 5,
        callbackWorkingDays: 2,
      },
      questionnaire: { id: 'test-mixed', version: 2 },
      consentVersion: 'contact-consent-2026-12',
    });
  });
});
