import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { composeApp, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { startHttpHost, type HttpHost } from '../../src/server/httpHost';

export interface RunningHost {
  app: App;
  host: HttpHost;
  post(operation: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  signIn(officer: string, pin: string): Promise<string>;
  /** Everything the kiosk stored, to show a refused request changed nothing. */
  snapshot(): string;
  stop(): Promise<void>;
}

/** composeApp + the HTTP host on a free loopback port, over a temp data folder. */
export async function startHost(dataDir: string, staticDir?: string): Promise<RunningHost> {
  const app = await composeApp({ dataDir, logger: silentLogger, demo: true });
  const host = await startHttpHost({ dispatch: app.dispatch, port: 0, staticDir, logger: silentLogger });
  const post: RunningHost['post'] = async (operation, body, headers = {}) => {
    const response = await fetch(`${host.url}api/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  };
  return {
    app,
    host,
    post,
    async signIn(officer, pin) {
      const { body } = await post('signIn', { officer, pin });
      if (!body.ok) throw new Error(body.error.message);
      return body.value.token as string;
    },
    snapshot() {
      const db = new Database(app.databaseFile, { readonly: true });
      const rows = ['responses', 'answers', 'questionnaires', 'officers'].map((table) =>
        JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()),
      );
      db.close();
      return rows.join('\n');
    },
    async stop() {
      await host.close();
      app.close();
    },
  };
}

export function writeStaticSite(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
  return dir;
}
