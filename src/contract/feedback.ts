import { z } from 'zod';
import { operation } from './operation';

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
});

export const FeedbackStats = z.object({
  total: z.int(),
  handled: z.int(),
  /** Share resolved, 0..100; null when there is no feedback yet. */
  handledPercent: z.number().nullable(),
  oldestUnhandled: z.object({ responseId: z.string(), submittedAt: z.string() }).nullable(),
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
    output: z.object({ items: z.array(FeedbackItem), next: z.int().nullable(), stats: FeedbackStats }),
  }),
  updateFeedback: operation({
    role: 'staff',
    summary: 'Moves a feedback item along new → in progress → resolved, with a note; records who and when.',
    input: z
      .object({
        responseId: z.uuid(),
        status: z.enum(feedbackStatuses),
        note: z.string().trim().max(2000).optional(),
      })
      .strict(),
    output: FeedbackItem,
  }),
};
