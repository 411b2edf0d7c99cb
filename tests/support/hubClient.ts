import { randomUUID } from 'node:crypto';
import { signBody } from '../../src/node/signing';
import { canonicalJson, type AggregateBatch } from '../../src/contract/syncProtocol';
import type { DeviceCredentials } from '../../src/hub';
import { seeded } from '../../src/hub/simulatedCountry';

/** A sender for hub tests: builds sipas.aggregate.v1 batches and posts them signed, as a kiosk would. */

export type Counts = [number, number, number, number, number];
export type Row = AggregateBatch['rows'][number];

export interface BatchSpec {
  deviceId: string;
  unitCode?: string;
  date?: string;
  revision?: number;
  batchId?: string;
  rows?: Row[];
  questionnaire?: { id: string; version: number };
  /** By default: counted = the most answers any item has, 2 suspect, 3 abandoned. */
  totals?: { responses: number; counted: number; suspect: number; abandoned: number };
}

/** Totals that add up for these rows: each counted response answers an item at most once. */
export function totalsFor(rows: readonly Row[], suspect = 2, abandoned = 3) {
  const byItem = new Map<string, number>();
  for (const row of rows) byItem.set(row.item, (byItem.get(row.item) ?? 0) + row.counts.reduce((s, n) => s + n, 0));
  const counted = Math.max(0, ...byItem.values());
  return { responses: counted + suspect + abandoned, counted, suspect, abandoned };
}

export const UNIT = { code: 'DH', name: 'UBND xã Điện Hồng' };

export function makeBatch(spec: BatchSpec): AggregateBatch {
  const rows = spec.rows ?? [
    { item: 'access', counter: 'C1', field: 'ho-tich', counts: [0, 1, 3, 20, 33] },
    { item: 'officer.1', counter: null, field: null, counts: [1, 0, 2, 10, 44] },
  ];
  return {
    schema: 'sipas.aggregate.v1',
    batchId: spec.batchId ?? randomUUID(),
    unit: { code: spec.unitCode ?? UNIT.code, name: UNIT.name },
    device: { id: spec.deviceId, appVersion: '1.4.0' },
    questionnaire: spec.questionnaire ?? { id: 'sipas-2024', version: 3 },
    date: spec.date ?? '2026-11-28',
    revision: spec.revision ?? 1,
    generatedAt: '2026-11-29T00:05:12.345+07:00',
    totals: spec.totals ?? totalsFor(rows),
    rows,
  };
}

export interface SendOptions {
  /** Raw body text instead of the canonical JSON of the batch. */
  body?: string | Uint8Array;
  headers?: Record<string, string | undefined>;
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** POSTs like the kiosk: canonical JSON, Bearer token, Idempotency-Key, HMAC of the exact bytes. */
export async function send(
  batchesUrl: string,
  device: DeviceCredentials,
  batch: AggregateBatch | null,
  options: SendOptions = {},
): Promise<Answer> {
  const body = options.body ?? canonicalJson(batch);
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    authorization: `Bearer ${device.token}`,
    'x-sipas-signature': signBody(device.secret, body),
    ...(batch ? { 'idempotency-key': batch.batchId } : {}),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const response = await fetch(batchesUrl, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text, headers: response.headers };
}

/** A small deterministic generator (mulberry32), so seeded data is the same on every run. */
export const random = seeded;

/** Rows for a day: a few items, counters and fields, small counts (so they can be expanded into answers). */
export function randomRows(next: () => number, max = 12): Row[] {
  const items = ['access', 'access.2', 'procedure.1', 'officer', 'officer.3', 'result', 'feedback.1'];
  const rows: Row[] = [];
  for (const item of items) {
    if (next() < 0.25) continue;
    for (const counter of ['C1', 'C2', null]) {
      if (next() < 0.4) continue;
      const counts = Array.from({ length: 5 }, () => Math.floor(next() * max)) as Counts;
      rows.push({ item, counter, field: next() < 0.5 ? 'ho-tich' : null, counts });
    }
  }
  return rows;
}
