import { afterEach, describe, expect, it } from 'vitest';
import { composeApp, type App } from '../../src/app/composeApp';
import { silentLogger } from '../../src/node/logger';
import { frozenClock } from '../support/fakes';
import { useTempDirs } from '../support/tempDir';

const tempDir = useTempDirs();
const apps: App[] = [];
const savedTz = process.env.TZ;
afterEach(() => {
  apps.splice(0).forEach((a) => a.close());
  process.env.TZ = savedTz;
});

const submission = (n: number, score = 4) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  questionnaire: { id: 'sipas-quick', version: 1 },
  language: 'vi',
  durationMs: 30_000,
  // Every required rating of the quick form, so the response counts (and the repeat filter looks at it).
  answers: ['access', 'procedure', 'officer'].map((item) => ({ item, score })),
});

describe('clock', () => {
  it.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'])(
    'with the machine in %s, 23:59 and 00:01 in Vietnam land on the right local days',
    async (zone) => {
      process.env.TZ = zone;
      const clock = frozenClock('2026-11-30T16:59:00.000Z'); // 23:59 in Vietnam
      const app = await composeApp({ dataDir: tempDir(), clock, logger: silentLogger, demo: false });
      apps.push(app);
      expect(await app.dispatch('submitResponse', submission(1), { local: true })).toMatchObject({
        ok: true,
        value: { day: '2026-11-30' },
      });
      clock.set('2026-11-30T17:01:00.000Z'); // 00:01 on 1 December in Vietnam
      expect(await app.dispatch('submitResponse', submission(2), { local: true })).toMatchObject({
        ok: true,
        value: { day: '2026-12-01' },
      });
    },
  );

  it('a clock stepped back an hour neither reorders the inbox nor flags a repeat', async () => {
    const clock = frozenClock('2026-11-30T03:00:00.000Z');
    const app = await composeApp({ dataDir: tempDir(), clock, logger: silentLogger });
    apps.push(app);
    expect(await app.dispatch('submitResponse', submission(1, 1), { local: true })).toMatchObject({
      ok: true,
      value: { flags: [] },
    });
    clock.advance(-3_600_000);
    expect(await app.dispatch('submitResponse', submission(2, 1), { local: true })).toMatchObject({
      ok: true,
      value: { flags: [] },
    });
    const signIn = (await app.dispatch('signIn', { officer: 'nv01', pin: '1111' })) as any;
    const inbox = (await app.dispatch('listFeedback', {}, { token: signIn.value.token })) as any;
    expect(inbox.value.items.map((i: any) => i.responseId)).toEqual([submission(2).id, submission(1).id]);
  });
});
