import { z } from 'zod';
import { dimensionIds } from '../domain/dimensions';
import { COMMENT_MAX_LENGTH, normalisePhone, PHONE_PATTERN } from '../domain/kioskSettings';
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

/** Reasons picked after a low score, from the questionnaire's list for that dimension. */
const ReasonsSchema = z
  .array(z.object({ dimension: z.enum(dimensionIds), reason: z.string().min(1).max(40) }).strict())
  .max(60);

/** Free text, stored NFC-normalised; personal data, purged after the retention period. */
const CommentSchema = z
  .string()
  .max(COMMENT_MAX_LENGTH * 4)
  .transform((text) => text.normalize('NFC').trim())
  .refine((text) => text.length <= COMMENT_MAX_LENGTH, `at most ${COMMENT_MAX_LENGTH} characters`);

/** A phone number, only with the consent box ticked: the notice's version is stored with it. */
const ContactSchema = z
  .object({
    phone: z
      .string()
      .max(20)
      .transform(normalisePhone)
      .refine((phone) => PHONE_PATTERN.test(phone), 'a Vietnamese phone number (0… or +84…)'),
    consentVersion: z.string().min(1).max(40),
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
    /**
     * Ignored, accepted from older clients: the host decides the status from the
     * answers (src/domain/visit.ts isComplete), never from what a client claims.
     */
    status: z.enum(['completed', 'abandoned']).optional(),
    /**
     * The ratings given so far. Sent again with the same id, they update the stored
     * response: an answer per item replaces the one stored, answers not sent are kept.
     */
    answers: z.array(AnswerSchema).max(100),
    context: ResponseContextSchema.optional(),
    /** The armed context this response answers (see armKiosk); it replaces `context`. */
    armId: z.uuid().optional(),
    /** With the first commit only (the kiosk adds them later with addResponseDetails). */
    reasons: ReasonsSchema.default([]),
    comment: CommentSchema.optional(),
    contact: ContactSchema.optional(),
  })
  .strict();

/**
 * What the citizen adds after the ratings were committed, one screen at a time:
 * each part given replaces what was stored (an empty list, empty comment or null
 * contact removes it), so sending the same part again changes nothing.
 */
export const AddResponseDetailsInput = z
  .object({
    id: z.uuid(),
    reasons: ReasonsSchema.optional(),
    comment: CommentSchema.optional(),
    contact: ContactSchema.nullable().optional(),
  })
  .strict()
  .refine(
    (input) => input.reasons !== undefined || input.comment !== undefined || input.contact !== undefined,
    'give reasons, comment or contact',
  );

export const SubmitResponseOutput = z.object({
  id: z.uuid(),
  day: LocalDaySchema,
  status: z.enum(['completed', 'abandoned']),
  flags: z.array(z.string()),
  /** True when this id had been stored before and the call changed nothing (a retry). */
  duplicate: z.boolean(),
});

export const AddResponseDetailsOutput = z.object({
  id: z.uuid(),
  /** False when the parts given were already stored as sent (a retry). */
  changed: z.boolean(),
});

export const surveyOperations = {
  getActiveQuestionnaire: operation({
    role: 'citizen',
    summary: 'The questionnaire the kiosk asks now.',
    input: EmptyInput,
    output: QuestionnaireSchema,
  }),
  checkCaseCode: operation({
    role: 'citizen',
    summary: 'Whether a scanned case code has already been rated (one rating per case).',
    input: z.object({ caseCode: z.string().trim().min(1).max(64) }).strict(),
    output: z.object({ alreadyRated: z.boolean() }),
  }),
  submitResponse: operation({
    role: 'citizen',
    summary: "Stores one citizen's ratings, or updates them (same id); acknowledged only after the commit.",
    input: SubmitResponseInput,
    output: SubmitResponseOutput,
  }),
  addResponseDetails: operation({
    role: 'citizen',
    summary: 'Adds reasons, a comment or a phone number to a stored response; each call is one transaction.',
    input: AddResponseDetailsInput,
    output: AddResponseDetailsOutput,
  }),
};
