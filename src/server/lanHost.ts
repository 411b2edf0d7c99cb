import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Dispatch } from '../contract/dispatch';
import type { Logger } from '../services/ports';
import type { LanHostSettings } from '../services/lan';
import { createHttpApp } from './httpApp';
import { hostNames, lanAddresses } from '../node/lanAddresses';
import { allowedHostsFor } from './requestGuard';

export interface LanHostOptions {
  dispatch: Dispatch;
  logger: Logger;
  /** The built renderer, served to LAN browsers as on the loopback host. */
  staticDir?: string;
  /** Whether a socket peer is this machine (default: a loopback address). */
  isLocal?: (address: string | undefined) => boolean;
}

export interface LanHost {
  /** Opens, moves or closes the LAN port to match the setting; rejects when the port cannot be opened (nothing listens then). */
  apply(settings: LanHostSettings): Promise<{ url: string | null }>;
  close(): Promise<void>;
}

interface Listening {
  server: ServerType;
  url: string;
}

/** Stops listening at once and drops open keep-alive connections, so "off" really is off. */
function shut(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

/**
 * The app served on every interface (0.0.0.0) for the office LAN, following the
 * administrator's setting: the same operation table as the loopback host, with
 * calls from other machines gated by the dispatcher (src/contract/access.ts).
 * Both the Electron shell and `npm run serve` run one.
 */
export function createLanHost({ dispatch, logger, staticDir, isLocal }: LanHostOptions): LanHost {
  let allowed: ReadonlySet<string> = new Set();
  let scheme: 'http' | 'https' = 'http';
  const app = createHttpApp({
    dispatch,
    staticDir,
    allowedHosts: () => allowed,
    scheme: () => scheme,
    logger,
    isLocal,
  });
  let current: Listening | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function stop() {
    const listening = current;
    current = null;
    if (listening) {
      await shut(listening.server);
      logger.info('LAN access closed', { url: listening.url });
    }
  }

  function listen(settings: LanHostSettings): Promise<Listening> {
    const tls = settings.tls
      ? { cert: fs.readFileSync(settings.tls.certFile), key: fs.readFileSync(settings.tls.keyFile) }
      : null;
    const nextScheme = tls ? 'https' : 'http';
    return new Promise((resolve, reject) => {
      const server = serve(
        {
          fetch: app.fetch,
          port: settings.port,
          hostname: '0.0.0.0',
          ...(tls ? { createServer: https.createServer, serverOptions: tls } : {}),
        },
        (info: AddressInfo) => {
          server.off('error', reject);
          scheme = nextScheme;
          allowed = allowedHostsFor(info.port, hostNames());
          const address = lanAddresses()[0] ?? '127.0.0.1';
          const name = address.includes(':') ? `[${address}]` : address;
          resolve({ server, url: `${nextScheme}://${name}:${info.port}/` });
        },
      );
      server.once('error', (error: NodeJS.ErrnoException) => {
        reject(
          new Error(
            error.code === 'EADDRINUSE'
              ? `port ${settings.port} is already in use`
              : `port ${settings.port}: ${error.message}`,
          ),
        );
      });
    });
  }

  // One change at a time: the port is closed before it is opened again, never raced.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    apply: (settings) =>
      serial(async () => {
        // Restarted on every apply: a new certificate under the same file names must be read again.
        await stop();
        if (!settings.enabled) return { url: null };
        current = await listen(settings);
        logger.info('LAN access open', { url: current.url });
        return { url: current.url };
      }),
    close: () => serial(stop),
  };
}
