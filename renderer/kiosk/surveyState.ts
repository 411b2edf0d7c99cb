import type { Citizen, KioskState, SurveyState } from './flow';

// Apart from flow.ts, whose reducer comes with the survey's screens (lazyScreens.ts): KioskApp asks
// these on the first paint too.

export const isSurvey = (state: KioskState): state is SurveyState =>
  state.screen === 'question' || state.screen === 'reasons' || state.screen === 'comment' || state.screen === 'contact';

export const hasAnswers = (citizen: Citizen): boolean => Object.keys(citizen.answers).length > 0;
