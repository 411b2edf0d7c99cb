import type pg from 'pg';
import type { ResponseCounts } from '../../domain/responseCounts';
import { decodeItemCounts, itemSums, sumsDelta, type SumsDelta } from './keptSums';
import type { IncomingBatch, IngestOutcome } from './port';
import { firstRevisionFunction, keepOthersText, lockDeviceText, RUNNING_MOVED } from './postgresFunctions';
import { statement } from './postgresPool';
import { applyDelta, runningValues, storedRunningOf, withDelta, type Running } from './running';
import * as sql from './sql';
import { stripeOf } from './stripes';

/**
 * One batch's writes on PostgreSQL, in the caller's transaction (postgresStore.ts
 * opens it and keeps each device's last running row between batches): the long way
 * for any batch, and one round trip for a device's next day.
 */

/** The statements of a batch's writes, each prepared once per connection. */
const s = {
  insertBatch: statement(sql.insertBatch),
  batchHash: statement(sql.batchHash),
  latestOf: statement(sql.latestOf),
  upsertLatest: statement(sql.upsertLatest),
  replacedTotals: statement(sql.replacedTotals),
  runningAround: statement(sql.runningAround),
  putRunning: statement(sql.putRunning),
  lockDevice: { name: 'hub_lock_device', text: `SELECT ${lockDeviceText('$1')}` },
  keepOthers: { name: 'hub_keep_others', text: keepOthersText() },
  firstRevision: {
    name: 'hub_first_revision',
    text: `SELECT outcome, stored_revision FROM pg_temp.hub_first_revision(${Array.from({ length: 31 }, (_, i) => `$${i + 1}`).join(', ')})`,
  },
};

/** A device's last running row of one questionnaire as this hub last wrote or read it; `date` null: none yet. */
export interface KnownLast {
  date: string | null;
  version: number | null;
  running: Running;
}

export const runningKeyOf = (batch: IncomingBatch) =>
  `${batch.deviceId}\u0000${batch.questionnaire.id}\u0000${batch.questionnaire.version}`;

/** The per-item change as keepOthersText's arrays: items, then c1..c5. */
const itemArrays = (delta: SumsDelta) => [
  delta.items.map((d) => d.item),
  ...[0, 1, 2, 3, 4].map((i) => delta.items.map((d) => d.counts[i])),
];

/**
 * Any batch, in the caller's transaction: the batch, its latest pointer, what it
 * replaces, then — under its device's lock — its device's running rows read, changed
 * (running.applyDelta) and written, and the other kept sums. Answers the device's
 * last running row once committed, for the next batch's one-round-trip path.
 */
export async function writeBatch(
  client: pg.PoolClient,
  batch: IncomingBatch,
): Promise<{ outcome: IngestOutcome; last?: KnownLast }> {
  const run = (st: { name: string; text: string }, values: unknown[]) => client.query({ ...st, values });
  const key = [batch.deviceId, batch.date, batch.questionnaire.id, batch.questionnaire.version];
  const storedRevision = async () =>
    ((await run(s.latestOf, key)).rows[0] as { revision: number } | undefined)?.revision ?? batch.revision;
  const { responses, counted, suspect, abandoned } = batch.totals;
  const ownItems = itemSums(batch.rows);
  const inserted = await run(s.insertBatch, [...sql.insertBatchParams(batch, ownItems)]);
  if (inserted.rowCount === 0) {
    // A concurrent twin waited on the unique index and now sees the committed row.
    const existing = (await run(s.batchHash, [batch.batchId])).rows[0] as { body_hash: string } | undefined;
    if (existing) return { outcome: { kind: existing.body_hash === batch.bodyHash ? 'duplicate' : 'conflict' } };
    return { outcome: { kind: 'stale', storedRevision: await storedRevision() } };
  }
  if (
    (await run(s.upsertLatest, [...key, batch.revision, batch.batchId, responses, counted, suspect, abandoned]))
      .rowCount === 0
  ) {
    return { outcome: { kind: 'stale', storedRevision: await storedRevision() } };
  }
  // Revision 1 can only be a new key: nothing to replace, a round trip saved.
  const replaced =
    batch.revision > 1
      ? (((await run(s.replacedTotals, [...key, batch.revision])).rows[0] as
          (ResponseCounts & { itemCounts: string | null }) | undefined) ?? null)
      : null;
  const delta = sumsDelta(
    batch,
    ownItems,
    replaced && { totals: replaced, items: decodeItemCounts(replaced.itemCounts) },
  );
  const q = [batch.questionnaire.id, batch.questionnaire.version];
  await run(s.lockDevice, [batch.deviceId]);
  const around = (await run(s.runningAround, [batch.deviceId, ...q, batch.deviceId, ...q, batch.date, batch.date]))
    .rows as Array<Record<string, unknown>>;
  const { put, last } = applyDelta(around.map(storedRunningOf), batch.date, delta);
  for (const { date, running } of put) await run(s.putRunning, [batch.deviceId, ...q, date, ...runningValues(running)]);
  await run(s.keepOthers, [
    batch.deviceId,
    ...q,
    batch.date,
    stripeOf(batch.deviceId),
    ...itemArrays(delta),
    batch.receivedAt,
  ]);
  return { outcome: { kind: 'created' }, last };
}

const withFunction = new WeakSet<pg.PoolClient>();

/**
 * A first revision for a day after its device's last running row as known: one
 * round trip (hub_first_revision). Null when that row is no longer the last one
 * (another hub process wrote since): nothing was stored, writeBatch must do it.
 */
export async function writeFirstRevision(
  client: pg.PoolClient,
  batch: IncomingBatch,
  known: KnownLast,
): Promise<{ outcome: IngestOutcome; last?: KnownLast } | null> {
  if (!withFunction.has(client)) {
    await client.query(firstRevisionFunction());
    withFunction.add(client);
  }
  const items = itemSums(batch.rows);
  const delta = sumsDelta(batch, items, null);
  const running = withDelta(known.running, delta);
  try {
    const result = await client.query<{ outcome: IngestOutcome['kind']; stored_revision: number | null }>({
      ...s.firstRevision,
      values: [
        ...sql.insertBatchParams(batch, items),
        stripeOf(batch.deviceId),
        known.date,
        known.version,
        ...runningValues(running),
        ...itemArrays(delta),
      ],
    });
    const { outcome, stored_revision: storedRevision } = result.rows[0]!;
    if (outcome === 'stale') return { outcome: { kind: 'stale', storedRevision: storedRevision ?? batch.revision } };
    if (outcome !== 'created') return { outcome: { kind: outcome } };
    return { outcome: { kind: 'created' }, last: { date: batch.date, version: 1, running } };
  } catch (error) {
    if ((error as { code?: string }).code === RUNNING_MOVED) return null;
    throw error;
  }
}
