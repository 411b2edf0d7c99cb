import { localDayOf, localIsoString, type LocalDay } from './localDay';

/**
 * Names of the files in `<dataDir>/backups/`. The name alone says what a backup is
 * and which local day it belongs to, so the list, the rotation and the restore
 * check need no side file, and a caller can only ever name a file of this shape
 * (never a path).
 *
 *   sipas-2026-11-30.sqlite3                  auto: the daily backup, one per local day
 *   manual-2026-11-30-153012.sqlite3          manual: asked for by an administrator
 *   pre-restore-2026-11-30-153012.sqlite3     pre-restore: the database as it was before a restore
 *   before-migration-v5-1764471600000.sqlite3 pre-migration: written by openDatabase before migrating
 *
 * A `-2`, `-3`… suffix keeps two backups made in the same second apart. Every name is
 * made here too, so the makers and the parser cannot drift apart; so is the name a
 * replaced database gets in `<dataDir>/replaced/` (never a backup: the parser refuses it).
 */
export const backupKinds = ['auto', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

const DAY = String.raw`\d{4}-\d{2}-\d{2}`;
const NAME = new RegExp(
  String.raw`^(?:sipas-(?<auto>${DAY})|(?<kind>manual|pre-restore)-(?<day>${DAY})-\d{6}(?:-\d{1,3})?|before-migration-v\d{1,4}-(?<ms>\d{10,16}))\.sqlite3$`,
);

export const BACKUP_NAME_PATTERN = NAME;
export const MAX_BACKUP_NAME_LENGTH = 64;

export function parseBackupName(name: string): { kind: BackupKind; day: LocalDay } | null {
  const groups = name.length <= MAX_BACKUP_NAME_LENGTH ? NAME.exec(name)?.groups : undefined;
  if (!groups) return null;
  if (groups.auto) return { kind: 'auto', day: groups.auto };
  if (groups.kind && groups.day) return { kind: groups.kind === 'manual' ? 'manual' : 'pre-restore', day: groups.day };
  if (groups.ms) return { kind: 'pre-migration', day: localDayOf(Number(groups.ms)) };
  return null;
}

export const autoBackupName = (day: LocalDay): string => `sipas-${day}.sqlite3`;

/** `2026-11-30-153012`: local date and time, safe in a file name on every system. */
export function localStamp(instant: number): string {
  const iso = localIsoString(instant); // 2026-11-30T15:30:12.345+07:00
  return `${iso.slice(0, 10)}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/** The name of a manual or pre-restore backup; `attempt` > 1 adds the same-second suffix. */
export function stampedBackupName(kind: 'manual' | 'pre-restore', instant: number, attempt = 1): string {
  return `${kind}-${localStamp(instant)}${attempt > 1 ? `-${attempt}` : ''}.sqlite3`;
}

/** The copy openDatabase writes before migrating from schema `fromVersion`; `instant` in ms keeps each one apart. */
export function preMigrationBackupName(fromVersion: number, instant: number): string {
  return `before-migration-v${fromVersion}-${Math.trunc(instant)}.sqlite3`;
}

/** `sipas-2026-11-30-153012.sqlite3`: a database moved into replaced/ by a restore or a recovery. */
export function replacedDatabaseName(instant: number, attempt = 1): string {
  return `sipas-${localStamp(instant)}${attempt > 1 ? `-${attempt}` : ''}.sqlite3`;
}
