import type { z } from 'zod';
import type { StartExportInput } from '../contract/exports';
import { AppError, isAppError } from '../domain/errors';
import type { Questionnaire } from '../domain/questionnaire';
import type { BatchRange, ExportBatchRecord, ExportFileSink, ExportFileWriter, ExportRowSource } from './exportPorts';
import { batchView, exportDocument, manifestOf } from './exportBatch';
import { XLSX_MAX_RESPONSES } from './exportTable';
import { sectionsOf, totalOf } from './reportSections';
import type { AuditLog, Clock, Logger, QuestionnaireRef } from './ports';

export interface ExportServiceDeps {
  source: ExportRowSource;
  files: ExportFileSink;
  audit: AuditLog;
  clock: Clock;
  newId: () => string;
  questionnaire: (ref: QuestionnaireRef) => Questionnaire | null;
  logger: Logger;
  appVersion: string;
  schemaVersion: () => number;
  /** Responses read per chunk: small enough to keep memory flat and the database free between chunks. */
  chunkSize?: number;
}

type StartInput = z.output<typeof StartExportInput>;
type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface StartOptions {
  /** The CLI's --out: the file name to write (the sink decides the folder). */
  fileName?: string;
  onProgress?: (done: number, total: number) => void;
}

interface Job {
  id: string;
  state: JobState;
  done: number;
  total: number;
  batch?: ExportBatchRecord;
  identical?: boolean;
  error?: string;
  abort: AbortController;
  finished: Promise<void>;
}

const KEEP_FINISHED_JOBS = 20;
const EXTENSION = { csv: 'csv', xlsx: 'xlsx', json: 'json' } as const;

class Cancelled extends Error {}

/**
 * Survey batches for the upper level. A batch is pinned to a rowid range when it
 * starts, so its rows never change afterwards and a re-export writes the very same
 * bytes. The file is written in the background, in chunks by rowid, and recorded
 * only once it is complete on disk.
 */
