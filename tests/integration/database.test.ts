import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate } from '../../db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../db/migrations/index';
import { DatabaseCorruptError, openDatabase } from '../../db/openDatabase';
import { createReportStore } from '../../db/reportStore';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import type { ResponseRecord } from '../../src/services/ports';
import { testQuestionnaire } from '../support/fakes';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();

function openFresh() {
  const file = path.join(tempDir(), 'kiosk.sqlite3');
  const db = openDatabase(file);
  const settings = createSettingsStore(db);
  const survey = createSurveyStore(db, settings);
  survey.installQuestionnaire(testQuestionnaire, '2026-11-30T00:00:00.000Z');
  survey.setActiveQuestionnaire(testQuestionnaire);
  return { file, db, survey, reports: createReportStore(db) };
}

let n = 0;
function record(overrides: Partial<ResponseRecord> = {}): ResponseRecord {
  // Built field by field so a new column in ResponseRecord fails to compile here.
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    deviceId: 'kiosk-t',
    questionnaire: { id: testQuestionnaire.id, version: testQuestionnaire.version },
    startedAt: '2026-11-30T02:00:00.000Z',
    submittedAt: '2026-11-30T02:00:20.000Z',
    localDay: '2026-11-30',
    language: 'vi',
    counter: null,
    officer: null,
    field: null,
    caseCodeHash: null,
    status: 'completed',
    flags: [],
    purpose: null,
    answers: [
      { item: 'access', points: 5, score: 4 },
      { item: 'officer.1', points: 3, score: 1 },
      { item: 'feedback', points: 5, score: null },
    ],
    reasons: [],
    comment: null,
    contact: null,
    followUp: false,
    ...overrides,
  };
}

describe('migrations', () => {
  it('run from zero to the latest version, tracked in user_version', () => {
    const { db } = openFresh();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{
      name: string;
      sql: string;
    }>;
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'answers',
        'questionnaires',
        'responses',
        'response_reasons',
        'response_personal',
        'settings',
        'officers',
        'sign_ins',
        'counters',
        'fields',
      ]),
    );
    for (const table of tables) expect(table.sql).toMatch(/\)\s*STRICT/);
    db.close();
  });

  it('each migration applies on top of the one before', () => {
    const db = new Database(':memory:');
    for (let version = 1; version <= migrations.length; version += 1) {
      expect(migrate(db, { migrations: migrations.slice(0, version) })).toBe(version);
    }
    db.close();
  });

  it('sets the pragmas a kiosk that loses power needs', () => {
    const { db } = openFresh();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a database newer than the app and leaves it untouched', () => {
    const { file, db } = openFresh();
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('backs an existing database up before migrating it, and a failed migration changes nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'kiosk.sqlite3');
    const db = new Database(file);
    migrate(db, { migrations: migrations.slice(0, 1) });
    db.close();
    const backups: string[] = [];
    openDatabase(file, {
      backupBeforeMigrating: (from) => {
        const to = path.join(dir, `backup-v${from}.sqlite3`);
        backups.push(to);
        return to;
      },
    }).close();
    expect(backups).toEqual([path.join(dir, 'backup-v1.sqlite3')]);
    const copy = new Database(backups[0]!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();

    const broken = new Database(':memory:');
    expect(() =>
      migrate(broken, {
        migrations: [migrations[0]!, 'CREATE TABLE x (a INTEGER) STRICT; SELECT nonsense FROM nowhere;'],
      }),
    ).toThrow();
    expect(broken.pragma('user_version', { simple: true })).toBe(0);
    expect(broken.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'responses'").get()).toEqual({ n: 0 });
  });

  it('counts responses stored before the report counts existed (migration 5 backfills them)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite3');
    const old = new Database(file);
    migrate(old, { migrations: migrations.slice(0, 4) });
    old.prepare("INSERT INTO questionnaires VALUES ('q', 1, '{}', 'now')").run();
    const insert =
      old.prepare(`INSERT INTO responses (id, device_id, questionnaire_id, questionnaire_version, started_at, submitted_at, local_day, language, counter, status, flags)
      VALUES (?, 'k', 'q', 1, 's', 's', ?, 'vi', ?, ?, ?)`);
    const answer = old.prepare('INSERT INTO answers (response_id, item, points, score) VALUES (?, ?, ?, ?)');
    insert.run('r1', '2026-01-01', 'Q1', 'completed', '[]');
    answer.run('r1', 'access', 5, 1);
    answer.run('r1', 'officer', 3, 3);
    insert.run('r2', '2026-01-01', null, 'completed', '["too_fast"]');
    answer.run('r2', 'access', 5, 5);
    insert.run('r3', '2026-01-02', null, 'abandoned', '[]');
    old.close();

    const db = openDatabase(file);
    expect(db.prepare('SELECT local_day, kind, counter, n FROM response_counts ORDER BY 1, 2').all()).toEqual([
      { local_day: '2026-01-01', kind: 'counted', counter: 'Q1', n: 1 },
      { local_day: '2026-01-01', kind: 'suspect', counter: '', n: 1 },
      { local_day: '2026-01-02', kind: 'abandoned', counter: '', n: 1 },
    ]);
    expect(db.prepare('SELECT kind, item, value5, n FROM answer_counts ORDER BY 1, 2').all()).toEqual([
      { kind: 'counted', item: 'access', value5: 1, n: 1 },
      { kind: 'counted', item: 'officer', value5: 5, n: 1 },
      { kind: 'suspect', item: 'access', value5: 5, n: 1 },
    ]);
    expect(db.prepare('SELECT response_id, status FROM feedback').all()).toEqual([
      { response_id: 'r1', status: 'new' },
    ]);
    db.close();
  });

  it('detects a damaged file at open', () => {
    const { file, db, survey } = openFresh();
    for (let i = 0; i < 300; i += 1) survey.insertResponse(record());
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096 * 2, 4096 * 6); // scribble over pages 3–6
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrow(DatabaseCorruptError);
  });
});

