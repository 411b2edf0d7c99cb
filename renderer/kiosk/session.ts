import { initialKioskState, kioskReducer, type KioskAction, type KioskState } from './flow';

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

export const initialSession: KioskSession = { view: initialKioskState, visit: 0, largeText: false };

export function sessionReducer(session: KioskSession, action: SessionAction): KioskSession {
  if (action.type === 'toggleLargeText') return { ...session, largeText: !session.largeText };
  const view = kioskReducer(session.view, action);
  if (view === session.view) return session;
  const returned = view.screen === 'attract' && session.view.screen !== 'attract';
  return returned ? { view, visit: session.visit + 1, largeText: false } : { ...session, view };
}