export function createExportService(deps: ExportServiceDeps) {
  const { source, files, audit, clock, newId, logger, chunkSize = 1000 } = deps;
  const jobs = new Map<string, Job>();
  const nowIso = () => new Date(clock.now()).toISOString();

  function plan(period: StartInput['period']): BatchRange & { count: number; expectLast?: number | null } {
    if ('sinceLast' in period) {
      const last = source.lastBatch();
      const after = last?.toRowid ?? 0;
      const snap = source.snapshotAfter(after);
      if (snap.count === 0 || !snap.fromDay || !snap.toDay)
        throw new AppError('conflict', 'period: nothing new since the last batch');
      return {
        fromDay: snap.fromDay,
        toDay: snap.toDay,
        afterRowid: after,
        toRowid: snap.highWater,
        count: snap.count,
        expectLast: last?.toRowid ?? null,
      };
    }
    const snap = source.snapshotPeriod(period.from, period.to);
    const afterRowid = snap.count > 0 ? snap.firstRowid - 1 : snap.highWater;
    return { fromDay: period.from, toDay: period.to, afterRowid, toRowid: snap.highWater, count: snap.count };
  }

  function document(batch: ExportBatchRecord) {
    const summary = source.summarise(batch);
    const questionnaires = summary.questionnaires.map((ref) => {
      const found = deps.questionnaire(ref);
      if (!found) throw new Error(`questionnaire ${ref.id} v${ref.version} is not installed`);
      return found;
    });
    return exportDocument(
      batch,
      questionnaires,
      totalOf(summary.responses),
      sectionsOf(summary.responses, summary.answers),
    );
  }

  const manifest = (batch: ExportBatchRecord, bytes: number) =>
    manifestOf(batch, bytes, { appVersion: deps.appVersion, databaseSchemaVersion: deps.schemaVersion() });

  const checkCancelled = (job: Job) => {
    if (job.abort.signal.aborted) throw new Cancelled();
  };

  /** Writes one batch; `record` for a new batch, `recorded` (its SHA-256) for a re-export. */
  async function run(
    job: Job,
    batch: ExportBatchRecord,
    how: { record: true; expectLast?: number | null } | { record: false; sha256: string },
    options: StartOptions,
  ) {
    let writer: ExportFileWriter | null = null;
    try {
      writer = await files.open(document(batch));
      for (let after = batch.afterRowid; ;) {
        checkCancelled(job);
        const rows = source.readChunk(batch, after, chunkSize, batch.personalData);
        if (rows.length === 0) break;
        await writer.write(rows);
        after = rows[rows.length - 1]!.rowid;
        job.done += rows.length;
        options.onProgress?.(job.done, job.total);
      }
      checkCancelled(job);
      const { sha256, bytes } = await writer.close();
      checkCancelled(job);
      const done: ExportBatchRecord = { ...batch, sha256, responseCount: job.done };
      if (how.record) {
        const details = { ...batchView(done), rowids: { after: done.afterRowid, upTo: done.toRowid } };
        const alsoInTransaction = () =>
          audit.record({
            at: nowIso(),
            officer: done.createdBy,
            action: 'export.batch',
            target: done.id,
            after: details,
          });
        if (source.recordBatch(done, { expectLastToRowid: how.expectLast, alsoInTransaction }) === 'conflict') {
          throw new AppError('conflict', 'another batch was recorded meanwhile; start the export again');
        }
      } else {
        job.identical = sha256 === how.sha256;
        if (!job.identical) logger.warn('re-export differs from the recorded batch', { batchId: batch.id });
      }
      // The manifest describes the file written; a re-export that differs also names the recorded hash.
      const differs = !how.record && !job.identical ? { recordedSha256: how.sha256 } : {};
      await writer.publish({ ...manifest(how.record ? done : { ...batch, sha256 }, bytes), ...differs });
      job.batch = how.record ? done : batch;
      job.state = 'done';
    } catch (error) {
      await writer
        ?.abort()
        .catch((e: unknown) => logger.warn('could not remove a partial export', { error: String(e) }));
      if (error instanceof Cancelled) {
        job.state = 'cancelled';
      } else {
        job.state = 'failed';
        job.error = isAppError(error) ? error.message : 'the export failed; the details are in the log';
        if (!isAppError(error))
          logger.error('export failed', { jobId: job.id, error: error instanceof Error ? error.stack : String(error) });
      }
    }
  }

  function launch(total: number, start: (job: Job) => Promise<void>): { jobId: string } {
    if ([...jobs.values()].some((j) => j.state === 'running'))
      throw new AppError('conflict', 'an export is already running');
    const job: Job = {
      id: newId(),
      state: 'running',
      done: 0,
      total,
      abort: new AbortController(),
      finished: Promise.resolve(),
    };
    job.finished = start(job);
    jobs.set(job.id, job);
    const finished = [...jobs.values()].filter((j) => j.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED_JOBS))) jobs.delete(old.id);
    return { jobId: job.id };
  }

  function view(job: Job) {
    return {
      jobId: job.id,
      state: job.state,
      done: job.done,
      total: job.total,
      ...(job.batch ? { batch: batchView(job.batch) } : {}),
      ...(job.identical === undefined ? {} : { identical: job.identical }),
      ...(job.error ? { error: job.error } : {}),
    };
  }

  function findJob(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('not_found', `jobId: no export job ${jobId}`);
    return job;
  }

  const officerOf = (session: { officer: string } | null) => {
    if (!session) throw new AppError('unauthenticated', 'sign in first');
    return session.officer;
  };

  return {
    start(input: StartInput, session: { officer: string } | null, options: StartOptions = {}) {
      const createdBy = officerOf(session);
      const { count, expectLast, ...range } = plan(input.period);
      if (input.format === 'xlsx' && count > XLSX_MAX_RESPONSES) {
        throw new AppError(
          'too_large',
          `format: a worksheet holds at most ${XLSX_MAX_RESPONSES.toLocaleString('en')} responses; choose CSV or JSON, or a shorter period`,
        );
      }
      const id = newId();
      const fileName =
        options.fileName ?? `sipas-${range.fromDay}_${range.toDay}-${id.slice(0, 8)}.${EXTENSION[input.format]}`;
      const batch: ExportBatchRecord = {
        ...range,
        id,
        createdAt: nowIso(),
        createdBy,
        responseCount: count,
        format: input.format,
        personalData: input.includePersonalData,
        sha256: '',
        fileName,
      };
      logger.info('export started', {
        batchId: id,
        format: input.format,
        personalData: input.includePersonalData,
        responses: count,
      });
      return launch(count, (job) => run(job, batch, { record: true, expectLast }, options));
    },

    reexport({ batchId }: { batchId: string }, session: { officer: string } | null, options: StartOptions = {}) {
      const officer = officerOf(session);
      const batch = source.findBatch(batchId);
      if (!batch) throw new AppError('not_found', `batchId: no batch ${batchId}`);
      const target = options.fileName ? { ...batch, fileName: options.fileName } : batch;
      audit.record({
        at: nowIso(),
        officer,
        action: 'export.reexport',
        target: batch.id,
        after: { fileName: target.fileName, personalData: batch.personalData },
      });
      return launch(batch.responseCount, (job) => run(job, target, { record: false, sha256: batch.sha256 }, options));
    },

    status: ({ jobId }: { jobId: string }) => view(findJob(jobId)),

    cancel({ jobId }: { jobId: string }) {
      const job = findJob(jobId);
      if (job.state === 'running') job.abort.abort();
      return view(job);
    },

    /** Resolves once the job has finished, however it finished. */
    async settled(jobId: string) {
      const job = findJob(jobId);
      await job.finished;
      return view(job);
    },

    list: () => source.listBatches().map(batchView),

    /** Cancels running exports and waits for them, before the database closes. */
    async shutdown() {
      const running = [...jobs.values()].filter((j) => j.state === 'running');
      for (const job of running) job.abort.abort();
      await Promise.all(running.map((j) => j.finished));
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
