import type Database from 'better-sqlite3';
import { QuestionnaireSchema, type Questionnaire } from '../src/domain/questionnaire';
import type { QuestionnaireRef, ResponseRecord, StoredResponse, SurveyStore } from '../src/services/ports';
import type { SettingsStore } from './settingsStore';

const ACTIVE_KEY = 'activeQuestionnaire';

export function createSurveyStore(db: Database.Database, settings: SettingsStore) {
  const selectQuestionnaire = db.prepare<[string, number], { definition: string }>(
    'SELECT definition FROM questionnaires WHERE id = ? AND version = ?',
  );
  const insertQuestionnaire = db.prepare<[string, number, string, string]>(
    'INSERT INTO questionnaires (id, version, definition, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertResponseRow = db.prepare(
    `INSERT INTO responses (id, device_id, questionnaire_id, questionnaire_version, started_at, submitted_at,
       local_day, language, counter, officer, field, case_code_hash, status, flags)
     VALUES (@id, @deviceId, @questionnaireId, @questionnaireVersion, @startedAt, @submittedAt,
       @localDay, @language, @counter, @officer, @field, @caseCodeHash, @status, @flags)
     ON CONFLICT (id) DO NOTHING`,
  );
  const insertAnswer = db.prepare<[string, string, number, number | null]>(
    'INSERT INTO answers (response_id, item, points, score) VALUES (?, ?, ?, ?)',
  );
  const selectResponse = db.prepare<[string], { id: string; local_day: string; status: StoredResponse['status']; flags: string }>(
    'SELECT id, local_day, status, flags FROM responses WHERE id = ?',
  );

  // Definitions are immutable per (id, version), so parsing each once is safe.
  const parsed = new Map<string, Questionnaire>();

  function questionnaire({ id, version }: QuestionnaireRef): Questionnaire | null {
    const key = `${id}@${version}`;
    const cached = parsed.get(key);
    if (cached) return cached;
    const row = selectQuestionnaire.get(id, version);
    if (!row) return null;
    const definition = QuestionnaireSchema.parse(JSON.parse(row.definition));
    parsed.set(key, definition);
    return definition;
  }

  const insertResponse = db.transaction((record: ResponseRecord): boolean => {
    const { changes } = insertResponseRow.run({
      ...record,
      questionnaireId: record.questionnaire.id,
      questionnaireVersion: record.questionnaire.version,
      flags: JSON.stringify(record.flags),
    });
    if (changes === 0) return false;
    for (const answer of record.answers) insertAnswer.run(record.id, answer.item, answer.points, answer.score);
    return true;
  });

  const store = {
    questionnaire,
    activeQuestionnaire(): Questionnaire | null {
      const ref = settings.get<QuestionnaireRef>(ACTIVE_KEY);
      return ref ? questionnaire(ref) : null;
    },
    insertResponse: (record: ResponseRecord) => insertResponse.immediate(record),
    findResponse(id: string): StoredResponse | null {
      const row = selectResponse.get(id);
      if (!row) return null;
      return { id: row.id, localDay: row.local_day, status: row.status, flags: JSON.parse(row.flags) as string[] };
    },
    /** Stores a questionnaire version unless it is already there; versions are never changed in place. */
    installQuestionnaire(definition: Questionnaire, at: string): void {
      if (selectQuestionnaire.get(definition.id, definition.version)) return;
      insertQuestionnaire.run(definition.id, definition.version, JSON.stringify(definition), at);
    },
    setActiveQuestionnaire(ref: QuestionnaireRef): void {
      if (!selectQuestionnaire.get(ref.id, ref.version)) throw new Error(`questionnaire ${ref.id} v${ref.version} is not installed`);
      settings.set(ACTIVE_KEY, ref);
    },
  } satisfies SurveyStore & Record<string, unknown>;
  return store;
}
