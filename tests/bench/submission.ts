import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { composeApp } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { summarise, timeEach, type BenchRow } from './stats';

const COUNT = Number(process.env.BENCH_SUBMISSIONS ?? 2000);

/**
 * Submission latency through the whole contract (zod, service, prepared statements,
 * durable commit with synchronous=FULL) next to raw better-sqlite3 inserting the same
 * rows with the same pragmas: the ratio is what our layers cost.
 */
export async function benchSubmission(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-bench-submit-'));
  try {
    const app = await composeApp({ dataDir: path.join(dir, 'app'), logger: silentLogger, demo: false });
    const items = ['access', 'procedure', 'officer', 'result', 'feedback'];
    const input = () => ({
      id: crypto.randomUUID(),
      questionnaire: { id: 'sipas-quick', version: 1 },
      language: 'vi',
      durationMs: 20_000,
      status: 'completed',
      answers: items.map((item, i) => ({ item, score: 1 + ((i * 7) % 5) })),
    });
    const ours = await timeEach(COUNT, async () => {
      const envelope = await app.dispatch('submitResponse', input(), { local: true });
      if (!envelope.ok) throw new Error(envelope.error.message);
    });
    app.close();

    const raw = new Database(path.join(dir, 'raw.sqlite3'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.exec(`CREATE TABLE responses (id TEXT PRIMARY KEY, device_id TEXT, questionnaire_id TEXT, questionnaire_version INTEGER,
      started_at TEXT, submitted_at TEXT, local_day TEXT, language TEXT, status TEXT, flags TEXT) STRICT;
      CREATE INDEX responses_by_day ON responses (local_day, status);
      CREATE TABLE answers (response_id TEXT NOT NULL REFERENCES responses (id), item TEXT, points INTEGER, score INTEGER,
      PRIMARY KEY (response_id, item)) STRICT, WITHOUT ROWID;`);
    const insertResponse = raw.prepare('INSERT INTO responses VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insertAnswer = raw.prepare('INSERT INTO answers VALUES (?, ?, ?, ?)');
    const write = raw.transaction((row: ReturnType<typeof input>) => {
      const now = new Date().toISOString();
      insertResponse.run(row.id, 'kiosk', 'sipas-quick', 1, now, now, now.slice(0, 10), 'vi', 'completed', '[]');
      for (const a of row.answers) insertAnswer.run(row.id, a.item, 5, a.score);
    });
    const baseline = await timeEach(COUNT, () => write.immediate(input()));
    raw.close();

    const a = summarise(ours);
    const b = summarise(baseline);
    return [
      {
        group: 'submission',
        name: `submit p50 (${COUNT} durable commits)`,
        unit: 'ms',
        value: a.p50,
        baselineName: 'raw better-sqlite3 p50',
        baseline: b.p50,
      },
      {
        group: 'submission',
        name: 'submit p99',
        unit: 'ms',
        value: a.p99,
        baselineName: 'raw better-sqlite3 p99',
        baseline: b.p99,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
