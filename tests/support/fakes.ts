import { defaultKioskSettings, type KioskSettings } from '../../src/domain/kioskSettings';
import type { Questionnaire } from '../../src/domain/questionnaire';
import { QuestionnaireSchema } from '../../src/domain/questionnaire';
import type {
  Clock,
  Logger,
  OfficerRecord,
  OfficerStore,
  ResponseRecord,
  SignInAttempt,
  StoredResponse,
  SurveyStore,
} from '../../src/services/ports';

/** A clock that only moves when a test moves it. */
export function frozenClock(
  iso = '2026-11-30T03:00:00.000Z',
): Clock & { advance(ms: number): void; set(iso: string): void } {
  let now = Date.parse(iso);
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    set: (next) => {
      now = Date.parse(next);
    },
  };
}

export const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** A small questionnaire with a three-point item and an optional item. */
export const testQuestionnaire: Questionnaire = QuestionnaireSchema.parse({
  schema: 'sipas.questionnaire.v1',
  id: 'test-mixed',
  version: 2,
  title: { vi: 'Phiếu thử', en: 'Test form' },
  dimensions: [
    {
      id: 'access',
      title: { vi: 'Tiếp cận', en: 'Access' },
      items: [{ id: 'access', text: { vi: 'Nơi tiếp đón?', en: 'Reception?' } }],
    },
    {
      id: 'officer',
      title: { vi: 'Công chức', en: 'Officer' },
      items: [{ id: 'officer.1', scale: 3, text: { vi: 'Thái độ công chức?', en: 'Officer attitude?' } }],
    },
    {
      id: 'feedback',
      title: { vi: 'Góp ý', en: 'Feedback' },
      items: [{ id: 'feedback', optional: true, text: { vi: 'Xử lý góp ý?', en: 'Feedback handling?' } }],
      reasons: [{ id: 'no-answer', text: { vi: 'Góp ý không được trả lời', en: 'Feedback was not answered' } }],
    },
  ],
});

export function memorySurveyStore(
  questionnaires: Questionnaire[] = [testQuestionnaire],
  initialSettings: KioskSettings = defaultKioskSettings(),
) {
  let settings = initialSettings;
  const responses = new Map<string, ResponseRecord>();
  let failing: Error | null = null;
  const completed = () => [...responses.values()].filter((r) => r.status === 'completed');
  const store: SurveyStore & { responses: Map<string, ResponseRecord>; failWith(error: Error | null): void } = {
    responses,
    failWith: (error) => {
      failing = error;
    },
    kioskSettings: () => settings,
    saveKioskSettings: (next) => {
      settings = next;
    },
    isCaseRated: (hash) => completed().some((r) => r.caseCodeHash === hash),
    previousCompleted: (before) => {
      const all = [...responses.values()];
      const upTo =
        before === undefined
          ? all
          : all.slice(
              0,
              Math.max(
                0,
                all.findIndex((r) => r.id === before),
              ),
            );
      const last = upTo.filter((r) => r.status === 'completed').at(-1);
      return last ? { submittedAt: last.submittedAt, answers: last.answers } : null;
    },
    activeQuestionnaire: () => questionnaires[0] ?? null,
    questionnaire: (ref) => questionnaires.find((q) => q.id === ref.id && q.version === ref.version) ?? null,
    insertResponse(record) {
      if (failing) throw failing;
      if (responses.has(record.id)) return 'duplicate';
      if (record.caseCodeHash && record.status === 'completed' && store.isCaseRated(record.caseCodeHash))
        return 'case_already_rated';
      responses.set(record.id, structuredClone(record));
      return 'inserted';
    },
    updateRatings(update) {
      if (failing) throw failing;
      const record = responses.get(update.id);
      if (!record) throw new Error(`response ${update.id} is not stored`);
      if (
        record.caseCodeHash &&
        update.status === 'completed' &&
        record.status !== 'completed' &&
        store.isCaseRated(record.caseCodeHash)
      ) {
        return 'case_already_rated';
      }
      Object.assign(record, structuredClone(update));
      return 'updated';
    },
    saveDetails(update) {
      if (failing) throw failing;
      const record = responses.get(update.id);
      if (!record) throw new Error(`response ${update.id} is not stored`);
      Object.assign(record, structuredClone(update));
    },
    findResponse(id): StoredResponse | null {
      const record = responses.get(id);
      return record ? structuredClone(record) : null;
    },
  };
  return store;
}

export function memoryOfficerStore(officers: OfficerRecord[]) {
  const log: SignInAttempt[] = [];
  const byCode = new Map(officers.map((o) => [o.code, { ...o }]));
  const store: OfficerStore & { log: typeof log } = {
    log,
    listOfficers: () => [...byCode.values()].map(({ code, name }) => ({ code, name })),
    recentSignIns: (limit) => log.slice(-limit).reverse(),
    findOfficer: (code) => {
      const officer = byCode.get(code);
      return officer ? { ...officer } : null;
    },
    recordSignIn(attempt) {
      log.push({ officer: attempt.officer, at: attempt.at, outcome: attempt.outcome });
      const officer = byCode.get(attempt.officer);
      if (officer && attempt.failedAttempts !== undefined) {
        officer.failedAttempts = attempt.failedAttempts;
        officer.lockedUntil = attempt.lockedUntil ?? null;
      }
    },
  };
  return store;
}

/** A PIN "hasher" for service tests: the point there is the flow, not the hash. */
export const plainPins = {
  hash: async (pin: string) => `plain$${pin}`,
  verify: async (pin: string, stored: string) => stored === `plain$${pin}`,
};
