import { z } from 'zod';
import { dimensionIds, ITEM_ID_PATTERN } from './dimensions';

/** Every text a citizen reads comes in Vietnamese and English. */
export const TranslatedText = z
  .object({
    vi: z.string().trim().min(1, 'required').max(500),
    en: z.string().trim().min(1, 'required').max(500),
  })
  .strict();

const Code = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and hyphens, at most 40');

export const ReasonSchema = z.object({ id: Code, text: TranslatedText }).strict();

export const ItemSchema = z
  .object({
    id: z.string().regex(ITEM_ID_PATTERN, 'a dimension id, optionally followed by .N'),
    text: TranslatedText,
    scale: z.union([z.literal(5), z.literal(3)]).default(5),
    /** An optional item offers "Không ý kiến" (no opinion); the answer is then not counted. */
    optional: z.boolean().default(false),
  })
  .strict();

export const DimensionSchema = z
  .object({
    id: z.enum(dimensionIds),
    title: TranslatedText,
    /**
     * Refused: no official weights exist, so every index uses equal weights (docs/SIPAS.md).
     * Kept in the schema only to say so by name; migration 12 strips it from stored definitions.
     */
    weight: z.never({ error: 'SIPAS dimensions have equal weights; remove this field' }).optional(),
    items: z.array(ItemSchema).min(1).max(20),
    /** Reasons offered after a low score: things a commune can act on. */
    reasons: z.array(ReasonSchema).max(12).default([]),
  })
  .strict();

export const QuestionnaireSchema = z
  .object({
    schema: z.literal('sipas.questionnaire.v1'),
    id: Code,
    version: z.int().min(1).max(1_000_000),
    title: TranslatedText,
    dimensions: z.array(DimensionSchema).min(1).max(5),
  })
  .strict()
  .superRefine((questionnaire, ctx) => {
    const seenDimensions = new Set<string>();
    const seenItems = new Set<string>();
    questionnaire.dimensions.forEach((dimension, d) => {
      if (seenDimensions.has(dimension.id)) {
        ctx.addIssue({ code: 'custom', path: ['dimensions', d, 'id'], message: `duplicate dimension ${dimension.id}` });
      }
      seenDimensions.add(dimension.id);
      dimension.items.forEach((item, i) => {
        if (item.id.split('.')[0] !== dimension.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['dimensions', d, 'items', i, 'id'],
            message: `item ${item.id} must start with its dimension id ${dimension.id}`,
          });
        }
        if (seenItems.has(item.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['dimensions', d, 'items', i, 'id'],
            message: `duplicate item ${item.id}`,
          });
        }
        seenItems.add(item.id);
      });
    });
  });

export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
export type QuestionnaireInput = z.input<typeof QuestionnaireSchema>;
export type QuestionnaireDimension = Questionnaire['dimensions'][number];
export type QuestionnaireItem = QuestionnaireDimension['items'][number];

export function itemsOf(questionnaire: Questionnaire): QuestionnaireItem[] {
  return questionnaire.dimensions.flatMap((dimension) => dimension.items);
}
