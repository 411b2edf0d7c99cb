import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../../src/node/signing';
import { AggregateBatch, canonicalJson, isAllowedUpstream } from '../../src/contract/syncProtocol';
import { formatZodError } from '../../src/contract/validation';
import { fivePointCounts } from '../../src/domain/scale';
import { composeBatch } from '../../src/services/syncBatch';

const batch = {
  schema: 'sipas.aggregate.v1',
  batchId: '0193a3c2-0000-7000-8000-000000000001',
  unit: { code: 'DH', name: 'UBND xã Điện Hồng' },
  device: { id: 'kiosk-01', appVersion: '1.4.0' },
  questionnaire: { id: 'sipas-2024', version: 3 },
  date: '2026-11-28',
  revision: 1,
  generatedAt: '2026-11-29T00:05:12.345+07:00',
  totals: { responses: 57, counted: 52, suspect: 2, abandoned: 3 },
  rows: [{ item: 'access', counter: 'C1', field: 'ho-tich', counts: [0, 1, 3, 20, 28] }],
};

describe('sipas.aggregate.v1', () => {
  it('accepts the example of the protocol document', () => {
    expect(AggregateBatch.safeParse(batch).success).toBe(true);
  });

  it('has as many counts as the item has scale points, and maps three points onto the five by their words', () => {
    const threePoint = { ...batch, rows: [{ item: 'officer', counter: null, field: null, counts: [1, 2, 4] }] };
    expect(AggregateBatch.safeParse(threePoint).success).toBe(true);
    // Không hài lòng → 2, Hài lòng → 4, Rất hài lòng → 5
    expect(fivePointCounts([1, 2, 4])).toEqual([0, 1, 0, 2, 4]);
    expect(fivePointCounts([0, 1, 3, 20, 28])).toEqual([0, 1, 3, 20, 28]);
    expect(() => fivePointCounts([1, 2, 3, 4])).toThrow(RangeError);
    const header = {
      batchId: batch.batchId,
      unit: batch.unit,
      device: batch.device,
      questionnaire: batch.questionnaire,
      date: batch.date,
      revision: 1,
      generatedAt: batch.generatedAt,
    };
    const facts = {
      responses: [{ kind: 'counted' as const, n: 3 }],
      answers: [
        { item: 'officer', counter: '', field: '', value5: 2, n: 1 },
        { item: 'officer', counter: '', field: '', value5: 5, n: 2 },
        { item: 'access', counter: '', field: '', value5: 4, n: 3 },
      ],
    };
    const { batch: built } = composeBatch(header, facts, (item) => (item === 'officer' ? 3 : 5));
    expect(built.rows).toEqual([
      { item: 'access', counter: null, field: null, counts: [0, 0, 0, 3, 0] },
      { item: 'officer', counter: null, field: null, counts: [1, 0, 2] },
    ]);
  });

  it('names what is wrong', () => {
    const bad = { ...batch, rows: [{ ...batch.rows[0], counts: [0, 1, 3, 4] }], comment: 'x' };
    const result = AggregateBatch.safeParse(bad);
    expect(result.success).toBe(false);
    if (!result.success) expect(formatZodError(result.error)).toContain('comment: unknown field');
  });

  it('refuses totals that do not add up, naming the field', () => {
    const cases: Array<[unknown, string]> = [
      [
        { ...batch, totals: { responses: 58, counted: 52, suspect: 2, abandoned: 3 } },
        'totals.responses: must equal counted + suspect + abandoned (57)',
      ],
      [{ ...batch, totals: { responses: 57, excluded: 5 } }, 'totals.counted'],
      [
        { ...batch, totals: { responses: 55, counted: 50, suspect: 2, abandoned: 3 } },
        'rows[0].counts: 52 answers to access, more than the 50 counted responses',
      ],
    ];
    for (const [bad, message] of cases) {
      const result = AggregateBatch.safeParse(bad);
      expect(result.success).toBe(false);
      if (!result.success) expect(formatZodError(result.error)).toContain(message);
    }
  });

  it('canonical JSON sorts keys at every depth and is stable', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 'ạ' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":"ạ","f":2}]},"b":1}',
    );
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
