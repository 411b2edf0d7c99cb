import { z } from 'zod';
import { BACKUP_NAME_PATTERN, backupKinds, MAX_BACKUP_NAME_LENGTH } from '../domain/backupNames';
import { operation } from './operation';
import { EmptyInput, LocalDaySchema } from './schemas';

/** A backup file, named only by its name in the backups folder: callers never pass paths. */
export const BackupNameSchema = z
  .string()
  .max(MAX_BACKUP_NAME_LENGTH)
  .regex(BACKUP_NAME_PATTERN, 'a backup name from listBackups');

export const BackupInfoSchema = z.object({
  name: BackupNameSchema,
  /** The local day (Asia/Ho_Chi_Minh) the backup belongs to. */
  day: LocalDaySchema,
  bytes: z.int().min(0),
  createdAt: z.string(),
  kind: z.enum(backupKinds),
});

export const alertKinds = ['database_recovered', 'database_replaced', 'backup_failed'] as const;

export const SystemAlertSchema = z.object({
  id: z.string(),
  kind: z.enum(alertKinds),
  /** When it last happened. */
  at: z.string(),
  /** How many times it happened before being acknowledged. */
  count: z.int().min(1),
  message: z.string(),
  /** Machine-readable facts for the screen to show (file names, backup used). */
  detail: z.record(z.string(), z.string().nullable()),
});

export const MIN_RETENTION_MONTHS = 1;
export const MAX_RETENTION_MONTHS = 120;

export const RetentionOutput = z.object({
  /** Phone numbers and comments are erased once their response is this many months old. */
  months: z.int().min(MIN_RETENTION_MONTHS).max(MAX_RETENTION_MONTHS),
  /** Personal data of responses from before this local day is erased. */
  cutoffDay: LocalDaySchema,
  lastPurge: z.object({ at: z.string(), cutoffDay: LocalDaySchema, purged: z.int().min(0) }).nullable(),
});

export const backupOperations = {
  listBackups: operation({
    role: 'admin',
    summary: 'The backups in the data folder, newest first.',
    input: EmptyInput,
    output: z.array(BackupInfoSchema),
  }),
  createBackup: operation({
    role: 'admin',
    summary: 'Backs the database up now (checked before it is listed).',
    input: EmptyInput,
    output: BackupInfoSchema,
  }),
  restoreBackup: operation({
    role: 'admin',
    summary:
      'Checks a backup and puts it in place of the database, keeping the current one aside; everyone signs in again.',
    input: z.object({ name: BackupNameSchema }).strict(),
    output: z.object({
      restored: BackupInfoSchema,
      /** The database that was replaced, kept under replaced/ in the data folder. */
      replacedFile: z.string(),
      /** A backup of the replaced database, when it could still be read. */
      preRestoreBackup: BackupNameSchema.nullable(),
      schemaVersion: z.int(),
      /** Sessions belonged to the replaced database: sign in again. */
      signedOut: z.literal(true),
    }),
  }),
  systemAlerts: operation({
    role: 'admin',
    summary: 'Problems the administrator must know about (a recovered database, failing backups), until acknowledged.',
    input: EmptyInput,
    output: z.array(SystemAlertSchema),
  }),
  acknowledgeAlert: operation({
    role: 'admin',
    summary: 'Marks an alert as read; it leaves the list.',
    input: z.object({ id: z.string().min(1).max(80) }).strict(),
    output: z.object({ acknowledged: z.literal(true) }),
  }),
  getRetention: operation({
    role: 'admin',
    summary: 'How long phone numbers and comments are kept.',
    input: EmptyInput,
    output: RetentionOutput,
  }),
  updateRetention: operation({
    role: 'admin',
    summary: 'Sets how many months phone numbers and comments are kept, and erases those older at once.',
    input: z.object({ months: z.int().min(MIN_RETENTION_MONTHS).max(MAX_RETENTION_MONTHS) }).strict(),
    output: RetentionOutput,
  }),
};
