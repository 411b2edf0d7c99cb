import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
import { DatabaseCorruptError } from '../../db/openDatabase';
import { withNativeBinding } from './sqliteOptions';
import { localStamp, parseBackupName, replacedDatabaseName } from '../domain/backupNames';
import type { BackupInfo } from '../services/ports';

/**
 * The files behind backups and restores. Every database that is about to be
 * trusted (a new backup, a backup about to be restored) is first a temp file
 * that is checked, synced and only then renamed into place: a power cut leaves
 * either the old state or the new one, never a half-written file under a real name.
 */
export const BACKUPS_DIR = 'backups';
export const REPLACED_DIR = 'replaced';
/** SQLite's companions of a database file in WAL mode. */
const COMPANIONS = ['', '-wal', '-shm'] as const;

export type Verdict = { ok: true; schemaVersion: number } | { ok: false; reason: string };

/** SQLITE_CORRUPT*, SQLITE_NOTADB or our own quick_check failure: the file cannot be trusted. */
export function isCorruption(error: unknown): boolean {
  if (error instanceof DatabaseCorruptError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Opens the file read-only and checks it fully: integrity_check (not just
 * quick_check: a restore is rare and must not bring damage back), a schema this
 * app can run, and the settings table every kiosk database has.
 */
export function verifyDatabaseFile(file: string): Verdict {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, withNativeBinding({ readonly: true, fileMustExist: true }));
    const check = db.pragma('integrity_check(1)', { simple: true });
    if (check !== 'ok')
      return { ok: false, reason: `it fails the integrity check (${String(check).replace(/\s+/g, ' ')})` };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      return {
        ok: false,
        reason: `it was made by a newer app (schema v${version}; this app runs up to v${LATEST_SCHEMA_VERSION})`,
      };
    }
    const kiosk = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").get();
    if (version < 1 || !kiosk) return { ok: false, reason: 'it is not a SIPAS kiosk database' };
    return { ok: true, schemaVersion: version };
  } catch (error) {
    return { ok: false, reason: `it cannot be read as a database (${reasonOf(error)})` };
  } finally {
    db?.close();
  }
}

/**
 * A backup copied from a WAL database carries the WAL flag; a single
 * rollback-journal file opens read-only without leaving -wal/-shm files behind
 * and can be copied to a USB stick on its own.
 */
