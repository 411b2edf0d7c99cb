import { z } from 'zod';
import { SystemAlertSchema } from '../contract/backups';
import type { Session } from '../contract/dispatch';
import { AppError } from '../domain/errors';
import type { AuditLog, Clock, SettingsPort } from './ports';

export type SystemAlert = z.infer<typeof SystemAlertSchema>;
export type AlertKind = SystemAlert['kind'];

const KEY = 'systemAlerts';
const Stored = z.array(SystemAlertSchema);
/** Kinds that repeat (a backup failing every hour) are counted on one alert instead of piling up. */
const COUNTED: ReadonlySet<AlertKind> = new Set(['backup_failed']);

export interface AlertServiceDeps {
  settings: SettingsPort;
  audit: AuditLog;
  clock: Clock;
}

/**
 * Problems the administrator must hear about even if nobody was watching when
 * they happened (a database recovered at start, backups failing). They live in
 * the settings table, so they survive restarts, until an administrator
 * acknowledges them.
 */
export function createAlertService({ settings, audit, clock }: AlertServiceDeps) {
  const read = (): SystemAlert[] => {
    const parsed = Stored.safeParse(settings.get(KEY) ?? []);
    return parsed.success ? parsed.data : [];
  };

  return {
    list: (): SystemAlert[] => read(),

    raise(kind: AlertKind, message: string, detail: Record<string, string | null> = {}): SystemAlert {
      const now = clock.now();
      const at = new Date(now).toISOString();
      const alerts = read();
      const same = COUNTED.has(kind) ? alerts.find((a) => a.kind === kind) : undefined;
      const alert: SystemAlert = same
        ? { ...same, at, count: same.count + 1, message, detail }
        : { id: `${kind}-${now}-${alerts.length + 1}`, kind, at, count: 1, message, detail };
      settings.set(KEY, [alert, ...alerts.filter((a) => a !== same)]);
      return alert;
    },

    acknowledge({ id }: { id: string }, session: Session | null) {
      if (!session) throw new AppError('unauthenticated', 'sign in first');
      const alerts = read();
      const alert = alerts.find((a) => a.id === id);
      if (!alert) throw new AppError('not_found', `no open alert ${id}`);
      settings.set(
        KEY,
        alerts.filter((a) => a.id !== id),
      );
      audit.record({
        at: new Date(clock.now()).toISOString(),
        officer: session.officer,
        action: 'acknowledgeAlert',
        target: id,
        before: alert,
      });
      return { acknowledged: true as const };
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
