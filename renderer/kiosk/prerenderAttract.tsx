import { renderToStaticMarkup } from 'react-dom/server';
import { ApiProvider } from '../api/ApiContext';
import { ApiError, createClient } from '../api/client';
import '../i18n';
import { EARLY_NAMES } from './earlyTap';
import { KioskApp } from './KioskApp';

/**
 * The kiosk route's first screen as HTML, for index.html (vite.config.ts, at build
 * time): KioskApp's own first render, before the host has answered, so it is the
 * same markup React draws when it mounts and replaces it. No call leaves: effects
 * do not run in a static render, and this client would refuse them if they did.
 */
export function prerenderAttract(): string {
  const offline = createClient(() => Promise.reject(new ApiError('unavailable', 'prerendered at build time')));
  const markup = renderToStaticMarkup(
    <ApiProvider client={offline}>
      <KioskApp />
    </ApiProvider>,
  );
  return `<div class="${EARLY_NAMES.prerendered}">${markup}</div>`;
}
