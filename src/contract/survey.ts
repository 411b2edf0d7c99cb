import { z } from 'zod';
import { QuestionnaireSchema } from '../domain/questionnaire';
import { CodeSchema, EmptyInput, LanguageSchema, LocalDaySchema } from './schemas';
import { operation } from './operation';

/** What staff (or a scanner) attach to the next response. */
export const ResponseContextSchema = z
  .object({
    caseCode: z.string().trim().min(1).max(64).optional(),
    counter: CodeSchema.optional(),
    officer: CodeSchema.optional(),
    field: CodeSchema.optional(),
  })
  .strict();

export const AnswerSchema = z
  .object({
    item: z.string().min(1).max(40),
    /** On the item's own scale; null is "Không ý kiến" (no opinion). */
    score: z.int().min(1).max(5).nullable(),
  })
  .strict();

export const SubmitResponseInput = z
  .object({
    /** Made by the client so a retried submission is stored once. */
    id: z.uuid(),
    questionnaire: z.object({ id: z.string().min(1).max(40), version: z.int().min(1) }).strict(),
    language: LanguageSchema,
    /**
     * Time from the first tap to submission, measured on a monotonic clock in
     * the client: a wall-clock start time would break when the clock jumps.
     */
    durationMs: z.int().min(0).max(86_400_000),
    status: z.enum(['completed', 'abandoned']),
    answers: z.array(AnswerSchema).max(100),
    context: ResponseContextSchema.optional(),
  })
  .strict();

export const SubmitResponseOutput = z.object({
  id: z.uuid(),
  day: LocalDaySchema,
  status: z.enum(['completed', 'abandoned']),
  flags: z.array(z.string()),
  /** True when this id had been stored before (a retry). */
  duplicate: z.boolean(),
});

export const surveyOperations = {
  getActiveQuestionnaire: operation({
    role: 'citizen',
    summary: 'The questionnaire the kiosk asks now.',
    input: EmptyInput,
    output: QuestionnaireSchema,
  }),
  submitResponse: operation({
    role: 'citizen',
    summary: "Stores one citizen's answers; acknowledged only after the commit.",
    input: SubmitResponseInput,
    output: SubmitResponseOutput,
  }),
};
