import type { App, Session, WebContents } from 'electron';
import { createLogger } from '../src/node/logger';
import { CONTENT_SECURITY_POLICY } from '../src/node/contentSecurityPolicy';
import { isAppUrl } from './appUrl';

const logger = createLogger('electron.security');

/**
 * The kiosk needs no camera, microphone, location, notifications or anything
 * else a page may ask for: every request and every check is refused. Every answer
 * has a CSP: the one our app:// handler sent with it, or else the strict one.
 */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  // Our app:// handler's answers carry their policy (a page's own allows its inline code by hash); anything
  // else gets the strict one, whatever policy it came with: only our own host is trusted to set it.
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = details.responseHeaders ?? {};
    const own =
      isAppUrl(details.url) && Object.keys(headers).some((name) => name.toLowerCase() === 'content-security-policy');
    callback({
      responseHeaders: own ? headers : { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

type HardenedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'closeDevTools'>;

export interface HardenOptions {
  /** A windowed development run may inspect its pages; an installed kiosk never. */
  devTools: boolean;
}

/**
 * A page may only ever be the app itself: navigation and redirects elsewhere are
 * stopped, new windows are refused (a kiosk has no way back from a popup), and
 * <webview> cannot be attached even if the tag were turned on by mistake.
 */
export function hardenContents(contents: HardenedContents, { devTools }: HardenOptions): void {
  const guard = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn(`${kind} blocked`, { url: event.url.slice(0, 200) });
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('new window blocked', { url: url.slice(0, 200) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('webview blocked');
  });
  // The window's devTools preference already hides them; this closes them should anything still open them.
  if (!devTools) {
    contents.on('devtools-opened', () => {
      contents.closeDevTools();
      logger.warn('devtools closed: kiosk mode');
    });
  }
}

/** Hardens every web contents the app ever creates, before it loads anything. */
export function hardenAllContents(app: Pick<App, 'on'>, options: HardenOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, options));
}
