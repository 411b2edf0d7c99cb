import type { Questionnaire } from '../domain/questionnaire';
import { sameQuestionnaire } from '../domain/scoring';
import type { ExportBatchRecord, ExportDocument } from './exportPorts';
import { EXPORT_SCHEMA, exportLayout, summaryRows, type BatchHeader } from './exportTable';
import type { ResponseCounts } from './ports';
import type { QuestionnaireSection } from './reportSections';

/** A batch as the contract shows it. */
export const batchView = (b: ExportBatchRecord) => ({
  id: b.id,
  createdAt: b.createdAt,
  createdBy: b.createdBy,
  from: b.fromDay,
  to: b.toDay,
  responses: b.responseCount,
  format: b.format,
  personalData: b.personalData,
  sha256: b.sha256,
  fileName: b.fileName,
});

/**
 * Everything an encoder writes besides the rows. Built only from the batch record,
 * its questionnaires and counts over its own rows, never from the clock: a
 * re-export must produce the same bytes.
 */
export function exportDocument(
  batch: ExportBatchRecord,
  questionnaires: readonly Questionnaire[],
  counts: ResponseCounts,
  sections: readonly QuestionnaireSection[],
): ExportDocument {
  const header: BatchHeader = {
    id: batch.id,
    createdAt: batch.createdAt,
    createdBy: batch.createdBy,
    from: batch.fromDay,
    to: batch.toDay,
    responses: batch.responseCount,
    personalData: batch.personalData,
  };
  return {
    format: batch.format,
    fileName: batch.fileName,
    createdAt: batch.createdAt,
    header: {
      schema: EXPORT_SCHEMA,
      batch: header,
      questionnaires: questionnaires.map((q) => ({
        id: q.id,
        version: q.version,
        items: q.dimensions.flatMap((d) => d.items.map((i) => ({ id: i.id, points: i.scale }))),
      })),
      // Every index per questionnaire version: never a SIPAS pooled across them.
      summary: { responses: counts, byQuestionnaire: sections },
    },
    summaryRows: summaryRows(
      header,
      counts,
      sections.map((section) => ({
        ...section,
        questionnaire: {
          ...section.questionnaire,
          title: questionnaires.find((q) => sameQuestionnaire(q, section.questionnaire))?.title ?? null,
        },
      })),
    ),
    ...exportLayout(questionnaires, batch.personalData),
  };
}

/** `<file>.manifest.json`: what the upper level checks the file against. */
export function manifestOf(
  batch: ExportBatchRecord,
  bytes: number,
  versions: { appVersion: string; databaseSchemaVersion: number },
) {
  return {
    schema: 'sipas.export.manifest.v1',
    exportSchema: EXPORT_SCHEMA,
    batchId: batch.id,
    file: batch.fileName,
    format: batch.format,
    period: { from: batch.fromDay, to: batch.toDay },
    rowids: { after: batch.afterRowid, upTo: batch.toRowid },
    responses: batch.responseCount,
    sha256: batch.sha256,
    bytes,
    personalData: batch.personalData,
    createdBy: batch.createdBy,
    createdAt: batch.createdAt,
    ...versions,
  };
}
