import type { OutputOf } from '../../src/contract/operations';
import type { DimensionId } from '../../src/domain/dimensions';
import type { Questionnaire, QuestionnaireDimension, QuestionnaireItem } from '../../src/domain/questionnaire';
import { askedItems, type KnownPurpose } from '../../src/domain/visit';
import { nextPage, pageOf, previousPage, type Page } from './pages';
import { isValidPhone } from './limits';
import { hasAnswers, isSurvey } from './surveyState';

/**
 * The citizen's path through the kiosk as a pure reducer: attract → one screen
 * per item (with a reasons screen after a dimension scored low) → comment →
 * contact → sending → thanks (or sorry) → attract. The screens after the ratings
 * are optional: each can be passed ("Bỏ qua"/"Tiếp tục", never forgetting what
 * it holds) or left for the thanks ("Gửi đánh giá"). Timers, the scanner and the
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
  /** Why the citizen came, as staff armed the kiosk ('unknown' when nobody did): decides the items asked. */
  purpose: KnownPurpose;
  /** The items asked of this citizen, in order (src/domain/visit.ts askedItems). */
  steps: readonly Step[];
  /** Five-point values at or under this ask for reasons (pinned with the questionnaire). */
  lowScoreThreshold: number;
  /** The version of the consent notice this citizen is shown. */
  consentVersion: string;
  /** How long the commune keeps a phone number, as the notice says. */
  retentionMonths: number;
  /** Who keeps it, as the notice says: the unit's configured name (a xã or a phường). */
  unitName: string;
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

/** "Làm lại", or "Quay lại" on the first question, waiting for the citizen's "Có" or "Không". */
export type Asking = 'restart' | 'leave';

export type SurveyState = (
  | { screen: 'question'; citizen: Citizen; index: number; chosen?: { score: Score } }
  | { screen: 'reasons'; citizen: Citizen; dimension: DimensionId }
  | { screen: 'comment'; citizen: Citizen }
  /** `checked`: "Tiếp tục" was pressed with a number that is not valid; the error shows until it is. */
  | { screen: 'contact'; citizen: Citizen; checked?: boolean }
) & { asking?: Asking };

export type AttractNotice = 'alreadyRated';

export type KioskState =
  | { screen: 'attract'; notice?: AttractNotice }
  | SurveyState
  | { screen: 'sending'; citizen: Citizen }
  /** `callBack`: the citizen left a phone number, so the thanks say when the office will call. */
  | { screen: 'thanks'; callBack: boolean }
  | { screen: 'sorry' };

export type KioskAction =
  | { type: 'start'; setup: KioskSetup; armed: ArmedContext | null; caseCode: string | null; id: string; at: number }
  | { type: 'choose'; score: Score }
  | { type: 'confirm' }
  | { type: 'toggleReason'; reason: string }
  | { type: 'setComment'; text: string }
  | { type: 'setConsent'; consent: boolean }
  | { type: 'setPhone'; phone: string }
  /**
   * "Tiếp tục" (something entered) or "Bỏ qua" (nothing) on the reasons, comment and
   * contact screens: one button, and neither forgets what the screen holds.
   */
  | { type: 'next' }
  /** "Gửi đánh giá" on an optional follow-up screen: the rest is left out, what was entered goes. */
  | { type: 'finish' }
  | { type: 'back' }
  /** "Làm lại" or "Quay lại" on the first question with something answered: ask "Làm lại từ đầu?" first. */
  | { type: 'ask'; about: Asking }
  /** "Không": nothing changes, every answer stays. */
  | { type: 'keep' }
  /** Start over; what was answered has been handed to the host under `id` (see useSubmission). */
  | { type: 'restart'; id: string; at: number }
  | { type: 'sent'; id: string }
  | { type: 'failed'; id: string }
  /** The case was rated before (on scanning, or refused by the host on submitting). */
  | { type: 'alreadyRated'; id?: string }
  | { type: 'clearNotice' }
  | { type: 'reset' };

export const initialKioskState: KioskState = { screen: 'attract' };

// Not domain itemsOf(): that module builds zod schemas at load time and would
// pull zod into the kiosk bundle.
export function stepsOf(questionnaire: Questionnaire, purpose: KnownPurpose): Step[] {
  const asked = new Set(askedItems(questionnaire, purpose).map((item) => item.id));
  return questionnaire.dimensions.flatMap((dimension) =>
    dimension.items.filter((item) => asked.has(item.id)).map((item) => ({ item, dimension })),
  );
}

export { hasAnswers, isSurvey } from './surveyState';

const toPage = (citizen: Citizen, page: Page | null): KioskState =>
  page ? { ...page, citizen } : { screen: 'sending', citizen };

/** Everything the citizen said, empty. */
const unanswered = () => ({ answers: {}, reasons: {}, comment: '', contact: { consent: false, phone: '' } });