describe('the survey store', () => {
  it('writes a response and its answers together, once per id', () => {
    const { db, survey } = openFresh();
    const first = record();
    expect(survey.insertResponse(first)).toBe('inserted');
    expect(survey.insertResponse(first)).toBe('duplicate');
    expect(db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 3 });
    expect(db.prepare("SELECT score, value5 FROM answers WHERE item = 'officer.1'").get()).toEqual({
      score: 1,
      value5: 2,
    });
    expect(survey.findResponse(first.id)).toEqual({
      id: first.id,
      questionnaire: first.questionnaire,
      submittedAt: first.submittedAt,
      localDay: '2026-11-30',
      status: 'completed',
      flags: [],
      purpose: null,
      // Read back in the table's key order; the service puts them in the questionnaire's.
      answers: [...first.answers].sort((a, b) => a.item.localeCompare(b.item)),
      reasons: [],
      comment: null,
      contact: null,
    });
  });

  it('rolls the whole response back when one answer is refused', () => {
    const { db, survey } = openFresh();
    const bad = record({
      answers: [
        { item: 'access', points: 5, score: 4 },
        { item: 'officer.1', points: 3, score: 4 },
      ],
    });
    expect(() => survey.insertResponse(bad)).toThrow(/CHECK constraint/);
    expect(db.prepare('SELECT (SELECT count(*) FROM responses) + (SELECT count(*) FROM answers) AS n').get()).toEqual({
      n: 0,
    });
  });

  it('one completed rating per case code, enforced by a unique index; abandoned tries do not count', () => {
    const { db, survey } = openFresh();
    expect(survey.insertResponse(record({ caseCodeHash: 'h1', status: 'abandoned', answers: [] }))).toBe('inserted');
    expect(survey.insertResponse(record({ caseCodeHash: 'h1' }))).toBe('inserted');
    expect(survey.isCaseRated('h1')).toBe(true);
    expect(survey.insertResponse(record({ caseCodeHash: 'h1' }))).toBe('case_already_rated');
    expect(db.prepare("SELECT count(*) AS n FROM responses WHERE case_code_hash = 'h1'").get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 3 });
  });

  it('stores reasons and personal texts beside the response, a phone only with its consent', () => {
    const { db, survey } = openFresh();
    const r = record({
      reasons: [{ dimension: 'officer', reason: 'impolite' }],
      comment: 'Cán bộ hướng dẫn tận tình',
      contact: { phone: '0905123456', consentVersion: 'c1', consentAt: '2026-11-30T02:00:20.000Z' },
    });
    survey.insertResponse(r);
    expect(db.prepare('SELECT dimension, reason FROM response_reasons').all()).toEqual([
      { dimension: 'officer', reason: 'impolite' },
    ]);
    expect(db.prepare('SELECT comment, phone, consent_version, consent_at FROM response_personal').get()).toEqual({
      comment: 'Cán bộ hướng dẫn tận tình',
      phone: '0905123456',
      consent_version: 'c1',
      consent_at: '2026-11-30T02:00:20.000Z',
    });
    expect(() => db.prepare("INSERT INTO response_personal (response_id, phone) VALUES (?, '0905')").run(r.id)).toThrow(
      /constraint/i,
    );
  });

  it('gives the misuse filter the latest completed response in insertion order', () => {
    const { survey } = openFresh();
    expect(survey.previousCompleted()).toBeNull();
    survey.insertResponse(record({ submittedAt: '2026-11-30T02:00:00.000Z' }));
    survey.insertResponse(
      record({ submittedAt: '2026-11-30T01:00:00.000Z', answers: [{ item: 'access', points: 5, score: 1 }] }),
    );
    survey.insertResponse(record({ status: 'abandoned', answers: [] }));
    expect(survey.previousCompleted()).toEqual({
      submittedAt: '2026-11-30T01:00:00.000Z',
      answers: [{ item: 'access', score: 1 }],
    });
  });

  it('kiosk settings load with defaults and refuse bad values', () => {
    const { survey } = openFresh();
    expect(survey.kioskSettings().timings).toMatchObject({ inactivitySeconds: 20, warningSeconds: 10 });
    expect(survey.kioskSettings()).toMatchObject({ armedMinutes: 5, callbackWorkingDays: 2 });
    survey.saveKioskSettings({ ...survey.kioskSettings(), hotline: '1900 1234' });
    expect(survey.kioskSettings().hotline).toBe('1900 1234');
    expect(() => survey.saveKioskSettings({ ...survey.kioskSettings(), lowScoreThreshold: 9 })).toThrow();
    expect(survey.kioskSettings().lowScoreThreshold).toBe(2);
  });

  it('a questionnaire version is never changed in place', () => {
    const { survey } = openFresh();
    const edited = { ...testQuestionnaire, title: { vi: 'Đổi tên', en: 'Renamed' } };
    survey.installQuestionnaire(edited, '2026-12-01T00:00:00.000Z');
    expect(survey.questionnaire(testQuestionnaire)?.title.vi).toBe('Phiếu thử');
  });
});

