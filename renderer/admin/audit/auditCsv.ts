import type { OutputOf } from '../../../src/contract/operations';
import { jsonCell, toCsv } from './csv';

export type AuditEntry = OutputOf<'auditLog'>[number];

/** The audit entries on screen as CSV; instants stay ISO (UTC) so a spreadsheet cannot misread them. */
export function auditCsv(entries: readonly AuditEntry[], header: readonly string[]): string {
  return toCsv(
    header,
    entries.map((entry) => [
      entry.id,
      entry.at,
      entry.officer,
      entry.action,
      entry.target,
      jsonCell(entry.before),
      jsonCell(entry.after),
    ]),
  );
}
