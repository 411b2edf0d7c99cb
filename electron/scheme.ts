import fs from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { createLogger } from '../src/node/logger';
import { CONTENT_SECURITY_POLICY, pagePolicyOf } from '../src/node/contentSecurityPolicy';
import { APP_HOST, APP_SCHEME } from './appUrl';

const logger = createLogger('electron.scheme');

/**
 * app:// behaves like https for the page: a standard scheme (so relative URLs,
 * `'self'` in the CSP and the origin work), secure (a secure context), with
 * fetch allowed for the page's own assets. Must be registered before 'ready'.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
};

export type Resolved = { file: string } | { status: 403 | 404; reason: string };

/**
 * Maps an app:// URL to a file under the renderer folder, or to the status that
 * refuses it. Chromium normalises `..` before the handler sees the URL; this
 * does not rely on it: the decoded path is resolved and must stay inside the
 * folder, and escaped separators, NUL bytes, drive letters and other hosts are
 * refused before any file is touched.
 */
export function resolveAppFile(requestUrl: string, rendererDir: string): Resolved {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 404, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST)
    return { status: 403, reason: 'another origin' };
  if (/%2f|%5c|%00/i.test(url.pathname)) return { status: 403, reason: 'escaped separator' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { status: 404, reason: 'bad escape' };
  }
  if (/[\\\0:]/.test(decoded) || decoded.split('/').includes('..'))
    return { status: 403, reason: 'path outside the app' };
  const root = path.resolve(rendererDir);
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return { status: 403, reason: 'path outside the app' };
  return { file };
}

const refuse = (status: 403 | 404 | 405): Response =>
  new Response(null, { status, headers: { 'Content-Type': 'text/plain' } });

export type ReadFile = (file: string) => Promise<Uint8Array>;

/**
 * The handler of app:// requests: the renderer's files and nothing else. Each
 * answer carries the CSP the HTTP host would send with it, so the policy holds
 * even if the meta tag were dropped from index.html.
 */
export function appSchemeHandler(
  rendererDir: string,
  readFile: ReadFile = (file) => fs.readFile(file),
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveAppFile(request.url, rendererDir);
    if ('status' in resolved) {
      logger.warn('app:// request refused', {
        url: request.url.slice(0, 200),
        status: resolved.status,
        reason: resolved.reason,
      });
      return refuse(resolved.status);
    }
    let body: Uint8Array;
    try {
      body = await readFile(resolved.file);
    } catch {
      return refuse(404);
    }
    const extension = path.extname(resolved.file).toLowerCase();
    const headers = {
      'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      // A page's own policy, made from the very page: its inline style and script allowed by their hashes.
      'Content-Security-Policy':
        extension === '.html' ? pagePolicyOf(Buffer.from(body).toString('utf8')) : CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : Buffer.from(body), { status: 200, headers });
  };
}

/** Serves the renderer on app://sipas/ (after 'ready'). */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, appSchemeHandler(rendererDir));
}
