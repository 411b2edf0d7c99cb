import type { ResponseCounts } from '../../domain/responseCounts';
import type { IncomingBatch } from './port';

/**
 * What one stored batch changes in the kept sums (month_totals, month_items,
 * day_items): its own contribution minus that of the revision it replaces. Both
 * stores compute it here and apply it in the ingest transaction, so the sums move
 * exactly when latest does, and a rolled-back (stale) batch changes nothing.
 */

type Counts5 = [number, number, number, number, number];

export interface ReplacedRow {
  item: string;
  c1: number | string;
  c2: number | string;
  c3: number | string;
  c4: number | string;
  c5: number | string;
}

export interface SumsDelta {
  month: string;
  /** +1 when the key is new, 0 when a revision replaces another. */
  deviceDays: number;
  totals: ResponseCounts;
  /** Per item, sorted by item (concurrent writers lock shared rows in one order). */
  items: Array<{ item: string; counts: Counts5 }>;
}

export function sumsDelta(
  batch: IncomingBatch,
  replacedRows: readonly ReplacedRow[],
  replacedTotals: ResponseCounts | null,
): SumsDelta {
  const byItem = new Map<string, Counts5>();
  const add = (item: string, counts: readonly number[], sign: 1 | -1) => {
    const sum = byItem.get(item) ?? [0, 0, 0, 0, 0];
    counts.forEach((n, i) => (sum[i] = sum[i]! + sign * n));
    byItem.set(item, sum);
  };
  for (const row of batch.rows) add(row.item, row.counts, 1);
  for (const row of replacedRows) add(row.item, [row.c1, row.c2, row.c3, row.c4, row.c5].map(Number), -1);
  const old = replacedTotals ?? { responses: 0, counted: 0, suspect: 0, abandoned: 0 };
  return {
    month: batch.date.slice(0, 7),
    deviceDays: replacedTotals ? 0 : 1,
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
