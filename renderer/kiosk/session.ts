import type { KioskAction, KioskState } from './flow';

/**
 * The kiosk between citizens: the flow's screen, plus what must not outlive a
 * citizen. `visit` counts returns to the attract screen (KioskApp reloads the
 * setup and resets the language on each); "Chữ to" is switched off on every
 * return, wherever it came from (thanks, timeout, back, a refused case).
 */
export interface KioskSession {
  view: KioskState;
  visit: number;
  largeText: boolean;
}

export type SessionAction = KioskAction | { type: 'toggleLargeText' };

export type SessionReducer = (session: KioskSession, action: SessionAction) => KioskSession;

export const initialSession: KioskSession = { view: { screen: 'attract' }, visit: 0, largeText: false };

/**
 * The session around the flow's reducer. That one comes with the survey's screens
 * (screens.ts), so the first paint carries none of its code.
 */
export function sessionReducerOf(flow: (state: KioskState, action: KioskAction) => KioskState): SessionReducer {
  return (session, action) => {
    if (action.type === 'toggleLargeText') return { ...session, largeText: !session.largeText };
    const view = flow(session.view, action);
    if (view === session.view) return session;
    const returned = view.screen === 'attract' && session.view.screen !== 'attract';
    return returned ? { view, visit: session.visit + 1, largeText: false } : { ...session, view };
  };
}

/**
 * Until the survey's screens are here the kiosk stays on the attract screen, where
 * only "Chữ to" can change anything: the start button and the scanner wait for them.
 */
export const beforeScreens = sessionReducerOf((state) => state);
