import { z } from 'zod';
import { periodKinds } from '../domain/periods';
import { CodeSchema, DimensionScoreSchema, LocalDaySchema, ResponseCountsSchema, SipasScoreSchema } from './schemas';
import { operation } from './operation';

const QuestionnaireRefSchema = z.object({ id: z.string(), version: z.int().min(1) });

/** A questionnaire version as reports name it; the title is null when the version is no longer installed. */
export const ReportQuestionnaire = QuestionnaireRefSchema.extend({
  title: z.object({ vi: z.string(), en: z.string() }).nullable(),
});

/** One questionnaire version's counts and scores: every index belongs to one version, never pooled across them. */
export const QuestionnaireSummary = z.object({
  questionnaire: ReportQuestionnaire,
  responses: ResponseCountsSchema,
  score: SipasScoreSchema,
});

/**
 * A period: the counts over every version (counts add up; indices do not), and
 * each version's own figures. There is no combined SIPAS across versions.
 */
const Summary = z.object({ responses: ResponseCountsSchema, byQuestionnaire: z.array(QuestionnaireSummary) });

export const DailySummaryOutput = z.object({ day: LocalDaySchema, ...Summary.shape });

/**
 * One row of a table by counter, officer or field ('' is "not recorded"), for
 * one questionnaire version: its whole SIPAS (with coverage) and each dimension's
 * index, so the officer table can show the officer dimension.
 */
export const BreakdownRow = z.object({
  code: z.string(),
  name: z.string(),
  questionnaire: QuestionnaireRefSchema,
  responses: ResponseCountsSchema,
  score: SipasScoreSchema.pick({ index: true, mean: true, answers: true, distribution: true, coverage: true }),
  dimensions: z.array(DimensionScoreSchema.omit({ items: true })),
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
    questionnaire: z
      .object({ id: z.string().min(1).max(40), version: z.int().min(1) })
      .strict()
      .optional(),
    includeSuspect: z.boolean().default(false),
    includeAbandoned: z.boolean().default(false),
  })
  .strict();

export const PeriodInput = z.union([
  z
    .object({ from: LocalDaySchema, to: LocalDaySchema })
    .strict()
    .refine((r) => r.from <= r.to, 'from must not be after to'),
  z.object({ kind: z.enum(periodKinds), of: LocalDaySchema }).strict(),
]);

/** The daily index per dimension of one questionnaire version, for the trend chart; days without answers are left out. */
const TrendRow = z.object({
  day: LocalDaySchema,
  index: z.number().nullable(),
  coverage: z.int().min(0).max(5),
  answers: z.int(),
  dimensions: z.record(z.string(), z.number().nullable()),
});

export const PeriodReportOutput = z.object({
  from: LocalDaySchema,
  to: LocalDaySchema,
  responses: ResponseCountsSchema,
  /** One section per questionnaire version answered in the period, each with its own trend. */
  byQuestionnaire: z.array(QuestionnaireSummary.extend({ trend: z.array(TrendRow) })),
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
    summary: "One local day's response counts and SIPAS scores per questionnaire version (today when no day is given).",
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
    summary:
      'Scores for any range, week, month, quarter or year, per questionnaire version, with the daily trend; filtered.',
    input: z
      .object({
        period: PeriodInput,
        filter: ReportFilterInput.default({ includeSuspect: false, includeAbandoned: false }),
      })
      .strict(),
    output: PeriodReportOutput,
  }),
};
