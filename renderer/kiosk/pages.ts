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

export function pagesOf(citizen: Citizen): Page[] {
  const pages: Page[] = [];
  let index = 0;
  for (const dimension of citizen.questionnaire.dimensions) {
    for (let i = 0; i < dimension.items.length; i += 1) pages.push({ screen: 'question', index: index++ });
    // No reasons configured for the dimension: nothing to ask, no screen.
    if (dimension.reasons.length > 0 && isLow(citizen, dimension)) pages.push({ screen: 'reasons', dimension: dimension.id });
  }
  pages.push({ screen: 'comment' }, { screen: 'contact' });
  return pages;
}

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
