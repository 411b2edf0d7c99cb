/**
 * The computed report per (period, trend unit, day), kept in this process while the
 * data it was computed from has not changed. At national size a report is ≈ 3,300
 * units scored from ≈ 20,000 kept rows: worth computing once per change of the data,
 * not once per request (the page's pager and filter re-read the same report).
 *
 * Before every answer the store's data version is read (store/port.ts dataVersion:
 * this process's own writes and any other writer's commits). A kept report is served
 * only under the very version it was computed after; otherwise it is computed again.
 * The version is read BEFORE the report's queries, so a report may hold newer data
 * than its version says — never older: a commit after the read changes the next read.
 */

export interface CachedValue<T> {
  value: T;
  /** The data version read before the value was computed. */
  version: string;
}

export interface ReportCacheOptions {
  /** Reads the data version (a cheap query: the report is computed only when it changed). */
  version: () => Promise<string>;
  /** Kept entries; the least recently used goes first (a report of the country is a few MB). */
  maxEntries?: number;
}

export class ReportCache<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();
  private readonly maxEntries: number;
  private readonly readVersion: () => Promise<string>;
  /** How many values were computed (the rest came from the cache): tests and the bench read it. */
  computed = 0;

  constructor({ version, maxEntries = 12 }: ReportCacheOptions) {
    this.readVersion = version;
    this.maxEntries = maxEntries;
  }

  /**
   * The value for `key` under the current data version, computed by `compute` when
   * none is kept for that version. Concurrent requests for one key and version share
   * one computation; a failed one is not kept.
   */
  async get(key: string, compute: (version: string) => Promise<T>): Promise<CachedValue<T>> {
    const version = await this.readVersion();
    const kept = this.entries.get(key);
    if (kept && kept.version === version) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return { value: await kept.value, version };
    }
    this.computed += 1;
    const value = compute(version);
    const entry = { version, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    try {
      return { value: await value, version };
    } catch (error) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    }
  }
}
