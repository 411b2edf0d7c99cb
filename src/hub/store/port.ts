/**
 * The hub's storage port. Two implementations (SQLite for one district,
 * PostgreSQL for a province) must behave the same; tests/integration/hub.test.ts
 * runs one suite against both. Every method is async so the SQLite one can sit
 * behind the same interface as the networked one.
 */

export interface DeviceRecord {
  deviceId: string;
  unitCode: string;
  unitName: string;
  /** The HMAC key, kept retrievable: the hub must recompute signatures. */
  secret: string;
}

export interface NewDevice extends DeviceRecord {
  /** SHA-256 (hex) of the bearer token; the token itself is never stored. */
  tokenHash: string;
  createdAt: string;
}

export interface DeviceStatus {
  deviceId: string;
  unitCode: string;
  unitName: string;
  createdAt: string;
  /** The latest day any batch of this device covers, or null before the first one. */
  lastDate: string | null;
  lastReceivedAt: string | null;
  batches: number;
}

/** A validated batch, ready to store. Counter and field use '' for "not known" (null in the protocol). */
export interface IncomingBatch {
  batchId: string;
  deviceId: string;
  date: string;
  revision: number;
  bodyHash: string;
  body: string;
  receivedAt: string;
  responses: number;
  excluded: number;
  rows: ReadonlyArray<{ item: string; counter: string; field: string; counts: readonly number[] }>;
}

export type IngestOutcome =
  | { kind: 'created' }
  | { kind: 'duplicate' }
  | { kind: 'conflict' }
  | { kind: 'stale'; storedRevision: number };

/** Sums c1..c5 of the latest revisions' rows, grouped by `key` and item. */
export interface CountsRow {
  key: string;
  item: string;
  counts: [number, number, number, number, number];
}

export interface UnitTotals {
  unitCode: string;
  unitName: string;
  devices: number;
  /** Device-days with a batch in the period. */
  deviceDays: number;
  responses: number;
  excluded: number;
}

export interface Period {
  from: string;
  to: string;
}

export interface LatestTotals {
  /** Latest revisions (one per device and day) in the selection. */
  batches: number;
  /** Every accepted batch, superseded revisions included. */
  storedBatches: number;
  responses: number;
  excluded: number;
  rows: number;
  /** Sum of every count of the latest rows. */
  answers: number;
  byItem: Record<string, [number, number, number, number, number]>;
}

export interface TotalsQuery {
  deviceId?: string;
  from?: string;
  to?: string;
}

export class DeviceExistsError extends Error {
  readonly code = 'device_exists';
  constructor(deviceId: string) {
    super(`device ${deviceId} is already registered`);
  }
}

export interface HubStore {
  readonly kind: 'sqlite' | 'postgres';
  addDevice(device: NewDevice): Promise<void>;
  deviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null>;
  deviceStatuses(): Promise<DeviceStatus[]>;
  /** Stores a batch atomically; uniqueness comes from the database's constraints. */
  ingest(batch: IncomingBatch): Promise<IngestOutcome>;
  latestOf(deviceId: string, date: string): Promise<{ batchId: string; revision: number } | null>;
  countsByUnit(period: Period): Promise<CountsRow[]>;
  countsByDay(period: Period, unitCode?: string): Promise<CountsRow[]>;
  unitTotals(period: Period): Promise<UnitTotals[]>;
  totals(query: TotalsQuery): Promise<LatestTotals>;
  close(): Promise<void>;
}