function startOf(action: Extract<KioskAction, { type: 'start' }>): KioskState | null {
  const purpose = action.armed?.purpose ?? 'unknown';
  const steps = stepsOf(action.setup.questionnaire, purpose);
  if (steps.length === 0) return null;
  const citizen: Citizen = {
    id: action.id,
    startedAt: action.at,
    questionnaire: action.setup.questionnaire,
    purpose,
    steps,
    lowScoreThreshold: action.setup.settings.lowScoreThreshold,
    consentVersion: action.setup.consentVersion,
    retentionMonths: action.setup.retentionMonths,
    unitName: action.setup.settings.unit.name,
    armed: action.armed,
    caseCode: action.caseCode,
    ...unanswered(),
  };
  return { screen: 'question', citizen, index: 0 };
}

function toggled(list: readonly string[], reason: string): string[] {
  return list.includes(reason) ? list.filter((r) => r !== reason) : [...list, reason];
}

export { OTHER_REASON } from './pages';

/** Whether the follow-up screen holds anything the citizen entered: its button says "Tiếp tục", else "Bỏ qua". */
export function hasEntered(state: SurveyState): boolean {
  const { citizen } = state;
  switch (state.screen) {
    case 'reasons':
      return (citizen.reasons[state.dimension] ?? []).length > 0;
    case 'comment':
      return citizen.comment.trim() !== '';
    case 'contact':
      // A box ticked with no number typed holds nothing to keep: "Bỏ qua" passes it, and no number is stored.
      return citizen.contact.phone !== '';
    case 'question':
      return false;
  }
}

/** A number typed that is not valid: going on would lose it, so the error shows instead. */
const typedBadPhone = (citizen: Citizen): boolean =>
  citizen.contact.consent && citizen.contact.phone !== '' && !isValidPhone(citizen.contact.phone);

/** A number the citizen agreed to leave and typed correctly: the office calls back. */
export const leftPhone = (citizen: Citizen): boolean => citizen.contact.consent && isValidPhone(citizen.contact.phone);

/**
 * "Có" to "Làm lại từ đầu?". Nothing answered: the same citizen starts again.
 * Otherwise what was answered is the host's now (a response of its own, counted
 * or abandoned by the counting rule), so the answers that follow are a new
 * response: a new id and start time, and neither the armed context nor the
 * scanned case code, which went with the first one. The purpose stays: it is the
 * same visit, and the host accepts its answers as those of an unknown purpose.
 */
function restarted(citizen: Citizen, action: Extract<KioskAction, { type: 'restart' }>): Citizen {
  if (!hasAnswers(citizen)) return { ...citizen, ...unanswered() };
  return { ...citizen, id: action.id, startedAt: action.at, armed: null, caseCode: null, ...unanswered() };
}

function surveyReducer(state: SurveyState, action: KioskAction): KioskState {
  const { citizen } = state;
  // While "Làm lại từ đầu?" is asked, only its answers count.
  if (state.asking && action.type !== 'keep' && action.type !== 'restart') return state;
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
      return {
        ...state,
        citizen: { ...citizen, reasons: { ...citizen.reasons, [state.dimension]: toggled(current, action.reason) } },
      };
    }
    case 'setComment':
      return state.screen === 'comment' ? { ...state, citizen: { ...citizen, comment: action.text } } : state;
    case 'setConsent':
      if (state.screen !== 'contact') return state;
      // Unticking forgets the number: it is only ever kept under consent.
      return {
        screen: 'contact',
        citizen: {
          ...citizen,
          contact: { consent: action.consent, phone: action.consent ? citizen.contact.phone : '' },
        },
      };
    case 'setPhone':
      if (state.screen !== 'contact' || !citizen.contact.consent) return state;
      return { ...state, citizen: { ...citizen, contact: { ...citizen.contact, phone: action.phone } } };
    case 'next':
      if (state.screen === 'question') return state;
      if (state.screen === 'contact' && typedBadPhone(citizen)) return { ...state, checked: true };
      return toPage(citizen, nextPage(citizen, pageOf(state)));
    case 'finish':
      // Only the optional follow-ups end early; every rating screen is still the citizen's to answer.
      if (state.screen === 'question') return state;
      if (state.screen === 'contact' && typedBadPhone(citizen)) return { ...state, checked: true };
      return { screen: 'sending', citizen };
    case 'back': {
      // From the first question there is nowhere to go back to: KioskApp abandons instead.
      const previous = previousPage(citizen, pageOf(state));
      return previous ? { ...previous, citizen } : state;
    }
    case 'ask':
      // A face just tapped moves on first: the dialog must not freeze it half-way.
      if (state.screen === 'question' && state.chosen) return state;
      return { ...state, asking: action.about };
    case 'keep': {
      const { asking: _dropped, ...kept } = state;
      return kept;
    }
    case 'restart':
      return { screen: 'question', citizen: restarted(citizen, action), index: 0 };
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
      return action.type === 'sent' ? { screen: 'thanks', callBack: leftPhone(state.citizen) } : { screen: 'sorry' };
    case 'alreadyRated':
      if (
        action.id === undefined
          ? state.screen !== 'attract'
          : state.screen !== 'sending' || state.citizen.id !== action.id
      )
        return state;
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
