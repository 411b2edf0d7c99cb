import type { InputOf } from '../../src/contract/operations';
import type { Language } from '../../src/domain/language';
import type { Citizen, KioskState } from './flow';
import { hasAnswers, isSurvey } from './flow';
import { isValidPhone } from './limits';
import { lowDimensions } from './pages';

const MAX_DURATION_MS = 86_400_000;

/**
 * What submitResponse receives: answers in questionnaire order (only those
 * given), the reasons of dimensions still low, a non-empty comment, a phone
 * number only under consent, and the context the response belongs to.
 */
export function submissionOf(
  citizen: Citizen,
  status: 'completed' | 'abandoned',
  language: Language,
  now: number,
): InputOf<'submitResponse'> {
  const comment = citizen.comment.trim();
  const { consent, phone } = citizen.contact;
  return {
    id: citizen.id,
    questionnaire: { id: citizen.questionnaire.id, version: citizen.questionnaire.version },
    language,
    durationMs: Math.min(MAX_DURATION_MS, Math.max(0, Math.round(now - citizen.startedAt))),
    status,
    answers: citizen.steps
      .filter((step) => Object.hasOwn(citizen.answers, step.item.id))
      .map((step) => ({ item: step.item.id, score: citizen.answers[step.item.id] ?? null })),
    reasons: lowDimensions(citizen).flatMap((dimension) => {
      const picked = citizen.reasons[dimension.id] ?? [];
      // In the questionnaire's order, whatever order they were tapped in.
      return dimension.reasons.filter((reason) => picked.includes(reason.id)).map((reason) => ({ dimension: dimension.id, reason: reason.id }));
    }),
    ...(comment ? { comment } : {}),
    ...(consent && isValidPhone(phone) ? { contact: { phone, consentVersion: citizen.consentVersion } } : {}),
    ...(citizen.armed ? { armId: citizen.armed.armId } : {}),
    ...(citizen.caseCode ? { context: { caseCode: citizen.caseCode } } : {}),
  };
}

/**
 * What is kept of a citizen who walked away or went back past the first
 * question: null with no answer at all. A comment still on its screen was
 * never confirmed with "Tiếp tục", and a phone number is only taken from a
 * citizen who finished: consent is not assumed from a ticked box left behind.
 */
export function abandonedSubmission(state: KioskState, language: Language, now: number): InputOf<'submitResponse'> | null {
  if (!isSurvey(state) || !hasAnswers(state.citizen)) return null;
  const citizen: Citizen = {
    ...state.citizen,
    comment: state.screen === 'comment' ? '' : state.citizen.comment,
    contact: { consent: false, phone: '' },
  };
  return submissionOf(citizen, 'abandoned', language, now);
}
