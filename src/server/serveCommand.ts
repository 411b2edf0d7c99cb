/**
 * The HTTP host as a command: [--data DIR] [--port N] [--lan] [--no-demo].
 * Prints the URL it serves once the database is open and the port is bound.
 */
import { parseArgs } from 'node:util';
import { composeApp } from '../app/composeApp';
import { resolveDataFolder } from '../app/dataFolder';
import { createLogger } from '../app/logger';
import { ensureRendererBuilt } from './rendererBuild';
import { startHttpHost } from './httpHost';

export const DEFAULT_PORT = 4280;

export async function runHttpHost(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      lan: { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: ${values.port} is not a port number`);

  const logger = createLogger('http');
  const staticDir = await ensureRendererBuilt();
  const app = await composeApp({ dataDir: resolveDataFolder(values.data), demo: !values['no-demo'] });
  const host = await startHttpHost({ dispatch: app.dispatch, port, lan: values.lan, staticDir, logger });

  process.stdout.write(
    `SIPAS Kiosk is serving ${host.url}\n` +
      `  kiosk: ${host.url}#/kiosk   staff: ${host.url}#/staff   admin: ${host.url}#/admin\n` +
      `  data:  ${app.dataDir}\n` +
      (values.lan ? '  LAN access is ON: other PCs on this network can open it.\n' : ''),
  );

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}
