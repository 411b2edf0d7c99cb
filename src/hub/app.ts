import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { BATCHES_PATH } from '../contract/syncProtocol';
import { securityHeaders } from '../node/securityHeaders';
import type { Logger } from '../services/ports';
import { reportCsvStream } from './csv';
import { ingestHandler, refuse } from './ingest';
import { errorPage, HUB_CSS, pageViewFrom, reportPage } from './page';
import { BadPeriodError, buildReport, periodFrom, type HubReport } from './report';
import { ReportCache } from './reportCache';
import type { HubStore } from './store/port';
import { DEFAULT_MIN_RANKED_SAMPLE } from '../domain/scoring';
import { localDayOf } from '../domain/localDay';

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The page loads only its own stylesheet; the trend is inline SVG markup, not script. */
const HUB_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Lets a test answer a batch request itself (a 503, a delay) before the protocol handler sees it. */
export type Intercept = (request: Request) => Response | undefined | Promise<Response | undefined>;

export interface HubAppOptions {
  store: HubStore;
  logger: Logger;
  now: () => number;
  maxBodyBytes?: number;
  intercept?: Intercept;
  /** Counted responses a unit needs in the period to be ranked (default DEFAULT_MIN_RANKED_SAMPLE). */
  minSample?: number;
  /** Computed reports kept while the data does not change (default: one cache per app). */
  reports?: ReportCache<HubReport>;
}

/**
 * hono's bodyLimit, without its cost per request: it reads `c.req.raw.body`, which makes
 * @hono/node-server build a web Request and a web stream over the socket for every batch,
 * even when Content-Length already tells the size. Here a Content-Length over the limit is
 * refused before reading anything, one within it leaves the body to be read directly (Node's
 * parser stops at Content-Length), and only a chunked body is counted as it arrives.
 */
function bodyWithin(maxBytes: number, tooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number.parseInt(length, 10) > maxBytes ? tooLarge(c) : next();
    const body = c.req.raw.body;
    if (!body) return next();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.length;
      if (size > maxBytes) return tooLarge(c);
      chunks.push(chunk.value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks, size) });
    return next();
  };
}

export function createHubApp({
  store,
  logger,
  now,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  intercept,
  minSample = DEFAULT_MIN_RANKED_SAMPLE,
  reports = new ReportCache<HubReport>({ version: () => store.dataVersion() }),
}: HubAppOptions) {
  const app = new Hono();
  app.use(...securityHeaders(HUB_CSP));
  app.use(async (c, next) => {
    await next();
    // On the response's own headers, as secureHeaders does: c.header() on a finished response
    // makes @hono/node-server rebuild it as a web Response and stream it out again (a tenth of
    // the hub's CPU per batch).
    c.res.headers.set('Cache-Control', 'no-store');
  });

  app.post(
    BATCHES_PATH,
    bodyWithin(maxBodyBytes, (c) => {
      // The rest of the body is not read: close rather than leave the socket half-consumed.
      c.header('Connection', 'close');
      return refuse(c, 413, 'too_large', `the body is over ${maxBodyBytes} bytes`);
    }),
    async (c, next) => {
      const answer = intercept ? await intercept(c.req.raw.clone()) : undefined;
      return answer ?? next();
    },
    ingestHandler({ store, logger, now }),
  );

  /**
   * ?from=&to= (YYYY-MM-DD) and, for the trend, ?unit= (a unit code). The report is
   * computed once per data version (reportCache.ts); "today" is in the key because
   * the late devices and the default period move with it.
   */
  const withPeriod = async (c: Context): Promise<HubReport> => {
    const at = now();
    const period = periodFrom({ from: c.req.query('from'), to: c.req.query('to') }, at);
    const trendUnit = c.req.query('unit') || undefined;
    const key = JSON.stringify([period.from, period.to, trendUnit ?? null, localDayOf(at)]);
    const { value } = await reports.get(key, (version) =>
      buildReport(store, period, at, minSample, trendUnit, version),
    );
    return value;
  };

  app.get('/', async (c) => {
    try {
      const view = pageViewFrom({ page: c.req.query('page'), q: c.req.query('q') });
      return c.html(reportPage(await withPeriod(c), view));
    } catch (error) {
      if (error instanceof BadPeriodError) return c.html(errorPage(error.message), 400);
      throw error;
    }
  });
  app.get('/api/report', async (c) => {
    try {
      return c.json(await withPeriod(c));
    } catch (error) {
      if (error instanceof BadPeriodError) return refuse(c, 400, 'bad_period', error.message);
      throw error;
    }
  });
  app.get('/export.csv', async (c) => {
    try {
      const report = await withPeriod(c);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="sipas-${report.period.from}-${report.period.to}.csv"`);
      // Streamed: the whole country is a few thousand lines, written as the client reads them.
      return c.body(reportCsvStream(report));
    } catch (error) {
      if (error instanceof BadPeriodError) return refuse(c, 400, 'bad_period', error.message);
      throw error;
    }
  });
  app.get('/hub.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(HUB_CSS);
  });
  // Browsers ask for it; a 204 keeps 404s in the log meaningful.
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/healthz', (c) => c.json({ ok: true, store: store.kind }));

  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'not_found',
          message: `no ${c.req.method} ${c.req.path} here; batches go to POST ${BATCHES_PATH}`,
        },
      },
      404,
    ),
  );
  app.onError((error, c) => {
    logger.error('request failed', { path: c.req.path, error: error.stack ?? String(error) });
    return c.json({ error: { code: 'internal', message: 'internal error; the details are in the hub log' } }, 500);
  });
  return app;
}
