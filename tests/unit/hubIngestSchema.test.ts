import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AggregateBatch, safeParseAggregateBatch } from '../../src/contract/syncProtocol';
import { formatZodError } from '../../src/contract/validation';
import {
  deviceDayBatches,
  seeded,
  simulatedBody,
  simulatedUnits,
  SIMULATION_START,
} from '../../src/hub/simulatedCountry';

/**
 * The hub checks a batch with safeParseAggregateBatch (zod for every field but the rows,
 * a plain check of the rows): it must give exactly AggregateBatch.safeParse's answer — the
 * same batch when valid, the same refusal naming the same field when not — for anything
 * JSON.parse can produce.
 */

/** Valid bodies as kiosks send them: quick and full forms, several days and units. */
const bodies = simulatedUnits(60, 30, 5).flatMap((unit, u) =>
  deviceDayBatches(unit, `${unit.code}-k1`, u % 30, SIMULATION_START, seeded(u + 1)).map(simulatedBody),
);

type Answer = { success: true; data: unknown } | { success: false; message: string };
const answerOf = (result: ReturnType<typeof AggregateBatch.safeParse>): Answer =>
  result.success ? { success: true, data: result.data } : { success: false, message: formatZodError(result.error) };
const zodAnswer = (json: unknown) => answerOf(AggregateBatch.safeParse(json));
const fastAnswer = (json: unknown) => answerOf(safeParseAggregateBatch(json));

/** Every path in a JSON value, the root excluded. */
function pathsOf(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [[...at, key], ...pathsOf((value as Record<string, unknown>)[key], [...at, key])]);
}

type Edit = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown };

/** The body's JSON with one edit at `path` (on a fresh parse, as the hub holds it). */
function edited(body: string, path: Array<string | number>, edit: Edit): unknown {
  const json = JSON.parse(body) as Record<string, unknown>;
  let parent: any = json;
  for (const key of path.slice(0, -1)) parent = parent[key];
  const last = path[path.length - 1]!;
  if (edit.kind === 'set') parent[last] = edit.value;
  else if (edit.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last]))
    // An own key, as JSON.parse makes it (even "__proto__").
    Object.defineProperty(parent[last], edit.key, {
      value: edit.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return json;
}

/** Values near the edges of what the schema allows. */
const edgeValues: unknown[] = [
  null,
  0,
  -1,
  1.5,
  10_000_000,
  10_000_001,
  2 ** 53,
  '',
  '3',
  'x'.repeat(40),
  'x'.repeat(41),
  'access',
  'access.0',
  'access.10',
  'officer.99',
  'result.100',
  'feedbackx',
  [0, 0, 0],
  [0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [1, 1, 1, 1, -1],
  [{}, 0, 0],
  {},
  [],
  true,
];

describe('safeParseAggregateBatch, the hub’s check of a batch', () => {
  afterEach(() => vi.restoreAllMocks());

  it('accepts every simulated batch without zod’s row-by-row parse, giving what zod gives', () => {
    expect(bodies.length).toBeGreaterThan(50);
    expect(new Set(bodies.map((body) => (JSON.parse(body) as AggregateBatch).questionnaire.id))).toEqual(
      new Set(['sipas-quick', 'sipas-full']),
    );
    const full = vi.spyOn(AggregateBatch, 'safeParse');
    const fast = bodies.map((body) => fastAnswer(JSON.parse(body)));
    expect(full).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    fast.forEach((answer, i) => {
      expect(answer.success).toBe(true);
      expect(answer).toEqual(zodAnswer(JSON.parse(bodies[i]!)));
    });
  });

  it('gives zod’s refusal, naming the field, for each kind of mistake in a row or across rows', () => {
    const good = JSON.parse(bodies[0]!) as AggregateBatch;
    const row = good.rows[0]!;
    const others = good.rows.slice(1);
    const cases: Array<[unknown, string]> = [
      [{ ...good, rows: [{ ...row, counts: [0, 1, 3, 4] }, ...others] }, 'rows[0].counts'],
      [{ ...good, rows: [{ ...row, counts: [0, 1, 3, 4, 1.5] }, ...others] }, 'rows[0].counts'],
      [{ ...good, rows: [{ ...row, item: 'access.0' }, ...others] }, 'rows[0].item'],
      [{ ...good, rows: [{ ...row, counter: '' }, ...others] }, 'rows[0].counter'],
      [{ ...good, rows: [{ ...row, phone: '0905' }, ...others] }, 'rows[0].phone: unknown field'],
      [{ ...good, rows: [row, row, ...others] }, 'rows[1]: duplicate'],
      [{ ...good, totals: { ...good.totals, responses: good.totals.responses + 1 } }, 'totals.responses'],
      [
        { ...good, totals: { ...good.totals, counted: 0, responses: good.totals.responses - good.totals.counted } },
        'counts',
      ],
      [JSON.parse(bodies[0]!.replace('"rows":[{', '"rows":[{"__proto__":1,')), 'rows[0].__proto__: unknown field'],
    ];
    for (const [json, field] of cases) {
      const answer = fastAnswer(json);
      expect(answer, field).toEqual(zodAnswer(json));
      expect(answer.success, field).toBe(false);
      if (!answer.success) expect(answer.message, field).toContain(field);
    }
    // A three-point item's counts are a valid row too.
    const threePoint = { ...good, rows: [{ ...row, counts: [0, 1, 1] }, ...others] };
    expect(fastAnswer(threePoint)).toEqual(zodAnswer(threePoint));
    expect(fastAnswer(threePoint).success).toBe(true);
  });

  it('answers as zod does for any one edit anywhere in a valid batch (a value set, a key removed or added)', () => {
    const edit: fc.Arbitrary<Edit> = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), value: fc.constantFrom(...edgeValues) }),
      fc.record({ kind: fc.constant('set' as const), value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.constant({ kind: 'delete' as const }),
      fc.record({
        kind: fc.constant('add' as const),
        key: fc.constantFrom('item', 'extra', 'counts', '__proto__'),
        value: fc.jsonValue({ maxDepth: 2 }),
      }),
    );
    const parsed = bodies.map((body) => pathsOf(JSON.parse(body)));
    fc.assert(
      fc.property(fc.nat(bodies.length - 1), fc.nat(), edit, (b, p, change) => {
        const paths = parsed[b]!;
        const json = edited(bodies[b]!, paths[p % paths.length]!, change);
        // Each call gets its own copy: neither parse may lean on the other's leftovers.
        expect(fastAnswer(structuredClone(json))).toEqual(zodAnswer(structuredClone(json)));
      }),
      { numRuns: 1500 },
    );
  });
});
