import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregateBatch } from '../../src/contract/syncProtocol';
import { addDays } from '../../src/domain/localDay';
import { startHub, type RunningHub } from '../../src/hub';
import { canonicalJson } from '../../src/contract/syncProtocol';
import { simulate } from '../../src/hub/simulate';
import {
  deviceDayBatches,
  seeded,
  simulatedBody,
  simulatedUnits,
  SIMULATION_START,
} from '../../src/hub/simulatedCountry';
import { independentScore, type PlainAnswer } from '../support/independentScore';

/**
 * `npm run hub -- simulate` at small scale, inside `npm test`: 20 communes × 2
 * kiosks × 10 days sent concurrently over loopback, then the hub's report for the
 * whole span and for a part of it equals an independent re-sum of the latest
 * revisions the simulation sent (tests/support/independentScore.ts shares no code with src/).
 */

const UNITS = 20;
const DAYS = 10;
const qKey = (q: { id: string; version: number }) => `${q.id}@${q.version}`;

describe('hub simulate (20 units × 2 devices × 10 days)', () => {
  let dir = '';
  let hub: RunningHub;
  const latest = new Map<string, AggregateBatch>();
  let result: Awaited<ReturnType<typeof simulate>>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sipas-hub-sim-'));
    hub = await startHub({
      db: `sqlite:${path.join(dir, 'hub.db')}`,
      port: 0,
      now: () => Date.parse('2025-02-01T03:00:00Z'),
    });
    result = await simulate({
      url: hub.url,
      store: hub.store,
      units: UNITS,
      devicesPerUnit: 2,
      days: DAYS,
      concurrency: 8,
      seed: 15,
      onAccepted: (batch) => {
        const key = `${batch.device.id}|${batch.date}|${qKey(batch.questionnaire)}`;
        if ((latest.get(key)?.revision ?? 0) < batch.revision) latest.set(key, batch);
      },
    });
  }, 240_000);
  afterAll(async () => {
    await hub?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends every device-day, signed and accepted, some revised and some in two questionnaire versions', async () => {
    expect(result.complete).toBe(true);
    expect(result.devices).toBe(UNITS * 2);
    expect(result.deviceDays).toBe(UNITS * 2 * DAYS);
    expect(result.revisions).toBeGreaterThan(0);
    expect(result.secondVersionDays).toBeGreaterThan(0);
    expect(result.batches).toBe((await hub.totals()).storedBatches);
    expect((await hub.totals()).batches).toBe(latest.size);
  });

  it('sends the bytes a kiosk sends: each body is the canonical JSON of its batch', () => {
    const next = seeded(7);
    const units = simulatedUnits(40, DAYS, 3);
    const batches = units.flatMap((unit, u) =>
      deviceDayBatches(unit, `${unit.code}-k1`, u % DAYS, SIMULATION_START, next),
    );
    expect(new Set(batches.map((b) => b.questionnaire.id)).size).toBe(2);
    for (const batch of batches) expect(simulatedBody(batch)).toBe(canonicalJson(batch));
  });

  for (const [name, from, to] of [
    ['the whole span', SIMULATION_START, addDays(SIMULATION_START, DAYS - 1)],
    ['days 3 to 7', addDays(SIMULATION_START, 2), addDays(SIMULATION_START, 6)],
  ] as const) {
    it(`the report for ${name} equals an independent re-sum of the latest revisions`, async () => {
      const inPeriod = [...latest.values()].filter((b) => b.date >= from && b.date <= to);
      const report = await hub.report({ from, to });
      const sections = new Set(inPeriod.map((b) => qKey(b.questionnaire)));
      expect(new Set(report.questionnaires.map((s) => qKey(s.questionnaire)))).toEqual(sections);
      for (const section of report.questionnaires) {
        const own = inPeriod.filter((b) => qKey(b.questionnaire) === qKey(section.questionnaire));
        const units = [...new Set(own.map((b) => b.unit.code))];
        expect([...section.ranked, ...section.notRanked].map((u) => u.unitCode).sort()).toEqual(units.sort());
        const expected = new Map(
          units.map((code) => {
            const batches = own.filter((b) => b.unit.code === code);
            const answers: PlainAnswer[][] = batches.flatMap((b) =>
              b.rows.flatMap((row) =>
                row.counts.flatMap((n, i) =>
                  Array.from({ length: n }, () => [{ item: row.item, score: i + 1, points: 5 as const }]),
                ),
              ),
            );
            const sum = (k: 'responses' | 'counted' | 'suspect' | 'abandoned') =>
              batches.reduce((s, b) => s + b.totals[k], 0);
            return [
              code,
              {
                score: independentScore(answers),
                batches,
                counts: {
                  responses: sum('responses'),
                  counted: sum('counted'),
                  suspect: sum('suspect'),
                  abandoned: sum('abandoned'),
                },
              },
            ];
          }),
        );
        for (const unit of [...section.ranked, ...section.notRanked]) {
          const want = expected.get(unit.unitCode)!;
          expect(unit.counts).toEqual(want.counts);
          expect(unit.deviceDays).toBe(want.batches.length);
          expect(unit.devices).toBe(new Set(want.batches.map((b) => b.device.id)).size);
          expect(unit.coverage).toBe(want.score.dimensions.size);
          if (want.score.index === null) expect(unit.sipas).toBeNull();
          else expect(unit.sipas).toBeCloseTo(want.score.index, 9);
          for (const [dimension, score] of want.score.dimensions)
            expect(unit.dimensions[dimension as keyof typeof unit.dimensions]).toBeCloseTo(score.index, 9);
          const rankable = want.score.dimensions.size === 5 && want.counts.counted >= report.minSample;
          expect(unit.rank === null, unit.unitCode).toBe(!rankable);
        }
        const order = section.ranked.map((u) => expected.get(u.unitCode)!.score.index!);
        expect(order).toEqual([...order].sort((a, b) => b - a));
        // The daily trend: every unit's answers of that day pooled.
        for (const point of section.trend) {
          const day = own.filter((b) => b.date === point.date);
          const want = independentScore(
            day.flatMap((b) =>
              b.rows.flatMap((row) =>
                row.counts.flatMap((n, i) =>
                  Array.from({ length: n }, () => [{ item: row.item, score: i + 1, points: 5 as const }]),
                ),
              ),
            ),
          );
          if (want.index === null) expect(point.sipas).toBeNull();
          else expect(point.sipas).toBeCloseTo(want.index, 9);
        }
      }
    }, 60_000);
  }
});
