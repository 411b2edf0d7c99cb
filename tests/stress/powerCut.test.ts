import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/app/composeApp';
import { startHostProcess, type HostProcess } from '../e2e/support/hostProcess';
import { STRESS_SCALE } from './scale';

const KILLS = 5 * STRESS_SCALE;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-power-cut-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const items = ['access', 'procedure', 'officer', 'result', 'feedback'];

/** Submits in a loop until the host dies; returns the ids it acknowledged. */
async function submitUntilKilled(host: HostProcess, killAfterMs: number, round: number): Promise<string[]> {
  const acknowledged: string[] = [];
  const killer = setTimeout(() => void host.kill('SIGKILL'), killAfterMs);
  try {
    for (let i = 0; ; i += 1) {
      const id = crypto.randomUUID();
      const response = await fetch(`${host.url}api/submitResponse`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id,
          questionnaire: { id: 'sipas-quick', version: 1 },
          language: 'vi',
          durationMs: 30_000,
          status: 'completed',
          answers: items.map((item, k) => ({ item, score: 1 + ((i + k + round) % 5) })),
          comment: `lần ${round}-${i}`,
        }),
      });
      const envelope = (await response.json()) as { ok: boolean };
      if (envelope.ok) acknowledged.push(id);
    }
  } catch {
    // The host is gone: the connection was refused or reset mid-request.
  } finally {
    clearTimeout(killer);
    await host.kill('SIGKILL');
  }
  return acknowledged;
}

describe(`power cut: the host is killed with SIGKILL ${KILLS} times while answers pour in`, () => {
  it('keeps every acknowledged response exactly once, with its counts, and a sound file', async () => {
    const acknowledged: string[] = [];
    for (let round = 0; round < KILLS; round += 1) {
      const host = await startHostProcess(dataDir);
      acknowledged.push(...(await submitUntilKilled(host, 200 + Math.floor(Math.random() * 800), round)));
    }
    expect(acknowledged.length).toBeGreaterThan(KILLS);

    const db = new Database(path.join(dataDir, DATABASE_FILE));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set((db.prepare('SELECT id FROM responses').all() as Array<{ id: string }>).map((r) => r.id));
      const missing = acknowledged.filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      expect(new Set(acknowledged).size).toBe(acknowledged.length);
      // Every response has all its answers, and the kept counts equal the raw rows.
      expect(
        db
          .prepare(
            'SELECT count(*) AS n FROM responses r WHERE (SELECT count(*) FROM answers a WHERE a.response_id = r.id) <> 5',
          )
          .get(),
      ).toEqual({ n: 0 });
      const raw = db
        .prepare(
          'SELECT a.item, a.value5, count(*) AS n FROM responses r JOIN answers a ON a.response_id = r.id WHERE r.counted = 1 GROUP BY 1, 2 ORDER BY 1, 2',
        )
        .all();
      const kept = db
        .prepare(
          "SELECT item, value5, sum(n) AS n FROM day_answer_counts WHERE kind = 'counted' GROUP BY 1, 2 ORDER BY 1, 2",
        )
        .all();
      expect(kept).toEqual(raw);
      // The sync outbox knows every (day, questionnaire) that has answers, in the same transactions as the answers.
      expect(
        db
          .prepare(
            `SELECT count(*) AS n FROM responses r WHERE NOT EXISTS (SELECT 1 FROM sync_days s
        WHERE s.local_day = r.local_day AND s.questionnaire_id = r.questionnaire_id AND s.questionnaire_version = r.questionnaire_version)`,
          )
          .get(),
      ).toEqual({ n: 0 });
      expect(
        db
          .prepare(
            'SELECT count(*) AS n FROM (SELECT 1 FROM outbox GROUP BY local_day, questionnaire_id, questionnaire_version, revision HAVING count(*) > 1)',
          )
          .get(),
      ).toEqual({ n: 0 });
      const comments = db.prepare('SELECT count(*) AS n FROM response_personal').get() as { n: number };
      expect(comments.n).toBe(stored.size);
    } finally {
      db.close();
    }
  });
});
