import { pathToFileURL } from 'node:url';

/**
 * The file:// URL of the built renderer folder, ending in '/'. Every page the
 * shell trusts (for IPC and for navigation) lives under it.
 */
export const appUrlPrefixOf = (rendererDir: string): string => pathToFileURL(rendererDir).href.replace(/\/?$/, '/');

/**
 * True when `candidate` is a file under the app's own renderer folder. Both URLs
 * go through the WHATWG parser, so `..` and `%2e%2e` segments are resolved
 * before the comparison and cannot climb out of the folder.
 */
export function isAppUrl(candidate: string, appUrlPrefix: string): boolean {
  let url: URL;
  let base: URL;
  try {
    url = new URL(candidate);
    base = new URL(appUrlPrefix);
  } catch {
    return false;
  }
  // An escaped separator would name a different file than the path suggests.
  if (/%2f|%5c/i.test(url.pathname)) return false;
  return url.protocol === 'file:' && url.host === base.host && base.pathname.endsWith('/') && url.pathname.startsWith(base.pathname);
}
