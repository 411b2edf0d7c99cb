import type { OutputOf } from '../../../src/contract/operations';

export type FeedbackList = OutputOf<'listFeedback'>;
export type FeedbackItem = FeedbackList['items'][number];
export type FeedbackStats = FeedbackList['stats'];
export type FeedbackStatus = FeedbackItem['status'];
/** '' is every status. */
export type StatusFilter = '' | FeedbackStatus;

export const statusFilters: readonly StatusFilter[] = ['', 'new', 'in_progress', 'resolved'];

/**
 * Items that arrived since `items` was loaded go on top; items already shown
 * take their fresh state. Pages are newest first, so the new ones are exactly
 * those before the first item already known.
 */
export function mergeNewer(items: readonly FeedbackItem[], fresh: readonly FeedbackItem[]): FeedbackItem[] {
  const known = new Set(items.map((item) => item.responseId));
  const firstKnown = fresh.findIndex((item) => known.has(item.responseId));
  const newer = firstKnown === -1 ? fresh : fresh.slice(0, firstKnown);
  const freshById = new Map(fresh.map((item) => [item.responseId, item]));
  return [...newer, ...items.map((item) => freshById.get(item.responseId) ?? item)];
}
