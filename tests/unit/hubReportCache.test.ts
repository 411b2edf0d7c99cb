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
});
