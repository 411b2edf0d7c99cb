import { z } from 'zod';
import { dimensionIds } from '../domain/dimensions';
import { LocalDaySchema, ResponseCountsSchema, SipasScoreSchema } from './schemas';
import { ReportQuestionnaire } from './reports';
import { operation } from './operation';

const PeriodicInput = z.object({ kind: z.enum(['quarter', 'year']), of: LocalDaySchema }).strict();

const DimensionIndices = z.record(z.enum(dimensionIds), z.number().nullable());

/** One questionnaire version over the period: its own SIPAS, never pooled with another version's. */
const PeriodicSection = z.object({
  questionnaire: ReportQuestionnaire,
  responses: ResponseCountsSchema,
  score: SipasScoreSchema,
  /** Per procedure field: its counted responses, SIPAS index (with coverage) and each dimension's ('' = not recorded). */
  byField: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      counted: z.int().min(0),
      index: z.number().nullable(),
      coverage: z.int().min(0).max(5),
      dimensions: DimensionIndices,
    }),
  ),
});

export const PeriodicReportOutput = z.object({
  from: LocalDaySchema,
  to: LocalDaySchema,
  kind: z.enum(['quarter', 'year']),
  unit: z.object({ name: z.string(), code: z.string() }),
  /** The period's counts over every version. */
  responses: ResponseCountsSchema,
  /** A section per questionnaire version answered in the period. */
  byQuestionnaire: z.array(PeriodicSection),
});

/** The report the commune hands to the upper level each quarter and year. */
export const periodicReportOperations = {
  periodicReport: operation({
    role: 'admin',
    summary:
      'A quarter or a year: SIPAS and each dimension per questionnaire version, overall and per procedure field.',
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
