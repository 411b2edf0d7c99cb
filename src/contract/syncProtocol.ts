import { z } from 'zod';
import { ITEM_ID_PATTERN } from '../domain/dimensions';
import { isLocalDay } from '../domain/localDay';
import { countsOf } from '../domain/responseCounts';

/**
 * The upstream interface `sipas.aggregate.v1` (docs/SYNC-PROTOCOL.md), as zod:
 * the kiosk builds its batches with it and the hub validates what it receives
 * with the very same schema. Only counts cross this line — never a comment, a
 * phone number or a case code. One batch is one (device, day, questionnaire id +
 * version): rows of different questionnaires never share a batch.
 */
export const AGGREGATE_SCHEMA = 'sipas.aggregate.v1';
export const BATCHES_PATH = '/v1/sipas/batches';

const MAX_COUNT = 10_000_000;
const MAX_ROWS = 20_000;
const Count = z.int().min(0).max(MAX_COUNT);

export const AggregateRow = z
  .object({
    item: z.string().regex(ITEM_ID_PATTERN, 'a dimension id, or a criterion like access.1'),
    counter: z.string().min(1).max(40).nullable(),
    field: z.string().min(1).max(40).nullable(),
    /**
     * Answers at the item's own scale points (index 0 = point 1): five entries, or
     * three for a three-point item (Không hài lòng, Hài lòng, Rất hài lòng).
     */
    counts: z.union([z.tuple([Count, Count, Count, Count, Count]), z.tuple([Count, Count, Count])]),
  })
  .strict();
type AggregateRow = z.infer<typeof AggregateRow>;

/** Everything but the rows. */
const batchFields = {
  schema: z.literal(AGGREGATE_SCHEMA),
  batchId: z.uuid(),
  unit: z.object({ code: z.string().min(1).max(20), name: z.string().min(1).max(120) }).strict(),
  device: z.object({ id: z.string().min(1).max(60), appVersion: z.string().min(1).max(40) }).strict(),
  questionnaire: z.object({ id: z.string().min(1).max(40), version: z.int().min(1) }).strict(),
  date: z.string().refine(isLocalDay, 'a calendar date written YYYY-MM-DD'),
  revision: z.int().min(1),
  generatedAt: z.iso.datetime({ offset: true }),
  /** responses = counted + suspect + abandoned (src/domain/responseCounts.ts); only counted ones are in rows. */
  totals: z.object({ responses: Count, counted: Count, suspect: Count, abandoned: Count }).strict(),
};

interface RuleIssue {
  path: Array<string | number>;
  message: string;
}

/** The rules across fields of a batch whose fields are each valid: what superRefine adds, in its order. */
function batchRuleIssues(batch: { totals: z.infer<typeof batchFields.totals>; rows: readonly AggregateRow[] }) {
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  batch.rows.forEach((row, i) => {
    const key = `${row.item}|${row.counter ?? ''}|${row.field ?? ''}`;
    if (seen.has(key)) issues.push({ path: ['rows', i], message: 'duplicate item/counter/field row' });
    seen.add(key);
  });
  const { responses, counted } = countsOf(batch.totals);
  if (batch.totals.responses !== responses) {
    issues.push({ path: ['totals', 'responses'], message: `must equal counted + suspect + abandoned (${responses})` });
  }
  // Each counted response answers an item at most once: an item's answers cannot outnumber them.
  const answered = new Map<string, { total: number; at: number }>();
  batch.rows.forEach((row, i) => {
    const seenItem = answered.get(row.item) ?? { total: 0, at: i };
    seenItem.total += row.counts.reduce((sum, n) => sum + n, 0);
    answered.set(row.item, { total: seenItem.total, at: i });
  });
  for (const [item, { total, at }] of answered) {
    if (total > counted) {
      issues.push({
        path: ['rows', at, 'counts'],
        message: `${total} answers to ${item}, more than the ${counted} counted responses`,
      });
    }
  }
  return issues;
}

export const AggregateBatch = z
  .object({ ...batchFields, rows: z.array(AggregateRow).max(MAX_ROWS) })
  .strict()
  .superRefine((batch, ctx) => {
    for (const issue of batchRuleIssues(batch)) ctx.addIssue({ code: 'custom', ...issue });
  });

/** The batch with its rows left unchecked (checked by isPlainRow on the hub's fast path). */
const AggregateBatchHead = z.object({ ...batchFields, rows: z.array(z.unknown()).max(MAX_ROWS) }).strict();

const isCount = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) <= MAX_COUNT;
const isLabel = (s: unknown) => s === null || (typeof s === 'string' && s.length >= 1 && s.length <= 40);

/**
 * True only for a value AggregateRow accepts unchanged: an object with exactly its four
 * keys, each as the schema wants it. It may refuse more than the schema (never less).
 */
function isPlainRow(row: unknown): row is AggregateRow {
  if (typeof row !== 'object' || row === null || Array.isArray(row) || Object.keys(row).length !== 4) return false;
  const { item, counter, field, counts } = row as Record<string, unknown>;
  return (
    Object.hasOwn(row, 'item') &&
    Object.hasOwn(row, 'counter') &&
    Object.hasOwn(row, 'field') &&
    Object.hasOwn(row, 'counts') &&
    typeof item === 'string' &&
    ITEM_ID_PATTERN.test(item) &&
    isLabel(counter) &&
    isLabel(field) &&
    Array.isArray(counts) &&
    (counts.length === 5 || counts.length === 3) &&
    counts.every(isCount)
  );
}

/**
 * AggregateBatch.safeParse for a value fresh from JSON.parse, as the hub receives it, at
 * a fraction of the cost: zod checks every field but the rows; the rows (a hundred
 * objects, where zod spends its time) are checked by isPlainRow, then the rules across
 * fields. Whatever this does not accept outright goes to AggregateBatch.safeParse, so a
 * refusal is zod's, naming the field, and the accepted batch is the one zod would give.
 * tests/unit/hubIngestSchema.test.ts holds the two to the same answers.
 */
export function safeParseAggregateBatch(json: unknown): ReturnType<typeof AggregateBatch.safeParse> {
  const head = AggregateBatchHead.safeParse(json);
  if (head.success && head.data.rows.every(isPlainRow)) {
    const batch = head.data as AggregateBatch;
    if (batchRuleIssues(batch).length === 0) return { success: true, data: batch };
  }
  return AggregateBatch.safeParse(json);
}

export type AggregateBatch = z.infer<typeof AggregateBatch>;

/** The collector's answers (docs/SYNC-PROTOCOL.md, "Answers"). */
export const AcceptedAnswer = z.object({
  accepted: z.literal(true),
  batchId: z.string().optional(),
  duplicate: z.boolean().optional(),
});
export const ErrorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) });

/**
 * Canonical JSON: object keys sorted, no whitespace, UTF-8. The same batch
 * always gives the same bytes, so a resend is byte-identical and its signature too.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** http:// is allowed only for a loopback collector (tests, a collector on the same PC). */
export function isAllowedUpstream(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return true;
  if (parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
