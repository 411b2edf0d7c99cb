import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { createDeskStore } from '../../db/deskStore';
import { createExportStore } from '../../db/exportStore';
import { schemaVersion } from '../../db/openDatabase';
import type { Questionnaire } from '../domain/questionnaire';
import { createExportService } from '../services/exports';
import type { AuditLog, Clock, Logger, QuestionnaireRef } from '../services/ports';
import { createExportFileSink } from '../node/exportFiles';
import { APP_VERSION } from '../node/version';

export interface ExportDeps {
  db: Database.Database;
  /** The folder the files go to: <dataDir>/exports for the hosts, the --out folder for the CLI. */
  dir: string;
  questionnaire: (ref: QuestionnaireRef) => Questionnaire | null;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}

/**
 * Responses per chunk. A chunk's rows stay alive while the file drains, which is
 * when V8's idle-time scavenges run: 1000 of them (megabytes of objects) got
 * promoted and piled up in the old generation between full collections. Exporting
 * 1,000,000 responses peaked at 163–194 MB of RSS with 1000, 131–140 MB with 250,
 * not slower (a bundled node process; tests/bench/export.ts, issue #15).
 */
export const EXPORT_CHUNK_RESPONSES = 250;

/** The batch export over one database; both hosts (through composeApp) and the CLI build it here. */
export function composeExports({ db, dir, questionnaire, audit, clock, logger }: ExportDeps) {
  return createExportService({
    source: createExportStore(db),
    // The XLSX is for people: names beside codes and the questions' wording (src/node/exportPeople.ts).
    files: createExportFileSink({ dir, people: { names: createDeskStore(db), questionnaire } }),
    audit,
    clock,
    newId: randomUUID,
    questionnaire,
    logger,
    appVersion: APP_VERSION,
    schemaVersion: () => schemaVersion(db),
    chunkSize: EXPORT_CHUNK_RESPONSES,
  });
}
