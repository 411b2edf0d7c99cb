import { z } from 'zod';
import { EmptyInput, LocalDaySchema } from './schemas';
import { operation } from './operation';

export const exportFormats = ['csv', 'xlsx', 'json'] as const;
export const exportJobStates = ['running', 'done', 'failed', 'cancelled'] as const;

/** A period of local days, or everything stored since the last batch was taken. */
export const ExportPeriodInput = z.union(
  [
    z
      .object({ from: LocalDaySchema, to: LocalDaySchema })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'must not be before from', path: ['to'] }),
    z.object({ sinceLast: z.literal(true) }).strict(),
  ],
  { error: 'either {from, to} or {sinceLast: true}' },
);

export const StartExportInput = z
  .object({
    period: ExportPeriodInput,
    format: z.enum(exportFormats),
    /** Phone numbers, consent and case-code hashes: only when asked for, and the choice is audited. */
    includePersonalData: z.boolean().default(false),
  })
  .strict();

export const ExportBatchSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  from: LocalDaySchema,
  to: LocalDaySchema,
  responses: z.int().min(0),
  format: z.enum(exportFormats),
  personalData: z.boolean(),
  sha256: z.string(),
  fileName: z.string(),
});

export const ExportJobStatus = z.object({
  jobId: z.string(),
  state: z.enum(exportJobStates),
  done: z.int().min(0),
  total: z.int().min(0),
  /** The recorded batch, once the file is in place. */
  batch: ExportBatchSchema.optional(),
  /** A re-export: whether the new file is byte-identical to the recorded one. */
  identical: z.boolean().optional(),
  error: z.string().optional(),
});

const JobInput = z.object({ jobId: z.string().min(1).max(64) }).strict();
const JobStarted = z.object({ jobId: z.string() });

export const exportOperations = {
  startExport: operation({
    role: 'admin',
    summary: 'Starts writing a survey batch (CSV, XLSX or JSON) into the data folder; poll exportStatus.',
    input: StartExportInput,
    output: JobStarted,
  }),
  exportStatus: operation({
    role: 'admin',
    summary: "An export job's progress (done of total), and its batch once finished.",
    input: JobInput,
    output: ExportJobStatus,
  }),
  cancelExport: operation({
    role: 'admin',
    summary: 'Stops a running export; nothing is left under the final file name.',
    input: JobInput,
    output: ExportJobStatus,
  }),
  listExportBatches: operation({
    role: 'admin',
    summary: 'Every recorded batch, newest first.',
    input: EmptyInput,
    output: z.array(ExportBatchSchema),
  }),
  reexportBatch: operation({
    role: 'admin',
    summary: 'Writes a recorded batch again, byte for byte, from the same rows.',
    input: z.object({ batchId: z.string().min(1).max(64) }).strict(),
    output: JobStarted,
  }),
};
