import { AGGREGATE_SCHEMA, AggregateBatch, canonicalJson } from '../contract/syncProtocol';
import type { DayFacts } from './syncPorts';

export interface BatchHeader {
  batchId: string;
  unit: { code: string; name: string };
  device: { id: string; appVersion: string };
  date: string;
  revision: number;
  generatedAt: string;
}

type Row = AggregateBatch['rows'][number];

/**
 * One day's batch, built from counts only: the body's schema is strict, so a
 * comment, phone number, case code or officer cannot be in it.
 *
 * totals.responses is every response stored for the day (completed or not);
 * totals.excluded the ones left out of the rows — suspect (misuse filter) and
 * abandoned — so responses − excluded is the number of counted responses.
 * The rows hold the counted answers by item, counter and field; a day on which
 * the questionnaire changed sends the answers of both under the one used most
 * (items share the SIPAS ids, so the collector can add them up).
 */
export function composeBatch(header: BatchHeader, facts: DayFacts): { batch: AggregateBatch; body: string } {
  const usage = new Map<string, { id: string; version: number; counted: number; all: number }>();
  let responses = 0;
  let excluded = 0;
  for (const r of facts.responses) {
    const key = `${r.questionnaireId}@${r.questionnaireVersion}`;
    const u = usage.get(key) ?? { id: r.questionnaireId, version: r.questionnaireVersion, counted: 0, all: 0 };
    u.all += r.n;
    if (r.kind === 'counted') u.counted += r.n;
    else excluded += r.n;
    responses += r.n;
    usage.set(key, u);
  }
  const mostUsed = [...usage.values()].sort(
    (a, b) => b.counted - a.counted || b.all - a.all || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || b.version - a.version,
  )[0];
  if (!mostUsed) throw new Error(`day ${header.date} has no responses to send`);

  const rows = new Map<string, Row>();
  for (const a of facts.answers) {
    const key = `${a.item}|${a.counter}|${a.field}`;
    const row = rows.get(key) ?? { item: a.item, counter: a.counter || null, field: a.field || null, counts: [0, 0, 0, 0, 0] };
    const at = a.value5 - 1;
    if (!Number.isInteger(at) || at < 0 || at > 4) throw new Error(`value ${a.value5} is not on the five-point scale`);
    row.counts[at] = (row.counts[at] ?? 0) + a.n;
    rows.set(key, row);
  }
  const ordered = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);

  const batch = AggregateBatch.parse({
    schema: AGGREGATE_SCHEMA,
    ...header,
    questionnaire: { id: mostUsed.id, version: mostUsed.version },
    totals: { responses, excluded },
    rows: ordered,
  });
  return { batch, body: canonicalJson(batch) };
}
