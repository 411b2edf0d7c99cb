import type Database from 'better-sqlite3';
import type { PairedDeviceRow, LanStore, StoredLanSettings } from '../src/services/lan';
import { LAN_SETTINGS_KEY } from '../src/services/lan';
import type { SettingsStore } from './settingsStore';

interface DeviceRow {
  id: string;
  name: string;
  paired_at: string;
  paired_by: string;
  revoked_at: string | null;
  responses: number;
}

const viewOf = (row: DeviceRow): PairedDeviceRow => ({
  id: row.id,
  name: row.name,
  pairedAt: row.paired_at,
  pairedBy: row.paired_by,
  revokedAt: row.revoked_at,
  responses: row.responses,
});

const DEVICE_COLUMNS = `d.id, d.name, d.paired_at, d.paired_by, d.revoked_at,
  (SELECT COUNT(*) FROM responses r WHERE r.paired_device = d.id) AS responses`;

/** LAN access: its setting (a row of `settings`), pairing codes and paired devices (migration 0008). */
export function createLanStore(db: Database.Database, settings: SettingsStore): LanStore {
  const withdrawOpen = db.prepare<{ now: string }>(
    'UPDATE pairing_codes SET expires_at = @now WHERE used_at IS NULL AND expires_at > @now',
  );
  const insertCode = db.prepare<{ codeHash: string; createdBy: string; createdAt: string; expiresAt: string }>(
    'INSERT INTO pairing_codes (code_hash, created_by, created_at, expires_at) VALUES (@codeHash, @createdBy, @createdAt, @expiresAt)',
  );
  const takeCode = db.prepare<{ codeHash: string; now: string }, { created_by: string }>(
    `UPDATE pairing_codes SET used_at = @now
      WHERE code_hash = @codeHash AND used_at IS NULL AND expires_at > @now
      RETURNING created_by`,
  );
  const countFailure = db.prepare<{ now: string; max: number }>(
    `UPDATE pairing_codes SET failures = failures + 1,
       expires_at = CASE WHEN failures + 1 >= @max THEN @now ELSE expires_at END
      WHERE used_at IS NULL AND expires_at > @now`,
  );
  const insertDevice = db.prepare<{ id: string; name: string; tokenHash: string; pairedAt: string; pairedBy: string }>(
    'INSERT INTO paired_devices (id, name, token_hash, paired_at, paired_by) VALUES (@id, @name, @tokenHash, @pairedAt, @pairedBy)',
  );
  const selectDevices = db.prepare<[], DeviceRow>(
    `SELECT ${DEVICE_COLUMNS} FROM paired_devices d ORDER BY d.revoked_at IS NOT NULL, d.paired_at DESC, d.id`,
  );
  const selectDevice = db.prepare<[string], DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM paired_devices d WHERE d.id = ?`);
  const revokeDevice = db.prepare<{ id: string; at: string; by: string }>(
    'UPDATE paired_devices SET revoked_at = @at, revoked_by = @by WHERE id = @id AND revoked_at IS NULL',
  );
  const selectByToken = db.prepare<[string], { id: string; name: string }>(
    'SELECT id, name FROM paired_devices WHERE token_hash = ? AND revoked_at IS NULL',
  );

  return {
    settings: () => settings.get<StoredLanSettings>(LAN_SETTINGS_KEY),
    saveSettings: (value) => settings.set(LAN_SETTINGS_KEY, value),
    addCode: db.transaction((code: { codeHash: string; createdBy: string; createdAt: string; expiresAt: string }) => {
      withdrawOpen.run({ now: code.createdAt });
      insertCode.run(code);
    }),
    useCode: db.transaction((codeHash: string, now: string, maxFailures: number) => {
      const taken = takeCode.get({ codeHash, now });
      if (taken) return { createdBy: taken.created_by };
      countFailure.run({ now, max: maxFailures });
      return null;
    }),
    insertDevice: (device) => void insertDevice.run(device),
    devices: () => selectDevices.all().map(viewOf),
    device: (id) => {
      const row = selectDevice.get(id);
      return row ? viewOf(row) : null;
    },
    revoke: (id, at, by) => void revokeDevice.run({ id, at, by }),
    activeDeviceByTokenHash: (tokenHash) => selectByToken.get(tokenHash) ?? null,
    inTransaction: (work) => db.transaction(work)(),
  };
}
