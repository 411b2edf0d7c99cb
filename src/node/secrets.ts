import { createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PinHasher } from '../services/ports';

const SCRYPT = { N: 1 << 15, r: 8, p: 1, keyLength: 32, maxmem: 64 * 1024 * 1024 };

function scryptAsync(secret: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** PINs hashed with scrypt, stored as scrypt$N$r$p$salt$hash so parameters can be raised later. */
export const scryptPinHasher: PinHasher = {
  async hash(pin) {
    const salt = randomBytes(16);
    const key = await scryptAsync(pin, salt, SCRYPT.keyLength, {
      N: SCRYPT.N,
      r: SCRYPT.r,
      p: SCRYPT.p,
      maxmem: SCRYPT.maxmem,
    });
    return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
  },
  async verify(pin, stored) {
    const [kind, n, r, p, salt, hash] = stored.split('$');
    if (kind !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
    const expected = Buffer.from(hash, 'base64');
    const key = await scryptAsync(pin, Buffer.from(salt, 'base64'), expected.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: SCRYPT.maxmem,
    });
    return timingSafeEqual(key, expected);
  },
};

export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Keyed hash of a case code, so the same code can be matched without being stored. */
export const hmacHex = (key: string, value: string): string =>
  createHmac('sha256', key).update(value, 'utf8').digest('hex');
