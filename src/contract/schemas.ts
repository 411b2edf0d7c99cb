import { z } from 'zod';
import { dimensionIds } from '../domain/dimensions';
import { languages } from '../domain/language';
import { isLocalDay } from '../domain/localDay';

/** Building blocks shared by the operation table. */
export const LocalDaySchema = z.string().refine(isLocalDay, 'a calendar date written YYYY-MM-DD');
export const LanguageSchema = z.enum(languages);
export const CodeSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'letters, digits, - or _, at most 40');
export const EmptyInput = z.object({}).strict();

const Count = z.int().min(0);
export const DistributionSchema = z.tuple([Count, Count, Count, Count, Count]);

const scoreFields = {
  index: z.number().min(0).max(100).nullable(),
  mean: z.number().min(1).max(5).nullable(),
  answers: Count,
  distribution: DistributionSchema,
};

export const ItemScoreSchema = z.object({ item: z.string(), ...scoreFields });
export const DimensionScoreSchema = z.object({
  dimension: z.enum(dimensionIds),
  items: z.array(ItemScoreSchema),
  ...scoreFields,
});
export const SipasScoreSchema = z.object({
  dimensions: z.array(DimensionScoreSchema),
  /** Dimensions with valid answers; under 5 the SIPAS figure is labelled partial ("4/5 yếu tố"). */
  coverage: z.int().min(0).max(5),
  ...scoreFields,
});

/** The one set of counts (src/domain/responseCounts.ts): responses = counted + suspect + abandoned. */
export const ResponseCountsSchema = z.object({
  responses: Count,
  /** Every required rating given, not flagged: the responses the index is computed from. */
  counted: Count,
  suspect: Count,
  abandoned: Count,
});
