import type Database from 'better-sqlite3';
import { SqliteError } from 'better-sqlite3';
import { KioskSettingsSchema, type KioskSettings } from '../src/domain/kioskSettings';
import { QuestionnaireSchema, type Questionnaire } from '../src/domain/questionnaire';
import { responseKind } from '../src/domain/misuse';
import type { InsertOutcome, QuestionnaireRef, ResponseRecord, StoredResponse, SurveyStore } from '../src/services/ports';
import type { SettingsStore } from './settingsStore';

const ACTIVE_KEY = 'activeQuestionnaire';
const KIOSK_KEY = 'kiosk';

const isCaseConflict = (error: unknown): boolean =>
  error instanceof SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('case_code_hash');

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
  const insertReason = db.prepare<[string, string, string]>(
    'INSERT OR IGNORE INTO response_reasons (response_id, dimension, reason) VALUES (?, ?, ?)',
  );
  const insertPersonal = db.prepare<[string, string | null, string | null, string | null, string | null]>(
    'INSERT INTO response_personal (response_id, comment, phone, consent_version, consent_at) VALUES (?, ?, ?, ?, ?)',
  );
  // The report counts move in the same transaction as the rows they count.
  const countResponse = db.prepare(
    `INSERT INTO response_counts (local_day, kind, questionnaire_id, questionnaire_version, counter, officer, field, n)
     VALUES (@localDay, @kind, @questionnaireId, @questionnaireVersion, @counter, @officer, @field, 1)
     ON CONFLICT DO UPDATE SET n = n + 1`,
  );
  const countAnswers = db.prepare(
    `INSERT INTO answer_counts (local_day, kind, questionnaire_id, questionnaire_version, counter, officer, field, item, value5, n)
     SELECT @localDay, @kind, @questionnaireId, @questionnaireVersion, @counter, @officer, @field, item, value5, 1
       FROM answers WHERE response_id = @id AND value5 IS NOT NULL
     ON CONFLICT DO UPDATE SET n = n + 1`,
  );
  const countDayResponse = db.prepare(
    `INSERT INTO day_response_counts (local_day, kind, questionnaire_id, questionnaire_version, n)
     VALUES (@localDay, @kind, @questionnaireId, @questionnaireVersion, 1)
     ON CONFLICT DO UPDATE SET n = n + 1`,
  );
  const countDayAnswers = db.prepare(
    `INSERT INTO day_answer_counts (local_day, kind, questionnaire_id, questionnaire_version, item, value5, n)
     SELECT @localDay, @kind, @questionnaireId, @questionnaireVersion, item, value5, 1
       FROM answers WHERE response_id = @id AND value5 IS NOT NULL
     ON CONFLICT DO UPDATE SET n = n + 1`,
  );
  const insertFeedback = db.prepare<[string]>('INSERT INTO feedback (response_id) VALUES (?)');
  // The sync outbox's change record, in the response's own transaction: a day with a new
  // answer is sent again as its next revision (SYNC-PROTOCOL.md), never forgotten.
  const markDayDirty = db.prepare<[string]>(
    'INSERT INTO sync_days (local_day, dirty) VALUES (?, 1) ON CONFLICT (local_day) DO UPDATE SET dirty = 1',
  );
  const selectCaseRated = db.prepare<[string], { found: number }>(
    "SELECT 1 AS found FROM responses WHERE case_code_hash = ? AND status = 'completed'",
  );
  // rowid follows insertion order, which a clock stepped backwards cannot disturb.
  const selectPrevious = db.prepare<[], { id: string; submitted_at: string }>(
    "SELECT id, submitted_at FROM responses WHERE status = 'completed' ORDER BY rowid DESC LIMIT 1",
  );
  const selectAnswers = db.prepare<[string], { item: string; score: number | null }>(
    'SELECT item, score FROM answers WHERE response_id = ?',
  );
  const selectResponse = db.prepare<[string], { id: string; local_day: string; status: StoredResponse['status']; flags: string }>(
    'SELECT id, local_day, status, flags FROM responses WHERE id = ?',
  );

  let kiosk: KioskSettings | null = null;
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

  const insertResponse = db.transaction((record: ResponseRecord): InsertOutcome => {
    const { changes } = insertResponseRow.run({
      id: record.id,
      deviceId: record.deviceId,
      questionnaireId: record.questionnaire.id,
      questionnaireVersion: record.questionnaire.version,
      startedAt: record.startedAt,
      submittedAt: record.submittedAt,
      localDay: record.localDay,
      language: record.language,
      counter: record.counter,
      officer: record.officer,
      field: record.field,
      caseCodeHash: record.caseCodeHash,
      status: record.status,
      flags: JSON.stringify(record.flags),
    });
    if (changes === 0) return 'duplicate';
    for (const answer of record.answers) insertAnswer.run(record.id, answer.item, answer.points, answer.score);
    for (const { dimension, reason } of record.reasons) insertReason.run(record.id, dimension, reason);
    if (record.comment !== null || record.contact !== null) {
      const { phone = null, consentVersion = null, consentAt = null } = record.contact ?? {};
      insertPersonal.run(record.id, record.comment, phone, consentVersion, consentAt);
    }
    const counts = {
      id: record.id,
      localDay: record.localDay,
      kind: responseKind(record.status, record.flags),
      questionnaireId: record.questionnaire.id,
      questionnaireVersion: record.questionnaire.version,
      counter: record.counter ?? '',
      officer: record.officer ?? '',
      field: record.field ?? '',
    };
    countResponse.run(counts);
    countAnswers.run(counts);
    countDayResponse.run(counts);
    countDayAnswers.run(counts);
    markDayDirty.run(record.localDay);
    if (record.followUp) insertFeedback.run(record.id);
    return 'inserted';
  });

  const store = {
    questionnaire,
    activeQuestionnaire(): Questionnaire | null {
      const ref = settings.get<QuestionnaireRef>(ACTIVE_KEY);
      return ref ? questionnaire(ref) : null;
    },
    insertResponse(record: ResponseRecord): InsertOutcome {
      try {
        return insertResponse.immediate(record);
      } catch (error) {
        if (isCaseConflict(error)) return 'case_already_rated';
        throw error;
      }
    },
    isCaseRated: (caseCodeHash: string) => selectCaseRated.get(caseCodeHash) !== undefined,
    previousCompleted() {
      const row = selectPrevious.get();
      return row ? { submittedAt: row.submitted_at, answers: selectAnswers.all(row.id) } : null;
    },
    kioskSettings(): KioskSettings {
      // Read on every submission: parsed once, then kept until the administrator saves new ones.
      // Parsed with defaults, so settings saved by an older version still load.
      kiosk ??= KioskSettingsSchema.parse(settings.get(KIOSK_KEY) ?? {});
      return kiosk;
    },
    saveKioskSettings(next: KioskSettings): void {
      const parsed = KioskSettingsSchema.parse(next);
      settings.set(KIOSK_KEY, parsed);
      kiosk = parsed;
    },
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
