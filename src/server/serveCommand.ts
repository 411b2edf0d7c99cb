/**
 * The HTTP host as a command: [--data DIR] [--port N] [--lan] [--no-demo] [--as-lan-peer].
 * --as-lan-peer treats every caller, loopback included, as another machine on the LAN: it
 * only takes rights away, and shows (and lets tests check) what a LAN browser may do.
 * Prints the URL it serves once the database is open and the port is bound.
 */
import { parseArgs } from 'node:util';
import { composeApp, type App } from '../app/composeApp';
import { resolveDataFolder } from '../node/dataFolder';
import { createLogger } from '../node/logger';
import { ensureRendererBuilt } from './rendererBuild';
import { startHttpHost } from './httpHost';
import { createLanHost } from './lanHost';

export const DEFAULT_PORT = 4280;

export async function runHttpHost(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      lan: { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
      'as-lan-peer': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: ${values.port} is not a port number`);

  const logger = createLogger('http');
  const staticDir = await ensureRendererBuilt();
  // The LAN host follows the admin setting (Quản trị → Mạng nội bộ); the app applies it once
  // composed. A call that arrives meanwhile waits for the app.
  let ready: (app: App) => void = () => {};
  const composed = new Promise<App>((resolve) => (ready = resolve));
  const lanHost = createLanHost({
    dispatch: async (name, input, caller) => (await composed).dispatch(name, input, caller),
    logger,
    staticDir,
  });
  const app = await composeApp({ dataDir: resolveDataFolder(values.data), demo: !values['no-demo'], lan: lanHost });
  ready(app);
  // --lan: this host itself listens on every interface, as before; the same gate applies to its LAN callers.
  const host = await startHttpHost({
    dispatch: app.dispatch,
    port,
    lan: values.lan,
    staticDir,
    logger,
    ...(values['as-lan-peer'] ? { isLocal: () => false } : {}),
  });

  process.stdout.write(
    `SIPAS Kiosk is serving ${host.url}\n` +
      `  kiosk: ${host.url}#/kiosk   staff: ${host.url}#/staff   admin: ${host.url}#/admin\n` +
      `  data:  ${app.dataDir}\n` +
      (values.lan
        ? '  LAN access is ON: other PCs on this network can open it; ratings only from paired counter devices.\n'
        : ''),
  );

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await Promise.all([host.close(), lanHost.close()]);
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}
