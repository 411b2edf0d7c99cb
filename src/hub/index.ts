import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { silentLogger } from '../node/logger';
import { BATCHES_PATH } from '../contract/syncProtocol';
import { DEFAULT_MIN_RANKED_SAMPLE, sameQuestionnaire, type QuestionnaireRef } from '../domain/scoring';
import type { Logger } from '../services/ports';
import { createHubApp, type Intercept } from './app';
import { registerDevice, type DeviceCredentials, type NewDeviceInput } from './devices';
import { buildReport, periodFrom, type HubReport } from './report';
import { ReportCache } from './reportCache';
import { openStore } from './store/openStore';
import type { HubStore, LatestTotals, Period, TotalsQuery } from './store/port';

/**
 * The reference collector ("hub") in-process: what `npm run hub` runs, and what
 * tests (the hub's and the kiosk sender's) start on a free loopback port.
 *
 *   const hub = await startHub({ db: 'sqlite:/tmp/x/hub.db', port: 0 });
 *   const { token, secret } = await hub.addDevice({ deviceId: 'kiosk-01', unitCode: 'DH', unitName: 'UBND xã Điện Hồng' });
 *   // the kiosk's upstreamUrl is hub.url; batches go to hub.batchesUrl
 *   await hub.totals({ deviceId: 'kiosk-01' }); // sums over the latest revisions only
 *   await hub.close();
 *
 * A batch must carry the unit code its device was registered with (403 wrong_unit otherwise).
 */
export interface HubOptions {
  /** `sqlite:FILE` or `postgres://user:pass@host[:port]/database`. */
  db: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 by default; 0.0.0.0 to serve a network. */
  host?: string;
  logger?: Logger;
  /** The hub's clock (received_at, "yesterday" for late devices, the default period). */
  now?: () => number;
  maxBodyBytes?: number;
  /** Tests only: answer a batch request before the protocol handler (fault injection). */
  intercept?: Intercept;
  /** Counted responses a unit needs in the period to be ranked (`--min-sample`; default DEFAULT_MIN_RANKED_SAMPLE = 30). */
  minSample?: number;
  /**
   * How old a computed ranking may be and still be shown at once while the new one is
   * computed (`--report-max-age`; default 0 here: always the latest data, as tests want;
   * `npm run hub` serves with DEFAULT_REPORT_MAX_AGE_SECONDS).
   */
  reportMaxAgeMs?: number;
  /**
   * Compute the default page's report once at start, in the background (`npm run hub` does):
   * otherwise the first visitor waits for a cold computation, nothing yet read from the
   * database and the code not yet optimised (≈ 1 s at national size, against ≈ 0.3 s warm).
   */
  warmUp?: boolean;
}

export interface RunningHub {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 — the kiosk's upstreamUrl. */
  url: string;
  /** `${url}/v1/sipas/batches`. */
  batchesUrl: string;
  port: number;
  store: HubStore;
  addDevice(input: NewDeviceInput): Promise<DeviceCredentials>;
  /** What the hub holds for the latest revisions (optionally of one device, between two days). */
  totals(query?: TotalsQuery): Promise<LatestTotals>;
  /**
   * The revision of (device, date, questionnaire) that counts, or null. Without a
   * questionnaire, the day must hold batches of one questionnaire only.
   */
  latest(
    deviceId: string,
    date: string,
    questionnaire?: QuestionnaireRef,
  ): Promise<{ batchId: string; revision: number } | null>;
  /** The figures the page shows (default period: the 30 days up to yesterday; the trend of trendUnit or of all). */
  report(period?: Partial<Period>, trendUnit?: string): Promise<HubReport>;
  /** Settles when the start's warm-up is over (at once without `warmUp`); a failed one is logged, never thrown. */
  warmedUp: Promise<void>;
  close(): Promise<void>;
}

export type { DeviceCredentials, NewDeviceInput } from './devices';
export type { HubReport, UnitScore, LateDevice, TrendPoint, QuestionnaireReport, AllUnits } from './report';
export type { LatestTotals, TotalsQuery } from './store/port';

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const {
    db,
    port = 0,
    host = '127.0.0.1',
    logger = silentLogger,
    now = Date.now,
    maxBodyBytes,
    intercept,
    minSample = DEFAULT_MIN_RANKED_SAMPLE,
    reportMaxAgeMs = 0,
    warmUp = false,
  } = options;
  if (!Number.isInteger(minSample) || minSample < 1)
    throw new Error('minSample: a whole number of counted responses, at least 1');
  const store = await openStore(db);
  const reports = new ReportCache<HubReport>({ version: () => store.dataVersion(), maxAgeMs: reportMaxAgeMs, now });
  const app = createHubApp({ store, logger, now, maxBodyBytes, intercept, minSample, reports });
  let server: ReturnType<typeof serve> | undefined;
  try {
    const info = await new Promise<AddressInfo>((resolve, reject) => {
      server = serve({ fetch: app.fetch, port, hostname: host }, resolve);
      server.once('error', reject);
    });
    const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    const url = `http://${shownHost}:${info.port}`;
    const warmedUp = warmUp ? warmUpReport(app, logger) : Promise.resolve();
    return {
      url,
      batchesUrl: `${url}${BATCHES_PATH}`,
      port: info.port,
      store,
      addDevice: (input) => registerDevice(store, input, now),
      totals: (query = {}) => store.totals(query),
      async latest(deviceId, date, questionnaire) {
        const all = await store.latestOf(deviceId, date);
        const found = questionnaire ? all.filter((b) => sameQuestionnaire(b.questionnaire, questionnaire)) : all;
        if (found.length > 1)
          throw new Error(`${deviceId} ${date} holds batches of ${found.length} questionnaires: name one`);
        return found[0] ? { batchId: found[0].batchId, revision: found[0].revision } : null;
      },
      report: (period = {}, trendUnit) => buildReport(store, periodFrom(period, now()), now(), minSample, trendUnit),
      warmedUp,
      async close() {
        // Not under a query of the warm-up: the store would close beneath it.
        await warmedUp;
        await new Promise<void>((done) => {
          server!.close(() => done());
          // Keep-alive sockets of clients (fetch pools them) would hold close() open.
          if ('closeAllConnections' in server!) server.closeAllConnections();
        });
        await store.close();
      },
    };
  } catch (error) {
    server?.close();
    await store.close();
    throw error;
  }
}

/** The default page, asked for as a visitor would, so that its report is in the cache (reportCache.ts). */
async function warmUpReport(app: ReturnType<typeof createHubApp>, logger: Logger): Promise<void> {
  const started = performance.now();
  try {
    const answer = await app.request('/');
    await answer.arrayBuffer();
    if (!answer.ok) throw new Error(`the page answered ${answer.status}`);
    logger.info('first report computed', { ms: Math.round(performance.now() - started) });
  } catch (error) {
    logger.warn('first report not computed at start', { error: String(error) });
  }
}
