/**
 * Every kiosk screen and dialog after the attract screen, and the survey's state
 * and calls to the host, in one chunk of its own (see lazyScreens.ts): the first
 * paint carries none of their code.
 */
import { kioskReducer } from './flow';
import { sessionReducerOf } from './session';

export { FlowScreens } from './FlowScreens';
export { Submission } from './Submission';

/** The session's reducer with the whole flow (before these are here, KioskApp uses session.ts's beforeScreens). */
export const sessionReducer = sessionReducerOf(kioskReducer);
