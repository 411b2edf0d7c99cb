/**
 * Every kiosk screen and dialog after the attract screen, in one chunk of its own
 * (see lazyScreens.ts): the first paint carries none of their code.
 */
export { InactivityDialog } from './InactivityDialog';
export { RestartDialog } from './RestartDialog';
export { SendingScreen } from './SendingScreen';
export { SorryScreen } from './SorryScreen';
export { SurveyView } from './SurveyView';
export { ThanksScreen } from './ThanksScreen';
