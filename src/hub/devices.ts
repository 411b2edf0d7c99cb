import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { formatZodError } from '../contract/validation';
import type { HubStore } from './store/port';

/**
 * Device credentials. The bearer token is stored only as its SHA-256, so a copy
 * of the database does not yield a working token. The HMAC secret, though, is
 * stored as it is: the hub must recompute every signature with it. Whoever reads
 * the database learns the secrets, so protect it like a key store (file
 * permissions, PostgreSQL roles, encrypted backups).
 */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** 32 random bytes each: base64url for the token (fits the kiosk's Bearer pattern), hex for the secret. */
const newToken = () => randomBytes(32).toString('base64url');
const newSecret = () => randomBytes(32).toString('hex');

export const NewDeviceInput = z
  .object({
    deviceId: z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, 'letters, digits, . _ - (at most 60)'),
    unitCode: z.string().trim().min(1).max(20),
    unitName: z.string().trim().min(1).max(120),
  })
  .strict();
export type NewDeviceInput = z.infer<typeof NewDeviceInput>;

export class BadDeviceError extends Error {
  readonly code = 'bad_device';
}

export interface DeviceCredentials {
  deviceId: string;
  token: string;
  secret: string;
}

export async function registerDevice(
  store: HubStore,
  input: NewDeviceInput,
  now: () => number,
): Promise<DeviceCredentials> {
  const parsed = NewDeviceInput.safeParse(input);
  if (!parsed.success) throw new BadDeviceError(formatZodError(parsed.error));
  const device = parsed.data;
  const token = newToken();
  const secret = newSecret();
  await store.addDevice({ ...device, tokenHash: hashToken(token), secret, createdAt: new Date(now()).toISOString() });
  return { deviceId: device.deviceId, token, secret };
}
