import type { Session } from '../contract/dispatch';
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS } from '../contract/backups';
import { AppError } from '../domain/errors';
import { localDayOf, type LocalDay } from '../domain/localDay';
import type { AuditLog, Clock, RetentionStore, SettingsPort } from './ports';

/** Nghị định 13/2023: keep personal data no longer than needed; a year covers complaint handling. */
export const DEFAULT_RETENTION_MONTHS = 12;
const KEY = 'retention';
const SYSTEM = 'system';

interface Stored {
  months: number;
  lastPurge: { at: string; cutoffDay: LocalDay; purged: number } | null;
}

/**
 * The local day `months` calendar months before `day`, clamped to the end of a
 * shorter month (2026-03-31 minus one month is 2026-02-28).
 */
export function monthsBefore(day: LocalDay, months: number): LocalDay {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const lastDate = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(date, lastDate))}`;
}

export interface RetentionServiceDeps {
  store: RetentionStore;
  settings: SettingsPort;
  audit: AuditLog;
  clock: Clock;
}

/**
 * Erases phone numbers and comments once their response is older than the
 * configured number of months (by the local day it was given), at start, daily
 * and whenever the setting changes. Scores, counts and reasons are kept, so no
 * report changes.
 */
export function createRetentionService({ store, settings, audit, clock }: RetentionServiceDeps) {
  const read = (): Stored => {
    const stored = settings.get<Partial<Stored>>(KEY);
    const months = stored?.months;
    const valid =
      typeof months === 'number' &&
      Number.isInteger(months) &&
      months >= MIN_RETENTION_MONTHS &&
      months <= MAX_RETENTION_MONTHS;
    return { months: valid ? months : DEFAULT_RETENTION_MONTHS, lastPurge: stored?.lastPurge ?? null };
  };
  const cutoff = (months: number) => monthsBefore(localDayOf(clock.now()), months);
  const view = () => {
    const stored = read();
    return { months: stored.months, cutoffDay: cutoff(stored.months), lastPurge: stored.lastPurge };
  };

  /** Runs the purge for the current setting; `by` is the officer, or "system" for the scheduled run. */
  function purge(by: string = SYSTEM) {
    const stored = read();
    const cutoffDay = cutoff(stored.months);
    const purged = store.purgePersonalBefore(cutoffDay);
    const at = new Date(clock.now()).toISOString();
    settings.set(KEY, { ...stored, lastPurge: { at, cutoffDay, purged } } satisfies Stored);
    // A run that erased nothing is not worth an audit line every day.
    if (purged > 0)
      audit.record({ at, officer: by, action: 'purgePersonalData', target: null, after: { cutoffDay, purged } });
    return { cutoffDay, purged };
  }

  return {
    view,
    purge,
    update({ months }: { months: number }, session: Session | null) {
      if (!session) throw new AppError('unauthenticated', 'sign in first');
      const before = read();
      settings.set(KEY, { ...before, months } satisfies Stored);
      audit.record({
        at: new Date(clock.now()).toISOString(),
        officer: session.officer,
        action: 'updateRetention',
        target: null,
        before: { months: before.months },
        after: { months },
      });
      purge(session.officer);
      return view();
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
