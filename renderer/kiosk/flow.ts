import type { InputOf } from '../../src/contract/operations';
import type { Language } from '../../src/domain/language';
import type { Questionnaire, QuestionnaireDimension, QuestionnaireItem } from '../../src/domain/questionnaire';

/**
 * The citizen's path through the kiosk as a pure reducer: attract → one screen
 * per item → sending → thanks (or sorry) → attract. Timers and the host call
 * live in KioskApp; everything here can be reasoned about (and tested) alone.
 */

export interface Step {
  item: QuestionnaireItem;
  dimension: QuestionnaireDimension;
}

/** An answer on the item's own scale; null is "Không ý kiến". */
export type Score = number | null;

export interface Citizen {
  id: string;
  /** On the monotonic clock, taken at the start tap. */
  startedAt: number;
  /** Pinned at the start tap, so a questionnaire reloaded meanwhile cannot shift the items. */
  questionnaire: Questionnaire;
  steps: readonly Step[];
  answers: Readonly<Record<string, Score>>;
}

export type KioskState =
  | { screen: 'attract' }
  | {
      screen: 'question';
      citizen: Citizen;
      index: number;
      /** Tapped and shown as selected, waiting for the confirmation delay. */
      chosen?: { score: Score };
    }
  | { screen: 'sending'; citizen: Citizen }
  | { screen: 'thanks' }
  | { screen: 'sorry' };

export type KioskAction =
  | { type: 'start'; questionnaire: Questionnaire; id: string; at: number }
  | { type: 'choose'; score: Score }
  | { type: 'confirm' }
  | { type: 'back' }
  | { type: 'restart' }
  | { type: 'sent'; id: string }
  | { type: 'failed'; id: string }
  | { type: 'reset' };

export const initialKioskState: KioskState = { screen: 'attract' };

// Flattened here rather than with domain itemsOf(): that module builds zod
// schemas at load time and would pull zod into the kiosk bundle.
export const stepsOf = (questionnaire: Questionnaire): Step[] =>
  questionnaire.dimensions.flatMap((dimension) => dimension.items.map((item) => ({ item, dimension })));

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'start': {
      if (state.screen !== 'attract') return state;
      const steps = stepsOf(action.questionnaire);
      if (steps.length === 0) return state;
      const citizen: Citizen = { id: action.id, startedAt: action.at, questionnaire: action.questionnaire, steps, answers: {} };
      return { screen: 'question', citizen, index: 0 };
    }
    case 'choose':
      // One tap per screen: a second tap during the confirmation must not skip a question.
      if (state.screen !== 'question' || state.chosen) return state;
      return { ...state, chosen: { score: action.score } };
    case 'confirm': {
      if (state.screen !== 'question' || !state.chosen) return state;
      const step = state.citizen.steps[state.index];
      if (!step) return state;
      const citizen = { ...state.citizen, answers: { ...state.citizen.answers, [step.item.id]: state.chosen.score } };
      const next = state.index + 1;
      return next < citizen.steps.length ? { screen: 'question', citizen, index: next } : { screen: 'sending', citizen };
    }
    case 'back':
      if (state.screen !== 'question') return state;
      return state.index === 0 ? { screen: 'attract' } : { screen: 'question', citizen: state.citizen, index: state.index - 1 };
    case 'restart':
      // Same citizen, same id and start time: nothing was stored yet.
      if (state.screen !== 'question') return state;
      return { screen: 'question', citizen: { ...state.citizen, answers: {} }, index: 0 };
    case 'sent':
    case 'failed':
      // A late answer for a citizen who is gone changes nothing on screen.
      if (state.screen !== 'sending' || state.citizen.id !== action.id) return state;
      return { screen: action.type === 'sent' ? 'thanks' : 'sorry' };
    case 'reset':
      return initialKioskState;
  }
}

/** The answer shown as selected on the current question, if any. */
export function selectedScore(state: Extract<KioskState, { screen: 'question' }>): Score | undefined {
  if (state.chosen) return state.chosen.score;
  const step = state.citizen.steps[state.index];
  if (!step || !Object.hasOwn(state.citizen.answers, step.item.id)) return undefined;
  return state.citizen.answers[step.item.id];
}

export const hasAnswers = (citizen: Citizen): boolean => Object.keys(citizen.answers).length > 0;

const MAX_DURATION_MS = 86_400_000;

/** What submitResponse receives: answers in questionnaire order, only those given. */
export function submissionOf(
  citizen: Citizen,
  status: 'completed' | 'abandoned',
  language: Language,
  now: number,
): InputOf<'submitResponse'> {
  return {
    id: citizen.id,
    questionnaire: { id: citizen.questionnaire.id, version: citizen.questionnaire.version },
    language,
    durationMs: Math.min(MAX_DURATION_MS, Math.max(0, Math.round(now - citizen.startedAt))),
    status,
    answers: citizen.steps
      .filter((step) => Object.hasOwn(citizen.answers, step.item.id))
      .map((step) => ({ item: step.item.id, score: citizen.answers[step.item.id] ?? null })),
  };
}
