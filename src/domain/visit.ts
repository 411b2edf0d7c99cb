import type { DimensionId } from './dimensions';
import { dimensionOfItem } from './dimensions';
import type { Questionnaire, QuestionnaireItem } from './questionnaire';

/**
 * Why the citizen came to the desk today. Staff give it when they arm the kiosk
 * (nộp hồ sơ / nhận kết quả / hỏi thông tin). It decides which items are asked:
 * the result dimension is about a result the citizen has received, so it is asked
 * only of someone who collected one. (Free of zod, so the kiosk's bundle can use
 * it; the schema is in visitSchema.ts.)
 */
export const visitPurposes = ['file', 'collect', 'inquire'] as const;
export type VisitPurpose = (typeof visitPurposes)[number];

/**
 * What the kiosk knows of the purpose: a purpose staff armed it with, or `unknown`
 * (nobody armed it). Unknown asks the result items with a "Chưa nhận kết quả" choice,
 * which is no answer; so they are never required then.
 */
export type KnownPurpose = VisitPurpose | 'unknown';

/** The feedback dimension applies only to someone who gave feedback before: "Không ý kiến" is always offered. */
const ALWAYS_OPTIONAL: ReadonlySet<DimensionId> = new Set(['feedback']);

/** Whether the item is shown at all for this purpose. */
export function isItemAsked(item: Pick<QuestionnaireItem, 'id'>, purpose: KnownPurpose): boolean {
  if (dimensionOfItem(item.id) !== 'result') return true;
  return purpose === 'collect' || purpose === 'unknown';
}

/** Whether the item offers a "no answer" choice ("Không ý kiến", or "Chưa nhận kết quả" for results). */
export function offersNoAnswer(item: Pick<QuestionnaireItem, 'id' | 'optional'>, purpose: KnownPurpose): boolean {
  const dimension = dimensionOfItem(item.id);
  if (ALWAYS_OPTIONAL.has(dimension)) return true;
  if (dimension === 'result' && purpose === 'unknown') return true;
  return item.optional;
}

/** The items a citizen with this purpose is asked, in order. */
export const askedItems = (questionnaire: Questionnaire, purpose: KnownPurpose): QuestionnaireItem[] =>
  questionnaire.dimensions.flatMap((d) => d.items).filter((item) => isItemAsked(item, purpose));

/** The ratings that must all be given for the response to count (docs/SIPAS.md, "Which responses count"). */
export const requiredItems = (questionnaire: Questionnaire, purpose: KnownPurpose): QuestionnaireItem[] =>
  askedItems(questionnaire, purpose).filter((item) => !offersNoAnswer(item, purpose));

/**
 * A response is complete — and counts, unless the misuse filter flags it — as soon as
 * every required rating has a score. What happens afterwards (reasons, comment, phone,
 * walking away) never takes it out again.
 */
export function isComplete(
  questionnaire: Questionnaire,
  purpose: KnownPurpose,
  answers: ReadonlyArray<{ item: string; score: number | null }>,
): boolean {
  const scored = new Set(answers.filter((a) => a.score !== null).map((a) => a.item));
  return requiredItems(questionnaire, purpose).every((item) => scored.has(item.id));
}
