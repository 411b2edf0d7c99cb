import type Database from 'better-sqlite3';
import type { AdminStore, OfficerSetup } from '../src/services/ports';

interface OfficerRow {
  code: string;
  name: string;
  role: 'staff' | 'admin';
  counter: string | null;
  active: number;
  photo: string | null;
  desk_head: number;
}

const officerOf = ({ desk_head, ...row }: OfficerRow): OfficerSetup => ({
  ...row,
  active: row.active === 1,
  deskHead: desk_head === 1,
});
const deskHeadOf = (o: { deskHead?: boolean | undefined }) => (o.deskHead === undefined ? null : o.deskHead ? 1 : 0);

/** What the administrator edits: officers, counters, fields and questionnaire versions. Nothing is deleted. */
export function createAdminStore(db: Database.Database): AdminStore {
  const officers = db.prepare<[], OfficerRow>(
    'SELECT code, name, role, counter, active, photo, desk_head FROM officers ORDER BY name',
  );
  const officer = db.prepare<[string], OfficerRow>(
    'SELECT code, name, role, counter, active, photo, desk_head FROM officers WHERE code = ?',
  );
  const insertOfficer = db.prepare(
    `INSERT INTO officers (code, name, role, counter, active, photo, pin_hash, desk_head)
     VALUES (@code, @name, @role, @counter, @active, @photo, @pinHash, coalesce(@deskHead, 0))`,
  );
  const updateOfficer = db.prepare(
    `UPDATE officers SET name = @name, role = @role, counter = @counter, active = @active, photo = coalesce(@photo, photo),
            desk_head = coalesce(@deskHead, desk_head)
      WHERE code = @code`,
  );
  const clearPhoto = db.prepare<[string]>('UPDATE officers SET photo = NULL WHERE code = ?');
  const setPin = db.prepare<[string, string]>(
    'UPDATE officers SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE code = ?',
  );
  const admins = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM officers WHERE role = 'admin' AND active = 1",
  );
  const list = (table: 'counters' | 'fields') =>
    db.prepare<[], { code: string; name: string; active: number }>(
      `SELECT code, name, active FROM ${table} ORDER BY code`,
    );
  const upsert = (table: 'counters' | 'fields') =>
    db.prepare<[string, string, number]>(
      `INSERT INTO ${table} (code, name, active) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, active = excluded.active`,
    );
  const one = (table: 'counters' | 'fields') =>
    db.prepare<[string], { code: string; name: string; active: number }>(
      `SELECT code, name, active FROM ${table} WHERE code = ?`,
    );
  const tables = {
    counters: { list: list('counters'), upsert: upsert('counters'), one: one('counters') },
    fields: { list: list('fields'), upsert: upsert('fields'), one: one('fields') },
  };
  const questionnaires = db.prepare<
    [],
    { id: string; version: number; definition: string; created_at: string; responses: number }
  >(
    `SELECT q.id, q.version, q.definition, q.created_at,
            (SELECT coalesce(sum(n), 0) FROM day_response_counts c WHERE c.questionnaire_id = q.id AND c.questionnaire_version = q.version) AS responses
       FROM questionnaires q ORDER BY q.id, q.version`,
  );
  const latestVersion = db.prepare<[string], { version: number | null }>(
    'SELECT max(version) AS version FROM questionnaires WHERE id = ?',
  );

  const asBool = <T extends { active: number }>(row: T) => ({ ...row, active: row.active === 1 });

  return {
    listOfficers: () => officers.all().map(officerOf),
    findOfficer: (code) => {
      const row = officer.get(code);
      return row ? officerOf(row) : null;
    },
    insertOfficer: (o) =>
      void insertOfficer.run({ ...o, active: o.active ? 1 : 0, photo: o.photo ?? null, deskHead: deskHeadOf(o) }),
    updateOfficer: (o) => {
      updateOfficer.run({ ...o, active: o.active ? 1 : 0, photo: o.photo ?? null, deskHead: deskHeadOf(o) });
      if (o.photo === null) clearPhoto.run(o.code);
    },
    setPinHash: (code, pinHash) => setPin.run(pinHash, code).changes > 0,
    countAdmins: () => admins.get()?.n ?? 0,
    listPlaces: (table) => tables[table].list.all().map(asBool),
    findPlace: (table, code) => {
      const row = tables[table].one.get(code);
      return row ? asBool(row) : null;
    },
    savePlace: (table, place) => void tables[table].upsert.run(place.code, place.name, place.active ? 1 : 0),
    listQuestionnaires: () =>
      questionnaires.all().map((row) => ({
        id: row.id,
        version: row.version,
        definition: JSON.parse(row.definition) as unknown,
        createdAt: row.created_at,
        responses: row.responses,
      })),
    latestQuestionnaireVersion: (id) => latestVersion.get(id)?.version ?? null,
    inTransaction: (work) => db.transaction(work).immediate(),
  };
}
