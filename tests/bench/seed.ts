import Database from 'better-sqlite3';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import { addDays } from '../../src/domain/localDay';
import { shippedQuestionnaires } from '../../src/app/firstRun';

/** A deterministic pseudo-random source, so every run seeds the same data. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SEED_LAST_DAY = '2026-11-30';

/**
 * Writes `count` responses of the quick questionnaire, spread evenly over the
 * days ending on SEED_LAST_DAY (1,000,000 ≈ 15 years of a busy desk), straight
 * into the raw tables at schema version 4, then lets migrations 5 and 10 build
 * the report counts from them: the same path an upgraded kiosk takes.
 */
export function seedResponses(file: string, count: number, perDay = 183): { days: number } {
  const db = new Database(file);
  // Seeding only (the kiosk itself runs with WAL and FULL): no journal and a large
  // cache, so a million rows and their counts are written to the file about once,
  // not first to a WAL of gigabytes and then again by checkpoints.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -1000000'); // KiB: 1 GB at most, what a million responses and their counts take
  migrate(db, { migrations: migrations.slice(0, 4) });
  const quick = shippedQuestionnaires[0]!;
  db.prepare("INSERT INTO questionnaires VALUES (?, ?, ?, '2011-01-01T00:00:00Z')").run(
    quick.id,
    quick.version,
    JSON.stringify(quick),
  );
  db.prepare("INSERT INTO settings VALUES ('activeQuestionnaire', ?)").run(
    JSON.stringify({ id: quick.id, version: quick.version }),
  );
  const insertResponse =
    db.prepare(`INSERT INTO responses (id, device_id, questionnaire_id, questionnaire_version, started_at, submitted_at,
      local_day, language, counter, officer, field, case_code_hash, status, flags) VALUES (?, 'kiosk-bench', ?, ?, ?, ?, ?, 'vi', ?, ?, ?, NULL, ?, ?)`);
  const random = mulberry32(1130);
  const items = quick.dimensions.map((d) => d.items[0]!.id);
  // A response's answers in one statement (one per count of answers): a sixth of the calls into SQLite.
  const insertAnswers = items.map((_, k) =>
    db.prepare(
      `INSERT INTO answers (response_id, item, points, score) VALUES ${Array.from({ length: k + 1 }, () => '(?, ?, 5, ?)').join(', ')}`,
    ),
  );
  const counters = ['Q1', 'Q2', 'Q3'];
  const officers = ['nv01', 'nv02', 'qtv'];
  const fields = ['ho-tich', 'chung-thuc', 'dat-dai', 'xay-dung', 'lao-dong'];
  const days = Math.ceil(count / perDay);
  const firstDay = addDays(SEED_LAST_DAY, -(days - 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const dayOf = new Map<number, string>();
  const write = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const dayIndex = Math.floor(i / perDay);
      let day = dayOf.get(dayIndex);
      if (day === undefined) dayOf.set(dayIndex, (day = addDays(firstDay, dayIndex)));
      const at = `${day}T03:00:00.000Z`;
      const roll = random();
      const status = roll < 0.08 ? 'abandoned' : 'completed';
      const flags = status === 'completed' && roll > 0.98 ? '["too_fast"]' : '[]';
      const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
      insertResponse.run(
        id,
        quick.id,
        quick.version,
        at,
        at,
        day,
        pick(counters),
        pick(officers),
        pick(fields),
        status,
        flags,
      );
      const answered = status === 'abandoned' ? 1 + Math.floor(random() * 4) : items.length;
      const values: Array<string | number> = [];
      for (let k = 0; k < answered; k += 1) {
        const r = random();
        values.push(id, items[k]!, r < 0.03 ? 1 : r < 0.08 ? 2 : r < 0.2 ? 3 : r < 0.6 ? 4 : 5);
      }
      insertAnswers[answered - 1]!.run(values);
    }
  });
  for (let from = 0; from < count; from += 50_000) write(from, Math.min(count, from + 50_000));
  migrate(db); // builds the kept counts (answer_counts, response_counts and their rollups) from the raw rows
  db.pragma('journal_mode = WAL'); // as the app leaves its database
  db.close();
  return { days };
}
