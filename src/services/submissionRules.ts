import { CONSENT_VERSION } from '../domain/kioskSettings';
import { AppError } from '../domain/errors';
import { itemsOf, type Questionnaire } from '../domain/questionnaire';
import { toFivePoint } from '../domain/scale';
import { isComplete, isItemAsked, offersNoAnswer, type KnownPurpose } from '../domain/visit';
import type { ResponseRecord } from './ports';

interface SubmittedAnswers {
  answers: ReadonlyArray<{ item: string; score: number | null }>;
}

const PURPOSE_WORDS: Record<KnownPurpose, string> = {
  file: 'came to file a case',
  collect: 'came to collect a result',
  inquire: 'came to ask',
  unknown: 'was not announced',
};

/**
 * Checks answers against the questionnaire the citizen saw and the purpose of the
 * visit (which decides what was asked and where "no answer" is offered); a bad
 * answer changes nothing.
 */
export function checkAnswers(
  questionnaire: Questionnaire,
  purpose: KnownPurpose,
  submission: SubmittedAnswers,
): ResponseRecord['answers'] {
  const items = new Map(itemsOf(questionnaire).map((item) => [item.id, item]));
  const seen = new Set<string>();
  return submission.answers.map((answer, index) => {
    const item = items.get(answer.item);
    const where = `answers[${index}]`;
    if (!item)
      throw new AppError(
        'bad_input',
        `${where}.item: ${answer.item} is not in ${questionnaire.id} v${questionnaire.version}`,
      );
    if (seen.has(item.id)) throw new AppError('bad_input', `${where}.item: ${item.id} answered twice`);
    seen.add(item.id);
    if (!isItemAsked(item, purpose)) {
      throw new AppError(
        'bad_input',
        `${where}.item: ${item.id} is not asked of a citizen who ${PURPOSE_WORDS[purpose]}`,
      );
    }
    if (answer.score === null && !offersNoAnswer(item, purpose)) {
      throw new AppError('bad_input', `${where}.score: ${item.id} has no "no opinion" choice`);
    }
    if (answer.score !== null && answer.score > item.scale) {
      throw new AppError('bad_input', `${where}.score: ${item.id} is on a ${item.scale}-point scale`);
    }
    return { item: item.id, points: item.scale, score: answer.score };
  });
}

/**
 * The counting rule (docs/SIPAS.md): completed as soon as every required rating is
 * given, whatever happens afterwards; abandoned while one is missing. A response
 * with no answer at all is abandoned even where nothing is required.
 */
export function statusOf(
  questionnaire: Questionnaire,
  purpose: KnownPurpose,
  answers: ResponseRecord['answers'],
): ResponseRecord['status'] {
  return answers.length > 0 && isComplete(questionnaire, purpose, answers) ? 'completed' : 'abandoned';
}

/** Answers in the questionnaire's order: the stored ones, each replaced by a newer one for the same item. */
export function mergeAnswers(
  questionnaire: Questionnaire,
  stored: ResponseRecord['answers'],
  newer: ResponseRecord['answers'],
): ResponseRecord['answers'] {
  const byItem = new Map([...stored, ...newer].map((answer) => [answer.item, answer]));
  return itemsOf(questionnaire).flatMap((item) => byItem.get(item.id) ?? []);
}

/** A low rating, reasons or a comment: the response goes to the staff's feedback inbox. */
export function needsFollowUp(
  record: Pick<ResponseRecord, 'answers' | 'reasons' | 'comment'>,
  lowScoreThreshold: number,
): boolean {
  return (
    record.comment !== null ||
    record.reasons.length > 0 ||
    record.answers.some((a) => a.score !== null && toFivePoint(a.score, a.points) <= lowScoreThreshold)
  );
}

/** Reasons must be ones the questionnaire offers for that dimension. */
export function checkReasons(
  questionnaire: Questionnaire,
  reasons: ReadonlyArray<{ dimension: string; reason: string }>,
): ResponseRecord['reasons'] {
  return reasons.map(({ dimension, reason }, index) => {
    const offered = questionnaire.dimensions.find((d) => d.id === dimension)?.reasons ?? [];
    if (!offered.some((r) => r.id === reason)) {
      throw new AppError('bad_input', `reasons[${index}].reason: ${reason} is not offered for ${dimension}`);
    }
    return { dimension, reason };
  });
}

/** A phone number is only taken under the notice the citizen was shown. */
export function checkConsent(contact: { consentVersion: string } | null | undefined): void {
  if (contact && contact.consentVersion !== CONSENT_VERSION) {
    throw new AppError('bad_input', `contact.consentVersion: the notice shown was not ${CONSENT_VERSION}; ask again`);
  }
}
