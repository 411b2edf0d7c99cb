/**
 * The sync device token and secret, kept out of the database in a file of
 * their own (<dataDir>/secrets.json, mode 0600: readable by the kiosk's user
 * only). The desktop app seals each value with Electron's safeStorage (DPAPI
 * on Windows, the keychain on macOS, the desktop keyring on Linux), so a copy
 * of the file or of the data folder is useless on another machine or account;
 * the HTTP host, which has no such store, keeps them unsealed in the same file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../services/ports';

export const SECRETS_FILE = 'secrets.json';

/** Seals and opens one value; `kind` is written beside the values so a reader knows whether it can open them. */
export interface SecretBox {
  readonly kind: 'plain' | 'safeStorage';
  seal(plain: string): string;
  open(sealed: string): string;
}

/** No sealing: the file's permissions are the protection (the HTTP host). */
export const plainSecretBox: SecretBox = { kind: 'plain', seal: (plain) => plain, open: (sealed) => sealed };

const Stored = z.object({
  box: z.enum(['plain', 'safeStorage']),
  values: z.record(z.string(), z.string()),
});

export interface SecretStore {
  readonly kind: SecretBox['kind'];
  get(name: string): string | null;
  /** null removes the value. */
  set(name: string, value: string | null): void;
}

/**
 * A small named-secret store on one file. Written to a temporary file and
 * renamed, so a power cut leaves the old file or the new one, never half of one.
 * Values sealed by another box (a data folder moved from the desktop app to the
 * HTTP host) cannot be opened: they read as unset, and the administrator enters
 * them again.
 */
export function createSecretStore(file: string, box: SecretBox, logger: Logger): SecretStore {
  const read = (): Record<string, string> => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return {};
    }
    const parsed = Stored.safeParse(JSON.parse(text));
    if (!parsed.success) {
      logger.error('the secrets file is damaged; the sync credentials must be entered again', {
        file: path.basename(file),
      });
      return {};
    }
    if (parsed.data.box !== box.kind) {
      logger.warn('the sync credentials were sealed by another host and cannot be opened here', {
        sealedBy: parsed.data.box,
        host: box.kind,
      });
      return {};
    }
    return parsed.data.values;
  };
  const write = (values: Record<string, string>) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify({ box: box.kind, values }), { mode: 0o600 });
    fs.chmodSync(temporary, 0o600); // writeFileSync's mode applies only to a new file
    fs.renameSync(temporary, file);
  };
  return {
    kind: box.kind,
    get(name) {
      const sealed = read()[name];
      if (sealed === undefined) return null;
      try {
        return box.open(sealed);
      } catch (error) {
        logger.error('a sync credential could not be opened', { name, error: String(error) });
        return null;
      }
    },
    set(name, value) {
      const values = read();
      if (value === null) delete values[name];
      else values[name] = box.seal(value);
      write(values);
    },
  };
}
