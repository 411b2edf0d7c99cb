/**
 * The kiosk's own origin. The built renderer is served from a custom privileged
 * scheme (see scheme.ts) rather than file://: a file:// page shares its origin
 * with every other file on the disk, while app://sipas is one origin that only
 * the renderer folder can answer for. IPC and navigation trust this origin alone.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sipas';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Every page the shell trusts lives under this prefix. */
export const APP_URL_PREFIX = `${APP_ORIGIN}/`;
/** What the kiosk window opens. */
export const KIOSK_URL = `${APP_URL_PREFIX}index.html#/kiosk`;

/**
 * True when `candidate` is a page of the app itself. The WHATWG parser resolves
 * `..` and `%2e%2e` segments before the comparison; an escaped separator is
 * refused outright, since it would name a different file than the path suggests.
 */
export function isAppUrl(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (/%2f|%5c|%00/i.test(url.pathname)) return false;
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host.toLowerCase() === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}
