/**
 * `npm run hub -- [serve] --db sqlite:FILE|postgres://… [--port 8787] [--host 127.0.0.1] [--min-sample 30] [--report-max-age 60]`
 *   --min-sample: counted responses a unit needs in the period to be ranked (the others are listed as "chưa đủ mẫu").
 *   --report-max-age: seconds a computed ranking may be shown while the next is computed (default 60; 0: always the latest).
 * `npm run hub -- add-device --db … --device kiosk-01 --unit-code DH --unit-name "UBND xã Điện Hồng" [--json]`
 * `npm run hub -- list-devices --db … [--json]`
 * `npm run hub -- simulate --units N --devices-per-unit D --days K --db … [--concurrency C] [--url http://127.0.0.1:PORT] [--samples S] [--max-seconds T] [--json]`
 *   registers N × D simulated kiosks, sends K days of signed batches over loopback (to a hub it starts, or --url),
 *   prints batches/s, the database size and the p95 of the page and the CSV (cold: right after a new batch; warm) for a month, a quarter and a year.
 *
 * add-device prints the device's token and secret once: the hub keeps only a
 * hash of the token, so a lost token means registering the device again.
 */
import { parseArgs } from 'node:util';
import { createLogger } from '../node/logger';
import { DEFAULT_MIN_RANKED_SAMPLE } from '../domain/scoring';
import { startHub } from './index';
import { DEFAULT_REPORT_MAX_AGE_SECONDS } from './reportCache';
import { runSimulation } from './simulateRun';
import { registerDevice } from './devices';
import { describeDb, openStore } from './store/openStore';

const DEFAULT_PORT = 8787;
const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

function options(argv: string[], extra: Record<string, { type: 'string' | 'boolean' }> = {}) {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, json: { type: 'boolean' }, ...extra },
    strict: true,
  });
  if (typeof values.db !== 'string')
    throw new Error('--db sqlite:FILE or --db postgres://user:pass@host/db is required');
  return values as Record<string, string | boolean | undefined> & { db: string };
}

async function serveCommand(argv: string[]): Promise<void> {
  const values = options(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    'min-sample': { type: 'string' },
    'report-max-age': { type: 'string' },
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port: a number from 0 to 65535');
  const minSample = values['min-sample'] === undefined ? DEFAULT_MIN_RANKED_SAMPLE : Number(values['min-sample']);
  if (!Number.isInteger(minSample) || minSample < 1)
    throw new Error('--min-sample: a whole number of counted responses, at least 1');
  const maxAge =
    values['report-max-age'] === undefined ? DEFAULT_REPORT_MAX_AGE_SECONDS : Number(values['report-max-age']);
  if (!Number.isInteger(maxAge) || maxAge < 0 || maxAge > 3_600)
    throw new Error('--report-max-age: a whole number of seconds from 0 (always the latest data) to 3600');
  const logger = createLogger('hub');
  const hub = await startHub({
    db: values.db,
    port,
    host: typeof values.host === 'string' ? values.host : '127.0.0.1',
    logger,
    minSample,
    reportMaxAgeMs: maxAge * 1000,
    warmUp: true,
  });
  logger.info('hub listening', {
    url: hub.url,
    db: describeDb(values.db),
    store: hub.store.kind,
    minSample,
    reportMaxAgeSeconds: maxAge,
  });
  out(`SIPAS hub: ${hub.url}/ (batches: ${hub.batchesUrl})`);
  const stop = () => {
    hub.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function addDeviceCommand(argv: string[]): Promise<void> {
  const values = options(argv, {
    device: { type: 'string' },
    'unit-code': { type: 'string' },
    'unit-name': { type: 'string' },
  });
  const store = await openStore(values.db);
  try {
    const input = {
      deviceId: String(values.device ?? ''),
      unitCode: String(values['unit-code'] ?? ''),
      unitName: String(values['unit-name'] ?? ''),
    };
    const credentials = await registerDevice(store, input, Date.now);
    if (values.json) return out(JSON.stringify({ ...credentials, unitCode: input.unitCode, unitName: input.unitName }));
    out(`Đã đăng ký thiết bị ${credentials.deviceId} cho ${input.unitName} (${input.unitCode}).`);
    out(`token:  ${credentials.token}`);
    out(`secret: ${credentials.secret}`);
    out('Nhập hai giá trị này vào phần đồng bộ của máy kiosk. Chúng chỉ hiện MỘT lần (hub chỉ giữ mã băm của token).');
  } finally {
    await store.close();
  }
}

async function listDevicesCommand(argv: string[]): Promise<void> {
  const values = options(argv);
  const store = await openStore(values.db);
  try {
    const devices = await store.deviceStatuses();
    if (values.json) return out(JSON.stringify(devices));
    if (devices.length === 0) return out('Chưa có thiết bị nào.');
    for (const d of devices) {
      out(
        `${d.deviceId}\t${d.unitCode}\t${d.unitName}\tđăng ký ${d.createdAt}\tngày gần nhất ${d.lastDate ?? '–'}\t${d.batches} lô`,
      );
    }
  } finally {
    await store.close();
  }
}

async function simulateCommand(argv: string[]): Promise<void> {
  const values = options(argv, {
    units: { type: 'string' },
    'devices-per-unit': { type: 'string' },
    days: { type: 'string' },
    concurrency: { type: 'string' },
    url: { type: 'string' },
    samples: { type: 'string' },
    'max-seconds': { type: 'string' },
  });
  const whole = (name: string, fallback?: number, max = 1_000_000) => {
    const raw = values[name];
    const n = raw === undefined ? fallback : Number(raw);
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > max)
      throw new Error(`--${name}: a whole number from 1 to ${max}`);
    return n;
  };
  const url = typeof values.url === 'string' ? values.url : undefined;
  if (url !== undefined && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/.test(url))
    throw new Error('--url: a loopback hub, http://127.0.0.1:PORT');
  const figures = await runSimulation({
    db: values.db,
    units: whole('units', undefined, 20_000),
    devicesPerUnit: whole('devices-per-unit', 2, 20),
    days: whole('days', undefined, 1_100),
    concurrency: whole('concurrency', 16, 512),
    samples: whole('samples', 20, 1_000),
    maxSeconds: values['max-seconds'] === undefined ? undefined : whole('max-seconds', undefined, 86_400),
    url,
    log: values.json ? undefined : out,
  });
  if (values.json) out(JSON.stringify(figures));
}

const commands: Record<string, (argv: string[]) => Promise<void>> = {
  simulate: simulateCommand,
  serve: serveCommand,
  'add-device': addDeviceCommand,
  'list-devices': listDevicesCommand,
};

const argv = process.argv.slice(2);
const named = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : 'serve';
const command = commands[named];
if (!command) {
  process.stderr.write(
    `usage: npm run hub -- [${Object.keys(commands).join('|')}] --db sqlite:FILE|postgres://… [options]\n`,
  );
  process.exit(2);
}
command(named === argv[0] ? argv.slice(1) : argv).catch((error: unknown) => {
  process.stderr.write(`hub ${named}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
