import type { OutputOf } from '../../src/contract/operations';
import type { DimensionId } from '../../src/domain/dimensions';
import type { Questionnaire, QuestionnaireDimension, QuestionnaireItem } from '../../src/domain/questionnaire';
import { nextPage, pageOf, previousPage, type Page } from './pages';
import { isValidPhone } from './limits';

/**
 * The citizen's path through the kiosk as a pure reducer: attract → one screen
 * per item (with a reasons screen after a dimension scored low) → comment →
 * contact → sending → thanks (or sorry) → attract. Timers, the scanner and the
 * host calls live in KioskApp's hooks; everything here can be tested alone.
 */

export type { Page } from './pages';

export interface Step {
  item: QuestionnaireItem;
  dimension: QuestionnaireDimension;
}

/** An answer on the item's own scale; null is "Không ý kiến". */
export type Score = number | null;

export type KioskSetup = OutputOf<'getKioskSetup'>;
export type ArmedContext = NonNullable<OutputOf<'getArmedContext'>>;

export interface Citizen {
  id: string;
  /** On the monotonic clock, taken at the start tap. */
  startedAt: number;
  /** Pinned at the start tap, so a questionnaire reloaded meanwhile cannot shift the items. */
  questionnaire: Questionnaire;
  steps: readonly Step[];
  /** Five-point values at or under this ask for reasons (pinned with the questionnaire). */
  lowScoreThreshold: number;
  /** The version of the consent notice this citizen is shown. */
  consentVersion: string;
  /** How long the commune keeps a phone number, as the notice says. */
  retentionMonths: number;
  /** What staff armed the kiosk with when the citizen started. */
  armed: ArmedContext | null;
  /** Read by the barcode scanner on the attract screen. */
  caseCode: string | null;
  answers: Readonly<Record<string, Score>>;
  /** Reason ids picked per dimension; sent only while that dimension is still low. */
  reasons: Readonly<Partial<Record<DimensionId, readonly string[]>>>;
  comment: string;
  contact: { consent: boolean; phone: string };
}

export type SurveyState =
  | { screen: 'question'; citizen: Citizen; index: number; chosen?: { score: Score } }
  | { screen: 'reasons'; citizen: Citizen; dimension: DimensionId }
  | { screen: 'comment'; citizen: Citizen }
  /** `checked`: "Tiếp tục" was pressed with a number that is not valid; the error shows until it is. */
  | { screen: 'contact'; citizen: Citizen; checked?: boolean };

export type AttractNotice = 'alreadyRated';

export type KioskState =
  | { screen: 'attract'; notice?: AttractNotice }
  | SurveyState
  | { screen: 'sending'; citizen: Citizen }
  | { screen: 'thanks' }
  | { screen: 'sorry' };

export type KioskAction =
  | { type: 'start'; setup: KioskSetup; armed: ArmedContext | null; caseCode: string | null; id: string; at: number }
  | { type: 'choose'; score: Score }
  | { type: 'confirm' }
  | { type: 'toggleReason'; reason: string }
  | { type: 'setComment'; text: string }
  | { type: 'setConsent'; consent: boolean }
  | { type: 'setPhone'; phone: string }
  /** "Tiếp tục" on the reasons, comment and contact screens. */
  | { type: 'next' }
  /** "Bỏ qua": forget what this screen held, then go on. */
  | { type: 'skip' }
  | { type: 'back' }
  | { type: 'restart' }
  | { type: 'sent'; id: string }
  | { type: 'failed'; id: string }
  /** The case was rated before (on scanning, or refused by the host on submitting). */
  | { type: 'alreadyRated'; id?: string }
  | { type: 'clearNotice' }
  | { type: 'reset' };

export const initialKioskState: KioskState = { screen: 'attract' };

// Flattened here rather than with domain itemsOf(): that module builds zod
// schemas at load time and would pull zod into the kiosk bundle.
export const stepsOf = (questionnaire: Questionnaire): Step[] =>
  questionnaire.dimensions.flatMap((dimension) => dimension.items.map((item) => ({ item, dimension })));

export const isSurvey = (state: KioskState): state is SurveyState =>
  state.screen === 'question' || state.screen === 'reasons' || state.screen === 'comment' || state.screen === 'contact';

const toPage = (citizen: Citizen, page: Page | null): KioskState =>
  page ? { ...page, citizen } : { screen: 'sending', citizen };

/** Everything the citizen said, empty. */
const unanswered = () => ({ answers: {}, reasons: {}, comment: '', contact: { consent: false, phone: '' } });

