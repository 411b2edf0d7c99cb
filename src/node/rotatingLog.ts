/**
 * Log files for a kiosk nobody watches: one file per local day (Vietnam) in
 * <dataDir>/logs, the last 14 days kept. A Node adapter: the logger writes
 * lines, this decides where they go on the disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addDays, localDayOf } from '../domain/localDay';

export const LOGS_FOLDER = 'logs';
export const KEEP_LOG_DAYS = 14;
const FILE_PATTERN = /^sipas-(\d{4}-\d{2}-\d{2})\.log$/;
/** A tail never reads more than this much of one file: a runaway log must not stall the admin screen. */
const TAIL_BYTES_PER_FILE = 512 * 1024;

export const logFileName = (day: string): string => `sipas-${day}.log`;

export interface RotatingLog {
  readonly dir: string;
  /** Appends one line (no newline needed); never throws: a full disk must not stop the kiosk. */
  write(line: string): void;
  close(): void;
}

export interface RotatingLogOptions {
  dir: string;
  keepDays?: number;
  now?: () => number;
}

/** Log files of the folder, oldest first, with their local day. */
function logFiles(dir: string): Array<{ name: string; day: string }> {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, day: FILE_PATTERN.exec(name)?.[1] }))
    .filter((file): file is { name: string; day: string } => file.day !== undefined)
    .sort((a, b) => a.day.localeCompare(b.day));
}

/** Deletes the files older than `keepDays` local days (today counts as one); returns their names. */
export function pruneLogs(dir: string, today: string, keepDays = KEEP_LOG_DAYS): string[] {
  const oldestKept = addDays(today, -(keepDays - 1));
  const removed: string[] = [];
  for (const file of logFiles(dir)) {
    if (file.day >= oldestKept) continue;
    try {
      fs.rmSync(path.join(dir, file.name), { force: true });
      removed.push(file.name);
    } catch {
      // still there next time
    }
  }
  return removed;
}

/**
 * Writes synchronously through one open descriptor: the lines of a crash must
 * be on the disk before the process goes, and a kiosk logs a few lines a minute.
 */
export function createRotatingLog({ dir, keepDays = KEEP_LOG_DAYS, now = Date.now }: RotatingLogOptions): RotatingLog {
  fs.mkdirSync(dir, { recursive: true });
  let day = '';
  let fd: number | null = null;

  const open = (today: string) => {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    day = today;
    fd = fs.openSync(path.join(dir, logFileName(today)), 'a', 0o600);
    pruneLogs(dir, today, keepDays);
  };

  return {
    dir,
    write(line) {
      try {
        const today = localDayOf(now());
        if (today !== day || fd === null) open(today);
        if (fd !== null) fs.writeSync(fd, line.endsWith('\n') ? line : `${line}\n`);
      } catch {
        // The line is lost; stderr still has it.
      }
    },
    close() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}

/** The last bytes of a file, cut at a line start. */
function tailOf(file: string): string[] {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES_PER_FILE);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    if (length < size) lines.shift(); // a partial first line
    return lines.filter((line) => line.length > 0);
  } finally {
    fs.closeSync(fd);
  }
}

/** The last `limit` lines over the newest files, oldest line first. */
export function readLogTail(dir: string, limit: number): string[] {
  const lines: string[] = [];
  for (const file of logFiles(dir).reverse()) {
    if (lines.length >= limit) break;
    try {
      lines.unshift(...tailOf(path.join(dir, file.name)).slice(-(limit - lines.length)));
    } catch {
      // a file removed meanwhile
    }
  }
  return lines;
}
