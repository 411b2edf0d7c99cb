import { z } from 'zod';
import { LocalDaySchema, ResponseCountsSchema, SipasScoreSchema } from './schemas';
import { operation } from './operation';

export const DailySummaryOutput = z.object({
  day: LocalDaySchema,
  responses: ResponseCountsSchema,
  score: SipasScoreSchema,
});

export const reportOperations = {
  dailySummary: operation({
    role: 'staff',
    summary: "One local day's response counts and SIPAS scores (today when no day is given).",
    input: z.object({ day: LocalDaySchema.optional() }).strict(),
    output: DailySummaryOutput,
  }),
};
