import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../../src/app/signing';
import { AggregateBatch, canonicalJson, isAllowedUpstream } from '../../src/contract/syncProtocol';
import { formatZodError } from '../../src/contract/validation';

const batch = {
  schema: 'sipas.aggregate.v1',
  batchId: '0193a3c2-0000-7000-8000-000000000001',
  unit: { code: 'DH', name: 'UBND xã Điện Hồng' },
  device: { id: 'kiosk-01', appVersion: '1.4.0' },
  questionnaire: { id: 'sipas-2024', version: 3 },
  date: '2026-11-28',
  revision: 1,
  generatedAt: '2026-11-29T00:05:12.345+07:00',
  totals: { responses: 57, excluded: 2 },
  rows: [{ item: 'access', counter: 'C1', field: 'ho-tich', counts: [0, 1, 3, 20, 33] }],
};

describe('sipas.aggregate.v1', () => {
  it('accepts the example of the protocol document', () => {
    expect(AggregateBatch.safeParse(batch).success).toBe(true);
  });

  it('names what is wrong', () => {
    const bad = { ...batch, rows: [{ ...batch.rows[0], counts: [0, 1, 3] }], comment: 'x' };
    const result = AggregateBatch.safeParse(bad);
    expect(result.success).toBe(false);
    if (!result.success) expect(formatZodError(result.error)).toContain('comment: unknown field');
  });

  it('canonical JSON sorts keys at every depth and is stable', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 'ạ' }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":"ạ","f":2}]},"b":1}');
    const shuffled = Object.fromEntries(Object.entries(batch).reverse());
    expect(canonicalJson(shuffled)).toBe(canonicalJson(batch));
  });

  it('signs the exact bytes and verifies in constant time', () => {
    const body = canonicalJson(batch);
    const signature = signBody('s3cret', body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature('s3cret', body, signature)).toBe(true);
    expect(verifySignature('s3cret', `${body} `, signature)).toBe(false);
    expect(verifySignature('other', body, signature)).toBe(false);
    expect(verifySignature('s3cret', body, undefined)).toBe(false);
  });

  it('allows http:// only for loopback', () => {
    expect(isAllowedUpstream('https://sipas.quangnam.gov.vn')).toBe(true);
    expect(isAllowedUpstream('http://127.0.0.1:8080')).toBe(true);
    expect(isAllowedUpstream('http://localhost:9')).toBe(true);
    expect(isAllowedUpstream('http://[::1]:9')).toBe(true);
    expect(isAllowedUpstream('http://192.168.1.10')).toBe(false);
    expect(isAllowedUpstream('http://127.0.0.1.evil.example')).toBe(false);
    expect(isAllowedUpstream('ftp://x')).toBe(false);
    expect(isAllowedUpstream('not a url')).toBe(false);
  });
});