function startOf(action: Extract<KioskAction, { type: 'start' }>): KioskState | null {
  const steps = stepsOf(action.setup.questionnaire);
  if (steps.length === 0) return null;
  const citizen: Citizen = {
    id: action.id,
    startedAt: action.at,
    questionnaire: action.setup.questionnaire,
    steps,
    lowScoreThreshold: action.setup.settings.lowScoreThreshold,
    consentVersion: action.setup.consentVersion,
    retentionMonths: action.setup.retentionMonths,
    armed: action.armed,
    caseCode: action.caseCode,
    ...unanswered(),
  };
  return { screen: 'question', citizen, index: 0 };
}

function toggled(list: readonly string[], reason: string): string[] {
  return list.includes(reason) ? list.filter((r) => r !== reason) : [...list, reason];
}

/** What "Bỏ qua" forgets on each screen. */
function skipped(state: SurveyState): Citizen {
  const { citizen } = state;
  switch (state.screen) {
    case 'reasons':
      return { ...citizen, reasons: { ...citizen.reasons, [state.dimension]: [] } };
    case 'comment':
      return { ...citizen, comment: '' };
    case 'contact':
      return { ...citizen, contact: { consent: false, phone: '' } };
    case 'question':
      return citizen;
  }
}

function surveyReducer(state: SurveyState, action: KioskAction): KioskState {
  const { citizen } = state;
  switch (action.type) {
    case 'choose':
      // One tap per screen: a second tap during the confirmation must not skip a question.
      if (state.screen !== 'question' || state.chosen) return state;
      return { ...state, chosen: { score: action.score } };
    case 'confirm': {
      if (state.screen !== 'question' || !state.chosen) return state;
      const step = citizen.steps[state.index];
      if (!step) return state;
      const answered = { ...citizen, answers: { ...citizen.answers, [step.item.id]: state.chosen.score } };
      // Computed after the answer: a low answer adds the reasons screen that follows it.
      return toPage(answered, nextPage(answered, pageOf(state)));
    }
    case 'toggleReason': {
      if (state.screen !== 'reasons') return state;
      const current = citizen.reasons[state.dimension] ?? [];
      return { ...state, citizen: { ...citizen, reasons: { ...citizen.reasons, [state.dimension]: toggled(current, action.reason) } } };
    }
    case 'setComment':
      return state.screen === 'comment' ? { ...state, citizen: { ...citizen, comment: action.text } } : state;
    case 'setConsent':
      if (state.screen !== 'contact') return state;
      // Unticking forgets the number: it is only ever kept under consent.
      return { screen: 'contact', citizen: { ...citizen, contact: { consent: action.consent, phone: action.consent ? citizen.contact.phone : '' } } };
    case 'setPhone':
      if (state.screen !== 'contact' || !citizen.contact.consent) return state;
      return { ...state, citizen: { ...citizen, contact: { ...citizen.contact, phone: action.phone } } };
    case 'next':
      if (state.screen === 'question') return state;
      if (state.screen === 'contact' && citizen.contact.consent && !isValidPhone(citizen.contact.phone)) {
        return { ...state, checked: true };
      }
      return toPage(citizen, nextPage(citizen, pageOf(state)));
    case 'skip': {
      if (state.screen === 'question') return state;
      const next = skipped(state);
      return toPage(next, nextPage(next, pageOf(state)));
    }
    case 'back': {
      // From the first question there is nowhere to go back to: KioskApp abandons instead.
      const previous = previousPage(citizen, pageOf(state));
      return previous ? { ...previous, citizen } : state;
    }
    case 'restart':
      // Same citizen, same id and start time: nothing was stored yet.
      return { screen: 'question', citizen: { ...citizen, ...unanswered() }, index: 0 };
    default:
      return state;
  }
}

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'start':
      if (state.screen !== 'attract') return state;
      return startOf(action) ?? state;
    case 'sent':
    case 'failed':
      // A late answer for a citizen who is gone changes nothing on screen.
      if (state.screen !== 'sending' || state.citizen.id !== action.id) return state;
      return { screen: action.type === 'sent' ? 'thanks' : 'sorry' };
    case 'alreadyRated':
      if (action.id === undefined ? state.screen !== 'attract' : state.screen !== 'sending' || state.citizen.id !== action.id) return state;
      return { screen: 'attract', notice: 'alreadyRated' };
    case 'clearNotice':
      return state.screen === 'attract' ? { screen: 'attract' } : state;
    case 'reset':
      return initialKioskState;
    default:
      return isSurvey(state) ? surveyReducer(state, action) : state;
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
