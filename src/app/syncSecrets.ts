import type { SettingsStore } from '../../db/settingsStore';
import type { SecretStore } from '../node/secretFile';
import type { Logger } from '../services/ports';

/** The settings row db/outboxStore.ts keeps the sync configuration in. */
export const SYNC_CONFIG_KEY = 'syncConfig';
const SECRET_FIELDS = ['deviceToken', 'deviceSecret'] as const;

type StoredConfig = Record<string, unknown>;

/**
 * The settings store as the outbox store sees it, with the sync token and
 * secret routed to the secret store: the settings row keeps the address only
 * (its token and secret fields stay null), reads put the secrets back in.
 * Credentials that an older version left in the clear in the row move to the
 * secret store the first time, and the row is cleared.
 */
export function routeSyncSecrets(settings: SettingsStore, secrets: SecretStore, logger: Logger): SettingsStore {
  const stored = settings.get<StoredConfig>(SYNC_CONFIG_KEY);
  if (stored && SECRET_FIELDS.some((field) => typeof stored[field] === 'string')) {
    for (const field of SECRET_FIELDS) {
      const value = stored[field];
      if (typeof value === 'string') secrets.set(field, value);
    }
    settings.set(SYNC_CONFIG_KEY, { ...stored, deviceToken: null, deviceSecret: null });
    logger.info('sync credentials moved out of the database', { store: secrets.kind });
  }

  return {
    get<T>(key: string): T | undefined {
      if (key !== SYNC_CONFIG_KEY) return settings.get<T>(key);
      const row = settings.get<StoredConfig>(key);
      if (!row) return undefined;
      // The same shape the outbox store wrote, with the secrets from their own store.
      const merged: StoredConfig = {
        ...row,
        deviceToken: secrets.get('deviceToken'),
        deviceSecret: secrets.get('deviceSecret'),
      };
      return merged as T;
    },
    set(key, value) {
      if (key !== SYNC_CONFIG_KEY || value === null || typeof value !== 'object') return settings.set(key, value);
      const config = { ...(value as StoredConfig) };
      for (const field of SECRET_FIELDS) {
        const secret = config[field];
        secrets.set(field, typeof secret === 'string' ? secret : null);
        config[field] = null;
      }
      settings.set(key, config);
    },
    getOrCreate: (key, make) => settings.getOrCreate(key, make),
  };
}
