import type { DimensionId } from '../../src/domain/dimensions';
import type { QuestionnaireDimension } from '../../src/domain/questionnaire';
import { toFivePoint } from '../../src/domain/scale';
import type { Citizen, SurveyState } from './flow';

/**
 * The screens of one citizen's survey, in order. The list depends on the answers
 * (a reasons screen follows a dimension only while it is scored low), so "next"
 * and "back" are computed from it each time rather than stored: going back and
 * raising a low score removes its reasons screen, lowering one adds it.
 */
export type Page =
  | { screen: 'question'; index: number }
  | { screen: 'reasons'; dimension: DimensionId }
  | { screen: 'comment' }
  | { screen: 'contact' };

/** A dimension is low when any of its answers counts, on five points, at or under the threshold. */
export function isLow(citizen: Citizen, dimension: QuestionnaireDimension): boolean {
  return dimension.items.some((item) => {
    const score = citizen.answers[item.id];
    return typeof score === 'number' && toFivePoint(score, item.scale) <= citizen.lowScoreThreshold;
  });
}

/**
 * "Khác" (other), offered by the kiosk on every low dimension's reasons rather than
 * by the questionnaire files (a stored id+version never changes). It is not sent as
 * a reason: it brings the comment screen forward, and the comment says what it was.
 */
export const OTHER_REASON = 'other';

const saysOther = (citizen: Citizen, dimension: DimensionId): boolean =>
  citizen.reasons[dimension]?.includes(OTHER_REASON) === true;

export function pagesOf(citizen: Citizen): Page[] {
  const pages: Page[] = [];
  let commented = false;
  citizen.steps.forEach(({ dimension }, index) => {
    pages.push({ screen: 'question', index });
    const lastOfDimension = citizen.steps[index + 1]?.dimension.id !== dimension.id;
    if (lastOfDimension && isLow(citizen, dimension)) {
      pages.push({ screen: 'reasons', dimension: dimension.id });
      // "Khác" picked: the comment comes right after, while the citizen has it in mind.
      if (!commented && saysOther(citizen, dimension.id)) {
        pages.push({ screen: 'comment' });
        commented = true;
      }
    }
  });
  if (!commented) pages.push({ screen: 'comment' });
  pages.push({ screen: 'contact' });
  return pages;
}

/** The dimensions (in order) where the citizen picked "Khác", for the comment screen's prompt. */
export const otherDimensions = (citizen: Citizen): QuestionnaireDimension[] =>
  citizen.questionnaire.dimensions.filter((dimension) => saysOther(citizen, dimension.id) && isLow(citizen, dimension));

export function pageOf(state: SurveyState): Page {
  switch (state.screen) {
    case 'question':
      return { screen: 'question', index: state.index };
    case 'reasons':
      return { screen: 'reasons', dimension: state.dimension };
    case 'comment':
    case 'contact':
      return { screen: state.screen };
  }
}

const samePage = (a: Page, b: Page): boolean =>
  a.screen === b.screen &&
  (a.screen !== 'question' || (b.screen === 'question' && a.index === b.index)) &&
  (a.screen !== 'reasons' || (b.screen === 'reasons' && a.dimension === b.dimension));

/** The page after `page`, or null when the survey is done and goes to the host. */
export function nextPage(citizen: Citizen, page: Page): Page | null {
  const pages = pagesOf(citizen);
  const at = pages.findIndex((p) => samePage(p, page));
  return pages[at + 1] ?? null;
}

/** The page before `page`, or null on the first question. */
export function previousPage(citizen: Citizen, page: Page): Page | null {
  const pages = pagesOf(citizen);
  const at = pages.findIndex((p) => samePage(p, page));
  return at > 0 ? (pages[at - 1] ?? null) : null;
}

/** The dimensions whose reasons are sent: those still low now. */
export const lowDimensions = (citizen: Citizen): QuestionnaireDimension[] =>
  citizen.questionnaire.dimensions.filter((dimension) => isLow(citizen, dimension));
