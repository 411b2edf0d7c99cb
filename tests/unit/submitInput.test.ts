import { describe, expect, it } from 'vitest';
import { SubmitResponseInput } from '../../src/contract/survey';
import { formatZodError } from '../../src/contract/validation';

const base = {
  id: '0193a3c2-0000-7000-8000-000000000001',
  questionnaire: { id: 'sipas-quick', version: 1 },
  language: 'vi',
  durationMs: 10_000,
  status: 'completed',
  answers: [{ item: 'access', score: 5 }],
};

const errorOf = (input: unknown) => {
  const result = SubmitResponseInput.safeParse(input);
  return result.success ? null : formatZodError(result.error);
};

describe('the submitResponse input', () => {
  it('stores comments in NFC: decomposed Vietnamese typed by some keyboards becomes composed', () => {
    const decomposed = 'Ca\u0301n bo\u0302\u0323 tâ\u0323n ti\u0300nh'.normalize('NFD');
    const parsed = SubmitResponseInput.parse({ ...base, comment: `  ${decomposed}  ` });
    expect(parsed.comment).toBe('Cán bộ tận tình');
    expect(parsed.comment).toBe(parsed.comment?.normalize('NFC'));
  });

  it('limits comments to 500 characters after normalising', () => {
    expect(errorOf({ ...base, comment: 'ạ'.repeat(500) })).toBeNull();
    expect(errorOf({ ...base, comment: 'ạ'.repeat(501) })).toBe('comment: at most 500 characters');
  });

  it('takes a Vietnamese phone number with spaces or dots, refuses anything else', () => {
    const parsed = SubmitResponseInput.parse({ ...base, contact: { phone: '0905 123.456', consentVersion: 'v' } });
    expect(parsed.contact?.phone).toBe('0905123456');
    expect(
      SubmitResponseInput.parse({ ...base, contact: { phone: '+84905123456', consentVersion: 'v' } }).contact?.phone,
    ).toBe('+84905123456');
    expect(errorOf({ ...base, contact: { phone: '12345', consentVersion: 'v' } })).toBe(
      'contact.phone: a Vietnamese phone number (0… or +84…)',
    );
    expect(errorOf({ ...base, contact: { phone: '0905123456' } })).toBe('contact.consentVersion: required');
  });

  it('refuses scores off the scale and hostile shapes, naming the field', () => {
    expect(errorOf({ ...base, answers: [{ item: 'access', score: 6 }] })).toMatch(/^answers\[0\]\.score: /);
    expect(errorOf({ ...base, answers: [{ item: 'access', score: 0 }] })).toMatch(/^answers\[0\]\.score: /);
    expect(errorOf({ ...base, answers: [{ item: 'access', score: Number.NaN }] })).toMatch(/^answers\[0\]\.score: /);
    expect(errorOf({ ...base, answers: [{ item: 'access', score: 2.5 }] })).toMatch(/^answers\[0\]\.score: /);
    expect(errorOf(JSON.parse('{"__proto__": {"admin": true}}'))).not.toBeNull();
    expect(errorOf({ ...base, reasons: [{ dimension: 'weather', reason: 'rain' }] })).toMatch(
      /^reasons\[0\]\.dimension: /,
    );
  });
});
