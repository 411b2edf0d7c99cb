import { createClient } from '../api/client';
import { routeOf } from '../router';
import { sendEarly } from './firstCalls';
import { loadScreens } from './lazyScreens';

/**
 * The page's one API client. main.tsx imports this module before React and the
 * screens, so on the kiosk route the attract screen's calls leave at once: their
 * answers arrive while the rest of the code is evaluated and first rendered.
 */
export const pageClient = createClient();

if (routeOf(window.location.hash) === 'kiosk') {
  sendEarly(pageClient, 'getKioskSetup', {});
  sendEarly(pageClient, 'getArmedContext', {});
  // The survey's screens too (the start button waits for them): fetched while this chunk is evaluated
  // and the first screen drawn, not after. A failure here is retried by the attract screen.
  loadScreens().catch(() => undefined);
}