function toSingleFile(file: string): void {
  const db = new Database(file, withNativeBinding({ fileMustExist: true }));
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a directory; there the rename is journaled by NTFS. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort, see above
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function removeDatabaseFiles(file: string): void {
  for (const suffix of COMPANIONS) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** The first name `make(attempt)` gives that is not taken in `dir`. */
export function freeName(dir: string, make: (attempt: number) => string): string {
  for (let attempt = 1; ; attempt += 1) {
    const name = make(attempt);
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

export function describeBackup(dir: string, name: string): BackupInfo | null {
  const parsed = parseBackupName(name);
  if (!parsed) return null;
  const stat = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
  if (!stat?.isFile()) return null;
  return { name, day: parsed.day, bytes: stat.size, createdAt: stat.mtime.toISOString(), kind: parsed.kind };
}

/** Every backup in the folder, newest first. Temp files and anything not named like a backup are left out. */
export function listBackups(dir: string): BackupInfo[] {
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  return names
    .map((name) => describeBackup(dir, name))
    .filter((info): info is BackupInfo => info !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/**
 * Writes a backup of the live database with SQLite's online backup API (the
 * kiosk keeps taking answers meanwhile), checks the copy and only then gives it
 * its name. `createdAt` follows the app's clock, so the order of backups is the
 * order the app made them in.
 */
export async function writeBackup(db: Database.Database, dir: string, name: string, now: number): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${name}.tmp`);
  removeDatabaseFiles(temp);
  try {
    await db.backup(temp);
    toSingleFile(temp);
    const verdict = verifyDatabaseFile(temp);
    if (!verdict.ok) throw new Error(`the new backup ${name} failed its check: ${verdict.reason}`);
    fsyncFile(temp);
    const seconds = now / 1000;
    fs.utimesSync(temp, seconds, seconds);
    fs.renameSync(temp, path.join(dir, name));
    fsyncDir(dir);
  } finally {
    removeDatabaseFiles(temp);
  }
  const info = describeBackup(dir, name);
  if (!info) throw new Error(`the backup ${name} vanished after it was written`);
  return info;
}

/** Removes leftovers of backups a power cut interrupted. */
export function removeStaleTemps(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir))
    if (/^\..*\.tmp(-wal|-shm|-journal)?$/.test(name)) fs.rmSync(path.join(dir, name), { force: true });
}

/** Keeps the newest `keep` automatic backups; the other kinds are the administrator's to delete. */
export function rotateAutomatic(dir: string, keep: number): string[] {
  const automatic = listBackups(dir)
    .filter((b) => b.kind === 'auto')
    .sort((a, b) => b.day.localeCompare(a.day));
  const old = automatic.slice(keep).map((b) => b.name);
  for (const name of old) fs.rmSync(path.join(dir, name), { force: true });
  return old;
}

/** The file offered for a restore cannot be trusted; the message says why. */
export class StagingError extends Error {
  readonly code = 'backup_unusable';
}

/**
 * Copies a database (a backup, or any file the CLI is given) next to the live
 * one and checks the copy: what is checked is exactly what will be put in place.
 * Throws with the reason when the copy cannot be trusted, having changed nothing.
 */
export function stageCopy(source: string, dataDir: string, now: number): { file: string; schemaVersion: number } {
  const file = path.join(dataDir, `.restore-${localStamp(now)}.tmp`);
  removeDatabaseFiles(file);
  try {
    fs.copyFileSync(source, file);
    let verdict: Verdict;
    try {
      toSingleFile(file);
      verdict = verifyDatabaseFile(file);
    } catch (error) {
      verdict = { ok: false, reason: `it cannot be read as a database (${reasonOf(error)})` };
    }
    if (!verdict.ok) throw new StagingError(verdict.reason);
    fsyncFile(file);
    return { file, schemaVersion: verdict.schemaVersion };
  } catch (error) {
    removeDatabaseFiles(file);
    throw error;
  }
}

/**
 * Moves the database file and its -wal/-shm into replaced/ under one new name.
 * Nothing ever deletes that folder: whatever was replaced can still be looked at.
 * Returns the new path of the main file, or null when there was none.
 */
export function moveAside(databaseFile: string, dataDir: string, now: number): string | null {
  if (!fs.existsSync(databaseFile)) return null;
  const dir = path.join(dataDir, REPLACED_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const name = freeName(dir, (attempt) => replacedDatabaseName(now, attempt));
  const target = path.join(dir, name);
  for (const suffix of COMPANIONS) {
    if (fs.existsSync(`${databaseFile}${suffix}`)) fs.renameSync(`${databaseFile}${suffix}`, `${target}${suffix}`);
  }
  fsyncDir(dir);
  fsyncDir(path.dirname(databaseFile));
  return target;
}

/** Undoes moveAside after a restore that could not be opened. */
export function moveBack(replaced: string, databaseFile: string): void {
  removeDatabaseFiles(databaseFile);
  for (const suffix of COMPANIONS) {
    if (fs.existsSync(`${replaced}${suffix}`)) fs.renameSync(`${replaced}${suffix}`, `${databaseFile}${suffix}`);
  }
  fsyncDir(path.dirname(databaseFile));
}

/** Puts a staged copy in place of the (already moved) database. */
export function install(staged: string, databaseFile: string): void {
  removeDatabaseFiles(databaseFile); // a stale -wal must never be replayed onto another database
  fs.renameSync(staged, databaseFile);
  fsyncDir(path.dirname(databaseFile));
}

/**
 * True while another process (the kiosk app) has the database open. Every WAL
 * connection holds a shared lock on the file, so an exclusive lock taken without
 * waiting fails exactly then. Used by the CLI, which must not swap files under a
 * running app.
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, withNativeBinding({ fileMustExist: true, timeout: 0 }));
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    return (error as { code?: unknown }).code === 'SQLITE_BUSY';
  } finally {
    db.close();
  }
}
