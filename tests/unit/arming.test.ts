import { describe, expect, it } from 'vitest';
import { ARMED_FOR_MS, createArmingService } from '../../src/services/arming';
import { createSurveyService } from '../../src/services/survey';
import type { DeskStore } from '../../src/services/ports';
import { frozenClock, memorySurveyStore, quietLogger, testQuestionnaire } from '../support/fakes';

const desks: DeskStore = {
  listCounters: () => [{ code: 'Q1', name: 'Quầy 1' }],
  listFields: () => [{ code: 'ho-tich', name: 'Hộ tịch' }],
  listOfficers: () => [{ code: 'nv01', name: 'Nguyễn Thị Lan' }],
  counter: (code) => (code === 'Q1' ? { code, name: 'Quầy 1' } : null),
  field: (code) => (code === 'ho-tich' ? { code, name: 'Hộ tịch' } : null),
  officer: (code) => (code === 'nv01' ? { code, name: 'Nguyễn Thị Lan' } : null),
};

function setup() {
  const clock = frozenClock();
  const store = memorySurveyStore();
  let n = 0;
  const arming = createArmingService({
    clock,
    desks,
    newId: () => `00000000-0000-4000-8000-00000000000${(n += 1)}`,
    isCaseRated: (code) => survey.isCaseRated(code),
  });
  const survey = createSurveyService({
    store,
    clock,
    logger: quietLogger,
    deviceId: 'k',
    hashCaseCode: (c) => `h(${c})`,
    armed: arming,
  });
  return { clock, store, arming, survey };
}

const answer = (id: string, armId?: string) => ({
  id,
  questionnaire: { id: testQuestionnaire.id, version: testQuestionnaire.version },
  language: 'vi' as const,
  durationMs: 20_000,
  status: 'completed' as const,
  answers: [
    { item: 'access', score: 4 },
    { item: 'officer.1', score: 3 },
  ],
  reasons: [],
  ...(armId ? { armId } : {}),
});

describe('arming the kiosk', () => {
  it('shows the next citizen names, never the case code, and the first response takes the context', () => {
    const { arming, survey, store } = setup();
    const { armId } = arming.arm({ caseCode: 'HS-9', counter: 'Q1', officer: 'nv01', field: 'ho-tich' });
    expect(arming.view()).toEqual({
      armId,
      expiresAt: '2026-11-30T03:05:00.000Z',
      officer: { code: 'nv01', name: 'Nguyễn Thị Lan' },
      counter: { code: 'Q1', name: 'Quầy 1' },
      field: { code: 'ho-tich', name: 'Hộ tịch' },
      hasCaseCode: true,
      purpose: null,
    });
    survey.submitResponse(answer('00000000-0000-4000-8000-0000000000a1', armId));
    expect(store.responses.get('00000000-0000-4000-8000-0000000000a1')).toMatchObject({
      counter: 'Q1',
      officer: 'nv01',
      field: 'ho-tich',
      caseCodeHash: 'h(HS-9)',
    });
    expect(arming.view()).toBeNull();
    // A second response with the same armId gets no context.
    survey.submitResponse(answer('00000000-0000-4000-8000-0000000000a2', armId));
    expect(store.responses.get('00000000-0000-4000-8000-0000000000a2')).toMatchObject({
      counter: null,
      caseCodeHash: null,
    });
  });

  it('lapses unused after five minutes by default: shown to nobody, and staff are told until they dismiss it', () => {
    const { arming, clock } = setup();
    expect(ARMED_FOR_MS).toBe(5 * 60_000);
    const { armId } = arming.arm({ caseCode: 'HS-7', officer: 'nv01' });
    clock.advance(ARMED_FOR_MS - 1);
    expect(arming.view()?.armId).toBe(armId);
    expect(arming.lapsed()).toEqual([]);
    clock.advance(1);
    expect(arming.view()).toBeNull();
    expect(arming.lapsed()).toEqual([
      {
        armId,
        caseCode: 'HS-7',
        officer: { code: 'nv01', name: 'Nguyễn Thị Lan' },
        counter: null,
        field: null,
        purpose: null,
        armedAt: '2026-11-30T03:00:00.000Z',
        expiredAt: '2026-11-30T03:05:00.000Z',
      },
    ]);
    arming.dismissLapsed(armId);
    expect(arming.lapsed()).toEqual([]);
  });

  it('a context that lapsed while its citizen was answering is still theirs, and then not lapsed', () => {
    const { arming, clock, survey, store } = setup();
    const { armId } = arming.arm({ counter: 'Q1' });
    clock.advance(ARMED_FOR_MS + 30_000);
    expect(arming.lapsed()).toHaveLength(1);
    survey.submitResponse(answer('00000000-0000-4000-8000-0000000000c1', armId));
    expect(store.responses.get('00000000-0000-4000-8000-0000000000c1')).toMatchObject({ counter: 'Q1' });
    expect(arming.lapsed()).toEqual([]);
    expect(arming.take(armId)).toBeNull();
  });

  it('waits as long as the administrator set', () => {
    const clock = frozenClock();
    const arming = createArmingService({
      clock,
      desks,
      newId: () => '00000000-0000-4000-8000-0000000000d1',
      isCaseRated: () => false,
      armedForMs: () => 60_000,
    });
    arming.arm({ counter: 'Q1' });
    clock.advance(60_000);
    expect(arming.view()).toBeNull();
    expect(arming.lapsed()).toHaveLength(1);
  });

  it('refuses unknown codes by name and a case already rated', () => {
    const { arming, survey } = setup();
    expect(() => arming.arm({ counter: 'Q9' })).toThrow('counter: Q9 is unknown');
    expect(() => arming.arm({ officer: 'ghost' })).toThrow('officer: ghost is unknown');
    survey.submitResponse({ ...answer('00000000-0000-4000-8000-0000000000b1'), context: { caseCode: 'HS-1' } });
    expect(() => arming.arm({ caseCode: 'hs-1' })).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('a new arming replaces the old one; disarm clears it', () => {
    const { arming } = setup();
    const first = arming.arm({ counter: 'Q1' });
    const second = arming.arm({ field: 'ho-tich' });
    expect(arming.take(first.armId)).toBeNull();
    expect(arming.view()?.armId).toBe(second.armId);
    arming.disarm();
    expect(arming.view()).toBeNull();
  });
});
