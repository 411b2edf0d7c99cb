import { z } from 'zod';
import { periodKinds } from '../domain/periods';
import { CodeSchema, LocalDaySchema, ResponseCountsSchema, SipasScoreSchema } from './schemas';
import { operation } from './operation';

const Summary = z.object({ responses: ResponseCountsSchema, score: SipasScoreSchema });

export const DailySummaryOutput = z.object({ day: LocalDaySchema, ...Summary.shape });

const ScoreOnly = SipasScoreSchema.pick({ index: true, mean: true, answers: true, distribution: true });

/** One row of a table by counter, officer or field ('' is "not recorded"). */
export const BreakdownRow = z.object({
  code: z.string(),
  name: z.string(),
  responses: ResponseCountsSchema,
  score: ScoreOnly,
});

export const TodayOutput = z.object({
  day: LocalDaySchema,
  today: Summary,
  yesterday: Summary,
  last7Days: Summary.extend({ from: LocalDaySchema, to: LocalDaySchema }),
  byCounter: z.array(BreakdownRow),
  byOfficer: z.array(BreakdownRow),
  byField: z.array(BreakdownRow),
  /** Submissions the host could not commit yet and keeps retrying: staff must know. */
  pendingWrites: z.int().min(0),
});

export const ReportFilterInput = z
  .object({
    counter: CodeSchema.optional(),
    officer: CodeSchema.optional(),
    field: CodeSchema.optional(),
    questionnaire: z.object({ id: z.string().min(1).max(40), version: z.int().min(1) }).strict().optional(),
    includeSuspect: z.boolean().default(false),
    includeAbandoned: z.boolean().default(false),
  })
  .strict();

export const PeriodInput = z.union([
  z.object({ from: LocalDaySchema, to: LocalDaySchema }).strict().refine((r) => r.from <= r.to, 'from must not be after to'),
  z.object({ kind: z.enum(periodKinds), of: LocalDaySchema }).strict(),
]);

export const PeriodReportOutput = z.object({
  from: LocalDaySchema,
  to: LocalDaySchema,
  ...Summary.shape,
  /** The daily index per dimension, for the trend chart; days without answers are left out. */
  trend: z.array(
    z.object({
      day: LocalDaySchema,
      index: z.number().nullable(),
      answers: z.int(),
      dimensions: z.record(z.string(), z.number().nullable()),
    }),
  ),
});

export const reportOperations = {
  liveStatus: operation({
    role: 'staff',
    summary: 'A cheap poll for dashboards: the revision moves whenever a response is stored.',
    passive: true,
    input: z.object({}).strict(),
    output: z.object({ revision: z.int().min(0), pendingWrites: z.int().min(0) }),
  }),
  dailySummary: operation({
    role: 'staff',
    summary: "One local day's response counts and SIPAS scores (today when no day is given).",
    input: z.object({ day: LocalDaySchema.optional() }).strict(),
    output: DailySummaryOutput,
  }),
  todayOverview: operation({
    role: 'staff',
    summary: 'The landing view: today beside yesterday and the last 7 days, by counter, officer and field.',
    input: z.object({ day: LocalDaySchema.optional() }).strict(),
    output: TodayOutput,
  }),
  periodReport: operation({
    role: 'staff',
    summary: 'Scores for any range, week, month, quarter or year, with the daily trend; filtered.',
    input: z.object({ period: PeriodInput, filter: ReportFilterInput.default({ includeSuspect: false, includeAbandoned: false }) }).strict(),
    output: PeriodReportOutput,
  }),
};
