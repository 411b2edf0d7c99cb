import fc from 'fast-check';

/** Inputs a broken or hostile client could send to any operation. */
export const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 4, maxKeys: 6, withNullPrototype: true, withObjectString: true }),
  fc.string({ maxLength: 5000 }),
  fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'answers'),
    fc.anything({ maxDepth: 2 }),
  ),
  fc.record({
    id: fc.oneof(fc.uuid(), fc.string()),
    questionnaire: fc.record({
      id: fc.constantFrom('sipas-quick', 'x'),
      version: fc.constantFrom(1, 0, -1, 1.5, 1e308),
    }),
    language: fc.constantFrom('vi', 'en', 'fr', ''),
    durationMs: fc.oneof(fc.integer(), fc.double()),
    status: fc.constantFrom('completed', 'abandoned', 'deleted'),
    answers: fc.array(
      fc.record({
        item: fc.constantFrom('access', 'officer', '__proto__'),
        score: fc.constantFrom(0, 6, -1, 2.5, null, '5', Number.POSITIVE_INFINITY),
      }),
      { maxLength: 8 },
    ),
  }),
);

/** Raw bodies that are not even a JSON value a client meant to send. */
export const hostileBody = fc.oneof(
  hostileValue.map((value) => JSON.stringify(value) ?? 'null'),
  fc.integer({ min: 1_000, max: 200_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1_000, max: 50_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.constant('{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"admin": true}}}'),
  fc.string({ maxLength: 200 }),
);

/** Bytes that are not valid UTF-8 (overlong forms, lone continuation bytes, surrogates). */
export const invalidUtf8 = fc.constantFrom(
  Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  Uint8Array.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]),
  Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  Uint8Array.from([0x80, 0x80, 0x80]),
);
