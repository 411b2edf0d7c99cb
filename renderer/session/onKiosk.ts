/** Set for the browser tab once someone signed in through the kiosk's hold gesture. */
const KIOSK_FLAG = 'sipas.kioskSignIn';

/**
 * Whether this page is the kiosk itself: the Electron app (its preload exposes
 * `window.sipas`), or a tab where the kiosk's hold-to-sign-in was used. Both get
 * the short idle time and return to the citizen screen, so the browser host
 * exercises the same path as the installed app.
 */
export const onKioskItself = (): boolean => window.sipas !== undefined || sessionStorage.getItem(KIOSK_FLAG) === '1';

export const markKioskSignIn = (): void => sessionStorage.setItem(KIOSK_FLAG, '1');
