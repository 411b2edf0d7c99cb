import { CONSENT_VERSION } from '../domain/kioskSettings';
import { AppError } from '../domain/errors';
import { itemsOf, type Questionnaire } from '../domain/questionnaire';
import type { ResponseRecord } from './ports';

interface SubmittedAnswers {
  answers: ReadonlyArray<{ item: string; score: number | null }>;
  reasons: ReadonlyArray<{ dimension: string; reason: string }>;
  contact?: { consentVersion: string } | undefined;
}

/** Checks answers against the questionnaire the citizen saw; a bad answer changes nothing. */
export function checkAnswers(questionnaire: Questionnaire, submission: SubmittedAnswers): ResponseRecord['answers'] {
  const items = new Map(itemsOf(questionnaire).map((item) => [item.id, item]));
  const seen = new Set<string>();
  return submission.answers.map((answer, index) => {
    const item = items.get(answer.item);
    const where = `answers[${index}]`;
    if (!item) throw new AppError('bad_input', `${where}.item: ${answer.item} is not in ${questionnaire.id} v${questionnaire.version}`);
    if (seen.has(item.id)) throw new AppError('bad_input', `${where}.item: ${item.id} answered twice`);
    seen.add(item.id);
    if (answer.score === null && !item.optional) {
      throw new AppError('bad_input', `${where}.score: ${item.id} has no "no opinion" choice`);
    }
    if (answer.score !== null && answer.score > item.scale) {
      throw new AppError('bad_input', `${where}.score: ${item.id} is on a ${item.scale}-point scale`);
    }
    return { item: item.id, points: item.scale, score: answer.score };
  });
}

/** Reasons must be ones the questionnaire offers for that dimension. */
export function checkReasons(questionnaire: Questionnaire, submission: SubmittedAnswers): ResponseRecord['reasons'] {
  return submission.reasons.map(({ dimension, reason }, index) => {
    const offered = questionnaire.dimensions.find((d) => d.id === dimension)?.reasons ?? [];
    if (!offered.some((r) => r.id === reason)) {
      throw new AppError('bad_input', `reasons[${index}].reason: ${reason} is not offered for ${dimension}`);
    }
    return { dimension, reason };
  });
}

/** A phone number is only taken under the notice the citizen was shown. */
export function checkConsent(submission: SubmittedAnswers): void {
  if (submission.contact && submission.contact.consentVersion !== CONSENT_VERSION) {
    throw new AppError('bad_input', `contact.consentVersion: the notice shown was not ${CONSENT_VERSION}; ask again`);
  }
}
