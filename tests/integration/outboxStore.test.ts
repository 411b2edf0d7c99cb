import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import { openDatabase } from '../../db/openDatabase';
import { createOutboxStore } from '../../db/outboxStore';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import type { ResponseRecord } from '../../src/services/ports';
import { testQuestionnaire } from '../support/fakes';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();

function openFresh() {
  const db = openDatabase(path.join(tempDir(), 'kiosk.sqlite3'));
  const settings = createSettingsStore(db);
  const survey = createSurveyStore(db, settings);
  survey.installQuestionnaire(testQuestionnaire, '2026-11-30T00:00:00.000Z');
  return { db, survey, outbox: createOutboxStore(db, settings) };
}

let n = 0;
const record = (localDay: string, overrides: Partial<ResponseRecord> = {}): ResponseRecord => {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    deviceId: 'kiosk-t',
    questionnaire: { id: testQuestionnaire.id, version: testQuestionnaire.version },
    startedAt: `${localDay}T02:00:00.000Z`,
    submittedAt: `${localDay}T02:00:30.000Z`,
    localDay,
    language: 'vi',
    counter: 'Q1',
    officer: null,
    field: null,
    caseCodeHash: null,
    status: 'completed',
    flags: [],
    answers: [{ item: 'access', points: 5, score: 4 }],
    reasons: [],
    comment: null,
    contact: null,
    followUp: false,
    ...overrides,
  };
};

const days = (db: Database.Database) => db.prepare('SELECT local_day, dirty, last_revision FROM sync_days ORDER BY 1').all();

describe('the sync outbox in the kiosk database', () => {
  it('migration 7 queues the days answered before it existed', () => {
    const file = path.join(tempDir(), 'old.sqlite3');
    const old = new Database(file);
    migrate(old, { migrations: migrations.slice(0, 6) });
    old.prepare("INSERT INTO questionnaires VALUES ('q', 1, '{}', 'now')").run();
    const insert = old.prepare(`INSERT INTO responses (id, device_id, questionnaire_id, questionnaire_version, started_at, submitted_at, local_day, language, status)
      VALUES (?, 'k', 'q', 1, 's', 's', ?, 'vi', 'completed')`);
    insert.run('r1', '2026-01-01');
    insert.run('r2', '2026-01-01');
    insert.run('r3', '2026-01-03');
    old.close();
    const db = openDatabase(file);
    expect(days(db)).toEqual([
      { local_day: '2026-01-01', dirty: 1, last_revision: 0 },
      { local_day: '2026-01-03', dirty: 1, last_revision: 0 },
    ]);
    db.close();
  });

  it('a response marks its day dirty in its own transaction: not on a duplicate, not when it rolls back', () => {
    const { db, survey, outbox } = openFresh();
    const first = record('2026-11-28');
    survey.insertResponse(first);
    outbox.inTransaction(() => outbox.addBatch({ batchId: 'b1', localDay: '2026-11-28', revision: 1, body: '{}', createdAt: 'now' }));
    expect(days(db)).toEqual([{ local_day: '2026-11-28', dirty: 0, last_revision: 1 }]);

    expect(survey.insertResponse(first)).toBe('duplicate');
    expect(() => survey.insertResponse(record('2026-11-28', { answers: [{ item: 'officer.1', points: 3, score: 4 }] }))).toThrow(/CHECK/);
    expect(days(db)).toEqual([{ local_day: '2026-11-28', dirty: 0, last_revision: 1 }]);

    survey.insertResponse(record('2026-11-28'));
    expect(days(db)).toEqual([{ local_day: '2026-11-28', dirty: 1, last_revision: 1 }]);
    expect(outbox.dirtyDaysBefore('2026-11-28')).toEqual([]); // the day is not over yet
    expect(outbox.dirtyDaysBefore('2026-11-29')).toEqual(['2026-11-28']);
  });

  it('the database refuses a revision built twice, and a newer revision supersedes the unsent older one', () => {
    const { db, outbox } = openFresh();
    outbox.addBatch({ batchId: 'b1', localDay: '2026-11-28', revision: 1, body: '{}', createdAt: 'now' });
    expect(() => outbox.addBatch({ batchId: 'b2', localDay: '2026-11-28', revision: 1, body: '{}', createdAt: 'now' })).toThrow(/UNIQUE/);
    outbox.addBatch({ batchId: 'b3', localDay: '2026-11-28', revision: 2, body: '{}', createdAt: 'now' });
    expect(db.prepare('SELECT batch_id, state FROM outbox ORDER BY revision').all()).toEqual([
      { batch_id: 'b1', state: 'superseded' },
      { batch_id: 'b3', state: 'pending' },
    ]);
    expect(outbox.nextPending()?.batchId).toBe('b3');
  });
});
