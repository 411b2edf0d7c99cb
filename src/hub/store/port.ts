/**
 * The hub's storage port. Two implementations (SQLite for one district,
 * PostgreSQL for a province) must behave the same; tests/integration/hub.test.ts
 * runs one suite against both. Every method is async so the SQLite one can sit
 * behind the same interface as the networked one. A batch's key is (device,
 * date, questionnaire id + version); every figure is per questionnaire.
 */
import type { ResponseCounts } from '../../domain/responseCounts';
import type { QuestionnaireRef } from '../../domain/scoring';

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
  /** The unit the device is registered for (the kept per-unit sums are keyed by it). */
  unitCode: string;
  date: string;
  questionnaire: QuestionnaireRef;
  revision: number;
  bodyHash: string;
  body: string;
  receivedAt: string;
  totals: ResponseCounts;
  rows: ReadonlyArray<{ item: string; counter: string; field: string; counts: readonly number[] }>;
}

export type IngestOutcome =
  { kind: 'created' } | { kind: 'duplicate' } | { kind: 'conflict' } | { kind: 'stale'; storedRevision: number };

/** Sums c1..c5 of the latest revisions' rows, grouped by questionnaire, `key` and item. */
export interface CountsRow {
  questionnaire: QuestionnaireRef;
  key: string;
  item: string;
  counts: [number, number, number, number, number];
}

/** One unit's batches of one questionnaire in a period. */
export interface UnitTotals {
  unitCode: string;
  unitName: string;
  questionnaire: QuestionnaireRef;
  /** Devices with a batch of this questionnaire in the period. */
  devices: number;
  /** Latest batches (device-days) of this questionnaire in the period. */
  deviceDays: number;
  counts: ResponseCounts;
}

export interface UnitRecord {
  unitCode: string;
  unitName: string;
  devices: number;
}

export interface Period {
  from: string;
  to: string;
}

export interface LatestTotals extends ResponseCounts {
  /** Latest revisions (one per device, day and questionnaire) in the selection. */
  batches: number;
  /** Every accepted batch, superseded revisions included. */
  storedBatches: number;
  rows: number;
  /** Sum of every count of the latest rows. */
  answers: number;
  /** Raw counts by item, all questionnaires added (a check of what is stored, not a figure to show). */
  byItem: Record<string, [number, number, number, number, number]>;
  /** The same by questionnaire (`id@version`), then item. */
  byQuestionnaire: Record<string, Record<string, [number, number, number, number, number]>>;
}

export interface LatestBatch {
  questionnaire: QuestionnaireRef;
  batchId: string;
  revision: number;
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
  /** The revision that counts for each questionnaire of (device, date). */
  latestOf(deviceId: string, date: string): Promise<LatestBatch[]>;
  countsByUnit(period: Period): Promise<CountsRow[]>;
  countsByDay(period: Period, unitCode?: string): Promise<CountsRow[]>;
  unitTotals(period: Period): Promise<UnitTotals[]>;
  units(): Promise<UnitRecord[]>;
  totals(query: TotalsQuery): Promise<LatestTotals>;
  /**
   * Changes whenever what the report reads may have changed: a batch stored or a
   * device registered by this process, or a commit by any other writer of the same
   * database (a second hub process). Equal values mean equal data; a changed value
   * may be a false alarm (a commit that touched nothing the report reads).
   */
  dataVersion(): Promise<string>;
  /** Bytes the database takes on disk (SQLite: the file and its WAL; PostgreSQL: pg_database_size). */
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}
