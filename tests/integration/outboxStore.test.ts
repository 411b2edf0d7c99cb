import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import m0011 from '../../db/migrations/0011_sync_by_questionnaire';
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
    purpose: null,
    ...overrides,
  };
};

const days = (db: Database.Database) =>
  db
    .prepare(
      'SELECT local_day, questionnaire_id, questionnaire_version, dirty, last_revision FROM sync_days ORDER BY 1, 2, 3',
    )
    .all();
const Q = { id: testQuestionnaire.id, version: testQuestionnaire.version };
const key = (localDay: string) => ({ localDay, questionnaire: Q });
const dayRow = (local_day: string, dirty: number, last_revision: number) => ({
  local_day,
  questionnaire_id: Q.id,
  questionnaire_version: Q.version,
  dirty,
  last_revision,
});
/** The migrations before 0011 (the list may be renumbered: found by content, not position). */
const beforeOutboxByQuestionnaire = () => migrations.slice(0, migrations.indexOf(m0011));

describe('the sync outbox in the kiosk database', () => {
  it('migration 7 queues the days answered before it existed', () => {
    const file = path.join(tempDir(), 'old.sqlite3');
    const old = new Database(file);
    migrate(old, { migrations: migrations.slice(0, 6) });
    old.prepare("INSERT INTO questionnaires VALUES ('q', 1, '{}', 'now')").run();
    const insert =
      old.prepare(`INSERT INTO responses (id, device_id, questionnaire_id, questionnaire_version, started_at, submitted_at, local_day, language, status)
      VALUES (?, 'k', 'q', 1, 's', 's', ?, 'vi', 'completed')`);
    insert.run('r1', '2026-01-01');
    insert.run('r2', '2026-01-01');
    insert.run('r3', '2026-01-03');
    old.close();
    const db = openDatabase(file);
    expect(days(db)).toEqual([
      { local_day: '2026-01-01', questionnaire_id: 'q', questionnaire_version: 1, dirty: 1, last_revision: 0 },
      { local_day: '2026-01-03', questionnaire_id: 'q', questionnaire_version: 1, dirty: 1, last_revision: 0 },
    ]);
    db.close();
  });

  it('migration 0011 keys the outbox by day and questionnaire, keeps sent batches, supersedes unsent old-format ones, and sends every day again', () => {
    const file = path.join(tempDir(), 'v10.sqlite3');
    const old = new Database(file);
    migrate(old, { migrations: beforeOutboxByQuestionnaire() });
    old.prepare("INSERT INTO questionnaires VALUES ('quick', 1, '{}', 'now'), ('full', 2, '{}', 'now')").run();
    const response =
      old.prepare(`INSERT INTO responses (id, device_id, questionnaire_id, questionnaire_version, started_at, submitted_at, local_day, language, status)
      VALUES (?, 'k', ?, ?, 's', 's', ?, 'vi', 'completed')`);
    response.run('r1', 'quick', 1, '2026-01-01');
    response.run('r2', 'full', 2, '2026-01-01'); // the administrator switched forms that day
    response.run('r3', 'quick', 1, '2026-01-02');
    response.run('r4', 'quick', 1, '2026-01-03');
    // Before 0011 a day's batch pooled its forms under the one used most, with totals { responses, excluded }.
    const oldBody = (day: string, revision: number) =>
      JSON.stringify({
        schema: 'sipas.aggregate.v1',
        date: day,
        revision,
        questionnaire: { id: 'quick', version: 1 },
        totals: { responses: 1, excluded: 0 },
        rows: [],
      });
    const batch =
      old.prepare(`INSERT INTO outbox (batch_id, local_day, revision, body, state, attempts, next_attempt_at, last_error, created_at, sent_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'c', ?)`);
    batch.run('sent-1', '2026-01-01', 1, oldBody('2026-01-01', 1), 'sent', 1, null, null, 'at');
    batch.run(
      'pending-2',
      '2026-01-01',
      2,
      oldBody('2026-01-01', 2),
      'pending',
      3,
      '2026-01-05T00:00:00.000Z',
      'HTTP 503',
      null,
    );
    batch.run('parked-1', '2026-01-02', 1, oldBody('2026-01-02', 1), 'failed', 1, null, 'HTTP 422', null);
    old.prepare("UPDATE sync_days SET dirty = 0, last_revision = 2 WHERE local_day = '2026-01-01'").run();
    old.prepare("UPDATE sync_days SET dirty = 0, last_revision = 1 WHERE local_day = '2026-01-02'").run();
    old.close();

    const db = openDatabase(file);
    const outbox = createOutboxStore(db, createSettingsStore(db));
    expect(
      db
        .prepare(
          'SELECT batch_id, local_day, questionnaire_id, questionnaire_version, revision, state, attempts, next_attempt_at, last_error, sent_at FROM outbox ORDER BY batch_id',
        )
        .all(),
    ).toEqual([
      {
        batch_id: 'parked-1',
        local_day: '2026-01-02',
        questionnaire_id: 'quick',
        questionnaire_version: 1,
        revision: 1,
        state: 'superseded',
        attempts: 1,
        next_attempt_at: null,
        last_error: expect.stringContaining('one batch per questionnaire'),
        sent_at: null,
      },
      {
        batch_id: 'pending-2',
        local_day: '2026-01-01',
        questionnaire_id: 'quick',
        questionnaire_version: 1,
        revision: 2,
        state: 'superseded',
        attempts: 3,
        next_attempt_at: null,
        last_error: expect.stringContaining('one batch per questionnaire'),
        sent_at: null,
      },
      {
        batch_id: 'sent-1',
        local_day: '2026-01-01',
        questionnaire_id: 'quick',
        questionnaire_version: 1,
        revision: 1,
        state: 'sent',
        attempts: 1,
        next_attempt_at: null,
        last_error: null,
        sent_at: 'at',
      },
    ]);
    // Every (day, questionnaire) goes again; a revision continues above any the collector may hold for that key.
    expect(days(db)).toEqual([
      { local_day: '2026-01-01', questionnaire_id: 'full', questionnaire_version: 2, dirty: 1, last_revision: 0 },
      { local_day: '2026-01-01', questionnaire_id: 'quick', questionnaire_version: 1, dirty: 1, last_revision: 2 },
      { local_day: '2026-01-02', questionnaire_id: 'quick', questionnaire_version: 1, dirty: 1, last_revision: 1 },
      { local_day: '2026-01-03', questionnaire_id: 'quick', questionnaire_version: 1, dirty: 1, last_revision: 0 },
    ]);
    expect(outbox.nextPending()).toBeNull(); // nothing in the old format is sent
    expect(outbox.parked()).toEqual([]);
    expect(outbox.dirtyKeysBefore('2026-01-03')).toEqual([
      { localDay: '2026-01-01', questionnaire: { id: 'full', version: 2 } },
      { localDay: '2026-01-01', questionnaire: { id: 'quick', version: 1 } },
      { localDay: '2026-01-02', questionnaire: { id: 'quick', version: 1 } },
    ]);
    // The UNIQUE key now includes the questionnaire: revision 1 of the other form is a new batch.
    outbox.addBatch({
      ...key('2026-01-01'),
      questionnaire: { id: 'full', version: 2 },
      batchId: 'new-full-1',
      revision: 1,
      body: '{}',
      createdAt: 'now',
    });
    outbox.addBatch({
      ...key('2026-01-01'),
      questionnaire: { id: 'quick', version: 1 },
      batchId: 'new-quick-3',
      revision: 3,
      body: '{}',
      createdAt: 'now',
    });
    expect(outbox.nextPending()).toMatchObject({ batchId: 'new-full-1', questionnaire: { id: 'full', version: 2 } });
    expect(() =>
      outbox.addBatch({
        ...key('2026-01-01'),
        questionnaire: { id: 'quick', version: 1 },
        batchId: 'again',
        revision: 1,
        body: '{}',
        createdAt: 'now',
      }),
    ).toThrow(/UNIQUE/);
    db.close();
  });

  it('a response marks its day dirty in its own transaction: not on a duplicate, not when it rolls back', () => {
    const { db, survey, outbox } = openFresh();
    const first = record('2026-11-28');
    survey.insertResponse(first);
    outbox.inTransaction(() =>
      outbox.addBatch({ batchId: 'b1', ...key('2026-11-28'), revision: 1, body: '{}', createdAt: 'now' }),
    );
    expect(days(db)).toEqual([dayRow('2026-11-28', 0, 1)]);

    expect(survey.insertResponse(first)).toBe('duplicate');
    expect(() =>
      survey.insertResponse(record('2026-11-28', { answers: [{ item: 'officer.1', points: 3, score: 4 }] })),
    ).toThrow(/CHECK/);
    expect(days(db)).toEqual([dayRow('2026-11-28', 0, 1)]);

    survey.insertResponse(record('2026-11-28'));
    expect(days(db)).toEqual([dayRow('2026-11-28', 1, 1)]);
    expect(outbox.dirtyKeysBefore('2026-11-28')).toEqual([]); // the day is not over yet
    expect(outbox.dirtyKeysBefore('2026-11-29')).toEqual([key('2026-11-28')]);
  });

  it('a response to another questionnaire on the same day marks its own key; one batch per key', () => {
    const { db, survey, outbox } = openFresh();
    const other = { ...testQuestionnaire, version: testQuestionnaire.version + 1 };
    survey.installQuestionnaire(other, '2026-11-30T00:00:00.000Z');
    survey.insertResponse(record('2026-11-28'));
    survey.insertResponse(
      record('2026-11-28', {
        questionnaire: { id: other.id, version: other.version },
        status: 'abandoned',
        answers: [],
      }),
    );
    expect(days(db)).toEqual([
      dayRow('2026-11-28', 1, 0),
      { ...dayRow('2026-11-28', 1, 0), questionnaire_version: other.version },
    ]);
    expect(outbox.dayFacts(key('2026-11-28'))).toEqual({
      responses: [{ kind: 'counted', n: 1 }],
      answers: [{ item: 'access', counter: 'Q1', field: '', value5: 4, n: 1 }],
    });
    expect(
      outbox.dayFacts({ localDay: '2026-11-28', questionnaire: { id: other.id, version: other.version } }),
    ).toEqual({ responses: [{ kind: 'abandoned', n: 1 }], answers: [] });
  });

  it('the database refuses a revision built twice, and a newer revision supersedes the unsent older one', () => {
    const { db, outbox } = openFresh();
    outbox.addBatch({ batchId: 'b1', ...key('2026-11-28'), revision: 1, body: '{}', createdAt: 'now' });
    expect(() =>
      outbox.addBatch({ batchId: 'b2', ...key('2026-11-28'), revision: 1, body: '{}', createdAt: 'now' }),
    ).toThrow(/UNIQUE/);
    outbox.addBatch({ batchId: 'b3', ...key('2026-11-28'), revision: 2, body: '{}', createdAt: 'now' });
    expect(db.prepare('SELECT batch_id, state FROM outbox ORDER BY revision').all()).toEqual([
      { batch_id: 'b1', state: 'superseded' },
      { batch_id: 'b3', state: 'pending' },
    ]);
    expect(outbox.nextPending()?.batchId).toBe('b3');
  });
});
