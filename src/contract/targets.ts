import { z } from 'zod';
import { LocalDaySchema } from './schemas';
import { operation } from './operation';

const Percent = z.number().min(0).max(100);
const WorkingDays = z.int().min(0).max(60);
const Year = z.int().min(2000).max(2100);

/**
 * The year's targets of the commune's plan (UBND xã Điện Hồng, 2024): the SIPAS
 * index and each dimension at or above a percentage; the share of procedure fields
 * rated good (their index at or above the SIPAS target) at or above a percentage;
 * every low rating handled, and every citizen who left a phone number called back,
 * within so many working days.
 */
export const PlanTargetsSchema = z
  .object({
    year: Year,
    sipas: Percent,
    dimensions: z
      .object({ access: Percent, procedure: Percent, officer: Percent, result: Percent, feedback: Percent })
      .strict(),
    fieldsGoodShare: Percent,
    handleWithinDays: WorkingDays,
    callBackWithinDays: WorkingDays,
    /** Today's alert for a dimension below its target waits for at least this many counted responses. */
    alertMinResponses: z.int().min(1).max(1000),
  })
  .strict();

export type PlanTargets = z.infer<typeof PlanTargetsSchema>;

export const HolidaySchema = z.object({ day: LocalDaySchema, name: z.string().trim().min(1).max(120) }).strict();

const Status = z.enum(['met', 'at_risk', 'missed', 'no_data']);

const Figure = z.object({
  /** The target, as a percentage. */
  target: z.number(),
  /** Year to date; null without data. */
  value: z.number().nullable(),
  /** value − target (negative: short of the target); null without data. */
  gap: z.number().nullable(),
  /** This month so far; null without data. */
  month: z.number().nullable(),
  status: Status,
});

export const TargetProgressSchema = z.object({
  year: Year,
  /** The day the figures run to (today, or 31/12 of a past year). */
  asOf: LocalDaySchema,
  targets: PlanTargetsSchema,
  /** The targets were never saved for this year: the plan's defaults are shown. */
  isDefault: z.boolean(),
  /** The questionnaire version whose answers the index figures use (never pooled across versions). */
  questionnaire: z.object({ id: z.string(), version: z.int(), title: z.string() }).nullable(),
  counted: z.int(),
  sipas: Figure,
  dimensions: z.array(Figure.extend({ dimension: z.string() })),
  fieldsGood: Figure.extend({ good: z.int(), fields: z.int() }),
  handledOnTime: Figure.extend({ onTime: z.int(), due: z.int(), open: z.int() }),
  calledBackOnTime: Figure.extend({ onTime: z.int(), due: z.int(), open: z.int() }),
  /** SIPAS and dimension indices by month, January first. */
  trend: z.array(
    z.object({
      month: z.string(),
      counted: z.int(),
      sipas: z.number().nullable(),
      dimensions: z.record(z.string(), z.number().nullable()),
    }),
  ),
  /** The lowest-rated criteria (items) and fields, year to date, worst first. */
  weakestItems: z.array(z.object({ item: z.string(), dimension: z.string(), index: z.number(), answers: z.int() })),
  weakestFields: z.array(z.object({ field: z.string(), name: z.string(), index: z.number(), counted: z.int() })),
});

export const StaffAlertsSchema = z.object({
  /** Today's low ratings not yet resolved, newest first. */
  lowRatings: z.array(
    z.object({
      responseId: z.string(),
      submittedAt: z.string(),
      officer: z.string().nullable(),
      field: z.string().nullable(),
      lowScores: z.array(z.object({ item: z.string(), value: z.int() })),
      reasons: z.array(z.object({ dimension: z.string(), reason: z.string() })),
    }),
  ),
  /** Dimensions whose index today is under the year's target, with enough responses to say so. */
  belowTarget: z.array(z.object({ dimension: z.string(), index: z.number(), target: z.number(), counted: z.int() })),
  /** Grows with every stored response: the screen asks again only when it moved. */
  revision: z.int(),
});

export const targetOperations = {
  getTargets: operation({
    role: 'staff',
    summary:
      "The year's targets (the plan's defaults until an administrator saves them) and the public holidays of the year.",
    input: z.object({ year: Year }).strict(),
    output: z.object({ targets: PlanTargetsSchema, isDefault: z.boolean(), holidays: z.array(HolidaySchema) }),
  }),
  saveTargets: operation({
    role: 'admin',
    summary: "Sets the year's targets; audited.",
    input: PlanTargetsSchema,
    output: PlanTargetsSchema,
  }),
  saveHolidays: operation({
    role: 'admin',
    summary: "Replaces the year's public holidays (days off that working-day deadlines skip); audited.",
    input: z
      .object({ year: Year, holidays: z.array(HolidaySchema).max(60) })
      .strict()
      .refine((v) => v.holidays.every((h) => h.day.startsWith(`${v.year}-`)), {
        message: 'every day must be in the year',
        path: ['holidays'],
      }),
    output: z.array(HolidaySchema),
  }),
  targetProgress: operation({
    role: 'staff',
    summary:
      'Year to date against each target: the gap, the trend by month, the weakest criteria and fields, what is at risk this month.',
    input: z.object({ year: Year.optional() }).strict(),
    output: TargetProgressSchema,
  }),
  staffAlerts: operation({
    role: 'staff',
    summary: "Today's low ratings awaiting a response (with reasons) and dimensions under the target today.",
    input: z.object({}).strict(),
    output: StaffAlertsSchema,
  }),
};
