import type { ItemCount } from '../domain/scoring';
import type { QuestionnaireRef, ResponseCounts } from './ports';

/**
 * The ports of the batch export: a row source (db/exportStore.ts) and a file
 * sink (src/node/exportFiles.ts). Neither leaks SQLite or Node into the service.
 */
export type ExportFormat = 'csv' | 'xlsx' | 'json';

/** Which rows a batch holds: exactly those with afterRowid < rowid <= toRowid and a local day in from..to. */
export interface BatchRange {
  fromDay: string;
  toDay: string;
  afterRowid: number;
  toRowid: number;
}

export interface ExportBatchRecord extends BatchRange {
  id: string;
  createdAt: string;
  createdBy: string;
  responseCount: number;
  format: ExportFormat;
  personalData: boolean;
  sha256: string;
  fileName: string;
}

export interface ExportPersonal {
  phone: string | null;
  consentVersion: string | null;
  consentAt: string | null;
  caseCodeHash: string | null;
}

/** One response as a batch carries it. */
export interface ExportRow {
  rowid: number;
  id: string;
  localDay: string;
  submittedAt: string;
  questionnaire: QuestionnaireRef;
  language: string;
  status: 'completed' | 'abandoned';
  flags: string[];
  counter: string | null;
  officer: string | null;
  field: string | null;
  /** score null is "Không ý kiến" (no opinion); an item not answered is absent. */
  answers: Array<{ item: string; points: number; score: number | null }>;
  reasons: Array<{ dimension: string; reason: string }>;
  comment: string | null;
  /** Present only when the batch includes personal data. */
  personal?: ExportPersonal;
}

export interface BatchSummary {
  /** The questionnaire versions the batch's responses answered, in (id, version) order. */
  questionnaires: QuestionnaireRef[];
  /** The batch's responses per questionnaire version, in the same order. */
  responses: Array<ResponseCounts & { questionnaire: QuestionnaireRef }>;
  /** Valid answers of counted responses, by questionnaire version, item and five-point value, in that order. */
  answers: Array<ItemCount & { questionnaire: QuestionnaireRef }>;
}

export interface ExportRowSource {
  /** The rows of a period up to the newest stored now: count, first and last rowid (0 when none). */
  snapshotPeriod(fromDay: string, toDay: string): { count: number; firstRowid: number; highWater: number };
  /** Everything stored after a rowid: count, first and last local day (null when none), and the newest rowid. */
  snapshotAfter(afterRowid: number): { count: number; fromDay: string | null; toDay: string | null; highWater: number };
  /** What the batch's summary is made of, read together. */
  summarise(range: BatchRange): BatchSummary;
  /** Up to `limit` rows after `afterRowid`, in rowid order; personal data only when asked for. */
  readChunk(range: BatchRange, afterRowid: number, limit: number, withPersonal: boolean): ExportRow[];
  lastBatch(): ExportBatchRecord | null;
  findBatch(id: string): ExportBatchRecord | null;
  listBatches(): ExportBatchRecord[];
  /**
   * Records a batch in one short write transaction together with `alsoInTransaction`
   * (the audit entry). When `expectLastToRowid` is given (since-last), another batch
   * recorded meanwhile makes it 'conflict' and nothing is written.
   */
  recordBatch(
    batch: ExportBatchRecord,
    options: { expectLastToRowid?: number | null; alsoInTransaction?: () => void },
  ): 'recorded' | 'conflict';
}

export type Cell = string | number | null;

export interface ExportColumn {
  key: string;
  header: string;
}

/** What an encoder needs besides the rows: the batch header, the summary and the columns. */
export interface ExportDocument {
  format: ExportFormat;
  fileName: string;
  /** The batch's own creation time: the only date inside the file (XLSX metadata and zip entries). */
  createdAt: string;
  /** The JSON header and the summary sheet; never a timestamp of "now". */
  header: Record<string, unknown>;
  summaryRows: Cell[][];
  columns: ExportColumn[];
  toCells(row: ExportRow): Cell[];
  toJson(row: ExportRow): string;
}

export interface ExportFileWriter {
  /** Encodes and writes rows; resolves once the output can take more (backpressure). */
  write(rows: readonly ExportRow[]): Promise<void>;
  /** Ends the file under its temporary name and flushes it to disk. */
  close(): Promise<{ sha256: string; bytes: number }>;
  /** Moves the file to its final name and writes the manifest beside it. */
  publish(manifest: Record<string, unknown>): Promise<{ file: string; manifest: string }>;
  /** Drops the temporary file; safe to call at any point, more than once. */
  abort(): Promise<void>;
}

export interface ExportFileSink {
  open(document: ExportDocument): Promise<ExportFileWriter>;
}
