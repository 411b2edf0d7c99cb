import type { ResponseCounts } from '../../domain/responseCounts';
import type { IncomingBatch } from './port';

/**
 * What one stored batch changes in the kept sums (device_running, day_items): its
 * own contribution minus that of the revision it
 * replaces. Both stores compute it here and apply it in the ingest transaction, so
 * the sums move exactly when latest does, and a rolled-back (stale) batch changes nothing.
 *
 * The kept sums are per item, so what a replaced revision must take away is its
 * counts per item: each batch keeps them in `batches.item_counts` (schema 4), a
 * compact copy of its rows added up by item, instead of every row of every latest
 * revision in a table of its own.
 */

export type Counts5 = [number, number, number, number, number];

export interface ItemCounts {
  item: string;
  counts: Counts5;
}

/** The rows added up by item, sorted by item (concurrent writers lock shared rows in one order). */
export function itemSums(rows: ReadonlyArray<{ item: string; counts: readonly number[] }>): ItemCounts[] {
  const byItem = new Map<string, Counts5>();
  for (const row of rows) {
    const sum = byItem.get(row.item) ?? [0, 0, 0, 0, 0];
    row.counts.forEach((n, i) => (sum[i] = sum[i]! + n));
    byItem.set(row.item, sum);
  }
  return [...byItem.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([item, counts]) => ({ item, counts }));
}

/** `batches.item_counts`: `[["access",0,1,3,20,33],…]`, the same text in both stores. */
export const encodeItemCounts = (items: readonly ItemCounts[]): string =>
  JSON.stringify(items.map(({ item, counts }) => [item, ...counts]));

export function decodeItemCounts(text: string | null): ItemCounts[] {
  // Only a batch already superseded when schema 4 came has none, and it is never replaced again.
  if (text === null) throw new Error('a batch without item_counts cannot be the one replaced');
  return (JSON.parse(text) as Array<[string, ...number[]]>).map(([item, ...counts]) => ({
    item,
    counts: counts.map(Number) as Counts5,
  }));
}

/** The revision a new one replaces, as stored: its four counts and its counts by item. */
export interface Replaced {
  totals: ResponseCounts;
  items: readonly ItemCounts[];
}

export interface SumsDelta {
  /** +1 when the key is new, 0 when a revision replaces another. */
  deviceDays: number;
  totals: ResponseCounts;
  /** Per item, sorted by item (concurrent writers lock shared rows in one order). */
  items: ItemCounts[];
}

export function sumsDelta(batch: IncomingBatch, items: readonly ItemCounts[], replaced: Replaced | null): SumsDelta {
  const byItem = new Map<string, Counts5>();
  const add = (list: readonly ItemCounts[], sign: 1 | -1) => {
    for (const { item, counts } of list) {
      const sum = byItem.get(item) ?? [0, 0, 0, 0, 0];
      counts.forEach((n, i) => (sum[i] = sum[i]! + sign * n));
      byItem.set(item, sum);
    }
  };
  add(items, 1);
  if (replaced) add(replaced.items, -1);
  const old = replaced?.totals ?? { responses: 0, counted: 0, suspect: 0, abandoned: 0 };
  return {
    deviceDays: replaced ? 0 : 1,
    totals: {
      responses: batch.totals.responses - Number(old.responses),
      counted: batch.totals.counted - Number(old.counted),
      suspect: batch.totals.suspect - Number(old.suspect),
      abandoned: batch.totals.abandoned - Number(old.abandoned),
    },
    items: [...byItem.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([item, counts]) => ({ item, counts })),
  };
}
