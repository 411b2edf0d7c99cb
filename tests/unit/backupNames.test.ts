import { describe, expect, it } from 'vitest';
import {
  autoBackupName,
  parseBackupName,
  preMigrationBackupName,
  replacedDatabaseName,
  stampedBackupName,
} from '../../src/domain/backupNames';
import { monthsBefore } from '../../src/services/retention';

describe('backup names', () => {
  it('say the kind and the local day', () => {
    expect(parseBackupName('sipas-2026-11-30.sqlite3')).toEqual({ kind: 'auto', day: '2026-11-30' });
    expect(parseBackupName('manual-2026-11-30-153012.sqlite3')).toEqual({ kind: 'manual', day: '2026-11-30' });
    expect(parseBackupName('pre-restore-2026-11-30-153012-2.sqlite3')).toEqual({
      kind: 'pre-restore',
      day: '2026-11-30',
    });
    // 2026-11-29T17:30Z is already the 30th in Vietnam.
    expect(parseBackupName(`before-migration-v5-${Date.parse('2026-11-29T17:30:00Z')}.sqlite3`)).toEqual({
      kind: 'pre-migration',
      day: '2026-11-30',
    });
  });

  it.each([
    '../sipas-2026-11-30.sqlite3',
    'backups/sipas-2026-11-30.sqlite3',
    'sipas.sqlite3',
    'sipas-2026-11-30.sqlite3.tmp',
    '.sipas-2026-11-30.sqlite3.tmp',
    'sipas-2026-11-30.sqlite3\0',
    'other-2026-11-30-153012.sqlite3',
    `manual-2026-11-30-153012-${'1'.repeat(60)}.sqlite3`,
  ])('refuse %j', (name) => expect(parseBackupName(name)).toBeNull());

  it('are made in local time, whatever the machine zone', () => {
    expect(autoBackupName('2026-11-30')).toBe('sipas-2026-11-30.sqlite3');
    expect(stampedBackupName('manual', Date.parse('2026-11-30T17:05:09Z'))).toBe('manual-2026-12-01-000509.sqlite3');
    expect(stampedBackupName('pre-restore', Date.parse('2026-11-30T03:00:00Z'), 3)).toBe(
      'pre-restore-2026-11-30-100000-3.sqlite3',
    );
  });

  it('are parsed back as what they were made for', () => {
    const instant = Date.parse('2026-11-29T17:30:00Z');
    expect(preMigrationBackupName(5, instant)).toBe(`before-migration-v5-${instant}.sqlite3`);
    expect(parseBackupName(preMigrationBackupName(5, instant))).toEqual({ kind: 'pre-migration', day: '2026-11-30' });
    expect(parseBackupName(stampedBackupName('manual', instant, 2))).toEqual({ kind: 'manual', day: '2026-11-30' });
    // A replaced database is kept for looking at, never offered as a backup.
    expect(replacedDatabaseName(instant, 2)).toBe('sipas-2026-11-30-003000-2.sqlite3');
    expect(parseBackupName(replacedDatabaseName(instant))).toBeNull();
  });
});

describe('the retention cutoff', () => {
  it.each([
    ['2026-11-30', 12, '2025-11-30'],
    ['2026-01-15', 13, '2024-12-15'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2026-05-31', 6, '2025-11-30'],
    ['2026-11-30', 120, '2016-11-30'],
  ])('%s minus %i months is %s', (day, months, expected) => expect(monthsBefore(day, months)).toBe(expected));
});
