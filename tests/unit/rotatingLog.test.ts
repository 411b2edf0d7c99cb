import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRotatingLog, KEEP_LOG_DAYS, logFileName, pruneLogs, readLogTail } from '../../src/node/rotatingLog';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();

describe('rotating log files', () => {
  it('writes one file per local (Vietnam) day: 17:00 UTC is already the next day', () => {
    const dir = tempDir();
    let now = Date.parse('2026-12-01T16:59:00Z');
    const log = createRotatingLog({ dir, now: () => now });
    log.write('before midnight');
    now = Date.parse('2026-12-01T17:00:00Z');
    log.write('after midnight\n');
    log.close();
    expect(fs.readdirSync(dir).sort()).toEqual([logFileName('2026-12-01'), logFileName('2026-12-02')]);
    expect(fs.readFileSync(path.join(dir, logFileName('2026-12-02')), 'utf8')).toBe('after midnight\n');
    if (process.platform !== 'win32')
      expect(fs.statSync(path.join(dir, logFileName('2026-12-01'))).mode & 0o777).toBe(0o600);
  });

  it(`keeps the last ${KEEP_LOG_DAYS} days and leaves other files alone`, () => {
    const dir = tempDir();
    for (let day = 1; day <= 20; day += 1)
      fs.writeFileSync(path.join(dir, logFileName(`2026-11-${String(day).padStart(2, '0')}`)), 'x\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const log = createRotatingLog({ dir, now: () => Date.parse('2026-11-20T03:00:00Z') });
    log.write('today');
    log.close();
    const kept = fs.readdirSync(dir).sort();
    expect(kept).toHaveLength(KEEP_LOG_DAYS + 1);
    expect(kept.filter((name) => name.endsWith('.log'))[0]).toBe(logFileName('2026-11-07'));
    expect(kept).toContain('notes.txt');
    expect(pruneLogs(dir, '2026-11-21')).toEqual([logFileName('2026-11-07')]);
  });

  it('reads the last lines across files, oldest first', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, logFileName('2026-11-30')), 'a\nb\nc\n');
    fs.writeFileSync(path.join(dir, logFileName('2026-12-01')), 'd\ne\n');
    expect(readLogTail(dir, 3)).toEqual(['c', 'd', 'e']);
    expect(readLogTail(dir, 50)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(readLogTail(path.join(dir, 'none'), 5)).toEqual([]);
  });

  it('a write that cannot reach the disk is dropped without throwing', () => {
    const dir = tempDir();
    const log = createRotatingLog({ dir });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.writeFileSync(dir, 'a file where the folder was');
    expect(() => log.write('lost')).not.toThrow();
    log.close();
    fs.rmSync(dir, { force: true });
  });
});
