import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub';
import { findPostgresBin, startPostgres, type PostgresCluster } from './postgres';

/**
 * The two stores the hub suite runs against. Each test gets a new, empty
 * database: a file in a temp folder, or a new database in a throwaway cluster.
 */
export interface HubTarget {
  name: 'sqlite' | 'postgres';
  /** Why the target cannot run here, or null. */
  skipReason: string | null;
  /** Registers the beforeAll/afterAll the target needs (starting PostgreSQL). */
  setUp(): void;
  newDatabase(): Promise<string>;
  /** Reads (or changes) the hub's tables directly, to check what is (not) stored. */
  query(db: string, sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
}

export const sqliteTarget = (): HubTarget => {
  let dir = '';
  return {
    name: 'sqlite',
    skipReason: null,
    setUp() {
      beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-hub-'));
      });
      afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    },
    async newDatabase() {
      return `sqlite:${fs.mkdtempSync(path.join(dir, 'db-'))}/hub.db`;
    },
    async query(db, sql, params = []) {
      const handle = new Database(db.slice('sqlite:'.length));
      try {
        const statement = handle.prepare(sql);
        return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as Array<
          Record<string, unknown>
        >;
      } finally {
        handle.close();
      }
    },
  };
};

export const postgresTarget = (): HubTarget => {
  let cluster: PostgresCluster | undefined;
  let databases = 0;
  const bin = findPostgresBin();
  return {
    name: 'postgres',
    skipReason: bin
      ? null
      : 'no PostgreSQL binaries under /usr/lib/postgresql/*/bin (CI installs Debian’s postgresql package)',
    setUp() {
      beforeAll(async () => {
        cluster = await startPostgres();
      }, 120_000);
      afterAll(async () => {
        await cluster?.stop();
      }, 60_000);
    },
    async newDatabase() {
      if (!cluster) throw new Error('PostgreSQL is not running');
      databases += 1;
      return cluster.createDatabase(`hub_${process.pid}_${databases}`);
    },
    async query(db, sql, params = []) {
      const client = new pg.Client({ connectionString: db });
      await client.connect();
      try {
        let n = 0;
        return (
          await client.query(
            sql.replace(/\?/g, () => `$${(n += 1)}`),
            params,
          )
        ).rows;
      } finally {
        await client.end();
      }
    },
  };
};

/** Local 10:00 on 1 December 2026: "yesterday" is 2026-11-30 for late-device checks. */
export const HUB_NOW = Date.parse('2026-12-01T03:00:00Z');

export interface HubFixture {
  hub: RunningHub;
  db: string;
}

/** A fresh hub on a fresh database for every test, closed after it. */
export function useHub(target: HubTarget, options: Partial<HubOptions> = {}): () => HubFixture {
  let fixture: HubFixture | undefined;
  beforeEach(async () => {
    const db = await target.newDatabase();
    fixture = { db, hub: await startHub({ db, port: 0, now: () => HUB_NOW, ...options }) };
  }, 30_000);
  afterEach(async () => {
    await fixture?.hub.close();
    fixture = undefined;
  });
  return () => {
    if (!fixture) throw new Error('the hub is started in beforeEach');
    return fixture;
  };
}
