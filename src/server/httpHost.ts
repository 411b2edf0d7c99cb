import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Dispatch } from '../contract/dispatch';
import type { Logger } from '../services/ports';
import { createHttpApp } from './httpApp';
import { allowedHostsFor } from './requestGuard';

export interface HttpHostOptions {
  dispatch: Dispatch;
  port: number;
  /** Listen on every interface so LAN PCs and tablets can reach it; loopback only otherwise. */
  lan?: boolean;
  staticDir?: string;
  logger: Logger;
  /** Which peers are this machine; loopback by default (see createHttpApp). */
  isLocal?: (address: string | undefined) => boolean;
}

export interface HttpHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .map((entry) => entry.address)
    .concat(os.hostname());
}

export function startHttpHost({
  dispatch,
  port,
  lan = false,
  staticDir,
  logger,
  isLocal,
}: HttpHostOptions): Promise<HttpHost> {
  let allowed: ReadonlySet<string> = new Set();
  const app = createHttpApp({
    dispatch,
    staticDir,
    allowedHosts: () => allowed,
    logger,
    ...(isLocal ? { isLocal } : {}),
  });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: lan ? '0.0.0.0' : '127.0.0.1' }, (info: AddressInfo) => {
      allowed = allowedHostsFor(info.port, lan ? lanAddresses() : []);
      resolve({
        url: `http://127.0.0.1:${info.port}/`,
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
