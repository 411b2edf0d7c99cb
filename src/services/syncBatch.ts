import { AGGREGATE_SCHEMA, AggregateBatch, canonicalJson } from '../contract/syncProtocol';
import { countsOf } from '../domain/responseCounts';
import { fromFivePoint, type ScalePoints } from '../domain/scale';
import type { QuestionnaireRef } from '../domain/scoring';
import type { DayFacts } from './syncPorts';

export interface BatchHeader {
  batchId: string;
  unit: { code: string; name: string };
  device: { id: string; appVersion: string };
  questionnaire: QuestionnaireRef;
  date: string;
  revision: number;
  generatedAt: string;
}

/**
 * One batch: one day's responses to ONE questionnaire version (docs/SYNC-PROTOCOL.md),
 * built from counts only — the body's schema is strict, so a comment, phone
 * number, case code or officer cannot be in it.
 *
 * `totals` are the four counts of src/domain/responseCounts.ts (responses =
 * counted + suspect + abandoned); the rows hold the counted responses' answers by
 * item, counter and field. The facts must be of the header's questionnaire alone:
 * the store reads them by (day, questionnaire), so two forms never share a row.
 * A row's `counts` has as many entries as its item's scale has points (`scaleOf`).
 */
export function composeBatch(
  header: BatchHeader,
  facts: DayFacts,
  scaleOf: (item: string) => ScalePoints = () => 5,
): { batch: AggregateBatch; body: string } {
  const kinds = { counted: 0, suspect: 0, abandoned: 0 };
  for (const r of facts.responses) kinds[r.kind] += r.n;
  const totals = countsOf(kinds);
  if (totals.responses === 0)
    throw new Error(
      `day ${header.date} has no responses to ${header.questionnaire.id} v${header.questionnaire.version}`,
    );

  const rows = new Map<string, { item: string; counter: string | null; field: string | null; counts: number[] }>();
  for (const a of facts.answers) {
    const key = `${a.item}|${a.counter}|${a.field}`;
    const points = scaleOf(a.item);
    const row = rows.get(key) ?? {
      item: a.item,
      counter: a.counter || null,
      field: a.field || null,
      counts: new Array<number>(points).fill(0),
    };
    const at = fromFivePoint(a.value5, points) - 1;
    row.counts[at] = (row.counts[at] ?? 0) + a.n;
    rows.set(key, row);
  }
  const ordered = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);

  const batch = AggregateBatch.parse({
    schema: AGGREGATE_SCHEMA,
    ...header,
    questionnaire: { id: header.questionnaire.id, version: header.questionnaire.version },
    totals,
    rows: ordered,
  });
  return { batch, body: canonicalJson(batch) };
}
