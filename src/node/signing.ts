import { createHmac, timingSafeEqual } from 'node:crypto';

/** X-Sipas-Signature: sha256=<hex HMAC-SHA256(deviceSecret, raw body bytes)>. */
export const signBody = (secret: string, body: string | Uint8Array): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export function verifySignature(secret: string, body: string | Uint8Array, header: string | undefined | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
