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

/**
 * The headers of one batch POST (docs/SYNC-PROTOCOL.md): the device's bearer token, the batch's
 * id as its idempotency key, and the HMAC of the exact body bytes sent. One definition for the
 * kiosk's sync and the hub's simulated kiosks.
 */
export const batchRequestHeaders = (
  device: { token: string; secret: string },
  batchId: string,
  body: string | Uint8Array,
): Record<string, string> => ({
  'content-type': 'application/json; charset=utf-8',
  authorization: `Bearer ${device.token}`,
  'idempotency-key': batchId,
  'x-sipas-signature': signBody(device.secret, body),
});
