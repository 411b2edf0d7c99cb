import type Database from 'better-sqlite3';

/** Small JSON settings (active questionnaire, device id, keys). */
export function createSettingsStore(db: Database.Database) {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get<T>(key: string): T | undefined {
      const row = select.get(key);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    set(key: string, value: unknown): void {
      upsert.run(key, JSON.stringify(value));
    },
    /** Returns the stored value, storing `make()` first when there is none. */
    getOrCreate<T>(key: string, make: () => T): T {
      return db.transaction(() => {
        const row = select.get(key);
        if (row) return JSON.parse(row.value) as T;
        const value = make();
        upsert.run(key, JSON.stringify(value));
        return value;
      })();
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
