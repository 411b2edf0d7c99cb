/**
 * The computed report per (period, trend unit, day), kept in this process while the
 * data it was computed from has not changed. At national size a report is ≈ 3,300
 * units scored from ≈ 20,000 kept rows: worth computing once per change of the data,
 * not once per request (the page's pager and filter re-read the same report).
 *
 * Before every answer the store's data version is read (store/port.ts dataVersion:
 * this process's own writes and any other writer's commits). By default a kept report
 * is served only under the very version it was computed after; otherwise it is
 * computed again. The version is read BEFORE the report's queries, so a report may
 * hold newer data than its version says — never older: a commit after the read
 * changes the next read.
 *
 * With `maxAgeMs`, a report computed less than that long ago is served at once even
 * when the data has moved since, and the new one is computed in the background (one
 * at a time per key) to replace it. While the country's kiosks send, the data moves
 * several times a second: without this every page view would wait for a full
 * computation (0.3–0.4 s at national size, and under load more). The page says when
 * its figures were computed (report.asOf), so an answer up to `maxAgeMs` old is
 * never passed off as newer.
 */

/**
 * `npm run hub`'s default for maxAgeMs, in seconds: while kiosks send, the data moves
 * several times a second and a national ranking takes a third of a second or more,
 * so a ranking up to a minute old (the page says when it was computed) is shown at
 * once and the next one computed meanwhile, rather than every visitor waiting for one.
 */
export const DEFAULT_REPORT_MAX_AGE_SECONDS = 60;

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
  /** How old a kept report may be and still be served while a newer one is computed (default 0: never). */
  maxAgeMs?: number;
  now?: () => number;
}

interface Entry<T> {
  version: string;
  value: Promise<T>;
  /** When its computation started: its data is at least that recent. */
  startedAt: number;
  /** The background computation that will replace it, if one is under way. */
  refreshing?: Promise<unknown>;
}

export class ReportCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly readVersion: () => Promise<string>;
  private readonly now: () => number;
  /** How many values were computed (the rest came from the cache): tests and the bench read it. */
  computed = 0;

  constructor({ version, maxEntries = 12, maxAgeMs = 0, now = Date.now }: ReportCacheOptions) {
    this.readVersion = version;
    this.maxEntries = maxEntries;
    this.maxAgeMs = maxAgeMs;
    this.now = now;
  }

  /**
   * The value for `key` under the current data version, computed by `compute` when
   * none is kept for that version (or, within maxAgeMs, served as kept while a new
   * one is computed). Concurrent requests for one key and version share one
   * computation; a failed one is not kept.
   */
  async get(key: string, compute: (version: string) => Promise<T>): Promise<CachedValue<T>> {
    const version = await this.readVersion();
    const kept = this.entries.get(key);
    if (kept && (kept.version === version || (await this.servable(kept)))) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, kept);
      if (kept.version !== version) this.refresh(key, kept, version, compute);
      return { value: await kept.value, version: kept.version };
    }
    const entry = this.start(key, version, compute);
    try {
      return { value: await entry.value, version };
    } catch (error) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    }
  }

  /** A kept report young enough to serve while the data has moved: computed, not failed, within maxAgeMs. */
  private async servable(entry: Entry<T>): Promise<boolean> {
    if (this.now() - entry.startedAt >= this.maxAgeMs) return false;
    return entry.value.then(
      () => true,
      () => false,
    );
  }

  private start(key: string, version: string, compute: (version: string) => Promise<T>): Entry<T> {
    this.computed += 1;
    const entry: Entry<T> = { version, value: compute(version), startedAt: this.now() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  /** Computes the key's report of `version` in the background; it replaces `kept` once done, a failure keeps `kept`. */
  private refresh(key: string, kept: Entry<T>, version: string, compute: (version: string) => Promise<T>): void {
    if (kept.refreshing) return;
    this.computed += 1;
    const startedAt = this.now();
    const value = compute(version);
    kept.refreshing = value.then(
      () => {
        if (this.entries.get(key) === kept) this.entries.set(key, { version, value, startedAt });
      },
      () => {
        kept.refreshing = undefined;
      },
    );
  }
}
