import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportStore } from '../../db/exportStore';
import { openDatabase } from '../../db/openDatabase';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import { shippedQuestionnaires } from '../../src/app/firstRun';
import { addDays } from '../../src/domain/localDay';
import { itemsOf } from '../../src/domain/questionnaire';
import type { BatchRange } from '../../src/services/exportPorts';
import { mulberry32, seedResponses, SEED_LAST_DAY } from '../bench/seed';

/**
 * A batch's summary (db/exportStore.ts summarise) takes the days the batch holds
 * whole from the counts kept per day and groups only the rest from its rows. It
 * must be exactly what grouping the batch's own rows gives, for any batch: a whole
 * period, a since-last batch that starts in the middle of a day, a snapshot older
 * than the newest rows, responses stored late for earlier days (rowid order is not
 * day order), two questionnaire versions, and ratings changed after they were stored.
 */

let dir: string;
let db: Database.Database;

const IN_RANGE = 'r.rowid > @after AND r.rowid <= @to AND r.local_day BETWEEN @fromDay AND @toDay';

/** The batch's rows grouped by SQL: what the export wrote in its summary before. */
function groupedFromRows(range: BatchRange) {
  const p = { after: range.afterRowid, to: range.toRowid, fromDay: range.fromDay, toDay: range.toDay };
  const questionnaires = db
    .prepare(
      `SELECT DISTINCT questionnaire_id AS id, questionnaire_version AS version FROM responses r WHERE ${IN_RANGE} ORDER BY 1, 2`,
    )
    .all(p);
  const responses = db
    .prepare<typeof p, { qid: string; qversion: number }>(
      `SELECT questionnaire_id AS qid, questionnaire_version AS qversion, count(*) AS responses,
              coalesce(sum(status = 'completed' AND flags = '[]'), 0) AS counted,
              coalesce(sum(status = 'completed' AND flags <> '[]'), 0) AS suspect,
              coalesce(sum(status = 'abandoned'), 0) AS abandoned
         FROM responses r WHERE ${IN_RANGE} GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all(p)
    .map(({ qid, qversion, ...counts }) => ({ ...counts, questionnaire: { id: qid, version: qversion } }));
  const answers = db
    .prepare<typeof p, { qid: string; qversion: number }>(
      `SELECT r.questionnaire_id AS qid, r.questionnaire_version AS qversion, a.item, a.value5 AS value, count(*) AS count
         FROM responses r JOIN answers a ON a.response_id = r.id
        WHERE ${IN_RANGE} AND r.counted = 1 AND a.value5 IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
    .all(p)
    .map(({ qid, qversion, ...count }) => ({ ...count, questionnaire: { id: qid, version: qversion } }));
  return { questionnaires, responses, answers };
}

let firstDay: string;
let lastRowid: number;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-export-summary-'));
  const file = path.join(dir, 'summary.sqlite3');
  const { days } = seedResponses(file, 2_000); // 11 days ending on SEED_LAST_DAY, in day order
  firstDay = addDays(SEED_LAST_DAY, -(days - 1));
  db = openDatabase(file);
  const full = shippedQuestionnaires[1]!;
  db.prepare("INSERT INTO questionnaires VALUES (?, ?, ?, '2011-01-01T00:00:00Z')").run(
    full.id,
    full.version,
    JSON.stringify(full),
  );
  const survey = createSurveyStore(db, createSettingsStore(db));
  const random = mulberry32(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  // Responses stored late, for earlier days, of both versions, every kind, some "no opinion".
  for (let i = 0; i < 300; i += 1) {
    const questionnaire = pick(shippedQuestionnaires);
    const day = addDays(firstDay, Math.floor(random() * days));
    const roll = random();
    const status = roll < 0.1 ? 'abandoned' : 'completed';
    survey.insertResponse({
      id: `late-${i}`,
      deviceId: 'kiosk-test',
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      startedAt: `${day}T02:00:00.000Z`,
      submittedAt: `${day}T02:01:00.000Z`,
      localDay: day,
      language: 'vi',
      counter: pick(['Q1', 'Q2', null]),
      officer: pick(['nv01', null]),
      field: pick(['ho-tich', 'dat-dai', null]),
      caseCodeHash: null,
      status,
      flags: status === 'completed' && roll > 0.9 ? ['too_fast'] : [],
      purpose: null,
      answers: itemsOf(questionnaire).map((item) => ({
        item: item.id,
        points: item.scale,
        score: random() < 0.1 ? null : 1 + Math.floor(random() * item.scale),
      })),
      reasons: [],
      comment: null,
      contact: null,
      followUp: false,
    });
  }
  // Seeded responses rated again: flagged, and abandoned ones completed.
  const seeded = db.prepare<[], { id: string }>("SELECT id FROM responses WHERE id NOT LIKE 'late-%'").all();
  const quickItems = itemsOf(shippedQuestionnaires[0]!);
  for (let i = 0; i < 60; i += 1) {
    survey.updateRatings({
      id: pick(seeded).id,
      status: 'completed',
      flags: i % 2 === 0 ? ['too_fast'] : [],
      answers: quickItems.map((item) => ({ item: item.id, points: item.scale, score: 1 })),
      followUp: false,
    });
  }
  lastRowid = db.prepare<[], { n: number }>('SELECT max(rowid) AS n FROM responses').get()!.n;
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("an export batch's summary", () => {
  const batches = (): Array<[string, () => BatchRange]> => [
    ['a whole period', () => ({ fromDay: firstDay, toDay: SEED_LAST_DAY, afterRowid: 0, toRowid: lastRowid })],
    [
      'three days of it',
      () => ({ fromDay: addDays(firstDay, 3), toDay: addDays(firstDay, 5), afterRowid: 0, toRowid: lastRowid }),
    ],
    [
      'since a rowid in the middle of a day',
      () => ({ fromDay: firstDay, toDay: SEED_LAST_DAY, afterRowid: 777, toRowid: lastRowid }),
    ],
    [
      'a snapshot older than the late responses',
      () => ({ fromDay: firstDay, toDay: SEED_LAST_DAY, afterRowid: 0, toRowid: 2_000 }),
    ],
    [
      'a slice of rowids across days',
      () => ({ fromDay: firstDay, toDay: SEED_LAST_DAY, afterRowid: 400, toRowid: 2_150 }),
    ],
    ['only late responses', () => ({ fromDay: firstDay, toDay: SEED_LAST_DAY, afterRowid: 2_000, toRowid: lastRowid })],
    ['nothing', () => ({ fromDay: '2011-01-01', toDay: '2011-01-31', afterRowid: 0, toRowid: lastRowid })],
  ];

  it.each(batches())('of %s is what grouping its rows gives', (_name, range) => {
    const expected = groupedFromRows(range());
    expect(createExportStore(db).summarise(range())).toEqual(expected);
  });

  it('covers what it should: both versions, every kind, kept and grouped days', () => {
    const whole = createExportStore(db).summarise(batches()[0]![1]());
    expect(whole.questionnaires).toHaveLength(2);
    for (const kind of ['counted', 'suspect', 'abandoned'] as const)
      expect(whole.responses.every((r) => r[kind] > 0)).toBe(true);
  });
});