describe('report queries', () => {
  it('count by SQL what an independent computation over the records gives', () => {
    const { reports, survey } = openFresh();
    const records = [
      record(),
      record({
        answers: [
          { item: 'access', points: 5, score: 2 },
          { item: 'officer.1', points: 3, score: 3 },
        ],
      }),
      record({ status: 'abandoned', answers: [{ item: 'access', points: 5, score: 1 }] }),
      record({ flags: ['too_fast'], answers: [{ item: 'access', points: 5, score: 5 }] }),
      record({ localDay: '2026-11-29', answers: [{ item: 'access', points: 5, score: 5 }] }),
    ];
    for (const r of records) survey.insertResponse(r);
    const day = { from: '2026-11-30', to: '2026-11-30' };
    const ref = { id: records[0]!.questionnaire.id, version: records[0]!.questionnaire.version };
    expect(reports.countResponses(day)).toEqual([
      { questionnaire: ref, responses: 4, counted: 2, suspect: 1, abandoned: 1 },
    ]);

    const expected = new Map<string, number>();
    const toFive = (points: number, score: number) => (points === 5 ? score : [2, 4, 5][score - 1]!);
    for (const r of records.filter(
      (x) => x.localDay === '2026-11-30' && x.status === 'completed' && x.flags.length === 0,
    )) {
      for (const a of r.answers)
        if (a.score !== null) {
          const key = `${a.item}:${toFive(a.points, a.score)}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
    }
    expect(
      reports.countAnswers(day).every((c) => c.questionnaire.id === ref.id && c.questionnaire.version === ref.version),
    ).toBe(true);
    const actual = new Map(reports.countAnswers(day).map((c) => [`${c.item}:${c.value}`, c.count]));
    expect(actual).toEqual(expected);
    expect(reports.countResponses({ from: '2026-11-01', to: '2026-11-30' })[0]?.counted).toBe(3);
  });
});
