import type { InputOf } from '../../src/contract/operations';
import type { Language } from '../../src/domain/language';
import { isComplete } from '../../src/domain/visit';
import type { Citizen, KioskState, SurveyState } from './flow';
import { hasAnswers } from './flow';
import { isValidPhone } from './limits';
import { lowDimensions } from './pages';

const MAX_DURATION_MS = 86_400_000;

/**
 * What the host holds of one citizen, as it acknowledged it: the keys of the
 * ratings (null until the first commit), reasons, comment and phone last stored.
 */
export interface Acknowledged {
  answers: string | null;
  reasons: string;
  comment: string;
  contact: string;
}

export const nothingAcknowledged: Acknowledged = { answers: null, reasons: '[]', comment: '', contact: 'null' };

/**
 * When the host is told:
 * - `survey`: while the citizen answers. The ratings go as soon as every required
 *   one is given (they count from then on, src/domain/visit.ts isComplete), then
 *   again whenever one is added or changed; reasons and a confirmed comment follow.
 * - `leaving`: the citizen walked away, or chose "Làm lại": whatever was answered
 *   goes, complete or not (the host stores it as abandoned while a required
 *   rating is missing), without a comment still on its screen or a phone number —
 *   consent is not assumed from a box left ticked.
 * - `finishing`: the last screen was passed: everything, phone number included.
 */
export type Stage = 'survey' | 'leaving' | 'finishing';

export type HostCall =
  | { name: 'submitResponse'; input: InputOf<'submitResponse'>; acknowledges: Partial<Acknowledged> }
  | { name: 'addResponseDetails'; input: InputOf<'addResponseDetails'>; acknowledges: Partial<Acknowledged> };

type WithCitizen = SurveyState | Extract<KioskState, { screen: 'sending' }>;

/** The ratings as submitResponse takes them: in the order asked, only those given. */
function ratingsOf(citizen: Citizen, language: Language, now: number): InputOf<'submitResponse'> {
  return {
    id: citizen.id,
    questionnaire: { id: citizen.questionnaire.id, version: citizen.questionnaire.version },
    language,
    durationMs: Math.min(MAX_DURATION_MS, Math.max(0, Math.round(now - citizen.startedAt))),
    answers: citizen.steps
      .filter((step) => Object.hasOwn(citizen.answers, step.item.id))
      .map((step) => ({ item: step.item.id, score: citizen.answers[step.item.id] ?? null })),
    ...(citizen.armed ? { armId: citizen.armed.armId } : {}),
    ...(citizen.caseCode ? { context: { caseCode: citizen.caseCode } } : {}),
  };
}

/** The reasons of dimensions still low, in the questionnaire's order whatever order they were tapped in. */
export const reasonsOf = (citizen: Citizen) =>
  lowDimensions(citizen).flatMap((dimension) => {
    const picked = citizen.reasons[dimension.id] ?? [];
    return dimension.reasons
      .filter((reason) => picked.includes(reason.id))
      .map((reason) => ({ dimension: dimension.id, reason: reason.id }));
  });

/**
 * The calls that bring the host up to what the citizen said at this stage, in
 * order: the ratings first (the response must exist before anything is added to
 * it), then each changed part on its own. Empty when the host already has it all,
 * or when nothing may be sent yet.
 */
export function hostCalls(
  state: WithCitizen,
  stage: Stage,
  acknowledged: Acknowledged,
  language: Language,
  now: number,
): HostCall[] {
  const { citizen } = state;
  const ratings = ratingsOf(citizen, language, now);
  const answersKey = JSON.stringify(ratings.answers);
  const committed = acknowledged.answers !== null;
  const due =
    stage === 'survey'
      ? committed || isComplete(citizen.questionnaire, citizen.purpose, ratings.answers)
      : committed || hasAnswers(citizen);
  if (!due) return [];

  const calls: HostCall[] = [];
  if (answersKey !== acknowledged.answers)
    calls.push({ name: 'submitResponse', input: ratings, acknowledges: { answers: answersKey } });
  const details = (input: Omit<InputOf<'addResponseDetails'>, 'id'>, acknowledges: Partial<Acknowledged>) =>
    calls.push({ name: 'addResponseDetails', input: { id: citizen.id, ...input }, acknowledges });

  const reasons = reasonsOf(citizen);
  const reasonsKey = JSON.stringify(reasons);
  if (reasonsKey !== acknowledged.reasons) details({ reasons }, { reasons: reasonsKey });

  // A comment is the citizen's once they leave its screen (Tiếp tục, Gửi đánh giá, Quay lại); nothing ever clears it but the citizen.
  const comment = state.screen === 'comment' ? acknowledged.comment : citizen.comment.trim();
  if (comment !== acknowledged.comment) details({ comment }, { comment });

  if (stage === 'finishing') {
    const { consent, phone } = citizen.contact;
    const contact = consent && isValidPhone(phone) ? { phone, consentVersion: citizen.consentVersion } : null;
    const contactKey = JSON.stringify(contact);
    if (contactKey !== acknowledged.contact) details({ contact }, { contact: contactKey });
  }
  return calls;
}
