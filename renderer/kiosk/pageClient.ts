import { createClient } from '../api/client';
import { routeOf } from '../router';
import { sendEarly } from './firstCalls';

/**
 * The page's one API client. main.tsx imports this module before React and the
 * screens, so on the kiosk route the attract screen's calls leave at once: their
 * answers arrive while the rest of the code is evaluated and first rendered.
 */
export const pageClient = createClient();

if (routeOf(window.location.hash) === 'kiosk') {
  sendEarly(pageClient, 'getKioskSetup', {});
  sendEarly(pageClient, 'getArmedContext', {});
}
