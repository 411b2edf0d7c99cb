import type { Session } from '../contract/dispatch';
import { AppError, isAppError } from '../domain/errors';
import type { AuditLog, BackupVault, Clock } from './ports';

export interface BackupServiceDeps {
  vault: BackupVault;
  /** The audit log of whichever database is live: after a restore, that is the restored one. */
  audit: AuditLog;
  clock: Clock;
}

const who = (session: Session | null): string => {
  if (!session) throw new AppError('unauthenticated', 'sign in first');
  return session.officer;
};

/** The administrator's backups: the files are the vault's business, who did what is written here. */
export function createBackupService({ vault, audit, clock }: BackupServiceDeps) {
  const now = () => new Date(clock.now()).toISOString();

  return {
    list: () => vault.list(),

    async create(session: Session | null) {
      const officer = who(session);
      const backup = await vault.create();
      audit.record({ at: now(), officer, action: 'createBackup', target: backup.name, after: backup });
      return backup;
    },

    async restore({ name }: { name: string }, session: Session | null) {
      const officer = who(session);
      let outcome: Awaited<ReturnType<BackupVault['restore']>>;
      try {
        outcome = await vault.restore(name);
      } catch (error) {
        // A refused restore changed nothing, but an administrator tried it: that is worth a line.
        if (isAppError(error))
          audit.record({
            at: now(),
            officer,
            action: 'restoreBackup.refused',
            target: name,
            after: { reason: error.message },
          });
        throw error;
      }
      // Written into the restored database, the one that is live from now on.
      audit.record({
        at: now(),
        officer,
        action: 'restoreBackup',
        target: name,
        before: { replacedFile: outcome.replacedFile, preRestoreBackup: outcome.preRestoreBackup },
        after: { restored: outcome.restored, schemaVersion: outcome.schemaVersion },
      });
      return { ...outcome, signedOut: true as const };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
