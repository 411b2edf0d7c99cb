import type { Session } from '../contract/dispatch';
import { AppError } from '../domain/errors';
import type { Clock, FeedbackRecord, FeedbackStatus, FeedbackStore } from './ports';

export interface FeedbackServiceDeps {
  store: FeedbackStore;
  clock: Clock;
  lowScoreThreshold: () => number;
}

const withoutCursor = ({ cursor: _cursor, ...item }: FeedbackRecord) => item;

/** The feedback inbox (phản ánh, kiến nghị): the commune's plan wants every item handled. */
export function createFeedbackService({ store, clock, lowScoreThreshold }: FeedbackServiceDeps) {
  function stats() {
    const { total, handled, oldestUnhandled } = store.stats();
    return { total, handled, handledPercent: total === 0 ? null : (handled / total) * 100, oldestUnhandled };
  }

  return {
    list({ status, limit, before }: { status?: FeedbackStatus | undefined; limit: number; before?: number | undefined }) {
      // One more than asked tells whether another page exists.
      const rows = store.page({ status: status ?? null, before: before ?? null, limit: limit + 1, threshold: lowScoreThreshold() });
      const items = rows.slice(0, limit);
      const next = rows.length > limit ? (items.at(-1)?.cursor ?? null) : null;
      return { items: items.map(withoutCursor), next, stats: stats() };
    },

    update({ responseId, status, note }: { responseId: string; status: FeedbackStatus; note?: string | undefined }, session: Session | null) {
      if (!session) throw new AppError('unauthenticated', 'sign in first');
      if (status === 'resolved' && !note) throw new AppError('bad_input', 'note: say how it was resolved');
      const changed = store.update({ responseId, status, note: note || null, by: session.officer, at: new Date(clock.now()).toISOString() });
      if (!changed) throw new AppError('not_found', `responseId: no feedback for ${responseId}`);
      const item = store.find(responseId, lowScoreThreshold());
      if (!item) throw new AppError('not_found', `responseId: no feedback for ${responseId}`);
      return withoutCursor(item);
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
