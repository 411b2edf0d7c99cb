import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp
 * folder, a server on a free 127.0.0.1 port with its unix socket in that folder,
 * trust authentication, removed on stop(). Nothing touches a system cluster.
 *
 * PostgreSQL refuses to run as root; under root (CI, containers) its programs run
 * as the `postgres` OS user that Debian's package creates, and the folder is
 * handed to that user.
 */
const run = promisify(execFile);

export interface PostgresCluster {
  port: number;
  /** postgres://postgres@127.0.0.1:port/<database> */
  url(database?: string): string;
  /** A new empty database; returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The newest /usr/lib/postgresql/<version>/bin holding initdb (or $SIPAS_PG_BIN), or null if none. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.SIPAS_PG_BIN;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(
      'running as root and there is no `postgres` OS user for PostgreSQL to run as (install the postgresql package)',
    );
  }
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** Keep fsync and synchronous commit (benchmarks); tests turn them off for speed. */
  durable?: boolean;
}

export async function startPostgres({ durable = false }: StartOptions = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql/*/bin');
  const user = postgresUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-pg-'));
  const data = path.join(dir, 'data');
  if (user) fs.chownSync(dir, user.uid, user.gid);
  // cwd: the postgres user may not be allowed into the caller's folder.
  const asPostgres = { cwd: dir, ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } };
  const pgCtl = path.join(bin, 'pg_ctl');
  const stopNow = () =>
    spawnSync(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop'], { ...asPostgres, stdio: 'ignore' });

  try {
    await run(
      path.join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
      asPostgres,
    );
    const settings = ['-c listen_addresses=127.0.0.1', `-k ${dir}`, '-c max_connections=200'];
    if (!durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
    let port = 0;
    // The free port can be taken between the probe and the server's bind: try a few.
    for (let attempt = 1; ; attempt += 1) {
      port = await freePort();
      try {
        await run(
          pgCtl,
          [
            '-D',
            data,
            '-l',
            path.join(dir, 'server.log'),
            '-w',
            '-t',
            '60',
            '-o',
            [`-p ${port}`, ...settings].join(' '),
            'start',
          ],
          asPostgres,
        );
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    // A test run that dies without stop() must not leave a server behind.
    const onExit = () => stopNow();
    process.once('exit', onExit);

    const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
    return {
      port,
      url,
      async createDatabase(name) {
        if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
        const client = new pg.Client({ connectionString: url() });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return url(name);
      },
      async stop() {
        process.removeListener('exit', onExit);
        await run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop'], asPostgres).catch(() => stopNow());
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    stopNow();
    const log = path.join(dir, 'server.log');
    const detail = fs.existsSync(log) ? `\n${fs.readFileSync(log, 'utf8').slice(-2000)}` : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `could not start PostgreSQL from ${bin}: ${error instanceof Error ? error.message : String(error)}${detail}`,
      { cause: error },
    );
  }
}
