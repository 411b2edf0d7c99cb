import { z } from 'zod';
import { dimensionIds } from '../domain/dimensions';
import { LocalDaySchema, ResponseCountsSchema, SipasScoreSchema } from './schemas';
import { operation } from './operation';

const PeriodicInput = z.object({ kind: z.enum(['quarter', 'year']), of: LocalDaySchema }).strict();

const DimensionIndices = z.record(z.enum(dimensionIds), z.number().nullable());

export const PeriodicReportOutput = z.object({
  from: LocalDaySchema,
  to: LocalDaySchema,
  kind: z.enum(['quarter', 'year']),
  unit: z.object({ name: z.string(), code: z.string() }),
  responses: ResponseCountsSchema,
  score: SipasScoreSchema,
  /** Per procedure field: its SIPAS index and each dimension's ('' = not recorded). */
  byField: z.array(
    z.object({ code: z.string(), name: z.string(), responses: z.int(), index: z.number().nullable(), dimensions: DimensionIndices }),
  ),
});

/** The report the commune hands to the upper level each quarter and year. */
export const periodicReportOperations = {
  periodicReport: operation({
    role: 'admin',
    summary: 'A quarter or a year: SIPAS and each dimension, overall and per procedure field.',
    input: PeriodicInput,
    output: PeriodicReportOutput,
  }),
  exportPeriodicReport: operation({
    role: 'admin',
    summary: 'Writes the quarter or year report as XLSX (in Vietnamese) into the exports folder.',
    input: PeriodicInput,
    output: z.object({ file: z.string(), bytes: z.int(), sha256: z.string() }),
  }),
};
