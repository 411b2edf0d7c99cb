import type Database from 'better-sqlite3';
import { SqliteError } from 'better-sqlite3';
import { KioskSettingsSchema, type KioskSettings } from '../src/domain/kioskSettings';
import { QuestionnaireSchema, type Questionnaire } from '../src/domain/questionnaire';
import { responseKind } from '../src/domain/misuse';
import type { VisitPurpose } from '../src/domain/visit';
import type {
  DetailsUpdate,
  InsertOutcome,
  QuestionnaireRef,
  RatingsUpdate,
  ResponseRecord,
  StoredResponse,
  SurveyStore,
} from '../src/services/ports';
import type { SettingsStore } from './settingsStore';

const ACTIVE_KEY = 'activeQuestionnaire';
const KIOSK_KEY = 'kiosk';

interface ResponseRow {
  id: string;
  questionnaire_id: string;
  questionnaire_version: number;
  submitted_at: string;
  local_day: string;
  status: StoredResponse['status'];
  flags: string;
  purpose: VisitPurpose | null;
  counter: string | null;
  officer: string | null;
  field: string | null;
  comment: string | null;
  phone: string | null;
  consent_version: string | null;
  consent_at: string | null;
}

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
       local_day, language, counter, officer, field, case_code_hash, status, flags, paired_device, purpose)
     VALUES (@id, @deviceId, @questionnaireId, @questionnaireVersion, @startedAt, @submittedAt,
       @localDay, @language, @counter, @officer, @field, @caseCodeHash, @status, @flags, @pairedDevice, @purpose)
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
  // The sync outbox's change record, in the response's own transaction: a (day, questionnaire)
  // with a new or changed answer is sent again as its next revision (docs/SYNC-PROTOCOL.md), never forgotten.
  const markDayDirty = db.prepare<[string, string, number]>(
    `INSERT INTO sync_days (local_day, questionnaire_id, questionnaire_version, dirty) VALUES (?, ?, ?, 1)
     ON CONFLICT (local_day, questionnaire_id, questionnaire_version) DO UPDATE SET dirty = 1`,
  );
  const markDirty = (record: { localDay: string; questionnaire: QuestionnaireRef }) =>
    markDayDirty.run(record.localDay, record.questionnaire.id, record.questionnaire.version);
  const selectCaseRated = db.prepare<[string], { found: number }>(
    "SELECT 1 AS found FROM responses WHERE case_code_hash = ? AND status = 'completed'",
  );
  // rowid follows insertion order, which a clock stepped backwards cannot disturb.
  const selectPrevious = db.prepare<[], { id: string; submitted_at: string }>(
    "SELECT id, submitted_at FROM responses WHERE status = 'completed' ORDER BY rowid DESC LIMIT 1",
  );
  const selectPreviousBefore = db.prepare<[string], { id: string; submitted_at: string }>(
    `SELECT id, submitted_at FROM responses
      WHERE status = 'completed' AND rowid < (SELECT rowid FROM responses WHERE id = ?)
      ORDER BY rowid DESC LIMIT 1`,
  );
  const selectAnswers = db.prepare<[string], { item: string; score: number | null }>(
    'SELECT item, score FROM answers WHERE response_id = ?',
  );
  const selectResponse = db.prepare<[string], ResponseRow>(
    `SELECT r.id, r.questionnaire_id, r.questionnaire_version, r.submitted_at, r.local_day, r.status, r.flags, r.purpose,
            r.counter, r.officer, r.field, p.comment, p.phone, p.consent_version, p.consent_at
       FROM responses r LEFT JOIN response_personal p ON p.response_id = r.id
      WHERE r.id = ?`,
  );
  const selectStoredAnswers = db.prepare<[string], { item: string; points: 3 | 5; score: number | null }>(
    'SELECT item, points, score FROM answers WHERE response_id = ?',
  );
  const selectReasons = db.prepare<[string], { dimension: string; reason: string }>(
    'SELECT dimension, reason FROM response_reasons WHERE response_id = ?',
  );

  // Taking a response's ratings out of the report counts, before they change: the
  // exact reverse of countResponse/countAnswers/countDay*, rows left at 0 removed, so
  // the kept counts stay what counting the raw rows afresh would give.
  const uncountResponse = db.prepare(
    `UPDATE response_counts SET n = n - 1
      WHERE local_day = @localDay AND kind = @kind AND questionnaire_id = @questionnaireId AND questionnaire_version = @questionnaireVersion
        AND counter = @counter AND officer = @officer AND field = @field`,
  );
  const uncountAnswers = db.prepare(
    `UPDATE answer_counts SET n = n - 1
      WHERE local_day = @localDay AND kind = @kind AND questionnaire_id = @questionnaireId AND questionnaire_version = @questionnaireVersion
        AND counter = @counter AND officer = @officer AND field = @field
        AND (item, value5) IN (SELECT item, value5 FROM answers WHERE response_id = @id AND value5 IS NOT NULL)`,
  );
  const uncountDayResponse = db.prepare(
    `UPDATE day_response_counts SET n = n - 1
      WHERE local_day = @localDay AND kind = @kind AND questionnaire_id = @questionnaireId AND questionnaire_version = @questionnaireVersion`,
  );
  const uncountDayAnswers = db.prepare(
    `UPDATE day_answer_counts SET n = n - 1
      WHERE local_day = @localDay AND kind = @kind AND questionnaire_id = @questionnaireId AND questionnaire_version = @questionnaireVersion
        AND (item, value5) IN (SELECT item, value5 FROM answers WHERE response_id = @id AND value5 IS NOT NULL)`,
  );
  const dropEmptyCounts = ['response_counts', 'answer_counts', 'day_response_counts', 'day_answer_counts'].map(
    (table) => db.prepare<[string]>(`DELETE FROM ${table} WHERE local_day = ? AND n = 0`),
  );
  const deleteAnswers = db.prepare<[string]>('DELETE FROM answers WHERE response_id = ?');
  const updateResponseRow = db.prepare<{ id: string; status: string; flags: string }>(
    'UPDATE responses SET status = @status, flags = @flags WHERE id = @id',
  );
  const deleteReasons = db.prepare<[string]>('DELETE FROM response_reasons WHERE response_id = ?');
  const ensurePersonal = db.prepare<[string]>('INSERT OR IGNORE INTO response_personal (response_id) VALUES (?)');
  const updateComment = db.prepare<[string | null, string]>(
    'UPDATE response_personal SET comment = ? WHERE response_id = ?',
  );
  const updateContact = db.prepare<[string | null, string | null, string | null, string]>(
    'UPDATE response_personal SET phone = ?, consent_version = ?, consent_at = ? WHERE response_id = ?',
  );
  const dropEmptyPersonal = db.prepare<[string]>(
    'DELETE FROM response_personal WHERE response_id = ? AND comment IS NULL AND phone IS NULL',
  );
  const ensureFeedback = db.prepare<[string]>('INSERT OR IGNORE INTO feedback (response_id) VALUES (?)');
  // Nothing left to follow up (a low rating raised, a comment taken back): an item staff
  // have not touched goes; one they handled stays, with its note.
  const dropUntouchedFeedback = db.prepare<[string]>(
    "DELETE FROM feedback WHERE response_id = ? AND status = 'new' AND note IS NULL AND updated_by IS NULL",
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
      pairedDevice: record.pairedDevice ?? null,
      purpose: record.purpose,
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
    markDirty(record);
    if (record.followUp) insertFeedback.run(record.id);
    return 'inserted';
  });

  const countKey = (row: ResponseRow) => ({
    id: row.id,
    localDay: row.local_day,
    kind: responseKind(row.status, JSON.parse(row.flags) as string[]),
    questionnaireId: row.questionnaire_id,
    questionnaireVersion: row.questionnaire_version,
    counter: row.counter ?? '',
    officer: row.officer ?? '',
    field: row.field ?? '',
  });

  const followUp = (id: string, needed: boolean) => (needed ? ensureFeedback.run(id) : dropUntouchedFeedback.run(id));

  const updateRatings = db.transaction((update: RatingsUpdate): 'updated' => {
    const row = selectResponse.get(update.id);
    if (!row) throw new Error(`response ${update.id} is not stored`);
    const before = countKey(row);
    uncountResponse.run(before);
    uncountAnswers.run(before);
    uncountDayResponse.run(before);
    uncountDayAnswers.run(before);
    for (const drop of dropEmptyCounts) drop.run(row.local_day);
    deleteAnswers.run(update.id);
    for (const answer of update.answers) insertAnswer.run(update.id, answer.item, answer.points, answer.score);
    updateResponseRow.run({ id: update.id, status: update.status, flags: JSON.stringify(update.flags) });
    const after = { ...before, kind: responseKind(update.status, update.flags) };
    countResponse.run(after);
    countAnswers.run(after);
    countDayResponse.run(after);
    countDayAnswers.run(after);
    markDirty({
      localDay: row.local_day,
      questionnaire: { id: row.questionnaire_id, version: row.questionnaire_version },
    });
    followUp(update.id, update.followUp);
    return 'updated';
  });

  const saveDetails = db.transaction((update: DetailsUpdate): void => {
    if (update.reasons !== undefined) {
      deleteReasons.run(update.id);
      for (const { dimension, reason } of update.reasons) insertReason.run(update.id, dimension, reason);
    }
    if (update.comment !== undefined || update.contact !== undefined) {
      ensurePersonal.run(update.id);
      if (update.comment !== undefined) updateComment.run(update.comment, update.id);
      if (update.contact !== undefined) {
        const { phone = null, consentVersion = null, consentAt = null } = update.contact ?? {};
        updateContact.run(phone, consentVersion, consentAt, update.id);
      }
      dropEmptyPersonal.run(update.id);
    }
    followUp(update.id, update.followUp);
  });

  const storedOf = (row: ResponseRow): StoredResponse => ({
    id: row.id,
    questionnaire: { id: row.questionnaire_id, version: row.questionnaire_version },
    submittedAt: row.submitted_at,
    localDay: row.local_day,
    status: row.status,
    flags: JSON.parse(row.flags) as string[],
    purpose: row.purpose,
    answers: selectStoredAnswers.all(row.id),
    reasons: selectReasons.all(row.id),
    comment: row.comment,
    contact:
      row.phone !== null && row.consent_version !== null && row.consent_at !== null
        ? { phone: row.phone, consentVersion: row.consent_version, consentAt: row.consent_at }
        : null,
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
    updateRatings(update: RatingsUpdate): 'updated' | 'case_already_rated' {
      try {
        return updateRatings.immediate(update);
      } catch (error) {
        if (isCaseConflict(error)) return 'case_already_rated';
        throw error;
      }
    },
    saveDetails: (update: DetailsUpdate) => saveDetails.immediate(update),
    isCaseRated: (caseCodeHash: string) => selectCaseRated.get(caseCodeHash) !== undefined,
    previousCompleted(before?: string) {
      const row = before === undefined ? selectPrevious.get() : selectPreviousBefore.get(before);
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
      return row ? storedOf(row) : null;
    },
    /** Stores a questionnaire version unless it is already there; versions are never changed in place. */
    installQuestionnaire(definition: Questionnaire, at: string): void {
      if (selectQuestionnaire.get(definition.id, definition.version)) return;
      insertQuestionnaire.run(definition.id, definition.version, JSON.stringify(definition), at);
    },
    setActiveQuestionnaire(ref: QuestionnaireRef): void {
      if (!selectQuestionnaire.get(ref.id, ref.version))
        throw new Error(`questionnaire ${ref.id} v${ref.version} is not installed`);
      settings.set(ACTIVE_KEY, ref);
    },
  } satisfies SurveyStore & Record<string, unknown>;
  return store;
}
