import { describe, expect, it } from 'vitest';
import { ReportCache } from '../../src/hub/reportCache';

/** The hub's report cache: a value is served only under the data version it was computed after. */
describe('hub report cache', () => {
  const versioned = () => {
    const state = { version: 'v1', reads: 0 };
    const cache = new ReportCache<string>({
      version: async () => {
        state.reads += 1;
        return state.version;
      },
      maxEntries: 2,
    });
    return { state, cache };
  };

  it('computes once per key and data version, and again as soon as the version changes', async () => {
    const { state, cache } = versioned();
    let computations = 0;
    const compute = async (version: string) => `report ${(computations += 1)} of ${version}`;
    expect(await cache.get('month', compute)).toEqual({ value: 'report 1 of v1', version: 'v1' });
    expect(await cache.get('month', compute)).toEqual({ value: 'report 1 of v1', version: 'v1' });
    state.version = 'v2';
    expect(await cache.get('month', compute)).toEqual({ value: 'report 2 of v2', version: 'v2' });
    expect(await cache.get('month', compute)).toEqual({ value: 'report 2 of v2', version: 'v2' });
    expect(cache.computed).toBe(2);
    // The version is read on every request: that is what keeps a kept value from going stale.
    expect(state.reads).toBe(4);
  });

  it('keeps each key apart and drops the least recently used beyond maxEntries', async () => {
    const { cache } = versioned();
    const compute = (name: string) => async () => name;
    await cache.get('a', compute('a'));
    await cache.get('b', compute('b'));
    await cache.get('a', compute('a')); // a is now the most recently used
    await cache.get('c', compute('c')); // b goes
    expect(cache.computed).toBe(3);
    await cache.get('a', compute('a'));
    await cache.get('c', compute('c'));
    expect(cache.computed).toBe(3);
    await cache.get('b', compute('b'));
    expect(cache.computed).toBe(4);
  });

  it('shares one computation between concurrent requests, and keeps no failure', async () => {
    const { cache } = versioned();
    let release = () => {};
    let computations = 0;
    const slow = () =>
      new Promise<string>((done) => {
        computations += 1;
        release = () => done('shared');
      });
    const first = cache.get('year', slow);
    const second = cache.get('year', slow);
    await new Promise((done) => setTimeout(done, 0));
    release();
    expect((await first).value).toBe('shared');
    expect((await second).value).toBe('shared');
    expect(computations).toBe(1);

    await expect(
      cache.get('quarter', async () => {
        throw new Error('database gone');
      }),
    ).rejects.toThrow('database gone');
    expect((await cache.get('quarter', async () => 'back')).value).toBe('back');
  });

  describe('with maxAgeMs (as `npm run hub` serves)', () => {
    const aging = () => {
      const state = { version: 'v1', now: 0 };
      const cache = new ReportCache<string>({
        version: async () => state.version,
        maxAgeMs: 60_000,
        now: () => state.now,
      });
      let computations = 0;
      const pending: Array<() => void> = [];
      /** Each computation waits until the test lets it finish (finishAll). */
      const compute = (version: string) =>
        new Promise<string>((done) => {
          computations += 1;
          const n = computations;
          pending.push(() => done(`report ${n} of ${version}`));
        });
      const settle = () => new Promise((done) => setTimeout(done, 0));
      const finishAll = async () => {
        await settle(); // the cache reads the version first, then asks for the computation
        while (pending.length) pending.shift()!();
        await settle();
      };
      return { state, cache, compute, finishAll, computations: () => computations };
    };

    it('shows the last report at once when the data moved, computes the next meanwhile, then shows that', async () => {
      const { state, cache, compute, finishAll, computations } = aging();
      const first = cache.get('month', compute);
      await finishAll();
      expect(await first).toEqual({ value: 'report 1 of v1', version: 'v1' });

      state.version = 'v2';
      state.now = 30_000;
      // Served as it was, saying which data it is of; the next one is under way.
      expect(await cache.get('month', compute)).toEqual({ value: 'report 1 of v1', version: 'v1' });
      expect(await cache.get('month', compute)).toEqual({ value: 'report 1 of v1', version: 'v1' });
      expect(computations()).toBe(2); // one computation in the background, not one per request
      await finishAll();
      expect(await cache.get('month', compute)).toEqual({ value: 'report 2 of v2', version: 'v2' });
      expect(computations()).toBe(2);
    });

    it('never shows a report older than maxAgeMs: past it, the request waits for the new one', async () => {
      const { state, cache, compute, finishAll } = aging();
      const first = cache.get('year', compute);
      await finishAll();
      await first;
      state.version = 'v2';
      state.now = 60_000;
      const next = cache.get('year', compute);
      await finishAll();
      expect(await next).toEqual({ value: 'report 2 of v2', version: 'v2' });
    });

    it('keeps the last report when the background computation fails, and tries again on the next request', async () => {
      const state = { version: 'v1', now: 0 };
      const cache = new ReportCache<string>({
        version: async () => state.version,
        maxAgeMs: 60_000,
        now: () => state.now,
      });
      await cache.get('quarter', async (version) => `report of ${version}`);
      state.version = 'v2';
      let failures = 0;
      const failing = async () => {
        failures += 1;
        throw new Error('database gone');
      };
      expect((await cache.get('quarter', failing)).value).toBe('report of v1');
      await new Promise((done) => setTimeout(done, 0));
      expect((await cache.get('quarter', failing)).value).toBe('report of v1');
      await new Promise((done) => setTimeout(done, 0));
      expect(failures).toBe(2);
      await cache.get('quarter', async (version) => `report of ${version}`);
      await new Promise((done) => setTimeout(done, 0));
      expect(await cache.get('quarter', failing)).toEqual({ value: 'report of v2', version: 'v2' });
    });
  });
});
