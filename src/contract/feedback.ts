import { z } from 'zod';
import { operation } from './operation';
import { LocalDaySchema } from './schemas';

export const feedbackStatuses = ['new', 'in_progress', 'resolved'] as const;

export const FeedbackItem = z.object({
  responseId: z.string(),
  submittedAt: z.string(),
  day: z.string(),
  responseStatus: z.enum(['completed', 'abandoned']),
  flags: z.array(z.string()),
  counter: z.string().nullable(),
  officer: z.string().nullable(),
  field: z.string().nullable(),
  /** Answers at or under the low-score threshold, on the five-point scale. */
  lowScores: z.array(z.object({ item: z.string(), value: z.int() })),
  reasons: z.array(z.object({ dimension: z.string(), reason: z.string() })),
  /** Plain text: the screens show it as text, never as HTML. */
  comment: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(feedbackStatuses),
  note: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** Who resolved it and when (null while open); kept apart from the last update. */
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** Resolved by the officer the rating is about (before fair handling was enforced): not counted as handled. */
  selfResolved: z.boolean(),
  /** The last local day to resolve it: the year's target in working days (weekends and public holidays skipped). */
  dueDay: LocalDaySchema,
  /** "Đã gọi lại cho người dân": when and with what result. */
  callBack: z.object({ day: LocalDaySchema, result: z.string(), by: z.string(), at: z.string() }).nullable(),
  /** The last local day to call back a citizen who left a phone number; null without one. */
  callBackDueDay: LocalDaySchema.nullable(),
});

/** A share of items dealt with in time, this year: on time / due; items still within their deadline are open. */
export const DeadlineFigure = z.object({
  onTime: z.int(),
  due: z.int(),
  open: z.int(),
  percent: z.number().nullable(),
});

export const FeedbackStats = z.object({
  total: z.int(),
  handled: z.int(),
  /** Share resolved, 0..100; null when there is no feedback yet. */
  handledPercent: z.number().nullable(),
  oldestUnhandled: z.object({ responseId: z.string(), submittedAt: z.string() }).nullable(),
  /** Resolved within the deadline by someone other than the officer concerned, this year. */
  onTime: DeadlineFigure,
  /** Citizens who left a phone number, called back within the deadline, this year. */
  calledBack: DeadlineFigure,
});

export const feedbackOperations = {
  listFeedback: operation({
    role: 'staff',
    summary: 'Low ratings with reasons and comments, newest first, with how each was handled.',
    input: z
      .object({
        status: z.enum(feedbackStatuses).optional(),
        limit: z.int().min(1).max(200).default(50),
        /** Continue after this cursor (from the previous page). */
        before: z.int().min(1).optional(),
      })
      .strict(),
    output: z.object({
      items: z.array(FeedbackItem),
      next: z.int().nullable(),
      stats: FeedbackStats,
      /** Who may resolve an item about another officer besides any other staff member. */
      deskHeads: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  }),
  updateFeedback: operation({
    role: 'staff',
    summary:
      'Moves a feedback item along new → in progress → resolved, with a note; records who and when (audited). The officer a rating is about cannot resolve it.',
    input: z
      .object({
        responseId: z.uuid(),
        status: z.enum(feedbackStatuses),
        note: z.string().trim().max(2000).optional(),
      })
      .strict(),
    output: FeedbackItem,
  }),
  recordCallBack: operation({
    role: 'staff',
    summary: 'Records that a citizen who left a phone number was called back: the day and the result (audited).',
    input: z
      .object({
        responseId: z.uuid(),
        day: LocalDaySchema,
        result: z.string().trim().min(1, 'say what came of the call').max(500),
      })
      .strict(),
    output: FeedbackItem,
  }),
};
