import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import quick from '../../assets/questionnaires/sipas-quick.json';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import stripWeights from '../../db/migrations/0012_questionnaire_weights';
import { openDatabase } from '../../db/openDatabase';
import { createSettingsStore } from '../../db/settingsStore';
import { createSurveyStore } from '../../db/surveyStore';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();

/** A definition as earlier versions stored it: parsed with the old default, so `"weight": 1` on every dimension. */
const withWeights = (id: string, version: number) => ({
  ...quick,
  id,
  version,
  dimensions: quick.dimensions.map((dimension) => ({ ...dimension, weight: 1 })),
});

describe('migration: questionnaires lose their dimension weights', () => {
  it('strips weight from every stored dimension, changes nothing else, and the stored versions load again', () => {
    const file = path.join(tempDir(), 'old.sqlite3');
    const old = new Database(file);
    migrate(old, { migrations: migrations.slice(0, migrations.indexOf(stripWeights)) });
    const insert = old.prepare('INSERT INTO questionnaires (id, version, definition, created_at) VALUES (?, ?, ?, ?)');
    insert.run('sipas-quick', 1, JSON.stringify(withWeights('sipas-quick', 1)), '2026-01-01T00:00:00.000Z');
    // One without weights (imported by hand), and one with a weight on a single dimension only.
    insert.run('no-weights', 1, JSON.stringify({ ...quick, id: 'no-weights' }), '2026-01-02T00:00:00.000Z');
    const oneWeighted = {
      ...quick,
      id: 'one-weight',
      dimensions: quick.dimensions.map((d, i) => (i === 4 ? { ...d, weight: 2 } : d)),
    };
    insert.run('one-weight', 1, JSON.stringify(oneWeighted), '2026-01-03T00:00:00.000Z');
    const untouched = JSON.stringify({ ...quick, id: 'no-weights' });
    old.close();

    const db = openDatabase(file);
    const rows = db.prepare('SELECT id, definition, created_at FROM questionnaires ORDER BY id').all() as Array<{
      id: string;
      definition: string;
      created_at: string;
    }>;
    expect(rows.map((row) => row.id)).toEqual(['no-weights', 'one-weight', 'sipas-quick']);
    for (const row of rows) {
      const definition = JSON.parse(row.definition) as typeof quick;
      expect(definition.dimensions.some((d) => 'weight' in d)).toBe(false);
      expect(definition).toEqual({ ...quick, id: row.id });
    }
    expect(rows[0]?.definition).toBe(untouched);
    expect(rows[2]?.created_at).toBe('2026-01-01T00:00:00.000Z');

    const survey = createSurveyStore(db, createSettingsStore(db));
    expect(survey.questionnaire({ id: 'sipas-quick', version: 1 })?.dimensions.map((d) => d.id)).toEqual([
      'access',
      'procedure',
      'officer',
      'result',
      'feedback',
    ]);
    expect(survey.questionnaire({ id: 'one-weight', version: 1 })?.dimensions).toHaveLength(5);
    db.close();
  });
});
