import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { builtPagePolicy, CONTENT_SECURITY_POLICY } from '../node/contentSecurityPolicy';
import { APP_VERSION } from '../node/version';
import { DEVICE_HEADER, DeviceTokenSchema } from '../contract/lan';
import type { Dispatch } from '../contract/dispatch';
import { failure, httpStatusOf, type Envelope } from '../contract/envelope';
import { buildOpenApiDocument, openApiJson } from '../contract/openapi';
import type { Logger } from '../services/ports';
import { checkRequest } from './requestGuard';
import { securityHeaders } from '../node/securityHeaders';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpAppOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer); omitted, only the API is served. */
  staticDir?: string;
  allowedHosts: () => ReadonlySet<string>;
  logger: Logger;
  /** What the server speaks, for the Origin check; plain HTTP unless the LAN host has a certificate. */
  scheme?: () => 'http' | 'https';
  /** Whether a socket peer is this machine; tests of the policy may pass their own. */
  isLocal?: (address: string | undefined) => boolean;
}

type Status = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503;

const statusOf = (envelope: Envelope): 200 | Status =>
  envelope.ok ? 200 : (httpStatusOf[envelope.error.code] as Status);

/** The socket's peer, not a header: a LAN client cannot claim to be local. */
const isLoopback = (address: string | undefined): boolean =>
  address !== undefined && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

const bearerToken = (header: string | undefined): string | null => {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header ?? '');
  return match?.[1] ?? null;
};

/** A counter device's token; anything malformed counts as none (the call is then treated as unpaired). */
const deviceToken = (header: string | undefined): string | null => {
  const parsed = DeviceTokenSchema.safeParse(header);
  return parsed.success ? parsed.data : null;
};

/**
 * Files under assets/ carry a hash of their content in their name: one never changes, so it is
 * kept for a year. The page (index.html, also what an unknown path gets) names the current
 * build's files: it is checked again every time.
 */
const cacheControlOf = (requestPath: string, contentType: string | null): string =>
  /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(requestPath) && !contentType?.startsWith('text/html')
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';

/** The HTTP host: the operation table at POST /api/<name>, and the renderer. */
export function createHttpApp({
  dispatch,
  staticDir,
  allowedHosts,
  logger,
  scheme = () => 'http',
  isLocal = isLoopback,
}: HttpAppOptions) {
  const app = new Hono();

  // The page's own policy on the page (its inline style and script allowed by their hashes), the strict one elsewhere.
  const pagePolicy = staticDir ? builtPagePolicy(staticDir) : () => CONTENT_SECURITY_POLICY;
  // No Cross-Origin-Opener-Policy, as on app:// in Electron (electron/scheme.ts). In Chromium a page
  // with one starts in a fresh renderer process, which put ≈ 180 ms before the kiosk's first paint on
  // every cold load on this machine (docs/ARCHITECTURE.md). What it guards against needs another page
  // holding a handle to this window: the app opens no windows, and no page may frame it
  // (frame-ancestors 'none', X-Frame-Options).
  app.use(
    ...securityHeaders(
      (answer) =>
        answer.headers.get('content-type')?.startsWith('text/html') ? pagePolicy() : CONTENT_SECURITY_POLICY,
      { openerPolicy: false },
    ),
  );
  app.use(async (c, next) => {
    const verdict = checkRequest(
      { host: c.req.header('host'), origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') },
      allowedHosts(),
      scheme(),
    );
    if (!verdict.ok) {
      logger.warn('request refused', { reason: verdict.reason, path: c.req.path });
      return c.json(failure('forbidden', `request refused: ${verdict.reason}`), 403);
    }
    return next();
  });

  app.post(
    '/api/:operation',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // The rest of an oversized body is not read: close the connection so the
        // client does not reuse a socket the adapter is about to drop.
        c.header('Connection', 'close');
        return c.json(failure('too_large', `the body is over ${MAX_BODY_BYTES} bytes`), 413);
      },
    }),
    async (c) => {
      if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
        return c.json(failure('bad_input', 'Content-Type must be application/json'), 400);
      }
      let input: unknown;
      try {
        const text = await c.req.text();
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        return c.json(failure('bad_input', 'body: not valid JSON'), 400);
      }
      const envelope = await dispatch(c.req.param('operation'), input, {
        token: bearerToken(c.req.header('authorization')),
        local: isLocal(getConnInfo(c).remote.address),
        deviceToken: deviceToken(c.req.header(DEVICE_HEADER)),
      });
      return c.json(envelope, statusOf(envelope));
    },
  );
  // The OpenAPI description of the routes above: built once here, not per request.
  const openApi = openApiJson(buildOpenApiDocument({ version: APP_VERSION }));
  app.get('/api/openapi.json', (c) => c.body(openApi, 200, { 'Content-Type': 'application/json; charset=utf-8' }));
  app.all('/api/*', (c) => c.json(failure('not_found', 'operations are called with POST /api/<name>'), 404));

  if (staticDir) {
    app.use('/*', async (c, next) => {
      await next();
      if (c.res.ok) c.header('Cache-Control', cacheControlOf(c.req.path, c.res.headers.get('Content-Type')));
    });
    // The build writes a .gz beside each script, style and page (vite.config.ts): sent as they are, never compressed per request.
    app.use('/*', serveStatic({ root: staticDir, precompressed: true }));
    // Client-side routes (#/staff…) all load index.html.
    app.get('/*', serveStatic({ root: staticDir, path: 'index.html', precompressed: true }));
  }

  app.notFound((c) => c.json(failure('not_found', 'not found'), 404));
  app.onError((error, c) => {
    logger.error('request failed', { path: c.req.path, error: error.stack ?? String(error) });
    return c.json(failure('internal', 'internal error; the details are in the log'), 500);
  });
  return app;
}
